"""Name resolution: short forms to the fullest name of the article, pronouns to persons.

A short form resolves to the most frequent longer name of the article ending with the
same word, titles left out (``Trump`` → ``Donald Trump``, ``Ms Hewitt`` → ``Patricia
Hewitt``). A pronoun resolves to the most recent person mentioned before it whose
gender fits: persons are the speakers and the titled names of the article; a gender
comes from a title right before a mention (``Mr``, ``Ms``, ``Congresswoman``) or else
from the first ``he``/``she`` after the first mentions of the name.
"""

from __future__ import annotations

import bisect
import re

from tui.core.quotes.attribution.titles import (
    FEMALE_TITLES,
    MALE_TITLES,
    NOT_NAMES,
    TITLES,
    strip_titles,
)
from tui.core.quotes.attribution.word_classes import FEMALE, MALE, TIME_WORDS
from tui.core.quotes.attribution.words import ABBREV_RE, name_key

# Names ------------------------------------------------------------------------------


_PRE_NAME_RE = re.compile(
    r"(?<![\w\u2019'.-])(?:(?:[A-Z][\w\u2019'-]*"
    r"|(?:Mrs?|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Maj|Adm|Prof|Rev|[A-Z])\.|"
    r"al|bin|de|del|da|van|von|der|la|le|ibn)[ \u00a0]){1,5}$"
)
_TITLED_RE = re.compile(
    r"(M(?:rs?|s|iss)|Dr|Sen|Rep|Gov|Senator|President)\.?[ \u00a0]"
    r"(?:[A-Z][\w\u2019'-]+[ \u00a0])*([A-Z][\w\u2019'-]+)"
)


ANTECEDENT_RE = re.compile(
    r"((?:[A-Z][\w\u2019'-]*\.?[ \u00a0]){0,3}[A-Z][\w\u2019'-]*)(?:[ \u00a0]\([^()]{1,20}\))?"
    r",?[ \u00a0]$"
)


_PARTICLES = {"al", "bin", "de", "del", "da", "van", "von", "der", "la", "le", "ibn"}


APPOSED_NAME_RE = re.compile(
    r",[ \u00a0]((?:[A-Z][\w\u2019'-]*\.?[ \u00a0]){1,3}[A-Z][\w\u2019'-]*),"
)


# (regexes written to open with a character set, which the engine scans for fast)
_SUBJECT_NAME_RE = re.compile(
    r"([A-Z][a-z\u2019'-]+[ \u00a0](?:[A-Z][a-z\u2019'-]+[ \u00a0])?([A-Z][a-z\u2019'-]+))[ \u00a0]"
    r"(?:[a-z]+ed|said|says|told|tells|wrote|writes|spoke|is|was|has|had|will|would)\b"
)


_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


# the last characters of the gendered titles (and the period of ``Mr.``): a word ending
# otherwise is none of them
_TITLE_ENDS = frozenset(
    {t[-1] for t in FEMALE_TITLES | MALE_TITLES}
    | {t[-1].upper() for t in FEMALE_TITLES | MALE_TITLES}
    | {"."}
)


def _title_before(text: str, i: int) -> str:
    """The word right before the blank ``text[i - 1]``, lower case, or ``""``: what
    ``(?<![\\w.])([A-Za-z]+)\\.?[ \\u00a0]$`` finds in ``text[max(0, i - 16):i]``."""
    e = i - 2 if text[i - 2] == "." else i - 1
    lo = max(0, i - 16)
    s = e
    while s > lo and text[s - 1] in _ASCII_LETTERS:
        s -= 1
    if s == e or s > 0 and (text[s - 1] == "." or text[s - 1] == "_" or text[s - 1].isalnum()):
        return ""
    return text[s:e].lower()


_WORD_RE = re.compile(r"\S+")

_NEVER_NAMES = TIME_WORDS - {"may", "june", "april", "august"}
"""Words that open a run of capitals without naming anyone (``On Wednesday Tony Blair``,
``Earlier Tony Blair``): the time words, but the months that are also first names."""

_OPENING_MARKS = frozenset(" \u00a0\t\"'\u201c\u2018(\u00ab[")
_STOPS = frozenset(".!?")
_CLOSING_MARKS = frozenset("\"'\u201d\u2019)\u00bb]")


def _in_word(c: str) -> bool:
    return c.isalnum() or c in "_\u2019'-"


