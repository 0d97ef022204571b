"""Wrapping an article into the reader's lines, with its highlights and gutter marks.

A pure function of the article, the highlights, the styles and the width, so the
reader widget keeps only state and navigation. Every text line records the article
offset it starts at, for scrolling to a passage, a match or a remembered position.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from tui.core.models import Article, Span
from tui.ui.render import safe, styled
from tui.ui.spans import SpanIndex

if TYPE_CHECKING:
    from tui.core.quotes import Quote

GUTTER = 2
"""Cells left of the text: a mark for the chosen passage and one for bookmarks."""
CHOSEN_MARK = "▌"
BOOKMARK_MARK = "•"


@dataclass(frozen=True)
class Layout:
    """The article wrapped to one width."""

    lines: list[Strip] = field(default_factory=list)
    passage_lines: list[int] = field(default_factory=list)
    """First line of each passage."""
    line_offsets: list[int] = field(default_factory=list)
    """Article offset at the start of each line (``-1`` for header and blank lines)."""

    def line_of_offset(self, offset: int) -> int:
        """The line that shows article ``offset`` (the last line starting at or before it)."""
        found = 0
        for y, start in enumerate(self.line_offsets):
            if start < 0:
                continue
            if start > offset:
                break
            found = y
        return found


WINDOW_CHARS = 200_000
"""An article longer than this is drawn a window of passages at a time."""


def window_around(article: Article, passage: int) -> range:
    """The passages within about :data:`WINDOW_CHARS` characters around ``passage``."""
    passages = article.passages
    if not passages:
        return range(0)
    passage = min(max(passage, 0), len(passages) - 1)
    centre = passages[passage][0]
    low = high = passage
    while low > 0 and centre - passages[low - 1][0] < WINDOW_CHARS // 2:
        low -= 1
    while high + 1 < len(passages) and passages[high + 1][1] - centre < WINDOW_CHARS // 2:
        high += 1
    return range(low, high + 1)


def window_quotes(article: Article | None, window: range | None) -> list[Quote]:
    """The quotations of the drawn ``window`` (a very long article is not scanned whole)."""
    if article is None or not window:
        return []
    from tui.core.quotes import find_quotes  # the quotation code loads after the first frame

    low = article.passages[window.start][0]
    high = article.passages[window.stop - 1][1]
    return [
        replace(
            q,
            start=q.start + low,
            end=q.end + low,
            speaker_span=(q.speaker_span[0] + low, q.speaker_span[1] + low)
            if q.speaker_span
            else None,
            cue_span=(q.cue_span[0] + low, q.cue_span[1] + low) if q.cue_span else None,
        )
        for q in find_quotes(article.text[low:high])
    ]


@dataclass
class Highlights:
    """What to mark in the text: styles paired with the spans they apply to, weakest first."""

    layers: list[tuple[Style, Sequence[Span]]]
    chosen_passage: int | None = None
    bookmarked: Collection[int] = ()
    window: range | None = None
    """Only these passages are drawn (a very long article); ``None`` draws all."""


def _wrap_text(console: Console, text: Text, width: int, fill: Style) -> list[tuple[Strip, int]]:
    """``text`` wrapped to ``width``: each line's strip and its start offset in ``text``."""
    result = []
    cursor = 0
    plain = text.plain
    for line in text.wrap(console, width, overflow="fold"):
        piece = line.plain.rstrip()
        found = plain.find(piece, cursor) if piece else cursor
        start = found if found >= 0 else cursor
        cursor = start + len(piece)
        # Every segment gets a style: Textual's NO_COLOR filter cannot handle None. The
        # line's own style (a title's bold) is not in the segments ``render`` gives.
        whole = fill + console.get_style(line.style) if line.style else fill
        segments = [
            Segment(text, whole + style if style else whole)
            for text, style, _ in line.render(console)
        ]
        strip = Strip(segments).extend_cell_length(width, fill)
        result.append((strip, start))
    return result


