"""The lookup shared by the quote-engine tests."""

from __future__ import annotations

from tui.core.quotes.find import Quote, find_quotes


def quote(text: str, needle: str) -> Quote:
    """The quotation of ``text`` whose text contains ``needle`` (exactly one)."""
    found = [q for q in find_quotes(text, keep_all=True) if needle in text[q.start : q.end]]
    assert len(found) == 1, found
    return found[0]
