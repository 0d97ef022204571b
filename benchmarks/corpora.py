"""Benchmark corpora and queries: the BBC folder, synthetic scale-ups, generated queries.

Synthetic corpora recombine real paragraphs into new articles and perturb words
so the vocabulary keeps growing (Heaps-like, about ``V * scale ** 0.6``) instead
of repeating the base vocabulary. Queries are generated from the passages of the
corpus under test with a fixed seed; a hit is *relevant* when the passage
contains the original fragment (or all the chosen words, for reordered queries),
so duplicated paragraphs count as correct answers.
"""

from __future__ import annotations

import random
import string
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from tui.core.models import Article
from tui.core.text import keys, tokenize

KINDS = ("exact", "typo", "reorder", "prefix", "forms", "mixed", "pasted")
"""Query kinds: the first four as before; ``forms``: at least half of the words in another
form of the passage's word ("negotiated" for "negotiations"); ``mixed``: one changed form,
one typo and one prefix among distinctive words, shuffled; ``pasted``: 8-16 words of the
passage with one word left out and one changed (form or typo)."""
OLD_KINDS = KINDS[:4]
SET_KINDS = ("reorder", "mixed")
"""Kinds whose relevant passages contain the needle's keys in any order."""

SUFFIXES = (
    "", "s", "es", "ed", "d", "ing", "e", "er", "ers", "ion", "ions", "ation", "ations",
    "ment", "ments", "ly", "al", "ive", "or", "ors", "ity", "ies", "y", "ied",
)  # fmt: skip
"""Endings swapped to make another form of a word. The benchmark's own list, independent
of the engine's stemmer: a form counts when the corpus has it."""


@dataclass(frozen=True, slots=True)
class BenchQuery:
    """A generated query, the keys a relevant passage must contain, and its source."""

    kind: str
    text: str
    needle: tuple[str, ...]
    """Keys that a relevant passage contains (in a row unless ``kind == "reorder"``)."""
    source: int
    """The global passage it was generated from."""


def load_bbc(root: Path) -> list[Article]:
    """The BBC corpus through the real loader."""
    from tui.core.corpus import load_corpus

    return [a for a in load_corpus(root).articles if a.passages]


def passage_texts(articles: list[Article]) -> list[str]:
    """Every passage of ``articles`` in index order (article, then passage)."""
    return [a.text[s:e] for a in articles for s, e in a.passages]


def invent_word(word: str, rng: random.Random) -> str:
    """A new word derived from ``word``: a name-like or misspelt variant."""
    roll = rng.random()
    letters = string.ascii_lowercase
    if roll < 0.4 and len(word) > 3:
        i = rng.randrange(1, len(word))
        return word[:i] + rng.choice(letters) + word[i:]
    if roll < 0.7:
        return word + rng.choice(("ov", "ski", "ia", "ez", "son", "stan", "ine", "ar", "o"))
    tail = "".join(rng.choice(letters) for _ in range(rng.randint(4, 9)))
    return rng.choice(letters).upper() + tail


def synthesise(base: list[Article], scale: int, seed: int = 7) -> list[Article]:
    """About ``scale`` times ``base``: recombined paragraphs, perturbed words."""
    rng = random.Random(seed)
    paragraphs = passage_texts(base)
    counts = [len(a.passages) for a in base]
    words = sorted({w for p in paragraphs[:4000] for w in p.split() if w.isalpha()})
    pool_size = int(len(set(words)) * (scale**0.6))
    pool = [invent_word(rng.choice(words), rng) for _ in range(pool_size)]
    folders = sorted({a.folder for a in base}) or [""]
    articles: list[Article] = []
    for number in range(len(base) * scale):
        chosen = [rng.choice(paragraphs) for _ in range(rng.choice(counts))]
        out: list[str] = []
        for paragraph in chosen:
            tokens = paragraph.split(" ")
            for _ in range(max(0, int(len(tokens) * 0.03 + rng.random()))):
                pick = int(pool_size * rng.random() ** 2)
                tokens[rng.randrange(len(tokens))] = pool[pick]
            out.append(" ".join(tokens))
        title = rng.choice(base).title
        text = title + "\n\n"
        spans = []
        for paragraph in out:
            spans.append((len(text), len(text) + len(paragraph)))
            text += paragraph + "\n\n"
        folder = rng.choice(folders)
        articles.append(
            Article(
                id=f"synth/{number}",
                path=f"synth/{number}.txt",
                text=text,
                title=title,
                date=f"20{rng.randint(10, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                folder=folder,
                passages=spans,
            )
        )
    return articles


