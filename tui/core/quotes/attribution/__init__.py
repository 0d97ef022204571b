"""The rule engine that finds a quotation's speaker: cues, clauses, noun phrases, names.

Its modules share helpers among themselves (the ``_names``); nothing outside
:mod:`tui.core.quotes` uses them. The entry point is :func:`attribute`.
"""

from __future__ import annotations

from tui.core.quotes.attribution.driver import Attribution, attribute

__all__ = ["Attribution", "attribute"]
