"""Widgets: option cards, the chart, bubbles, buttons and the freeze overlay, by their pixels."""

import os
from dataclasses import dataclass

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame
import pytest
from pygame import Rect

from game.records.chart import signed
from game.story.views import CriterionResult
from game.ui.art.stage import StageArt, speaker_anchor
from game.ui.bubbles import draw_speech_bubble, draw_thought_bubble
from game.ui.cards import draw_option_cards
from game.ui.chart import draw_criteria_chart
from game.ui.layout import Layout
from game.ui.text import TextRenderer
from game.ui.theme import make_theme
from game.ui.widgets import compose_freeze_overlay, draw_button, freeze_overlay

LAY = Layout(1280, 720)
THEME = make_theme()


@dataclass(frozen=True)
class Opt:
    says: str
    available: bool = True
    locked_reason: str = ""


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    role: str
    emotion: str = "neutral"
    is_manager: bool = False
    speaking: bool = False
    look: dict | None = None
    played: bool = False


@pytest.fixture(scope="module")
def text():
    pygame.font.init()
    return TextRenderer()


def blank() -> pygame.Surface:
    surface = pygame.Surface(LAY.size)
    surface.fill(THEME.stage_bg)
    return surface


def crop(surface: pygame.Surface, rect: Rect) -> bytes:
    return pygame.image.tobytes(surface.subsurface(rect), "RGB")


def count(surface: pygame.Surface, rect: Rect, colour) -> int:
    return sum(
        1
        for y in range(rect.y, rect.bottom)
        for x in range(rect.x, rect.right)
        if tuple(surface.get_at((x, y)))[:3] == colour
    )


@pytest.mark.parametrize("n", [2, 3, 4])
def test_option_cards_return_one_hit_rect_per_option_inside_the_area(text, n):
    options = [Opt(f"Option number {i}") for i in range(n)]
    area = LAY.card_grid_rect
    hits = draw_option_cards(blank(), area, options, 0, theme=THEME, layout=LAY, text=text)
    assert len(hits) == n
    assert all(area.contains(h) for h in hits)
    for i, a in enumerate(hits):
        for b in hits[i + 1 :]:
            assert not a.colliderect(b)


def test_a_locked_card_looks_different_from_an_open_one(text):
    area = LAY.card_grid_rect
    open_s, locked_s = blank(), blank()
    say = "Ask about his mum's fall."
    hits = draw_option_cards(
        open_s, area, [Opt("a"), Opt(say)], None, theme=THEME, layout=LAY, text=text
    )
    draw_option_cards(
        locked_s,
        area,
        [Opt("a"), Opt(say, False, "ask how he is first")],
        None,
        theme=THEME,
        layout=LAY,
        text=text,
    )
    assert crop(open_s, hits[0]) == crop(locked_s, hits[0])
    assert crop(open_s, hits[1]) != crop(locked_s, hits[1])
    assert count(locked_s, hits[1], THEME.locked) > count(open_s, hits[1], THEME.locked)


def test_focus_draws_a_ring_around_the_focused_card_only(text):
    area = LAY.card_grid_rect
    options = [Opt("a"), Opt("b")]
    first, second = blank(), blank()
    hits = draw_option_cards(first, area, options, 0, theme=THEME, layout=LAY, text=text)
    draw_option_cards(second, area, options, 1, theme=THEME, layout=LAY, text=text)
    ring = LAY.focus_width + LAY.outline
    assert count(first, hits[0].inflate(2 * ring, 2 * ring), THEME.accent) > count(
        second, hits[0].inflate(2 * ring, 2 * ring), THEME.accent
    )


