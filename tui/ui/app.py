"""The seedtui application: styles, the command palette, the theme, and the main screen."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from textual import events
from textual.actions import ActionParseResult
from textual.app import App, SystemCommand
from textual.await_complete import AwaitComplete
from textual.dom import DOMNode
from textual.notifications import SeverityLevel
from textual.screen import ModalScreen, Screen

from tui.config import Config
from tui.core.library import freeze_start
from tui.core.safety import visible
from tui.resources import styles_dir
from tui.ui.commands import ArticleCommands
from tui.ui.key_order import KeySequencer
from tui.ui.leaving import leave_on_signals
from tui.ui.memory import Memory
from tui.ui.motion import animation_level
from tui.ui.outside import outside_commands
from tui.ui.screens.main import MainScreen
from tui.ui.settings import apply_config


def screenshot_folder(fallback: Path) -> Path:
    """The user's Downloads folder when it exists (a server often has none), else ``fallback``."""
    from platformdirs import user_downloads_path

    downloads = user_downloads_path()
    if downloads.is_dir():
        return downloads
    try:
        fallback.mkdir(parents=True, exist_ok=True)
    except OSError:
        return Path.cwd()
    return fallback


class SeedApp(App[None]):
    """A keyboard-first browser for a folder of text documents."""

    TITLE = "seedtui"
    CSS_PATH = [
        styles_dir() / "app.tcss",
        styles_dir() / "panes.tcss",
        styles_dir() / "reader.tcss",
    ]
    COMMANDS = App.COMMANDS | {ArticleCommands}

    def __init__(
        self,
        root: Path,
        *,
        state_dir: Path | None = None,
        contain_errors: bool = False,
        use_cache: bool = True,
        config: Config | None = None,
        files: Callable[[], list[Path]] | None = None,
        scope: str = "",
    ) -> None:
        super().__init__()
        self.root = root
        """The folder being browsed."""
        self.use_cache = use_cache
        """Whether the corpus cache may be used (``--no-cache`` says no)."""
        self.files = files
        """Lists the files to read when several paths were given (``None``: the folder)."""
        self.scope = scope
        """The name of that selection, for a cache of its own (``""``: none)."""
        self.contain_errors = contain_errors
        """Log unexpected errors and carry on, instead of exiting with a traceback."""
        self.fatal_message: str | None = None
        """Set when an error forced the app to close: one line for the command line to print."""
        self.memory = Memory(root, state_dir)
        """What is remembered between runs (read once here, before the UI starts)."""
        if self.memory.theme and self.memory.theme in self.available_themes:
            self.theme = self.memory.theme
        self.animation_level = (
            animation_level()
        )  # by SSH and SEEDTUI_ANIMATION; the config may set it
        self.config = config or Config()
        """The configuration file's settings (theme, animations, reader width, keys)."""
        self.config_problems = [*self.config.problems, *apply_config(self, self.config)]
        """What was wrong in the configuration file: shown once, when the app starts."""
        self.keys = KeySequencer(self, self._deliver)
        """Applies the keys (and pastes) one after another, in the order they came."""
        self.held_toasts: list[tuple[str, str, SeverityLevel, float | None]] = []
        """Toasts asked for while a dialog was up: shown when it closes, never over it."""
        freeze_start()  # what the imports made is out of the collector's way

    async def on_event(self, event: events.Event) -> None:
        if KeySequencer.takes(event):
            self.keys.push(event)  # dispatched by the sequencer, after the keys before it
        else:
            await super().on_event(event)

    def on_mount(self) -> None:
        self._stop_on_signals()
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self.push_screen(MainScreen(self.root, self.memory, self.use_cache, self.files, self.scope))
        for problem in self.config_problems:
            self.notify(problem, title="Configuration", severity="warning", timeout=12)

    def _stop_on_signals(self) -> None:
        """Quit cleanly on SIGTERM and SIGHUP: state saved, the terminal restored.

        Without this the default action kills the process on the spot and leaves
        the terminal in raw mode on the alternate screen, the mouse reported; and
        when the terminal is already gone the process still ends (``leaving``).
        """
        leave_on_signals(lambda status: self.exit(None, status))

    def action_screenshot(self, filename: str | None = None, path: str | None = None) -> None:
        """Save an SVG of the screen: in the Downloads folder, or the state folder without one."""
        if path is None:
            path = str(screenshot_folder(self.memory.folder))
        super().action_screenshot(filename, path)

    def _theme_changed(self, theme: object) -> None:
        self.memory.set_theme(self.theme)

    async def _deliver(self, event: events.Event) -> None:
        """Handle one event the sequencer hands on, in order."""
        await super().on_event(event)

    async def run_action(
        self,
        action: str | ActionParseResult,
        default_namespace: DOMNode | None = None,
        namespaces: Mapping[str, DOMNode] | None = None,
    ) -> bool:
        """Run an action; with ``contain_errors``, a failing one is logged, not fatal."""
        try:
            return await super().run_action(action, default_namespace, namespaces)
        except Exception as error:
            if not self.contain_errors:
                raise
            self.report_error(error)
            return True

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Show a toast. Never as markup: its text often holds names and titles from outside.

        Every ``notify`` of a widget or screen ends here, so this is the one
        place where toasts are made inert: markup is off whatever the caller
        asks, and control and bidi characters become visible stand-ins.
        """
        if isinstance(self.screen, ModalScreen):  # a dialog or the palette is up
            self.held_toasts.append((message, title, severity, timeout))
            return
        super().notify(
            visible(message), title=visible(title), severity=severity, timeout=timeout, markup=False
        )

    def _release_toasts(self) -> None:
        """Show the toasts held while a dialog was up, once none is."""
        if isinstance(self.screen, ModalScreen):
            return
        held, self.held_toasts = self.held_toasts, []
        for message, title, severity, timeout in held:
            self.notify(message, title=title, severity=severity, timeout=timeout)

    def pop_screen(self) -> AwaitComplete:
        """Close the screen on top, but never the main screen.

        A dialog closed by two fast keys (Escape twice, ``q`` then Escape, the
        palette's Escape during a load) asks to be popped twice; the second pop
        would take the main screen away and leave a blank one where ``q`` does
        nothing. Quitting is :meth:`exit`, never a pop.
        """
        if isinstance(self.screen, MainScreen):
            return AwaitComplete(_nothing())
        popped = super().pop_screen()
        if self.held_toasts:
            self.call_later(self._release_toasts)
        return popped

    def report_error(self, error: BaseException) -> None:
        """Log ``error`` to the error file and say so in one line."""
        from tui.ui.errors import log_error  # logging's handlers load when first needed

        path = log_error(self.memory.folder, error)
        where = f" (details in {path})" if path else ""
        message = f"Unexpected error: {type(error).__name__}: {error}"
        self.notify(message[:200] + where, severity="error", timeout=15, markup=False)

    def _handle_exception(self, error: Exception) -> None:
        # Textual's hook for an error that escaped a message handler: the app must exit.
        # The command line asks for no traceback: log it and leave one line on stderr.
        if not self.contain_errors:
            super()._handle_exception(error)
            return
        from tui.ui.errors import log_error

        path = log_error(self.memory.folder, error)
        self.fatal_message = f"seedtui: unexpected error: {type(error).__name__}: {error}"[:300] + (
            f" (details in {path})" if path else ""
        )
        self._return_code = 1
        self.exit(return_code=1)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if isinstance(screen, MainScreen):
            yield SystemCommand("Search", "Focus the corpus search box", screen.action_focus_search)
            yield SystemCommand(
                "Clear search",
                "Forget the query and its results (ctrl+u in the search box)",
                screen.action_clear_search,
            )
            yield SystemCommand(
                "Find in article", "Search the open article", screen.action_find_in_article
            )
            yield SystemCommand(
                "Bookmarks", "Show the bookmarked passages", screen.action_bookmarks
            )
            yield SystemCommand(
                "Speakers",
                "Everyone quoted in the corpus, and what they said (S)",
                screen.action_speakers,
            )
            yield SystemCommand(
                "Copy passage",
                "Copy the current passage or quotation with its citation (OSC 52)",
                screen.action_copy,
            )
            yield SystemCommand(
                "Save passage to file",
                "Append the current passage or quotation with its citation to the clippings file",
                screen.action_save_clipping,
            )
            yield SystemCommand(
                "Skipped files",
                "Show files that were skipped or read with a warning",
                screen.action_load_report,
            )
            yield SystemCommand("Keys and syntax", "Show the help", screen.action_help)
            yield from outside_commands(screen)


async def _nothing() -> None:
    """An awaitable that does nothing (what a refused pop waits for)."""
