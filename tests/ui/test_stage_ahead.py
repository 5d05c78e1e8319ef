"""What the stage makes ahead, in the quiet frames of a line, so that the frame bringing on
the next line (the stage's busiest) has less to do: the speaker's and listeners' name labels
for the coming line. Driven by real key events on the example scenario."""

from __future__ import annotations

import game.ui.art.stage as stage_art
from game.ui.keymap import Act
from game.ui.settings import Settings
from tests.ui.pilot import Pilot, Player, start_scenario


def test_the_next_lines_name_labels_are_made_before_it_comes_on(monkeypatch) -> None:
    pilot = Pilot(settings=Settings(auto_advance=False))
    start_scenario(Player(pilot, "keyboard"), "example", "facilitator", anti_model=False)
    made: list[str] = []
    real = stage_art.draw_name_label

    def counted(surface, rect, actor, **kwargs):
        made.append(actor.id)
        return real(surface, rect, actor, **kwargs)

    monkeypatch.setattr(stage_art, "draw_name_label", counted)
    stage = pilot.stage
    checked = 0
    for _ in range(12):
        coming = stage.rt.coming_line()
        before = stage.view.speaker
        pilot.step(3)  # the line's quiet frames
        if stage.typing:
            pilot.do(Act.CONFIRM)  # the whole line at once
        made.clear()
        pilot.do(Act.CONFIRM)
        view = stage.view
        if coming is not None and view.line is not None and view.speaker != before:
            assert view.line.says == coming.says
            assert made == [], f"labels made in the frame that changed speaker: {made}"
            checked += 1
    assert checked >= 2  # speakers changed within a beat, and nothing was made then