def _opens_sentence(text: str, pos: int) -> bool:
    """Whether the word at ``pos`` is the first of its sentence, line or text."""
    j = pos - 1
    while j >= 0 and text[j] in _OPENING_MARKS:
        j -= 1
    if j < 0 or text[j] == "\n":
        return True
    while j > 0 and text[j] in _CLOSING_MARKS:
        j -= 1
    if text[j] not in _STOPS:
        return False
    return text[j] != "." or ABBREV_RE.search(text, max(0, j - 6), j) is None


_FIRST_NAME_TITLES = {"sir", "dame", "lord", "lady"}
"""Titles that go with a first name: ``Sir John`` for Sir John Bourn."""

_GENDER_RE = re.compile(  # \b(?:[Hh]e|[Hh]is|him|[Ss]he|[Hh]er|hers)\b
    r"[HhSs](?<!\w.)(?:(?<=[Hh])(?:e|is|er)|(?<=h)(?:im|ers)|(?<=[Ss])he)\b"
)


def _ends_sentence(word: str) -> bool:
    """Whether a word before a name ends a sentence: a full stop after more than an
    initial (``B.``) or a title (``Dr.``, ``Gov.``, ``U.S.``)."""
    return word.endswith(".") and len(word) > 2 and word.lower().rstrip(".") not in TITLES


def _extends(full: str, name: str) -> bool:
    """Whether ``full`` names whom ``name`` names: a surname alone, or the name's words in
    order ending with its last (``Blair`` → ``Tony Blair``, ``Archbishop Tutu`` →
    ``Archbishop Desmond Tutu``); never another given name (``Tony Blair`` is not
    ``Vote Blair``, from a slogan, nor ``Bill Clinton`` ``Hillary Clinton``)."""
    words = [w.rstrip(".") for w in name.split()]
    longer = [w.rstrip(".") for w in full.split()]
    if len(words) == 1:
        return True
    if longer[-1] != words[-1]:
        return False
    rest = iter(longer)
    return all(word in rest for word in words)


