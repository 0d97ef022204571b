"""The search syntax: a forgiving, fzf-like parser from query text to a :class:`Query`.

Anything that is not valid syntax is taken literally (its words are searched),
so :func:`parse_query` never raises. Words are stored as index keys (see
:func:`tui.core.text.word_key`): folded case and accents, no apostrophes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from tui.core.text import fold, keys

SYNTAX_HELP = """\
Search syntax (words are matched ignoring case and accents):
  word          finds the word, a word starting with it, or the word with a typo
                (1 typo from 4 letters, 2 from 8; a swap of two letters is 1 typo)
  a b           both (passages with all the words rank first, then some of them)
  'word         exactly this word: no typo, no prefix
  "a phrase"    these words next to each other, in this order
  ^word         the passage starts with the word; word$ ends with it; ^word$ both
  !word         leave out passages containing the word (also !"a phrase", !^word, !word$)
  a | b         either a or b
  title:word    the article title contains the word (title:"two words")
  date:2024-12  the article is dated in that year, month or day;
                date:2024-12..2025-01 for a range (either end may be left out)
  in:folder     the article is in a folder starting with this name
  speaker:name  the passage has a quotation by a speaker matching the name
  !in:folder    leave out what a scope finds (any scope); title:a | title:b either
Anything else is searched as plain words (fzf's ^ and $ inside a word included)."""
"""A short plain-text description of the query syntax, for the help and the README."""

ScopeField = Literal["title", "date", "in", "speaker"]


@dataclass(frozen=True, slots=True)
class Word:
    """One query word (an index key)."""

    key: str
    exact: bool = False
    """``'word``: no typo and no prefix allowed."""
    anchored: bool = False
    """``^word``: must be the first word of the passage."""
    at_end: bool = False
    """``word$``: must be the last word of the passage."""


@dataclass(frozen=True, slots=True)
class Phrase:
    """Words that must stand next to each other, in order (matched exactly)."""

    keys: tuple[str, ...]
    anchored: bool = False
    at_end: bool = False


Term = Word | Phrase


@dataclass(frozen=True, slots=True)
class AnyOf:
    """``a | b``: at least one of the alternatives."""

    options: tuple[Term, ...]


Clause = Word | Phrase | AnyOf


@dataclass(frozen=True, slots=True)
class Scope:
    """A field restriction: ``title:``, ``date:``, ``in:`` or ``speaker:``."""

    field: ScopeField
    value: str
    """Folded value; for ``date`` the lower bound (``""`` when open)."""
    until: str | None = None
    """For a ``date`` range, the upper bound (``""`` when open); else ``None``."""
    negated: bool = False
    """``!in:sport``: everything but what the scope finds."""


@dataclass(frozen=True, slots=True)
class AnyScope:
    """``title:a | title:b``: what any of the scopes finds (each may be negated)."""

    options: tuple[Scope, ...]


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query: positive clauses (ANDed), exclusions and scopes."""

    clauses: tuple[Clause, ...] = ()
    excluded: tuple[Term, ...] = ()
    scopes: tuple[Scope | AnyScope, ...] = ()

    @property
    def empty(self) -> bool:
        """True when the query restricts nothing."""
        return not (self.clauses or self.excluded or self.scopes)

    @property
    def fields(self) -> set[ScopeField]:
        """The fields of its scopes (``{"speaker"}`` for ``speaker:x | title:y``...)."""
        found: set[ScopeField] = set()
        for scope in self.scopes:
            options = scope.options if isinstance(scope, AnyScope) else (scope,)
            found.update(option.field for option in options)
        return found


_LEXEME_RE = re.compile(r'(?:[^\s"]*"[^"]*"\$?|[^\s"]+|")')
_DATE = r"\d{4}(?:-\d{2}(?:-\d{2})?)?"
_DATE_RE = re.compile(rf"(?P<lo>{_DATE})?(?:(?P<dots>\.\.)(?P<hi>{_DATE})?)?")
_FIELDS: tuple[ScopeField, ...] = ("title", "date", "in", "speaker")
_MAX_LEXEMES = 32
"""Query words and operators kept; longer queries are cut (no real query needs more)."""


def _unquote(text: str) -> tuple[str, bool]:
    """Strip one pair of surrounding double quotes; report whether there were any."""
    if len(text) >= 2 and text[0] == '"' and text[-1] == '"':
        return text[1:-1], True
    return text, False


def _term(text: str) -> list[Term] | None:
    """A positive term from one lexeme, or ``None`` when nothing searchable remains."""
    anchored = exact = at_end = False
    if text.startswith("^") and len(text) > 1:
        anchored, text = True, text[1:]
    if text.startswith("'") and len(text) > 1:
        exact, text = True, text[1:]
    if text.endswith("$") and len(text) > 1 and not text.endswith("\\$"):
        at_end, text = True, text[:-1]
    body, quoted = _unquote(text)
    words = keys(body)
    if not words:
        return None
    if quoted or (exact and len(words) > 1):
        return [Phrase(tuple(words), anchored, at_end)]
    if len(words) == 1:
        return [Word(words[0], exact, anchored, at_end)]
    terms: list[Term] = [Word(words[0], exact, anchored)]
    terms.extend(Word(w, exact) for w in words[1:-1])
    terms.append(Word(words[-1], exact, False, at_end))
    return terms


def _scope(field: ScopeField, raw: str) -> Scope | None:
    """A scope from ``field:raw``, or ``None`` when the value is not valid."""
    value, _ = _unquote(raw)
    value = value.strip()
    if field == "date":
        match = _DATE_RE.fullmatch(value)
        if not value or match is None or (match["lo"] is None and match["hi"] is None):
            return None
        if match["dots"]:
            return Scope("date", match["lo"] or "", match["hi"] or "")
        return Scope("date", match["lo"])
    if field == "in":
        folder = fold(value).strip("/")
        return Scope("in", folder) if folder else None
    words = keys(value)
    return Scope(field, " ".join(words)) if words else None


def _joined(terms: list[Term]) -> Phrase:
    """The words of one lexeme as one phrase, its anchors kept (``!^a-b``, ``x | a-b$``)."""
    words = [t for t in terms if isinstance(t, Word)]
    return Phrase(tuple(w.key for w in words), words[0].anchored, words[-1].at_end)


def parse_query(text: str) -> Query:
    """Parse ``text`` into a :class:`Query`; never raises, invalid syntax is literal.

    >>> parse_query("'gaza !truce title:war")
    Query(clauses=(Word(key='gaza', exact=True, anchored=False),), \
excluded=(Word(key='truce', exact=False, anchored=False),), \
scopes=(Scope(field='title', value='war', until=None),))
    """
    text = "".join(c if c.isprintable() else " " for c in text[:2000])
    clauses: list[Clause] = []
    excluded: list[Term] = []
    scopes: list[Scope | AnyScope] = []
    pending_or: str | None = None  # "clause" or "scope": what a "|" joins the next one to
    last: str | None = None  # what was read last
    for lexeme in _LEXEME_RE.findall(text)[:_MAX_LEXEMES]:
        if lexeme == "|":
            pending_or = last
            continue
        negative = lexeme.startswith("!") and len(lexeme) > 1
        head, sep, rest = lexeme[negative:].partition(":")
        if sep and head.lower() in _FIELDS and rest:
            scope = _scope(head.lower(), rest)
            if scope is not None:
                if negative:
                    scope = Scope(scope.field, scope.value, scope.until, True)
                if pending_or == "scope":
                    before = scopes.pop()
                    either = before.options if isinstance(before, AnyScope) else (before,)
                    scopes.append(AnyScope(either + (scope,)))
                else:
                    scopes.append(scope)
                pending_or, last = None, "scope"
                continue
        if negative:
            negated = _term(lexeme[1:])
            if negated:
                excluded.extend(negated if len(negated) == 1 else [_joined(negated)])
                pending_or, last = None, None
                continue
        terms = _term(lexeme)
        if not terms:
            continue
        if pending_or == "clause" and clauses:
            option: Term = terms[0] if len(terms) == 1 else _joined(terms)
            previous = clauses.pop()
            old = previous.options if isinstance(previous, AnyOf) else (previous,)
            clauses.append(AnyOf(old + (option,)))
        else:
            clauses.extend(terms)
        pending_or, last = None, "clause"
    # A word typed twice adds nothing but work ("a a a …" would cost 32 clauses).
    return Query(
        tuple(dict.fromkeys(clauses)), tuple(dict.fromkeys(excluded)), tuple(dict.fromkeys(scopes))
    )
