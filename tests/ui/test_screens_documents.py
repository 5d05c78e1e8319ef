"""Papers the room can read at a freeze: the example's rota, from the office scene on."""

from __future__ import annotations

from pathlib import Path

from game.story.views import Phase
from game.ui.keymap import Act
from tests.ui.pilot import Pilot, Player, start_scenario

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def test_papers_the_story_has_reached_are_read_at_a_freeze(tmp_path: Path) -> None:
    for size in ((1920, 1080), (1024, 576)):
        pilot = Pilot(size)
        player = Player(pilot, "keyboard")
        start_scenario(player, "example", "facilitator", anti_model=False)
        player.buzz()
        labels = [item.label for item in pilot.top.menu.items]
        assert not any(label.startswith("Read") for label in labels)  # nothing reached yet
        pilot.do(Act.ADVANCE)  # resume
        for _ in range(60):
            view = pilot.stage.view
            if view.beat_id == "office_talk" and view.phase is Phase.PLAYING:
                break
            if view.phase is Phase.DECIDING:
                pilot.stage.cards.focus = 0
                pilot.settle()
            pilot.do(Act.CONFIRM)
        assert pilot.stage.view.beat_id == "office_talk"
        player.buzz()
        assert pilot.name == "freeze"
        pilot.click_label("Read")
        assert pilot.name == "documents"
        assert [item.label for item in pilot.top.menu.items] == ["This week's rota"]
        pilot.do(Act.CHOOSE_1)
        assert pilot.top.reading is not None and pilot.top.reading.id == "rota"
        pilot.screenshot(SHOTS / f"documents-reading-{size[0]}x{size[1]}.png")
        pilot.do(Act.PAUSE)  # back to the list
        assert pilot.name == "documents" and pilot.top.reading is None
        pilot.do(Act.PAUSE)  # back to the menu
        assert pilot.name == "freeze" and pilot.phase is Phase.FROZEN
