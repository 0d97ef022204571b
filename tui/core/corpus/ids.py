"""Article ids: unique in a corpus, stable, readable.

An article's id is its path relative to the corpus folder without its suffix,
``/``-separated (``world/harbour-bridge``). Two files may share that stem
(``x.txt`` and ``x.md``, ``X.TXT`` and ``X.txt``): each of them then keeps its
suffix (``x.txt``, ``x.md``), and so does any file whose stem meets one of those
(``x.txt.md`` next to them is ``x.txt.md``). Bytes of a file name that are not
UTF-8 are written ``\\xNN`` (:func:`relative_name`), so two such names differ
too. Only when two paths are equal even so (a name spelling ``\\xff`` with a
backslash next to one holding the byte) does the later file get ``~2``, ``~3``.
The rule depends only on the set of paths, so the same folder always gets the
same ids.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from tui.core.models import Article


def relative_name(raw: str) -> str:
    """A relative path from the file system, undecodable bytes written ``\\xNN``."""
    if raw.isascii():
        return raw
    return raw.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def stem_id(relative: str) -> str:
    """The id of the article at ``relative`` path when no other file shares it."""
    stem, _dot, _suffix = relative.rpartition(".")
    return stem or relative


def assign_ids(articles: Sequence[Article]) -> None:
    """Give every article of one corpus a unique id (see the module docstring), in place."""
    ids = [stem_id(article.path) for article in articles]
    keeps_suffix = [False] * len(ids)
    while True:
        counts = Counter(ids)
        changed = False
        for number, article in enumerate(articles):
            if counts[ids[number]] > 1 and not keeps_suffix[number]:
                ids[number] = article.path
                keeps_suffix[number] = True
                changed = True
        if not changed:
            break
    used = set(ids)
    seen: set[str] = set()
    for number, article in enumerate(articles):
        candidate, count = ids[number], 1
        while candidate in seen or (count > 1 and candidate in used):
            count += 1
            candidate = f"{ids[number]}~{count}"
        seen.add(candidate)
        article.id = candidate
