"""The wheel holds the styles and the seeds, and works outside the checkout."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        text=True,
    )
    return next(out.glob("seedtui-*.whl"))


def test_wheel_holds_styles_and_seeds(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for style in sorted((ROOT / "styles").glob("*.tcss")):
        assert f"tui/styles/{style.name}" in names
    for seed in sorted((ROOT / "seeds").iterdir()):
        assert f"tui/seeds/{seed.name}" in names
    assert "tui/cli.py" in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "seedtui = tui.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_installed_wheel_finds_its_bundled_seeds(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = (
        "import tui.resources as r, tui.ui.app as a; "
        "print(r.default_corpus()); print(all(p.is_file() for p in a.SeedApp.CSS_PATH))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
    )
    lines = result.stdout.split()
    assert lines[0].startswith(str(target)) and lines[0].endswith("tui/seeds")
    assert lines[1] == "True"
