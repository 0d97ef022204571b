"""Programs some tests run (shells, man): skipped when missing, failed in CI.

CI (``.ci/run``) installs them and sets ``SEEDTUI_REQUIRE_SHELLS=1``: there a missing one
fails its tests instead of skipping them silently.
"""

from __future__ import annotations

import os
import shutil

import pytest


def program(name: str) -> str:
    """The path of the program ``name``; skips the test (fails it in CI) when there is none."""
    found = shutil.which(name)
    if found is None:
        message = f"{name} is not installed"
        if os.environ.get("SEEDTUI_REQUIRE_SHELLS") == "1":
            pytest.fail(f"{message} (SEEDTUI_REQUIRE_SHELLS=1)")
        pytest.skip(message)
    return found
