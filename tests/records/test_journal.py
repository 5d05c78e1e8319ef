"""Session records: every complete event survives a kill or a power cut, and reads back."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.records import journal as jr
from game.storage import folders
from game.story.events import Ended, Event, LineShown, Payload
from tests.story.factory import forum_script

ROOT = Path(__file__).resolve().parents[2]


def event(i: int, data: Payload | None = None) -> Event:
    return Event(float(i), i, "advance", "arrival", i % 3, 1, data or LineShown("tom", f"line {i}"))


def make(count: int, room_mode: str = "solo") -> Path:
    journal = jr.SessionJournal.create(forum_script(), room_mode, folders().sessions)
    for i in range(count):
        journal.append(event(i))
    journal.close()
    return journal.path


def test_header_then_one_event_a_line() -> None:
    path = make(3, "facilitator")
    lines = path.read_text(encoding="utf-8").splitlines()
    header = json.loads(lines[0])
    assert header["format"] == "freeze-frame-session" and header["version"] == 2
    assert header["mode"] == "facilitator" and header["script"]["id"] == "test"
    assert [c["id"] for c in header["script"]["criteria"]] == ["compassion", "safety"]
    assert [json.loads(x)["seq"] for x in lines[1:]] == [0, 1, 2]
    record = jr.read_journal(path)
    assert record.events == [event(0), event(1), event(2)]
    assert record.warnings == [] and record.state == "unfinished"


def test_records_live_in_the_data_folder(ff_home: Path) -> None:
    path = make(1)
    assert path.parent == ff_home / "data" / "sessions"


def test_truncated_last_line_is_skipped_with_a_warning() -> None:
    path = make(5)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 20])  # the power went mid-write of the fifth event
    record = jr.read_journal(path)
    assert record.events == [event(i) for i in range(4)]
    assert len(record.warnings) == 1 and "cut short" in record.warnings[0]
    assert "4 events before it are kept" in record.warnings[0]


def test_garbled_last_line_and_nul_tail_are_skipped() -> None:
    path = make(3)
    with open(path, "ab") as handle:
        handle.write(b'{"type": "event", "seq": 3, "ev\n\x00\x00\x00')
    record = jr.read_journal(path)
    assert record.events == [event(i) for i in range(3)]
    assert any("damaged" in w for w in record.warnings)
    assert any("cut short" in w for w in record.warnings)


def test_reopen_trims_the_partial_line_and_carries_on_numbering() -> None:
    path = make(4)
    data = path.read_bytes()
    path.write_bytes(data[:-7])
    journal = jr.SessionJournal.reopen(path)
    journal.append(event(3))
    journal.close("finished")
    record = jr.read_journal(path)
    assert record.events == [event(i) for i in range(4)]
    assert record.warnings == [] and record.state == "finished"


def test_not_a_record_or_from_the_future_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "x.jsonl"
    bad.write_text('{"format": "something-else"}\n')
    with pytest.raises(jr.JournalError, match="not a Freeze Frame session record"):
        jr.read_journal(bad)
    bad.write_text('{"format": "freeze-frame-session", "version": 99, "script": {}}\n')
    with pytest.raises(jr.JournalError, match="newer Freeze Frame"):
        jr.read_journal(bad)
    bad.write_bytes(b'{"format": "freeze-fr')
    with pytest.raises(jr.JournalError, match="before its header"):
        jr.read_journal(bad)


def test_unfinished_sessions_are_found_for_resume_and_marks_close_them() -> None:
    assert jr.find_unfinished(folders().sessions) is None
    older = make(2)
    finished = jr.SessionJournal.create(forum_script(), "solo", folders().sessions)
    finished.append(event(0, Ended("good", "Good", "just")))
    finished.close()
    newest = make(3)
    for age, path in enumerate((newest, finished.path, older)):  # file times can tie; set them
        os.utime(path, ns=(10**18 - age * 10**9,) * 2)
    sessions = {s.path: s.state for s in jr.list_sessions(folders().sessions)}
    assert sessions == {older: "unfinished", finished.path: "finished", newest: "unfinished"}
    found = jr.find_unfinished(folders().sessions)
    assert found is not None and found.path == newest and found.script_title == "Test"
    jr.mark_session(newest, "abandoned")
    assert jr.find_unfinished(folders().sessions).path == older
    jr.mark_session(older, "finished")
    assert jr.find_unfinished(folders().sessions) is None


def test_state_is_read_from_the_tail_of_a_long_record() -> None:
    journal = jr.SessionJournal.create(forum_script(), "solo", folders().sessions)
    for i in range(400):
        journal.append(event(i, LineShown("tom", "x" * 100)))
    journal.close()
    assert jr.session_info(journal.path).state == "unfinished"
    jr.mark_session(journal.path, "abandoned")
    assert jr.session_info(journal.path).state == "abandoned"
    assert jr.read_journal(journal.path).state == "abandoned"


def test_sessions_resolve_by_path_id_or_unique_prefix(tmp_path: Path) -> None:
    path = make(1)
    sid = path.stem
    assert jr.resolve_session(str(path), folders().sessions) == path
    assert jr.resolve_session(sid, folders().sessions) == path
    assert jr.resolve_session(sid[:-2], folders().sessions) == path
    with pytest.raises(jr.JournalError, match="no session"):
        jr.resolve_session("nothing-like-it", folders().sessions)


WRITER = """
import sys
from game.records.journal import SessionJournal
from game.storage import folders
from game.story.events import Event, LineShown
from tests.story.factory import forum_script

