"""How one screen leads to the next around a run: start, resume, anti-model, debrief.

Kept apart from the screens so each screen only says "the player chose X", and the order
(notice, optional anti-model run, forum run, debrief) is written down once. A run on stage
always sits directly on the title, so leaving it by any route lands on the title, where
"Resume" offers it again.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from game.i18n import _
from game.records.journal import JournalError, read_journal
from game.records.session import (
    ResumeError,
    finish_session,
    resume_session,
    script_path_for,
    start_session,
)
from game.story.errors import ScriptError
from game.story.model import Script
from game.story.roles import MANAGER_SEAT, Seat
from game.story.runtime import Runtime
from game.story.views import RunMode

if TYPE_CHECKING:
    from ..app import App
    from .stage import StageScene


def go_to_title(app: App) -> None:
    """Close every screen and show the title (a run on stage keeps its record to resume)."""
    app.start("title")


def start_run(
    app: App, script: Script, room: str, anti_model_first: bool, seat: Seat = MANAGER_SEAT
) -> None:
    """From the content notice: the anti-model run first if asked for, else the forum run
    (`seat`: whose shoes the room stands in, and the manager style it faces)."""
    go_to_title(app)
    if anti_model_first:
        runtime = Runtime(script, RunMode.ANTI_MODEL, clock=lambda: app.now)
        app.push("stage", runtime, room=room)
    else:
        _push_forum(app, script, room, "", seat)


def _push_forum(
    app: App, script: Script, room: str, anti_model_ending: str, seat: Seat = MANAGER_SEAT
) -> None:
    try:
        session = start_session(
            script,
            room,
            app.folders.sessions,
            RunMode.FORUM,
            clock=lambda: app.now,
            anti_model_ending=anti_model_ending,
            seat=seat,
        )
    except OSError as exc:  # a full disk or a read-only folder must not stop the session
        runtime = Runtime(script, RunMode.FORUM, clock=lambda: app.now, seat=seat)
        notice = _("This run cannot be recorded ({reason}); it plays on.").format(
            reason=exc.strerror or exc
        )
        app.push("stage", runtime, room=room, anti_model_ending=anti_model_ending, notice=notice)
        return
    app.push(
        "stage",
        session.runtime,
        room=room,
        session=session,
        anti_model_ending=anti_model_ending,
    )


def after_anti_model(app: App, stage: StageScene, skipped: bool) -> None:
    """The anti-model run ended (or was skipped): the forum run starts from the beginning."""
    ending = "" if skipped else stage.rt.ending or ""
    go_to_title(app)
    _push_forum(app, stage.rt.script, stage.room, ending)


def after_forum(app: App, stage: StageScene) -> None:
    """The forum run reached an ending: close its record (and solo progress), then debrief."""
    warnings = []
    session, stage.session = stage.session, None
    if session is not None:
        warnings.append(finish_session(session, app.folders.progress))
        warnings.append(session.journal.error)  # said again: what the record does not hold
    warning = " ".join(w for w in warnings if w) or None
    go_to_title(app)
    app.push(
        "debrief",
        stage.rt,
        room=stage.room,
        anti_model_ending=stage.anti_model_ending,
        session=session,
        warning=warning,
    )
    if not stage.rt.seat.is_manager:  # role reversal: first, the run through their eyes
        app.push("role_debrief", stage.rt)


def resume_run(app: App, path: Path) -> None:
    """Carry on an interrupted run from its record; on failure, say why on the title."""
    try:
        record = read_journal(path)
        script = app.library.load(script_path_for(record, app.scripts_dir))
        session = resume_session(path, script, clock=lambda: app.now)
    except (ResumeError, JournalError, ScriptError, OSError) as exc:
        app.notice = _("That run cannot be resumed: {reason}").format(reason=exc)
        go_to_title(app)
        return
    go_to_title(app)
    app.push(
        "stage",
        session.runtime,
        room=session.room_mode,
        session=session,
        anti_model_ending=session.anti_model_ending,
        notice=" ".join(session.warnings),
    )
