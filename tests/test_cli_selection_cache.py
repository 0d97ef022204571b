"""Each selection of a folder (``--glob``, ``--exclude``, files named one by one) keeps a
cache of its own: a second run reads it, and no two selections share one."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tui.cli import main
from tui.core.cache import cache_path
from tui.core.library import Library

CORPUS = Path(__file__).parent / "fixtures" / "corpus"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of the fixture corpus that a test may change."""
    root = tmp_path / "corpus"
    shutil.copytree(CORPUS, root)
    return root


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    """``(reused, reread)`` of every library the command loads: files from the cache, from disk."""
    seen: list[tuple[int, int]] = []
    original = Library.load_now

    def spy(self: Library, **options: object) -> Library:
        result = original(self, **options)  # type: ignore[arg-type]
        seen.append((self.reused, self.reread))
        return result

    monkeypatch.setattr(Library, "load_now", spy)
    return seen


def ids(capsys: pytest.CaptureFixture[str], *argv: str) -> list[str]:
    code = main(["list", *argv, "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "warning" not in err, err
    return [json.loads(line)["id"] for line in out.splitlines()]


def cache_files(cache_dir: Path) -> dict[Path, int]:
    found = sorted(cache_dir.glob("*.cache")) if cache_dir.exists() else []
    return {path: path.stat().st_mtime_ns for path in found}


SELECTIONS = {
    "glob": lambda root: [str(root), "--glob", "grain*"],
    "exclude": lambda root: [str(root), "--exclude", "science"],
    "files": lambda root: [
        str(root / "world/grain-talks.md"),
        str(root / "world/harbour-bridge.txt"),
    ],
}


@pytest.mark.parametrize("kind", sorted(SELECTIONS))
def test_a_second_run_of_a_selection_reads_its_cache(
    capsys: pytest.CaptureFixture[str],
    folder: Path,
    cache_dir: Path,
    loads: list[tuple[int, int]],
    kind: str,
) -> None:
    argv = SELECTIONS[kind](folder)
    uncached = ids(capsys, *argv, "--no-cache")
    loads.clear()
    cold = ids(capsys, *argv)
    written = cache_files(cache_dir)
    assert cold == uncached and len(written) == 1
    assert not cache_path(folder).exists()  # not the whole folder's cache
    assert loads[0][0] == 0  # nothing from a cache yet
    loads.clear()
    warm = ids(capsys, *argv)
    assert warm == uncached
    assert loads == [(len(uncached), 0)]  # every article from the cache, none read
    assert cache_files(cache_dir) == written  # read, not rewritten


def test_selections_never_share_a_cache(
    capsys: pytest.CaptureFixture[str], folder: Path, cache_dir: Path
) -> None:
    runs = {
        "whole": [str(folder)],
        "grain": [str(folder), "--glob", "grain*"],
        "harbour": [str(folder), "--glob", "harbour*"],
        "no science": [str(folder), "--exclude", "science"],
        "no world": [str(folder), "--exclude", "world"],
        "one file": [str(folder / "world/grain-talks.md")],
        "two files": [
            str(folder / "world/grain-talks.md"),
            str(folder / "world/harbour-bridge.txt"),
        ],
    }
    truth = {name: ids(capsys, *argv, "--no-cache") for name, argv in runs.items()}
    assert len({tuple(found) for found in truth.values()}) == len(runs)  # all differ
    for _round in range(2):  # cold, then warm: each its own file, each right
        for name, argv in runs.items():
            assert ids(capsys, *argv) == truth[name], name
    assert len(cache_files(cache_dir)) == len(runs)


def test_the_same_selection_in_another_order_shares_its_cache(
    capsys: pytest.CaptureFixture[str], folder: Path, cache_dir: Path
) -> None:
    one = ids(capsys, str(folder), "--glob", "grain*", "--glob", "comet*")
    two = ids(capsys, str(folder), "--glob", "comet*", "--glob", "grain*", "--glob", "grain*")
    three = ids(
        capsys, str(folder / "world/harbour-bridge.txt"), str(folder / "world/grain-talks.md")
    )
    four = ids(
        capsys, str(folder / "world/grain-talks.md"), str(folder / "world/harbour-bridge.txt")
    )
    assert one == two and three == four
    assert len(cache_files(cache_dir)) == 2  # the patterns, and the files (other roots)


def test_a_selection_cache_follows_the_folder(
    capsys: pytest.CaptureFixture[str], folder: Path, loads: list[tuple[int, int]]
) -> None:
    argv = [str(folder), "--glob", "*.md"]
    before = ids(capsys, *argv)
    (folder / "world/new-port.md").write_text("New port opens\n\nThe port opened.\n", "utf-8")
    (folder / "world/ignored.txt").write_text("Not selected\n\nA text file.\n", "utf-8")
    loads.clear()
    after = ids(capsys, *argv)
    assert sorted(after) == sorted([*before, "world/new-port"])
    assert loads == [(len(before), 1)]  # the new file read, the others from the cache
    assert after == ids(capsys, *argv, "--no-cache")


async def test_the_browser_keeps_a_selection_in_its_own_cache(
    capsys: pytest.CaptureFixture[str], folder: Path, cache_dir: Path, tmp_path: Path
) -> None:
    # The browser given a selection reads through that selection's cache, the very file
    # the CLI keeps for it (before, it read every file again each time and kept none).
    from tui.core.corpus import Selection, Source, combined
    from tui.ui.app import SeedApp
    from tui.ui.widgets.article_list import ArticleList

    from .helpers import ready

    source = Source(folder, selection=Selection(include=("world/*",)))
    root, files = combined([source])
    app = SeedApp(root, state_dir=tmp_path / "state", files=files, scope=source.scope)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot)
        listed = sorted(article.id for article in screen.query_one(ArticleList).articles)
        for _ in range(200):  # the cache is written once the index is built
            if cache_files(cache_dir):
                break
            await pilot.pause(0.05)
    assert listed and all(name.startswith("world/") for name in listed)
    written = cache_files(cache_dir)
    assert len(written) == 1
    assert sorted(ids(capsys, str(folder), "--glob", "world/*")) == listed
    assert cache_files(cache_dir).keys() == written.keys()  # the CLI found the same file


def test_several_paths_in_the_browser_are_named_by_all_of_them(folder: Path) -> None:
    from tui.core.corpus import Selection, Source, combined_scope

    world = Source(folder / "world")
    science = Source(folder / "science", selection=Selection(exclude=("*.md",)))
    one = combined_scope([world, science], folder)
    assert one == combined_scope([science, world], folder)  # any order, one cache
    assert one != combined_scope([world, Source(folder / "science")], folder)
    assert one != combined_scope([world], folder)
