"""The core must never import the UI libraries: checked in a fresh interpreter."""

from __future__ import annotations

import json
import subprocess
import sys


def test_core_imports_neither_textual_nor_rich() -> None:
    code = (
        "import json, sys, pkgutil, importlib, tui.core\n"
        "for m in pkgutil.iter_modules(tui.core.__path__):\n"
        "    importlib.import_module('tui.core.' + m.name)\n"
        "import tui.cli\n"
        "ui = ('textual', 'rich')\n"
        "print(json.dumps(sorted(n for n in sys.modules if n.split('.')[0] in ui)))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert json.loads(result.stdout) == []


def test_core_modules_are_all_imported() -> None:
    code = (
        "import pkgutil, tui.core\n"
        "print(sorted(m.name for m in pkgutil.iter_modules(tui.core.__path__)))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    for name in ("corpus", "passages", "quotes", "search", "models"):
        assert name in result.stdout
