"""Facets of a search: hits per folder and year, and narrowing the query to one."""

from __future__ import annotations

from pathlib import Path

from tui.core.library import Library
from tui.core.search import facets, narrowed

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "corpus"


def test_hits_per_folder_and_year() -> None:
    library = Library(CORPUS, use_cache=False).load_now(index=True, quotes=False)
    hits = library.search("the", 50).hits
    found = facets(library.articles, hits)
    folders = dict(found.folders)
    assert set(folders) <= {"world", "science"} and sum(folders.values()) == len(hits)
    assert found.folders == sorted(found.folders, key=lambda item: (-item[1], item[0]))
    dated = sum(1 for hit in hits if library.articles[hit.article].date)
    assert sum(count for _year, count in found.years) == dated
    assert found.summary().startswith(f"{found.folders[0][0]} {found.folders[0][1]}")


def test_narrowing_adds_or_replaces_the_scope() -> None:
    assert narrowed("bridge", "in", "world") == "bridge in:world"
    assert narrowed("bridge in:science", "in", "world") == "bridge in:world"
    assert narrowed("bridge in:world", "date", "2025") == "bridge in:world date:2025"
