"""The scopes of a query (``title:``, ``date:``, ``in:``, ``speaker:``) as passage sets."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from tui.core.models import Article
from tui.core.names import name_words_match
from tui.core.search.query import AnyScope, Scope
from tui.core.search.vocab import Vocabulary


class ScopedIndex(Protocol):
    """What the scopes read of an index (:class:`tui.core.search.index.SearchIndex` is one)."""

    @property
    def articles(self) -> Sequence[Article]:
        """The articles."""

    @property
    def folders(self) -> list[str]:
        """Each article's folded folder."""

    @property
    def vocab(self) -> Vocabulary:
        """The vocabulary (title words are in it)."""

    @property
    def title_postings(self) -> dict[int, Sequence[int]]:
        """The articles whose title has each word id."""

    @property
    def speakers(self) -> dict[str, tuple[tuple[str, ...], list[int]]]:
        """Each speaker's name words and passages."""

    def article_passages(self, article: int) -> range:
        """The passage numbers of one article."""

    def live_passages(self) -> set[int]:
        """Every live passage number."""


def allowed_passages(index: ScopedIndex, scopes: Iterable[Scope | AnyScope]) -> set[int] | None:
    """Passages allowed by the scopes (all of them), or ``None`` when nothing is restricted."""
    passages: set[int] | None = None
    for scope in scopes:
        options = scope.options if isinstance(scope, AnyScope) else (scope,)
        found: set[int] = set()
        for option in options:
            found |= _scope_passages(index, option)
        passages = found if passages is None else passages & found
    return passages


def _scope_passages(index: ScopedIndex, scope: Scope) -> set[int]:
    """The passages one scope finds (all the others when it is negated)."""
    if scope.field == "speaker":
        found = _speaker_passages(index, scope.value)
    else:
        found = {p for a in _scope_articles(index, scope) for p in index.article_passages(a)}
    if scope.negated:
        return index.live_passages() - found
    return found


def _scope_articles(index: ScopedIndex, scope: Scope) -> set[int]:
    if scope.field == "in":
        return {i for i, f in enumerate(index.folders) if f.startswith(scope.value)}
    if scope.field == "date":
        return {i for i, a in enumerate(index.articles) if _date_in(a.date, scope)}
    chosen: set[int] | None = None
    for key in scope.value.split():
        found: set[int] = set()
        for tid in index.vocab.match(key, prefix=len(key) >= 3):
            found.update(index.title_postings.get(tid, ()))
        chosen = found if chosen is None else chosen & found
    return chosen or set()


def _speaker_passages(index: ScopedIndex, value: str) -> set[int]:
    wanted = value.split()
    found: set[int] = set()
    for words, passages in index.speakers.values():
        if name_words_match(wanted, words):
            found.update(passages)
    return found


def _date_in(date: str | None, scope: Scope) -> bool:
    """Whether ``date`` (``YYYY-MM-DD``) falls in a ``date:`` scope."""
    if not date:
        return False
    if scope.until is None:
        return date.startswith(scope.value)
    low, high = scope.value, scope.until
    return (not low or date[: len(low)] >= low) and (not high or date[: len(high)] <= high)
