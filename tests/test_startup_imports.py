"""What start-up imports: the first frame and a warm index need less than the whole core.

Each check runs in a fresh interpreter, so what other tests imported does not count.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("tui.core.search", "tui.core.quotes", "tui.core.cache", "rapidfuzz")
"""Packages the first frame does without (the load worker imports them)."""


def _loaded_after(code: str, prefixes: tuple[str, ...], cwd: Path) -> list[str]:
    """The modules starting with ``prefixes`` that are loaded once ``code`` has run."""
    probe = (
        f"{code}\nimport json, sys\n"
        f"print(json.dumps(sorted(m for m in sys.modules if m.startswith({prefixes!r}))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=cwd
    )
    return list(json.loads(done.stdout.splitlines()[-1]))


def test_the_browser_and_its_main_screen_import_no_search_quote_or_cache_code() -> None:
    code = (
        "import tui.cli, tui.ui.app\n"
        "from tui.ui.screens.main import MainScreen\n"
        "from tui.command.parser import parse\n"
        "parse(['open', '.'])\n"
    )
    assert _loaded_after(code, HEAVY, Path.cwd()) == []


def test_search_help_still_shows_the_search_syntax(capsys: pytest.CaptureFixture[str]) -> None:
    from tui.command.parser import build_parser
    from tui.core.search import SYNTAX_HELP

    with pytest.raises(SystemExit):
        build_parser().parse_args(["search", "--help"])
    assert SYNTAX_HELP.splitlines()[0] in capsys.readouterr().out


def test_a_warm_load_reaches_its_index_without_the_quotation_code(
    corpus_dir: Path, cache_dir: Path
) -> None:
    from tui.core.library import Library

    Library(corpus_dir).load_now()  # fills the cache (with the quotations)
    code = (
        "from pathlib import Path\n"
        "from tui.core.cache import load_cached\n"
        f"loaded = load_cached(Path({str(corpus_dir)!r}))\n"
        "assert loaded.reused and loaded.index.search('the', 1)\n"
    )
    assert _loaded_after(code, ("tui.core.quotes",), Path.cwd()) == []


def test_the_browser_start_loads_no_log_handler_toml_parser_csv_or_date_pattern(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each is needed only later (an error logged, a config file, a CSV export, a date
    # read): about 13 ms of CPU before the first frame together.
    monkeypatch.setenv("SEEDTUI_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("SEEDTUI_CONFIG", str(tmp_path / "none.toml"))
    code = (
        "from pathlib import Path\n"
        "import tui.cli\n"
        "from tui.config import current\n"
        "from tui.ui.app import SeedApp\n"
        "from tui.core.corpus import dates\n"
        "SeedApp(Path('.'), config=current())\n"
        "assert dates._patterns.cache_info().currsize == 0, 'date patterns compiled'\n"
    )
    assert _loaded_after(code, ("logging.handlers", "tomllib", "csv"), tmp_path) == []


def test_the_browser_is_made_with_the_collector_paused_then_running_again(
    corpus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The UI's modules (Textual's among them) load with the collector paused: about 90
    # collections over objects that live as long as the process, otherwise.
    monkeypatch.setenv("SEEDTUI_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("SEEDTUI_CONFIG", str(tmp_path / "none.toml"))
    code = (
        "import gc, sys\n"
        "import tui.cli\n"
        "from tui.command.parser import parse\n"
        "runs = []\n"
        "gc.callbacks.append(lambda phase, info: phase == 'start' and runs.append(phase))\n"
        "gc.collect()\n"
        "runs.clear()\n"
        f"app = tui.cli.browser_app(parse(['open', {str(corpus_dir)!r}]))\n"
        "assert len(runs) <= 2, len(runs)\n"
        "assert gc.isenabled() and gc.get_freeze_count() > 10000\n"
        "assert type(app).__name__ == 'SeedApp' and 'textual' in sys.modules\n"
    )
    assert _loaded_after(code, HEAVY, tmp_path) == []
