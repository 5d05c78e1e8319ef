"""One criteria-chart geometry (issue 9): the debrief screen, the handout's SVG and its PNG
are laid out by `game.records.chart.layout` and agree on what goes where."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame
import pytest

from game.records import chart as charts
from game.story.views import CriterionResult
from game.ui.chart import PAPER_INKS, paint, screen_chart
from game.ui.chart_png import render
from game.ui.layout import Layout
from game.ui.settings import Settings
from game.ui.text import TextRenderer
from tests.ui.pilot import Pilot, tour
from tests.ui.textcheck import TextSpy, text_on_screen

CRITERIA = (
    CriterionResult("compassion", "Compassion and wellbeing", 1.0, 2),
    CriterionResult("safety", "Safety", 0.0, 0),  # not tested: named, never drawn
    CriterionResult("conversation", "Constructive conversation", 0.25, 3),
    CriterionResult("ownership", "Ownership", 2 / 3, 1),
    CriterionResult("learning", "Learning", 0.0, 2),
)


def rows(chart: charts.Chart) -> list[tuple[str, str, float]]:
    """Per drawn criterion, top to bottom: its name, its number, and how far along its
    track this run's bar reaches (0 to 1)."""
    tracks = [b for b in chart.boxes if b.style == "best"][1:]  # after the key's swatch
    bars = {b.y: b for b in chart.boxes if b.style == "run"}
    bold = [label for label in chart.labels if label.style == "bold"]
    found = []
    for track in tracks:
        bar = bars.get(track.y)
        assert bar is None or bar.x == track.x  # every bar starts at its track's start
        on_row = [lb for lb in bold if track.y <= lb.y <= track.y + track.h + lb.size]
        name = next(lb.text for lb in on_row if lb.x < track.x)
        number = next(lb.text for lb in on_row if lb.x > track.x + track.w)
        found.append((name, number, round((bar.w if bar else 0) / track.w, 3)))
    return found


@pytest.fixture(scope="module")
def text() -> TextRenderer:
    pygame.font.init()
    return TextRenderer()


@pytest.mark.parametrize(
    ("size", "scale"), [((1920, 1080), 1.0), ((1024, 768), 1.6), ((3840, 2160), 1.3)]
)
def test_screen_and_paper_place_the_same_rows(text, size, scale) -> None:
    lay = Layout(*size, text_scale=scale)
    screen = screen_chart(CRITERIA, lay, text, lay.safe_rect.w)
    paper = charts.layout(CRITERIA)
    expected = [(c.name, f"{c.value}%", round(c.fraction, 3)) for c in CRITERIA if c.tested]
    assert rows(paper) == expected
    assert rows(screen) == expected
    # One key on both, the same two marks (the screen may take the short wording).
    for chart in (paper, screen):
        words = {label.text for label in chart.labels}
        assert charts.LEGEND_RUN in words
        assert words & {charts.LEGEND_BEST, charts.LEGEND_BEST_SHORT}
    # Every criterion's name at one size, on paper and on screen, never under the floor.
    names = {c.name for c in CRITERIA}
    sizes = {lb.size for lb in screen.labels if lb.text in names}
    assert sizes == {lay.small_size} and lay.small_size >= lay.floor_size


def test_the_png_is_the_same_paint_as_the_screen(text) -> None:
    chart = charts.layout(CRITERIA, "Heading")
    png = render(chart, text, scale=1)
    again = pygame.Surface(png.get_size())
    again.fill((255, 255, 255))
    paint(again, chart, PAPER_INKS, text)
    assert pygame.image.tobytes(png, "RGB") == pygame.image.tobytes(again, "RGB")


def test_the_svg_draws_the_layouts_boxes() -> None:
    chart = charts.layout(CRITERIA)
    svg = charts.to_svg(chart)
    assert svg.count("<rect ") == len(chart.boxes) + 1  # and the hatch pattern's own
    assert "Safety" in svg and "Not tested by this scenario: Safety" in svg


@pytest.mark.parametrize("size", [(1024, 576), (1024, 768), (1920, 1080)])
def test_on_the_debrief_every_criterion_name_is_one_size_at_160(size) -> None:
    pilot = Pilot(size, settings=Settings(auto_advance=False, text_scale=1.6))
    spy = TextSpy(pilot.app)
    for name in tour(pilot):
        if name == "debrief_criteria":
            break
    debrief = pilot.top
    names = {c.name for c in debrief.result.criteria if c.tested}
    seen: dict[str, int] = {}
    for _ in range(len(names)):
        for placed in text_on_screen(pilot.app, spy):
            if placed.text in names:
                seen[placed.text] = placed.size
        pilot.key(pygame.K_DOWN)
    assert set(seen) == names  # every row reached, scrolling where the page is short
    assert set(seen.values()) == {pilot.app.layout.small_size}
