"""Article text -> quotations with their speakers and cues.

:func:`find_quotes` pairs the quotation marks and asks the rule engine in
:mod:`tui.core.quotes.attribution` for each quotation's speaker; :class:`QuoteTable`
holds the quotations of a whole corpus as columns; :func:`speaker_matches` matches a
typed name against a speaker; :func:`speaker_index` lists everyone quoted.
Imports only the shared kernel.
"""

from __future__ import annotations

from tui.core.quotes.attribution import (
    WEIGHTS_FILE,
    PieceTrace,
    SpeakerModel,
    default_model,
    mention_kind,
    open_choice,
)
from tui.core.quotes.find import Quote, find_quotes
from tui.core.quotes.policy import (
    BULK_LIMIT,
    ON_DEMAND_LIMIT,
    corpus_quotes,
    on_demand_quotes,
)
from tui.core.quotes.speaker_index import Speaker, filter_speakers, speaker_index
from tui.core.quotes.speakers import speaker_matches
from tui.core.quotes.table import QuoteTable

__all__ = [
    "BULK_LIMIT",
    "ON_DEMAND_LIMIT",
    "corpus_quotes",
    "on_demand_quotes",
    "WEIGHTS_FILE",
    "PieceTrace",
    "SpeakerModel",
    "default_model",
    "open_choice",
    "mention_kind",
    "Quote",
    "QuoteTable",
    "Speaker",
    "filter_speakers",
    "speaker_index",
    "find_quotes",
    "speaker_matches",
]
