"""Shared by the hostile-file tests: a guard that turns a hang into a failure, and a run."""

from __future__ import annotations

import signal
from collections.abc import Iterator

import pytest

from game.records.journal import JournalRecord, read_journal
from game.records.session import finish_session, start_session
from game.storage import folders
from game.story.model import Script
from game.story.views import Phase


class Hung(Exception):
    """The code under test blocked (on a named pipe, say) for longer than any read takes."""


@pytest.fixture
def no_hang() -> Iterator[None]:
    """Fail the test after 5 s instead of hanging the suite for ever.

    A blocked open() of a named pipe is interrupted by the alarm, Python runs the handler
    and the exception it raises ends the open, so old code fails here rather than hanging.
    """

    def hung(_signum: int, _frame: object) -> None:
        raise Hung("blocked for 5 s: something opened a pipe or a device")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.setitimer(signal.ITIMER_REAL, 5.0)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def played_run(script: Script, room_mode: str = "facilitator") -> JournalRecord:
    """A whole run recorded as the game records it: read every line, take the first
    option open at each decision, finish at the ending."""
    session = start_session(script, room_mode, folders().sessions)
    rt = session.runtime
    while rt.phase is not Phase.ENDED:
        decision = rt.view().decision if rt.phase is Phase.DECIDING else None
        if decision is not None:
            rt.choose(next(o.index for o in decision.options if o.available))
        else:
            rt.advance()
    finish_session(session, folders().progress)
    return read_journal(session.journal.path)
