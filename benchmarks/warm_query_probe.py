"""CPU from the first frame to a typed query's painted hits, on a warm start, in fresh interpreters.

``python -m benchmarks.warm_query_probe [--runs 6] [--folder ../shared/data/bbc]
[--query "wenger arsenal"] [--before DIR]`` fills a cache for ``--folder`` (``seedtui
search``), then starts the browser headless (120x40) on it, again and again; each start
types ``/`` and the query the moment its first frame is sent, and stops when the frame
after the answer is sent. It prints, per start, the process CPU time (all threads) to
the first frame and from there to the painted hits, and the wall-clock time between the
two. ``--before DIR`` (an export of another commit: ``git archive REV tui styles | tar -x
-C DIR``) alternates that commit's browser with this one, each with a cache of its own
(the cache key covers the code), and prints the ratio of the medians and of each pair.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

CHILD = """
import sys, time
began = time.perf_counter()
from textual import events
from textual.app import App

marks = {{}}
draw = App._display


def display(self, screen, renderable):
    draw(self, screen, renderable)
    if renderable is None or type(screen).__name__ != "MainScreen":
        return
    if "first" not in marks:
        marks["first"] = (time.process_time(), time.perf_counter())
        for character in "/" + {query!r}:
            name = {{"/": "slash", " ": "space"}}.get(character, character)
            self.post_message(events.Key(name, character))
    elif "answered" in marks and "shown" not in marks:
        marks["shown"] = (time.process_time(), time.perf_counter())
        self.exit()


App._display = display
from pathlib import Path

from tui.ui.app import SeedApp
from tui.ui.screens.main import MainScreen

finished = MainScreen.on_search_finished


def on_search_finished(self, message):
    finished(self, message)
    if self.query_one("#search").value == {query!r}:
        marks["answered"] = True


MainScreen.on_search_finished = on_search_finished
SeedApp(Path({folder!r})).run(headless=True, size=(120, 40))
(cpu_first, wall_first), (cpu_shown, wall_shown) = marks["first"], marks["shown"]
print(cpu_first, cpu_shown - cpu_first, wall_shown - wall_first)
"""


def _env(cache: Path, state: Path, path: Path | None) -> dict[str, str]:
    env = {**os.environ, "SEEDTUI_CACHE_DIR": str(cache), "SEEDTUI_STATE_DIR": str(state)}
    if path is not None:
        env["PYTHONPATH"] = str(path)
    return env


def fill_cache(folder: Path, cache: Path, scratch: Path, path: Path | None) -> None:
    """Write the cache of ``folder`` with the code at ``path`` (this checkout's when None)."""
    subprocess.run(
        [sys.executable, "-m", "tui", "search", "--corpus", str(folder), "prepare"],
        env=_env(cache, scratch / "prepare-state", path),
        cwd=scratch,
        capture_output=True,
        check=False,  # 1: no hit; the cache is written all the same
    )


def one_start(
    folder: Path, query: str, cache: Path, state: Path, path: Path | None
) -> tuple[float, float, float]:
    """CPU to the first frame, CPU from it to the painted hits, wall between the two."""
    done = subprocess.run(
        [sys.executable, "-c", CHILD.format(folder=str(folder), query=query)],
        env=_env(cache, state, path),
        cwd=state.parent,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    first, shown, wall = (float(value) for value in done.stdout.split()[-3:])
    return first, shown, wall


def main(argv: list[str] | None = None) -> int:
    """Alternate the starts and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=6)
    parser.add_argument("--folder", type=Path, default=REPO.parent / "shared" / "data" / "bbc")
    parser.add_argument("--query", default="wenger arsenal")
    parser.add_argument("--before", type=Path, default=None)
    options = parser.parse_args(argv)
    folder = options.folder.resolve()
    paths: dict[str, Path | None] = {"seedtui": None}
    if options.before is not None:
        paths = {"before": options.before.resolve(), "seedtui": None}
    figures: dict[str, list[tuple[float, float, float]]] = {name: [] for name in paths}
    with tempfile.TemporaryDirectory(prefix="warm-query-") as scratch_name:
        scratch = Path(scratch_name)
        for name, path in paths.items():
            fill_cache(folder, scratch / f"cache-{name}", scratch, path)
        for run in range(options.runs):
            for name, path in paths.items():
                state = scratch / f"state-{name}-{run}"
                cache = scratch / f"cache-{name}"
                figures[name].append(one_start(folder, options.query, cache, state, path))
    for name, runs in figures.items():
        shown = [run[1] for run in runs]
        first = statistics.median(run[0] for run in runs) * 1000
        wall = statistics.median(run[2] for run in runs) * 1000
        print(
            f"{name:<8} CPU to first frame: median {first:5.0f} ms; first frame -> hits"
            f" painted: CPU median {statistics.median(shown) * 1000:5.0f} ms"
            f" (min {min(shown) * 1000:.0f}), wall median {wall:5.0f} ms"
            f"   CPU runs {', '.join(f'{value * 1000:.0f}' for value in shown)}"
        )
    if "before" in figures:
        after = [run[1] for run in figures["seedtui"]]
        before = [run[1] for run in figures["before"]]
        paired = sorted(a / b for a, b in zip(after, before))
        print(
            f"first frame -> hits painted, CPU, seedtui / before: medians"
            f" {statistics.median(after) / statistics.median(before):4.2f}x; pairs median"
            f" {statistics.median(paired):4.2f}x, range {paired[0]:4.2f}-{paired[-1]:4.2f}x"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
