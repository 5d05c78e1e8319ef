"""The runtime's transitions, legal and illegal. Every test runs twice: once on the live
runtime, and once on a runtime rebuilt after every action by replaying its record written
to JSON and read back (as a resumed run is), so a resumed run behaves exactly like one that
never stopped."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import replace

import pytest

from game.story.events import Chosen, Event, Tallied
from game.story.runtime import IllegalAction, Phase, RunMode, Runtime

from .factory import beat, decision, forum_script, line, option, script

Carry = Callable[[Runtime], Runtime]


def untimed(events: list[Event]) -> list[Event]:
    return [replace(e, t=0.0) for e in events]


def rebuild(rt: Runtime) -> Runtime:
    """A fresh runtime from `rt`'s record, through JSON: the way a resumed run is made."""
    recorded = [Event.from_json(json.loads(json.dumps(e.to_json()))) for e in rt.events]
    again = Runtime.replay(rt.script, recorded, clock=rt.clock)
    assert untimed(again.events) == untimed(rt.events), "the replay told the same story"
    return again


@pytest.fixture(params=["live", "rebuilt"])
def carry(request) -> Carry:
    """Pass the runtime on unchanged, or rebuilt by replaying its record."""
    return (lambda rt: rt) if request.param == "live" else rebuild


class Clock:
    """A fake clock the test moves by hand: no real time passes in tests."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 1.5
        return self.now


def start(mode: RunMode = RunMode.FORUM) -> Runtime:
    return Runtime(forum_script(), mode=mode, clock=Clock())


def test_starts_on_the_first_line_with_the_speaker_and_emotion(carry: Carry) -> None:
    rt = carry(start())
    view = rt.view()
    assert view.phase is Phase.PLAYING
    assert view.line is not None and view.line.says == "Morning."
    assert view.speaker is not None and view.speaker.name == "Tom"
    emotions = {a.id: a.emotion for a in view.actors}
    assert emotions == {"manager": "neutral", "tom": "anxious"}
    assert [a.id for a in view.actors if a.speaking] == ["tom"]
    assert view.allowed == {"advance", "buzz"}


def test_letting_the_point_pass_records_a_miss_and_reaches_the_decision(carry: Carry) -> None:
    rt = carry(start())
    rt.advance()
    rt = carry(rt)
    assert rt.view().intervention_here
    rt.advance()  # Tom's outburst: the search is now passing
    rt = carry(rt)
    assert rt.view().actors[1].emotion == "angry"
    rt.advance()  # confront's line
    rt = carry(rt)
    rt.advance()  # the decision
    rt = carry(rt)
    assert rt.phase is Phase.DECIDING
    assert "search" in rt.position.missed
    assert rt.totals() == {"compassion": -1}
    view = rt.view()
    assert view.decision is not None
    locked = view.decision.options[1]
    assert not locked.available and locked.locked_reason == "Ask how he is first."


def test_a_locked_option_cannot_be_chosen(carry: Carry) -> None:
    rt = start()
    for _ in range(4):
        rt.advance()
    rt = carry(rt)
    with pytest.raises(IllegalAction, match="locked: Ask how he is first"):
        rt.choose(1)
    with pytest.raises(IllegalAction, match="no option 5"):
        rt.choose(5)


def test_buzz_at_the_point_offers_redirect_and_the_branch_scores(carry: Carry) -> None:
    rt = start()
    rt.advance()
    rt.buzz()
    rt = carry(rt)
    view = rt.view()
    assert view.phase is Phase.FROZEN
    assert view.redirect is not None and view.redirect.id == "search"
    assert not view.redirect.late
    result = rt.redirect(0)
    rt = carry(rt)
    assert result.feedback == "asks first" and result.scores == {"compassion": 2}
    acted = rt.view()  # the redirect is acted out: the manager says the option's words
    assert acted.acting and acted.line.says == "Are you OK?" and acted.speaker.id == "manager"
    assert "asked_ok" in acted.flags and acted.beat_id == "arrival"
    rt.advance()
    assert rt.view().line.says == "Not really. It's my mum." and not rt.view().acting
    rt.advance()
    rt.advance()
    rt = carry(rt)
    rt.choose(1)
    rt = carry(rt)
    assert rt.view().line.says == "Agree support"
    rt.advance()
    assert rt.phase is Phase.ENDED
    assert rt.view().ending is not None and rt.view().ending.id == "good"
    assert rt.totals() == {"compassion": 5, "safety": 1}
    assert rt.position.missed == ()


def test_a_late_buzz_still_offers_the_point_just_passed(carry: Carry) -> None:
    rt = start()
    rt.advance()
    rt.advance()  # one line after the search
    rt.buzz()
    rt = carry(rt)
    offer = rt.view().redirect
    assert offer is not None and offer.id == "search" and offer.late
    rt.redirect(1)
    rt = carry(rt)
    assert rt.view().line.says == "Call HR"
    rt.advance()
    assert rt.view().beat_id == "confront"
    assert "search" not in rt.position.missed


def test_a_buzz_long_after_the_point_offers_no_redirect(carry: Carry) -> None:
    rt = start()
    for _ in range(3):
        rt.advance()
    rt.advance()  # at the decision: the search is settled as missed
    rt.buzz()
    rt = carry(rt)
    assert rt.view().redirect is None
    assert "redirect" not in rt.allowed()
    with pytest.raises(IllegalAction, match="cannot redirect while frozen"):
        rt.redirect(0)
    rt.resume()
    assert rt.phase is Phase.DECIDING


def test_hotseat_reveals_thoughts_and_refuses_someone_offstage(carry: Carry) -> None:
    rt = start()
    rt.buzz()
    rt = carry(rt)
    thought = rt.hotseat("tom")
    assert thought.text == "Mum fell again last night." and thought.emotion == "upset"
    assert rt.hotseat("manager").text.startswith("Sam is keeping")
    with pytest.raises(IllegalAction, match="'nobody' is not on stage"):
        rt.hotseat("nobody")
    assert [e.kind for e in rt.events].count("hotseat") == 2


def test_rewind_restores_the_moment_and_keeps_every_attempt(carry: Carry) -> None:
    rt = start()
    for _ in range(4):
        rt.advance()
    rt.choose(0)
    rt.advance()
    assert rt.phase is Phase.ENDED
    rt = start()
    for _ in range(4):
        rt.advance()
    rt.buzz()
    moments = rt.moments()
    assert [m.text for m in moments][:2] == ["Morning.", "Let's look in your bag."]
    rt.rewind(1)
    rt = carry(rt)
    assert rt.phase is Phase.FROZEN and rt.attempt == 2
    assert rt.view().line.says == "Let's look in your bag."
    assert rt.totals() == {} and rt.position.missed == ()
    assert rt.view().redirect is not None  # rewinding to the point offers it again
    rt.redirect(0)
    kinds = [e.kind for e in rt.events]
    assert "missed" in kinds and "rewind" in kinds and kinds[-1] == "line"


def test_tally_records_a_show_of_hands(carry: Carry) -> None:
    rt = start()
    rt.advance()
    rt.buzz()
    rt.tally(0, 12)
    rt.tally(1, 3)
    rt = carry(rt)
    assert rt.tallies == {"search": {0: 12, 1: 3}}
    assert rt.events[-1].data == Tallied(point="search", option=1, count=3)


@pytest.mark.parametrize(
    ("phase_setup", "action", "phase_name"),
    [
        ("playing", "resume", "playing"),
        ("playing", "redirect", "playing"),
        ("playing", "hotseat", "playing"),
        ("playing", "rewind", "playing"),
        ("playing", "choose", "playing"),
        ("playing", "tally", "playing"),
        ("frozen", "advance", "frozen"),
        ("frozen", "buzz", "frozen"),
        ("frozen", "choose", "frozen"),
        ("deciding", "advance", "deciding"),
        ("deciding", "resume", "deciding"),
        ("deciding", "hotseat", "deciding"),
        ("deciding", "redirect", "deciding"),
        ("ended", "advance", "ended"),
        ("ended", "buzz", "ended"),
        ("ended", "choose", "ended"),
    ],
)
def test_every_illegal_action_names_the_phase(phase_setup, action, phase_name, carry) -> None:
    rt = start()
    if phase_setup == "frozen":
        rt.buzz()
    elif phase_setup in ("deciding", "ended"):
        for _ in range(4):
            rt.advance()
        if phase_setup == "ended":
            rt.choose(0)
            rt.advance()
    rt = carry(rt)
    args = {"redirect": (0,), "choose": (0,), "hotseat": ("tom",), "rewind": (0,), "tally": (0, 1)}
    with pytest.raises(IllegalAction, match=f"cannot {action} while {phase_name}"):
        getattr(rt, action)(*args.get(action, ()))


def test_the_anti_model_plays_itself_to_the_traditional_ending(carry: Carry) -> None:
    rt = start(RunMode.ANTI_MODEL)
    assert "buzz" not in rt.allowed()
    steps = 0
    while rt.phase is not Phase.ENDED and steps < 20:
        rt.advance()
        rt = carry(rt)
        steps += 1
    assert rt.ending == "bad"
    choice = next(e.data for e in rt.events if isinstance(e.data, Chosen))
    assert choice.says == "Suspend him" and choice.scores == {}


def test_events_carry_clock_time_and_replay_rebuilds_the_same_state() -> None:
    rt = start()
    rt.advance()
    rt.buzz()
    rt.hotseat("tom")
    rt.tally(0, 4)
    rt.redirect(0)
    rt.advance()
    rt.buzz()
    rt.rewind(0)
    rt.resume()
    times = [e.t for e in rt.events]
    assert times == sorted(times) and times[0] == 1.5
    again = Runtime.replay(rt.script, rt.events, clock=Clock())
    assert again.trail == rt.trail
    assert untimed(again.events) == untimed(rt.events)
    assert again.attempt == 2 and again.phase is rt.phase


def test_result_judges_each_choice_against_its_alternatives() -> None:
    rt = start()
    rt.advance()
    rt.buzz()
    rt.redirect(0)  # "Are you OK?" at the search
    rt.advance()
    rt.advance()
    rt.advance()
    rt.choose(1)  # support, now open
    rt.advance()
    result = rt.result()
    by_id = {c.id: c for c in result.criteria}
    # search: pass (compassion -1), ask (compassion 2), call HR (safety 1)
    #   -> compassion (2 - -1) / (2 - -1) = 1.0; safety 0 between 0 and 1 = 0.0
    # respond: suspend (safety 2, compassion -2), support (compassion 3, safety 1)
    #   -> compassion 1.0; safety (1 - 1) / (2 - 1) = 0.0
    compassion, safety = by_id["compassion"], by_id["safety"]
    assert (compassion.score, compassion.moments, compassion.points) == (1.0, 2, 5)
    assert (safety.score, safety.moments, safety.points) == (0.0, 2, 1)
    assert (compassion.value, compassion.worst, compassion.best) == (100, 0, 100)
    assert result.ending is not None and result.ending.id == "good"
    assert [getattr(e.data, "point", None) for e in result.choices] == ["search", "respond"]
    search, respond = result.moments
    assert (search.point, search.chosen, respond.point, respond.chosen) == (
        "search",
        0,
        "respond",
        1,
    )
    # At the search the strongest alternative was calling HR (compassion 1/3, safety 1:
    # mean 2/3 against asking's 1/2): it would have cost 2 compassion and gained 1 safety.
    assert search.strongest().option == 1
    assert search.change() == {"compassion": -2, "safety": 1}
    assert respond.strongest().option == 1 and respond.change() == {}


def test_a_missed_moment_is_judged_against_what_the_room_could_have_done() -> None:
    rt = start()
    while rt.phase is not Phase.DECIDING:
        rt.advance()
    (search,) = rt.position.judged
    assert search.chosen == -1 and search.choice.says == "" and search.choice.goto == ""
    assert search.positions == {"compassion": 0.0, "safety": 0.0}
    assert [a.option for a in search.alternatives] == [-1, 0, 1]


def rescue_script():
    """Listen at once, or brush Sam off and be rescued by a redirect later (issue 10)."""
    from game.story.model import Intervention

    late = Intervention(
        "brush_off",
        "Instead?",
        (option("listened", "Sorry, Sam. Sit down.", scores={"compassion": 3}),),
    )
    return script(
        [
            beat(
                "arrival",
                line("tom", "Have you got a minute?"),
                decision=decision(
                    "first",
                    option("listened", "Sit down, Sam. What's going on?", scores={"compassion": 2}),
                    option("rushed", "Not now.", scores={"compassion": -1}, anti_model=True),
                ),
            ),
            beat(
                "rushed",
                line("manager", "I said not now.", intervention="brush_off"),
                line("tom", "Fine."),
                nxt="bad",
            ),
            beat("listened", line("tom", "Thanks."), nxt="good"),
        ],
        {"brush_off": late},
        endings=("bad", "good"),
    )


def test_going_right_from_the_start_scores_at_least_as_well_as_being_rescued() -> None:
    right = Runtime(rescue_script())
    while right.phase is not Phase.ENDED:
        if right.phase is Phase.DECIDING:
            right.choose(0)
        else:
            right.advance()
    rescued = Runtime(rescue_script())
    while rescued.phase is not Phase.DECIDING:
        rescued.advance()
    rescued.choose(1)  # brush Sam off
    while not rescued.view().intervention_here:
        rescued.advance()
    rescued.buzz()
    rescued.redirect(0)  # rescued by the redirect
    while rescued.phase is not Phase.ENDED:
        rescued.advance()
    (mine,) = [c for c in right.result().criteria if c.id == "compassion"]
    (theirs,) = [c for c in rescued.result().criteria if c.id == "compassion"]
    assert (mine.score, mine.moments) == (1.0, 1)
    assert (theirs.score, theirs.moments) == (0.5, 2)  # 0.0 then 1.0: more moments, no more
    # The raw totals would have said otherwise: 2 against -1 + 3 = 2.
    assert mine.points == theirs.points == 2


def test_the_runtime_does_not_import_pygame() -> None:
    import subprocess

    code = (
        "import sys, game.story.runtime, game.story.analysis; "
        "assert 'pygame' not in sys.modules, 'pygame was imported'"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_records_made_before_acting_replay_without_it() -> None:
    """A record whose choices went straight on (made before choices were acted out) still
    replays event for event; a new record replays acted."""
    for acted in (False, True):
        rt = Runtime(forum_script(), clock=Clock(), acted=acted)
        rt.advance()
        rt.buzz()
        rt.redirect(0)
        while rt.phase is not Phase.DECIDING:
            rt.advance()
        again = Runtime.replay(rt.script, rt.events)
        assert again.acted is acted
        assert [(e.kind, e.beat, e.line) for e in again.events] == [
            (e.kind, e.beat, e.line) for e in rt.events
        ]


def test_the_format_additions_show_in_the_view() -> None:
    """Captions, documents, follow-up lines, a choice that is someone else's, who is on stage
    and the outcome on this route: all as the example script writes them."""
    from pathlib import Path

    from game.story.loader import load_script

    example = load_script(str(Path(__file__).resolve().parents[2] / "scripts" / "example.yaml"))
    rt = Runtime(example)
    view = rt.view()
    assert view.caption == "Monday, 07:10"
    assert view.documents == ()  # the rota is reached in the office
    rt.advance()
    rt.buzz()
    rt.redirect(0)  # "Are you OK?" then Jo's follow-up line, then on to quiet_word
    said = rt.view()
    assert said.acting and said.speaker.id == "manager" and said.line.says.startswith("Morning")
    rt.advance()
    assert rt.view().line.says == "OK. Thanks, Alex." and rt.view().speaker.id == "jo"
    rt.advance()
    assert rt.view().beat_id == "quiet_word" and not rt.view().acting
    while rt.phase is not Phase.DECIDING:
        rt.advance()
    assert [d.id for d in rt.view().documents] == ["rota"]  # reached in the office, kept
    assert rt.view().caption == "After handover"
    assert {a.id: a.emotion for a in rt.view().actors}["jo"] == "thoughtful"  # mood_if
    rt.buzz()
    assert rt.hotseat("jo").text.startswith("Alex knows about Dad")  # conditional thought
    rt.resume()
    rt.choose(2)  # ask HR: the beat sets asked_hr as it starts
    rt.advance()
    assert rt.view().beat_id == "hr_advice" and "asked_hr" in rt.view().flags
    rt.advance()
    rt.choose(1)  # Sam's advice is Sam's to give: Sam says the option's words
    assert rt.view().speaker.id == "hr"
    rt.advance()
    assert rt.view().line.says.startswith("Fair. I'll sit down")
    rt.advance()
    review = rt.view()
    assert review.caption == "Three weeks later"
    assert "hr" in [a.id for a in review.actors]  # present only because asked_hr is set
    while rt.phase is not Phase.ENDED:
        rt.advance()
    ending = rt.view().ending
    assert ending is not None and "Sam's backing" in ending.outcome  # the route's outcome
    assert rt.result().ending == ending and "dementia" in ending.context


def test_a_redirected_line_leaves_no_look_behind() -> None:
    """The room replaced the angry telling-off: the manager says the new words without the
    anger (nor Jo the upset) of lines that, on this branch, never happened."""
    from pathlib import Path

    from game.story.loader import load_script

    example = load_script(str(Path(__file__).resolve().parents[2] / "scripts" / "example.yaml"))
    rt = Runtime(example)
    rt.advance()  # "That's the third time this month, Jo." (angry)
    assert {a.id: a.emotion for a in rt.view().actors}["manager"] == "angry"
    rt.advance()  # Jo: "Right. Fine." (upset): the late buzz still offers the redirect
    rt.buzz()
    rt.redirect(0, "Jo, are you alright?")
    looks = {a.id: a.emotion for a in rt.view().actors}
    assert rt.view().acting and looks["manager"] != "angry" and looks["jo"] == "anxious"
