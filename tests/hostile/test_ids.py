"""Two files never share an id, by any way of loading, and each id opens its own file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tui.core.cache import load_cached
from tui.core.corpus import load_corpus
from tui.core.corpus.ids import assign_ids
from tui.core.models import Article

NAMES = {
    b"x.txt": "x.txt",
    b"x.md": "x.md",
    b"x.txt.md": "x.txt.md",
    b"X.TXT": "X.TXT",
    b"X.txt": "X.txt",
    b"n\xff.txt": "n\\xff",
    b"n\xfe.txt": "n\\xfe",
    b"alone.md": "alone",
    b"sub/alone.txt": "sub/alone",
}
"""Raw file name -> the id it must get."""


def build(root: Path) -> Path:
    (root / "sub").mkdir(parents=True)
    for raw in NAMES:
        with open(os.fsencode(root) + b"/" + raw, "wb") as stream:
            stream.write(
                b"Title " + raw.replace(b"\xff", b"FF").replace(b"\xfe", b"FE") + b"\n\nBody.\n"
            )
    return root


def texts(articles: list[Article]) -> dict[str, str]:
    return {article.id: article.text.split("\n", 1)[0] for article in articles}


def expected() -> dict[str, str]:
    return {
        wanted: "Title " + raw.decode("latin-1").replace("\xff", "FF").replace("\xfe", "FE")
        for raw, wanted in NAMES.items()
    }


def test_ids_are_unique_and_open_their_own_file(tmp_path: Path) -> None:
    corpus = load_corpus(build(tmp_path / "c"))
    assert texts(corpus.articles) == expected()
    for wanted in NAMES.values():
        article = corpus.by_id(wanted)
        assert article is not None and article.id == wanted


def test_ids_are_the_same_through_the_cache_cold_and_warm(tmp_path: Path) -> None:
    root = build(tmp_path / "c")
    for folder, _dirs, files in os.walk(root):
        for name in files:  # old enough for the cache to trust
            os.utime(Path(folder) / name, (1_600_000_000, 1_600_000_000))
    cold = load_cached(root)
    warm = load_cached(root)
    assert warm.reused == len(NAMES)
    assert texts(cold.corpus.articles) == texts(warm.corpus.articles) == expected()
    (root / "x.md").unlink()  # x.txt and x.txt.md no longer clash: plain ids come back
    changed = load_cached(root)
    ids = {article.path: article.id for article in changed.corpus.articles}
    assert ids["x.txt"] == "x" and ids["x.txt.md"] == "x.txt" and ids["X.txt"] == "X.txt"


def test_the_cli_prints_unique_ids(tmp_path: Path) -> None:
    root = build(tmp_path / "c")
    result = subprocess.run(
        [sys.executable, "-m", "tui", "list", "--corpus", str(root), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert sorted(ids) == sorted(NAMES.values())


def test_equal_paths_get_a_numbered_id_that_no_file_has() -> None:
    articles = [
        Article(id="", path=path, text="t", title="t")
        for path in ("a.txt", "a.txt", "a.txt~2.md", "b.txt")
    ]
    assign_ids(articles)
    assert [a.id for a in articles] == ["a.txt", "a.txt~3", "a.txt~2", "b"]
