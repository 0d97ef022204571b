"""A real session through SSH in a real terminal (tmux), driven by ``../shared/tools/tui-drive``.

Covers what only a real terminal shows: search and the reader, in-article n/N, copy
(the OSC 52 bytes the app writes to its terminal are recorded with ``script``), and
restart memory. Skipped when tmux, sshd, script or tui-drive is missing; CI installs
tmux and openssh-server so it runs there.
"""

from __future__ import annotations

import base64
import re
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

missing = [
    name
    for name, found in (
        ("tmux", shutil.which("tmux")),
        ("sshd", shutil.which("sshd") or Path("/usr/sbin/sshd").exists()),
        ("ssh", shutil.which("ssh")),
        ("script", shutil.which("script")),
        ("tui-drive", DRIVE.exists()),
        ("seedtui", SEEDTUI.exists()),
    )
    if not found
]

pytestmark = [
    pytest.mark.terminal,
    pytest.mark.skipif(bool(missing), reason=f"needs {', '.join(missing)}"),
]


def drive(
    steps: str, command: str, out: Path, ssh: bool = True
) -> subprocess.CompletedProcess[str]:
    """Run ``command`` under tui-drive at 80x24 with ``steps``; the screens go to ``out``."""
    argv = [sys.executable, str(DRIVE), "--size", "80x24", "--out", str(out)]
    if ssh:
        argv.append("--ssh")
    argv += ["--", "sh", "-c", command]
    return subprocess.run(argv, input=steps, capture_output=True, text=True, timeout=180, cwd=ROOT)


def seedtui_command(state: Path, log: Path) -> str:
    """seedtui on the fixture corpus, its terminal output recorded by ``script``."""
    inner = f"{shlex.quote(str(SEEDTUI))} {shlex.quote(str(CORPUS))}"
    cache = state.parent / "cache"  # never the user's cache folder
    return (
        f"SEEDTUI_STATE_DIR={shlex.quote(str(state))} "
        f"SEEDTUI_CACHE_DIR={shlex.quote(str(cache))} "
        f"script -q -f -c {shlex.quote(inner)} {shlex.quote(str(log))}"
    )


def test_search_find_copy_and_restart_over_ssh(tmp_path: Path) -> None:
    state, log, out = tmp_path / "state", tmp_path / "typescript", tmp_path / "screens"
    steps = "\n".join(
        [
            "wait-for Grain 20",
            "type /",
            "type islandrs cut",
            "wait-for for 'islandrs cut' 10",  # the status line (hits for the query)
            "wait 1",
            "keys Enter",
            "wait-for Brandauer 10",
            "snap opened",
            "type /",
            "type bridge",
            # The reader is at the "islanders" passage: the first match below is the last.
            "wait-for Match 3/3 10",
            "keys Enter",
            "keys n",
            "wait-for Match 1/3 10",
            "keys n",
            "wait-for Match 2/3 10",
            "snap match2",
            "keys N",
            "wait-for Match 1/3 10",
            "keys ]",
            "wait-for Quote 1/ 10",
            "keys y",
            "wait-for Copied 10",
            "snap copied",
            "keys q",
            "wait 1",
        ]
    )
    result = drive(steps, seedtui_command(state, log), out)
    assert result.returncode == 0, result.stdout + result.stderr
    opened = (out / "opened.txt").read_text()
    assert "islanders cut off" in opened
    assert "Match 2/3" in (out / "match2.txt").read_text()
    recorded = log.read_bytes().decode("utf-8", "replace")
    payloads = re.findall(r"\x1b\]52;c;([A-Za-z0-9+/=]+)\x07", recorded)
    assert payloads, "no OSC 52 sequence reached the terminal"
    copied = base64.b64decode(payloads[-1]).decode("utf-8")
    assert "world/harbour-bridge)" in copied and "Brandauer" in copied
    saved = (state / "state.json").read_text(encoding="utf-8")
    assert "world/harbour-bridge" in saved

    # Restart: the same article comes back without a key pressed.
    again = drive(
        "wait-for Brandauer 20\nsnap restarted\nkeys q\nwait 1\n",
        seedtui_command(state, tmp_path / "typescript2"),
        tmp_path / "screens2",
    )
    assert again.returncode == 0, again.stdout + again.stderr
    assert "Brandauer" in (tmp_path / "screens2" / "restarted.txt").read_text()


def test_copy_inside_tmux_is_wrapped_for_passthrough(tmp_path: Path) -> None:
    log = tmp_path / "typescript"
    steps = "wait-for Grain 20\nkeys Enter\nwait 1\nkeys y\nwait-for Copied 10\nkeys q\nwait 1\n"
    result = drive(steps, seedtui_command(tmp_path / "state", log), tmp_path / "s", ssh=False)
    assert result.returncode == 0, result.stdout + result.stderr
    recorded = log.read_bytes().decode("utf-8", "replace")
    assert re.search(r"\x1bPtmux;\x1b\x1b\]52;c;[A-Za-z0-9+/=]+\x07\x1b\\", recorded)


@pytest.mark.parametrize("term", ["xterm", "screen", "linux"])
def test_other_terminals_at_60x20(tmp_path: Path, term: str) -> None:
    steps = (
        "wait-for search ready 20\ntype /\ntype islanders\nwait-for hit 10\nkeys Enter\n"
        "wait 1\nsnap s\nkeys q\nwait 1\n"
    )
    argv = [
        sys.executable,
        str(DRIVE),
        "--size",
        "60x20",
        "--term",
        term,
        "--ssh",
        "--out",
        str(tmp_path),
        "--",
        "sh",
        "-c",
        f"SEEDTUI_STATE_DIR={shlex.quote(str(tmp_path / 'state'))} "
        f"{shlex.quote(str(SEEDTUI))} {shlex.quote(str(CORPUS))}",
    ]
    result = subprocess.run(argv, input=steps, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    screen = (tmp_path / "s.txt").read_text()
    assert "▌ Brandauer said the ferry timetable" in screen
    assert "Traceback" not in screen


def test_no_escape_sequence_from_a_document_reaches_the_terminal(tmp_path: Path) -> None:
    log = tmp_path / "typescript"
    steps = (
        "wait-for search ready 20\nkeys G k\nwait 1\nkeys Enter\nwait-for pwned 10\n"
        "snap s\nkeys q\nwait 1\n"
    )  # the one before last holds the escapes
    result = drive(steps, seedtui_command(tmp_path / "state", log), tmp_path / "s")
    assert result.returncode == 0, result.stdout + result.stderr
    recorded = log.read_bytes()
    assert b"\x1b]0;pwned" not in recorded  # the title change
    assert b"\x1b[31mred" not in recorded  # the colour
    assert "␛]0;pwned␇" in (tmp_path / "s" / "s.txt").read_text()
