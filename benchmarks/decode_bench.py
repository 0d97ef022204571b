"""What decoding a file that is not UTF-8 costs now that charset-normalizer guesses.

    python benchmarks/decode_bench.py [--data ../shared/data/bbc] [--files 300]

Takes BBC articles, encodes each as cp1252 (the Western files the old decoder was
built for) and a Cyrillic text as cp1251, and times, in the same run:
the old rule (``bytes.decode("cp1252")``), :func:`tui.core.corpus.read.decode`,
and ``decode`` on the UTF-8 bytes (the common case, which never calls the guesser).
Prints milliseconds per file and the ratios. Skips when the data folder is missing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from tui.core.corpus.read import decode

CYRILLIC = (
    "Президент заявил журналистам, что переговоры о зерновом коридоре продолжатся на "
    "следующей неделе. Министр иностранных дел подтвердил, что делегации встретятся в "
    "Москве, и добавил, что главная трудность остаётся прежней: порядок досмотра судов.\n\n"
)


def _time(function: object, items: list[bytes], rounds: int = 3) -> float:
    """Median over ``rounds`` of the mean milliseconds per item."""
    call = function  # a callable taking bytes
    runs = []
    for _ in range(rounds):
        began = time.perf_counter()
        for data in items:
            call(data)  # type: ignore[operator]
        runs.append((time.perf_counter() - began) * 1000 / len(items))
    return statistics.median(runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared/data/bbc"
    )
    parser.add_argument("--files", type=int, default=300)
    args = parser.parse_args()
    if not args.data.is_dir():
        print(f"skipped: no data folder {args.data}")
        return 0
    texts = []
    for path in sorted(args.data.rglob("*.txt"))[: args.files]:
        text = path.read_text(encoding="utf-8", errors="replace")
        try:
            text.encode("cp1252")
        except UnicodeEncodeError:
            continue
        texts.append(text.replace("'", "\u2019") + " caf\u00e9 cr\u00e8me")  # some cp1252 bytes
    western = [text.encode("cp1252") for text in texts]
    utf8 = [text.encode("utf-8") for text in texts]
    russian = [(CYRILLIC * (1 + len(text) // len(CYRILLIC))).encode("cp1251") for text in texts]
    wrong = sum(decode(data).encoding != "cp1252" for data in western)
    right = sum(decode(data).encoding == "cp1251" for data in russian)
    old = _time(lambda data: data.decode("cp1252"), western)
    new = _time(decode, western)
    new_ru = _time(decode, russian)
    plain = _time(decode, utf8)
    print(f"{len(texts)} BBC articles, mean {statistics.mean(map(len, western)):,.0f} bytes")
    print(f"old rule, bytes.decode('cp1252'):  {old:8.3f} ms/file")
    ratio = new / old
    print(f"decode(), cp1252 bytes:            {new:8.3f} ms/file  ({ratio:,.0f}x the old rule)")
    print(f"decode(), cp1251 bytes:            {new_ru:8.3f} ms/file")
    print(f"decode(), UTF-8 bytes:             {plain:8.3f} ms/file  (no guess)")
    print(f"cp1252 files named otherwise: {wrong} of {len(western)}")
    print(f"cp1251 files read as cp1251:  {right} of {len(russian)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
