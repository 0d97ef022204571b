"""A long browser session in a real terminal: RSS over time, the worst keystroke, the errors.

``python -m benchmarks.soak [ROOT] [--searches N] [--every K] [--size 120x40]``
starts ``python -m tui ROOT`` in a tmux session of its own (state and cache in a
temporary folder, the cache warmed first, ``$PAGER`` and ``$EDITOR`` set to
``true``), then N times: focuses the search box (``ctrl+s``),
clears it, types a query drawn from the corpus's titles, waits for the hits and
opens the best one (a step whose search box does not take the focus within
10 s is skipped and counted: its letters would run other keys). Every 50
searches it resizes the terminal, every 100 it reloads the folder (``R``, at
searches 50, 150, 250, ...: each line below is then read the same 50 searches
after a reload, not once just before and once just after one), every 7 it opens
the quotations panel. It prints one line every K searches: searches done, the
app's RSS (MiB), its ratio to the RSS after the first K searches, and its two
parts (``anon``: the heap; ``file``: pages of mapped files, the cache among
them), then a summary: the worst keystroke latency (from
sending the last key of a step to the screen changing, polled every 5 ms), the
count of error notifications seen and of entries in ``errors.log``. Skips (exit
0) without tmux or without ROOT (default ``../shared/data/bbc``).
"""

from __future__ import annotations

import argparse
import os
import random
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_ROOT = REPO.parent / "shared" / "data" / "bbc"


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=False).stdout


