"""The text cache: bounded, hit on repeats, wrapping and fitting as the widgets need."""

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame
import pytest

from game.ui.bubbles import revealed
from game.ui.text import FONT_DIR, TextRenderer

WHITE = (255, 255, 255)


@pytest.fixture(scope="module", autouse=True)
def fonts():
    pygame.font.init()
    yield


def test_fonts_ship_with_their_licence():
    assert sorted(p.name for p in FONT_DIR.glob("*.ttf")) == [
        "AtkinsonHyperlegible-Bold.ttf",
        "AtkinsonHyperlegible-BoldItalic.ttf",
        "AtkinsonHyperlegible-Italic.ttf",
        "AtkinsonHyperlegible-Regular.ttf",
    ]
    assert "SIL Open Font License" in (FONT_DIR / "OFL.txt").read_text(encoding="utf-8")


def test_repeat_render_is_a_cache_hit_returning_the_same_surface():
    text = TextRenderer()
    first = text.render("Are you OK?", 40, WHITE)
    second = text.render("Are you OK?", 40, WHITE)
    assert first is second
    assert (text.hits, text.misses) == (1, 1)


def test_every_pixel_changing_input_is_part_of_the_key():
    text = TextRenderer()
    base = text.render("Are you OK?", 40, WHITE)
    variants = [
        text.render("Are you OK?", 41, WHITE),
        text.render("Are you OK?", 40, (255, 0, 0)),
        text.render("Are you OK?", 40, WHITE, bold=True),
        text.render("Are you OK?", 40, WHITE, italic=True),
        text.render("Are you OK?", 40, WHITE, width=60),
    ]
    assert all(v is not base for v in variants)
    assert text.misses == 6


def test_cache_is_bounded_and_evicts_the_least_recently_used():
    text = TextRenderer(max_entries=3)
    keep = text.render("keep", 30, WHITE)
    for word in ("a", "b"):
        text.render(word, 30, WHITE)
    assert text.render("keep", 30, WHITE) is keep  # used again: now the most recent
    for word in ("c", "d", "e"):
        text.render(word, 30, WHITE)
    assert len(text) == 3
    assert text.render("keep", 30, WHITE) is not keep  # evicted after three newer ones


def test_fonts_load_once_per_size_and_style():
    text = TextRenderer()
    assert text.font(40) is text.font(40)
    assert text.font(40, bold=True) is not text.font(40)


def test_width_wraps_into_more_lines():
    text = TextRenderer()
    one_line = text.render("Thank you for telling me about your dad", 40, WHITE)
    wrapped = text.render("Thank you for telling me about your dad", 40, WHITE, width=300)
    assert wrapped.get_width() <= 300
    assert wrapped.get_height() >= 2 * one_line.get_height()


def test_fit_shrinks_long_text_into_the_height_but_not_below_the_minimum():
    text = TextRenderer()
    long = "Issue a first written warning under the attendance policy. " * 4
    fitted = text.fit(long, 48, WHITE, width=500, height=200, min_size=12)
    assert fitted.get_height() <= 200
    assert text.fit_size(long, 48, width=500, height=200, min_size=12) < 48
    assert text.fit_size("OK", 48, width=500, height=200) == 48
    assert text.fit_size(long * 10, 48, width=100, height=10, min_size=20) == 20


def test_revealed_text_shows_whole_words_so_nothing_jumps_lines():
    says = "Sorry, sorry. The bus didn't come."
    assert revealed(says, 0) == ""
    assert revealed(says, 2) == "Sorry,"
    assert revealed(says, 6) == "Sorry,"
    assert revealed(says, 8) == "Sorry, sorry."
    assert revealed(says, 999) == says


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_a_long_role_wraps_onto_a_second_line_instead_of_shrinking(size) -> None:
    from types import SimpleNamespace

    from game.ui.art.stage import role_extra
    from game.ui.layout import Layout

    lay, text = Layout(*size), TextRenderer()
    width = lay.label_slots(4)[0].w
    role_size = round(lay.small_size * 0.85)
    long = SimpleNamespace(role="Estates operations manager, Tom's line manager (you)")
    extra = role_extra(long, width, lay, text)
    assert extra > 0
    # Two lines of the role fit the taller label at the usual role size (no shrinking).
    inside = lay.label_rect.h - 2 * lay.px(6)
    room = inside - inside // 2 + extra
    wanted = text.measure(long.role, role_size, width=width - 2 * lay.px(14))[1]
    assert wanted <= room and wanted > text.line_height(role_size)
    assert role_extra(SimpleNamespace(role="Ward manager"), width, lay, text) == 0
