"""The cast, drawn in code: one flat-illustration figure per (look, emotion, height).

A figure is a standing person facing the audience, with a large head (so the face carries
on a projector), an outfit from `LOOK_VALUES["outfit"]`, and a posture for the emotion
(hands on hips when angry, hand to chin when thoughtful, clasped hands when anxious, ...), so
emotion reads from the silhouette as well as the face.

Usage::

    figures = FigurePainter()
    look = {"skin": "dark", "outfit": "scrubs"}
    surf = figures.get("jo", look, "anxious", lay.figure_height, theme)
    lit = figures.highlighted("jo", look, "anxious", lay.figure_height, theme, ring=lay.px(8))
    stage.blit(surf, surf.get_rect(midbottom=(slot.centerx, lay.floor_y)))

Missing look keys are filled from the character id, so two characters without a look still
differ, and the same character always looks the same. Results are cached (bounded).
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from dataclasses import dataclass

import pygame

from ...story.model import EMOTIONS, LOOK_VALUES
from ..cache import BoundedCache, surface_bytes
from ..theme import Theme
from .faces import SKIN, Head, draw_head
from .pen import SUPERSAMPLE, Colour, Pen, finish, shade

#: A figure's width as a share of its height (room for hands on hips).
ASPECT = 0.62
_CACHE_SIZE = 128
#: Figures kept at most (MiB): a script's cast in every mood it shows, plain, shaded and ringed
#: (at 1080p the largest shipped cast, `karen.yaml`'s, holds 38 MiB).
_CACHE_MIB = 40

# Outfit colours: a few per outfit so that two people in scrubs still differ; chosen by id.
_OUTFIT_COLOURS: dict[str, tuple[Colour, ...]] = {
    "suit": ((46, 56, 84), (58, 58, 64), (80, 62, 52)),
    "scrubs": ((40, 120, 140), (48, 84, 150), (110, 60, 100)),
    "nurse": ((28, 52, 120), (70, 130, 200)),
    "overalls": ((44, 70, 110), (60, 90, 70)),
    "casual": ((180, 90, 70), (90, 130, 90), (200, 150, 60), (110, 100, 160)),
    "cardigan": ((120, 90, 140), (160, 110, 80), (90, 120, 130)),
    "lanyard": ((150, 190, 220), (230, 230, 226), (200, 170, 190)),
}
_TROUSERS: dict[str, Colour] = {
    "casual": (62, 84, 120),
    "cardigan": (58, 56, 66),
    "lanyard": (72, 74, 84),
}
_SHIRT = (246, 246, 242)
_HIVIS = (214, 236, 60)
_NHS_BLUE = (0, 94, 184)
_SHOES = (48, 42, 44)
_SHADOW = (0, 0, 0, 80)  # translucent: the floor shows through
# Arms of each outfit: long sleeves, or short sleeves with the forearm bare.
_SHORT_SLEEVES = frozenset({"scrubs", "nurse", "overalls"})


@dataclass(frozen=True)
class Pose:
    """Elbow and hand of each arm (screen left, screen right), and how the body carries."""

    left: tuple[tuple[float, float], tuple[float, float]]
    right: tuple[tuple[float, float], tuple[float, float]]
    head_drop: float = 0.0  # positive: head bowed or hunched into the shoulders
    shoulder_drop: float = 0.0  # positive: slumped; negative: raised and tense


def _mirror(arm: tuple[tuple[float, float], tuple[float, float]]):
    (ex, ey), (hx, hy) = arm
    return ((-ex, ey), (-hx, hy))


_DOWN = ((-19.0, 48.0), (-20.0, 63.0))
_POSES: dict[str, Pose] = {
    "neutral": Pose(_DOWN, _mirror(_DOWN)),
    "anxious": Pose(((-18, 50), (-3, 55)), ((18, 50), (3, 56)), head_drop=1.5, shoulder_drop=-1.5),
    "angry": Pose(((-25, 46), (-15, 59)), ((25, 46), (15, 59))),
    "upset": Pose(((-17, 49), (-13, 64)), ((17, 49), (13, 64)), head_drop=3.0, shoulder_drop=1.5),
    "relieved": Pose(_DOWN, ((19, 50), (4, 40))),
    "happy": Pose(((-22, 45), (-25.5, 55)), ((22, 45), (25.5, 55))),
    "thoughtful": Pose(((-17, 50), (10, 52)), ((18, 50), (6, 29.5))),
}
assert set(_POSES) == set(EMOTIONS), "every emotion needs a pose"


def default_look(character_id: str, look: dict[str, str] | None = None) -> dict[str, str]:
    """`look` completed from the character id: stable across runs, different between ids.

    Unknown values are replaced too, so a typo in a script draws someone instead of failing.
    """
    look = dict(look or {})
    seed = zlib.crc32(character_id.encode("utf-8"))
    for i, (key, values) in enumerate(LOOK_VALUES.items()):
        if look.get(key) not in values:
            look[key] = values[(seed >> (i * 5)) % len(values)]
    return look


def _pick(options: tuple[Colour, ...], character_id: str) -> Colour:
    return options[zlib.crc32(character_id.encode("utf-8")) % len(options)]


def draw_figure(
    surface: pygame.Surface, character_id: str, look: dict[str, str], emotion: str, ink: Colour
) -> None:
    """Draw the figure filling `surface` (which should have the figure's aspect)."""
    height = surface.get_height()
    pen = Pen(
        surface, height / 100, ink, max(2, round(height / 110)), origin_x=surface.get_width() / 2
    )
    pose = _POSES.get(emotion, _POSES["neutral"])
    outfit = look["outfit"]
    top = _pick(_OUTFIT_COLOURS[outfit], character_id)
    legs = _TROUSERS.get(outfit, shade(top, 0.8) if outfit != "scrubs" else top)
    skin = SKIN[look["skin"]]
    sh = 30 + pose.shoulder_drop

    # Shadow on the floor, legs and shoes, then the body.
    pen.oval(0, 97.5, 19, 2.2, _SHADOW, outline=False)  # type: ignore[arg-type]
    for side in (-1, 1):
        pen.box(side * 1, 62, side * 12, 95, legs, radius=3)
        pen.oval(side * 7.5, 95.5, 7.5, 3, _SHOES)
    pen.box(-7, sh - 4, 7, sh + 3, skin, radius=2)  # neck
    torso_bottom = 67 if outfit not in {"nurse", "cardigan"} else 70
    pen.box(
        -16,
        sh,
        16,
        torso_bottom,
        top,
        border_top_left_radius=10,
        border_top_right_radius=10,
        border_bottom_left_radius=3,
        border_bottom_right_radius=3,
    )
    _outfit_details(pen, outfit, top, skin, sh, torso_bottom)

    # Arms: sleeve to the elbow, then sleeve or bare forearm, then the hand.
    forearm = skin if outfit in _SHORT_SLEEVES else top
    sleeve = _SHIRT if outfit == "overalls" else top
    for side, (elbow, hand) in ((-1, pose.left), (1, pose.right)):
        shoulder = (side * 13.0, sh + 5)
        pen.limb([shoulder, elbow], 8.5, forearm if outfit in _SHORT_SLEEVES else sleeve)
        pen.limb([elbow, hand], 7.5, forearm)
        if outfit in _SHORT_SLEEVES:
            pen.limb([shoulder, _towards(shoulder, elbow, 0.8)], 8.5, sleeve)
        if outfit == "nurse":  # white piping across the end of each short sleeve
            cx, cy = _towards(shoulder, elbow, 0.8)
            dx, dy = elbow[0] - shoulder[0], elbow[1] - shoulder[1]
            norm = max(1e-6, (dx * dx + dy * dy) ** 0.5)
            nx, ny = -dy / norm * 4.2, dx / norm * 4.2
            pen.stroke([(cx - nx, cy - ny), (cx + nx, cy + ny)], 1.4, _SHIRT)
        pen.oval(hand[0], hand[1], 4.2, 4.2, skin)

    head = Head(0, 17.5 + pose.head_drop, 11.5, 13)
    draw_head(pen, head, look["skin"], look["hair"], look["hair_style"], emotion)


def _towards(a: tuple[float, float], b: tuple[float, float], t: float) -> tuple[float, float]:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def _outfit_details(
    pen: Pen, outfit: str, top: Colour, skin: Colour, sh: float, bottom: float
) -> None:
    """What makes an outfit recognisable: collars, ties, pockets, piping, a lanyard."""
    dark = shade(top, 0.72)
    if outfit == "suit":
        pen.poly([(-6, sh), (6, sh), (0, sh + 14)], _SHIRT)
        pen.poly(
            [(-1.6, sh + 2), (1.6, sh + 2), (2.2, sh + 15), (0, sh + 18), (-2.2, sh + 15)],
            (150, 40, 50),
        )
        for side in (-1, 1):
            pen.poly(
                [(side * 6, sh), (side * 10, sh + 1), (side * 3.5, sh + 18), (0, sh + 14)], dark
            )
        pen.oval(0, sh + 26, 1.1, 1.1, dark, outline=False)
    elif outfit in {"scrubs", "nurse"}:
        trim = _SHIRT if outfit == "nurse" else dark
        pen.poly([(-6, sh), (6, sh), (0, sh + 9)], skin, outline=False)
        pen.stroke([(-6, sh), (0, sh + 9), (6, sh)], 1.4, trim)
        pen.box(5, sh + 10, 12, sh + 18, top, radius=1)
        if outfit == "nurse":
            pen.stroke([(-15.5, sh + 30), (15.5, sh + 30)], 1.6, _SHIRT)
            pen.oval(8.5, sh + 8, 2, 2, (210, 210, 210))  # fob watch
    elif outfit == "overalls":
        pen.box(-10, sh + 8, 10, bottom, top, radius=2)
        for side in (-1, 1):
            pen.stroke([(side * 8.5, sh + 9), (side * 11, sh + 1)], 2.4, top)
            pen.oval(side * 8.5, sh + 10, 1.2, 1.2, (200, 200, 200), outline=False)
        pen.box(-16, sh + 21, 16, sh + 25, _HIVIS, outline=False)
        pen.box(-5, sh + 13, 5, sh + 19, dark, radius=1)
    elif outfit == "casual":
        pen.arc(0, sh, 7, 4.5, 1.1 * 3.1416, 1.9 * 3.1416, 1.6, dark)
        pen.stroke([(-12, bottom - 3), (12, bottom - 3)], 1.6, dark)
    elif outfit == "cardigan":
        pen.box(-7, sh, 7, bottom - 1, _SHIRT, radius=2)
        for side in (-1, 1):
            pen.poly(
                [
                    (side * 7, sh),
                    (side * 4, sh + 10),
                    (side * 4, bottom - 1),
                    (side * 16, bottom - 1),
                    (side * 16, sh + 6),
                ],
                top,
            )
            for k in range(3):
                pen.oval(side * 5.2, sh + 14 + 8 * k, 0.9, 0.9, dark, outline=False)
    elif outfit == "lanyard":
        for side in (-1, 1):
            pen.poly([(side * 1, sh), (side * 7, sh - 1), (side * 5, sh + 5)], _SHIRT)
        pen.stroke([(-5.5, sh + 1), (0, sh + 17), (5.5, sh + 1)], 1.3, _NHS_BLUE)
        pen.box(-3.8, sh + 17, 3.8, sh + 26, _SHIRT, radius=0.8)
        pen.box(-3.8, sh + 17, 3.8, sh + 19.5, _NHS_BLUE, outline=False)


@dataclass(frozen=True)
class Figure:
    """A painted figure, kept as the part of its frame with paint in it: a figure's frame is
    a quarter empty (room for hands on hips), and a cast in every mood is tens of MB.

    `image` sits at `offset` in a frame of `size`; laying the image there gives exactly the
    pixels of the whole frame, since the rest of it is transparent.
    """

    image: pygame.Surface
    offset: tuple[int, int]
    size: tuple[int, int]

    @classmethod
    def crop(cls, whole: pygame.Surface) -> Figure:
        bounds = whole.get_bounding_rect()
        return cls(whole.subsurface(bounds).copy(), bounds.topleft, whole.get_size())

    def rect(self, **anchor: object) -> pygame.Rect:
        """Where the image goes when the whole frame is placed by `anchor`, as in
        `Surface.get_rect` (`midbottom=(x, y)`)."""
        frame = pygame.Rect((0, 0), self.size)
        for name, value in anchor.items():
            setattr(frame, name, value)
        return pygame.Rect(frame.move(self.offset).topleft, self.image.get_size())

    def whole(self) -> pygame.Surface:
        """The whole frame as one surface (for tools and tests; the stage uses `image`)."""
        out = pygame.Surface(self.size, pygame.SRCALPHA)
        out.blit(self.image, self.offset)
        return out


class FigurePainter:
    """Figures by (character, look, emotion, height, theme ink), drawn once and kept."""

    def __init__(self, max_entries: int = _CACHE_SIZE, max_mib: float = _CACHE_MIB) -> None:
        self.cache: BoundedCache[Figure] = BoundedCache(
            max_entries, round(max_mib * 2**20), lambda figure: surface_bytes(figure.image)
        )

    def _cached(self, key: tuple, make: Callable[[], Figure]) -> Figure:
        """The figure kept under `key`, made by `make` the first time (least recent evicted)."""
        return self.cache.get_or_make(key, make)

    @staticmethod
    def _key(
        character_id: str, look: dict[str, str] | None, emotion: str, height: int, theme: Theme
    ) -> tuple:
        full = default_look(character_id, look)
        return (character_id, tuple(sorted(full.items())), emotion, height, theme.outline)

    def get(
        self,
        character_id: str,
        look: dict[str, str] | None,
        emotion: str,
        height: int,
        theme: Theme,
    ) -> Figure:
        """The figure, `height` px tall, feet at the bottom edge, centred horizontally."""

        def make() -> Figure:
            width = max(1, round(height * ASPECT))
            big = pygame.Surface((width * SUPERSAMPLE, height * SUPERSAMPLE), pygame.SRCALPHA)
            draw_figure(big, character_id, default_look(character_id, look), emotion, theme.outline)
            return Figure.crop(finish(big, (width, height)))

        return self._cached(self._key(character_id, look, emotion, height, theme), make)

    def shaded(
        self,
        character_id: str,
        look: dict[str, str] | None,
        emotion: str,
        height: int,
        theme: Theme,
        alpha: int,
    ) -> Figure:
        """The figure in light shade (a listener beside the speaker), made once and kept.

        The same as black laid over the figure at `alpha`, baked in: a set is recomposed at
        every change of speaker, and making the shade afresh each time cost a copy per figure.
        """

        def make() -> Figure:
            plain = self.get(character_id, look, emotion, height, theme)
            out = plain.image.copy()
            keep = 255 - alpha
            out.fill((keep, keep, keep), special_flags=pygame.BLEND_RGB_MULT)
            return Figure(out, plain.offset, plain.size)

        key = ("shade", *self._key(character_id, look, emotion, height, theme), alpha)
        return self._cached(key, make)

    def highlighted(
        self,
        character_id: str,
        look: dict[str, str] | None,
        emotion: str,
        height: int,
        theme: Theme,
        ring: int,
    ) -> Figure:
        """The figure with a `ring` px outline of the accent colour all round its silhouette.

        The same size as `get` plus `ring` on every side, so it centres on the same point.
        Marks the speaker by shape as well as by colour.
        """

        def make() -> Figure:
            plain = self.get(character_id, look, emotion, height, theme)
            width, height_ = plain.size
            # The ring reaches `ring` past the paint, so the ringed image keeps the offset.
            return Figure(
                _ringed(plain.image, ring, theme),
                plain.offset,
                (width + 2 * ring, height_ + 2 * ring),
            )

        key = ("ring", *self._key(character_id, look, emotion, height, theme), ring, theme.accent)
        return self._cached(key, make)


def _ringed(figure: pygame.Surface, ring: int, theme: Theme) -> pygame.Surface:
    """`figure` with a `ring` px accent outline all round its silhouette."""
    w, h = figure.get_size()
    out = pygame.Surface((w + 2 * ring, h + 2 * ring), pygame.SRCALPHA)
    silhouette = pygame.mask.from_surface(figure, 96).to_surface(
        setcolor=(*theme.accent, 255), unsetcolor=(0, 0, 0, 0)
    )
    steps = 16
    for i in range(steps):
        vec = pygame.Vector2(ring, 0).rotate(360 * i / steps)
        out.blit(silhouette, (ring + round(vec.x), ring + round(vec.y)))
    out.blit(figure, (ring, ring))
    return out
