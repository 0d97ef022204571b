"""Finding, reading and decoding the articles of a folder.

Every ``*.txt`` and ``*.md`` file below the folder is an article (hidden files and
folders are passed over, folder links are not followed so a loop cannot trap us).
A file that cannot be read as text is reported as :class:`Skipped` with its
reason; the rest of the corpus loads. Nothing here ever writes to the folder.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tui.core.corpus.ids import assign_ids, relative_name, stem_id
from tui.core.corpus.metadata import read_metadata
from tui.core.corpus.passages import split_passages
from tui.core.corpus.select import Selection
from tui.core.corpus.walk import (
    CorpusError,
    FileKey,
    LoadCancelled,
    check_root,
    file_key,
    scan_files,
)
from tui.core.models import Article, LoadWarning, Skipped
from tui.core.regular import NotRegular, TooLarge, limit_from_env, read_bounded

UNLISTED_FOLDER = "folder not readable: its files are not listed"
"""The reason given for a subfolder that could not be listed."""

LIMIT_VARIABLE = "SEEDTUI_MAX_FILE_MB"
"""The environment variable that sets the largest article file read, in MB."""
DEFAULT_LIMIT_MB = 64
"""Files larger than this (MB) are skipped with their reason, unless the variable says more."""


def file_limit() -> int:
    """The largest article file read, in bytes (``$SEEDTUI_MAX_FILE_MB``, default 64 MB)."""
    return limit_from_env(LIMIT_VARIABLE, DEFAULT_LIMIT_MB)


__all__ = [
    "Corpus",
    "CorpusError",
    "LoadCancelled",
    "load_corpus",
    "read_article",
    "read_progressively",
    "relative_path",
]

BATCH_SECONDS = 0.1
"""How often :func:`read_progressively` hands the articles read so far on."""


@dataclass(slots=True)
class Corpus:
    """The loaded articles of one folder, with what was skipped and why."""

    root: Path
    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[LoadWarning] = field(default_factory=list)

    def add(self, result: Article | Skipped | tuple[Article, LoadWarning]) -> Article | None:
        """File what :func:`read_article` returned: the article (unsorted) or ``None``."""
        if isinstance(result, tuple):
            result, warning = result
            self.warnings.append(warning)
        if isinstance(result, Skipped):
            self.skipped.append(result)
            return None
        self.articles.append(result)
        return result

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


_CONTROLS = bytes(byte for byte in range(32) if byte not in b"\t\n\r\f\v\x1b")
"""The control bytes a text file has few of (tab, newlines, form feed and escape aside)."""


def _looks_binary(data: bytes) -> bool:
    """True when ``data`` has NUL bytes or many control characters."""
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROLS))  # counted in C
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
    """The id of the article at ``relative`` path alone (:func:`assign_ids` makes ids unique)."""
    return stem_id(relative)


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


def relative_path(path: Path, root: Path) -> str:
    """``path`` relative to ``root``, ``/``-separated, undecodable bytes written ``\\xNN``."""
    return relative_name(path.relative_to(root).as_posix())


def read_article(
    path: Path, root: Path, relative: str | None = None
) -> Article | Skipped | tuple[Article, LoadWarning]:
    """Read one file: an article, an article with a warning, or the reason it was skipped.

    ``relative`` is the path the walker gave it (:func:`~tui.core.corpus.walk.scan_files`);
    without it, it is worked out from ``root``.
    """
    if relative is None:
        relative = relative_path(path, root)
    try:
        stat = path.stat()
        data = read_bounded(path, file_limit())
    except TooLarge as error:
        return Skipped(relative, f"{error}; see {LIMIT_VARIABLE}")
    except (NotRegular, PermissionError) as error:
        if path.is_dir():  # listed only when it could not be listed itself (scan_files)
            return Skipped(relative, UNLISTED_FOLDER)
        if isinstance(error, NotRegular):
            return Skipped(relative, str(error))
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


def read_progressively(
    root: Path,
    cancel: threading.Event | None = None,
    on_batch: Callable[[list[Article], int, int], object] | None = None,
    keys: list[tuple[str, FileKey | None]] | None = None,
    batch_seconds: float = BATCH_SECONDS,
    *,
    selection: Selection | None = None,
    files: Sequence[Path] | None = None,
) -> Corpus:
    """Read every article below ``root``: the one loop over a folder's files.

    ``on_batch(articles, done, total)`` is handed the articles read so far in batches,
    at most every ``batch_seconds`` and once at the end, so that a list can fill as the
    folder is read. With ``keys``, each file's relative path and cache key
    (:func:`~tui.core.corpus.walk.file_key`, taken before it is read) are appended.
    The files are the walk's (narrowed by ``selection``), or exactly ``files`` (paths
    below ``root``, named one by one: read whatever their suffix).
    The corpus comes back sorted by date then title. Raises :class:`CorpusError` when
    ``root`` is not a readable folder and :class:`LoadCancelled` when ``cancel`` is set.
    """
    check_root(root)
    if files is None:
        listed = scan_files(root, cancel, stat=False, selection=selection)
    else:
        listed = [(str(path), relative_path(path, root), None) for path in files]
    corpus = Corpus(root)
    batch: list[Article] = []
    last = time.perf_counter()
    for done, (full, relative, _key) in enumerate(listed, 1):
        if cancel is not None and cancel.is_set():
            raise LoadCancelled()
        if keys is not None:
            keys.append((relative, file_key(full)))
        article = corpus.add(read_article(Path(full), root, relative))
        if article is not None:
            batch.append(article)
        now = time.perf_counter()
        if on_batch is not None and (now - last >= batch_seconds or done == len(listed)):
            on_batch(batch, done, len(listed))
            batch, last = [], now
    assign_ids(corpus.articles)  # unique ids: two files never share one
    corpus.articles.sort(key=lambda article: article.sort_key)
    return corpus


def load_corpus(root: Path | str, cancel: threading.Event | None = None) -> Corpus:
    """Load every article below ``root``, sorted by date then title (no batches)."""
    return read_progressively(Path(root), cancel)
