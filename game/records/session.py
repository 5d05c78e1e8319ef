"""A run and its record, started, resumed and closed together, so the game cannot forget one.

The runtime records every action as an event; the journal puts each event on disk as it
is made. Resuming reads the journal back and replays its actions through a fresh runtime,
which rebuilds the exact state the run had when it stopped. The replay is checked against
the record event by event: if the scenario file was edited so that the story no longer
goes the same way, the run is not resumed on a story it never played.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from game.i18n import _
from game.records import progress
from game.records.journal import (
    JournalRecord,
    SessionJournal,
    file_sha256,
    read_journal,
)
from game.safetext import safe_name, visible
from game.story.events import Event
from game.story.model import Script
from game.story.roles import MANAGER_SEAT, Seat
from game.story.runtime import Runtime
from game.story.views import Phase, RunMode

Clock = Callable[[], float]


class ResumeError(RuntimeError):
    """A record that cannot be carried on; the message is written for the user."""


@dataclass
class Session:
    """What the game holds while a run is on stage."""

    runtime: Runtime
    journal: SessionJournal
    room_mode: str
    warnings: list[str] = field(default_factory=list)
    #: The ending of the traditional run watched before this one ("" if none was watched).
    anti_model_ending: str = ""


def _chain(
    journal: SessionJournal, also: Callable[[Event], None] | None
) -> Callable[[Event], None]:
    if also is None:
        return journal.append

    def both(event: Event) -> None:
        journal.append(event)
        also(event)

    return both


def start_session(
    script: Script,
    room_mode: str,
    folder: Path,
    run_mode: RunMode = RunMode.FORUM,
    clock: Clock = lambda: 0.0,
    on_event: Callable[[Event], None] | None = None,
    start: str | None = None,
    anti_model_ending: str = "",
    seat: Seat = MANAGER_SEAT,
) -> Session:
    """Open a new record in `folder` and a runtime writing into it (its start event is
    already on disk, naming the `seat`: whose shoes and which manager style).
    `anti_model_ending`: see `SessionJournal.create`."""
    journal = SessionJournal.create(script, room_mode, folder, anti_model_ending=anti_model_ending)
    runtime = Runtime(script, run_mode, start, clock, _chain(journal, on_event), seat=seat)
    return Session(runtime, journal, room_mode, anti_model_ending=anti_model_ending)


def script_path_for(record: JournalRecord, scripts_dir: Path) -> str:
    """The scenario file a record was played from, found only inside `scripts_dir`.

    A record is a file anyone can edit or e-mail, so its `path` is used only when it lies
    inside the scenario folder, and otherwise only its id (checked to be a plain id) is
    looked up there (if it is a plain name): a crafted record cannot make the game load a
    file from anywhere else.
    """
    folder = scripts_dir.resolve()
    recorded = str(record.script.get("path", ""))
    if recorded and Path(recorded).resolve().is_relative_to(folder) and Path(recorded).is_file():
        return recorded
    script_id = record.script.get("id")
    if isinstance(script_id, str) and script_id and safe_name(script_id, "") == script_id:
        candidate = folder / f"{script_id}.yaml"
        if candidate.is_file():
            return str(candidate)
    raise ResumeError(
        _("The scenario file for this session ({file}) cannot be found in {folder}.").format(
            file=visible(recorded or str(script_id)), folder=folder
        )
    )


def _shape(e: Event) -> tuple[int, str, str, str, int, int]:
    """What must match between a record and its replay (not times; not text an author fixed)."""
    return (e.step, e.action, e.kind, e.beat, e.line, e.attempt)


def _damage(record: JournalRecord) -> str:
    """Why a replay would fail if events are missing from the middle of the record (a
    damaged line): the record's fault, not an edited scenario. '' when none are missing."""
    seqs = [seq for seq, _ in record.numbered]
    gap = next((i for i, seq in enumerate(seqs) if seq != i), None)
    if gap is None:
        return ""
    return _(
        "This session's record is damaged: event {number} and after are missing or "
        "unreadable, so the run cannot be replayed exactly as it went."
    ).format(number=gap)


