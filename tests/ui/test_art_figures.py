"""The cast: each emotion a different face, looks that differ, the speaker outlined."""

import itertools
import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame
import pytest

from game.story.model import EMOTIONS, LOOK_VALUES
from game.ui.art.figures import ASPECT, FigurePainter, default_look
from game.ui.theme import make_theme

THEME = make_theme()
LOOK = {"skin": "medium", "hair": "brown", "hair_style": "short", "outfit": "nurse"}


def differing_pixels(a: pygame.Surface, b: pygame.Surface, area: pygame.Rect) -> int:
    pa = pygame.image.tobytes(a.subsurface(area), "RGBA")
    pb = pygame.image.tobytes(b.subsurface(area), "RGBA")
    return sum(pa[i : i + 4] != pb[i : i + 4] for i in range(0, len(pa), 4))


@pytest.fixture(scope="module")
def painter():
    return FigurePainter()


def test_each_emotion_draws_a_different_face(painter):
    height = 300
    faces = {e: painter.get("jo", LOOK, e, height, THEME).whole() for e in EMOTIONS}
    face_area = pygame.Rect(0, 0, round(height * ASPECT), round(height * 0.33))
    for a, b in itertools.combinations(EMOTIONS, 2):
        assert differing_pixels(faces[a], faces[b], face_area) > 150, (a, b)


def test_figure_has_the_requested_height_and_is_cached(painter):
    fig = painter.get("jo", LOOK, "happy", 240, THEME)
    assert fig.size == (round(240 * ASPECT), 240)
    assert fig.whole().get_height() == 240
    assert painter.get("jo", dict(LOOK), "happy", 240, THEME) is fig


def test_a_figure_keeps_only_its_paint_and_lays_it_where_the_whole_frame_would(painter):
    fig = painter.get("jo", LOOK, "neutral", 300, THEME)
    whole = fig.whole()
    assert fig.image.get_width() * fig.image.get_height() < 0.8 * fig.size[0] * fig.size[1]
    stage = pygame.Surface((600, 400))
    stage.fill((40, 60, 80))
    by_image, by_whole = stage.copy(), stage.copy()
    by_image.blit(fig.image, fig.rect(midbottom=(300, 380)))
    by_whole.blit(whole, whole.get_rect(midbottom=(300, 380)))
    assert pygame.image.tobytes(by_image, "RGB") == pygame.image.tobytes(by_whole, "RGB")


def test_every_look_value_changes_the_figure(painter):
    base = painter.get("jo", LOOK, "neutral", 200, THEME).whole()
    whole = base.get_rect()
    for key, values in LOOK_VALUES.items():
        for value in values:
            if value == LOOK[key]:
                continue
            other = painter.get("jo", {**LOOK, key: value}, "neutral", 200, THEME).whole()
            assert differing_pixels(base, other, whole) > 30, (key, value)


def test_default_look_is_stable_valid_and_differs_between_characters():
    looks = {cid: default_look(cid) for cid in ("tom", "karen", "rep", "hr", "manager")}
    assert default_look("tom") == looks["tom"]
    for look in looks.values():
        assert all(look[k] in values for k, values in LOOK_VALUES.items())
    assert len({tuple(sorted(look.items())) for look in looks.values()}) > 1


def test_given_look_values_are_kept_and_bad_ones_replaced():
    look = default_look("jo", {"skin": "dark", "outfit": "tuxedo"})
    assert look["skin"] == "dark"
    assert look["outfit"] in LOOK_VALUES["outfit"]


def test_speaker_highlight_rings_the_figure_in_the_accent_colour(painter):
    ring = 6
    plain = painter.get("jo", LOOK, "neutral", 200, THEME)
    ringed = painter.highlighted("jo", LOOK, "neutral", 200, THEME, ring)
    assert ringed.size == (plain.size[0] + 2 * ring, plain.size[1] + 2 * ring)
    lit = ringed.whole()
    accent = [
        (x, y)
        for y in range(0, lit.get_height(), 2)
        for x in range(0, lit.get_width(), 2)
        if tuple(lit.get_at((x, y)))[:3] == THEME.accent
    ]
    assert len(accent) > 100
