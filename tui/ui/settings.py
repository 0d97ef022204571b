"""The configuration file applied to the app: theme, animations, reader width, keymap.

Keys go through Textual's public keymap (:meth:`App.set_keymap`): each entry of
``[keys]`` replaces the keys of the binding with that id. An id no binding has is
reported (with its line) rather than silently dropped.
"""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode

from tui.config import Config


def _subclasses(cls: type[DOMNode]) -> list[type[DOMNode]]:
    found: list[type[DOMNode]] = []
    todo = [cls]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(current.__subclasses__())
    return found


def binding_ids() -> set[str]:
    """Every binding id of every app, screen and widget class imported so far."""
    ids: set[str] = set()
    for cls in _subclasses(DOMNode):
        for binding in getattr(cls, "BINDINGS", ()):
            if isinstance(binding, Binding) and binding.id:
                ids.add(binding.id)
    return ids


def apply_config(app: App[Any], config: Config) -> list[str]:
    """Set what ``config`` says on ``app``; the problems found (unknown theme or binding id)."""
    problems: list[str] = []
    name = str(config.path) if config.path else "config"
    if config.theme is not None:
        if config.theme in app.available_themes:
            app.theme = config.theme
        else:
            choices = ", ".join(sorted(app.available_themes)[:6])
            problems.append(f"{name}: unknown theme {config.theme!r} (ignored; e.g. {choices})")
    if config.animations is not None:
        app.animation_level = "full" if config.animations else "none"
    known = binding_ids()
    keymap: dict[str, str] = {}
    for binding, keys in config.keys.items():
        if binding in known:
            keymap[binding] = keys
        else:
            line = config.key_lines.get(binding, 0)
            where = f"{name} line {line}" if line else name
            problems.append(f"{where}: no binding has the id {binding!r} (ignored)")
    if keymap:
        app.set_keymap(keymap)
    return problems
