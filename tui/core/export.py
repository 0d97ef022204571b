"""Rows (search results, quotations, bookmarks) -> JSON Lines, CSV or a Markdown table.

The rows are plain dictionaries with the field names of the command line's JSON
(``id``, ``start``, ``end``, ``text``, …). JSON Lines keeps every value as is; CSV
and Markdown put text on one line, and Markdown escapes ``|`` and passes text
through :func:`tui.core.safety.visible`, so a document cannot break the table or
reach a terminal that shows the file. Standard library only.
"""

from __future__ import annotations

import io
import json
from collections.abc import Mapping, Sequence
from typing import Any

from tui.core.safety import visible

FORMATS = {"jsonl": "JSON Lines", "csv": "CSV", "md": "Markdown"}
"""File suffix -> name of each export format."""


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4g}"
    return " ".join(str(value).split())


def export_text(rows: Sequence[Mapping[str, Any]], columns: Sequence[str], fmt: str) -> str:
    """``rows`` in format ``fmt`` (a key of :data:`FORMATS`), ``columns`` in this order."""
    if fmt == "jsonl":
        return "".join(
            json.dumps({name: row.get(name) for name in columns}, ensure_ascii=False) + "\n"
            for row in rows
        )
    if fmt == "csv":
        import csv  # loaded on the first export: not on the way to the first frame

        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row.get(name)) for name in columns])
        return out.getvalue()
    if fmt == "md":
        lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
        for row in rows:
            cells = [visible(_cell(row.get(name))).replace("|", "\\|") for name in columns]
            lines.append("| " + " | ".join(cells) + " |")
        return "\n".join(lines) + "\n"
    raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")


def markdown_citation(
    text: str,
    title: str,
    date: str | None,
    article_id: str,
    speaker: str | None = None,
    url: str | None = None,
) -> str:
    """``text`` as a Markdown block quote, then its source: ``— Speaker, [Title](url)``."""
    body = " ".join(text.split())
    link = url.replace("(", "%28").replace(")", "%29") if url else None
    source = f"[{_md_escape(title)}]({link})" if link else f"*{_md_escape(title)}*"
    parts = [f"— {_md_escape(speaker)}" if speaker else "—", source]
    tail = f"{parts[0]}, {parts[1]}" if speaker else f"{parts[0]} {parts[1]}"
    when = f", {date}" if date else ""
    return f"> {_md_escape(body)}\n>\n> {tail}{when} ({_md_escape(article_id)})\n"


def _md_escape(text: str) -> str:
    """``text`` with the characters that would start Markdown markup escaped."""
    out = []
    for char in text:
        out.append("\\" + char if char in "\\`*_[]<>#|" else char)
    return "".join(out)
