"""Whether seedtui animates (smooth scrolling and the like): off over SSH unless asked.

:func:`animation_level` gives the value for Textual's ``App.animation_level``:

- ``SEEDTUI_ANIMATION`` decides when set: ``on`` (or ``full``), ``basic``, ``off`` (or
  ``none``); a configuration file can set :attr:`SeedApp.animation_level` the same way;
- else, over SSH (``SSH_CONNECTION`` or ``SSH_TTY`` in the environment) there is none:
  every frame of an animation crosses the link and the scroll seems to lag;
- else Textual's default (its ``TEXTUAL_ANIMATIONS`` variable, ``full`` when unset).

Jumps (top, bottom, a page, opening at a passage) are never animated
(:mod:`tui.ui.widgets.jumps`).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Literal

from textual import constants

Level = Literal["none", "basic", "full"]

NAMES: dict[str, Level] = {
    "on": "full",
    "full": "full",
    "basic": "basic",
    "off": "none",
    "none": "none",
}
"""The values ``SEEDTUI_ANIMATION`` takes (any case)."""


def animation_level(environ: Mapping[str, str] | None = None) -> Level:
    """The animation level for this session (see the module notes)."""
    environ = os.environ if environ is None else environ
    chosen = environ.get("SEEDTUI_ANIMATION", "").strip().lower()
    if chosen in NAMES:
        return NAMES[chosen]
    if environ.get("SSH_CONNECTION") or environ.get("SSH_TTY"):
        return "none"
    return constants.TEXTUAL_ANIMATIONS
