"""The one sanitizer for every way text leaves seedtui: screen, terminal, JSON, clipboard.

Text we did not write (document text, titles, file and folder names, cache and
state contents, error messages about them) may hold characters a terminal obeys
(ESC and the other C0/C1 controls, DEL) or that reorder what is shown
(bidirectional overrides and isolates). Every way out goes through here:

- :func:`visible` for the screen and the CLI's tables, warnings and errors:
  each dangerous character becomes a visible stand-in of the same length
  (``␛``, ``␇``, ``�``), so every offset into the original text stays valid.
  Tabs become spaces; newlines stay.
- :func:`one_line` for a single terminal line: :func:`visible`, and newlines too.
- :func:`to_json` for JSON output: the same characters are written as ``\\uXXXX``
  escapes even though other non-ASCII text is written as UTF-8.
- :func:`for_copy` for the clipboard (OSC 52) and ``clippings.txt``: control
  characters replaced as the reader shows them, newlines kept.
"""

from __future__ import annotations

import json
import re
from typing import Any

BIDI_CONTROLS = (
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u206a\u206b"
    "\u206c\u206d\u206e\u206f"
)
"""Marks, embeddings, overrides, isolates and the deprecated shaping controls."""

LINE_BREAKS = "\u2028\u2029\u0085"
"""Unicode line and paragraph separators (U+0085 is also C1): a terminal or a JSON
reader in JavaScript may break a line there."""


def _build_table() -> dict[int, str]:
    """Map every dangerous code point to a visible character."""
    table: dict[int, str] = {code: chr(0x2400 + code) for code in range(0x20)}  # ␀ … ␟
    table[0x7F] = "\u2421"  # ␡
    for code in range(0x80, 0xA0):
        table[code] = "\ufffd"
    for char in BIDI_CONTROLS + LINE_BREAKS:
        table[ord(char)] = "\ufffd"
    table[ord("\t")] = " "
    table[ord("\n")] = "\n"
    return table


SAFE_TABLE = _build_table()
"""``str.translate`` table of :func:`visible`."""

ONE_LINE_TABLE = {**SAFE_TABLE, ord("\n"): " "}
"""``str.translate`` table of :func:`one_line`."""

DANGEROUS = re.compile(
    "[\x00-\x1f\x7f-\x9f" + BIDI_CONTROLS + LINE_BREAKS + "]",
)
"""Every character :func:`visible` replaces (tab and newline included)."""

_JSON_ESCAPED = re.compile("[\x7f-\x9f" + BIDI_CONTROLS + LINE_BREAKS + "]")


def visible(text: str) -> str:
    """``text`` with control and bidi characters replaced by visible stand-ins, length kept."""
    return text.translate(SAFE_TABLE)


def one_line(text: str) -> str:
    """``text`` made :func:`visible`, newlines included: safe for one terminal line."""
    return text.translate(ONE_LINE_TABLE)


def for_copy(text: str) -> str:
    """``text`` as it may go to the clipboard or a clippings file: shown as the reader shows it.

    Newlines stay (a copied quotation keeps its lines); everything else a
    terminal or an editor would obey, the bracketed-paste terminator's ESC
    included, becomes its visible stand-in.
    """
    return visible(text)


def is_clean(text: str) -> bool:
    """True when ``text`` holds nothing :func:`visible` would replace but tabs and newlines."""
    return DANGEROUS.search(text.replace("\t", "").replace("\n", "")) is None


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def to_json(value: Any) -> str:
    """``value`` as one line of JSON, UTF-8 text kept readable, dangerous characters escaped.

    ``json.dumps(..., ensure_ascii=False)`` already escapes C0 controls; DEL, C1
    controls, bidirectional controls and Unicode line separators are escaped here
    too, as ``\\uXXXX``. Those characters can only occur inside JSON strings, so
    the result parses back to exactly ``value``.
    """
    return _JSON_ESCAPED.sub(_escape, json.dumps(value, ensure_ascii=False))
