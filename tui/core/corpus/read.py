"""Finding, reading and decoding the articles of a folder.

Every ``*.txt`` and ``*.md`` file below the folder is an article (hidden files and
folders are passed over, folder links are not followed so a loop cannot trap us).
A file that cannot be read as text is reported as :class:`Skipped` with its
reason; the rest of the corpus loads. Nothing here ever writes to the folder.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tui.core.corpus.metadata import read_metadata
from tui.core.corpus.passages import split_passages
from tui.core.corpus.select import Selection, is_article_name
from tui.core.models import Article, LoadWarning, Skipped


class CorpusError(Exception):
    """The corpus folder itself cannot be used (missing, not a folder, unreadable)."""


class LoadCancelled(Exception):
    """Loading was stopped through its cancel event."""


@dataclass(slots=True)
class Corpus:
    """The loaded articles of one folder, with what was skipped and why."""

    root: Path
    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[LoadWarning] = field(default_factory=list)

    def by_id(self, article_id: str) -> Article | None:
        """The article with ``article_id``, or ``None``."""
        for article in self.articles:
            if article.id == article_id:
                return article
        return None


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from bytes, with the encoding used and a warning if it was a guess."""

    text: str
    encoding: str
    warning: str | None = None


class NotText(ValueError):
    """The bytes are not a text document (the message says why)."""


