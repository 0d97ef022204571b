"""The command-line contract: ``list``, ``search`` and ``quotes`` with and without ``--json``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli import main

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def json_lines(out: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.splitlines()]


def test_list_json(capsys: pytest.CaptureFixture[str], corpus_dir: Path) -> None:
    code, out, err = run(capsys, "list", "--corpus", str(corpus_dir), "--json")
    assert code == 0 and err == ""
    rows = json_lines(out)
    assert [r["id"] for r in rows][:2] == ["world/grain-talks", "world/harbour-bridge"]
    bridge = rows[1]
    # 0.x fields, then the fields added since (CHANGELOG.md)
    assert set(bridge) == {"id", "path", "title", "date", "words", "quotes"} | {
        "author",
        "source",
        "url",
        "root",
    }
    assert bridge["root"] == str(corpus_dir)
    assert bridge["path"] == "world/harbour-bridge.txt"
    assert bridge["date"] == "2025-03-14"
    assert bridge["quotes"] == 5
    assert isinstance(bridge["words"], int) and bridge["words"] > 100
    assert rows[-1]["date"] is None


def test_list_table(capsys: pytest.CaptureFixture[str], corpus_dir: Path) -> None:
    code, out, _ = run(capsys, "list", "--corpus", str(corpus_dir))
    assert code == 0
    assert out.splitlines()[0].split() == ["DATE", "WORDS", "QUOTES", "ID", "TITLE"]
    assert "Grain talks resume in Osterby" in out


def test_search_json_offsets_point_into_the_article(
    capsys: pytest.CaptureFixture[str], corpus_dir: Path
) -> None:
    code, out, _ = run(capsys, "search", "brige repairs", "--corpus", str(corpus_dir), "--json")
    assert code == 0
    hits = json_lines(out)
    assert hits and set(hits[0]) == {"id", "start", "end", "score", "text", "matches"} | {
        "title",
        "path",
        "date",
        "root",
    }
    assert hits[0]["path"] == "world/harbour-bridge.txt"
    assert hits[0]["id"] == "world/harbour-bridge"
    text = (corpus_dir / "world/harbour-bridge.txt").read_text(encoding="utf-8")
    for hit in hits:
        if hit["id"] != "world/harbour-bridge":
            continue
        assert text[hit["start"] : hit["end"]] == hit["text"]
        for s, e in hit["matches"]:
            assert hit["start"] <= s < e <= hit["end"]
    words = {text[s:e].lower() for s, e in hits[0]["matches"]}
    assert {"bridge", "repairs"} <= words


def test_search_limit_and_batch(
    capsys: pytest.CaptureFixture[str], corpus_dir: Path, tmp_path: Path
) -> None:
    code, out, _ = run(
        capsys, "search", "the", "--corpus", str(corpus_dir), "--limit", "2", "--json"
    )
    assert code == 0 and len(json_lines(out)) == 2
    queries = tmp_path / "queries.txt"
    queries.write_text("comet survey\n\nnegotiatrs grain\n", encoding="utf-8")
    code, out, _ = run(
        capsys, "search", "--queries", str(queries), "--corpus", str(corpus_dir), "--json"
    )
    rows = json_lines(out)
    assert code == 0 and [r["query"] for r in rows] == ["comet survey", "negotiatrs grain"]
    assert all(isinstance(r["ms"], float) and r["ms"] >= 0 for r in rows)
    assert rows[0]["hits"][0]["id"] == "science/comet-survey"
    assert rows[1]["hits"][0]["id"] == "world/grain-talks"
    assert [r["unmatched"] for r in rows] == [[], []]


def test_search_names_the_words_no_passage_has(
    capsys: pytest.CaptureFixture[str], corpus_dir: Path, tmp_path: Path
) -> None:
    code, out, err = run(capsys, "search", "comet zzqxv survey", "--corpus", str(corpus_dir))
    assert code == 0 and "science/comet-survey" in out
    assert err.strip() == "no passage has 'zzqxv' in any form"
    pasted = "q" * 5000  # a word pasted whole is named by its start, on a short line
    code, out, err = run(capsys, "search", f"comet {pasted}", "--corpus", str(corpus_dir))
    assert code == 0 and err.strip() == f"no passage has '{'q' * 40}…' in any form"
    queries = tmp_path / "queries.txt"
    queries.write_text("comet zzqxv survey\n", encoding="utf-8")
    code, out, _ = run(
        capsys, "search", "--queries", str(queries), "--corpus", str(corpus_dir), "--json"
    )
    (row,) = json_lines(out)
    assert row["unmatched"] == ["zzqxv"] and row["hits"]


def test_quotes_json(capsys: pytest.CaptureFixture[str], corpus_dir: Path) -> None:
    code, out, _ = run(capsys, "quotes", "--corpus", str(corpus_dir), "--json")
    rows = json_lines(out)
    assert code == 0
    assert set(rows[0]) == {"id", "start", "end", "text", "speaker", "speaker_name", "cue"} | {
        "root"
    }
    keita = rows[0]
    assert keita["id"] == "world/grain-talks"
    assert keita["speaker_name"] == "Amadou Keita" and keita["cue"] == "said"
    text = (corpus_dir / "world/grain-talks.md").read_text(encoding="utf-8")
    assert text[keita["start"] : keita["end"]] == keita["text"]
    assert keita["text"].startswith('"We are closer') and keita["text"].endswith('"')


def test_quotes_speaker_filter(capsys: pytest.CaptureFixture[str], corpus_dir: Path) -> None:
    code, out, _ = run(
        capsys, "quotes", "--corpus", str(corpus_dir), "--speaker", "brandauer", "--json"
    )
    rows = json_lines(out)
    assert code == 0 and len(rows) == 2
    assert {r["speaker_name"] for r in rows} == {"Ilse Brandauer"}


def test_seed_acceptance(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "ceasfire agreemnt", "--corpus", str(SEEDS), "--json")
    assert code == 0 and "2020 ceasefire agreement" in json_lines(out)[0]["text"]
    code, out, _ = run(capsys, "quotes", "--corpus", str(SEEDS), "--json")
    quotes = json_lines(out)
    assert [q["text"][:16] for q in quotes] == [
        "“The occupation ",
        "“Palestine, Leba",
        "“Today, Israel h",
    ]
    assert all(q["speaker_name"] == "Mohsen Rezaei" for q in quotes)


@pytest.mark.parametrize("cache", [[], ["--no-cache"]])
def test_search_speaker_scope_as_in_the_browser(
    capsys: pytest.CaptureFixture[str], cache: list[str]
) -> None:
    for _ in range(2):  # the second time from the cache's quotations, when it is used
        code, out, _ = run(
            capsys, "search", "speaker:rezaei", "--corpus", str(SEEDS), "--json", *cache
        )
        hits = json_lines(out)
        assert code == 0 and hits
        assert any("occupation of Aleppo" in str(hit["text"]) for hit in hits)
    code, out, err = run(capsys, "search", "speaker:nobody", "--corpus", str(SEEDS), *cache)
    assert code == 1 and "no match" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["list", "--corpus", "/no/such/folder"], "not found"),
        (["search", "", "--corpus", "SEEDS"], "empty query"),
        (["search", "x", "--limit", "0", "--corpus", "SEEDS"], "--limit"),
        (["search", "--corpus", "SEEDS"], "QUERY or --queries"),
        (["search", "--queries", "/no/file", "--corpus", "SEEDS"], "cannot read"),
        (["list", "--bogus"], "unrecognized arguments"),
        (["--bogus"], "unrecognized arguments"),
        (["/no/such/folder"], "not found"),
    ],
)
def test_errors_are_one_line_and_non_zero(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    argv = [str(SEEDS) if a == "SEEDS" else a for a in argv]
    code, out, err = run(capsys, *argv)
    assert code != 0
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and message in err
    assert "Traceback" not in err


def test_empty_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _out, err = run(capsys, "list", "--corpus", str(tmp_path), "--json")
    assert code != 0 and "no articles" in err


def test_skipped_files_warn_on_stderr_and_exit_zero(
    capsys: pytest.CaptureFixture[str], messy_corpus: Path
) -> None:
    code, out, err = run(capsys, "list", "--corpus", str(messy_corpus), "--json")
    assert code == 0
    assert "skipped empty.txt: empty file" in err
    assert "skipped image.txt: binary file" in err
    assert len(json_lines(out)) == 5


def test_python_dash_m_help_and_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tui", "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout.startswith("seedtui ")
    result = subprocess.run(
        [sys.executable, "-m", "tui", "--help"], capture_output=True, text=True, check=True
    )
    assert "usage: seedtui" in result.stdout
    assert all(f"    {name} " in result.stdout for name in ("open", "list", "search", "quotes"))
    result = subprocess.run(
        [sys.executable, "-m", "tui", "search", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "--queries" in result.stdout


def test_default_corpus_prefers_local_seeds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.resources import default_corpus, seeds_dir

    assert default_corpus(tmp_path) == seeds_dir()
    (tmp_path / "seeds").mkdir()
    assert default_corpus(tmp_path) == tmp_path / "seeds"


@pytest.mark.parametrize("command", [["list"], ["search", "grain"], ["quotes"]])
def test_every_subcommand_uses_the_cache_unless_told_not_to(
    capsys: pytest.CaptureFixture[str], corpus_dir: Path, cache_dir: Path, command: list[str]
) -> None:
    def cache_files() -> list[Path]:
        return sorted(cache_dir.rglob("*")) if cache_dir.exists() else []

    code, plain, _ = run(capsys, *command, "--corpus", str(corpus_dir), "--no-cache")
    assert code == 0 and cache_files() == []  # --no-cache: nothing read, nothing written
    code, cold, _ = run(capsys, *command, "--corpus", str(corpus_dir))
    written = cache_files()
    assert code == 0 and written and cold == plain
    stamps = [path.stat().st_mtime_ns for path in written]
    code, warm, _ = run(capsys, *command, "--corpus", str(corpus_dir))
    assert code == 0 and warm == plain
    assert [path.stat().st_mtime_ns for path in cache_files()] == stamps  # read, not rewritten


def test_quotes_speakers_json(capsys: pytest.CaptureFixture[str], corpus_dir: Path) -> None:
    code, out, _ = run(capsys, "quotes", "--corpus", str(corpus_dir), "--speakers", "--json")
    assert code == 0
    speakers = json_lines(out)
    assert all(set(row) == {"speaker", "quotes", "articles"} for row in speakers)
    by_name = {row["speaker"]: row for row in speakers}
    assert by_name["Ilse Brandauer"]["articles"] == 1 and by_name["Ilse Brandauer"]["quotes"] >= 1
    counts = [row["quotes"] for row in speakers]
    assert counts == sorted(counts, reverse=True)
    code, out, _ = run(
        capsys, "quotes", "--corpus", str(corpus_dir), "--speakers", "--speaker", "brandaur"
    )
    assert code == 0 and "Ilse Brandauer" in out and "Helena Voss" not in out
