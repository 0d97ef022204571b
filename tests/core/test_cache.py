"""The persistent corpus cache: reuse, invalidation, corruption, and never writing to the corpus."""

from __future__ import annotations

import os
import pickle
import shutil
import struct
import subprocess
import sys
import threading
from array import array
from pathlib import Path

import pytest

from tui.core.cache.format import MAGIC
from tui.core.cache.load import CachedCorpus, cache_path, load_cached
from tui.core.corpus.read import Corpus, load_corpus
from tui.core.models import Skipped
from tui.core.quotes.find import Quote
from tui.core.ragged import Ragged
from tui.core.search.index import SearchIndex

OLD_NS = 1_600_000_000 * 10**9
"""An mtime well before any test run: files this old are trusted by the cache."""


def _age(root: Path, offset: int = 0) -> None:
    """Set every file below ``root`` to an old mtime (fresh files are re-read on purpose)."""
    for path in root.rglob("*"):
        if path.is_file():
            os.utime(path, ns=(OLD_NS + offset, OLD_NS + offset))


def _write(path: Path, text: str | bytes, offset: int = 0) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(OLD_NS + offset, OLD_NS + offset))


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A tiny corpus: nested folders, a dated article, a cp1252 file, an empty file."""
    root = tmp_path / "corpus"
    _write(
        root / "world" / "harbour.txt",
        "Harbour bridge reopens\n\nThe bridge reopened on Monday.\n\n"
        "\u201cIt is a great day,\u201d said Mayor Ana Lopez.\n",
    )
    _write(
        root / "world" / "grain.txt",
        "date 2024-05-01\nGrain talks resume\n\nNegotiators met in Geneva about grain.\n",
    )
    _write(
        root / "science" / "comet.md",
        "Comet survey\n\nAstronomers counted a thousand comets.\n\n"
        "\u201cWe were surprised,\u201d said Dr Mira Chen.\n",
    )
    _write(
        root / "science" / "latin.txt",
        "Caf\u00e9 society\n\nThe caf\u00e9 served cr\u00e8me br\u00fbl\u00e9e.\n".encode("cp1252"),
    )
    _write(root / "empty.txt", b"")
    return root


def _listing(folder: Path) -> dict[str, tuple[int, int]]:
    """Every entry below ``folder`` with its size and mtime."""
    found = {}
    for path in folder.rglob("*"):
        stat = path.stat()
        found[path.relative_to(folder).as_posix()] = (stat.st_size, stat.st_mtime_ns)
    stat = folder.stat()
    found["."] = (0, stat.st_mtime_ns)
    return found


def _same_as_cold(result: CachedCorpus, root: Path) -> None:
    """``result`` equals a cold load_corpus + SearchIndex.build of ``root``."""
    cold = load_corpus(root)
    assert result.corpus.articles == cold.articles
    assert result.corpus.skipped == cold.skipped
    assert result.corpus.warnings == cold.warnings
    index = SearchIndex.build(cold.articles)
    for query in ("bridge", "grain talks", "comets", "caf", "brige", "in:world bridge"):
        assert result.index.search(query, 10) == index.search(query, 10), query


def test_cold_then_warm_reuses_every_file(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cold = load_cached(corpus, folder=cache)
    assert (cold.reused, cold.reread) == (0, 5)
    assert cold.path is not None and cold.path.exists()
    warm = load_cached(corpus, folder=cache)
    assert (warm.reused, warm.reread) == (5, 0)
    assert warm.warnings == []
    _same_as_cold(warm, corpus)
    assert [s.path for s in warm.corpus.skipped] == ["empty.txt"]
    assert [w.path for w in warm.corpus.warnings] == ["science/latin.txt"]


def test_changed_file_is_reread(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_cached(corpus, folder=cache)
    _write(
        corpus / "world" / "grain.txt",
        "date 2024-05-01\nGrain talks collapse\n\nNegotiators left Geneva angry.\n",
        offset=5,
    )
    warm = load_cached(corpus, folder=cache)
    assert (warm.reused, warm.reread) == (4, 1)
    article = warm.corpus.by_id("world/grain")
    assert article is not None and article.title == "Grain talks collapse"
    assert warm.index.search("angry", 5) and not warm.index.search("resume", 5)
    _same_as_cold(warm, corpus)
    assert load_cached(corpus, folder=cache).reread == 0


def test_same_size_change_with_new_mtime_is_reread(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_cached(corpus, folder=cache)
    path = corpus / "world" / "grain.txt"
    _write(path, path.read_text(encoding="utf-8").replace("Geneva", "Vienna"), offset=7)
    warm = load_cached(corpus, folder=cache)
    assert warm.reread == 1
    _same_as_cold(warm, corpus)


def test_added_and_removed_files(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_cached(corpus, folder=cache)
    _write(corpus / "world" / "deep" / "new.txt", "Volcano erupts\n\nLava reached the sea.\n")
    (corpus / "science" / "comet.md").unlink()
    warm = load_cached(corpus, folder=cache)
    assert (warm.reused, warm.reread) == (4, 1)
    ids = {a.id for a in warm.corpus.articles}
    assert "world/deep/new" in ids and "science/comet" not in ids
    assert warm.index.search("lava", 5) and not warm.index.search("comets", 5)
    _same_as_cold(warm, corpus)


def test_fresh_files_are_not_trusted(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    (corpus / "world" / "harbour.txt").touch()  # mtime = now: could change unseen
    load_cached(corpus, folder=cache)
    assert load_cached(corpus, folder=cache).reread == 1


EVIL_MARKER = Path(os.environ.get("TMPDIR", "/tmp")) / "seedtui-evil-pickle-ran"


class _Evil:
    """Unpickling this would create :data:`EVIL_MARKER`."""

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch {EVIL_MARKER}",))


def _corrupt(path: Path, how: str) -> None:
    data = path.read_bytes()
    if how == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif how == "random":
        path.write_bytes(os.urandom(len(data)))
    elif how == "empty":
        path.write_bytes(b"")
    elif how == "foreign pickle":
        path.write_bytes(pickle.dumps({"version": 1, "root": "x"}))
    elif how in ("foreign object", "evil pickle"):
        # A well-formed file whose main section holds a foreign object (a Corpus, or
        # something that would run a command when unpickled).
        lengths = struct.unpack("<QQQQ", data[len(MAGIC) : len(MAGIC) + 32])
        header = data[len(MAGIC) + 32 : len(MAGIC) + 32 + lengths[0]]
        body = pickle.dumps(Corpus(Path(".")) if how == "foreign object" else _Evil())
        path.write_bytes(MAGIC + struct.pack("<QQQQ", len(header), len(body), 0, 0) + header + body)
    elif how == "wrong version":
        body = pickle.dumps({"version": 999, "code": "", "root": "", "token": ""}, protocol=5)
        path.write_bytes(MAGIC + len(body).to_bytes(8, "little") + bytes(16) + body)
    elif how == "flipped byte":
        middle = len(data) // 2
        path.write_bytes(data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1 :])
    else:  # pragma: no cover
        raise AssertionError(how)


@pytest.mark.parametrize(
    "how",
    [
        "truncated",
        "random",
        "empty",
        "foreign pickle",
        "foreign object",
        "evil pickle",
        "wrong version",
    ],
)
def test_corrupt_cache_is_rebuilt_with_a_warning(corpus: Path, tmp_path: Path, how: str) -> None:
    cache = tmp_path / "cache"
    first = load_cached(corpus, folder=cache)
    assert first.path is not None
    _corrupt(first.path, how)
    EVIL_MARKER.unlink(missing_ok=True)
    again = load_cached(corpus, folder=cache)
    assert not EVIL_MARKER.exists()
    assert again.warnings and "cache" in again.warnings[0]
    assert (again.reused, again.reread) == (0, 5)
    _same_as_cold(again, corpus)
    healed = load_cached(corpus, folder=cache)
    assert (healed.reused, healed.warnings) == (5, [])


def test_flipped_byte_never_gives_a_wrong_corpus(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = load_cached(corpus, folder=cache)
    assert first.path is not None
    _corrupt(first.path, "flipped byte")
    again = load_cached(corpus, folder=cache)
    assert again.corpus.skipped == load_corpus(corpus).skipped
    assert len(again.corpus.articles) == 4


def test_cache_of_code_version_is_checked(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    load_cached(corpus, folder=cache)
    monkeypatch.setattr("tui.core.cache.keys._code_hash", "another build")
    again = load_cached(corpus, folder=cache)
    assert again.reread == 5 and "another version" in again.warnings[0]


def test_use_cache_false_neither_reads_nor_writes(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    result = load_cached(corpus, folder=cache, use_cache=False)
    assert result.path is None and not cache.exists()
    load_cached(corpus, folder=cache)
    path = cache_path(corpus, cache)
    path.write_bytes(b"garbage")
    before = _listing(cache)
    result = load_cached(corpus, folder=cache, use_cache=False)
    assert result.warnings == [] and result.reread == 5
    assert _listing(cache) == before
    result.finish_quotes()
    assert _listing(cache) == before


def test_nothing_is_written_into_the_corpus(corpus: Path, tmp_path: Path) -> None:
    before = _listing(corpus)
    cache = tmp_path / "cache"
    load_cached(corpus, folder=cache).finish_quotes()
    load_cached(corpus, folder=cache).finish_quotes()
    inside = load_cached(corpus, folder=corpus / ".cache")
    assert inside.path is None and inside.warnings
    assert _listing(corpus) == before


def test_env_variable_chooses_the_folder(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SEEDTUI_CACHE_DIR", str(tmp_path / "envcache"))
    result = load_cached(corpus)
    assert result.path is not None and result.path.parent == tmp_path / "envcache"
    assert load_cached(corpus).reread == 0


def test_quotes_are_cached_and_give_speakers(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cold = load_cached(corpus, folder=cache)
    quotes = cold.finish_quotes()
    assert any(q.speaker_name for found in quotes.values() for q in found)
    warm = load_cached(corpus, folder=cache)
    assert warm.speakers_ready
    assert warm.index.search("speaker:chen", 5) == cold.index.search("speaker:chen", 5)
    assert warm.index.search("speaker:chen", 5)
    assert warm.finish_quotes() == quotes


def test_renamed_corpus_folder_gets_its_own_cache(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_cached(corpus, folder=cache)
    moved = tmp_path / "moved"
    shutil.copytree(corpus, moved)
    _age(moved)
    result = load_cached(moved, folder=cache)
    assert result.reread == 5 and result.warnings == []
    assert len(list(cache.iterdir())) == 2


def test_no_temporary_files_left(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_cached(corpus, folder=cache).finish_quotes()
    assert [p.name.startswith("corpus-") for p in cache.iterdir()] == [True]


def test_typo_structures_come_back_as_arrays(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cold = load_cached(corpus, folder=cache)
    warm = load_cached(corpus, folder=cache)
    assert warm.reread == 0
    for query in ("negotiatrs", "brige", "comet", "ceasfire"):
        assert warm.index.search(query, 5) == cold.index.search(query, 5)
    assert warm.index.search("negotiatrs", 5)
    vocab = warm.index.vocab
    assert type(vocab._deletes) is array and vocab._deletes == cold.index.vocab._deletes
    assert type(warm.index.postings) is Ragged


def test_damaged_rows_rebuild_the_cache(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    cold = load_cached(corpus, folder=cache)
    import tui.core.cache.read as module

    real = module.unpack

    def failing(packed: tuple[object, ...], blobs: list[object]) -> object:
        if packed[0] == "@ragged":
            return real(("@ragged", packed[2], packed[1]), blobs)  # type: ignore[arg-type]
        return real(packed, blobs)  # type: ignore[arg-type]

    monkeypatch.setattr(module, "unpack", failing)
    warm = load_cached(corpus, folder=cache)
    assert warm.reread == 5
    assert any("rebuilt" in warning for warning in warm.warnings)
    for query in ("negotiatrs", "brige", "comet"):
        assert warm.index.search(query, 5) == cold.index.search(query, 5)


WRITER = """
import sys
from pathlib import Path
from tui.core.cache.load import load_cached
for _ in range(3):
    result = load_cached(Path(sys.argv[1]), folder=Path(sys.argv[2]))
    result.finish_quotes()
    result.path.unlink(missing_ok=True)
    result = load_cached(Path(sys.argv[1]), folder=Path(sys.argv[2]))
    assert not result.warnings, result.warnings
    print(result.reused, result.reread)
