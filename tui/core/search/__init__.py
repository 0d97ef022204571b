"""Passages -> an index -> ranked hits.

:func:`parse_query` reads the query syntax, :class:`Vocabulary` matches query words
against the corpus's words (exact, prefix, typo), :class:`SearchIndex` holds the
postings and answers :meth:`SearchIndex.search`; :func:`update_index` updates a cached
index in place after a few files changed; :func:`facets` counts hits per folder and year;
:func:`scan_articles` gives an early, partial answer while an index is being built.
Imports only the shared kernel.
"""

from __future__ import annotations

from tui.core.names import max_typos
from tui.core.search.early import EarlyAnswer, scan_articles
from tui.core.search.facets import Facets, facets, narrowed, top_folder
from tui.core.search.index import (
    SYNTAX_HELP,
    SearchCancelled,
    SearchHit,
    SearchIndex,
    SearchResult,
)
from tui.core.search.query import Query, parse_query
from tui.core.search.update import update_index
from tui.core.search.vocab import Vocabulary

__all__ = [
    "EarlyAnswer",
    "scan_articles",
    "Facets",
    "facets",
    "narrowed",
    "top_folder",
    "Query",
    "SYNTAX_HELP",
    "SearchCancelled",
    "SearchHit",
    "SearchIndex",
    "SearchResult",
    "Vocabulary",
    "max_typos",
    "parse_query",
    "update_index",
]
