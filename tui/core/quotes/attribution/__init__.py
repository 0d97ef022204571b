"""The rule engine that finds a quotation's speaker: cues, clauses, noun phrases, names.

Helpers one module of the engine lends another have public names in the module that
owns them; a leading underscore marks what stays inside its module. Nothing outside
:mod:`tui.core.quotes` uses the modules directly: the entry point is :func:`attribute`.
"""

from __future__ import annotations

from tui.core.quotes.attribution.choose import (
    DEFAULT,
    WEIGHTS_FILE,
    Default,
    PieceTrace,
    SpeakerModel,
    default_model,
    open_choice,
)
from tui.core.quotes.attribution.driver import Attribution, attribute
from tui.core.quotes.attribution.features import mention_kind

__all__ = [
    "DEFAULT",
    "WEIGHTS_FILE",
    "Attribution",
    "Default",
    "PieceTrace",
    "SpeakerModel",
    "attribute",
    "default_model",
    "open_choice",
    "mention_kind",
]