def build_layout(
    console: Console,
    article: Article,
    width: int,
    highlights: Highlights,
    styles: dict[str, Style],
    base: Style,
) -> Layout:
    """Every line of ``article`` at ``width`` cells: title, metadata, then the passages."""
    lines: list[Strip] = []
    offsets: list[int] = []
    meta = " · ".join(
        part
        for part in (
            article.date,
            article.dateline,
            article.source,
            article.author,
            article.id,
            article.url,
        )
        if part
    )
    margin = Strip.blank(GUTTER, base)

    def header(text: Text) -> list[Strip]:
        # Wrapped beside a blank gutter, so a long title keeps its indent on every line.
        return [Strip.join([margin, s]) for s, _ in _wrap_text(console, text, width - GUTTER, base)]

    indexed = [(style, SpanIndex(spans)) for style, spans in highlights.layers]
    span = article.title_span
    if span is not None:  # the title is the first passage: a headline hit is marked there
        near = [(style, found.overlapping(*span)) for style, found in indexed]
        title_text = styled(article.text, span[0], span[1], near, styles["title"])
        title = header(title_text)
        if span in article.passages and article.passages.index(span) == highlights.chosen_passage:
            chosen_mark = Strip([Segment(CHOSEN_MARK + " ", base + styles["gutter"])])
            title = [Strip.join([chosen_mark, strip.crop(GUTTER)]) for strip in title]
    else:
        title = header(Text(safe(article.title), style=styles["title"]))
    longest = max((len(strip.text.rstrip()) - GUTTER for strip in title), default=1)
    rule = Text("─" * max(min(longest, width - GUTTER), 1), style=styles["rule"])
    for strip in [
        *title,
        *header(rule),
        *(header(Text(safe(meta), style=styles["meta"])) if meta else []),
    ]:
        lines.append(strip)
        offsets.append(-1)
    blank = Strip.blank(width, base)
    passage_lines: list[int] = []
    window = highlights.window
    if window is not None and window.start > 0:
        note = Text(
            f"… {window.start:,} earlier passages of this very long article are "
            "not drawn; they are when you go there (g, search, n/N).",
            style=styles["meta"],
        )
        note.pad_left(GUTTER)
        for strip, _start in _wrap_text(console, note, width, base):
            lines.append(strip)
            offsets.append(-1)
    for index, (start, end) in enumerate(article.passages):
        if window is not None and index not in window:
            passage_lines.append(-1)
            continue
        if article.title_span is not None and (start, end) == article.title_span:
            passage_lines.append(0)
            continue
        lines.append(blank)
        offsets.append(-1)
        passage_lines.append(len(lines))
        for strip, line_start in _passage_strips(
            console, article, index, width, highlights, indexed, styles, base
        ):
            lines.append(strip)
            offsets.append(start + line_start)
    if window is not None and window.stop < len(article.passages):
        note = Text(
            f"… {len(article.passages) - window.stop:,} more passages (G, search, n/N go there).",
            style=styles["meta"],
        )
        note.pad_left(GUTTER)
        lines.append(blank)
        offsets.append(-1)
        for strip, _start in _wrap_text(console, note, width, base):
            lines.append(strip)
            offsets.append(-1)
    return Layout(lines, passage_lines, offsets)


def _passage_strips(
    console: Console,
    article: Article,
    index: int,
    width: int,
    highlights: Highlights,
    indexed: list[tuple[Style, SpanIndex]],
    styles: dict[str, Style],
    base: Style,
) -> list[tuple[Strip, int]]:
    """The lines of passage ``index`` (gutter included), each with its offset in the passage."""
    start, end = article.passages[index]
    chosen = index == highlights.chosen_passage
    fill = base + styles["passage"] if chosen else base
    layers = [(style, found.overlapping(start, end)) for style, found in indexed]
    text = styled(article.text, start, end, layers, fill)
    mark = (CHOSEN_MARK if chosen else " ") + (
        BOOKMARK_MARK if index in highlights.bookmarked else " "
    )
    gutter = Strip([Segment(mark, base + styles["gutter"])])
    return [
        (Strip.join([gutter, strip]), line_start)
        for strip, line_start in _wrap_text(console, text, width - GUTTER, fill)
    ]


def restyle(
    layout: Layout,
    console: Console,
    article: Article,
    width: int,
    highlights: Highlights,
    styles: dict[str, Style],
    base: Style,
    passages: Collection[int],
) -> bool:
    """Redraw only ``passages`` of ``layout`` in place, for a change of highlight alone.

    Moving to the next find match changes the style of two passages, not the
    wrapping: their lines are rebuilt and swapped in, the rest is kept (in a
    windowed 50 MB article a full layout took over a second). False, and
    ``layout`` untouched, when a passage is not drawn or would wrap differently.
    """
    indexed = [(style, SpanIndex(spans)) for style, spans in highlights.layers]
    fresh: list[tuple[int, list[tuple[Strip, int]]]] = []
    for index in passages:
        first = layout.passage_lines[index] if 0 <= index < len(layout.passage_lines) else -1
        if first <= 0:  # not drawn, or the title line
            return False
        strips = _passage_strips(console, article, index, width, highlights, indexed, styles, base)
        start = article.passages[index][0]
        if layout.line_offsets[first : first + len(strips)] != [start + o for _s, o in strips]:
            return False
        fresh.append((first, strips))
    for first, strips in fresh:
        layout.lines[first : first + len(strips)] = [strip for strip, _o in strips]
    return True


def message_layout(console: Console, message: str, width: int, style: Style, base: Style) -> Layout:
    """A layout that only shows ``message`` (no article open, loading, an error)."""
    wrapped = _wrap_text(console, Text(safe(message), style=style), width, base)
    return Layout([strip for strip, _ in wrapped], [], [-1] * len(wrapped))
