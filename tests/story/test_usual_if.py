"""`usual: <condition>`: what a character the room is not playing does can depend on the story
so far, while the option stays open to a room that plays them (an `if:` would lock it).

Run on the roles fixture (tests/roles/roles.yaml) with Pat's first answer made her usual one
only where the manager asked how she was (`asked`, set by redirecting the blame point).
"""

from __future__ import annotations

from pathlib import Path

from game.story.loader import script_from_bytes
from game.story.roles import Seat
from game.story.runtime import Phase, Runtime

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = (ROOT / "tests" / "roles" / "roles.yaml").read_text()
TOLD = "        - says: \"It's the baby. I haven't slept properly for weeks.\"\n"


def _script(usual: str):
    text = FIXTURE.replace(TOLD, TOLD + f"          usual: {usual}\n", 1)
    assert text != FIXTURE
    script, found = script_from_bytes(text.encode(), "s.yaml")
    return script, [d.code for d in found]


def _pat_answer(rt: Runtime, redirect_blame: bool) -> int:
    """Play a manager run to Pat's answer; the option she took for the room."""
    for _ in range(200):
        view = rt.view()
        if view.line and view.line.intervention == "blame" and redirect_blame:
            rt.buzz()
            rt.redirect(0)
            redirect_blame = False
            continue
        if rt.phase is Phase.DECIDING:
            rt.choose(0)
            continue
        taken = [e.data for e in rt.events if e.kind == "played" and e.data.point == "pat_says"]
        if taken:
            return taken[0].option
        rt.advance()
    raise AssertionError("Pat never answered")


def test_the_usual_answer_follows_what_the_manager_did() -> None:
    script, found = _script("asked")
    assert found == []
    assert _pat_answer(Runtime(script), redirect_blame=True) == 0  # asked: she tells
    assert _pat_answer(Runtime(script), redirect_blame=False) == 1  # not asked: "I'm fine"


def test_a_conditional_usual_option_stays_open_to_the_room_playing_her() -> None:
    script, _ = _script("asked")
    rt = Runtime(script, seat=Seat("pat", "traditional"))
    while rt.phase is not Phase.DECIDING:
        rt.advance()
    decision = rt.view().decision
    assert decision is not None and decision.id == "pat_says"
    assert all(o.available for o in decision.options)


def test_a_misspelt_usual_flag_is_caught_like_a_misspelt_if() -> None:
    _, found = _script("askd")
    assert found == ["FF409"]
