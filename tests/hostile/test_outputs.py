"""Every way out of the CLI and the clipboard carries no escape from documents or names."""

from __future__ import annotations

import base64
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tui.core.clipboard import citation, clipboard_sequence, osc52
from tui.core.safety import for_copy, is_clean, one_line, to_json, visible
from tui.ui.clipboard import save_clipping

NASTY = "\x1b]0;pwned\x07 \x9b31m \x85 \x7f \u202eevil\u202c \u2066iso\u2069 \u2028 \x1b[201~"
"""Escapes, C1 controls (CSI, NEL), DEL, a bidi override, isolates, a line separator, and
the bracketed-paste terminator."""
FORBIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u206f]"
)
"""What must never be written raw (tab and newline are fine)."""


def run_cli(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, timeout=120)


def raw_ok(data: bytes) -> bool:
    """True when ``data``, decoded, holds no character a terminal would obey."""
    return FORBIDDEN.search(data.decode("utf-8", "replace")) is None


@pytest.fixture
def nasty_corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "good.txt").write_text("A good article\n\nThe harbour plan works.\n", "utf-8")
    (root / "evil.txt").write_text(
        f"Title {NASTY}\n\nThe harbour plan, “{NASTY},” said Ann {NASTY}.\n", "utf-8"
    )
    os.makedirs(root / "dir\x1b]2;name\x07", exist_ok=True)
    (root / "dir\x1b]2;name\x07" / "file\x1b[31m\x9b.txt").write_text(
        "Named badly\n\nThe harbour plan again.\n", "utf-8"
    )
    (root / "skip\x1b]0;warn\x07.txt").write_bytes(b"")  # skipped: its name is in a warning
    return root


def test_json_escapes_c1_del_bidi_and_isolates_but_keeps_utf8() -> None:
    line = to_json({"t": NASTY + " café 漢字"})
    assert raw_ok(line.encode()), line
    assert "café 漢字" in line  # still ensure_ascii=False
    assert "\\u009b" in line and "\\u007f" in line and "\\u202e" in line and "\\u2066" in line
    assert json.loads(line) == {"t": NASTY + " café 漢字"}


def test_visible_keeps_length_and_one_line_drops_newlines() -> None:
    assert len(visible(NASTY)) == len(NASTY) and is_clean(visible(NASTY))
    assert "\n" not in one_line("a\nb") and not is_clean(NASTY)


@pytest.mark.parametrize("command", [["list"], ["quotes"], ["search", "harbour plan"]])
def test_cli_json_output_is_escaped(nasty_corpus: Path, command: list[str]) -> None:
    result = run_cli(*command, "--corpus", str(nasty_corpus), "--json")
    assert result.returncode == 0, result.stderr
    assert raw_ok(result.stdout), result.stdout
    rows = [json.loads(line) for line in result.stdout.decode().splitlines()]
    values = [" ".join(map(str, row.values())) for row in rows]
    assert any("\x9b31m" in value and "\u202eevil" in value for value in values)  # data kept


@pytest.mark.parametrize(
    "command",
    [["list"], ["quotes"], ["search", "harbour plan"], ["search", "--queries", "QUERIES"]],
)
def test_cli_tables_and_warnings_are_inert(
    nasty_corpus: Path, tmp_path: Path, command: list[str]
) -> None:
    queries = tmp_path / "queries.txt"
    queries.write_text(f"harbour plan\nnamed badly\n{NASTY}\n", "utf-8")
    command = [str(queries) if part == "QUERIES" else part for part in command]
    result = run_cli(*command, "--corpus", str(nasty_corpus))
    assert result.returncode == 0, result.stderr
    assert raw_ok(result.stdout), result.stdout
    assert raw_ok(result.stderr), result.stderr
    assert b"skipped skip" in result.stderr  # the warning is there, made harmless


def test_cli_errors_are_inert(tmp_path: Path) -> None:
    missing = tmp_path / "gone\x1b]0;pwned\x07\u202e"
    for args in (["list", "--corpus", str(missing)], [str(missing)]):
        result = run_cli(*args)
        assert result.returncode != 0
        assert b"not found" in result.stderr and raw_ok(result.stderr), result.stderr
    queries = tmp_path / "q\x1b[2J.txt"
    result = run_cli("search", "--queries", str(queries), "--corpus", str(tmp_path))
    assert result.returncode == 2 and raw_ok(result.stderr), result.stderr


def _payload(sequence: str) -> str:
    found = re.findall(r"\x1b\]52;c;([A-Za-z0-9+/=]*)\x07", sequence)
    assert found
    return base64.b64decode(found[0]).decode("utf-8")


def test_osc52_payload_carries_no_escape() -> None:
    text = citation(f"Quote {NASTY}", f"Title {NASTY}", "2024-01-01", f"id{NASTY}", NASTY)
    for environ in ({}, {"TMUX": "1"}, {"STY": "1"}):
        payload = _payload(clipboard_sequence(text, environ).replace("\x1b\x1b", "\x1b"))
        assert raw_ok(payload.encode()), payload
        assert "\x1b[201~" not in payload
    assert _payload(osc52("a\nb")) == "a\nb"  # newlines kept


def test_clippings_file_carries_no_escape(tmp_path: Path) -> None:
    path = save_clipping(tmp_path, f"Quote {NASTY}\nsecond line")
    data = path.read_bytes()
    assert raw_ok(data), data
    assert b"second line" in data and for_copy(NASTY).encode() in data
