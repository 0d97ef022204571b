"""Dates as articles write them -> ``YYYY-MM-DD``.

Understood: ISO dates and datetimes (``2024-12-02``, ``2024-12-02T10:00:00Z``,
``2024/12/02``), RFC 2822 (``Mon, 02 Dec 2024 10:00:00 +0000``, as in RSS
``pubDate``) and written-out dates (``December 2, 2024``, ``2 Dec 2024``,
``Monday, 2nd December 2024``). The date is the one written, never shifted to
another time zone. A date that does not exist (``2024-02-31``) is no date: the
caller gets a problem to report instead.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import cache

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?![a-z])"
)
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_ORDINAL = r"(?:st|nd|rd|th)?"
_TIME = r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s?(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT))?)?"


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """ISO, day first, month first, a trailing time: compiled when a date is first read
    (about 5 ms), not when the module is imported (the browser's first frame reads none)."""
    return (
        re.compile(r"(\d{4})([-/])(\d{1,2})\2(\d{1,2})" + _TIME + r"(?![\d])", re.I),
        re.compile(
            _WEEKDAY + r"(\d{1,2})" + _ORDINAL + r"\s+" + _MONTH + r",?\s+(\d{4})(?!\d)", re.I
        ),
        re.compile(_WEEKDAY + _MONTH + r"\s+(\d{1,2})" + _ORDINAL + r",?\s+(\d{4})(?!\d)", re.I),
        re.compile(r"\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:[+-]\d{4}|[A-Z]{1,5}))?(?![\w:])", re.I),
    )


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date read at some offset: the ISO form (``None`` when impossible) and its end."""

    iso: str | None
    end: int
    written: str

    @property
    def problem(self) -> str | None:
        """Why the written date is no date, or ``None``."""
        return None if self.iso else f"invalid date {self.written!r} (ignored)"


def _calendar(year: int, month: int, day: int) -> str | None:
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def match_date(text: str, position: int = 0) -> DateMatch | None:
    """The date written at ``text[position:]``, or ``None`` when none starts there."""
    iso_date, day_first, month_first, trailing_time = _patterns()
    found = iso_date.match(text, position)
    if found:
        year, month, day = int(found.group(1)), int(found.group(3)), int(found.group(4))
        return DateMatch(_calendar(year, month, day), found.end(), found.group(0))
    for pattern, day_group, month_group in ((day_first, 1, 2), (month_first, 2, 1)):
        found = pattern.match(text, position)
        if found:
            month = _MONTHS[found.group(month_group)[:3].lower()]
            iso = _calendar(int(found.group(3)), month, int(found.group(day_group)))
            end = found.end()
            clock = trailing_time.match(text, end)
            if clock:
                end = clock.end()
            return DateMatch(iso, end, found.group(0))
    return None


def read_date(value: str) -> tuple[str | None, str | None]:
    """``(iso date, problem)`` for a front-matter value; one of the two is ``None``."""
    value = value.strip()
    found = match_date(value)
    if found is None:
        return None, f"unreadable date {value!r} (ignored)" if value else None
    return found.iso, found.problem
