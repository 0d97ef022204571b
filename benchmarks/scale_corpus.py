"""Synthetic corpora for the scale benchmark, written as real files from the BBC folder.

Each article recombines real BBC paragraphs and perturbs a few words per
paragraph with invented ones drawn from a pool that grows with the corpus (about
``V * scale ** 0.6`` words), so the vocabulary keeps growing instead of repeating
the base one. Files go into nested folders (``topic/batch/`` and
``topic/year/month/``); about a third open with a ``date YYYY-MM-DD`` marker, a
tenth with front matter, and one in a hundred is written in cp1252.
"""

from __future__ import annotations

import random
from pathlib import Path

from benchmarks.corpora import invent_word
from tui.core.corpus import decode, find_files

BASE_ARTICLES = 2225
"""Articles in the BBC folder the scale factor is measured against."""


def read_bbc(root: Path) -> tuple[list[str], list[list[str]]]:
    """Titles and paragraph lists of every BBC article below ``root``."""
    titles: list[str] = []
    bodies: list[list[str]] = []
    for path in find_files(root):
        try:
            text = decode(path.read_bytes()).text
        except ValueError:
            continue
        lines = [line.strip() for line in text.split("\n")]
        lines = [line for line in lines if line]
        if len(lines) < 2:
            continue
        titles.append(lines[0])
        bodies.append(lines[1:])
    return titles, bodies


def write_corpus(bbc: Path, target: Path, count: int, seed: int = 7) -> int:
    """Write ``count`` synthetic articles below ``target`` (skipped when already complete).

    Returns the number of files written. A ``.complete`` marker records a finished run.
    """
    marker = target / ".complete"
    if marker.exists() and marker.read_text() == str(count):
        return 0
    rng = random.Random(seed)
    titles, bodies = read_bbc(bbc)
    paragraphs = [p for body in bodies for p in body]
    counts = [len(body) for body in bodies]
    words = sorted({w for p in paragraphs[:6000] for w in p.split() if w.isalpha()})
    scale = max(1.0, count / BASE_ARTICLES)
    pool = [invent_word(rng.choice(words), rng) for _ in range(int(len(words) * scale**0.6))]
    topics = ["business", "entertainment", "politics", "sport", "tech"]
    target.mkdir(parents=True, exist_ok=True)
    made_dirs: set[Path] = set()
    for number in range(count):
        out: list[str] = []
        for _ in range(rng.choice(counts)):
            tokens = rng.choice(paragraphs).split(" ")
            for _ in range(max(0, int(len(tokens) * 0.03 + rng.random()))):
                tokens[rng.randrange(len(tokens))] = pool[int(len(pool) * rng.random() ** 2)]
            out.append(" ".join(tokens))
        title = rng.choice(titles)
        topic = rng.choice(topics)
        year, month, day = rng.randint(2000, 2025), rng.randint(1, 12), rng.randint(1, 28)
        date = f"{year}-{month:02d}-{day:02d}"
        roll = rng.random()
        if roll < 0.1:
            head = f"---\ntitle: {title}\ndate: {date}\nsource: Synthetic\n---\n"
            folder = target / topic / f"{year}" / f"{month:02d}"
        elif roll < 0.4:
            head = f"date {date}\n{title}\n\n"
            folder = target / topic / f"{year}" / f"{month:02d}"
        else:
            head = f"{title}\n\n"
            folder = target / topic / f"batch{number // 1000:03d}"
        if folder not in made_dirs:
            folder.mkdir(parents=True, exist_ok=True)
            made_dirs.add(folder)
        text = head + "\n\n".join(out) + "\n"
        encoding = "cp1252" if rng.random() < 0.01 else "utf-8"
        data = text.encode(encoding, "replace")
        (folder / f"a{number:06d}.txt").write_bytes(data)
    marker.write_text(str(count))
    return count
