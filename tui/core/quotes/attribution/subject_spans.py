"""Small tests on the tokens around a subject: verbs after it, further appositives,
names in apposition to a title, marks inside numbers (used by :mod:`.phrases`)."""

from __future__ import annotations

from tui.core.quotes.attribution.cues import CUE_WORDS
from tui.core.quotes.attribution.word_classes import AUX_SET, BREAK_WORDS

VERBISH = set(
    "sent made took gave came held met ran got went spent put kept left brought began "
    "thought felt saw heard knew found wants wanted is was has had did does will would "
    "could can may might should must sought stood sat won lost led paid became seemed "
    "appeared tried used spoke wrote said told says tells".split()
)


def in_number(seg: str, at: int) -> bool:
    """Whether the mark at ``at`` separates digits (``250,000``, ``2.5``)."""
    return 0 < at < len(seg) - 1 and seg[at - 1].isdigit() and seg[at + 1].isdigit()


def more_appositives(seg: str, toks: list[tuple[int, int]], k: int) -> int:
    """Past further appositives from token ``k`` (``Ana Ruiz, founder of X, a member of Y,
    said``): the token after the last one, or ``k`` when a verb follows at once."""
    for _ in range(2):
        if k >= len(toks) or _verbish(seg[toks[k][0] : toks[k][1]].lower()):
            return k
        m = k
        while (
            m < len(toks)
            and m - k < 25
            and seg[toks[m][0] : toks[m][1]] not in (",", ".", ";", ":")
        ):
            m += 1
        if m >= len(toks) or m - k >= 25 or seg[toks[m][0] : toks[m][1]] != ",":
            return k
        if m + 1 >= len(toks) or not _verbish(seg[toks[m + 1][0] : toks[m + 1][1]].lower()):
            return k
        k = m + 1
    return k


def _verbish(w: str) -> bool:
    """Whether the lower-case word ``w`` can be the verb after a subject."""
    return (
        bool(w)
        and w[0].isalpha()
        and (
            w in VERBISH
            or w in AUX_SET
            or w in CUE_WORDS
            or (w.endswith(("ed", "s")) and w not in BREAK_WORDS and len(w) > 3)
        )
    )


# first words of two-word place names (The mayor of Trenton, New Jersey, said)
_PLACE_OPENERS = {
    "New",
    "North",
    "South",
    "East",
    "West",
    "Rhode",
    "Los",
    "Las",
    "San",
    "Santa",
    "St.",
    "Saint",
    "Fort",
    "Port",
    "Hong",
    "Sri",
    "Costa",
    "Puerto",
    "El",
    "Salt",
    "Baton",
    "Des",
    "Little",
    "Palm",
    "Kansas",
    "Buenos",
    "Tel",
}


def apposed_name(
    seg: str, name: list[tuple[int, int]], np: tuple[int, int] | None, floor: int
) -> tuple[int, int] | None:
    """The person named in apposition to a title (tokens ``name`` after the title ``np``):
    ``The mayor of Lyon, Lena Kurz, said`` gives Lena Kurz; None when ``np`` is no
    title or ``name`` no name (``The mayor of Trenton, New Jersey, said``)."""
    titled = np is not None and (
        seg[np[0] : np[1]].split()[0].lower() in ("the", "a", "an")
        or seg[max(floor, np[0] - 4) : np[0]].rstrip().endswith((" of", " for"))
    )
    if (
        titled
        and 2 <= len(name) <= 4
        and all(seg[a].isupper() and seg[a:b].rstrip(".").isalpha() for a, b in name)
        and seg[name[0][0] : name[0][1]] not in _PLACE_OPENERS
    ):
        return name[0][0], name[-1][1]
    return None
