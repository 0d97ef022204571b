"""Keys sent in one burst through a real terminal (tmux) are applied in order.

tui-drive's ``keys`` step hands every key of the line to tmux at once, so the app
reads them together, as after a paste or over a laggy link. Skipped without tmux or
``../shared/tools/tui-drive``.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DRIVE = ROOT.parent / "shared" / "tools" / "tui-drive"
CORPUS = ROOT / "tests" / "fixtures" / "corpus"
SEEDTUI = Path(sys.executable).parent / "seedtui"

pytestmark = [
    pytest.mark.terminal,
    pytest.mark.skipif(
        not (shutil.which("tmux") and DRIVE.exists() and SEEDTUI.exists()),
        reason="needs tmux, tui-drive and the seedtui script",
    ),
]


def test_bursts_in_the_search_box_and_after_escape(tmp_path: Path) -> None:
    out = tmp_path / "screens"
    steps = "\n".join(
        [
            "wait-for search ready 20",
            "keys / a b c BSpace BSpace BSpace d e f",
            "wait-for for 'def' 10",  # the status line: no match (or hits) for 'def'
            "wait 1",
            "snap typed",
            "keys Escape / C-u g r a i n",
            "wait-for for 'grain' 10",
            "wait 1",
            "snap cleared",
            "keys Escape q",  # read by the terminal as one Alt+q
            "wait-gone grain 10",
        ]
    )
    result = drive(tmp_path, steps, out)
    assert result.returncode == 0, result.stdout + result.stderr
    assert box_text(out / "typed.txt") == "def"
    assert box_text(out / "cleared.txt") == "grain"
    # q quit the app, not typed in the box: the last screen is blank but for tmux's
    # own line about the ended pane (shown or not, by timing), which gives exit status 0
    left = [line for line in result.stdout.splitlines() if line.strip()]
    assert all(line.startswith("Pane is dead (status 0") for line in left), left


def test_escape_and_a_punctuation_key_in_one_burst(tmp_path: Path) -> None:
    """ESC ``/`` together: Textual's parser alone drops the Escape and types the ``/``."""
    out = tmp_path / "screens"
    steps = "\n".join(
        [
            "wait-for search ready 20",
            "wait 3",  # the quotations: the speakers view lists them
            "keys S",
            "wait-for speakers 10",
            "keys Escape / g r a i n",
            "wait-for for 'grain' 10",
            "wait 1",
            "snap searched",
        ]
    )
    result = drive(tmp_path, steps, out)
    assert result.returncode == 0, result.stdout + result.stderr
    assert box_text(out / "searched.txt") == "grain"
    assert "speakers" not in (out / "searched.txt").read_text()  # the dialog closed


def test_escape_and_f_in_one_burst_open_the_list_filter(tmp_path: Path) -> None:
    """ESC ``f`` together: Textual's parser reads ctrl+right (Option+Right), a key the
    article list has no use for; the filter never opened and the letters ran list keys."""
    out = tmp_path / "screens"
    steps = "\n".join(
        [
            "wait-for search ready 20",
            "keys Escape f b r i d g e",
            "wait-for Clear 10",  # the filter's footer: "esc Clear filter"
            "wait 1",
            "snap filtered",
        ]
    )
    result = drive(tmp_path, steps, out)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = (out / "filtered.txt").read_text().splitlines()
    assert any(line.strip("▊▎ ") == "bridge" for line in lines), lines  # the filter line
    assert any("filter: 1 of 4" in line for line in lines), lines  # the harbour bridge


def drive(tmp_path: Path, steps: str, out: Path) -> subprocess.CompletedProcess[str]:
    """Run seedtui on the fixture corpus in tmux (80x24) through ``steps``."""
    command = (
        f"SEEDTUI_STATE_DIR={shlex.quote(str(tmp_path / 'state'))} "
        f"SEEDTUI_CACHE_DIR={shlex.quote(str(tmp_path / 'cache'))} "
        f"{shlex.quote(str(SEEDTUI))} {shlex.quote(str(CORPUS))}"
    )
    argv = [sys.executable, str(DRIVE), "--size", "80x24", "--out", str(out)]
    argv += ["--", "sh", "-c", command]
    return subprocess.run(argv, input=steps, capture_output=True, text=True, timeout=120)


def box_text(screen: Path) -> str:
    """What the search box (the second line of the screen) holds."""
    line = screen.read_text().splitlines()[1]
    return line.strip("▊▎ ")
