"""A run with its record: start, kill, resume where it stopped, finish into progress."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.records import journal as jr
from game.records import progress
from game.records.session import (
    ResumeError,
    finish_session,
    replay_record,
    resume_session,
    start_session,
)
from game.storage import folders
from game.story.runtime import Phase, RunMode
from tests.story.factory import forum_script


class Clock:
    """Moves one second per reading: no real time passes."""

    def __init__(self, now: float = 0.0) -> None:
        self.now = now

    def __call__(self) -> float:
        self.now += 1.0
        return self.now


def play_to_freeze(session) -> None:
    rt = session.runtime
    rt.advance()  # the search line: an intervention point
    rt.buzz()
    rt.hotseat("tom")
    rt.tally(0, 7)


def test_every_event_is_on_disk_as_it_happens() -> None:
    session = start_session(forum_script(), "facilitator", folders().sessions, clock=Clock())
    assert [e.kind for e in jr.read_journal(session.journal.path).events] == ["start", "line"]
    play_to_freeze(session)
    on_disk = jr.read_journal(session.journal.path).events
    assert on_disk == session.runtime.events


def test_a_killed_run_resumes_at_the_moment_it_stopped() -> None:
    script = forum_script()
    session = start_session(script, "solo", folders().sessions, clock=Clock())
    play_to_freeze(session)
    before = session.runtime.view()
    path = session.journal.path
    # the process dies here: nothing is closed or marked
    found = jr.find_unfinished(folders().sessions)
    assert found is not None and found.path == path

    clock = Clock(now=1000.0)  # a new process: its clock starts somewhere else
    resumed = resume_session(path, script, clock=clock)
    assert resumed.runtime.view() == before
    assert resumed.runtime.phase is Phase.FROZEN
    assert resumed.runtime.events == jr.read_journal(path).events
    resumed.runtime.redirect(0)
    times = [e.t for e in jr.read_journal(path).events]
    assert times == sorted(times), "the timeline stays in order across the resume"
    rt = resumed.runtime
    while rt.phase is not Phase.DECIDING:
        rt.advance()
    rt.choose(1)
    rt.advance()  # the choice acted out, then the ending
    assert rt.phase is Phase.ENDED
    assert finish_session(resumed, folders().progress) is None
    record = jr.read_journal(path)
    assert record.state == "finished" and record.warnings == []
    assert [e.kind for e in record.events].count("start") == 1
    runs = progress.history(progress.load_progress(folders().progress)[0], "test")
    assert len(runs) == 1 and runs[0].ending == "good"
    assert runs[0].fractions["compassion"] == 1.0
    assert jr.find_unfinished(folders().sessions) is None


def test_replay_of_a_record_rebuilds_the_same_result() -> None:
    session = start_session(forum_script(), "solo", folders().sessions, clock=Clock())
    rt = session.runtime
    rt.advance()
    rt.advance()
    rt.buzz()  # late: the search has passed, still offered
    rt.redirect(1)
    rt.advance()
    rt.buzz()
    rt.rewind(0)
    rt.resume()
    session.journal.close()
    rebuilt = replay_record(jr.read_journal(session.journal.path), forum_script())
    assert rebuilt.view() == rt.view()
    assert rebuilt.result() == rt.result()


def test_an_edited_script_that_changes_the_story_is_not_resumed() -> None:
    session = start_session(forum_script(), "solo", folders().sessions, clock=Clock())
    play_to_freeze(session)
    session.journal.close()
    other = forum_script()
    shorter = {**other.beats}
    shorter["arrival"] = type(shorter["arrival"])(
        id="arrival", scene="room", lines=shorter["arrival"].lines[:1], next=shorter["arrival"].next
    )
    edited = type(other)(**{**other.__dict__, "beats": shorter})
    with pytest.raises(ResumeError):
        resume_session(session.journal.path, edited)


def test_anti_model_and_facilitator_runs_stay_out_of_solo_progress() -> None:
    for room, mode in (("solo", RunMode.ANTI_MODEL), ("facilitator", RunMode.FORUM)):
        session = start_session(
            forum_script(), room, folders().sessions, run_mode=mode, clock=Clock()
        )
        rt = session.runtime
        while rt.phase is not Phase.ENDED:
            rt.choose(0) if rt.phase is Phase.DECIDING and mode is RunMode.FORUM else rt.advance()
        finish_session(session, folders().progress)
        assert jr.read_journal(session.journal.path).state == "finished"
    assert progress.history(progress.load_progress(folders().progress)[0], "test") == []


def test_a_run_given_up_is_marked_abandoned() -> None:
    session = start_session(forum_script(), "solo", folders().sessions, clock=Clock())
    finish_session(session, folders().progress)
    assert jr.read_journal(session.journal.path).state == "abandoned"
    assert not folders().progress.exists()


def test_corrupt_progress_is_set_aside_when_a_run_finishes(ff_home: Path) -> None:
    path = folders().progress
    path.parent.mkdir(parents=True)
    path.write_text('{"format": "freeze-frame-progress", "scenarios": {"test": {"runs": [')
    session = start_session(forum_script(), "solo", folders().sessions, clock=Clock())
    rt = session.runtime
    while rt.phase is not Phase.DECIDING:
        rt.advance()
    rt.choose(0)
    rt.advance()  # the choice acted out, then the ending
    warning = finish_session(session, folders().progress)
    assert warning is not None and "progress.json" in warning and "Defaults" in warning
    data = json.loads(path.read_text())
    assert len(data["scenarios"]["test"]["runs"]) == 1
    assert len(list(path.parent.glob("progress.json.corrupt-*"))) == 1


def test_a_kill_between_the_events_of_one_action_is_made_whole_on_resume() -> None:
    script = forum_script()
    session = start_session(script, "solo", folders().sessions, clock=Clock())
    play_to_freeze(session)
    session.runtime.redirect(0)  # records the redirect, then the line it leads to
    whole = list(session.runtime.events)
    assert [e.kind for e in whole[-2:]] == ["redirect", "line"]
    session.journal.close()
    path = session.journal.path
    lines = path.read_bytes().splitlines(keepends=True)
    path.write_bytes(b"".join(lines[:-1]))  # the kill came after the redirect was written

    resumed = resume_session(path, script, clock=Clock(now=50.0))
    assert resumed.runtime.view() == session.runtime.view()
    on_disk = jr.read_journal(path)
    assert on_disk.warnings == []
    assert [(e.kind, e.step) for e in on_disk.events] == [(e.kind, e.step) for e in whole]
    assert on_disk.events[-1].t == on_disk.events[-2].t
