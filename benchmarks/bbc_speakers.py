#!/usr/bin/env python3
"""Count the speakers a reader would not accept, on the BBC corpus.

usage: python benchmarks/bbc_speakers.py [--data DIR] [--examples N]

Runs the quote engine over ``DIR`` (default ``../shared/data/bbc``) and checks every
speaker, with checks of its own (not the engine's), for:

* ``crosses-sentence``: the mention runs over a sentence end (``the Liverpool player.
  Switzerland``);
* ``not-a-mention``: a single word that names no person, group or organisation and is
  no pronoun for one (``The``, ``swear``, ``afterwards``; ``it`` without a cue);
* ``title-unsure``: a title and a surname (``Mr Blair``) given the full name of one of
  several people of that surname the article names as often (``Cherie Blair`` beside
  ``Tony Blair``);
* ``short-form``: ``Sir John`` (or Dame, Lord, Lady and one name) whose name is not
  resolved to the fuller ``Sir John Bourn`` the article gives.

Prints the counts, a few examples of each, and the cases issue 14 names. Exits 0 with
"skipped" when the corpus is not there.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.core.quotes import Quote, find_quotes  # noqa: E402

_SENTENCE_END = re.compile(
    r"(?<![A-Z])(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bMrs)(?<!\bJr)[.!?]\s+[A-Z0-9]"
)
_NOT_NAMING = set(
    """the a an this that these those there here then so but and or if when while as after
    before since because although though yet also still now just even only out well too
    being part such see cut afterwards meanwhile however other another's is was were be
    said says swear yes no not what why how where""".split()
)
_PRONOUNS = set(
    """he she they we i you who one someone everyone his her their many some several
    others""".split()
)
_PEOPLE_WORDS = set(
    """people police media public staff government management agency chairman spokesman
    spokeswoman company firm group committee council board party union ministry court
    report study survey poll statement newspaper website magazine broadcaster club team
    coach manager family campaign office industry regulator watchdog bank critics
    analysts experts officials""".split()
)
_FIRST_NAME_TITLES = ("Sir", "Dame", "Lord", "Lady")
_GENDERED = ("Mr", "Mrs", "Ms", "Miss", "Sir", "Dame", "Lord", "Lady")
_OFFICES = set(
    """The A Dr Prof Professor President Prime Minister Secretary Chancellor Director Chief
    General Senator Governor Judge Coach Manager Captain Chairman Leader Premier King Queen
    Prince Princess Pope Bishop Archbishop Sheikh Justice Mayor Inspector Sergeant
    Detective Commissioner Ambassador Rev Father Brother Sister""".split()
)


def _not_a_mention(q: Quote) -> bool:
    assert q.speaker is not None
    words = q.speaker.split()
    if len(words) != 1:
        return False
    w = words[0].strip(".,;:'\u2019").lower()
    if w == "it":
        return q.cue is None
    if w in _PRONOUNS or w in _PEOPLE_WORDS or w[:1].isdigit():
        return False
    if w in _NOT_NAMING:
        return True
    if words[0][:1].isupper():
        return False  # a proper name
    return not (w.endswith("s") and len(w) > 3)  # plural nouns: lenders, organisers


def _title_unsure(q: Quote, text: str) -> bool:
    assert q.speaker is not None
    words = q.speaker.split()
    if len(words) != 2 or words[0].rstrip(".") not in _GENDERED or not q.speaker_name:
        return False
    surname = words[1].rstrip(".,;:")
    full = q.speaker_name.split()
    if len(full) < 2 or full[-1] != surname:
        return False
    firsts = Counter(
        m.group(1)
        for m in re.finditer(rf"\b([A-Z][a-z]+)[ \u00a0]+{re.escape(surname)}\b", text)
        if m.group(1) not in _GENDERED and m.group(1) not in _OFFICES
    )
    if len(firsts) < 2:
        return False
    mine = firsts.get(full[-2], 0)
    return any(n >= mine for f, n in firsts.items() if f != full[-2])


def _short_form(q: Quote, text: str) -> bool:
    assert q.speaker is not None
    words = q.speaker.split()
    if len(words) != 2 or words[0] not in _FIRST_NAME_TITLES:
        return False
    m = re.search(rf"\b{words[0]} {re.escape(words[1])} ([A-Z][\w'-]+)", text)
    return m is not None and not (q.speaker_name or "").endswith(m.group(1))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "bbc"))
    ap.add_argument("--examples", type=int, default=5)
    args = ap.parse_args(argv)
    data = Path(args.data)
    files = sorted(data.rglob("*.txt"))
    if not files:
        print(f"skipped: corpus not found at {data}")
        return 0
    counts: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    speakers: Counter[str] = Counter()
    n_quotes = n_spoken = 0
    wanted = {"politics/184": "Mr Blair", "sport/133": "Liverpool", "politics/080": "Sir John"}
    cases: list[str] = []
    for path in files:
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", errors="replace")
        doc = path.relative_to(data).with_suffix("").as_posix()
        for q in find_quotes(text):
            n_quotes += 1
            if q.speaker is None:
                continue
            n_spoken += 1
            speakers[q.speaker] += 1
            checks = {
                "crosses-sentence": _SENTENCE_END.search(q.speaker) is not None,
                "not-a-mention": _not_a_mention(q),
                "title-unsure": _title_unsure(q, text),
                "short-form": _short_form(q, text),
            }
            for name, bad in checks.items():
                if bad:
                    counts[name] += 1
                    if len(examples[name]) < args.examples:
                        quote = text[q.start : q.end][:40]
                        examples[name].append(
                            f"{doc}: {q.speaker!r} -> {q.speaker_name!r} {quote!r}"
                        )
            if doc in wanted and wanted[doc] in q.speaker:
                cases.append(f"{doc}: {q.speaker!r} -> {q.speaker_name!r}")
    print(f"BBC: {len(files)} articles, {n_quotes} quotations, {n_spoken} with a speaker")
    for name in ("crosses-sentence", "not-a-mention", "title-unsure", "short-form"):
        print(f"  {name:<17} {counts[name]}")
        for line in examples[name]:
            print(f"      {line}")
    print(f"implausible speakers in all: {sum(counts.values())}")
    print(f"speakers 'It': {speakers['It']}, 'it': {speakers['it']}, 'The': {speakers['The']}")
    print("issue 14 cases:")
    for line in sorted(set(cases)):
        print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
