"""Shortcuts the quote engine takes for speed find exactly what the regexes they stand
in for find: the next quotation mark found with ``str.find``, the cheap test before
the ``seen by … as`` passive.

All texts here are invented for the tests (random strings of a few tricky pieces).
"""

from __future__ import annotations

import random

from tests.core.quoting import quote
from tui.core.quotes.attribution.rules import _BY_AS_RE, _by_as_possible
from tui.core.quotes.marks import _MARK_NEEDLES, _MARK_RE, _next_mark, paragraph_pieces


def _random_text(rnd: random.Random, pieces: list[str], n: int) -> str:
    return "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, n)))


_MARK_PIECES = ["a", "b ", " ", "\n", "'", "''", "'''", '"', "\u201c", "\u201d", "\u201e"]
_MARK_PIECES += ["\u00ab", "\u00bb", "\u2039", "\u203a", "\u2018", "\u2019", "don't "]


def test_next_mark_is_where_the_mark_regex_matches() -> None:
    rnd = random.Random(14)
    for _ in range(3000):
        text = _random_text(rnd, _MARK_PIECES, 30)
        ahead = [-2] * len(_MARK_NEEDLES)
        pos = 0
        while pos <= len(text):
            m = _MARK_RE.search(text, pos)
            assert _next_mark(text, pos, ahead) == (m.start() if m else -1), (text, pos)
            pos += rnd.randint(1, 4)  # as the scan goes: forward only


def test_paragraph_pieces_of_marks_in_several_paragraphs() -> None:
    text = "No mark here.\nShe said: \u201cYes.\u201d\n\nHe wrote ''no'' and \"maybe\".\n"
    got = [text[s:e] for s, e, _g, _ps, _pe in paragraph_pieces(text)]
    assert got == ["\u201cYes.\u201d", "''no''", '"maybe"']


def _by_as_text(rnd: random.Random) -> str:
    """``… seen by voters as a “q”``, its parts and blanks varied or broken at random."""

    def sp() -> str:
        return rnd.choice([" ", "\u00a0", "  ", "", "\n", " \u00a0"])

    words = "".join(rnd.choice(["voters", "the", "as", "by", "x."]) + sp() for _ in range(7))
    return "".join(
        [
            rnd.choice(["", "It was ", "x\n", "has been ", "z" * rnd.randint(0, 90)]),
            rnd.choice(["seen", "viewed", "cast", "Xseen", "seem"]),
            sp(),
            rnd.choice(["by", "bye", "By"]),
            sp(),
            words[: rnd.randint(0, len(words))],
            sp(),
            rnd.choice(["as", "has", "as", "a"]),
            sp(),
            rnd.choice(["", "a" + sp(), "the" + sp(), "an", "an" + sp()]),
            rnd.choice(["", "\n", "x", " \n"]),
            "\u201cq\u201d",
        ]
    )


def test_the_by_as_test_never_rejects_a_match() -> None:
    rnd = random.Random(5)
    matched = rejected = 0
    for _ in range(20000):
        text = _by_as_text(rnd)
        s = len(text) - 3
        if _BY_AS_RE.search(text, max(0, s - 100), s) is not None:
            matched += 1
            assert _by_as_possible(text, s), text
        elif not _by_as_possible(text, s):
            rejected += 1
    assert matched > 20 and rejected > 500  # both sides reached


def test_passive_by_as_still_finds_its_agent() -> None:
    text = "The plan was an option seen by organizers as a \u201clifeboat\u201d for the town.\n"
    assert quote(text, "lifeboat").speaker == "organizers"
    # ``$`` also stands before a line break ending the searched text
    broken = "The plan was seen by organizers as a \n\u201clifeboat\u201d for the town.\n"
    s = broken.index("\u201c")
    assert _BY_AS_RE.search(broken, 0, s) is not None
    assert _by_as_possible(broken, s)
