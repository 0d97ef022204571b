"""Huge, endless and device files are bounded; the CLI's output failures end in one line."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tui.core.corpus import load_corpus
from tui.core.regular import MB, NotRegular, TooLarge, read_bounded

TB = 1 << 40


def sparse(path: Path, size: int = TB) -> Path:
    with path.open("wb") as handle:
        handle.truncate(size)  # no block written
    return path


@pytest.fixture
def corpus(tmp_path: Path, corpus_dir: Path) -> Path:
    root = tmp_path / "corpus"
    shutil.copytree(corpus_dir, root)
    return root


def test_a_sparse_terabyte_article_is_skipped_with_its_reason(
    corpus: Path, corpus_dir: Path
) -> None:
    sparse(corpus / "huge.txt")
    (corpus / "zero.txt").symlink_to("/dev/zero")
    os.mkfifo(corpus / "fifo.txt")
    loaded = load_corpus(corpus)
    reasons = {skipped.path: skipped.reason for skipped in loaded.skipped}
    assert reasons["huge.txt"].startswith("larger than the 64 MB limit (1 TB)")
    assert "SEEDTUI_MAX_FILE_MB" in reasons["huge.txt"]
    assert reasons["zero.txt"] == "not a regular file (character device)"
    assert reasons["fifo.txt"] == "not a regular file (FIFO)"
    assert len(loaded.articles) == len(load_corpus(corpus_dir).articles)  # the rest loads


def test_the_article_limit_is_configurable(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (corpus / "two-mb.txt").write_bytes(b"Two megabytes\n\n" + b"word " * (2 * MB // 5))
    assert load_corpus(corpus).by_id("two-mb") is not None
    monkeypatch.setenv("SEEDTUI_MAX_FILE_MB", "1")
    loaded = load_corpus(corpus)
    assert loaded.by_id("two-mb") is None
    assert [s.reason.split(";")[0] for s in loaded.skipped] == [
        "larger than the 1 MB limit (2.0 MB)"
    ]
    monkeypatch.setenv("SEEDTUI_MAX_FILE_MB", "nonsense")  # falls back to the default
    assert load_corpus(corpus).by_id("two-mb") is not None


def test_bounded_read_refuses_devices_and_cuts_endless_pipes(tmp_path: Path) -> None:
    with pytest.raises(NotRegular):
        read_bounded("/dev/zero", MB)
    with pytest.raises(NotRegular):
        read_bounded(tmp_path, MB)
    with pytest.raises(TooLarge):
        read_bounded(sparse(tmp_path / "big"), MB)
    endless = subprocess.Popen(["yes"], stdout=subprocess.PIPE)
    try:
        assert endless.stdout is not None
        with pytest.raises(TooLarge, match="more than the 1 MB limit"):
            read_bounded(f"/dev/fd/{endless.stdout.fileno()}", MB, pipes=True)
    finally:
        endless.kill()
        endless.wait()
    (tmp_path / "small").write_bytes(b"abc")
    assert read_bounded(tmp_path / "small", 3) == b"abc"


def shell(command: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run ``command`` with ``$SEEDTUI`` standing for the CLI."""
    full = {**os.environ, "SEEDTUI": f"{sys.executable} -m tui", **env}
    return subprocess.run(
        ["sh", "-c", command], capture_output=True, text=True, timeout=120, env=full
    )


def one_line(stderr: str, expected: str) -> None:
    assert "Traceback" not in stderr and "Exception ignored" not in stderr, stderr
    assert stderr.splitlines() == [expected], stderr


def test_closed_stdout(corpus_dir: Path) -> None:
    result = shell(f"$SEEDTUI list --json --corpus {corpus_dir} >&-")
    one_line(result.stderr, "seedtui: standard output is closed; nothing written")
    assert result.returncode == 3


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
@pytest.mark.parametrize("command", ["list", "quotes", "search harbour"])
def test_full_disk(corpus_dir: Path, command: str) -> None:
    result = shell(f"$SEEDTUI {command} --json --corpus {corpus_dir} > /dev/full")
    one_line(result.stderr, "seedtui: cannot write the output: No space left on device")
    assert result.returncode == 3


def test_broken_pipe(corpus_dir: Path, tmp_path: Path) -> None:
    queries = tmp_path / "queries.txt"
    queries.write_text("harbour bridge\n" * 3000, "utf-8")
    command = f"$SEEDTUI search --json --queries {queries} --corpus {corpus_dir}"
    # sh reports the status of the last command of a pipe; ask for the first one's
    result = shell(f'({command}; echo "status $?" >&2) | head -c 100 > /dev/null')
    lines = result.stderr.splitlines()
    assert lines == ["seedtui: cannot write the output: broken pipe", "status 3"], result.stderr


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_a_non_utf8_output_keeps_the_json_exact(corpus_dir: Path, encoding: str) -> None:
    utf8 = shell(f"$SEEDTUI quotes --json --corpus {corpus_dir}")
    narrow = shell(
        f"$SEEDTUI quotes --json --corpus {corpus_dir}", PYTHONIOENCODING=encoding, LC_ALL="C"
    )
    assert narrow.returncode == 0 and narrow.stderr == ""
    assert narrow.stdout.isascii() or encoding != "ascii"
    rows = [json.loads(line) for line in narrow.stdout.splitlines()]
    assert rows == [json.loads(line) for line in utf8.stdout.splitlines()]
    assert any(not row["text"].isascii() for row in rows)  # the test means something
    table = shell(f"$SEEDTUI quotes --corpus {corpus_dir}", PYTHONIOENCODING=encoding)
    assert table.returncode == 0 and table.stderr == "" and "\\u201c" in table.stdout


def test_ctrl_c(corpus_dir: Path, tmp_path: Path) -> None:
    queries = tmp_path / "queries.txt"
    queries.write_text("harbour bridge council\n" * 200_000, "utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "tui", "search", "--queries", str(queries)]
        + ["--corpus", str(corpus_dir), "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()  # it is searching
    process.send_signal(signal.SIGINT)
    process.stdout.read()
    stderr = process.stderr.read()
    assert process.wait(timeout=60) == 130
    one_line(stderr, "seedtui: interrupted")


def test_huge_and_device_queries_files(corpus_dir: Path, tmp_path: Path) -> None:
    huge = sparse(tmp_path / "huge.txt")
    for path, why in (
        (huge, "larger than the 16 MB limit (1 TB)"),
        ("/dev/zero", "not a regular file (character device)"),
    ):
        result = shell(f"$SEEDTUI search --queries {path} --corpus {corpus_dir}")
        assert result.returncode == 2
        assert result.stderr.startswith(f"seedtui: cannot read {path}: {why}")
        assert len(result.stderr.splitlines()) == 1
    piped = shell(
        f"echo harbour | $SEEDTUI search --json --queries /dev/stdin --corpus {corpus_dir}"
    )
    assert piped.returncode == 0 and json.loads(piped.stdout)["query"] == "harbour"
    endless = shell(
        f"yes harbour | $SEEDTUI search --queries /dev/stdin --corpus {corpus_dir}",
        SEEDTUI_MAX_QUERIES_MB="1",
    )
    assert endless.returncode == 2 and "more than the 1 MB limit" in endless.stderr
