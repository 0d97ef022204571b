"""Making document text harmless to show in a terminal, one character for one.

Characters a terminal would obey (ESC and the other C0/C1 controls, DEL) and
bidirectional overrides are replaced by visible stand-ins of the same length
(``␛``, ``␇``, ``�``), so every offset into the original text stays valid.
Tabs become spaces; newlines stay.
"""

from __future__ import annotations

_BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def _build_table() -> dict[int, str]:
    """Map every dangerous code point to a visible character."""
    table: dict[int, str] = {code: chr(0x2400 + code) for code in range(0x20)}  # ␀ … ␟
    table[0x7F] = "\u2421"  # ␡
    for code in range(0x80, 0xA0):
        table[code] = "\ufffd"
    for char in _BIDI_CONTROLS:
        table[ord(char)] = "\ufffd"
    table[ord("\t")] = " "
    table[ord("\n")] = "\n"
    return table


SAFE_TABLE = _build_table()


def visible(text: str) -> str:
    """``text`` with control and bidi characters replaced by visible stand-ins, length kept."""
    return text.translate(SAFE_TABLE)
