"""The presenter view's look-ahead (game/story/presenting.py) on a small forum script: what
comes next along the route as it stands, the moments worth stopping ahead and their
distance, each character's thoughts, the point passing, and that reading records nothing."""

from __future__ import annotations

from dataclasses import replace

from game.story.presenting import look_ahead
from game.story.runtime import Phase, RunMode, Runtime

from .factory import forum_script


def start(mode: RunMode = RunMode.FORUM) -> Runtime:
    script = replace(forum_script(), facilitator_content_notes=("Tom's mum has dementia.",))
    return Runtime(script, mode=mode)


def test_the_lines_and_moments_ahead_follow_the_route_into_the_next_beat() -> None:
    rt = start()
    ahead = look_ahead(rt, lines=3)
    assert [a.says for a in ahead.upcoming] == [
        "Let's look in your bag.",
        "Get off my things!",
        "We need to decide what happens now.",
    ]
    assert ahead.upcoming[0].intervention == "search"
    assert [(p.kind, p.id, p.lines_away) for p in ahead.coming] == [
        ("intervention", "search", 1),
        ("decision", "respond", 4),
    ]
    search = ahead.coming[0]
    assert search.prompt == "Instead of searching the bag?"
    assert search.options == ("Are you OK?", "Call HR")
    assert ahead.notes == ("Tom's mum has dementia.",) and ahead.minutes == rt.script.minutes


def test_reading_it_records_nothing_and_changes_nothing() -> None:
    rt = start()
    before = (list(rt.events), rt.view())
    look_ahead(rt)
    assert (list(rt.events), rt.view()) == before


def test_thoughts_of_everyone_on_stage_but_the_manager() -> None:
    ahead = look_ahead(start())
    assert [(t.id, t.text) for t in ahead.thoughts] == [("tom", "Mum fell again last night.")]


def test_on_stage_now_then_passing_then_missed() -> None:
    rt = start()
    rt.advance()  # the search: on stage now
    first = look_ahead(rt).coming[0]
    assert (first.id, first.lines_away) == ("search", 0)
    assert look_ahead(rt).passing is None
    rt.advance()  # moved past it: a buzz still offers it
    passing = look_ahead(rt).passing
    assert passing is not None and passing.id == "search"
    rt.advance()  # a line later (in the next beat), still within the late-buzz window
    assert look_ahead(rt).passing == passing
    rt.advance()  # the decision: the moment is missed
    assert rt.phase is Phase.DECIDING and look_ahead(rt).passing is None
    ahead = look_ahead(rt)
    assert ahead.upcoming == () and [(p.id, p.lines_away) for p in ahead.coming] == [("respond", 0)]


def test_a_choice_acted_out_shows_its_own_lines_then_where_it_leads() -> None:
    rt = start()
    rt.advance()
    rt.buzz()
    rt.redirect(0)  # "Are you OK?" said on stage, then on to the quiet beat
    ahead = look_ahead(rt)
    assert ahead.upcoming[0].says == "Not really. It's my mum."
    assert ahead.coming[-1].id == "respond"


def test_nothing_ahead_at_an_ending_or_in_the_anti_model() -> None:
    rt = start(RunMode.ANTI_MODEL)
    assert look_ahead(rt).upcoming == () and look_ahead(rt).passing is None
    while rt.phase is not Phase.ENDED:
        rt.advance()
    ended = look_ahead(rt)
    assert ended.upcoming == () and ended.coming == () and ended.thoughts == ()
