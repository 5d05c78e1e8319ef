"""Every screen compared with a stored picture, within a tolerance.

Pixel-exact comparison breaks across platforms (font hinting, anti-aliasing), so both
pictures are shrunk to 160x90 and compared by their mean difference per channel: a moved
panel, a missing card or a changed palette fails; a glyph rendered a pixel differently
does not. Animation is off (text appears whole). To accept a deliberate change of look,
regenerate the references with `FF_REGEN_GOLDEN=1 .venv/bin/python -m pytest
tests/ui/test_screens_golden.py` and look at the new PNGs in tests/ui/golden/ before
committing them.
"""

from __future__ import annotations

import os
from pathlib import Path

import pygame
import pytest

from tests.ui.pilot import Pilot, tour

GOLDEN = Path(__file__).resolve().parent / "golden"
REGENERATE = os.environ.get("FF_REGEN_GOLDEN") == "1"
SIZE = (1024, 576)
THUMB = (160, 90)
#: References are stored at this size: big enough to look at, small enough to keep in git.
STORED = (512, 288)
#: Mean absolute difference per channel (0-255) allowed between a screen and its reference.
TOLERANCE = 4.0


def mean_difference(a: pygame.Surface, b: pygame.Surface) -> float:
    """Mean |a - b| over every channel of two pictures shrunk to THUMB."""
    small_a = pygame.transform.smoothscale(a.convert(24), THUMB)
    small_b = pygame.transform.smoothscale(b.convert(24), THUMB)
    raw_a = pygame.image.tobytes(small_a, "RGB")
    raw_b = pygame.image.tobytes(small_b, "RGB")
    return sum(abs(x - y) for x, y in zip(raw_a, raw_b, strict=True)) / len(raw_a)


def test_mean_difference_sees_a_changed_screen() -> None:
    """The measure itself: identical is 0, a panel moved across the screen is well over."""
    pygame.display.init()
    pygame.display.set_mode((8, 8))
    base = pygame.Surface(SIZE)
    base.fill((20, 20, 30))
    moved = base.copy()
    pygame.draw.rect(base, (250, 250, 240), (100, 100, 400, 200))
    pygame.draw.rect(moved, (250, 250, 240), (500, 300, 400, 200))
    assert mean_difference(base, base) == 0
    assert mean_difference(base, moved) > TOLERANCE


#: Every screen the tour shows, in order: each has a reference image in golden/.
SCREENS = (
    "title",
    "picker",
    "mode",
    "notice",
    "anti_model",
    "stage",
    "stage_hint",
    "freeze",
    "hotseat",
    "thought",
    "redirect",
    "feedback",
    "decision",
    "pause",
    "ending",
    "debrief_outcome",
    "debrief_criteria",
    "debrief_timeline",
    "debrief_discuss",
    "settings",
    "progress",
)


@pytest.fixture(scope="module")
def screens() -> dict[str, pygame.Surface]:
    pilot = Pilot(SIZE)
    return {name: pilot.app.screen.copy() for name in tour(pilot)}


def test_the_tour_visits_every_screen(screens) -> None:
    assert tuple(screens) == SCREENS


@pytest.mark.parametrize("name", SCREENS)
def test_screen_matches_its_reference(screens, name: str) -> None:
    path = GOLDEN / f"{name}.png"
    if REGENERATE:
        GOLDEN.mkdir(parents=True, exist_ok=True)
        pygame.image.save(pygame.transform.smoothscale(screens[name], STORED), str(path))
    assert path.is_file(), f"no reference for {name}: run with FF_REGEN_GOLDEN=1 and review it"
    difference = mean_difference(screens[name], pygame.image.load(str(path)))
    assert difference <= TOLERANCE, f"{name} differs from {path.name} by {difference:.2f}"
