"""The progress screen: a solo run shows up there, with its chart and its ending in words."""

from __future__ import annotations

import pygame

from game.ui.keymap import Act
from game.ui.screens.progress import ProgressScene
from tests.ui.pilot import Pilot, Player, play_stage, start_scenario


def open_progress(pilot: Pilot) -> ProgressScene:
    pilot.do(Act.PAUSE, frames=2)
    while pilot.name != "title":
        pilot.do(Act.BACK, frames=2)
    pilot.click_label("Your practice over time", frames=2)
    assert pilot.name == "progress"
    return pilot.top


def test_a_solo_run_appears_with_its_chart_and_ending() -> None:
    pilot = Pilot()
    player = Player(pilot, "keyboard")
    start_scenario(player, "example", "solo", anti_model=False)
    play_stage(player, {"public_telling_off": 0, "office_talk": 1})
    assert pilot.name == "debrief"
    pilot.click_label("Back to title", frames=2)
    assert pilot.name == "title"
    progress = open_progress(pilot)
    example = next(i for i, e in enumerate(progress.entries) if e.id == "example")
    while progress.menu.focus != example:
        pilot.do(Act.DOWN)
    runs = progress._history["example"]
    assert [r.ending for r in runs] == ["supported"]
    # the latest run's hatched fill is drawn in the chart area; a scenario with no runs
    # shows only the panel, so the two pictures differ there
    box = progress._chart_box()
    with_runs = pygame.image.tobytes(pilot.pixels().subsurface(box), "RGB")
    pilot.do(Act.UP)  # the sample is listed last: the one above it has no runs
    assert not progress._history[progress.entries[progress.menu.focus].id]
    without = pygame.image.tobytes(pilot.pixels().subsurface(box), "RGB")
    assert with_runs != without


def test_no_runs_yet_says_so_and_enter_practises_the_scenario() -> None:
    pilot = Pilot()
    progress = open_progress(pilot)
    assert all(not runs for runs in progress._history.values())
    pilot.do(Act.CONFIRM, frames=2)
    assert pilot.name == "mode"
