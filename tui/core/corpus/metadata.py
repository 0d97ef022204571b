"""Reading an article's title and metadata from its decoded text.

Three conventions are understood, in this order: ``---`` front matter (``title``,
``date`` or ``published``, ``source``, ``author``, ``url`` or ``link``), a leading
``date …`` marker, and as the title a Markdown ``# heading`` or a short first line
followed by a blank line. Dates are read by :mod:`~tui.core.corpus.dates` (ISO,
RFC 2822, written out); one that does not exist is a warning, not a date. A
dateline such as ``TEHRAN –`` at the start of the body is recorded, and stays in
the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tui.core.corpus.dates import match_date, read_date
from tui.core.models import Span
from tui.core.text import clip_words

TITLE_MAX = 120
"""A first line longer than this is body text, not a title."""
MADE_TITLE_MAX = 70
"""Length of a title made from the opening words."""

_FRONT_MATTER = re.compile(r"\A[ \t]*---[ \t]*\n(.*?)\n[ \t]*(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FIELD = re.compile(r"^[ \t]*([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$", re.M)
_DATE_MARKER = re.compile(r"\s*date\s*[:=]?\s*", re.I)
_MARKER_END = re.compile(r"[ \t]*\n?")
_HEADING = re.compile(r"#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.M)
_DATE_KEYS = ("date", "published", "pubdate", "published_at", "date_published")
_URL_KEYS = ("url", "link", "canonical_url")
_DATELINE = re.compile(
    r"([A-Z][A-Z.'\-]*(?:[ ][A-Z][A-Z.'\-]*){0,3})"  # TEHRAN, NEW YORK, ST. LOUIS
    r"(?:,[ ][A-Z][A-Za-z.]*(?:[ ][A-Z][A-Za-z.]*)?)?"  # , Calif.
    r"(?:[ ]\([A-Za-z.]+\))?"  # (AP)
    r"[ ]?[–—-]{1,2}[ ]"
)


@dataclass(slots=True)
class Metadata:
    """What the head of an article says about it."""

    title: str
    title_span: Span | None
    body_start: int
    date: str | None = None
    source: str | None = None
    author: str | None = None
    dateline: str | None = None
    url: str | None = None
    warnings: list[str] = field(default_factory=list)
    """What could not be read (an impossible date), for the load report."""


def _unquote(value: str) -> str:
    """A YAML-ish scalar without its surrounding quotes."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _skip_blank(text: str, position: int) -> int:
    """The first offset at or after ``position`` that is not white space."""
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def made_title(text: str, start: int) -> str:
    """A title from the opening words of ``text[start:]``, cut at a word boundary."""
    return clip_words(text[start : start + 4 * MADE_TITLE_MAX], MADE_TITLE_MAX) or "(untitled)"


def read_metadata(text: str) -> Metadata:
    """Title, date and other metadata of an article, and where its body starts."""
    fields: dict[str, str] = {}
    position = 0
    front = _FRONT_MATTER.match(text)
    if front:
        for match in _FIELD.finditer(front.group(1)):
            fields[match.group(1).lower()] = _unquote(match.group(2))
        position = front.end()
    date: str | None = None
    warnings: list[str] = []
    for key in _DATE_KEYS:
        if key in fields and date is None:
            date, problem = read_date(fields[key])
            if problem:
                warnings.append(f"{key}: {problem}")
    marker = _DATE_MARKER.match(text, position)
    written = match_date(text, marker.end()) if marker else None
    if written is not None:
        if written.problem:
            warnings.append(written.problem)
        date = date or written.iso
        after = _MARKER_END.match(text, written.end)
        position = after.end() if after else written.end
    position = _skip_blank(text, position)

    title = fields.get("title", "").strip()
    title_span: Span | None = None
    body_start = position
    if not title:
        newline = text.find("\n", position)
        line_end = len(text) if newline < 0 else newline
        line = text[position:line_end].strip()
        followed_by_blank = newline >= 0 and text[newline + 1 :].lstrip(" \t").startswith("\n")
        heading = _HEADING.match(text, position, line_end)
        if heading and heading.group(1):
            title = " ".join(heading.group(1).split())
            title_span = heading.span(1)
            body_start = _skip_blank(text, line_end)
        elif line and len(line) <= TITLE_MAX and followed_by_blank:
            title = " ".join(line.split())
            title_span = (position, position + len(text[position:line_end].rstrip()))
            body_start = _skip_blank(text, line_end)
    dateline_match = _DATELINE.match(text, body_start)
    dateline = dateline_match.group(1).strip() if dateline_match else None
    if not title:
        title = made_title(text, dateline_match.end() if dateline_match else body_start)
    return Metadata(
        title=title,
        title_span=title_span,
        body_start=body_start,
        date=date,
        source=fields.get("source") or None,
        author=fields.get("author") or fields.get("by") or None,
        dateline=dateline,
        url=_url(fields),
        warnings=warnings,
    )


def _url(fields: dict[str, str]) -> str | None:
    """The front matter's address of the article: ``url``/``link``, or a ``source`` that is one."""
    for key in (*_URL_KEYS, "source"):
        value = fields.get(key, "").strip()
        web = value.lower().startswith(("http://", "https://"))
        if web and not any(char.isspace() for char in value):
            return value
    return None