journal = SessionJournal.create(forum_script(), "facilitator", folders().sessions)
print(journal.path, flush=True)
for i in range(1_000_000):
    journal.append(Event(float(i), i, "advance", "arrival", 0, 1, LineShown("tom", "é" * (i % 50))))
"""


def lines_in(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


@pytest.mark.parametrize("seed", range(4))
def test_sigkill_at_a_random_moment_keeps_every_complete_event(ff_home: Path, seed: int) -> None:
    if not hasattr(signal, "SIGKILL"):
        pytest.skip("no SIGKILL on this platform")
    target = random.Random(seed).randint(1, 400)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True
    )
    try:
        path = Path(proc.stdout.readline().strip())
        deadline = time.monotonic() + 60  # a bound for a stuck writer, not a timing assertion
        while lines_in(path) < target + 1 and proc.poll() is None:
            assert time.monotonic() < deadline, "the writer stopped making progress"
            time.sleep(0.001)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    seen_before_kill = target
    record = jr.read_journal(path)
    assert all("cut short" in w for w in record.warnings)
    seqs = [seq for seq, _ in record.numbered]
    assert seqs == list(range(len(seqs))), "events are in order with no gaps"
    assert len(seqs) >= seen_before_kill
    assert [e.step for e in record.events] == seqs
    complete = path.read_bytes().split(b"\n")[:-1]
    for raw in complete:
        json.loads(raw)
    assert len(complete) == len(seqs) + 1
    # and the record can be carried on after the kill without a gap
    journal = jr.SessionJournal.reopen(path)
    journal.append(event(len(seqs)))
    journal.close()
    assert [seq for seq, _ in jr.read_journal(path).numbered] == list(range(len(seqs) + 1))


def test_a_disk_that_refuses_stops_the_record_not_the_game(monkeypatch) -> None:
    journal = jr.SessionJournal.create(forum_script(), "solo", folders().sessions)
    journal.append(event(0))

    def full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    journal.append(event(1))  # does not raise into the runtime
    journal.sync()  # the background fsync's answer, made now
    assert journal.error is not None and "No space left" in journal.error
    monkeypatch.undo()
    journal.append(event(2))
    journal.close("finished")
    record = jr.read_journal(journal.path)
    assert record.events[:1] == [event(0)] and event(2) not in record.events


def test_an_unwritable_data_folder_still_gives_a_playable_run(ff_home: Path) -> None:
    ff_home.mkdir()
    (ff_home / "data").write_text("a file where the folder should be")
    journal = jr.SessionJournal.create(forum_script(), "solo", folders().sessions)
    assert journal.error is not None and "No session record" in journal.error
    journal.append(event(0))
    journal.close("finished")
    assert jr.list_sessions(folders().sessions) == []


def test_a_record_killed_before_its_first_event_is_not_offered_for_resume() -> None:
    path = make(0)
    assert jr.session_info(path).state == "empty"
    assert jr.find_unfinished(folders().sessions) is None


def test_append_leaves_the_fsync_to_the_background_and_close_waits_for_it(monkeypatch) -> None:
    """A frame that records an event never waits for the disk; closing still makes it safe."""
    import threading

    real = os.fsync
    callers: list[int] = []

    def spy(fd):
        callers.append(threading.get_ident())
        real(fd)

    journal = jr.SessionJournal.create(forum_script(), "solo", folders().sessions)
    monkeypatch.setattr(os, "fsync", spy)
    for n in range(5):
        journal.append(event(n))
    assert threading.get_ident() not in callers, "append must not fsync in the caller's thread"
    journal.close("finished")
    assert callers and callers[-1] == threading.get_ident()  # close's own final fsync
    assert [seq for seq, _ in jr.read_journal(journal.path).numbered] == list(range(5))


V1 = ROOT / "tests" / "records" / "fixtures" / "session-v1.jsonl"


def test_a_format_1_record_still_reads_replays_and_reports(tmp_path: Path) -> None:
    """A record written by the first format (before typed events) keeps working."""
    from game.records.report import timeline
    from game.records.session import replay_record
    from game.story.events import Buzzed, Rewound

    assert json.loads(V1.read_text(encoding="utf-8").splitlines()[0])["version"] == 1
    record = jr.read_journal(V1)
    assert record.warnings == [] and record.state == "finished" and len(record.events) == 22
    assert [e.data for e in record.events if e.kind == "buzz"] == [
        Buzzed("search"),
        Buzzed(None),
        Buzzed(None),
    ]
    assert [e.data for e in record.events if e.kind == "rewind"] == [Rewound(0)]
    script = forum_script()
    runtime = replay_record(record, script)
    assert runtime.ending == "bad" and runtime.attempt == 2
    assert not runtime.acted  # made before choices were acted out: replayed as it was made
    # ... and scored under the measure of today: each choice against its alternatives
    result = runtime.result()
    assert result.moments and all(c.score <= 1.0 for c in result.criteria)
    assert any(c.tested for c in result.criteria)
    labels = [entry.label for entry in timeline(record.events, script)]
    assert labels[:3] == ["Freeze", "Hot-seat", "Show of hands"] and labels[-1] == "Ending"
    assert jr.session_info(V1).state == "finished"
    copy = tmp_path / V1.name
    copy.write_bytes(V1.read_bytes())
    assert jr.find_unfinished(tmp_path) is None


def test_an_event_of_the_wrong_shape_is_skipped_and_the_warning_says_why() -> None:
    path = make(3)
    lines = path.read_text(encoding="utf-8").splitlines()
    bad = json.loads(lines[2])
    bad["event"]["data"]["says"] = 42
    path.write_text("\n".join([*lines[:2], json.dumps(bad), *lines[3:]]) + "\n", "utf-8")
    record = jr.read_journal(path)
    assert record.events == [event(0), event(2)]
    assert record.warnings[0].endswith(
        "line 3 is damaged and was skipped (a 'line' event's 'says' must be text, not int 42)."
    )


def test_a_record_names_the_one_version_the_package_also_declares() -> None:
    """`game.__version__` is the only place the version is written: the installed package's
    metadata (built from pyproject.toml) says the same, and a session record names it."""
    from importlib import metadata

    import game
    from game.records.journal import app_version

    assert app_version() == game.__version__ == metadata.version("freeze-frame")
