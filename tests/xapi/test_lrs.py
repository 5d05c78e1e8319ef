"""Against a real Ralph LRS: a run reaches it whole, and every bad answer keeps the outbox."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from ralph.models.xapi.base.statements import BaseXapiStatement

from game.records.journal import read_journal
from game.records.outbox import LrsClient, Outbox, Sender, backoff
from game.records.session import replay_record
from game.records.xapi import VERBS, LrsSettings, build_statements, registration
from game.storage import atomic_write_json, folders
from game.story.loader import load_script
from tests.records.helpers import recorded_run
from tests.story.factory import forum_script
from tests.ui.pilot import Pilot, Player, play_stage, start_scenario
from tests.ui.test_screens_playthrough import forum_plan

from .ralph import Ralph, free_port
from .rebuild import EXT, rebuild

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "scripts" / "example.yaml"


def _settle(outbox: Outbox, lrs: LrsSettings) -> None:
    report = outbox.queue_sessions(lrs, folders().sessions, [ROOT / "scripts"], now=lambda: 1e12)
    assert report.queued > 0, report.warnings
    sent = outbox.send(LrsClient(lrs))
    assert sent.problem is None and sent.waiting == 0 and outbox.pending() == []


def _same_run(rebuilt, record) -> None:
    def shape(events):
        keep = ("buzz", "redirect", "choice", "hotseat", "rewind", "missed", "ending")
        return [(e.kind, e.beat, e.line, e.attempt) for e in events if e.kind in keep]

    assert shape(rebuilt.events) == shape(record.events)


def test_a_run_played_through_the_game_reaches_ralph_and_rebuilds(
    ralph: Ralph, lrs: LrsSettings
) -> None:
    pilot = Pilot()
    start_scenario(Player(pilot, "keyboard"), "example", "facilitator", anti_model=False)
    play_stage(Player(pilot, "keyboard"), forum_plan("example").get("choices", {}))
    assert pilot.name == "debrief"
    session = pilot.top.session
    record = read_journal(session.journal.path)

    _settle(Outbox(folders().xapi), lrs)
    stored = ralph.statements(registration(record.session_id))
    assert len({s["id"] for s in stored}) == len(stored) > 2
    for statement in stored:
        BaseXapiStatement.model_validate(statement)
        assert statement["authority"]["account"]["name"] == "freeze-frame-tests"
    script = load_script(str(EXAMPLE))
    rebuilt = rebuild(script, stored)
    _same_run(rebuilt, record)
    completed = next(s for s in stored if s["verb"]["id"] == VERBS["completed"])
    assert rebuilt.ending == completed["result"]["response"] == pilot.top.rt.ending
    criteria = completed["result"]["extensions"][EXT + "criteria"]
    assert {c.id: (round(c.score, 4), c.points) for c in rebuilt.result().criteria} == {
        k: (v["score"], v["points"]) for k, v in criteria.items()
    }


def test_every_kind_of_event_reaches_ralph_and_sending_again_stores_nothing_new(
    ralph: Ralph, lrs: LrsSettings
) -> None:
    script = forum_script()
    record = recorded_run(script)  # missed, buzz, hot-seat, rewind, tally, redirect, choice
    statements = build_statements(record, lrs, script).statements
    outbox = Outbox(folders().xapi)
    outbox.add(record.session_id, -1, statements)
    assert outbox.send(LrsClient(lrs)).sent == len(statements)
    stored = ralph.statements(registration(record.session_id))
    assert sorted(s["id"] for s in stored) == sorted(s["id"] for s in statements)
    rebuilt = rebuild(script, stored)
    _same_run(rebuilt, record)
    assert rebuilt.totals() == replay_record(record, script).totals()

    outbox.add(record.session_id, -1, statements)  # as if killed before the batch was removed
    assert outbox.send(LrsClient(lrs)).problem is None
    again = ralph.statements(registration(record.session_id))
    assert sorted(s["id"] for s in again) == sorted(s["id"] for s in stored), "no duplicates"


def _queued(lrs: LrsSettings) -> Outbox:
    record = recorded_run(forum_script())
    outbox = Outbox(folders().xapi)
    outbox.add(record.session_id, -1, build_statements(record, lrs, forum_script()).statements)
    return outbox


def _refused(outbox: Outbox, settings: LrsSettings, timeout: float = 30.0) -> str:
    before = {p.name: p.read_bytes() for p in outbox.pending()}
    report = outbox.send(LrsClient(settings, timeout=timeout))
    assert report.problem is not None and report.sent == 0
    assert {p.name: p.read_bytes() for p in outbox.pending()} == before, "outbox kept intact"
    return report.problem


def test_a_wrong_password_keeps_the_outbox_and_says_so(ralph: Ralph, lrs: LrsSettings) -> None:
    problem = _refused(_queued(lrs), replace(lrs, password="wrong"))
    assert "did not accept the user name and password" in problem and "wrong" not in problem


def test_a_statement_the_lrs_refuses_keeps_the_outbox_with_its_reason(
    ralph: Ralph, lrs: LrsSettings
) -> None:
    outbox = _queued(lrs)
    path = outbox.pending()[0]
    statements, _ = outbox.read(path)
    del statements[0]["actor"]
    atomic_write_json(path, {"statements": statements})
    problem = _refused(outbox, lrs)
    assert "refused the statements (HTTP 400)" in problem or "(HTTP 422)" in problem
    assert "actor" in problem, "the LRS's own reason is passed on"


class _Broken(http.server.BaseHTTPRequestHandler):
    """A real HTTP server with a failing LRS behind it: 503 on every POST, or no answer."""

    def do_POST(self) -> None:
        if self.server.mode == "hang":  # type: ignore[attr-defined]
            self.server.release.wait(30)  # type: ignore[attr-defined]
            return
        self.send_response(503)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def broken() -> Iterator[http.server.HTTPServer]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Broken)
    server.daemon_threads = True
    server.release = threading.Event()  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.release.set()  # type: ignore[attr-defined]
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("mode", ["503", "hang"])
def test_a_failing_or_silent_lrs_keeps_the_outbox(
    lrs: LrsSettings, broken: http.server.HTTPServer, mode: str
) -> None:
    broken.mode = mode  # type: ignore[attr-defined]
    where = f"http://127.0.0.1:{broken.server_address[1]}/xAPI/"
    problem = _refused(_queued(lrs), replace(lrs, endpoint=where), timeout=0.5)
    expected = "has a problem of its own (HTTP 503)" if mode == "503" else "did not answer in time"
    assert expected in problem


def test_a_refused_connection_keeps_the_outbox(lrs: LrsSettings) -> None:
    nowhere = replace(lrs, endpoint=f"http://127.0.0.1:{free_port()}/xAPI/")
    assert "refused the connection" in _refused(_queued(lrs), nowhere)


def test_the_sender_tells_the_user_once_then_gets_through(ralph: Ralph, lrs: LrsSettings) -> None:
    outbox = _queued(lrs)
    waiting = outbox.count()
    bad = Sender(replace(lrs, password="wrong"), outbox, folders().sessions)
    first = bad.once()
    assert first.problem and bad.take_notice() == first.problem
    assert bad.once().problem == first.problem and bad.take_notice() is None, "told once"
    assert "waiting" in bad.status and str(waiting) in bad.status
    good = Sender(lrs, outbox, folders().sessions)
    assert good.once().sent == waiting and good.take_notice() is None
    assert "none waiting" in good.status


def test_with_no_lrs_nothing_is_sent_and_everything_is_kept(tmp_path: Path) -> None:
    record = recorded_run(forum_script())
    del record
    sender = Sender(LrsSettings(), Outbox(folders().xapi), folders().sessions)
    report = sender.once()
    assert report.sent == 0 and report.problem is None
    assert "no LRS set up" in sender.status


def test_backoff_doubles_to_a_limit() -> None:
    assert [backoff(n) for n in range(4)] == [15.0, 5.0, 10.0, 20.0]
    assert backoff(50) == 600.0
