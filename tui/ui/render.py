"""Turning article text into inert ``rich.text.Text``.

Article text is data: it is never parsed as markup, and characters that a
terminal would obey (ESC, other C0/C1 controls, bidirectional overrides) are
replaced one for one by visible stand-ins, so every offset into the original
text stays valid for highlighting.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.style import Style
from rich.text import Text

from tui.core.models import Span
from tui.core.safety import visible


def safe(text: str) -> str:
    """``text`` with control and bidi characters replaced by visible stand-ins, length kept."""
    return visible(text)


def styled(
    text: str,
    start: int,
    end: int,
    layers: Iterable[tuple[Style, Iterable[Span]]],
    base: Style | None = None,
) -> Text:
    """``text[start:end]`` as inert Text, each layer's spans (absolute offsets) styled.

    Later layers are applied over earlier ones, so put the strongest highlight last.
    """
    result = Text(safe(text[start:end]), style=base or "", no_wrap=False, end="")
    for style, spans in layers:
        for span_start, span_end in spans:
            low = max(span_start, start) - start
            high = min(span_end, end) - start
            if low < high:
                result.stylize(style, low, high)
    return result


def snippet_window(text: str, start: int, end: int, focus: int, width: int) -> tuple[int, int]:
    """A window of about ``width`` characters of ``text[start:end]`` that shows ``focus``.

    The window starts at a word boundary a little before ``focus`` so the reader
    sees the matched word with some context.
    """
    if end - start <= width:
        return start, end
    low = max(start, min(focus - width // 4, end - width))
    if low > start:
        space = text.find(" ", low, low + 20)
        low = space + 1 if 0 <= space < focus else low
    return low, min(end, low + width)