"""


def test_two_processes_never_see_a_broken_cache(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(corpus), str(cache)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    for run in runs:
        out, err = run.communicate(timeout=120)
        assert run.returncode == 0, err
    final = load_cached(corpus, folder=cache)
    assert final.warnings == [] and final.reused == 5
    assert [p.name.startswith("corpus-") for p in cache.iterdir()] == [True]


def test_changed_file_keeps_the_other_quotations(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    load_cached(corpus, folder=cache).finish_quotes()
    _write(
        corpus / "world" / "grain.txt",
        "Grain talks\n\n\u201cNo deal,\u201d said Ivo Marsh.\n",
        offset=9,
    )
    import tui.core.cache.result as module

    found: list[str] = []
    real = module.corpus_quotes  # type: ignore[attr-defined]

    def counting(text: str) -> list[Quote]:
        found.append(text)
        return real(text)

    monkeypatch.setattr(module, "corpus_quotes", counting)
    warm = load_cached(corpus, folder=cache)
    assert warm.reread == 1 and not warm.speakers_ready
    quotes = warm.finish_quotes()
    assert len(found) == 1 and "Ivo Marsh" in found[0]
    assert warm.index.search("speaker:marsh", 5) and warm.index.search("speaker:chen", 5)
    cold = load_cached(corpus, folder=cache, use_cache=False)
    assert quotes == cold.finish_quotes()


def test_the_walk_lists_what_load_corpus_reads(corpus: Path) -> None:
    from tui.core.corpus import load_corpus
    from tui.core.corpus.walk import scan_files

    _write(corpus / ".hidden" / "secret.txt", "Hidden\n\nNot an article.\n")
    _write(corpus / "world" / ".draft.txt", "Draft\n\nNot an article.\n")
    _write(corpus / "world" / "LOUD.TXT", "Loud\n\nAn article all the same.\n")
    _write(corpus / "notes.rst", "not an article\n")
    (corpus / "world" / "loop").symlink_to(corpus, target_is_directory=True)
    scanned = scan_files(corpus, None)
    relatives = [relative for _full, relative, _key in scanned]
    assert "world/LOUD.TXT" in relatives
    assert not any("secret" in r or "draft" in r or r.endswith(".rst") for r in relatives)
    assert not any(r.startswith("world/loop/") for r in relatives)  # links are not followed
    assert all(key is not None for _full, _relative, key in scanned)
    assert [key for _f, _r, key in scan_files(corpus, None, stat=False)] == [None] * len(scanned)
    loaded = load_corpus(corpus)
    read = [a.path for a in loaded.articles] + [s.path for s in loaded.skipped]
    assert sorted(read) == sorted(relatives)


def test_cancel_stops_loading(corpus: Path, tmp_path: Path) -> None:
    from tui.core.corpus import LoadCancelled

    cancel = threading.Event()
    cancel.set()
    with pytest.raises(LoadCancelled):
        load_cached(corpus, folder=tmp_path / "cache", cancel=cancel)


def test_progress_reports_stages(corpus: Path, tmp_path: Path) -> None:
    stages: list[str] = []
    load_cached(
        corpus, folder=tmp_path / "cache", progress=lambda stage, done, total: stages.append(stage)
    )
    assert {"scan", "read", "index", "save"} <= set(stages)


def test_quote_code_change_drops_only_the_quotes(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    quotes = load_cached(corpus, folder=cache).finish_quotes()
    monkeypatch.setattr("tui.core.cache.keys._quotes_hash", "another quote finder")
    warm = load_cached(corpus, folder=cache)
    assert warm.reread == 0 and warm.warnings == [] and not warm.speakers_ready
    assert warm.finish_quotes() == quotes and warm.speakers_ready
    assert warm.index.search("speaker:chen", 5)
    assert load_cached(corpus, folder=cache).speakers_ready


QUERIES = (
    "negotiatrs",
    "brige",
    "comet",
    '"grain harbour"',
    "har",
    "'comet !bridge",
    "title:comet",
    "in:science tail",
)


@pytest.mark.parametrize("packed", [False, True])
def test_mapped_arrays_answer_like_built_ones(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, packed: bool
) -> None:
    import tui.core.cache.format as module
    import tui.core.packed as packing
    from tui.core.cache.write import write_cache

    monkeypatch.setattr(module, "COPY_BELOW", 0)  # every array a view of the file
    if packed:  # as a large corpus's index is: 3 bytes a number
        monkeypatch.setattr(packing, "PACKED_FROM", 0)
    cache = tmp_path / "cache"
    cold = load_cached(corpus, folder=cache)
    cold.finish_quotes()
    warm = load_cached(corpus, folder=cache)
    tokens, flat = warm.index.tokens, warm.index.postings.flat  # type: ignore[attr-defined]
    if packed:
        assert type(tokens) is packing.Packed and type(tokens.data) is memoryview
        assert type(flat) is packing.Packed and type(flat.data) is memoryview
    else:  # small: plain arrays, mapped
        assert type(tokens) is memoryview and type(flat) is memoryview
    assert type(warm.index.vocab._deletes) is memoryview
    for query in QUERIES:
        assert warm.index.search(query, 5) == cold.index.search(query, 5), query
    assert any(cold.index.search(query, 5) for query in QUERIES)
    # Written again from the views (as after a change of quote code), it still loads.
    write_cache(warm, None)
    again = load_cached(corpus, folder=cache)
    assert again.warnings == [] and again.reread == 0
    for query in QUERIES:
        assert again.index.search(query, 5) == cold.index.search(query, 5), query


def test_a_corpus_read_without_the_cache_fills_it(corpus: Path, tmp_path: Path) -> None:
    import time

    from tui.core.cache.load import file_key, save_loaded
    from tui.core.corpus import find_files, read_article
    from tui.core.quotes.find import find_quotes
    from tui.core.quotes.table import QuoteTable

    cache = tmp_path / "cache"
    scan_ns = time.time_ns() + 10 * 10**9  # as if read well after the files were written
    loaded = Corpus(corpus)
    keys = []
    for path in find_files(corpus):
        key = file_key(path)
        item = read_article(path, corpus)
        item = item[0] if isinstance(item, tuple) else item
        keys.append((item.path, key))
        (loaded.skipped if isinstance(item, Skipped) else loaded.articles).append(item)
    loaded.articles.sort(key=lambda article: article.sort_key)
    index = SearchIndex.build(loaded.articles)
    quotes = QuoteTable.of(find_quotes(article.text) for article in loaded.articles)
    index.set_speakers([quotes.speakers(n) for n in range(len(quotes))])
    assert save_loaded(loaded, index, quotes, keys, scan_ns, folder=cache) == []
    warm = load_cached(corpus, folder=cache)
    assert warm.warnings == [] and warm.reread == 0 and warm.speakers_ready
    assert warm.corpus.articles == loaded.articles
    assert [s.path for s in warm.corpus.skipped] == [s.path for s in loaded.skipped]
    assert warm.finish_quotes() == quotes
    for query in QUERIES + ("speaker:hewitt",):
        assert warm.index.search(query, 5) == index.search(query, 5), query


def test_the_corpus_is_handed_over_before_a_rebuild(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    seen: list[tuple[int, int]] = []

    def on_corpus(partial: CachedCorpus) -> None:
        seen.append((len(partial.corpus.articles), partial.index.passages))

    load_cached(corpus, folder=cache, on_corpus=on_corpus)  # cold: everything read
    assert seen == [(4, 0)]
    load_cached(corpus, folder=cache, on_corpus=on_corpus)  # unchanged: nothing to hand over
    assert seen == [(4, 0)]
    (corpus / "world" / "new.txt").write_text("New\n\nA lighthouse keeper.\n", "utf-8")
    result = load_cached(corpus, folder=cache, on_corpus=on_corpus)
    assert seen == [(4, 0), (5, 0)] and result.index.passages > 0


def test_cache_state_reads_the_header_only(corpus: Path, tmp_path: Path) -> None:
    from tui.core.cache.load import cache_state

    cache = tmp_path / "cache"
    assert cache_state(corpus, cache) == (False, None)
    load_cached(corpus, folder=cache)
    assert cache_state(corpus, cache) == (True, None)
    cache_path(corpus, cache).write_bytes(b"garbage")
    usable, warning = cache_state(corpus, cache)
    assert not usable and warning is not None and "not a seedtui cache" in warning


def test_quotations_are_cached_again_after_a_file_is_removed(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tui.core.cache.result as module

    cache = tmp_path / "cache"
    first = load_cached(corpus, folder=cache).finish_quotes()
    (corpus / "world" / "grain.txt").unlink()
    second = load_cached(corpus, folder=cache)
    quotes = second.finish_quotes()
    assert len(quotes) == len(first) - 1

    def refuse(text: str) -> list[Quote]:
        raise AssertionError("quotations should come from the cache")

    monkeypatch.setattr(module, "corpus_quotes", refuse)
    third = load_cached(corpus, folder=cache)
    assert third.speakers_ready and third.reread == 0
    assert third.finish_quotes() == quotes
