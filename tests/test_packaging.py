"""The wheel holds the styles and the seeds, and works outside the checkout."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.required import program
from tui.command.docs import SHARE_FILES, share_files

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


def test_wheel_holds_license_man_page_and_completions(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    data = next(n.split("/")[0] for n in names if ".data/" in n)
    for relative in SHARE_FILES.values():
        assert f"{data}/data/share/{relative}" in names
    metadata = next(n for n in names if n.endswith(".dist-info/METADATA"))
    text = zipfile.ZipFile(wheel).read(metadata).decode()
    assert "Requires-Dist: textual<9,>=8.2.8" in text
    assert "Requires-Dist: charset-normalizer" in text
    assert "Classifier: Programming Language :: Python :: 3.13" in text


def test_share_files_are_written_from_the_current_parser() -> None:
    for relative, text in share_files().items():
        on_disk = (ROOT / "share" / relative).read_text(encoding="utf-8")
        assert on_disk == text, f"share/{relative} is stale: python -m tui.command.docs share"


def test_installed_wheel_has_help_man_page_and_completion(wheel: Path, tmp_path: Path) -> None:
    prefix = tmp_path / "prefix"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--ignore-installed",  # else pip uninstalls the running environment's seedtui
            "--prefix",
            str(prefix),
            str(wheel),
        ],
        check=True,
    )
    site = next(prefix.glob("lib/python*/site-packages"))
    env = {"PYTHONPATH": str(site), "PATH": f"{prefix / 'bin'}:/usr/bin:/bin"}
    result = subprocess.run(
        [str(prefix / "bin" / "seedtui"), "--help"], capture_output=True, text=True, env=env
    )
    assert result.returncode == 0 and "usage: seedtui" in result.stdout
    page = prefix / "share/man/man1/seedtui.1"
    assert page.read_text(encoding="utf-8").startswith(".TH SEEDTUI 1")
    shown = subprocess.run(
        [program("man"), "-M", str(prefix / "share/man"), "seedtui"],
        capture_output=True,
        text=True,
        env={**env, "MANPAGER": "cat", "PAGER": "cat"},
    )
    assert "SEARCH SYNTAX" in shown.stdout
    completion = prefix / "share/bash-completion/completions/seedtui"
    script = (
        f"source {completion}; COMP_WORDS=(seedtui search --li); COMP_CWORD=2; "
        '_seedtui; echo "${COMPREPLY[@]}"'
    )
    reply = subprocess.run([program("bash"), "-c", script], capture_output=True, text=True)
    assert reply.stdout.split() == ["--limit"]
