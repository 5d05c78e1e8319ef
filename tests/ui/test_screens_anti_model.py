"""The anti-model run with its choices shown, driven by real keys: at each decision the
manager's options are on stage with the traditional one marked (in words and by the focus
ring), Enter plays it (the manager says it), and the run goes on to its bad ending; the
ending card gives the outcome, never the context the room should discover."""

from __future__ import annotations

from pathlib import Path

from game.story.views import Phase
from game.ui.keymap import Act
from tests.ui.pilot import Pilot, Player, start_scenario

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def test_the_anti_model_shows_each_traditional_choice_being_made() -> None:
    for size in ((1920, 1080), (1024, 576)):
        pilot = Pilot(size)
        start_scenario(Player(pilot, "keyboard"), "example", "facilitator", anti_model=True)
        stage = pilot.stage
        while stage.view.phase is not Phase.DECIDING:
            pilot.do(Act.CONFIRM)
        assert stage.anti_model and stage.view.decision.prompt == "What does Alex do now?"
        assert stage.cards.focus == 0  # "Issue a first written warning": marked anti_model
        assert [i.key for i in stage.cards.items] == ["0", "1", "2"]  # no own-idea card
        pilot.screenshot(SHOTS / f"anti-model-choice-{size[0]}x{size[1]}.png")
        pilot.do(Act.CONFIRM)
        view = stage.view
        assert view.acting and view.speaker.id == "manager"
        assert view.line.says == "Issue a first written warning under the attendance policy."
        pilot.screenshot(SHOTS / f"anti-model-choice-said-{size[0]}x{size[1]}.png")
        while stage.view.phase is not Phase.ENDED:
            pilot.do(Act.CONFIRM)
        ending = stage.view.ending
        assert ending.id == "formal_warning"
        assert "dementia" not in ending.outcome  # the outcome, not what the room should find


def test_any_click_on_the_anti_models_cards_plays_the_traditional_choice() -> None:
    pilot = Pilot()
    start_scenario(Player(pilot, "keyboard"), "example", "facilitator", anti_model=True)
    stage = pilot.stage
    while stage.view.phase is not Phase.DECIDING:
        pilot.do(Act.CONFIRM)
    assert stage.traditional_choice() == 0
    pilot.click(stage.cards.rects[2].center)  # not option 3: the traditional approach's
    assert stage.view.line.says.startswith("Issue a first written warning")
