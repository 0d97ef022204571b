"""What the status line says, as pure functions of what it describes (unit-tested)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.core.corpus import Corpus
    from tui.core.quotes import Quote


CACHE_STAGES = {
    "scan": "checking files",
    "read": "reading changed files",
    "index": "indexing",
    "save": "saving the cache",
}
"""How each stage of a warm load is named."""


def plural(count: int, word: str) -> str:
    """``1 article``, ``2 articles``."""
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def reading(root: Path, done: int, total: int) -> str:
    """A cold load, reading the folder's files."""
    return f"Loading {root}: {done:,}/{total:,} files…"


def from_cache(root: Path, stage: str, done: int, total: int) -> str:
    """A warm load, at ``stage``."""
    return f"Loading {root} from the cache: {CACHE_STAGES.get(stage, stage)} {done:,}/{total:,}…"


def problems(corpus: Corpus) -> str:
    """The skipped files and warnings of a load, with the key that lists them; or nothing."""
    found = []
    if corpus.skipped:
        found.append(f"{plural(len(corpus.skipped), 'file')} skipped")
    if corpus.warnings:
        found.append(plural(len(corpus.warnings), "warning"))
    return f"{', '.join(found)} (w: details)" if found else ""


def no_articles(root: Path) -> str:
    """A folder without articles."""
    return f"No articles (*.txt, *.md) in {root}"


def indexing(articles: int, done: int | None = None, total: int | None = None) -> str:
    """The corpus is read; the index is being built (``done`` of ``total`` when known)."""
    if done is None or total is None:
        return f"{plural(articles, 'article')} · indexing…"
    return f"{plural(articles, 'article')} · indexing {done:,}/{total:,}…"


def search_ready(articles: int, passages: int) -> str:
    """The index is built."""
    return f"{plural(articles, 'article')} · {plural(passages, 'passage')} · search ready"


def search_result(
    query: str,
    hits: int,
    quotes_pending: bool,
    counted: str | None = None,
    unmatched: tuple[str, ...] = (),
) -> str:
    """The answer to ``query``; ``quotes_pending`` when ``speaker:`` has no quotations yet.

    ``counted`` says how many match when more do than are shown (``"50 of 3,214"``);
    ``unmatched`` names the query's words that no passage has in any form.
    """
    count = plural(hits, "hit") if hits else "no match"
    if hits and counted:
        count = f"{counted} hits"  # Down on the last row loads more
    waiting = " yet · quotations are still being found" if not hits and quotes_pending else ""
    missing = ""
    if unmatched:
        from tui.core.text import quoted_words  # after a search: never before the first frame

        missing = " · no passage has " + quoted_words(unmatched)
    return f"{count} for {query!r}{waiting}{missing}"


WAITING_FOR_INDEX = "Indexing… the search runs as soon as it is ready."
"""A query typed before the index is in, with no early answer (not plain words)."""


def partial_result(
    query: str,
    hits: int,
    total: int,
    scanned: int,
    articles: int,
    done: int | None = None,
    indexed: int | None = None,
) -> str:
    """An early answer to ``query`` from the first ``scanned`` of the ``articles`` read,
    while the index is built (``done`` of ``indexed`` so far, when known).

    >>> partial_result("w", 5, 9, 2, 3, 1, 3)
    "5 of 9 hits so far for 'w' · partial: words as typed, 2 of 3 articles · indexing 1/3…"
    """
    count = plural(hits, "hit") if hits else "no match"
    if total > hits:
        count = f"{hits:,} of {total:,} hits"
    where = plural(articles, "article")
    if scanned < articles:
        where = f"{scanned:,} of {where}"
    progress = f" {done:,}/{indexed:,}" if done is not None and indexed is not None else ""
    return f"{count} so far for {query!r} · partial: words as typed, {where} · indexing{progress}…"


def quote_visited(quote: Quote, index: int, total: int) -> str:
    """The quotation the reader moved to, with its speaker and cue."""
    who = quote.speaker_name or quote.speaker or "speaker unknown"
    if quote.guessed and (quote.speaker_name or quote.speaker):
        who += " (guessed)"
    cue = f" · {quote.cue}" if quote.cue else ""
    return f"Quote {index + 1}/{total}: {who}{cue}"


def article_list(articles: int, passages: int, kept_query: str | None, hits: int) -> str:
    """The article list is showing; ``kept_query`` is still in the box with its ``hits``."""
    ready = search_ready(articles, passages)
    if kept_query is None:
        return ready
    return f"{plural(articles, 'article')} · {plural(hits, 'hit')} for {kept_query!r} kept: / shows"


def quotes_listed(title: str, quotes: int) -> str:
    """The quotes panel lists the quotations of the open article."""
    return f"{plural(quotes, 'quotation')} in {title!r} · Enter reads one · Esc back"