def test_chart_bar_lengths_follow_the_values(text):
    surface = blank()
    rows = [
        CriterionResult("a", "one", 0.25, 1),
        CriterionResult("b", "two", 0.5, 1),
        CriterionResult("c", "four", 1.0, 1),
        CriterionResult("d", "none", 0.0, 1),
    ]
    chart = draw_criteria_chart(
        surface, LAY.card_grid_rect, rows, theme=THEME, layout=LAY, text=text
    )
    tracks = [b for b in chart.boxes if b.style == "best"][1:]  # after the key's swatch
    assert len(tracks) == 4
    origin = LAY.card_grid_rect.topleft
    good = [
        count(surface, Rect(origin[0] + t.x, origin[1] + t.y + t.h // 2, t.w, 1), THEME.good)
        for t in tracks
    ]
    assert 0 < good[0] < good[1] < good[2]
    assert 3 < good[2] / good[0] < 5  # proportional, allowing for the hatching
    assert good[3] == 0


def test_signed_numbers_always_carry_their_sign():
    assert (signed(3), signed(0), signed(-2)) == ("+3", "0", "\u22122")


def test_speech_bubble_reveals_more_ink_as_more_characters_show(text):
    says = "Sorry, sorry. The bus didn't come, and then the next one was full."
    inks = []
    for shown in (0, 20, len(says)):
        surface = blank()
        draw_speech_bubble(
            surface,
            LAY.bubble_rect,
            "Jo",
            says,
            shown,
            "Hurrying in",
            tail=(400, LAY.cast_rect.y),
            theme=THEME,
            layout=LAY,
            text=text,
        )
        inks.append(count(surface, LAY.bubble_rect, THEME.panel_text))
    assert inks[0] < inks[1] < inks[2]


def test_thought_and_speech_bubbles_differ_in_shape_not_only_colour(text):
    speech, thought = blank(), blank()
    kwargs = dict(theme=THEME, layout=LAY, text=text, tail=(400, LAY.cast_rect.y))
    draw_speech_bubble(speech, LAY.bubble_rect, "Jo", "Hello", 99, **kwargs)
    draw_thought_bubble(thought, LAY.bubble_rect, "Jo", "Hello", 99, **kwargs)
    # The speech bubble's straight top edge is panel colour all along; the cloud's is scalloped.
    r = LAY.bubble_rect
    row = Rect(r.x + LAY.radius, r.y + LAY.outline + 1, r.w - 2 * LAY.radius, 1)
    assert count(speech, row, THEME.panel) > 0.5 * row.w
    assert count(thought, row, THEME.thought) < 0.9 * row.w
    assert count(thought, r, THEME.thought) > 0


def test_stage_marks_the_speaker_and_labels_everyone(text):
    art = StageArt()
    quiet = [
        Actor("jo", "Jo", "HCA"),
        Actor("alex", "Alex", "Manager", is_manager=True, played=True),
    ]
    speaking = [Actor("jo", "Jo", "HCA", "anxious", speaking=True), quiet[1]]
    a = art.compose("ward", quiet, theme=THEME, layout=LAY, text=text)
    b = art.compose("ward", speaking, theme=THEME, layout=LAY, text=text)
    label = LAY.label_slots(2)[0]
    assert count(b, label, THEME.accent) > count(a, label, THEME.accent) + 100
    assert speaker_anchor(LAY, speaking) == (
        LAY.cast_slots(2)[0].centerx,
        LAY.cast_slots(2)[0].y + LAY.px(6),
    )
    assert speaker_anchor(LAY, quiet) is None


@pytest.mark.parametrize("compact", [True, False])
@pytest.mark.parametrize("high_contrast", [False, True])
def test_the_kept_freeze_overlay_lays_exactly_the_whole_overlays_pixels(
    text, compact, high_contrast
):
    """The stage keeps the overlay as its dimming and the tiles that differ: laid over a
    picture, every pixel must be the one the whole overlay gives, in a small share of its
    memory."""
    theme = make_theme(high_contrast=high_contrast)
    lay = Layout(1025, 577)  # not a whole number of tiles either way
    picture = StageArt().backdrops.get("ward", lay.size, theme)
    whole = compose_freeze_overlay(theme=theme, layout=lay, text=text, compact=compact)
    kept = freeze_overlay(theme=theme, layout=lay, text=text, compact=compact)
    by_whole, by_kept = picture.copy(), picture.copy()
    by_whole.blit(whole, (0, 0))
    kept.blit_onto(by_kept)
    assert pygame.image.tobytes(by_kept, "RGB") == pygame.image.tobytes(by_whole, "RGB")
    held = sum(piece.get_width() * piece.get_height() for piece, _ in kept.pieces)
    assert held < 0.6 * lay.width * lay.height


def test_button_returns_its_rect_and_shows_focus(text):
    rect = Rect(100, 100, 300, 80)
    plain, focused = blank(), blank()
    assert draw_button(plain, rect, "Resume", theme=THEME, layout=LAY, text=text) == rect
    draw_button(focused, rect, "Resume", focused=True, theme=THEME, layout=LAY, text=text)
    around = rect.inflate(40, 40)
    assert count(focused, around, THEME.accent) > count(plain, around, THEME.accent)


def test_freeze_overlay_dims_frames_and_says_freeze(text):
    overlay = compose_freeze_overlay(theme=THEME, layout=LAY, text=text)
    assert overlay.get_size() == LAY.size
    assert overlay.get_at((LAY.width // 2, LAY.height - LAY.px(200))).a == THEME.dim_alpha
    assert tuple(overlay.get_at((LAY.px(22), LAY.height // 2)))[:3] == THEME.freeze
    compact = compose_freeze_overlay(theme=THEME, layout=LAY, text=text, compact=True)
    middle = Rect(0, LAY.cast_rect.y - LAY.px(60), LAY.width, LAY.px(120))
    assert count(overlay, middle, THEME.freeze) > count(compact, middle, THEME.freeze)


@pytest.mark.parametrize("count", [2, 3, 5])
def test_a_change_of_speaker_repaints_only_its_columns_to_the_same_picture(text, count):
    """The set is painted again only where the actors whose look changed stand (the busiest
    frame of the stage): the picture must be the one a whole repaint gives, pixel for pixel,
    neighbours' spotlights and labels included."""
    cast = [
        Actor(f"p{i}", f"Person {i}", "Healthcare assistant, Band 3", speaking=i == 0)
        for i in range(count)
    ]
    after = [
        Actor(a.id, a.name, a.role, "upset" if i == count - 1 else a.emotion, speaking=i == 1)
        for i, a in enumerate(cast)
    ]
    art = StageArt()
    picture = art.compose("ward", cast, theme=THEME, layout=LAY, text=text)
    changed = [0, 1, count - 1]
    art.compose("ward", after, theme=THEME, layout=LAY, text=text, into=picture, changed=changed)
    whole = art.compose("ward", after, theme=THEME, layout=LAY, text=text)
    assert picture.get_clip() == picture.get_rect()
    assert pygame.image.tobytes(picture, "RGB") == pygame.image.tobytes(whole, "RGB")
    assert pygame.image.tobytes(picture, "RGB") != pygame.image.tobytes(
        art.compose("ward", cast, theme=THEME, layout=LAY, text=text), "RGB"
    )
