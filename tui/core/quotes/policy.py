"""Which articles get their quotations found, and up to what size: the one policy.

Two limits, written once here:

- :data:`BULK_LIMIT`: a corpus-wide scan (the browser's background job, a cache's
  late quotations, the CLI) finds the quotations of every article up to this many
  characters; a longer one gets none there.
- :data:`ON_DEMAND_LIMIT`: what is found at once for one article (the browser's reader
  before the corpus-wide scan is done) stops at this size: a longer article is drawn
  a window at a time, and its quotations are found for the window on screen.
"""

from __future__ import annotations

from tui.core.quotes.find import Quote, find_quotes

BULK_LIMIT = 2_000_000
"""Articles longer than this (characters) are left out of corpus-wide quote scans."""
ON_DEMAND_LIMIT = 200_000
"""Articles longer than this have their quotations found a window at a time."""


def corpus_quotes(text: str) -> list[Quote]:
    """The quotations a corpus-wide scan keeps for an article's ``text``."""
    return find_quotes(text) if len(text) <= BULK_LIMIT else []


def on_demand_quotes(text: str) -> list[Quote]:
    """The quotations found at once for one article's ``text`` (none past the window size)."""
    return find_quotes(text) if len(text) <= ON_DEMAND_LIMIT else []
