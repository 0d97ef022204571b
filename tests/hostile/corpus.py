"""Builds the hostile corpus in a temporary folder (names and bytes git cannot carry)."""

from __future__ import annotations

import os
from pathlib import Path

ESCAPES = (
    "Terminal tricks\n\n"
    "Colour \x1b[31mred\x1b[0m, a title change \x1b]0;pwned\x07, a clipboard write "
    "\x1b]52;c;cHduZWQ=\x07, a bell \x07 and a CSI clear \x1b[2J.\n\n"
    "Markup [b]bold[/b], [@click=app.quit]click[/], [link=https://example.com]link[/link].\n\n"
    "Bidi \u202eevil\u202c, zero\u200bwidth, combining e\u0301\u0301\u0301, "
    "CJK 漢字かな 한국어, emoji 👩‍👩‍👧 🏳️‍🌈.\n"
)


def build(root: Path, *, big_mb: int = 50, empty_files: int = 10_000) -> dict[str, str]:
    """Write the hostile corpus under ``root``; returns {relative path: what it tests}."""
    made: dict[str, str] = {}

    def write(relative: str, data: bytes, why: str) -> None:
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        made[relative] = why

    root.mkdir(parents=True, exist_ok=True)
    write(
        "good.txt",
        b'A good article\n\nIt loads among the hostile ones. Quote: "fine".\n',
        "control: loads",
    )
    write("escapes.txt", ESCAPES.encode("utf-8"), "escapes and markup stay inert")
    write("random.txt", os.urandom(4096), "random bytes: skipped as binary")
    write(
        "invalid-utf8.txt",
        b"Caf\xe9 \xff\xfe broken \x80 bytes\n\nMore text.\n",
        "invalid UTF-8: read as cp1252 with a warning",
    )
    write("utf16-bom.txt", "UTF-16 with BOM\n\nText é.\n".encode("utf-16"), "UTF-16 BOM")
    write("utf16-nobom.txt", "UTF-16 no BOM\n\nText é.\n".encode("utf-16-le"), "UTF-16 without BOM")
    write("nul-bytes.txt", b"Some text\x00with NUL\x00bytes\n", "NUL bytes: skipped as binary")
    line = ("word " * 200_000).encode()  # a single 1 MB line
    write("one-line.txt", line, "a single 1 MB line")
    paragraph = (
        "The committee met again on the budget and the harbour plan. " * 16
        + '"It will work," the chair said.\n\n'
    ).encode()
    write("big.txt", paragraph * (big_mb * 1024 * 1024 // len(paragraph)), f"{big_mb} MB article")
    deep = "/".join(f"d{i}" for i in range(40))
    write(f"{deep}/deep.txt", b"Deep article\n\nFar below.\n", "40 folders deep")
    for i in range(empty_files):
        write(f"empty/{i:05d}.txt", b"", "empty")
    (root / "link-broken.txt").symlink_to(root / "nowhere.txt")
    made["link-broken.txt"] = "broken link: skipped"
    (root / "loop").mkdir()
    (root / "loop" / "again").symlink_to(root / "loop", target_is_directory=True)
    made["loop/again"] = "looping folder link: not followed"
    (root / "self.txt").symlink_to(root / "self.txt")
    made["self.txt"] = "a link to itself: skipped"
    locked = root / "locked.txt"
    locked.write_bytes(b"Locked\n\nSecret.\n")
    locked.chmod(0)
    made["locked.txt"] = "unreadable (when not root)"
    weird = os.fsencode(root) + b"/name with\nnewline and \xff byte.txt"
    with open(weird, "wb") as stream:
        stream.write(b"Odd name\n\nThe name has a newline and a non-UTF-8 byte.\n")
    made["name with\nnewline and \udcff byte.txt"] = "odd file name"
    return made
