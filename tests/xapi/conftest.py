"""One real Ralph LRS for every xAPI test in a run (starting one takes a few seconds)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from game.records.xapi import LrsSettings

from .ralph import HOME_PAGE, PASSWORD, USER, Ralph, start_ralph


@pytest.fixture(scope="session")
def ralph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Ralph]:
    server = start_ralph(tmp_path_factory.mktemp("ralph"))
    yield server
    server.stop()


@pytest.fixture
def lrs(ralph: Ralph) -> LrsSettings:
    """LRS settings pointing at the test's Ralph, with the trust's accounts."""
    return LrsSettings(
        endpoint=ralph.endpoint,
        username=USER,
        password=PASSWORD,
        home_page=HOME_PAGE,
        room_account="passport-day-2",
        learner_account="learner-0042",
    )
