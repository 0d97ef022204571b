"""The command line as scripts meet it, in real subprocesses: paths, pipes, exits, encodings."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "fixtures" / "corpus"


def seedtui(
    *argv: str, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *argv],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env={**os.environ, **(env or {})},
        timeout=120,
    )


def rows(out: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.splitlines()]


def test_global_options_before_or_after_the_subcommand() -> None:
    before = seedtui("--no-cache", "--exclude", "markup*", "list", str(CORPUS), "--json")
    after = seedtui("list", str(CORPUS), "--json", "--no-cache", "--exclude", "markup*")
    assert before.returncode == after.returncode == 0, before.stderr + after.stderr
    assert before.stdout == after.stdout
    assert "science/markup-test" not in {r["id"] for r in rows(before.stdout)}
    assert len(rows(before.stdout)) == 3


def test_files_and_folders_mixed_each_with_its_own_root() -> None:
    result = seedtui(
        "list", str(CORPUS / "world/grain-talks.md"), str(CORPUS / "science"), "--json"
    )
    assert result.returncode == 0, result.stderr
    found = {(r["root"], r["id"]) for r in rows(result.stdout)}
    assert found == {
        (str(CORPUS / "world"), "grain-talks"),
        (str(CORPUS / "science"), "comet-survey"),
        (str(CORPUS / "science"), "markup-test"),
    }


def test_a_file_named_alone_is_read_whatever_its_suffix(tmp_path: Path) -> None:
    note = tmp_path / "note.text"
    note.write_text('A note\n\n"It works," Ada Quill said.\n', encoding="utf-8")
    (tmp_path / "other.txt").write_text("Not named\n\nLeft alone.\n", encoding="utf-8")
    result = seedtui("quotes", str(note), "--json")
    assert result.returncode == 0, result.stderr
    assert [(r["id"], r["speaker_name"]) for r in rows(result.stdout)] == [("note", "Ada Quill")]


@pytest.mark.parametrize("null", [False, True])
def test_paths_from_stdin(null: bool) -> None:
    names = [str(CORPUS / "world/harbour-bridge.txt"), str(CORPUS / "science/comet-survey.txt")]
    flags = ["-0"] if null else []
    joined = "\0".join(names) + "\0" if null else "\n".join(names) + "\n"
    result = seedtui("search", "comets", "-", *flags, "--json", stdin=joined)
    assert result.returncode == 0, result.stderr
    hits = rows(result.stdout)
    assert hits[0]["id"] == "comet-survey"
    assert {h["id"] for h in hits} <= {"comet-survey", "harbour-bridge"}
    assert hits[0]["title"] == "Telescope survey finds hundreds of faint comets"


def test_glob_narrows_and_the_cache_serves_the_folder(tmp_path: Path) -> None:
    env = {"SEEDTUI_CACHE_DIR": str(tmp_path / "cache")}
    whole = seedtui("list", str(CORPUS), "--json", env=env)
    narrowed = seedtui("list", str(CORPUS), "--glob", "world/*", "--json", env=env)
    assert whole.returncode == narrowed.returncode == 0
    assert [r["id"] for r in rows(narrowed.stdout)] == ["world/grain-talks", "world/harbour-bridge"]
    by_name = seedtui("search", "grain", str(CORPUS), "--glob", "*.md", "--json", env=env)
    assert by_name.returncode == 0, by_name.stderr
    assert {h["id"] for h in rows(by_name.stdout)} == {"world/grain-talks"}


def test_exit_status_one_when_nothing_matches() -> None:
    search = seedtui("search", "'zzqxv", str(CORPUS), "--json")
    assert (search.returncode, search.stdout) == (1, "")
    quotes = seedtui("quotes", str(CORPUS), "--speaker", "nobody at all")
    assert quotes.returncode == 1 and "no quotations" in quotes.stderr
    batch = seedtui("search", "--queries", "-", str(CORPUS), stdin="'zzqxv\n'qqxvz\n")
    assert batch.returncode == 1
    some = seedtui("search", "--queries", "-", str(CORPUS), stdin="'zzqxv\ncomets\n")
    assert some.returncode == 0


def test_errors_exit_two_on_one_line() -> None:
    for argv in (["list", "/no/such/place"], ["--glob"], ["list", "--limit", "3"]):
        result = seedtui(*argv)
        assert result.returncode == 2, argv
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_output_survives_any_encoding(encoding: str) -> None:
    env = {"PYTHONIOENCODING": encoding}
    seeds = Path(__file__).resolve().parent.parent / "seeds"
    table = seedtui("quotes", str(seeds), env=env)
    assert table.returncode == 0 and "Traceback" not in table.stderr
    assert "Mohsen Rezaei" in table.stdout
    as_json = seedtui("quotes", str(seeds), "--json", env=env)
    assert as_json.returncode == 0 and as_json.stdout.isascii()
    assert rows(as_json.stdout)[0]["text"].startswith("\u201cThe occupation")


def test_nothing_is_cut_into_a_pipe() -> None:
    result = seedtui("quotes", str(CORPUS), "--speaker", "brandauer")
    assert result.returncode == 0
    assert "we owe it a proper rest,\u201d" in result.stdout  # the whole quotation, no ellipsis
    search = seedtui("search", "bridge repairs", str(CORPUS))
    assert search.stdout.splitlines()[0].split() == ["SCORE", "ID", "TITLE", "OFFSETS", "PASSAGE"]


def test_search_help_has_the_syntax() -> None:
    result = seedtui("search", "--help")
    assert result.returncode == 0
    assert "speaker:name" in result.stdout and "date:2024-12..2025-01" in result.stdout


def _wait_until_reading_stdin(pid: int, patience: float = 120.0) -> None:
    """Return once ``pid`` blocks reading a pipe, i.e. Python and seedtui are running.

    A SIGINT that arrives while the interpreter is still starting kills it before any
    handler exists, which says nothing about seedtui; so wait for the read (Linux
    ``/proc``), and fall back to a pause where ``/proc`` does not tell.
    """
    wchan = Path(f"/proc/{pid}/wchan")
    deadline = time.monotonic() + patience
    while time.monotonic() < deadline:
        try:
            if "pipe_read" in wchan.read_text():
                time.sleep(0.1)
                return
        except OSError:
            break
        time.sleep(0.05)
    time.sleep(1.5)


def test_interrupt_exits_130() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "tui", "search", "--queries", "-", str(CORPUS)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    _wait_until_reading_stdin(process.pid)
    process.send_signal(signal.SIGINT)
    _out, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert b"Traceback" not in err


def test_print_config_and_the_default_corpus_from_it(tmp_path: Path) -> None:
    config = tmp_path / "seedtui.toml"
    config.write_text(f'corpus = "{CORPUS / "science"}"\nbogus = 1\n', encoding="utf-8")
    env = {"SEEDTUI_CONFIG": str(config)}
    shown = seedtui("--print-config", env=env)
    assert shown.returncode == 0
    assert f'corpus = "{CORPUS / "science"}"' in shown.stdout
    assert shown.stderr.count("line 2: unknown setting 'bogus'") == 1
    listed = seedtui("list", "--json", env=env)
    assert {r["id"] for r in rows(listed.stdout)} == {"comet-survey", "markup-test"}
    missing = seedtui("list", "--json", "--config", str(tmp_path / "none.toml"), str(CORPUS))
    assert missing.returncode == 0 and "config file not found" in missing.stderr


def test_tables_fit_a_terminal_and_give_the_quotation_the_rest() -> None:
    import io

    from tui.command.output import table

    out = io.StringIO()
    quote = "\u201c" + "word " * 40 + "\u201d"
    rows = [("world/a-very-long-article-identifier-here", "Ilse Brandauer-Schmidt", "said", quote)]
    table(("ID", "SPEAKER", "CUE", "QUOTE"), rows, caps=(24, 22, 10), width=80, stream=out)
    lines = out.getvalue().splitlines()
    assert all(len(line) <= 80 for line in lines)
    assert lines[1].startswith("world/a-very-long-artic\u2026  Ilse Brandauer-Schmidt  said")
    assert len(lines[1].split("said  ")[1]) == 80 - 24 - 22 - 4 - 6  # the rest of the line
    out = io.StringIO()
    table(("ID", "SPEAKER", "CUE", "QUOTE"), rows, caps=(24, 22, 10), width=None, stream=out)
    assert quote.strip() in out.getvalue() and "\u2026" not in out.getvalue()  # into a pipe
