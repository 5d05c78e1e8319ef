"""Every shipped scenario, from the title to the debrief, by keyboard, by mouse and by gamepad.

Choices come from the golden plans in tests/plans (the first forum plan of each script, or
the first open option where a script has none), so a run through the UI must end where the
story layer says that plan ends: the screens add nothing to, and lose nothing from, the story.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from game.records.journal import list_sessions
from game.storage import folders
from tests.ui.pilot import Pilot, Player, play_stage, start_scenario

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = sorted(p.stem for p in (ROOT / "scripts").glob("*.yaml") if p.name != "criteria.yaml")
DEVICES = ("keyboard", "mouse", "gamepad")


def plans(name: str) -> list[dict]:
    path = ROOT / "tests" / "plans" / f"{name}.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else []


def forum_plan(name: str) -> dict:
    return next((p for p in plans(name) if p.get("mode", "forum") == "forum"), {})


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("name", SCRIPTS)
def test_title_to_debrief(name: str, device: str) -> None:
    pilot = Pilot()
    player = Player(pilot, device)
    plan = forum_plan(name)
    start_scenario(player, name, "facilitator", anti_model=False)
    play_stage(player, plan.get("choices", {}))
    assert pilot.name == "debrief"
    debrief = pilot.top
    if "ending" in plan:
        assert debrief.rt.ending == plan["ending"]
    assert debrief.result.ending is not None
    # The run was recorded and closed as finished.
    sessions = list_sessions(folders().sessions)
    assert [s.state for s in sessions] == ["finished"]
    assert sessions[0].script_id == debrief.script.id


@pytest.mark.parametrize("name", SCRIPTS)
def test_anti_model_then_solo_forum_run_by_keyboard(name: str) -> None:
    """The traditional run plays through to its ending, then the forum run starts afresh."""
    pilot = Pilot()
    player = Player(pilot, "keyboard")
    anti = next((p for p in plans(name) if p.get("mode") == "anti_model"), None)
    start_scenario(player, name, "solo", anti_model=True)
    stage = pilot.top
    assert stage.anti_model
    play_stage(player, {})
    assert pilot.name == "stage" and not pilot.top.anti_model
    if anti is not None:
        assert stage.rt.ending == anti["ending"]
    assert pilot.top.anti_model_ending == stage.rt.ending
    play_stage(player, forum_plan(name).get("choices", {}))
    assert pilot.name == "debrief"
    assert pilot.top.anti.id == stage.rt.ending
