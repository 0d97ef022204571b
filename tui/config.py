"""The configuration file: ``config.toml`` in the user's config folder.

``$SEEDTUI_CONFIG`` (or ``--config FILE``) names another file. Settings::

    corpus = "~/news"        # the default corpus when no PATH is given
    theme = "nord"           # a Textual theme name
    reader_width = 80        # widest reading column, in cells (0: the pane's width)
    animations = false       # false: no animation; true: Textual's full animations

    [keys]                   # binding id = keys, as in the help screen's ids
    "app.search" = "/,ctrl+s"

A file that cannot be parsed loses only its broken lines; an unknown setting or a
value of the wrong type is reported once, with its line, and ignored. Nothing in
the file can stop seedtui from starting. Imports no UI library.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CONFIG_NAME = "config.toml"
ENVIRONMENT = "SEEDTUI_CONFIG"
_SALVAGE_ATTEMPTS = 20
"""How many broken lines are dropped before the file is given up."""
_ERROR_LINE = re.compile(r"line (\d+)")
_AT = re.compile(r"\s*\(at (?:line \d+, column \d+|end of document)\)")


@dataclass(slots=True)
class Config:
    """The effective configuration: defaults, overridden by what the file says."""

    path: Path | None = None
    """The file read, or ``None`` when there was none."""
    corpus: Path | None = None
    theme: str | None = None
    reader_width: int = 0
    animations: bool | None = None
    """``False``: no animations, ``True``: all; ``None`` leaves Textual's default."""
    keys: dict[str, str] = field(default_factory=dict)
    key_lines: dict[str, int] = field(default_factory=dict)
    """The line of each ``[keys]`` entry, to report an unknown binding id where it is."""
    problems: list[str] = field(default_factory=list)
    """Each broken or unknown entry, once, with its line."""


def config_path(explicit: Path | None = None) -> Path:
    """``explicit``, else ``$SEEDTUI_CONFIG``, else ``config.toml`` in the user config folder."""
    if explicit is not None:
        return explicit
    override = os.environ.get(ENVIRONMENT)
    if override:
        return Path(override)
    from platformdirs import user_config_dir

    return Path(user_config_dir("seedtui")) / CONFIG_NAME


def _parse(text: str, name: str, problems: list[str]) -> dict[str, Any]:
    """The TOML of ``text``; a line that breaks it is reported and left out, then again."""
    if sys.version_info >= (3, 11):  # imported here: no file, no TOML parser loaded
        import tomllib
    else:  # pragma: no cover - the fallback of Python 3.10
        import tomli as tomllib

    lines = text.splitlines()
    for _attempt in range(_SALVAGE_ATTEMPTS):
        try:
            return tomllib.loads("\n".join(lines))
        except tomllib.TOMLDecodeError as error:
            found = _ERROR_LINE.search(str(error))
            number = int(found.group(1)) if found else 0
            message = _AT.sub("", str(error))
            problems.append(f"{_where(name, number)}: {message} (line ignored)")
            if not 1 <= number <= len(lines) or not lines[number - 1].strip():
                break
            lines[number - 1] = ""
    problems.append(f"{name}: cannot be read as TOML; using the defaults")
    return {}


def _line_of(text: str, key: str, table: str | None = None) -> int:
    """The line where ``key`` is set (inside ``[table]`` when given), or 0."""
    inside = table is None
    pattern = re.compile(r"""^\s*["']?""" + re.escape(key) + r"""["']?\s*=""")
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith("["):
            inside = table is not None and stripped.strip("[] ") == table
            continue
        if inside and pattern.match(line):
            return number
    return 0


def _where(name: str, line: int) -> str:
    return f"{name} line {line}" if line else name


def _read(config: Config, data: Mapping[str, Any], text: str, name: str) -> None:
    problems = config.problems
    for key, value in data.items():
        where = _where(name, _line_of(text, key))
        if key == "corpus" and isinstance(value, str) and value.strip():
            config.corpus = Path(value).expanduser()
        elif key == "theme" and isinstance(value, str) and value.strip():
            config.theme = value.strip()
        elif key == "reader_width" and type(value) is int and (value == 0 or 20 <= value <= 1000):
            config.reader_width = value
        elif key == "animations" and isinstance(value, bool):
            config.animations = value
        elif key == "keys" and isinstance(value, dict):
            for binding, keys in value.items():
                line = _line_of(text, binding, "keys")
                if isinstance(keys, str) and keys.strip():
                    config.keys[binding] = keys.replace(" ", "")
                    config.key_lines[binding] = line
                else:
                    problems.append(
                        f"{_where(name, line)}: keys.{binding} must be keys like 'ctrl+s,/'"
                        " (ignored)"
                    )
        elif key in _EXPECTED:
            problems.append(f"{where}: {key} must be {_EXPECTED[key]} (ignored)")
        else:
            problems.append(f"{where}: unknown setting {key!r} (ignored)")


_EXPECTED = {
    "corpus": "a folder path",
    "theme": "a theme name",
    "reader_width": "0 or a number of cells from 20 to 1000",
    "animations": "true or false",
    "keys": "a table of binding id = keys",
}


def load_config(explicit: Path | None = None) -> Config:
    """Read the configuration file; a missing default file is no problem, a missing named one is."""
    path = config_path(explicit)
    config = Config()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        if explicit is not None or os.environ.get(ENVIRONMENT):
            config.problems.append(f"config file not found: {path}; using the defaults")
        _remember(config)
        return config
    except OSError as error:
        config.problems.append(f"cannot read {path}: {error.strerror or error}; using the defaults")
        _remember(config)
        return config
    config.path = path
    text = raw.decode("utf-8", "replace")
    data = _parse(text, str(path), config.problems)
    _read(config, data, text, str(path))
    _remember(config)
    return config


_current: Config | None = None


def _remember(config: Config) -> None:
    global _current
    _current = config


def current() -> Config:
    """The configuration read last (the defaults when none was read)."""
    return _current if _current is not None else Config()


def _toml_string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    escaped = "".join(ch if ch.isprintable() else f"\\u{ord(ch):04x}" for ch in escaped)
    return f'"{escaped}"'


def render(config: Config) -> str:
    """The effective configuration as TOML (what ``seedtui --print-config`` prints)."""
    source = str(config.path) if config.path else f"none; would be {config_path()}"
    lines = [f"# seedtui configuration (file: {source})"]
    if config.corpus is not None:
        lines.append(f"corpus = {_toml_string(str(config.corpus))}")
    else:
        lines.append("# corpus = (unset: ./seeds if present, else the bundled seeds)")
    if config.theme is not None:
        lines.append(f"theme = {_toml_string(config.theme)}")
    else:
        lines.append("# theme = (unset: the last theme chosen in the app)")
    lines.append(f"reader_width = {config.reader_width}")
    if config.animations is None:
        lines.append("# animations = (unset: Textual's default, $TEXTUAL_ANIMATIONS)")
    else:
        lines.append(f"animations = {'true' if config.animations else 'false'}")
    lines.append("")
    lines.append("[keys]")
    for binding, keys in sorted(config.keys.items()):
        lines.append(f"{_toml_string(binding)} = {_toml_string(keys)}")
    return "\n".join(lines) + "\n"


def print_config(config: Config) -> None:
    """Print :func:`render` of ``config`` on standard output."""
    sys.stdout.write(render(config))
