"""Try again and compare: rewinding from an ending starts another attempt, each attempt's
ending and criteria are kept, and the anti-model's path is judged to stand beside them."""

from __future__ import annotations

import pytest

from game.story.runtime import IllegalAction, Phase, Runtime, anti_model_result
from game.story.views import RunMode

from .factory import forum_script


def to_ending(rt: Runtime, choice: int = 0) -> None:
    while rt.phase is not Phase.ENDED:
        if rt.phase is Phase.DECIDING:
            rt.choose(choice)
        else:
            rt.advance()


def test_rewind_from_an_ending_freezes_at_the_moment_and_both_attempts_are_compared() -> None:
    rt = Runtime(forum_script())
    to_ending(rt)  # the search passes (missed), then "Suspend him"
    assert rt.phase is Phase.ENDED and "rewind" in rt.allowed()
    first = rt.result().attempts
    assert [(a.attempt, a.ending.id if a.ending else None) for a in first] == [(1, "bad")]
    moment = next(m for m in rt.moments() if m.text == "Let's look in your bag.")
    rt.rewind(moment.index)
    assert rt.phase is Phase.FROZEN and rt.attempt == 2 and rt.view().ending is None
    assert rt.view().redirect is not None and rt.view().redirect.id == "search"
    rt.redirect(0)
    to_ending(rt, 1)  # asked first, so support is open
    attempts = rt.result().attempts
    assert [(a.attempt, a.ending.id if a.ending else None) for a in attempts] == [
        (1, "bad"),
        (2, "good"),
    ]
    compassion = [next(c for c in a.criteria if c.id == "compassion") for a in attempts]
    assert compassion[0].score < compassion[1].score == 1.0
    again = Runtime.replay(forum_script(), rt.events)
    assert again.result().attempts == attempts


def test_the_anti_model_cannot_rewind_from_its_ending() -> None:
    rt = Runtime(forum_script(), RunMode.ANTI_MODEL)
    while rt.phase is not Phase.ENDED:
        rt.advance()
    assert "rewind" not in rt.allowed()
    with pytest.raises(IllegalAction):
        rt.rewind(0)


def test_the_anti_models_path_is_judged_like_a_forum_run() -> None:
    traditional = anti_model_result(forum_script())
    assert traditional.attempt == 0
    assert traditional.ending is not None and traditional.ending.id == "bad"
    compassion = next(c for c in traditional.criteria if c.id == "compassion")
    assert compassion.tested and compassion.score == 0.0  # the search let pass, then suspend