class Session:
    """One tmux session running the browser."""

    def __init__(self, name: str, command: str, size: tuple[int, int], env: dict[str, str]) -> None:
        self.name = name
        exports = " ".join(f"{key}={shlex.quote(value)}" for key, value in env.items())
        tmux(
            "new-session", "-d", "-s", name, "-x", str(size[0]), "-y", str(size[1]),
            f"exec env {exports} {command}",
        )  # fmt: skip
        self.pid = int(tmux("display-message", "-p", "-t", name, "#{pane_pid}").strip() or 0)
        self.worst = 0.0
        self.stalls = 0

    def screen(self) -> str:
        return tmux("capture-pane", "-p", "-t", self.name)

    def rss_mib(self, field: str = "VmRSS") -> float:
        """The app's ``field`` of ``/proc/PID/status`` (VmRSS, RssAnon, RssFile) in MiB."""
        try:
            with open(f"/proc/{self.pid}/status", encoding="utf-8") as status:
                for line in status:
                    if line.startswith(f"{field}:"):
                        return int(line.split()[1]) / 1024
        except OSError:
            pass
        return float("nan")

    def send(self, *keys: str, literal: bool = False, timed: bool = True) -> float:
        """Send keys; the seconds until the screen changed (when ``timed``)."""
        before = self.screen()
        tmux("send-keys", "-t", self.name, *(["-l"] if literal else []), *keys)
        if not timed:
            return 0.0
        began = time.perf_counter()
        while time.perf_counter() - began < 5:
            if self.screen() != before:
                latency = time.perf_counter() - began
                self.worst = max(self.worst, latency)
                return latency
            time.sleep(0.005)
        self.stalls += 1  # nothing changed (a key that had nothing to do, or a hang)
        return float("nan")

    def wait_for(self, *texts: str, seconds: float = 30) -> bool:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            screen = self.screen()
            if any(text in screen for text in texts):
                return True
            time.sleep(0.01)
        return False

    def close(self) -> None:
        tmux("kill-session", "-t", self.name)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", type=Path, default=DEFAULT_ROOT)
    parser.add_argument("--searches", type=int, default=10_000)
    parser.add_argument("--every", type=int, default=100)
    parser.add_argument("--size", default="120x40")
    args = parser.parse_args()
    if shutil.which("tmux") is None or not args.root.is_dir():
        print("soak: skipped (needs tmux and the corpus folder)")
        return 0
    width, height = (int(part) for part in args.size.split("x"))
    work = Path(tempfile.mkdtemp(prefix="seedtui-soak-"))
    env = {
        "SEEDTUI_STATE_DIR": str(work / "state"),
        "SEEDTUI_CACHE_DIR": str(work / "cache"),
        "TERM": "xterm-256color",
        # A stray key must not leave the app for a pager or an editor (o, e).
        "PAGER": "true",
        "VISUAL": "true",
        "EDITOR": "true",
    }
    subprocess.run(
        [sys.executable, "-m", "tui", "search", "warm", "--corpus", str(args.root)],
        env={**os.environ, **env}, capture_output=True, check=False, cwd=REPO,
    )  # fmt: skip
    from tui.core.corpus import load_corpus

    titles = [a.title for a in load_corpus(args.root).articles]
    words = [w for title in titles for w in title.split() if w.isalpha() and len(w) > 2]
    rng = random.Random(18)
    command = f"{shlex.quote(sys.executable)} -m tui {shlex.quote(str(args.root))}"
    env["PYTHONPATH"] = str(REPO)
    session = Session(f"seedtui-soak-{os.getpid()}", command, (width, height), env)
    errors_seen = 0
    missed = 0
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # the finally below ends tmux
    try:
        if not session.wait_for("search ready", seconds=120):
            print("soak: the browser never became ready")
            print(session.screen())
            return 1
        baseline = None
        began = time.perf_counter()
        print(
            f"{'searches':>8} {'RSS MiB':>8} {'ratio':>6} {'anon':>6} {'file':>6} "
            f"{'worst ms':>9} {'seconds':>8} {'errors':>6} {'skipped':>7}"
        )
        for number in range(1, args.searches + 1):
            query = " ".join(
                rng.choice(words)[: rng.randint(3, 9)] for _ in range(rng.randint(1, 3))
            )
            # Back to the search box: Esc closes a find bar, a second leads to the list.
            for _ in range(2):
                session.send("Escape", timed=False)
                time.sleep(0.1)
            session.send("C-s", timed=False)  # the corpus search from anywhere ("/" finds in
            # an article in the reader, and a query typed there runs the reader's keys)
            if not session.wait_for("^u Clear", seconds=10):  # the search box's footer
                missed += 1  # letters typed elsewhere would run keys (q quits): skip
                continue
            session.send("C-u", timed=False)
            time.sleep(0.05)
            session.send(query, literal=True)
            session.wait_for(f" for {query!r}", seconds=10)
            session.send("Enter")
            if number % 7 == 0:
                session.send('"')  # the quotations panel, then back
                session.send('"')
            if number % 50 == 0:
                w, h = rng.randint(40, width), rng.randint(10, height)
                tmux("resize-window", "-t", session.name, "-x", str(w), "-y", str(h))
                time.sleep(0.05)
                tmux("resize-window", "-t", session.name, "-x", str(width), "-y", str(height))
            if number % 100 == 50:
                session.send("R")
                session.wait_for("search ready", seconds=60)
            screen = session.screen()
            if "Unexpected error" in screen or "unexpected error" in screen:
                errors_seen += 1
            if number % args.every == 0:
                rss = session.rss_mib()
                baseline = baseline or rss
                anon, mapped = session.rss_mib("RssAnon"), session.rss_mib("RssFile")
                print(
                    f"{number:>8} {rss:>8.1f} {rss / baseline:>6.3f} {anon:>6.1f} {mapped:>6.1f} "
                    f"{session.worst * 1000:>9.1f} {time.perf_counter() - began:>8.1f} "
                    f"{errors_seen:>6} {missed:>7}",
                    flush=True,
                )
            alive = session.rss_mib()
            if alive != alive:  # nan: the app is gone
                print("soak: the browser exited")
                print(session.screen())
                return 1
    finally:
        session.close()
    log = work / "state" / "errors.log"
    logged = log.read_text(encoding="utf-8").count("Traceback") if log.exists() else 0
    print(f"worst keystroke latency: {session.worst * 1000:.1f} ms")
    print(f"keys after which the screen did not change within 5 s: {session.stalls}")
    print(f"error notifications seen: {errors_seen}; errors.log tracebacks: {logged}")
    print(f"steps skipped (the search box did not take the focus within 10 s): {missed}")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
