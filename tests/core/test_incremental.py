"""Incremental index updates: a cache updated for a few changed files answers like a rebuild."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

import tui.core.search.update as update
from tui.core.cache.load import CachedCorpus, load_cached
from tui.core.search.index import DEAD, SearchIndex

OLD_NS = 1_600_000_000 * 10**9

WORDS = (
    "harbour bridge grain talks comet survey minister election budget railway strike "
    "festival orchestra vaccine hospital drought harvest parliament senator tariff export "
    "glacier volcano lava museum painting football stadium referee tennis champion"
).split()
NAMES = ("Ana Lopez", "Mira Chen", "Ivo Marsh", "Tom Hewitt", "Rosa Diaz")
FOLDERS = ("world", "world/europe", "science", "sport", "arts")


def _article(rng: random.Random, number: int) -> str:
    """A small article: maybe a date, a title, a few paragraphs, maybe a quotation."""
    title = " ".join(rng.sample(WORDS, 3)).capitalize()
    lines = []
    if rng.random() < 0.7:
        lines.append(f"date 2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
    lines.append(f"{title} {number}")
    for _ in range(rng.randint(1, 4)):
        words = rng.choices(WORDS, k=rng.randint(5, 14))
        lines.append("")
        lines.append(" ".join(words).capitalize() + ".")
    if rng.random() < 0.6:
        said = " ".join(rng.choices(WORDS, k=5))
        lines.append("")
        lines.append(f"\u201c{said.capitalize()},\u201d said {rng.choice(NAMES)}.")
    return "\n".join(lines) + "\n"


def _write(path: Path, text: str, offset: int = 0) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(OLD_NS + offset, OLD_NS + offset))


def _make(root: Path, count: int, seed: int = 1) -> list[Path]:
    rng = random.Random(seed)
    paths = []
    for number in range(count):
        path = root / rng.choice(FOLDERS) / f"a{number:03d}.txt"
        _write(path, _article(rng, number))
        paths.append(path)
    return paths


QUERIES = (
    "bridge",
    "grain talks",
    "volcano lava",
    "brige",
    "parliment",
    "hosp",
    "fest",
    '"harbour bridge"',
    "'comet",
    "'comets",
    "bridge !grain",
    '!"grain talks" harbour',
    "title:volcano",
    'title:"grain talks" bridge',
    "in:world bridge",
    "in:sport",
    "date:2024-05",
    "date:2024-03..2024-08 lava",
    "speaker:chen",
    "speaker:marsh grain",
    "^harbour",
    "harbour | glacier",
    "zebra",
    "unicorn",
    "a001",
    "tennis champion stadium",
)


def _hits(result: CachedCorpus, query: str) -> list[tuple[object, ...]]:
    articles = result.corpus.articles
    return [
        (
            articles[h.article].id,
            articles[h.article].text[h.start : h.end],
            h.start,
            h.end,
            h.matches,
            round(h.score, 9),
        )
        for h in result.index.search(query, 200)
    ]


def _same_as_fresh(result: CachedCorpus, root: Path, speakers: bool = True) -> None:
    """Every query gives the same hits, in the same order, as a load without the cache."""
    fresh = load_cached(root, use_cache=False)
    assert [a.id for a in result.corpus.articles] == [a.id for a in fresh.corpus.articles]
    if speakers:
        assert result.finish_quotes() == fresh.finish_quotes()
    for query in QUERIES:
        got, want = _hits(result, query), _hits(fresh, query)
        assert len(got) < 200
        assert set(got) == set(want), query
        assert got == want, query
    for number in range(len(fresh.corpus.articles)):
        for query in ("bridge", "grain lava", "speaker:chen"):
            got_one = result.index.search_article(number, query)
            want_one = fresh.index.search_article(number, query)
            assert [(h.passage, h.matches) for h in got_one] == [
                (h.passage, h.matches) for h in want_one
            ], (number, query)


@pytest.fixture
def updates(monkeypatch: pytest.MonkeyPatch) -> list[SearchIndex]:
    """Every index made by an incremental update (none when the cache rebuilt it)."""
    made: list[SearchIndex] = []
    real = update.update_index

    def spy(*args: object, **kwargs: object) -> SearchIndex | None:
        index = real(*args, **kwargs)  # type: ignore[arg-type]
        if index is not None:
            made.append(index)
        return index

    import tui.core.cache.merge as merge

    monkeypatch.setattr(merge, "update_index", spy)
    monkeypatch.setattr(update, "MAX_DEAD", 0.9)
    return made


@pytest.fixture
def root(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    _make(root, 40)
    return root


def _cached(root: Path, cache: Path) -> CachedCorpus:
    result = load_cached(root, folder=cache)
    result.finish_quotes()
    return result


def test_added_file_is_appended(root: Path, tmp_path: Path, updates: list[SearchIndex]) -> None:
    cache = tmp_path / "cache"
    before = _cached(root, cache)
    _write(
        root / "world" / "new.txt",
        "date 2024-05-09\nVolcano wakes\n\nLava and ash reached the harbour bridge.\n\n"
        "\u201cWe ran,\u201d said Mira Chen.\n",
        offset=3,
    )
    result = load_cached(root, folder=cache)
    assert len(updates) == 1 and result.reread == 1
    assert result.index.passages > before.index.passages and result.index.dead == 0
    assert not result.index.ordered
    assert any(a.id == "world/new" for a in result.corpus.articles)
    _same_as_fresh(result, root)


def test_removed_file_is_never_found(
    root: Path, tmp_path: Path, updates: list[SearchIndex]
) -> None:
    cache = tmp_path / "cache"
    _cached(root, cache)
    _write(root / "arts" / "unique.txt", "Zebra parade\n\nA zebra and a unicorn danced.\n")
    _cached(root, cache)
    (root / "arts" / "unique.txt").unlink()
    result = load_cached(root, folder=cache)
    assert len(updates) == 2 and result.index.dead > 0
    assert not result.index.search("zebra", 10) and not result.index.search("unicorn", 10)
    assert not result.index.search("zebr", 10) and not result.index.search("title:zebra", 10)
    assert DEAD in result.index.passage_article
    _same_as_fresh(result, root)


def test_changed_file_moves_in_date_order(
    root: Path, tmp_path: Path, updates: list[SearchIndex]
) -> None:
    cache = tmp_path / "cache"
    first = _cached(root, cache)
    moved = first.corpus.articles[0]
    path = root / moved.path
    _write(
        path,
        "date 2030-01-01\nGlacier retreats\n\nThe glacier melted near the stadium.\n",
        offset=5,
    )
    result = load_cached(root, folder=cache)
    assert len(updates) == 1 and result.index.dead == len(moved.passages)
    number = next(n for n, a in enumerate(result.corpus.articles) if a.id == moved.id)
    assert number > 10 and result.corpus.articles[number].date == "2030-01-01"
    assert not result.index.search(f'title:"{moved.title}"', 10)
    assert {h.article for h in result.index.search("title:retreats", 10)} == {number}
    _same_as_fresh(result, root)


def test_combined_changes_then_reload_and_again(
    root: Path, tmp_path: Path, updates: list[SearchIndex]
) -> None:
    cache = tmp_path / "cache"
    first = _cached(root, cache)
    rng = random.Random(7)
    ids = [a.path for a in first.corpus.articles]
    (root / ids[3]).unlink()
    (root / ids[10]).unlink()
    _write(root / ids[5], _article(rng, 500), offset=11)
    _write(root / "sport" / "z1.txt", _article(rng, 501), offset=12)
    _write(root / "science" / "b2.txt", _article(rng, 502), offset=13)
    result = load_cached(root, folder=cache)
    assert len(updates) == 1 and result.index.dead > 0
    _same_as_fresh(result, root)
    # The updated index round-trips through the cache file...
    again = load_cached(root, folder=cache)
    assert again.reread == 0 and again.warnings == [] and again.index.dead == result.index.dead
    _same_as_fresh(again, root)
    # ... and can be updated once more.
    _write(root / ids[20], _article(rng, 503), offset=14)
    (root / "sport" / "z1.txt").unlink()
    third = load_cached(root, folder=cache)
    assert len(updates) == 2 and third.index.dead > result.index.dead
    _same_as_fresh(third, root)


def test_too_many_dead_passages_rebuild(
    root: Path, tmp_path: Path, updates: list[SearchIndex], monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    first = _cached(root, cache)
    monkeypatch.setattr(update, "MAX_DEAD", 0.25)
    for article in first.corpus.articles[:15]:
        (root / article.path).unlink()
    result = load_cached(root, folder=cache)
    assert updates == [] and result.index.dead == 0 and result.index.ordered
    _same_as_fresh(result, root)


def test_speakers_before_quotes_are_found(
    root: Path, tmp_path: Path, updates: list[SearchIndex]
) -> None:
    cache = tmp_path / "cache"
    _cached(root, cache)
    _write(
        root / "arts" / "q.txt", "Gallery opens\n\n\u201cCome in,\u201d said Rosa Diaz.\n", offset=4
    )
    result = load_cached(root, folder=cache)
    assert len(updates) == 1 and not result.speakers_ready
    assert result.index.speakers == {}
    _same_as_fresh(result, root, speakers=False)
    result.finish_quotes()
    assert result.index.search("speaker:diaz", 10)
    _same_as_fresh(result, root)


@pytest.mark.parametrize("seed", range(6))
def test_random_edits_answer_like_a_rebuild(
    tmp_path: Path, updates: list[SearchIndex], seed: int
) -> None:
    root = tmp_path / "corpus"
    paths = _make(root, 30, seed=seed)
    cache = tmp_path / "cache"
    _cached(root, cache)
    rng = random.Random(100 + seed)
    offset = 20
    for _round in range(3):
        for _ in range(rng.randint(1, 4)):
            offset += 1
            action = rng.choice(("add", "remove", "change"))
            if action == "add" or not paths:
                path = root / rng.choice(FOLDERS) / f"n{seed}-{offset}.txt"
                _write(path, _article(rng, offset), offset)
                paths.append(path)
            elif action == "remove":
                paths.pop(rng.randrange(len(paths))).unlink()
            else:
                _write(rng.choice(paths), _article(rng, offset), offset)
        result = load_cached(root, folder=cache)
        if rng.random() < 0.5:
            result.finish_quotes()
        _same_as_fresh(result, root)
    assert updates
