"""The completion scripts, loaded in real bash, zsh and fish: subcommands and options complete.

Each shell completes a partly typed command line with the script ``seedtui --completion
SHELL`` prints (the same text as the files under ``share/``, see test_packaging.py):
bash by calling the completion function as bash would, fish with ``complete -C``, zsh by
pressing tab in an interactive ``zsh`` on a pseudo-terminal, with ``compadd`` wrapped so
that every match the completion system offers is written to a file.

A shell that is not installed skips its tests, except where ``SEEDTUI_REQUIRE_SHELLS=1``
(CI, ``.ci/run``, which installs them): there a missing shell fails.
"""

from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.required import program as shell
from tui.command.docs import completion

WAIT_SECONDS = 120.0
"""How long a shell may take before the test gives up (a hang guard, not a speed check)."""


@pytest.fixture
def place(tmp_path: Path) -> Path:
    """An empty working folder (file names would be offered too) and a home for the shells."""
    (tmp_path / "work").mkdir()
    (tmp_path / "home").mkdir()
    return tmp_path


def environment(place: Path) -> dict[str, str]:
    home = place / "home"
    return {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "TERM": "dumb",
        "LANG": "C.UTF-8",
    }


# Each case: the typed line, and what must be offered for its last word.
CASES = [
    ("seedtui se", {"search"}),
    ("seedtui qu", {"quotes"}),
    ("seedtui search --li", {"--limit"}),
    ("seedtui search --que", {"--queries"}),
    ("seedtui quotes --sp", {"--speaker", "--speakers"}),
    ("seedtui list --no-", {"--no-cache"}),  # a global option after the subcommand
    ("seedtui --print-", {"--print-config"}),
]


# --- bash ---------------------------------------------------------------------------------


def bash_offers(place: Path, line: str) -> set[str]:
    script = place / "seedtui.bash"
    script.write_text(completion("bash"), encoding="utf-8")
    words = line.split(" ")
    quoted = " ".join(f"'{word}'" for word in words)
    program = (
        f"source {script}; COMP_WORDS=({quoted}); COMP_CWORD={len(words) - 1}; "
        f"COMP_LINE='{line}'; COMP_POINT={len(line)}; _seedtui; "
        'printf "%s\\n" "${COMPREPLY[@]}"'
    )
    result = subprocess.run(
        [shell("bash"), "--norc", "--noprofile", "-c", program],
        cwd=place / "work",
        env=environment(place),
        capture_output=True,
        text=True,
        timeout=WAIT_SECONDS,
    )
    assert result.returncode == 0, result.stderr
    return {word for word in result.stdout.splitlines() if word}


@pytest.mark.parametrize(("line", "expected"), CASES)
def test_bash_completes(place: Path, line: str, expected: set[str]) -> None:
    assert bash_offers(place, line) == expected


def test_bash_completes_a_file_after_a_path_option(place: Path) -> None:
    (place / "work" / "queries.txt").write_text("grain\n", encoding="utf-8")
    assert bash_offers(place, "seedtui search --queries qu") == {"queries.txt"}


# --- fish ---------------------------------------------------------------------------------


def fish_offers(place: Path, line: str) -> set[str]:
    script = place / "seedtui.fish"
    script.write_text(completion("fish"), encoding="utf-8")
    result = subprocess.run(
        [shell("fish"), "--no-config", "-c", f"source {script}; complete -C '{line}'"],
        cwd=place / "work",
        env=environment(place),
        capture_output=True,
        text=True,
        timeout=WAIT_SECONDS,
    )
    assert result.returncode == 0, result.stderr
    return {row.split("\t")[0] for row in result.stdout.splitlines() if row}


@pytest.mark.parametrize(("line", "expected"), CASES)
def test_fish_completes(place: Path, line: str, expected: set[str]) -> None:
    assert fish_offers(place, line) == expected


def test_fish_describes_what_it_offers(place: Path) -> None:
    script = place / "seedtui.fish"
    script.write_text(completion("fish"), encoding="utf-8")
    result = subprocess.run(
        [shell("fish"), "--no-config", "-c", f"source {script}; complete -C 'seedtui sea'"],
        cwd=place / "work",
        env=environment(place),
        capture_output=True,
        text=True,
        timeout=WAIT_SECONDS,
    )
    assert result.stdout.splitlines() == ["search\tfuzzy passage search"]


# --- zsh ----------------------------------------------------------------------------------

# Typed into an interactive zsh (no startup files): the completion system with the script
# in fpath, as an installed _seedtui is found; compadd wrapped to write what it is given to
# add (its query forms -O, -A and -D only ask, so they pass through); tab bound to a widget
# that completes, then marks the end. READY is printed split so its echo does not match.
ZSH_SETUP = """\
PS1='> '
fpath=({functions} $fpath)
autoload -U compinit && compinit -u -d {home}/zcompdump
compadd() {{ if (( ${{@[(I)-[OAD]*]}} )); then builtin compadd "$@"; return; fi; \
local -a found; builtin compadd -O found "$@"; print -rl -- $found >> {out}; \
builtin compadd "$@"; }}
_seedtui_test_tab() {{ zle complete-word; print -r -- '--done--' >> {out}; }}
zle -N _seedtui_test_tab && bindkey '^I' _seedtui_test_tab
print -r -- RE''ADY
"""


def _read_until(descriptor: int, wanted: bytes, deadline: float) -> bytes:
    seen = b""
    while wanted not in seen:
        if time.monotonic() > deadline:
            raise AssertionError(f"zsh never printed {wanted!r}; it printed {seen[-500:]!r}")
        ready, _, _ = select.select([descriptor], [], [], 0.1)
        if ready:
            try:
                seen += os.read(descriptor, 4096)
            except OSError:  # the shell ended
                raise AssertionError(f"zsh ended early: {seen[-500:]!r}") from None
    return seen


def zsh_offers(place: Path, line: str) -> set[str]:
    program = shell("zsh")
    functions = place / "functions"
    functions.mkdir(exist_ok=True)
    (functions / "_seedtui").write_text(completion("zsh"), encoding="utf-8")
    out = place / "offered.txt"
    out.unlink(missing_ok=True)
    setup = ZSH_SETUP.format(functions=functions, home=place / "home", out=out)
    deadline = time.monotonic() + WAIT_SECONDS
    pid, descriptor = pty.fork()
    if pid == 0:  # the child: the shell, on the pseudo-terminal
        os.chdir(place / "work")
        os.execve(program, [program, "-f", "-i"], environment(place))
    try:
        for command in setup.splitlines():
            os.write(descriptor, command.encode() + b"\n")
        _read_until(descriptor, b"READY", deadline)
        os.write(descriptor, line.encode() + b"\t")
        while "--done--" not in (out.read_text(encoding="utf-8") if out.exists() else ""):
            if time.monotonic() > deadline:
                raise AssertionError(f"zsh did not complete {line!r}")
            ready, _, _ = select.select([descriptor], [], [], 0.1)
            if ready:
                try:
                    os.read(descriptor, 4096)  # keep the terminal's output flowing
                except OSError:  # the shell ended
                    break
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(descriptor)
    return {word for word in out.read_text(encoding="utf-8").splitlines() if word != "--done--"}


@pytest.mark.parametrize(("line", "expected"), CASES)
def test_zsh_completes(place: Path, line: str, expected: set[str]) -> None:
    assert zsh_offers(place, line) == expected


def test_zsh_completes_a_file_after_a_path_option(place: Path) -> None:
    (place / "work" / "queries.txt").write_text("grain\n", encoding="utf-8")
    assert zsh_offers(place, "seedtui search --queries qu") == {"queries.txt"}
