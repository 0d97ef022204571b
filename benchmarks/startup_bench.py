"""Start-up of the real browser in a real terminal, as ratios to a bare Textual app.

``python -m benchmarks.startup_bench [--runs 5] [--corpora seeds,bbc]`` drives
``seedtui`` in tmux through ``../shared/tools/tui-drive``, on the repository's
``seeds`` folder and on ``../shared/data/bbc`` (left out when absent), with a cold
cache (an empty cache folder) and a warm one (filled beforehand by ``seedtui search``).
Each run measures, counted from tui-drive's start (tmux and Python start-up included):

- **first frame**: the search box's placeholder shows;
- **search ready**: the status line says so;
- **passage shown**: ``/`` and a query are typed as soon as the first frame is there;
  the time the hits for it show.

A bare Textual app (a ``Static`` and a ``Footer``) is started the same way in every
round, and every figure is printed with its ratio to the bare app's first frame of the
same statistic (min, median over ``--runs`` rounds). Every run has its own absolute
``XDG_*`` and ``SEEDTUI_*`` folders under one temporary folder, so nothing touches the
user's real cache or state. The ``tui`` package's bytecode is written first, as an
install would have it. Prints ``skipped`` and exits 0 without tmux or tui-drive.
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
DRIVE = SHARED / "tools" / "tui-drive"
SEEDTUI = Path(sys.executable).parent / "seedtui"
HELD = re.compile(r"wait-for (['\"])(.*?)\1 held at ([0-9.]+) s")

CORPORA = {
    "seeds": (REPO / "seeds", "joint militray force"),
    "bbc": (SHARED / "data" / "bbc", "wenger arsenal"),
}
"""Name: the folder and the query typed (a typo in the seeds' one, on purpose)."""

FIRST = "search passages"
"""On the first frame: the search box's placeholder."""
BARE = "bare first frame"

BARE_APP = f"""
from textual.app import App
from textual.widgets import Footer, Static


class Bare(App[None]):
    BINDINGS = [("q", "quit", "Quit")]

    def compose(self):
        yield Static({BARE!r})
        yield Footer()


Bare().run()
"""


def environment(folder: Path, cache: Path) -> dict[str, str]:
    """Absolute per-run XDG and seedtui folders (``cache`` may be shared by warm runs).

    A ``PYTHONPATH`` of the caller is passed on (the app started in tmux does not
    inherit it): set to an export of another commit's ``tui``, it measures that one.
    """
    passed = {"PYTHONPATH": os.environ["PYTHONPATH"]} if os.environ.get("PYTHONPATH") else {}
    return {
        **passed,
        "XDG_CACHE_HOME": str(folder / "xdg-cache"),
        "XDG_DATA_HOME": str(folder / "xdg-data"),
        "XDG_STATE_HOME": str(folder / "xdg-state"),
        "XDG_CONFIG_HOME": str(folder / "xdg-config"),
        "SEEDTUI_STATE_DIR": str(folder / "state"),
        "SEEDTUI_CACHE_DIR": str(cache),
    }


def drive(argv: list[str], env: dict[str, str], steps: list[str], out: Path) -> dict[str, float]:
    """Run ``argv`` under tui-drive with ``steps``; every ``wait-for`` text and its time."""
    assignments = " ".join(f"{name}={shlex.quote(value)}" for name, value in env.items())
    command = f"{assignments} {shlex.join(argv)}"
    result = subprocess.run(
        [sys.executable, str(DRIVE), "--size", "120x40", "--out", str(out), "--"]
        + ["sh", "-c", command],
        input="\n".join(steps) + "\n",
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"{argv[-1]}: tui-drive failed\n{result.stdout[-2000:]}{result.stderr}")
    return {match[1]: float(match[2]) for match in HELD.findall(result.stderr)}


def bare_run(folder: Path) -> float:
    """The bare app's first frame, in seconds."""
    script = folder / "bare.py"
    script.write_text(BARE_APP, encoding="utf-8")
    steps = [f"wait-for {BARE} 60", "keys q", "wait 0.5"]
    held = drive([sys.executable, str(script)], environment(folder, folder / "c"), steps, folder)
    return held[BARE]


def seedtui_run(
    folder: Path, root: Path, query: str, caches: tuple[Path, Path]
) -> tuple[float, float, float]:
    """First frame, search ready and passage shown, in seconds, from two starts.

    The first types the query at the first frame and waits for its hits; the second
    waits for "search ready" (which the hits' status line replaces at once in the
    first). ``caches`` are their cache folders (two empty ones for a cold start).
    """
    typed = [
        f"wait-for {FIRST} 120",
        "type /",
        f"type {query}",
        f"wait-for for '{query}' 900",  # the status line over the hits
        "keys Escape",
        "wait 0.3",
        "keys q",
        "wait 0.5",
    ]
    waited = [f"wait-for {FIRST} 120", "wait-for search ready 900", "keys q", "wait 0.5"]
    app = [str(SEEDTUI), str(root)]
    shown = drive(app, environment(folder / "typed", caches[0]), typed, folder / "typed")
    ready = drive(app, environment(folder / "waited", caches[1]), waited, folder / "waited")
    return shown[FIRST], ready["search ready"], shown[f"for '{query}'"]


def summary(name: str, values: list[float], bare: list[float]) -> str:
    """``name: min … (x bare) · median … (x bare)``."""
    low, mid = min(values), statistics.median(values)
    bare_low, bare_mid = min(bare), statistics.median(bare)
    return (
        f"  {name:<14} min {low:6.2f} s ({low / bare_low:5.2f}x)   "
        f"median {mid:6.2f} s ({mid / bare_mid:5.2f}x)"
    )


def main(argv: list[str] | None = None) -> int:
    """Run the rounds and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--corpora", default="seeds,bbc")
    options = parser.parse_args(argv)
    if not (DRIVE.exists() and shutil.which("tmux") and SEEDTUI.exists()):
        print("skipped: needs tmux, ../shared/tools/tui-drive and the seedtui script")
        return 0
    corpora = {
        name: CORPORA[name]
        for name in options.corpora.split(",")
        if name in CORPORA and CORPORA[name][0].is_dir()
    }
    bare: list[float] = []
    figures: dict[tuple[str, str], list[tuple[float, float, float]]] = {}
    with tempfile.TemporaryDirectory(prefix="startup-bench-") as scratch_name:
        scratch = Path(scratch_name).resolve()
        compile_package(scratch)
        warm_caches = {}
        for name, (root, _query) in corpora.items():
            warm = scratch / f"warm-cache-{name}"
            env = {**os.environ, **environment(scratch / f"prepare-{name}", warm)}
            filled = subprocess.run(
                [str(SEEDTUI), "search", "--corpus", str(root), "prepare"],
                env=env,
                capture_output=True,
                check=False,
            )
            if filled.returncode not in (0, 1):  # 1: no hit, the cache is written all the same
                raise RuntimeError(f"filling the cache of {name} failed: {filled.stderr!r}")
            warm_caches[name] = warm
        for run in range(options.runs):
            bare.append(bare_run(_fresh(scratch / f"bare-{run}")))
            for name, (root, query) in corpora.items():
                for kind in ("cold", "warm"):
                    folder = _fresh(scratch / f"{name}-{kind}-{run}")
                    caches = (
                        (folder / "cache-1", folder / "cache-2")
                        if kind == "cold"
                        else (warm_caches[name], warm_caches[name])
                    )
                    figures.setdefault((name, kind), []).append(
                        seedtui_run(folder, root, query, caches)
                    )
            print(f"round {run + 1}/{options.runs} done", file=sys.stderr)
    print(
        f"bare Textual app, first frame: min {min(bare):.2f} s, median "
        f"{statistics.median(bare):.2f} s ({len(bare)} runs)"
    )
    for (name, kind), runs in figures.items():
        print(f"{name} {kind}:")
        for column, label in enumerate(("first frame", "search ready", "passage shown")):
            print(summary(label, [figure[column] for figure in runs], bare))
    return 0


def compile_package(scratch: Path) -> None:
    """Write the bytecode of the ``tui`` package the app will import, as an install does.

    With ``PYTHONDONTWRITEBYTECODE`` set (or a read-only checkout) a checkout's modules
    would be compiled from source at every start, which no installed copy does: that
    would be measured as start-up time.
    """
    where = subprocess.run(
        [sys.executable, "-c", "import os, tui; print(os.path.dirname(tui.__file__))"],
        cwd=scratch,  # not the checkout: a PYTHONPATH given comes first
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    subprocess.run([sys.executable, "-m", "compileall", "-q", where], check=True)


def _fresh(folder: Path) -> Path:
    folder.mkdir(parents=True)
    return folder


if __name__ == "__main__":
    raise SystemExit(main())