def replay_record(record: JournalRecord, script: Script) -> Runtime:
    """Rebuild the runtime a record describes, keeping the recorded events and their times.

    One action can record several events (a redirect, then the line it leads to). A kill
    between them leaves the action's first event on disk and not the rest; the replay
    makes the action whole again, and those missing consequences are appended to
    `runtime.events` (timed at the last recorded event), so the caller can see them
    beyond `len(record.events)` and write them to the record.
    """
    recorded = record.events
    damage = _damage(record)
    try:
        runtime = Runtime.replay(script, recorded)
    except (ValueError, KeyError, IndexError, RuntimeError) as exc:
        raise ResumeError(
            damage
            or _("This session cannot be replayed on the scenario as it is now: {reason}").format(
                reason=exc
            )
        ) from exc
    replayed = runtime.events
    done = replayed[: len(recorded)]
    if [_shape(e) for e in done] != [_shape(e) for e in recorded]:
        raise ResumeError(
            damage
            or _(
                "The scenario has been edited since this session, and the story no longer "
                "goes the way it went then."
            )
        )
    last = recorded[-1].t if recorded else 0.0
    runtime.events = [*recorded, *(replace(e, t=last) for e in replayed[len(recorded) :])]
    return runtime


def resume_session(
    path: Path,
    script: Script,
    clock: Clock = lambda: 0.0,
    on_event: Callable[[Event], None] | None = None,
) -> Session:
    """Carry on an interrupted run of `script` from the moment its record stops.

    The caller brings the script (the game has its scenarios loaded by id; see
    `script_path_for` to find the file). The clock is shifted so the first new event comes
    after the last recorded one, keeping the timeline in order. Raises ResumeError with a
    sentence for the user; `Session.warnings` holds anything worth telling them.
    """
    record = read_journal(path)
    warnings = list(record.warnings)
    recorded_hash = record.script.get("sha256")
    if recorded_hash and file_sha256(script.path) not in ("", recorded_hash):
        warnings.append(_("The scenario file has changed since this session was recorded."))
    runtime = replay_record(record, script)
    last = record.events[-1].t if record.events else 0.0
    offset = last - clock()
    runtime.clock = lambda: clock() + offset
    journal = SessionJournal.reopen(path)
    for completed in runtime.events[len(record.events) :]:
        journal.append(completed)
    runtime.on_event = _chain(journal, on_event)
    watched = record.header.get("anti_model_ending")
    return Session(
        runtime,
        journal,
        str(record.header.get("mode", "solo")),
        warnings,
        watched if isinstance(watched, str) and watched in script.endings else "",
    )


def finish_session(
    session: Session, progress_file: Path, now: datetime | None = None
) -> str | None:
    """Close the record at an ending, or when the user gives the run up; a solo forum run
    that reached an ending joins the progress history in `progress_file`. (To leave a run
    resumable, as on a quit that should offer "Resume" next time, call
    `session.journal.close()` instead.)

    Returns a warning for the user if the progress file had to be recovered or could not
    be written (a full or read-only disk: the run is over either way, and the debrief must
    still show), else None.
    """
    session.journal.close("finished" if session.runtime.phase is Phase.ENDED else "abandoned")
    return record_progress(session, progress_file, now)


def record_progress(
    session: Session, progress_file: Path, now: datetime | None = None
) -> str | None:
    """Add a solo forum run that has reached its ending to the history in `progress_file`;
    a warning for the user if the file was recovered or could not be written, else None.

    Called as soon as the ending is on screen, not only when the player leaves it: a run
    killed on its ending screen reads as finished in its record, so it must already be in
    the history. Calling it again for the same session changes nothing (`record_run`).
    """
    runtime = session.runtime
    if (
        runtime.phase is not Phase.ENDED
        or session.room_mode != "solo"
        or runtime.mode is not RunMode.FORUM
    ):
        return None
    ended_at = (now or datetime.now(UTC)).astimezone().isoformat(timespec="seconds")
    try:
        return progress.record_run(
            runtime.script, runtime.result(), session.journal.session_id, ended_at, progress_file
        )
    except OSError as exc:
        return _(
            "Your practice history could not be saved ({reason}), so this run is not in it."
        ).format(reason=exc.strerror or exc)
