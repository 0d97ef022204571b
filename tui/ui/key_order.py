"""Keys applied one at a time, in the order they were typed, bursts included.

Textual hands a key to the focused widget's own message queue and goes straight on
to the next one. A printable key is handled there (an :class:`~textual.widgets.Input`
inserts it); any other key bubbles up, queue after queue, to the app, which only then
runs the matching binding (Backspace, ctrl+u, Escape, j, G). Keys that arrive in one
read (a paste, a laggy SSH link, fast fingers) therefore race: the characters typed
after a Backspace are inserted before the Backspace deletes, and a key sent after
Escape goes to the box Escape was about to leave.

:class:`KeySequencer` takes every key (and paste) the app receives and hands the
next one on only when the previous one has settled: when every queue on its way (the
widget it went to, up to the app) has handled what it was sent. Whatever
that key started (a binding, a focus change, the messages it posted to those
widgets) is done by then, so the next key meets the screen the previous one left.
Characters typed into a box stop there and reach it in order through its own queue,
so they are handed on without waiting (typing never waits for the searches and redraws
each character starts); the next key of another kind waits until the box has taken them.
A key that is still unsettled after :data:`SETTLE_LIMIT` seconds (a queue kept busy
by something else) lets the next one go, so typing never stalls.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable
from typing import Any

from textual import events
from textual.app import App
from textual.message_pump import MessagePump
from textual.widgets import Input

SETTLE_LIMIT = 0.5
"""Seconds a key may take to settle before the next one is handed on regardless."""

Dispatch = Callable[[events.Event], Awaitable[None]]


WORD_MOTIONS = {"alt+b": "ctrl+left", "alt+f": "ctrl+right"}
"""ESC b and ESC f: what terminals send for Option+Left and Option+Right, and readline's
word motions. In a text box they move by a word; elsewhere, where no key moves by a
word, they can only be Escape and the letter typed together."""


def split_alt(event: events.Event, target: object = None) -> list[events.Event]:
    """``event``, or Escape and the key, when it is an Alt+key (for ``target``, the
    widget it goes to).

    A terminal sends Alt+q as Escape followed by q, so Escape and q typed together
    reach the app as one Alt+q, whose character (q) a search box would insert
    (:mod:`tui.ui.terminal_keys` makes the parser read every printable key after
    Escape that way). seedtui binds no Alt key: it reads every one as the two keys
    it was typed as, the second with its character (``alt+shift+o`` is ``O``), except
    :data:`WORD_MOTIONS` in a text box.
    """
    if not isinstance(event, events.Key) or not event.key.startswith("alt+"):
        return [event]
    if isinstance(target, Input) and event.key in WORD_MOTIONS:
        return [events.Key(WORD_MOTIONS[event.key], None)]
    name = event.key.removeprefix("alt+")
    character = event.character
    if character is None or len(character) != 1 or not character.isprintable():
        character = None  # alt+up: the key without a character
    elif name.startswith("shift+") and len(name) == len("shift+") + 1:
        name = character  # an upper-case letter is named by itself
    return [events.Key("escape", "\x1b"), events.Key(name, character)]


def _typed_into(event: events.Event, target: MessagePump) -> bool:
    """Whether ``event`` is text for the box ``target``, which takes it and stops it there."""
    if isinstance(event, events.Paste):
        return isinstance(target, Input)
    return isinstance(event, events.Key) and event.is_printable and isinstance(target, Input)


class KeySequencer:
    """Hands keys to ``dispatch`` one by one, each once the previous one has settled."""

    def __init__(self, app: App[Any], dispatch: Dispatch) -> None:
        self._app = app
        self._dispatch = dispatch
        self._waiting: deque[events.Event] = deque()
        self._task: asyncio.Task[None] | None = None
        self._typing: MessagePump | None = None

    @staticmethod
    def takes(event: events.Event) -> bool:
        """Whether ``event`` is a key or a paste fresh from the terminal."""
        return isinstance(event, (events.Key, events.Paste)) and not event.is_forwarded

    def push(self, event: events.Event) -> None:
        """Queue ``event``; it is dispatched after every key received before it."""
        self._waiting.append(event)
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._drain())

    async def _drain(self) -> None:
        while self._waiting:
            event = self._waiting.popleft()
            path = self._path()
            event, *rest = split_alt(event, path[0])  # read for the widget it reaches
            self._waiting.extendleft(reversed(rest))
            typed = _typed_into(event, path[0]) and not self._has_priority_binding(event)
            if self._typing is not None and not (typed and path[0] is self._typing):
                await self._settle([self._typing], 1)  # the text typed so far is in
                self._typing = None
            await self._dispatch(event)
            if typed:
                self._typing = path[0]  # more text for the same box needs no wait
            else:
                await self._settle(path, 2)

    def _has_priority_binding(self, event: events.Event) -> bool:
        """Whether a priority binding takes ``event`` before the focused widget sees it."""
        if not isinstance(event, events.Key):
            return False
        try:
            active = self._app.active_bindings.get(event.key)
        except Exception:  # no screen yet, or any more
            return False
        return active is not None and active.binding.priority

    def _path(self) -> list[MessagePump]:
        """The queues a key goes through: the focused widget (or screen) up to the app."""
        app = self._app
        try:
            target: MessagePump = app.focused or app.screen
        except Exception:  # no screen yet (starting) or any more (closing)
            return [app]
        path = [target]
        node = target._parent
        while node is not None:
            path.append(node)
            node = node._parent
        return path

    async def _settle(self, path: list[MessagePump], least: int) -> None:
        """Wait until every queue on ``path`` has handled what it was sent.

        A pass sends each queue, from the widget up to the app, a callback that runs
        once everything queued before it is handled. What the first pass sees handled
        may post more (the app runs Escape's binding, which tells the screen to move
        the focus), so the wait ends after a later pass that found every queue already
        empty, and at least ``least`` passes (or after :data:`SETTLE_LIMIT` seconds).
        """
        deadline = time.monotonic() + SETTLE_LIMIT
        passes, clean = 0, False
        while not (clean and passes >= least):
            passes, clean = passes + 1, True
            for pump in path:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return
                clean = clean and pump.message_queue_size == 0
                reached = asyncio.Event()
                if not pump.call_later(reached.set):
                    continue  # closed or closing: nothing more will happen there
                try:
                    await asyncio.wait_for(reached.wait(), remaining)
                except asyncio.TimeoutError:
                    return
