"""Time the browser itself in a real terminal: first screen, search-ready, first hits, RSS.

``python -m benchmarks.browser_probe ROOT CACHE [--size 120x40] [--linger S]``
starts ``python -m tui ROOT`` in tmux through ``../shared/tools/tui-drive``
(with ``SEEDTUI_CACHE_DIR=CACHE``), types ``/prime minister`` as soon as the
status line says "search ready", waits for the hits, quits, and prints one
JSON line: the seconds at which each of those showed (tui-drive counts from
its own start, so tmux start-up is included) and the peak RSS of the app
process (MiB). ``--linger`` waits that long before quitting (a cold start
finds the quotations and writes the cache meanwhile). Exits 0 with
``{"skipped": ...}`` when tmux or tui-drive is missing.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DRIVE = REPO.parent / "shared" / "tools" / "tui-drive"
HELD = re.compile(r"wait-for '([^']*)' held at ([0-9.]+) s")


def run_measured(out: Path, command: list[str]) -> int:
    """Run ``command`` and write its peak RSS (MiB) to ``out`` when it ends."""
    code = subprocess.run(command, check=False).returncode
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    out.write_text(f"{peak:.1f}\n", encoding="utf-8")
    return code


def main(argv: list[str] | None = None) -> int:
    """Drive one browser start and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("cache", type=Path)
    parser.add_argument("--size", default="120x40")
    parser.add_argument("--linger", type=float, default=0.0)
    parser.add_argument("--measured", type=Path, help=argparse.SUPPRESS)
    options, rest = parser.parse_known_args(argv)
    if options.measured is not None:  # inside tmux: run the app, record its RSS
        return run_measured(options.measured, rest[rest.index("--") + 1 :])
    if not (DRIVE.exists() and shutil.which("tmux")):
        print(json.dumps({"skipped": "tmux or tui-drive missing"}))
        return 0
    with tempfile.TemporaryDirectory() as scratch:
        rss_file = Path(scratch) / "rss"
        steps = Path(scratch) / "steps"
        steps.write_text(
            "wait-drawn 60\n"
            "wait-for search ready 900\n"
            "type /prime minister\n"
            "wait-for hits for 60\n"
            + (f"wait {options.linger}\n" if options.linger else "")
            + "keys Escape\nwait 0.5\nkeys q\nwait 5\n",
            encoding="utf-8",
        )
        env = {
            "SEEDTUI_CACHE_DIR": str(options.cache),
            "SEEDTUI_STATE_DIR": str(Path(scratch) / "state"),
        }
        command = [
            str(DRIVE),
            "--size",
            options.size,
            "--out",
            str(Path(scratch) / "out"),
            "--steps",
            str(steps),
            "--",
            "env",
            *(f"{k}={v}" for k, v in env.items()),
            sys.executable,
            "-m",
            "benchmarks.browser_probe",
            str(options.root),
            str(options.cache),
            "--measured",
            str(rss_file),
            "--",
            sys.executable,
            "-m",
            "tui",
            str(options.root),
        ]
        began = time.perf_counter()
        done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)
        for _ in range(100):
            if rss_file.exists() and rss_file.read_text().strip():
                break
            time.sleep(0.1)
        held = dict(HELD.findall(done.stderr))
        drawn = re.search(r"wait-drawn held at ([0-9.]+) s", done.stderr)
        figures = {
            "first_screen": float(drawn.group(1)) if drawn else None,
            "search_ready": float(held["search ready"]) if "search ready" in held else None,
            "first_hits": float(held["hits for"]) if "hits for" in held else None,
            "rss": float(rss_file.read_text()) if rss_file.exists() else None,
            "wall": time.perf_counter() - began,
            "ok": done.returncode == 0,
        }
        if done.returncode != 0:
            figures["screen"] = done.stdout[-1500:]
        print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    os.environ.pop("TMUX", None)
    sys.exit(main())
