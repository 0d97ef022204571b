"""A speaker read for a quotation: the central value the patterns and rules pass around."""

from __future__ import annotations

from dataclasses import dataclass

from tui.core.models import Span


@dataclass(slots=True)
class Found:
    """A speaker read for a quote: its span, its cue's, whether guessed, how strong."""

    speaker: Span
    cue: Span | None
    guessed: bool
    strength: int  # 3 after/before immediate, 2 in sentence, 1 guessed
