"""Whether a speaker read by the rules is a mention a reader would accept.

A speaker is a person, a group or an organisation, or a pronoun standing for one. A
span the rules read across a sentence end (``said the Liverpool player. Switzerland``)
is cut back to the sentence of the cue; a single word that cannot name anyone (``The``,
``swear``, ``afterwards``) is no speaker, nor is ``it`` without a cue (``it`` stands for an
organisation as the subject of a cue: ``It said``).
"""

from __future__ import annotations

import re

from tui.core.quotes.attribution.word_classes import BREAK_WORDS, DETERMINERS, PRONOUNS
from tui.core.quotes.attribution.words import SENT_END_RE, is_sentence_end

# nouns for people, groups and organisations, and the suffixes of agents
_GROUP_NOUNS = frozenset(
    """people police media public staff government management agency chairman chairwoman
    spokesman spokeswoman spokesperson company firm group committee council board party
    union ministry department court army report study survey poll statement paper
    newspaper website magazine broadcaster network club team side coach manager family
    administration campaign office embassy industry regulator watchdog bank someone
    everyone anyone nobody others crowd audience one another""".split()
)
_STANDS_FOR_PEOPLE = frozenset(
    """his her their them us me my our your one another some several many most few all
    both each either neither none others two three four five six seven eight nine ten
    dozens hundreds thousands millions""".split()
)
_HANDLE_RE = re.compile(r"@\w{2,}")
_S_ADVERBS = frozenset(
    "always perhaps sometimes besides nevertheless whereas thus nowadays indoors outdoors".split()
)
_AGENT_SUFFIXES = (
    "ers",
    "ors",
    "ists",
    "ysts",
    "ians",
    "ants",
    "ents",
    "ees",
    "ives",
    "ics",
    "men",
)


def cut_at_sentence_end(
    text: str, span: tuple[int, int], cue: tuple[int, int] | None
) -> tuple[int, int]:
    """``span`` without what lies across a sentence end from the cue (or, with no cue,
    from the span's start)."""
    a, b = span
    piece = text[a:b]
    if "." not in piece and "!" not in piece and "?" not in piece:
        return span
    ends = [
        m.end()
        for m in SENT_END_RE.finditer(text, a, b)
        if m.end() < b and is_sentence_end(text, m)
    ]
    if not ends:
        return span
    if cue is not None and cue[0] >= b:
        a = ends[-1]  # Switzerland, Ireland. Ana Ruiz said: the last sentence
    else:
        b = ends[0]  # said the Liverpool player. Switzerland: the first one
    while b > a and text[b - 1] in " \u00a0.,;:":
        b -= 1
    return (a, b) if b > a else span


_NEVER_LAST = (
    BREAK_WORDS - {"this", "these", "those", "what", "whom", "whose", "which"}
) | frozenset(
    """yesterday today tonight tomorrow earlier later recently now then here there
    meanwhile afterwards ahead however too instead widely already still previously""".split()
)
"""Words a noun phrase never ends with, in lower case: prepositions, conjunctions, verbs
of saying, adverbs of time and sequence (``Mr Hockney meanwhile``, ``several lawmakers
as``, ``Gardener afterwards``); a capital keeps a name (``USA Today``, ``Al From``)."""


def trim_tail(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """``span`` without the trailing words a mention cannot end with (:data:`_NEVER_LAST`);
    its first word always stays."""
    a, b = span
    end = b
    while True:
        piece = text[a:end]
        cut = max(piece.rfind(" "), piece.rfind("\u00a0"))
        if cut <= 0 or piece[cut + 1 :].strip(",;:") not in _NEVER_LAST:
            break
        end = a + len(piece[:cut].rstrip(" \u00a0,;:"))
    return (a, end) if a < end < b else span


def plausible_speaker(mention: str, has_cue: bool) -> bool:
    """Whether ``mention`` can be a speaker (``has_cue``: read as a cue's subject)."""
    words = mention.split()
    if not words or not any(ch.isalnum() for ch in mention):
        return False
    if len(words) > 1:
        return True
    if has_cue and (mention in ("Q", "A") or _HANDLE_RE.fullmatch(mention)):
        return True  # an interview's Q: and A:, a post signed @miakoh
    low = words[0].lower().strip(".,;:\u2019'")
    if low in ("it", "its"):
        return has_cue
    if low in PRONOUNS or low in _STANDS_FOR_PEOPLE or low[:1].isdigit():
        return True  # he, his, another, several; 35 (per cent) said
    if low in DETERMINERS:
        return False
    if words[0][:1].isupper():
        return low not in _FUNCTION_CAPS
    plural = (
        len(low) > 3
        and low.endswith("s")
        and not low.endswith(("ss", "us", "is", "wards"))
        and low not in _S_ADVERBS
    )
    return low in _GROUP_NOUNS or plural or low.endswith(_AGENT_SUFFIXES)


_FUNCTION_CAPS = frozenset(
    """the a an this that these those there here then so but and or if when while as
    after before since because although though yet also still now just even only
    meanwhile however instead well is was were are be yes no not what why how where
    other such part""".split()
)
