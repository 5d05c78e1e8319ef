"""The game's link to the trust's LRS: start the background sender, pass on what it says.

The sender (`game.records.outbox.Sender`) runs in its own thread. It is made a few seconds
after the game starts, in a thread of its own, modules and all, so the title comes up
without waiting for (or sharing the processor with) anything it does. The only thing the
frame loop does for it is a watcher that picks up a problem's sentence when there is a new
one (an attribute swap, no I/O) and puts it on the title screen, once. The settings screen
shows the sender's current status in words.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from game.i18n import _

if TYPE_CHECKING:
    from game.records.outbox import Sender

    from .app import App

#: Seconds after start before the sender is made and looks at the records.
SETTLE = 3.0


class SenderLink:
    """The game's handle on its sender, which exists only once it has been started."""

    def __init__(self, app: App, settle: float = SETTLE) -> None:
        self.app = app
        self.sender: Sender | None = None
        self.settle = settle
        self._stopping = threading.Event()
        threading.Thread(target=self._start, name="xapi-start", daemon=True).start()
        app.watchers.append(self._watch)

    def _start(self) -> None:
        if self._stopping.wait(self.settle):
            return
        from game.records.outbox import Outbox, Sender
        from game.records.xapi import load_lrs_settings

        where = self.app.folders
        settings, warning = load_lrs_settings(where.lrs_settings)
        folders = [self.app.scripts_dir, where.scripts]
        sender = Sender(settings, Outbox(where.xapi), where.sessions, folders)
        if warning:
            sender.tell(warning)
        if not self._stopping.is_set():
            self.sender = sender.start()

    def _watch(self, _dt: float) -> None:
        notice = self.sender.take_notice() if self.sender is not None else None
        if notice is None:
            return
        app = self.app
        app.notice = f"{app.notice} {notice}" if app.notice else notice
        top = app.stack.top
        if top is not None and top.name == "title":
            top.enter()  # the title shows the notice now (and clears it)

    def status(self) -> str:
        """The sender's status in words, for the settings screen."""
        if self.sender is None:
            return _("Learning records: starting...")
        return self.sender.status

    def stop(self) -> None:
        self._stopping.set()
        if self.sender is not None:
            self.sender.stop()


def status(app: App) -> str | None:
    """The learning records' status for the settings screen; None when nothing is sending."""
    return app.sender.status() if app.sender is not None else None