def _typo(word: str, rng: random.Random) -> str:
    """``word`` with one random edit: substitution, insertion, deletion or swap."""
    i = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(4)
    letter = rng.choice(string.ascii_lowercase)
    if kind == 0:
        return word[:i] + letter + word[i + 1 :]
    if kind == 1:
        return word[:i] + letter + word[i:]
    if kind == 2:
        return word[:i] + word[i + 1 :]
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def other_forms(vocabulary: set[str]) -> dict[str, list[str]]:
    """For each word of ``vocabulary``, its other forms in it: same base, another ending.

    The base is at least 5 letters and keeps at least 4/5 of the shorter word
    ("negotiat" + "ions" / "ed"), so unrelated words rarely pair ("beck" + "er" / "y"
    does not).
    """
    by_base: dict[str, set[str]] = {}
    for word in vocabulary:
        if not word.isalpha() or len(word) < 5:
            continue
        for ending in SUFFIXES:
            if ending and not word.endswith(ending):
                continue
            base = word[: len(word) - len(ending)] if ending else word
            if len(base) >= 5:
                by_base.setdefault(base, set()).add(word)
    forms: dict[str, set[str]] = {}
    for base, words in by_base.items():
        if len(words) < 2:
            continue
        for word in words:
            for other in words:
                if other != word and len(base) * 5 >= 4 * min(len(word), len(other)):
                    forms.setdefault(word, set()).add(other)
    return {word: sorted(others) for word, others in forms.items()}


def make_queries(
    texts: list[str], per_kind: int, seed: int = 11, kinds: tuple[str, ...] = KINDS
) -> list[BenchQuery]:
    """``per_kind`` queries of each kind from random passages of ``texts``."""
    rng = random.Random(seed)
    sample = [texts[rng.randrange(len(texts))] for _ in range(min(len(texts), 3000))]
    df = Counter(k for t in sample for k in set(keys(t)))
    queries: list[BenchQuery] = []
    for kind in kinds:
        if kind not in OLD_KINDS:
            break

        made = 0
        while made < per_kind:
            source = rng.randrange(len(texts))
            tokens = tokenize(texts[source])
            if len(tokens) < 12:
                continue
            size = rng.randint(3, 6)
            first = rng.randrange(len(tokens) - size)
            window = tokens[first : first + size]
            raw = [texts[source][t.start : t.end] for t in window]
            needle = tuple(t.key for t in window)
            if sum(len(k) >= 4 for k in needle) < 2:
                continue
            if kind == "exact":
                text = " ".join(raw)
            elif kind == "typo":
                long = [i for i, w in enumerate(raw) if len(w) >= 5 and w.isalpha()]
                if not long:
                    continue
                for i in rng.sample(long, min(len(long), rng.randint(1, 2))):
                    raw[i] = _typo(raw[i], rng)
                text = " ".join(raw)
            elif kind == "prefix":
                text = " ".join(w[: rng.randint(3, 5)] if len(w) > 5 else w for w in raw)
            else:
                distinct = sorted(
                    {t.key for t in tokens if len(t.key) >= 4}, key=lambda k: (df[k], k)
                )[:3]
                if len(distinct) < 2:
                    continue
                needle = tuple(distinct)
                shuffled = list(distinct)
                while shuffled == list(distinct):
                    rng.shuffle(shuffled)
                text = " ".join(shuffled)
            queries.append(BenchQuery(kind, text, needle, source))
            made += 1
    new_kinds = [kind for kind in kinds if kind not in OLD_KINDS]
    if new_kinds:
        queries.extend(_new_kinds(texts, per_kind, random.Random(seed + 1), df, new_kinds))
    return queries


