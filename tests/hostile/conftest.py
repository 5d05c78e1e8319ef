"""Shared by the hostile-file tests: a guard that turns a hang into a failure."""

from __future__ import annotations

import signal
from collections.abc import Iterator

import pytest


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
