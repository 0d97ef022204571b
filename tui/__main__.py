"""``python -m tui``: the same as the ``seedtui`` command."""

from __future__ import annotations

from tui.cli import main

raise SystemExit(main())
