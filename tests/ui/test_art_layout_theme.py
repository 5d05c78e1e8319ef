"""Layout proportions and palettes: readable sizes, the projector-safe area, every palette."""

import itertools
import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.story.model import EMOTIONS
from game.ui.layout import MAX_SIZE, MIN_SIZE, Layout
from game.ui.theme import PALETTES, Theme, make_theme

SIZES = [MIN_SIZE, (1280, 720), (1366, 768), (1920, 1080), (2560, 1440), MAX_SIZE]


def test_body_text_is_at_least_36px_at_1080p_unless_the_user_asks_for_smaller():
    assert Layout(1920, 1080).body_size >= 36
    assert Layout(1920, 1080).speech_size > Layout(1920, 1080).body_size
    assert Layout(1920, 1080, 0.8).small_size >= 24  # the smallest labels still carry


def test_text_grows_with_window_height_and_text_scale():
    assert Layout(3840, 2160).body_size > Layout(1920, 1080).body_size > Layout(1024, 576).body_size
    assert Layout(1920, 1080, 1.6).body_size > Layout(1920, 1080, 1.0).body_size


def test_text_scale_is_clamped_to_its_range():
    assert Layout(1920, 1080, 9.0).text_scale == 1.6
    assert Layout(1920, 1080, 0.1).text_scale == 0.8


@pytest.mark.parametrize("size", SIZES)
def test_safe_rect_leaves_out_the_bottom_tenth(size):
    lay = Layout(*size)
    assert lay.safe_rect.bottom <= 0.9 * lay.height
    assert lay.screen_rect.contains(lay.safe_rect)


@given(
    st.integers(MIN_SIZE[0], MAX_SIZE[0]),
    st.integers(MIN_SIZE[1], MAX_SIZE[1]),
    st.floats(0.8, 1.6),
    st.integers(1, 4),
)
def test_every_region_is_valid_and_inside_the_safe_area(width, height, scale, cast):
    lay = Layout(width, height, scale)
    safe = lay.safe_rect
    for rect in (
        lay.header_rect,
        lay.bubble_rect,
        lay.cast_rect,
        lay.label_rect,
        lay.prompt_rect,
        lay.card_grid_rect,
        lay.menu_rect,
    ):
        assert rect.w > 0 and rect.h > 0
        assert safe.contains(rect), (rect, safe)
    slots, labels = lay.cast_slots(cast), lay.label_slots(cast)
    assert len(slots) == len(labels) == cast
    for a, b in itertools.pairwise(slots):
        assert a.right <= b.x, "figures must not overlap"
    for a, b in itertools.pairwise(labels):
        assert a.right < b.x, "labels must not touch"
    assert all(safe.contains(r) for r in slots + labels)
    assert lay.bubble_rect.bottom <= lay.cast_rect.y, "the bubble sits above the heads"


def test_make_theme_picks_palettes_and_high_contrast_wins():
    assert make_theme().name == "default"
    assert make_theme(colour_blind_safe=True).name == "colour_blind_safe"
    assert make_theme(high_contrast=True).name == "high_contrast"
    assert make_theme(high_contrast=True, colour_blind_safe=True).name == "high_contrast"


@pytest.mark.parametrize("theme", list(PALETTES.values()), ids=list(PALETTES))
def test_every_palette_colours_every_emotion_and_separates_good_from_bad(theme: Theme):
    assert set(theme.emotion) == set(EMOTIONS)
    assert theme.good != theme.bad
    assert theme.panel != theme.panel_text and theme.stage_bg != theme.text


def _luminance(c):
    def channel(v):
        v /= 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(x) for x in c)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a, b):
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("theme", list(PALETTES.values()), ids=list(PALETTES))
def test_text_contrast_meets_wcag_aaa_on_stage_and_panels(theme: Theme):
    assert _contrast(theme.text, theme.stage_bg) >= 7
    assert _contrast(theme.panel_text, theme.panel) >= 7
    assert _contrast(theme.accent_text, theme.accent) >= 7
    assert _contrast(theme.button_text, theme.button) >= 4.5


def test_high_contrast_is_black_white_and_yellow():
    hc = make_theme(high_contrast=True)
    allowed = {(0, 0, 0), (255, 255, 255), (255, 255, 0)}
    for colour in (hc.stage_bg, hc.text, hc.panel, hc.panel_text, hc.accent, hc.outline):
        assert colour in allowed