def _new_kinds(
    texts: list[str],
    per_kind: int,
    rng: random.Random,
    df: Counter[str],
    kinds: list[str],
) -> list[BenchQuery]:
    """Queries of the kinds added for word forms, mixed slips and pasted sentences."""
    vocabulary = {k for t in texts[:: max(1, len(texts) // 20000)] for k in keys(t)}
    forms = other_forms(vocabulary)
    queries: list[BenchQuery] = []
    for kind in kinds:
        made = tries = 0
        while made < per_kind and tries < 200 * per_kind:
            tries += 1
            source = rng.randrange(len(texts))
            tokens = tokenize(texts[source])
            if len(tokens) < 18:
                continue
            raw = [texts[source][t.start : t.end] for t in tokens]
            made_query = _one(kind, raw, [t.key for t in tokens], forms, df, rng)
            if made_query is not None:
                queries.append(BenchQuery(kind, made_query[0], made_query[1], source))
                made += 1
    return queries


def _changed(word: str, forms: dict[str, list[str]], rng: random.Random) -> str | None:
    """Another form of ``word`` (keeping a capital), or ``None``."""
    found = forms.get(word.lower())
    if not found:
        return None
    other = rng.choice(found)
    return other.capitalize() if word[:1].isupper() else other


def _one(
    kind: str,
    raw: list[str],
    keyed: list[str],
    forms: dict[str, list[str]],
    df: Counter[str],
    rng: random.Random,
) -> tuple[str, tuple[str, ...]] | None:
    """One query of ``kind`` from a passage's raw tokens and keys, with its needle."""
    if kind == "forms":
        size = rng.randint(3, 6)
        first = rng.randrange(len(raw) - size)
        words = raw[first : first + size]
        changeable = [i for i, w in enumerate(words) if w.lower() in forms]
        if 2 * len(changeable) < size or sum(len(w) >= 4 for w in words) < 2:
            return None
        for i in changeable:
            words[i] = _changed(words[i], forms, rng) or words[i]
        return " ".join(words), tuple(keyed[first : first + size])
    if kind == "mixed":
        distinct = sorted(
            {k for k in keyed if len(k) >= 5 and k.isalpha()}, key=lambda k: (df[k], k)
        )[:6]
        changeable = [k for k in distinct if k in forms]
        if len(distinct) < 3 or not changeable:
            return None
        changed = rng.choice(changeable)
        others = [k for k in distinct if k != changed]
        rng.shuffle(others)
        typo, prefix = others[0], others[1]
        words = [_changed(changed, forms, rng) or changed, _typo(typo, rng), prefix[:4]]
        rng.shuffle(words)
        return " ".join(words), (changed, typo, prefix)
    # pasted: 8-16 words, one left out, one changed (another form, else a typo)
    size = rng.randint(8, 16)
    if len(raw) <= size:
        return None
    first = rng.randrange(len(raw) - size)
    words = raw[first : first + size]
    needle = tuple(keyed[first : first + size])
    long = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
    if len(long) < 2:
        return None
    change, drop = rng.sample(long, 2)
    words[change] = _changed(words[change], forms, rng) or _typo(words[change], rng)
    del words[drop]
    return " ".join(words), needle


def relevant(query: BenchQuery, passage_text: str) -> bool:
    """Whether a returned passage answers the query."""
    found = keys(passage_text)
    if query.kind in SET_KINDS:
        return set(query.needle) <= set(found)
    joined = " " + " ".join(found) + " "
    return " " + " ".join(query.needle) + " " in joined
