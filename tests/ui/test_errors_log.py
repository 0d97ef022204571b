"""errors.log goes through logging and is rotated, so it never grows without bound."""

from __future__ import annotations

from pathlib import Path

from tui.ui.errors import log_error


def _error(number: int) -> BaseException:
    try:
        raise RuntimeError(f"failure number {number}")
    except RuntimeError as error:
        return error


def test_the_log_is_rotated_and_keeps_a_few_backups(tmp_path: Path) -> None:
    for number in range(60):
        assert log_error(tmp_path, _error(number), max_bytes=2_000, backups=2) == (
            tmp_path / "errors.log"
        )
    names = sorted(path.name for path in tmp_path.iterdir())
    assert names == ["errors.log", "errors.log.1", "errors.log.2"]
    assert all(path.stat().st_size < 4_000 for path in tmp_path.iterdir())
    newest = (tmp_path / "errors.log").read_text(encoding="utf-8")
    assert "RuntimeError: failure number 59" in newest and "Traceback" in newest
    assert "failure number 0\n" not in "".join(p.read_text() for p in tmp_path.iterdir())


def test_an_unwritable_place_gives_none(tmp_path: Path) -> None:
    blocker = tmp_path / "state"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    assert log_error(blocker, _error(1)) is None