def _looks_binary(data: bytes) -> bool:
    """True when ``data`` has NUL bytes or many control characters."""
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 32 and byte not in b"\t\n\r\f\v\x1b")
    return controls > max(8, len(sample) // 50)


def _utf16_without_bom(data: bytes) -> str | None:
    """The codec name when ``data`` looks like BOM-less UTF-16 (NULs on every other byte)."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def decode(data: bytes) -> Decoded:
    """Decode a file's bytes: UTF-8 (BOM or not), UTF-16 with a BOM, else cp1252/Latin-1.

    Raises :class:`NotText` for empty and binary data. Newlines are translated
    the universal way (``\\r\\n`` and ``\\r`` become ``\\n``).
    """
    if not data.strip():
        raise NotText("empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return Decoded(_newlines(data.decode("utf-16")), "utf-16")
        except UnicodeDecodeError as error:
            raise NotText("invalid UTF-16") from error
    codec = _utf16_without_bom(data)
    if codec is not None:
        try:
            return Decoded(_newlines(data.decode(codec)), codec)
        except UnicodeDecodeError:
            pass
    if _looks_binary(data):
        raise NotText("binary file")
    try:
        return Decoded(_newlines(data.decode("utf-8-sig")), "utf-8")
    except UnicodeDecodeError as error:
        where = f"byte {error.start}"
    text, encoding = _guess(data)
    warning = f"not valid UTF-8 ({where}); read as {encoding}"
    return Decoded(_newlines(text), encoding, warning)


CHAOS_MARGIN = 0.02
COHERENCE_MARGIN = 0.1
"""How much worse than charset-normalizer's best cp1252 may fit and still be chosen.

Measured on 300 BBC articles written as cp1252 (benchmarks/decode_bench.py): with no
margin 38 were named cp1250, cp852, cp775 or cp850 and read wrongly; Cyrillic, Greek
and Polish files leave cp1252 far behind, so the margin does not take them.
"""


def _guess(data: bytes) -> tuple[str, str]:
    """Text and encoding of bytes that are not UTF-8: charset-normalizer's guess, or cp1252.

    charset-normalizer weighs how each candidate encoding's characters fit a
    language (a Russian cp1251 article comes out in Cyrillic, not as
    ``Ïðåçèäåíò``). Its guess is taken when it found a language in the text;
    without one (a few words), or when cp1252 fits nearly as well or reads the
    bytes the same, cp1252 is used, and Latin-1, which decodes anything, when cp1252 cannot.
    """
    from charset_normalizer import from_bytes

    try:
        western: str | None = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    matches = from_bytes(data)
    best = matches.best()
    if best is not None and best.encoding not in ("utf_8", "ascii", "cp1252"):
        tied = any(  # cp1252 fits about as well: English text often scores a DOS page higher
            match.encoding == "cp1252"
            and match.chaos <= best.chaos + CHAOS_MARGIN
            and match.coherence >= best.coherence - COHERENCE_MARGIN
            for match in matches
        )
        guessed = str(best)
        if not tied and guessed != western and (best.coherence > 0 or western is None):
            return guessed, best.encoding.replace("_", "-")
    if western is not None:
        return western, "cp1252"
    return data.decode("latin-1"), "latin-1"


def _newlines(text: str) -> str:
    """Universal-newline translation of decoded text."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def article_id(relative: str) -> str:
    """The id of the article at ``relative`` path: the path without its suffix."""
    stem, _dot, _suffix = relative.rpartition(".")
    return stem or relative


def parse_article(text: str, relative: str, encoding: str = "utf-8") -> Article:
    """Build an :class:`Article` from decoded text found at ``relative`` path."""
    return parse_article_checked(text, relative, encoding)[0]


def parse_article_checked(
    text: str, relative: str, encoding: str = "utf-8"
) -> tuple[Article, list[str]]:
    """:func:`parse_article`, with what its metadata had wrong (an impossible date)."""
    meta = read_metadata(text)
    folder = relative.rpartition("/")[0]
    return Article(
        id=article_id(relative),
        path=relative,
        text=text,
        title=meta.title,
        date=meta.date,
        folder=folder,
        source=meta.source,
        author=meta.author,
        url=meta.url,
        dateline=meta.dateline,
        encoding=encoding,
        title_span=meta.title_span,
        body_start=meta.body_start,
        passages=([meta.title_span] if meta.title_span else [])
        + split_passages(text, meta.body_start),
    ), list(meta.warnings)


def find_files(root: Path, selection: Selection | None = None) -> Iterator[Path]:
    """Every article file below ``root`` in a stable order (hidden entries passed over).

    With a ``selection``, only the files it accepts (by their path relative to ``root``).
    """
    for folder, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(name for name in dirnames if not name.startswith("."))
        for name in sorted(filenames):
            if not is_article_name(name):
                continue
            path = Path(folder) / name
            if selection and not selection.accepts(_relative(path, root)):
                continue
            yield path


def _relative(path: Path, root: Path) -> str:
    """``path`` relative to ``root``, ``/``-separated, undecodable bytes made visible."""
    relative = path.relative_to(root).as_posix()
    return relative.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def read_article(path: Path, root: Path) -> Article | Skipped | tuple[Article, LoadWarning]:
    """Read one file: an article, an article with a warning, or the reason it was skipped."""
    relative = _relative(path, root)
    try:
        stat = path.stat()
        if not path.is_file():
            return Skipped(relative, "not a regular file")
        with path.open("rb") as handle:
            data = handle.read()
    except PermissionError:
        return Skipped(relative, "permission denied")
    except FileNotFoundError:
        return Skipped(relative, "broken link or vanished file")
    except OSError as error:
        return Skipped(relative, f"unreadable: {error.strerror or error}")
    try:
        decoded = decode(data)
    except NotText as error:
        return Skipped(relative, str(error))
    article, problems = parse_article_checked(decoded.text, relative, decoded.encoding)
    article.mtime = stat.st_mtime
    article.size = stat.st_size
    if decoded.warning:
        problems.insert(0, decoded.warning)
    if problems:
        return article, LoadWarning(relative, "; ".join(problems))
    return article


def iter_corpus(
    root: Path, cancel: threading.Event | None = None
) -> Iterator[Article | Skipped | LoadWarning]:
    """Yield each article, skipped file and warning of the folder ``root`` as it is read.

    Raises :class:`CorpusError` when ``root`` is not a readable folder and
    :class:`LoadCancelled` when ``cancel`` is set.
    """
    check_root(root)
    for path in find_files(root):
        if cancel is not None and cancel.is_set():
            raise LoadCancelled()
        result = read_article(path, root)
        if isinstance(result, tuple):
            yield result[0]
            yield result[1]
        else:
            yield result


def check_root(root: Path) -> None:
    """Raise :class:`CorpusError` with a clear message unless ``root`` is a readable folder."""
    if not root.exists():
        raise CorpusError(f"folder not found: {root}")
    if not root.is_dir():
        raise CorpusError(f"not a folder: {root}")
    if not os.access(root, os.R_OK | os.X_OK):
        raise CorpusError(f"folder not readable: {root}")


def load_corpus(
    root: Path | str,
    cancel: threading.Event | None = None,
    progress: Callable[[int], None] | None = None,
) -> Corpus:
    """Load every article below ``root``, sorted by date then title.

    ``progress`` is called with the number of files handled so far.
    """
    corpus = Corpus(Path(root))
    handled = 0
    for item in iter_corpus(corpus.root, cancel):
        if isinstance(item, Article):
            corpus.articles.append(item)
            handled += 1
        elif isinstance(item, Skipped):
            corpus.skipped.append(item)
            handled += 1
        else:
            corpus.warnings.append(item)
        if progress is not None:
            progress(handled)
    corpus.articles.sort(key=lambda article: article.sort_key)
    return corpus
