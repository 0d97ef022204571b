"""Reading an article's title and metadata from its decoded text.

Three conventions are understood, in this order: ``---`` front matter (``title``,
``date``, ``source``, ``author``), a leading ``date YYYY-MM-DD`` marker, and a
short first line followed by a blank line as the title. A dateline such as
``TEHRAN –`` at the start of the body is recorded, and stays in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.core.models import Span

TITLE_MAX = 120
"""A first line longer than this is body text, not a title."""
MADE_TITLE_MAX = 70
"""Length of a title made from the opening words."""

_FRONT_MATTER = re.compile(r"\A[ \t]*---[ \t]*\n(.*?)\n[ \t]*(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FIELD = re.compile(r"^[ \t]*([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$", re.M)
_DATE_MARKER = re.compile(r"\s*date\s*[:=]?\s*(\d{4})-(\d{2})-(\d{2})\b[ \t]*\n?", re.I)
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
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


def _valid_date(year: str, month: str, day: str) -> str | None:
    """``YYYY-MM-DD`` when the parts make a plausible calendar date."""
    if 1 <= int(month) <= 12 and 1 <= int(day) <= 31:
        return f"{year}-{month}-{day}"
    return None


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
    head = " ".join(text[start : start + 4 * MADE_TITLE_MAX].split())
    if len(head) <= MADE_TITLE_MAX:
        return head or "(untitled)"
    cut = head.rfind(" ", 0, MADE_TITLE_MAX)
    return head[: cut if cut > 20 else MADE_TITLE_MAX].rstrip(" ,;:–—-") + "…"


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
    if "date" in fields and (iso := _ISO_DATE.search(fields["date"])):
        date = _valid_date(*iso.groups())
    marker = _DATE_MARKER.match(text, position)
    if marker:
        date = date or _valid_date(*marker.groups())
        position = marker.end()
    position = _skip_blank(text, position)

    title = fields.get("title", "").strip()
    title_span: Span | None = None
    body_start = position
    if not title:
        newline = text.find("\n", position)
        line_end = len(text) if newline < 0 else newline
        line = text[position:line_end].strip()
        followed_by_blank = newline >= 0 and text[newline + 1 :].lstrip(" \t").startswith("\n")
        if line and len(line) <= TITLE_MAX and followed_by_blank:
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
        author=fields.get("author") or None,
        dateline=dateline,
    )
