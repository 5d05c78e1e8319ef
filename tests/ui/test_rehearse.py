"""`main.py rehearse`: a plan of steps played through the real stage, headless.

Each step kind is played on the example scenario and checked on the game's state (the
screen on top, the runtime, the record); each kind of mistake in a plan is checked for its
`plan:LINE: message` and hint, with no traceback; the command itself runs end to end with
screenshots and a session record.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from game import storage
from game.records.journal import read_journal
from game.story.events import OwnWords
from game.story.loader import load_script
from game.story.views import Phase
from game.tools import rehearse
from game.tools.rehearse import PlanError, Rehearsal, parse_plan

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "scripts" / "example.yaml"
PLAN = ROOT / "docs" / "example-plan.txt"
#: The example's first lines, up to the decision in the office (the telling-off route).
TO_DECISION = "advance to decision\n"


def play(text: str, tmp_path: Path) -> Rehearsal:
    """Every step of `text` played on the example at 1024x576; a PlanError propagates."""
    plan, errors = parse_plan(text)
    assert not errors, [e.format("plan") for e in errors]
    folders = storage.Folders(tmp_path, tmp_path / "c", tmp_path / "h", tmp_path / "s")
    rehearsal = Rehearsal.begin(load_script(str(EXAMPLE)), plan, (1024, 576), folders)
    for step in plan.steps:
        rehearsal.run(step)
    return rehearsal


def fails(text: str, tmp_path: Path) -> PlanError:
    """The plan error the steps of `text` come to."""
    with pytest.raises(PlanError) as caught:
        play(text, tmp_path)
    return caught.value


# ----- each step kind ------------------------------------------------------------------------


def test_advance_by_lines_and_to_a_moment_a_decision_and_an_ending(tmp_path: Path) -> None:
    r = play("advance 1\n", tmp_path)
    assert r.stage.view.line.says.startswith("That's the third time")
    r = play("advance to moment\n", tmp_path)
    assert r.stage.view.intervention_here and r.stage.view.phase is Phase.PLAYING
    r = play(TO_DECISION, tmp_path)
    assert r.stage.view.decision.prompt == "What does Alex do now?"
    r = play(TO_DECISION + "choose 1\nadvance to ending\n", tmp_path)
    assert r.stage.view.phase is Phase.ENDED and r.stage.rt.ending == "formal_warning"


def test_buzz_hot_seat_tally_and_redirect(tmp_path: Path) -> None:
    r = play("advance to moment\nbuzz\nhot-seat Jo\n", tmp_path)
    assert r.p.name == "thought" and "Dad had a bad night" in r.p.top.thought.text
    r = play("advance to moment\nbuzz\ntally 1 7\ntally 2 3\ntally 1 5\n", tmp_path)
    assert r.stage.rt.tallies == {"public_telling_off": {0: 5, 1: 3}}
    r = play("advance to moment\nfreeze\nhotseat manager\nredirect 1\n", tmp_path)
    view = r.stage.view
    assert r.p.name == "stage" and view.acting and view.line.says.startswith("Morning, Jo.")


def test_own_words_then_closest_at_a_redirect_and_at_a_decision(tmp_path: Path) -> None:
    words = "Jo, ça va? Let's talk after handover."
    r = play(f'advance to moment\nbuzz\nown words "{words}"\nclosest\n', tmp_path)
    assert r.stage.view.line.says == words
    r = play(TO_DECISION + 'own words "Let us ask HR first"\nclosest 3\n', tmp_path)
    said = [e.data for e in r.stage.rt.events if isinstance(e.data, OwnWords)]
    assert said == [OwnWords("office_talk", 2, "Let us ask HR first")]


def test_choose_in_solo_shows_feedback_and_the_next_step_goes_on(tmp_path: Path) -> None:
    r = play("room solo\n" + TO_DECISION + "choose 3\n", tmp_path)
    assert r.p.name == "feedback"
    r = play("room solo\n" + TO_DECISION + "choose 3\nadvance to decision\n", tmp_path)
    assert r.stage.view.decision.prompt == "What does Sam advise?"


def test_read_resume_rewind_and_debrief(tmp_path: Path) -> None:
    r = play(TO_DECISION + 'buzz\nread "rota"\n', tmp_path)
    assert r.p.name == "documents" and r.p.top.reading.title == "This week's rota"
    r = play(TO_DECISION + "buzz\nresume\n", tmp_path)
    assert r.p.name == "stage" and r.stage.view.phase is Phase.DECIDING
    r = play("advance 3\nbuzz\nrewind 2\n", tmp_path)
    assert r.p.name == "freeze" and r.stage.rt.attempt == 2
    assert r.stage.view.line.says.startswith("That's the third time")
    ending = TO_DECISION + "choose 1\nadvance to ending\n"
    r = play(ending + 'rewind to "third time"\nredirect 1\nadvance to decision\n', tmp_path)
    assert r.stage.rt.attempt == 2 and "talked_privately" in r.stage.view.flags
    r = play(ending + "debrief\n", tmp_path)
    assert r.p.name == "debrief" and r.p.top.page == 0
    r = play(ending + "debrief compare\n", tmp_path)
    assert r.p.top.page == rehearse.PAGES.index("compare")


def test_the_anti_model_watched_then_skipped_or_played_on(tmp_path: Path) -> None:
    r = play("watch anti-model\nskip\n", tmp_path)
    assert r.p.name == "stage" and not r.stage.anti_model and r.stage.rt.attempt == 1
    r = play("watch anti-model\nadvance to ending\nadvance\n", tmp_path)
    assert not r.stage.anti_model and r.stage.anti_model_ending == "formal_warning"


# ----- mistakes in a plan ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "message", "hint"),
    [
        ("advance\nbuzzz\n", 2, "unknown step 'buzzz'", "did you mean 'buzz'?"),
        ('own words "not closed\n', 1, "quotation mark is not closed", '" marks'),
        ("advance\nroom solo\n", 2, "must come before the first step", "top of the plan"),
        ("choose two\n", 1, "whole number from 1, not 'two'", "choose N"),
        ("advance to lunch\n", 1, "cannot be followed by 'lunch'", "decision"),
        ("debrief compair\n", 1, "cannot be followed by 'compair'", "did you mean 'compare'?"),
        ("tally 1\n", 1, "the option and the number of hands", "tally N COUNT"),
        ("room\n", 1, "cannot be followed by '?'", "room facilitator"),
        ("# only a comment\n", 1, "the plan has no steps", "advance"),
    ],
)
def test_a_plan_written_wrongly_names_the_line(text, line, message, hint) -> None:
    _, errors = parse_plan(text)
    assert errors, "the mistake was not found"
    assert errors[0].line == line and message in errors[0].message and hint in errors[0].hint


def test_every_written_mistake_is_reported_at_once() -> None:
    _, errors = parse_plan("buzzz\nadvance\nchoose\nresume now\n")
    assert [e.line for e in errors] == [1, 3, 4]


@pytest.mark.parametrize(
    ("text", "message", "hint"),
    [
        ("choose 2\n", "no decision is on stage", "advance to decision"),
        (TO_DECISION + "choose 5\n", "option 5 is out of range", "choose 1 to 3"),
        (TO_DECISION + "choose 2\n", "option 2 is locked here", "open on this route"),
        ("buzz\nadvance\n", "the scene is frozen", "resume first"),
        (TO_DECISION + "advance\n", "a decision is waiting", "choose N"),
        ("advance to ending\n", "stopped at a decision", "choose N first"),
        ("redirect 1\n", "needs a frozen scene", "buzz first"),
        ("buzz\nredirect 1\n", "nothing to redirect", "moment to intervene"),
        (TO_DECISION + "buzz\nredirect 1\n", "nothing to redirect", "resume, then choose"),
        ("advance to moment\nbuzz\nredirect 4\n", "option 4 is out of range", "1 to 2"),
        ("advance to moment\nbuzz\nhot-seat Morgan\n", "nobody called 'Morgan'", "Alex; Jo"),
        ("closest 1\n", "no words are waiting", "own words"),
        ('advance to moment\nbuzz\nown words "hm"\nadvance\n', "waiting to be matched", "closest"),
        ("advance\nbuzz\nrewind 9\n", "moment 9 is out of range", "1 is the newest"),
        ('advance\nbuzz\nrewind to "bananas"\n', "no earlier moment has the words", "newest"),
        ("buzz\nrewind 1\n", "no earlier moment", ""),
        ('buzz\nread "rota"\n', "no papers to read yet", "after a beat"),
        ('advance to decision\nbuzz\nread "policy"\n', "no paper called", "This week's rota"),
        ("room solo\nadvance to moment\nbuzz\ntally 1 3\n", "show of hands is for a room", ""),
        ("skip\n", "only the anti-model run can be skipped", "watch anti-model"),
        ("debrief\n", "the run has not ended", "advance to ending"),
        ("watch anti-model\nbuzz\n", "anti-model run has no buzzer", "skip"),
        ("watch anti-model\nadvance to ending\ndebrief\n", "anti-model's ending", "advance"),
        ("buzz\nbuzz\n", "frozen already", ""),
        ("watch anti-model\nadvance to ending\nadvance to ending\n", "at its ending", "forum"),
    ],
)
def test_a_step_that_cannot_happen_now_says_why(text, message, hint, tmp_path: Path) -> None:
    error = fails(text, tmp_path)
    assert error.line == text.count("\n")  # the last step is the one that cannot happen
    assert message in error.message and hint in error.hint


# ----- the command ----------------------------------------------------------------------------


def test_the_command_plays_the_example_plan_with_shots_and_a_record(tmp_path: Path) -> None:
    shots, records = tmp_path / "shots", tmp_path / "records"
    command = [sys.executable, "main.py", "rehearse", str(EXAMPLE), str(PLAN)]
    options = ["--shots", str(shots), "--records", str(records), "--size", "1024x576"]
    done = subprocess.run(
        [*command, *options], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    steps = len(parse_plan(PLAN.read_text())[0].steps)
    assert len(list(shots.glob("*.png"))) == steps + 1  # the start, then one a step
    assert (shots / "00-start.png").exists()
    (record,) = (records / "sessions").glob("*.jsonl")
    assert str(record) in done.stdout
    events = read_journal(record).events
    assert [e.kind for e in events].count("rewind") == 1
    assert any(e.kind == "own_words" for e in events)
    assert "debrief, compare" in done.stdout


def test_the_command_reports_a_bad_plan_without_a_traceback(tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text("advance\nchoose 2\n", encoding="utf-8")
    command = [sys.executable, "main.py", "rehearse", str(EXAMPLE), str(plan)]
    records = ["--records", str(tmp_path / "r"), "--size", "1024x576"]
    done = subprocess.run(
        [*command, *records], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 1
    assert f"{plan}:2: no decision is on stage" in done.stderr
    assert "hint: advance to decision first" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_missing_plan_and_a_broken_script_are_said_plainly(tmp_path: Path, capsys) -> None:
    assert rehearse.main([str(EXAMPLE), str(tmp_path / "nope.txt")]) == 1
    assert "cannot read the plan" in capsys.readouterr().err
    plan = tmp_path / "plan.txt"
    plan.write_text("watch anti-model\nadvance\n", encoding="utf-8")
    broken = ROOT / "tests" / "broken" / "missing_start.yaml"
    assert rehearse.main([str(broken), str(plan)]) == 1
    assert "missing_start.yaml:" in capsys.readouterr().err
