"""Property-based tests: whatever the bytes, names and queries, nothing crashes or is lost."""

from __future__ import annotations

import codecs
import tempfile
import threading
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.corpus.read import NotText, decode, load_corpus
from tui.core.models import Article
from tui.core.quotes.find import find_quotes
from tui.core.search.index import SearchIndex
from tui.core.state.store import State, load_state
from tui.ui.memory import Memory

GOOD = b"A steady article\n\nIt must load whatever sits beside it.\n"

file_bytes = st.one_of(
    st.binary(max_size=2048),
    st.text(max_size=500).map(lambda t: t.encode("utf-8")),
    st.text(max_size=300).map(lambda t: t.encode("utf-16")),
    st.text(max_size=300).map(lambda t: t.encode("utf-16-le")),
    st.text(alphabet=st.characters(max_codepoint=0xFF), max_size=300).map(
        lambda t: t.encode("latin-1")
    ),
    st.binary(max_size=64).map(lambda b: b"text " + b"\x00" + b),
)
file_names = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="/\x00"),
    min_size=1,
    max_size=30,
).filter(lambda n: n not in (".", "..") and not n.startswith("."))


@settings(max_examples=200, deadline=None)
@given(file_bytes)
def test_decode_either_gives_text_or_a_reason(data: bytes) -> None:
    try:
        decoded = decode(data)
    except NotText as error:
        assert str(error) in ("empty file", "binary file", "invalid UTF-16")
    else:
        assert "\r" not in decoded.text
        assert codecs.lookup(decoded.encoding)  # a codec Python knows (the guess names it)
        expected = data.decode(decoded.encoding).removeprefix("\ufeff")
        assert decoded.text == expected.replace("\r\n", "\n").replace("\r", "\n")


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(file_names, file_bytes), min_size=1, max_size=6, unique_by=lambda pair: pair[0]
    )
)
def test_any_folder_loads_or_reports_every_file(files: list[tuple[str, bytes]]) -> None:
    with tempfile.TemporaryDirectory(prefix="seedtui-prop-") as folder:
        check_folder(Path(folder), files)


def check_folder(root: Path, files: list[tuple[str, bytes]]) -> None:
    """Write ``files`` and a good article into ``root``; every file loads or is reported."""
    (root / "good.txt").write_bytes(GOOD)
    written = {"good.txt"}
    for name, data in files:
        path = root / f"{name}.txt"
        try:
            path.write_bytes(data)
        except OSError:
            continue  # a name this file system refuses
        written.add(path.relative_to(root).as_posix())
    before = {p: p.read_bytes() for p in root.iterdir()}
    corpus = load_corpus(root)
    seen = {a.path for a in corpus.articles} | {s.path for s in corpus.skipped}
    assert len(seen) == len(written)
    assert corpus.by_id("good") is not None
    for article in corpus.articles:
        for start, end in article.passages:
            assert 0 <= start < end <= len(article.text)
        for quote in find_quotes(article.text):
            assert 0 <= quote.start < quote.end <= len(article.text)
    assert {p: p.read_bytes() for p in root.iterdir()} == before


def _index() -> SearchIndex:
    text = (
        "Quarterly profits at the harbour authority rose 4%, the chair said.\n\n"
        "“We will not stop,” she said. Emoji 👩‍👩‍👧 and 漢字 live here too.\n"
    )
    article = Article(
        id="a", path="a.txt", text=text, title="t", passages=[(0, 66), (68, len(text) - 1)]
    )
    return SearchIndex.build([article])


INDEX = _index()


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_query_returns_hits_or_nothing(query: str) -> None:
    hits = INDEX.search(query, 10)
    for hit in hits:
        assert 0 <= hit.start < hit.end
        assert all(hit.start <= s < e <= hit.end for s, e in hit.matches)
    INDEX.search_article(0, query)
    assert INDEX.failures == 0  # every answer computed, none swallowed


def test_two_writers_never_corrupt_the_state(tmp_path: Path) -> None:
    folder = tmp_path / "state"
    one = Memory(tmp_path / "corpus-a", folder)
    two = Memory(tmp_path / "corpus-b", folder)
    errors: list[str] = []

    def write(memory: Memory, article: str) -> None:
        for step in range(100):
            memory.remember_position(article, step + 1)
            problem = memory.save()
            if problem:
                errors.append(problem)
            state, warning = load_state(folder)
            if warning:
                errors.append(warning)

    threads = [
        threading.Thread(target=write, args=(one, "x")),
        threading.Thread(target=write, args=(two, "y")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    state, warning = load_state(folder)
    assert warning is None and isinstance(state, State)
    assert not list(folder.glob("*.tmp"))
