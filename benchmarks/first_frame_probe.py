"""CPU time to the first frame, seedtui against a bare Textual app, in fresh interpreters.

``python -m benchmarks.first_frame_probe [--runs 6] [--folder seeds]`` starts, in turn, a
bare Textual app (a ``Static`` and a ``Footer``) and the seedtui browser on ``--folder``,
each headless (120x40) in its own interpreter, and stops each at the first frame its
screen sends to the terminal. It prints the process CPU time (user + system, from the
interpreter's start: imports included) of every run, min and median, and seedtui's
ratios to the bare app. CPU time, unlike the wall-clock figures of
:mod:`benchmarks.startup_bench`, hardly moves when other jobs load the machine. The
folder is not loaded (the first frame comes before the load starts); the state folder is
a temporary one. ``--profile FILE`` writes a cProfile of one more seedtui start, to the
first frame, to FILE. A ``PYTHONPATH`` naming an export of another commit's ``tui``
measures that one (its bytecode is compiled first, as an install has it). The browser is
made as the ``seedtui`` command makes it (``tui.cli.browser_app``: the command line parsed,
the folder checked, the configuration read, the collector paused while the UI's modules
load), and the first frame is watched from then on; an older commit without
``browser_app`` gets its ``SeedApp`` made directly, after Textual's imports.
``--before DIR`` (an export of another commit: ``git archive REV tui styles | tar -x -C
DIR``) adds that commit's browser to every round, between the bare app and this one,
so before and after are measured in the same run; the ratios of both are printed.
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
import resource, sys
profile = None
if {profile!r}:
    import cProfile
    profile = cProfile.Profile()
    profile.enable()
shown = {{}}


def watch_first_frame(App):
    draw = App._display

    def display(self, screen, renderable):
        draw(self, screen, renderable)
        wanted = {which!r} == "bare" or type(screen).__name__ == "MainScreen"
        if "cpu" not in shown and renderable is not None and wanted:
            usage = resource.getrusage(resource.RUSAGE_SELF)
            shown["cpu"] = usage.ru_utime + usage.ru_stime
            if profile is not None:
                profile.disable()
                profile.dump_stats({profile!r})
            self.exit()

    App._display = display


if {which!r} == "bare":
    from textual.app import App
    from textual.widgets import Footer, Static

    watch_first_frame(App)

    class Bare(App[None]):
        def compose(self):
            yield Static("bare first frame")
            yield Footer()

    app = Bare()
else:
    import tui.cli

    if hasattr(tui.cli, "browser_app"):  # made as the console script makes it
        from tui.command.parser import parse

        app = tui.cli.browser_app(parse(["open", {folder!r}]))
    else:  # an older commit: the app made directly
        from pathlib import Path
        from tui.ui.app import SeedApp

        app = SeedApp(Path({folder!r}))
    from textual.app import App
    from tui.ui.screens.main import MainScreen

    watch_first_frame(App)
    MainScreen.start_loading = lambda self: None  # the first frame only
app.run(headless=True, size=(120, 40))
print(shown["cpu"])
"""


def first_frame_cpu(
    which: str, folder: Path, state: Path, profile: str = "", path: Path | None = None
) -> float:
    """Seconds of CPU a fresh interpreter spends up to the first frame of ``which``
    (``path``: a folder put first on ``PYTHONPATH``, an export of another commit)."""
    code = CHILD.format(which=which, folder=str(folder), profile=profile)
    env = {
        **os.environ,
        "SEEDTUI_STATE_DIR": str(state),
        "SEEDTUI_CACHE_DIR": str(state),
        "SEEDTUI_CONFIG": str(state / "none.toml"),
    }
    if path is not None:
        env["PYTHONPATH"] = str(path)
    done = subprocess.run(  # run outside the checkout: a PYTHONPATH given comes first
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        cwd=state.parent,
    )
    return float(done.stdout.strip().splitlines()[-1])


def compile_package(scratch: Path, path: Path | None = None) -> None:
    """Write the bytecode of the ``tui`` package the probe imports, as an install has it."""
    env = {**os.environ, **({"PYTHONPATH": str(path)} if path is not None else {})}
    where = subprocess.run(
        [sys.executable, "-c", "import os, tui; print(os.path.dirname(tui.__file__))"],
        cwd=scratch,
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout.strip()
    subprocess.run([sys.executable, "-m", "compileall", "-q", where], check=True)


def main(argv: list[str] | None = None) -> int:
    """Alternate the two starts and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=6)
    parser.add_argument("--folder", type=Path, default=REPO / "seeds")
    parser.add_argument("--profile", default="")
    parser.add_argument("--before", type=Path, default=None)
    options = parser.parse_args(argv)
    paths: dict[str, Path | None] = {"bare": None, "seedtui": None}
    if options.before is not None:
        paths = {"bare": None, "before": options.before.resolve(), "seedtui": None}
    figures: dict[str, list[float]] = {name: [] for name in paths}
    with tempfile.TemporaryDirectory(prefix="first-frame-") as scratch:
        for path in set(paths.values()):
            compile_package(Path(scratch), path)
        for run in range(options.runs):
            for name, path in paths.items():
                which = "bare" if name == "bare" else "seedtui"
                state = Path(scratch) / f"{name}-{run}"
                folder = options.folder.resolve()
                figures[name].append(first_frame_cpu(which, folder, state, path=path))
        if options.profile:
            folder, state = options.folder.resolve(), Path(scratch) / "profiled"
            first_frame_cpu("seedtui", folder, state, options.profile)
    bare = figures["bare"]
    for which, values in figures.items():
        low, mid = min(values), statistics.median(values)
        print(
            f"{which:<8} CPU to first frame: min {low * 1000:6.0f} ms ({low / min(bare):4.2f}x)"
            f"   median {mid * 1000:6.0f} ms ({mid / statistics.median(bare):4.2f}x)"
            f"   runs {', '.join(f'{v * 1000:.0f}' for v in values)}"
        )
    for which, values in figures.items():  # each start against the bare one of its round
        if which != "bare":
            paired = sorted(value / base for value, base in zip(values, bare))
            print(
                f"{which:<8} / bare of the same round: median {statistics.median(paired):4.2f}x,"
                f" range {paired[0]:4.2f}-{paired[-1]:4.2f}x"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
