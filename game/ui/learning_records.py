"""The game's link to the trust's LRS: start the background sender, pass on what it says.

The sender (`game.records.outbox.Sender`) runs in its own thread; the only thing the frame
loop does for it is a watcher that picks up a problem's sentence when there is a new one
(an attribute swap, no I/O) and puts it on the title screen, once. The settings screen
shows the sender's current status in words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.records.outbox import Outbox, Sender
from game.records.xapi import load_lrs_settings

if TYPE_CHECKING:
    from .app import App


def start_sender(app: App) -> Sender:
    """Start sending learning records for this game; `stop` it when the game closes."""
    where = app.folders
    settings, warning = load_lrs_settings(where.lrs_settings)
    if warning:
        app.notice = warning
    folders = [app.scripts_dir, where.scripts]
    sender = Sender(settings, Outbox(where.xapi), where.sessions, folders).start()
    app.sender = sender

    def watch(_dt: float) -> None:
        notice = sender.take_notice()
        if notice is None:
            return
        app.notice = f"{app.notice} {notice}" if app.notice else notice
        top = app.stack.top
        if top is not None and top.name == "title":
            top.enter()  # the title shows the notice now (and clears it)

    app.watchers.append(watch)
    return sender


def status(app: App) -> str | None:
    """The sender's status in words for the settings screen; None when none is running."""
    return app.sender.status if app.sender is not None else None