class Names:
    """Full names of the article by last word, and where persons are mentioned (lazy)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._full: dict[str, str | None] = {}
        self._where: dict[str, list[int]] = {}
        self.gender: dict[str, str] = {}
        self._unsettled: set[str] = set()  # looked up, gender not yet read (see _gender)
        self._pending: set[str] | None = None
        self._pos: list[int] = []
        self._who: list[str] = []
        self._resolved: dict[str, str | None] = {}
        self._counts: dict[str, dict[str, int]] = {}  # full names by last word (see full)
        self._inside: dict[str, bool | None] = {}  # see _capitalised

    def _occurrences(self, key: str) -> list[int]:
        """Where the word ``key`` occurs (its gender is read when first asked for)."""
        where = self._where.get(key)
        if where is not None:
            return where
        text = self.text
        where = []
        n = len(key)
        i = text.find(key)
        while i >= 0:
            j = i + n
            if (i == 0 or not text[i - 1].isalnum()) and (j >= len(text) or not text[j].isalnum()):
                where.append(i)
            i = text.find(key, j)
        self._where[key] = where
        if key not in self.gender:
            self._unsettled.add(key)
        return where

    def _gender(self, key: str) -> str | None:
        """The gender of ``key``: a gendered title right before a mention, else the first
        pronoun after a few mentions (Clinton ... she); read from the mentions as they
        were when first looked up (before a title found by :meth:`_index`)."""
        if key in self._unsettled:
            self._unsettled.discard(key)
            text = self.text
            where = self._where[key]
            for i in where:
                if i >= 3 and text[i - 1] in " \u00a0" and text[i - 2] in _TITLE_ENDS:
                    title = _title_before(text, i)
                    if title in FEMALE_TITLES:
                        self.gender[key] = "f"
                        break
                    if title in MALE_TITLES:
                        self.gender[key] = "m"
                        break
            else:
                n = len(key)
                votes = 0
                for i in where[:5]:
                    m = _GENDER_RE.search(text, i + n, i + n + 90)
                    if m is not None:
                        votes += 1 if m.group().lower() in MALE else -1
                if votes:
                    self.gender[key] = "m" if votes > 0 else "f"
        return self.gender.get(key)

    def full(self, key: str) -> str | None:
        """The most frequent multi-word name ending with ``key``, titles left out."""
        if key in self._full:
            return self._full[key]
        text = self.text
        counts: dict[str, int] = {}
        unsure: set[str] = set()
        for i in self._occurrences(key)[:8]:
            if (
                i < 2
                or text[i - 1] not in " \u00a0"
                or not (text[i - 2] == "." or text[i - 2].isalpha())
            ):
                continue
            w0 = text.rfind(" ", max(0, i - 30), i - 1) + 1
            if not (text[w0 : w0 + 1].isupper() or text[w0 : i - 1] in _PARTICLES):
                continue
            m = _PRE_NAME_RE.search(text, max(0, i - 60), i)
            if m is None:
                continue
            run = [(w.start(), w.group()) for w in _WORD_RE.finditer(text, m.start(), m.end())]
            words = [w for _, w in run]
            lows = [w.lower() for w in words]
            while lows and (
                lows[0].rstrip(".") in NOT_NAMES
                and lows[0].rstrip(".") not in TITLES
                or lows[0] in _NEVER_NAMES  # On Wednesday Tony Blair
            ):
                words.pop(0)
                lows.pop(0)
                run.pop(0)
            # titles inside the run: CNN President Jeff Zucker → Jeff Zucker
            cut = [x for x, w in enumerate(lows) if w.rstrip(".") in TITLES]
            if cut:
                words = words[cut[-1] + 1 :]
                lows = lows[cut[-1] + 1 :]
            elif run:
                # the capital of a sentence's first word tells nothing about a name
                known = self._capitalised(run[0][0], words[0])
                if known is False:  # Striker Nicolas Anelka, and striker elsewhere
                    words = words[1:]
                    lows = lows[1:]
                elif known is None:  # Fuming Robinson blasts officials: unsure
                    unsure.add(strip_titles(" ".join(words + [key])))
            if any(w in NOT_NAMES for w in lows):
                continue  # a headline in title case: Trump On The Wall
            name = strip_titles(" ".join(words + [key]))
            if len(name.split()) > 1:
                counts[name] = counts.get(name, 0) + 1
        # of names as frequent, the longest, but one whose first word may be a sentence's
        # capital only after one read inside sentences (Fuming Robinson, Andy Robinson)
        best = max(counts, key=lambda c: (counts[c], c not in unsure, len(c))) if counts else None
        self._full[key] = best
        self._counts[key] = counts
        return best

    def _capitalised(self, pos: int, word: str) -> bool | None:
        """Whether the capitalised ``word`` at ``pos`` is written so for itself: True inside
        a sentence, or when the article writes it capitalised inside one elsewhere; False
        when it opens its sentence (or line) and the article writes it in lower case
        elsewhere and never capitalised inside a sentence; None when the article cannot
        tell (it opens its sentence, and appears nowhere else)."""
        if not word[:1].isupper() or word.isupper() or not _opens_sentence(self.text, pos):
            return True  # not capitalised by its place: a particle, NEW YORK, NATO
        if word in self._inside:
            return self._inside[word]
        known: bool | None = None
        text = self.text
        n = len(word)
        lower = word.lower()
        for form in (word, lower):
            i = text.find(form)
            seen = 0
            while i >= 0 and seen < 30:
                j = i + n
                if (i == 0 or not _in_word(text[i - 1])) and (
                    j >= len(text) or not _in_word(text[j])
                ):
                    seen += 1
                    if form is lower:
                        known = False
                        break
                    if not _opens_sentence(text, i):
                        return self._remember(word, True)
                i = text.find(form, j)
        return self._remember(word, known)

    def _remember(self, word: str, known: bool | None) -> bool | None:
        self._inside[word] = known
        return known

    def resolve(self, mention: str) -> str | None:
        """The fullest name for a name mention (``Ms Hewitt`` → ``Patricia Hewitt``)."""
        if mention in self._resolved:
            return self._resolved[mention]
        name = self._resolve(mention)
        self._resolved[mention] = name
        return name

    def _resolve(self, mention: str) -> str | None:
        words = mention.split()
        # keep the trailing capitalised run (Trump campaign manager Corey Lewandowski),
        # within its sentence (across the UK. Springer said: Springer)
        k = len(words)
        while k > 0 and (
            words[k - 1][:1].isupper() or words[k - 1].lower() in ("al", "bin", "de", "van", "von")
        ):
            if k < len(words) and _ends_sentence(words[k - 1]):
                break
            k -= 1
        run = words[k:]
        # titles inside the run: Auditor General Sir John Bourn → Sir John Bourn
        cut = [x for x, w in enumerate(run[:-1]) if w.lower().rstrip(".") in TITLES]
        if len(cut) and cut[-1] > 0:
            run = run[cut[-1] :]
        elif len(run) > 1 and run[0].lower().rstrip(".") not in TITLES:
            at = self.text.find(" ".join(run))
            if at >= 0 and self._capitalised(at, run[0]) is False:
                run = run[1:]  # Singer Sam Endicott, and a singer elsewhere: Sam Endicott
        if not run:
            return None
        name = strip_titles(" ".join(run))
        if not name or name.lower() in NOT_NAMES or name.lower() in TITLES:
            return None
        title = run[0].lower().rstrip(".") if len(run) > len(name.split()) else ""
        if title in _FIRST_NAME_TITLES and len(name.split()) == 1:
            # Sir John: the fullest name the article gives him (Sir John Bourn)
            m = re.search(
                rf"\b{re.escape(run[0])}[ \u00a0]+{re.escape(name)}[ \u00a0]+([A-Z][\w\u2019'-]+)",
                self.text,
            )
            if m is not None and m.group(1).lower() not in NOT_NAMES:
                return f"{name} {m.group(1)}"
        key = name_key(name.split()[-1])
        if not key:
            return None
        full = self.full(key)
        if full and title and len(name.split()) == 1:
            full = self._agreeing(key, full, title)
        if full and len(full.split()) >= len(name.split()):
            if _extends(full, name) or (not self._given(name) and self._given(full)):
                return full  # or a name whose first word is no given name (Continued Stone)
        return name

    def _given(self, name: str) -> bool:
        """Whether the first word of ``name`` is written as a given name: capitalised
        inside a sentence where the name is, or elsewhere in the article."""
        at = self.text.find(name)
        return at >= 0 and self._capitalised(at, name.split()[0]) is True

    def _agreeing(self, key: str, full: str, title: str) -> str | None:
        """Of the full names ending with ``key``, the one a gendered ``title`` can name
        (``Mr Blair`` is not ``Cherie Blair`` when ``Tony Blair`` is as frequent); None
        when the article does not tell which."""
        want = "m" if title in MALE_TITLES else "f" if title in FEMALE_TITLES else None
        counts = self._counts.get(key, {})
        if want is None or len({c.split()[0] for c in counts}) < 2:
            return full
        fitting = []
        for c in counts:
            g = self._gender(name_key(c.split()[0])) if c.split()[0][:1].isupper() else None
            if g is None or g == want:
                fitting.append((counts[c], g == want, c))
        if not fitting:
            return None
        fitting.sort(reverse=True)
        top = [f for f in fitting if f[:2] == fitting[0][:2]]
        return top[0][2] if len(top) == 1 else None

    def add_persons(self, keys: set[str]) -> None:
        """Persons (last words) whose mentions pronouns may refer to; indexed when needed."""
        self._pending = keys

    def _index(self) -> None:
        keys = self._pending or set()
        self._pending = None
        text = self.text
        for m in _TITLED_RE.finditer(text):
            if m.start() > 0 and text[m.start() - 1].isalnum():
                continue
            key = name_key(m.group(2))
            keys.add(key)
            t = m.group(1).lower()
            if t in FEMALE_TITLES:
                self._gender(key)
                self.gender.setdefault(key, "f")
            elif t in MALE_TITLES:
                self._gender(key)
                self.gender.setdefault(key, "m")
        pairs: list[tuple[int, str]] = []
        for key in keys:
            if len(key) >= 2:
                pairs.extend((i, key) for i in self._occurrences(key))
        pairs.sort()
        self._pos = [p for p, _ in pairs]
        self._who = [k for _, k in pairs]

    def recent_person(self, pos: int, pronoun: str) -> str | None:
        """The most recent person mentioned before ``pos`` fitting the pronoun's gender."""
        if self._pending is not None:
            self._index()
        i = bisect.bisect_left(self._pos, pos) - 1
        want = "m" if pronoun in MALE else "f" if pronoun in FEMALE else None
        found: str | None = None
        while i >= 0:
            key = self._who[i]
            if want is None or (g := self._gender(key)) is None or g == want:
                found = key
                break
            i -= 1
        # a person acting since then, not yet indexed (Tomas Reyes disagreed. “…,” he said)
        since = self._pos[i] + 1 if found is not None else 0
        later: str | None = None
        for m in _SUBJECT_NAME_RE.finditer(self.text, max(since, pos - 600), pos):
            if (
                m.group(1).split()[0].lower() not in NOT_NAMES
                and m.group(2).lower() not in TIME_WORDS
            ):
                key = name_key(m.group(2))
                self._occurrences(key)
                if want is None or (g := self._gender(key)) is None or g == want:
                    later = key
        for person in (later, found):
            if person is not None:
                full = self.full(person)
                if full and want is not None:
                    full = self._agreeing(person, full, "mr" if want == "m" else "ms")
                return full or person
        return None
