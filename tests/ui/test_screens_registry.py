"""Screens by name: every registered screen exists under its own name, and once the registry
has preloaded them, playing imports nothing inside a frame (not even the first buzz)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pygame
import pytest

from game.story.views import Phase
from game.ui.keymap import Act
from game.ui.screens import registry
from tests.ui.pilot import Pilot, Player, start_scenario

SCREENS_DIR = Path(registry.__file__).parent


@pytest.mark.parametrize("name", sorted(registry.SCREENS))
def test_each_registered_screen_is_a_scene_of_that_name(name: str) -> None:
    assert registry.scene_class(name).name == name


def test_an_unknown_screen_is_named_in_the_error() -> None:
    with pytest.raises(KeyError, match="no screen called 'nowhere'; screens: title"):
        registry.scene_class("nowhere")


def test_no_screen_imports_another_inside_a_function() -> None:
    """Screens open each other by name: no function-level import of a screen module."""
    found = []
    for path in sorted(SCREENS_DIR.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for func in ast.walk(tree):
            if isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
                found += [
                    f"{path.name}:{node.lineno}"
                    for node in ast.walk(func)
                    if isinstance(node, ast.Import | ast.ImportFrom)
                ]
    assert found == []


def test_after_preload_a_whole_run_imports_nothing() -> None:
    pilot = Pilot()
    registry.preload()
    before = set(sys.modules)
    player = Player(pilot, "keyboard")
    start_scenario(player, "example", "solo", anti_model=False)
    pilot.do(Act.BUZZ)  # the first buzz of the process used to import the freeze menu
    player.pick_key(pilot.top.menu, "hotseat")
    player.pick(pilot.top.menu, 0)
    pilot.do(Act.CONFIRM)
    player.pick_key(pilot.top.menu, "rewind")
    pilot.do(Act.BACK)
    player.pick_key(pilot.top.menu, "resume")
    for _ in range(200):
        if pilot.name == "debrief":
            break
        if pilot.name == "stage" and pilot.phase is Phase.DECIDING:
            player.pick(pilot.stage.cards, 0)
        else:
            pilot.do(Act.CONFIRM)  # next line, feedback read, the ending read
    assert pilot.name == "debrief"
    assert set(sys.modules) - before == set()


def test_once_on_stage_a_whole_run_loads_no_font(monkeypatch: pytest.MonkeyPatch) -> None:
    """The stage loads the fonts it fits words at before its first line: no frame of the
    run, the freeze pages included, waits for a font file."""
    pilot = Pilot()
    player = Player(pilot, "keyboard")
    start_scenario(player, "example", "solo", anti_model=False)
    loaded: list[tuple] = []
    real = pygame.font.Font

    def counting(*args: object) -> pygame.font.Font:
        loaded.append(args)
        return real(*args)

    monkeypatch.setattr(pygame.font, "Font", counting)
    pilot.do(Act.BUZZ)
    player.pick_key(pilot.top.menu, "hotseat")
    player.pick(pilot.top.menu, 0)
    pilot.do(Act.CONFIRM)
    player.pick_key(pilot.top.menu, "resume")
    for _ in range(200):
        if pilot.name != "stage":
            break
        if pilot.phase is Phase.DECIDING:
            player.pick(pilot.stage.cards, 0)
        else:
            pilot.do(Act.CONFIRM)
    assert pilot.name in ("feedback", "debrief")
    assert loaded == []
