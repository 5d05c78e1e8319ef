"""Role reversal in the runtime: who decides each point, what the played character hears of
their own mind, what is scored, and what the record keeps (game/story/roles.py).

The fixture (tests/roles/roles.yaml) has a manager (Dee), Pat (playable, no criteria: a
reflective debrief) and Lou the rep (playable, scored on partnership and conversation).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.records.journal import read_journal
from game.records.session import start_session
from game.records.xapi import LrsSettings, build_statements
from game.storage import folders
from game.story.analysis import analyse
from game.story.events import Chosen, Event, LineShown, Missed, Played, Started, run_seat
from game.story.loader import load_script
from game.story.model import Script
from game.story.presenting import look_ahead
from game.story.roles import MANAGER_SEAT, STYLES, Seat, automatic, nameplate_role, seat_words
from game.story.runtime import Phase, Runtime

FIXTURE = Path(__file__).resolve().parent / "roles.yaml"
BLAME = "Asleep on shift, Pat. This is a disciplinary matter."


@pytest.fixture(scope="module")
def script() -> Script:
    return load_script(str(FIXTURE))


def play(rt: Runtime, choices: dict[str, int]) -> list[str]:
    """Drive a run as a room would: buzz and redirect the listed intervention points, choose
    at decisions; every other line advances. The points the room was asked about, in order."""
    asked: list[str] = []
    for _ in range(500):
        if rt.phase is Phase.ENDED:
            return asked
        view = rt.view()
        if rt.phase is Phase.DECIDING:
            assert view.decision is not None
            asked.append(view.decision.id)
            rt.choose(choices[view.decision.id])
            continue
        point = view.line.intervention if view.intervention_here and view.line else ""
        if point and point in choices and point not in asked:
            asked.append(point)
            rt.buzz()
            rt.redirect(choices[point])
            continue
        rt.advance()
    raise AssertionError("the run did not end")


def shown(rt: Runtime) -> list[str]:
    return [e.data.says for e in rt.events if isinstance(e.data, LineShown)]


def played(rt: Runtime) -> list[tuple[str, int, str]]:
    return [
        (e.data.point, e.data.option, e.data.by) for e in rt.events if isinstance(e.data, Played)
    ]


def test_a_manager_run_never_stops_for_a_playable_characters_own_points(script: Script) -> None:
    rt = Runtime(script)
    asked = play(rt, {"verdict": 1})
    # Pat's decision is taken for the room (the usual option), the rep's intervention point
    # plays on as written and is never missed; the room meets only the manager's decision.
    assert asked == ["verdict"] and rt.ending == "supported"
    assert played(rt) == [("pat_says", 1, "pat")]
    assert [e.data.point for e in rt.events if isinstance(e.data, Missed)] == ["blame"]
    assert [m.point for m in rt.result().moments] == ["blame", "verdict"]
    assert {c.id for c in rt.result().criteria} == set(script.criteria)
    assert rt.view().inner_voice == "" and rt.result().role == ""


def test_a_manager_run_cannot_buzz_into_a_playable_characters_point(script: Script) -> None:
    rt = Runtime(script)
    while not (rt.view().line and rt.view().line.intervention == "rep_speaks"):
        rt.advance()
    assert not rt.view().intervention_here
    rt.buzz()
    assert rt.view().redirect is None and "redirect" not in rt.allowed()


def test_traditional_manager_plays_the_lines_as_written_and_the_anti_model_option(
    script: Script,
) -> None:
    rt = Runtime(script, seat=Seat("pat", "traditional"))
    asked = play(rt, {"pat_says": 0})
    assert asked == ["pat_says"] and rt.ending == "formal"
    assert BLAME in shown(rt)  # the manager's line, never redirected
    assert played(rt) == [("verdict", 0, "manager")]
    assert [e.data.point for e in rt.events if isinstance(e.data, Missed)] == []
    assert rt.result().criteria == ()  # Pat has no criteria: no score
    assert [land.landed for land in rt.landings()] == [
        "That's it, then. I'm the one who sleeps on shift now."
    ]


def test_just_manager_takes_the_strongest_option_before_the_line_is_said(script: Script) -> None:
    rt = Runtime(script, seat=Seat("pat", "just"))
    assert rt.view().line is not None and rt.view().line.says.startswith("Pat, are you OK?")
    assert rt.view().landed == "She asked. Nobody has asked me anything for weeks."
    assert rt.view().inner_voice == "Third night running. The baby never sleeps."
    play(rt, {"pat_says": 0})
    assert rt.ending == "supported" and BLAME not in shown(rt)
    assert played(rt) == [("blame", 0, "manager"), ("verdict", 1, "manager")]
    assert [land.point for land in rt.landings()] == ["blame", "verdict"]
    assert rt.result().own == ("It's the baby. I haven't slept properly for weeks.",)


def test_the_inner_voice_follows_the_route(script: Script) -> None:
    asked = Runtime(script, seat=Seat("pat", "just"))
    while asked.view().beat_id != "talk":
        asked.advance()
    assert asked.view().inner_voice == "Dee asked. Maybe I can tell her."
    told_off = Runtime(script, seat=Seat("pat", "traditional"))
    while told_off.view().beat_id != "talk":
        told_off.advance()
    assert told_off.view().inner_voice == "If I mention the baby, they'll say I can't cope."


def test_a_scored_role_is_judged_only_on_its_own_points_and_criteria(script: Script) -> None:
    rt = Runtime(script, seat=Seat("rep", "traditional"))
    assert play(rt, {"rep_speaks": 0}) == ["rep_speaks"]
    result = rt.result()
    assert [m.point for m in result.moments] == ["rep_speaks"]
    assert [(c.id, c.value) for c in result.criteria] == [
        ("partnership", 100),
        ("conversation", 100),
    ]
    # Pat's decision was skipped by the rep's redirect; Dee's came from the style.
    assert played(rt) == [("verdict", 0, "manager")]


def test_a_played_role_that_lets_its_moment_pass_has_missed_it(script: Script) -> None:
    rt = Runtime(script, seat=Seat("rep", "just"))
    play(rt, {})
    assert [e.data.point for e in rt.events if isinstance(e.data, Missed)] == ["rep_speaks"]
    # Letting it pass sits between the threat and the helpful challenge (scoring.py).
    assert [(c.id, c.value, c.tested) for c in rt.result().criteria] == [
        ("partnership", 25, True),
        ("conversation", 33, True),
    ]
    assert played(rt) == [
        ("blame", 0, "manager"),
        ("pat_says", 1, "pat"),
        ("verdict", 1, "manager"),
    ]


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("role", ["pat", "rep"])
def test_a_role_run_replays_from_its_record(script: Script, role: str, style: str) -> None:
    rt = Runtime(script, seat=Seat(role, style), clock=lambda: 1.0)
    play(rt, {"pat_says": 0, "rep_speaks": 1})
    records = [json.loads(json.dumps(e.to_json())) for e in rt.events]
    events = [Event.from_json(r) for r in records]
    assert isinstance(events[0].data, Started) and run_seat(events) == (role, style)
    again = Runtime.replay(script, events, clock=lambda: 1.0)
    assert again.events == rt.events and again.seat == Seat(role, style)


def test_a_record_from_before_role_reversal_reads_as_a_manager_run(script: Script) -> None:
    old = Runtime(script).events[0].to_json()
    del old["data"]["role"], old["data"]["style"]
    event = Event.from_json(old)
    assert event.data == Started("roles_fixture", "forum", "found") and run_seat([event]) == (
        "",
        "",
    )


@pytest.mark.parametrize(
    ("seat", "words"),
    [
        (Seat("nobody", "just"), "cannot be played as 'nobody'; roles: pat, rep"),
        (Seat("manager", "just"), "cannot be played as 'manager'"),
        (Seat("pat", "kind"), "no manager style 'kind'"),
        (Seat("", "just"), "a manager style is chosen only when"),
    ],
)
def test_a_seat_the_script_does_not_offer_is_refused(
    script: Script, seat: Seat, words: str
) -> None:
    with pytest.raises(ValueError, match=words):
        Runtime(script, seat=seat)


def test_who_decides_each_point(script: Script) -> None:
    none: frozenset[str] = frozenset()
    manager, pat_trad, rep_just = MANAGER_SEAT, Seat("pat", "traditional"), Seat("rep", "just")
    assert [automatic(script, manager, p, none) for p in ("blame", "pat_says", "rep_speaks")] == [
        None, 1, -1,
    ]  # fmt: skip
    assert [automatic(script, pat_trad, p, none) for p in ("blame", "pat_says", "verdict")] == [
        -1, None, 0,
    ]  # fmt: skip
    assert [automatic(script, rep_just, p, none) for p in ("blame", "rep_speaks", "verdict")] == [
        0, None, 1,
    ]  # fmt: skip


def test_the_analysis_follows_the_usual_choice_in_the_managers_best_path(script: Script) -> None:
    facts = analyse(script)
    assert all(point != "pat_says" for point, _ in facts.best_path)
    assert facts.best_path_ending == "supported" and facts.anti_model_ending == "formal"
    assert all(facts.endings.values())  # every ending is reachable by some seat


def test_the_seat_in_words(script: Script) -> None:
    assert seat_words(script, MANAGER_SEAT) == ""
    assert seat_words(script, Seat("rep", "traditional")) == (
        "Played as Lou, the union rep, with a traditional manager"
    )
    assert seat_words(script, Seat("pat", "just")) == (
        "Played as Pat, Healthcare assistant, with a just and learning manager"
    )


def test_the_rooms_own_choice_is_a_chosen_event_and_scored_as_usual(script: Script) -> None:
    rt = Runtime(script, seat=Seat("pat", "traditional"))
    while rt.phase is not Phase.DECIDING:
        rt.advance()
    result = rt.choose(1)
    chosen = [e.data for e in rt.events if isinstance(e.data, Chosen)]
    assert [(c.point, c.option, c.scores) for c in chosen] == [
        ("pat_says", 1, {"conversation": -1})
    ]
    assert result.verdict is not None and result.verdict.point == "pat_says"


def test_the_presenter_looks_ahead_only_to_the_rooms_own_moments(script: Script) -> None:
    manager = Runtime(script)
    assert [p.id for p in look_ahead(manager, lines=8).coming] == ["blame"]
    while manager.view().beat_id != "talk":
        manager.advance()
    assert [p.id for p in look_ahead(manager, lines=8).coming] == []  # Pat's and Lou's own
    rep = Runtime(script, seat=Seat("rep", "traditional"))
    assert [p.id for p in look_ahead(rep, lines=8).coming] == ["rep_speaks"]


def test_the_xapi_launch_names_the_role_and_manager_style(script: Script) -> None:
    session = start_session(script, "facilitator", folders().sessions, seat=Seat("pat", "just"))
    play(session.runtime, {"pat_says": 0})
    record = read_journal(session.journal.path)
    launched = build_statements(record, LrsSettings(endpoint="http://lrs.example/"), script)
    extensions = launched.statements[0]["result"]["extensions"]
    found = {k.rsplit("/", 1)[-1]: v for k, v in extensions.items()}
    assert found == {"run-mode": "forum", "role": "pat", "manager-style": "just"}


def test_the_you_on_a_nameplate_moves_to_whoever_the_room_plays(script: Script) -> None:
    """Authors write "Night manager (you)": in Pat's shoes Dee is not "you", Pat is; the
    stage's nameplates (the view's actors) say so."""
    expected = {
        MANAGER_SEAT: ("Night manager (you)", "Healthcare assistant", "UNISON steward"),
        Seat("pat", "traditional"): (
            "Night manager",
            "Healthcare assistant (you)",
            "UNISON steward",
        ),
        Seat("rep", "just"): ("Night manager", "Healthcare assistant", "UNISON steward (you)"),
    }
    for seat, plates in expected.items():
        assert (
            tuple(nameplate_role(script.cast[c], seat) for c in ("manager", "pat", "rep")) == plates
        )
        on_stage = Runtime(script, seat=seat).view().actors
        assert on_stage and all(a.role == nameplate_role(script.cast[a.id], seat) for a in on_stage)


def test_the_played_character_has_no_inner_voice_off_stage(tmp_path: Path) -> None:
    """Presence can depend on flags: a thought written for the rep in a beat the rep joins
    only on some routes stays unheard on the others. The room standing in Lou's shoes hears
    Lou's mind only while Lou is on stage, as the hot seat offers only those on it."""
    text = FIXTURE.read_text(encoding="utf-8")
    text = text.replace(
        "    present: [manager, pat]\n", "    present: [manager, pat, {who: rep, if: told}]\n", 1
    )
    text = text.replace(
        '      manager: "Anything could have happened on this ward."',
        '      manager: "Anything could have happened on this ward."\n'
        '      rep: "Another night-shift case. I should ring Pat."',
        1,
    )
    copy = tmp_path / "roles.yaml"
    copy.write_text(text, encoding="utf-8")
    rt = Runtime(load_script(str(copy)), seat=Seat("rep", "just"))
    assert "rep" not in rt.present() and rt.view().inner_voice == ""
    while "rep" not in rt.present():
        rt.advance()
    assert rt.view().inner_voice == "Dee may have made her mind up already."
