"""The bytes seedtui writes to a real terminal (a pseudo-terminal, recorded whole).

A folder and an article named and written with escape sequences, copied with ``y``:
no document- or name-originated escape reaches the terminal or the OSC 52 payload,
and SIGTERM or SIGHUP leave the terminal restored (alternate screen left, mouse off).
"""

from __future__ import annotations

import base64
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pty = pytest.importorskip("pty")
fcntl = pytest.importorskip("fcntl")
termios = pytest.importorskip("termios")

FOLDER = "corpus \x1b]0;pwn-title\x07 \x1b]2;pwn2\x07 \x9d0;pwn3\x07"
ARTICLE = (
    "Title \x1b]0;pwn-doc\x07 and \x1b[201~ paste end\n\n"
    "The harbour plan \x1b]52;c;cHduZWQ=\x07, “it works \x1b[2J\u202e,” said Ann \x1b[31mLee.\n"
)
RESTORED = (b"\x1b[?1049l", b"\x1b[?1000l")
"""Leaving the alternate screen and mouse reporting: a restored terminal."""


class Terminal:
    """seedtui started on a pseudo-terminal of 100x30, every byte it writes kept."""

    def __init__(self, root: Path, tmp: Path) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, bytes(bytearray([30, 0, 100, 0, 0, 0, 0, 0])))
        env = dict(
            os.environ,
            TERM="xterm-256color",
            SEEDTUI_STATE_DIR=str(tmp / "state"),
            SEEDTUI_CACHE_DIR=str(tmp / "cache"),
        )
        env.pop("TMUX", None)
        env.pop("STY", None)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tui", str(root)],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,
        )
        os.close(slave)
        self.master = master
        self.output = bytearray()
        self.listening = True
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while self.listening:
            try:
                data = os.read(self.master, 65536)
            except OSError:
                return
            if not data:
                return
            self.output.extend(data)

    def wait_for(self, text: bytes, seconds: float = 120) -> None:
        deadline = time.monotonic() + seconds
        while text not in self.output:
            assert time.monotonic() < deadline, f"{text!r} never showed"
            assert self.process.poll() is None, bytes(self.output[-500:])
            time.sleep(0.05)

    def type(self, keys: bytes) -> None:
        os.write(self.master, keys)

    def stop(self, number: int) -> int | None:
        """Send signal ``number``; the exit status, or ``None`` if it did not exit."""
        self.process.send_signal(number)
        try:
            code = self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            return None
        self._reader.join(5)
        os.close(self.master)
        return code


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    root = tmp_path / FOLDER
    root.mkdir()
    (root / "trap \x1b]0;pwn-name\x07.txt").write_text(ARTICLE, "utf-8")
    return root


def osc_numbers(output: bytes) -> set[str]:
    """The number of every OSC sequence in ``output`` (ESC ] or the C1 character)."""
    text = output.decode("utf-8", "replace")
    return set(re.findall("\x1b\\](\\d*)", text)) | set(re.findall("\x9d(\\d*)", text))


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP])
def test_no_escape_from_names_or_documents_and_the_terminal_is_restored(
    hostile: Path, tmp_path: Path, number: int
) -> None:
    terminal = Terminal(hostile, tmp_path)
    terminal.wait_for(b"search ready")
    terminal.type(b"y")
    terminal.wait_for(b"\x1b]52;c;")
    terminal.wait_for(b"Copied")
    code = terminal.stop(number)
    output = bytes(terminal.output)
    assert code == 128 + number, output[-300:]
    # Restored: after the last frame, the alternate screen is left and the mouse is off.
    for sequence in RESTORED:
        assert sequence in output[-400:], output[-400:]
    # No title change, no screen clear, no paste end, no C1 OSC from the names or the text.
    for planted in (b"\x1b]0;pwn", b"\x1b]2;pwn", b"\xc2\x9d0;pwn", b"\x1b[201~", b"\x1b[2J"):
        assert planted not in output, planted
    assert osc_numbers(output) <= {"52", "22"}  # the clipboard, and Textual's pointer shape
    payloads = re.findall(rb"\x1b\]52;c;([A-Za-z0-9+/=]*)\x07", output)
    assert payloads
    for payload in payloads:
        copied = base64.b64decode(payload).decode("utf-8")
        assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", copied)
        assert "harbour plan" in copied


@pytest.mark.parametrize("number", [signal.SIGHUP, signal.SIGTERM])
def test_the_process_ends_when_its_terminal_stops_listening(tmp_path: Path, number: int) -> None:
    # A dropped SSH link: the terminal stops taking output while the corpus is still
    # loading (the status line redrawn all the while), then the hang-up comes. Textual's
    # output thread is stuck on a write nobody reads; the app must still end, not
    # stay behind unseen, waiting on it forever.
    root = tmp_path / "many"
    root.mkdir()
    paragraph = "The harbour board met on Tuesday to weigh the dredging plan. " * 12
    for count in range(600):
        body = f"Harbour report {count}\n\n" + f"{paragraph}\n\n" * 6
        (root / f"report-{count:04}.txt").write_text(body, "utf-8")
    terminal = Terminal(root, tmp_path)
    terminal.wait_for(b"Harbour report")
    terminal.listening = False  # nothing reads the terminal any more: its buffer fills
    for _ in range(40):
        terminal.type(b"\x1b[B")  # Down: each one draws a frame that cannot go out
        time.sleep(0.05)
    terminal.process.send_signal(number)
    try:
        code = terminal.process.wait(60)
    except subprocess.TimeoutExpired:
        terminal.process.kill()
        terminal.process.wait()
        pytest.fail("seedtui was still running 60 s after the hang-up")
    finally:
        os.close(terminal.master)
    assert code == 128 + number
