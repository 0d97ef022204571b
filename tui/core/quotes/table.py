"""The quotations of a whole corpus in columns, one article's :class:`Quote` list on demand.

100,000 news articles hold about 480,000 quotation pieces. As ``Quote`` objects
(with their spans, offsets and strings) they took about 530 MB; here they are
eight integer arrays, one byte each for ``guessed`` and the string columns as
numbers into one table of distinct strings (speakers and cues repeat): about
40 MB. The browser needs the objects of the one article it shows.
"""

from __future__ import annotations

import threading
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence

from tui.core.quotes.find import Quote
from tui.core.quotes.policy import corpus_quotes

INTS = ("start", "end", "group", "speaker_start", "speaker_end", "cue_start", "cue_end")
"""The integer columns (a missing span is ``-1, -1``)."""
STRS = ("speaker", "speaker_name", "cue")
"""The string columns (``-1`` for ``None``)."""


class QuoteTable(Mapping[int, list[Quote]]):
    """``table[n]`` is the list of quotations of article ``n`` (a new list each time)."""

    def __init__(self) -> None:
        """An empty table; :meth:`append` adds the quotations of the next article."""
        self.rows = array("q", [0])
        """Where each article's quotations start (one more entry than articles)."""
        self.ints: dict[str, array[int]] = {name: array("q") for name in INTS}
        self.strs: dict[str, array[int]] = {name: array("i") for name in STRS}
        self.strings: list[str] = []
        """Every distinct string of the string columns, numbered in order of appearance."""
        self.guessed = bytearray()
        self._numbers: dict[str, int] = {}

    @classmethod
    def of(cls, quotes: Iterable[list[Quote]]) -> QuoteTable:
        """A table of the quotations of each article in turn."""
        table = cls()
        for found in quotes:
            table.append(found)
        return table

    @classmethod
    def find_all(
        cls, texts: Sequence[str], cancel: threading.Event | None = None
    ) -> QuoteTable | None:
        """The quotations of every text under the corpus-wide size policy; ``None`` if cancelled."""
        table = cls()
        for number, text in enumerate(texts):
            if number % 256 == 0 and cancel is not None and cancel.is_set():
                return None
            table.append(corpus_quotes(text))
        return table

    def append(self, quotes: list[Quote]) -> None:
        """Add the quotations of the next article."""
        ints, strs = self.ints, self.strs
        for q in quotes:
            ints["start"].append(q.start)
            ints["end"].append(q.end)
            ints["group"].append(q.group)
            speaker = q.speaker_span or (-1, -1)
            ints["speaker_start"].append(speaker[0])
            ints["speaker_end"].append(speaker[1])
            cue = q.cue_span or (-1, -1)
            ints["cue_start"].append(cue[0])
            ints["cue_end"].append(cue[1])
            strs["speaker"].append(self._number(q.speaker))
            strs["speaker_name"].append(self._number(q.speaker_name))
            strs["cue"].append(self._number(q.cue))
            self.guessed.append(q.guessed)
        self.rows.append(len(self.guessed))

    @classmethod
    def sharing(cls, base: QuoteTable) -> QuoteTable:
        """An empty table numbering strings as ``base`` does, for :meth:`append_from` it."""
        table = cls()
        table.strings = list(base.strings)
        table._numbers = dict(base._numbers)
        return table

    def append_from(self, base: QuoteTable, number: int) -> None:
        """Add the quotations of ``base``'s article ``number`` (a table made by :meth:`sharing`).

        Copies column slices: no :class:`Quote` is made.
        """
        low, high = base.rows[number], base.rows[number + 1]
        for name in INTS:
            self.ints[name].extend(base.ints[name][low:high])
        for name in STRS:
            self.strs[name].extend(base.strs[name][low:high])
        self.guessed.extend(base.guessed[low:high])
        self.rows.append(len(self.guessed))

    def _number(self, value: str | None) -> int:
        if value is None:
            return -1
        number = self._numbers.get(value)
        if number is None:
            number = self._numbers[value] = len(self.strings)
            self.strings.append(value)
        return number

    def __getitem__(self, number: int) -> list[Quote]:
        """The quotations of article ``number``; ``KeyError`` outside the table."""
        if not 0 <= number < len(self.rows) - 1:
            raise KeyError(number)
        return [self._quote(row) for row in range(self.rows[number], self.rows[number + 1])]

    def _quote(self, row: int) -> Quote:
        ints, strs, strings = self.ints, self.strs, self.strings
        speaker_start, cue_start = ints["speaker_start"][row], ints["cue_start"][row]
        names = [strs[name][row] for name in STRS]
        speaker, speaker_name, cue = (strings[n] if n >= 0 else None for n in names)
        return Quote(
            ints["start"][row],
            ints["end"][row],
            speaker,
            None if speaker_start < 0 else (speaker_start, ints["speaker_end"][row]),
            speaker_name,
            cue,
            None if cue_start < 0 else (cue_start, ints["cue_end"][row]),
            bool(self.guessed[row]),
            ints["group"][row],
        )

    def count(self, number: int) -> int:
        """How many quotations article ``number`` has."""
        return self.rows[number + 1] - self.rows[number]

    def speakers(self, number: int) -> list[tuple[int, int, str]]:
        """``(start, end, name)`` of each attributed quotation of article ``number``.

        The name is ``speaker_name``, else ``speaker``: what ``speaker:`` searches.
        """
        ints, strs, strings = self.ints, self.strs, self.strings
        found = []
        for row in range(self.rows[number], self.rows[number + 1]):
            name = strs["speaker_name"][row]
            speaker = strs["speaker"][row]
            text = strings[name] if name >= 0 else ""
            if not text and speaker >= 0:
                text = strings[speaker]
            if text:
                found.append((ints["start"][row], ints["end"][row], text))
        return found

    def __len__(self) -> int:
        """Number of articles."""
        return len(self.rows) - 1

    def __iter__(self) -> Iterator[int]:
        """The article numbers."""
        return iter(range(len(self.rows) - 1))

    def __contains__(self, number: object) -> bool:
        """Whether ``number`` is an article number of the table."""
        return isinstance(number, int) and 0 <= number < len(self.rows) - 1

    def total(self) -> int:
        """Number of quotations in all."""
        return len(self.guessed)

    # -- compact form, for the cache -------------------------------------------------

    def state(self) -> dict[str, object]:
        """The columns, as plain arrays, strings and bytes (see :meth:`from_state`)."""
        return {
            "rows": self.rows,
            "ints": self.ints,
            "strs": self.strs,
            "strings": self.strings,
            "guessed": bytes(self.guessed),
        }

    @classmethod
    def from_state(cls, state: dict[str, object]) -> QuoteTable:
        """The table saved by :meth:`state`; ``ValueError`` when the shapes do not fit."""
        table = cls()
        rows, ints, strs = state["rows"], state["ints"], state["strs"]
        strings, guessed = state["strings"], state["guessed"]
        if not (
            isinstance(rows, array)
            and isinstance(ints, dict)
            and isinstance(strs, dict)
            and isinstance(strings, list)
            and isinstance(guessed, bytes)
        ):
            raise ValueError("quote table types")
        if sorted(ints) != sorted(INTS) or sorted(strs) != sorted(STRS):
            raise ValueError("quote table columns")
        total = len(guessed)
        columns = [*ints.values(), *strs.values()]
        if (
            not rows
            or rows[0] != 0
            or rows[-1] != total
            or any(not isinstance(column, array) or len(column) != total for column in columns)
        ):
            raise ValueError("quote table shape")
        if any(b < a for a, b in zip(rows, rows[1:])):
            raise ValueError("quote table rows")
        if any(max(strs[name], default=-1) >= len(strings) for name in STRS):
            raise ValueError("quote table strings")
        if not all(isinstance(item, str) for item in strings):
            raise ValueError("quote table strings")
        table.rows, table.ints, table.strs = rows, ints, strs
        table.strings, table.guessed = strings, bytearray(guessed)
        table._numbers = {value: n for n, value in enumerate(strings)}
        return table
