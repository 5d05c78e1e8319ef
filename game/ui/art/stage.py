"""The set as the audience sees it: backdrop, spotlight on the speaker, the cast and their labels.

The speaker is marked four ways, so no one way has to carry it alone: a warm spotlight from
above, an accent outline round the figure, a label filled with the accent colour, and a
"speaking" marker (a drawn speech icon) in that label. Everyone else stands slightly in the
shade. Each label gives the name (bold), the role, and the emotion as a word beside a small
colour chip, so the emotion is never carried by the face or colour alone.

Usage (compose once per change of scene / cast / emotion / speaker, then blit every frame)::

    art = StageArt()                      # owns the backdrop, figure and spotlight caches
    picture = art.compose("ward", actors, theme=theme, layout=lay, text=text)  # a new Surface
    tail = speaker_anchor(lay, actors)    # (x, y) for the speech bubble's tail, or None
    tail = speaker_anchor(lay, actors, who="jo")   # ... for a hot-seated character

`actors` is any sequence of objects with `id, name, role, emotion, is_manager, speaking` and
`look` (a dict): `game.story.views.ActorView` fits.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Protocol

import pygame
from pygame import Rect

from game.i18n import _, language

from ..cache import surface_cache
from ..layout import Layout
from ..text import TextRenderer
from ..theme import Theme
from .backdrops import BackdropPainter
from .figures import FigurePainter

_SHADE_ALPHA = 55  # how far non-speakers sit in the shade
_SPOT_ALPHA = 100  # the spotlight's strength at its centre
_SPOT_CACHE_SIZE = 8  # one cone per cast size (its width follows the slots), per palette
_LABEL_CACHE_SIZE = 64  # a cast of eight, each in a few moods, speaking or not
_LABEL_CACHE_MIB = 12  # a label is about 0.2 MB at 1080p


def _ring(lay: Layout) -> int:
    """The width of the accent outline round the speaker."""
    return lay.px(7)


class Actor(Protocol):
    """What the painter reads of a character on stage (read-only, so a frozen view fits)."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def role(self) -> str: ...
    @property
    def emotion(self) -> str: ...
    @property
    def is_manager(self) -> bool: ...
    @property
    def speaking(self) -> bool: ...
    @property
    def look(self) -> dict[str, str]: ...
    @property
    def played(self) -> bool: ...


def speaker_anchor(lay: Layout, actors: Sequence[Actor], who: str = "") -> tuple[int, int] | None:
    """Where a bubble's tail should point: just above the head of `who` (or the speaker)."""
    for actor, slot in zip(actors, lay.cast_slots(len(actors)), strict=True):
        if actor.id == who or (not who and actor.speaking):
            return (slot.centerx, slot.y + lay.px(6))
    return None


def _spot_rect(slot: Rect, lay: Layout) -> Rect:
    width = round(slot.w * 1.5)
    return Rect(slot.centerx - width // 2, 0, width, lay.floor_y + lay.px(40))


def paint_spotlight(size: tuple[int, int], lay: Layout, theme: Theme) -> pygame.Surface:
    """A soft cone of light from above and its pool on the floor, `size` px.

    Built from a small gradient scaled up smoothly: no banding, and cheap to make.
    """
    gw, gh = 24, 48
    small = pygame.Surface((gw, gh), pygame.SRCALPHA)
    for y in range(gh):
        t = y / (gh - 1)
        half = 0.18 + 0.32 * t  # the cone widens towards the floor
        for x in range(gw):
            d = abs((x + 0.5) / gw - 0.5) / half
            a = max(0.0, 1 - d * d) * (0.45 + 0.55 * t)
            small.set_at((x, y), (*theme.spotlight, round(_SPOT_ALPHA * a)))
    cone = pygame.transform.smoothscale(small, size)
    pool = Rect(0, 0, size[0], lay.px(60))
    pool.midbottom = (size[0] // 2, size[1])
    pygame.draw.ellipse(cone, (*theme.spotlight, _SPOT_ALPHA), pool)
    return cone


def draw_speaking_icon(surface: pygame.Surface, rect: Rect, colour, width: int) -> None:
    """A small speech mark: a head-sized dot and two sound waves, drawn (no font glyph)."""
    r = rect.h // 2
    pygame.draw.circle(surface, colour, (rect.x + r // 2, rect.centery), max(2, r // 2))
    for k in (1, 2):
        arc = Rect(0, 0, r * k, r * k * 2 - 2)
        arc.center = (rect.x + r // 2, rect.centery)
        pygame.draw.arc(surface, colour, arc, -math.pi / 3, math.pi / 3, width)


def draw_name_label(
    surface: pygame.Surface,
    rect: Rect,
    actor: Actor,
    *,
    theme: Theme,
    layout: Layout,
    text: TextRenderer,
) -> None:
    """Name and emotion on the first line, role below (two lines when `rect` is taller than
    the label band: see `role_extra`); the speaker's label marked."""
    lay = layout
    speaking = actor.speaking
    fill, ink = (theme.accent, theme.accent_text) if speaking else (theme.panel, theme.panel_text)
    pygame.draw.rect(surface, fill, rect, border_radius=lay.radius // 2)
    pygame.draw.rect(surface, theme.outline, rect, lay.outline, border_radius=lay.radius // 2)
    inner = rect.inflate(-2 * lay.px(14), -2 * lay.px(6))
    line_h = _name_line(lay)
    size = lay.small_size
    # Emotion chip on the right of the first line: colour dot + word.
    word = text.fit(
        actor.emotion,
        round(size * 0.8),
        ink,
        width=round(inner.w * 0.4),
        height=line_h,
        italic=True,
        min_size=lay.floor_size,
    )
    chip = Rect(0, 0, word.get_width() + line_h // 2 + lay.px(12), line_h)
    chip.topright = inner.topright
    dot = max(3, line_h // 5)
    pygame.draw.circle(
        surface, theme.emotion.get(actor.emotion, ink), (chip.x + dot, chip.centery), dot
    )
    pygame.draw.circle(surface, theme.outline, (chip.x + dot, chip.centery), dot, max(1, dot // 3))
    surface.blit(word, word.get_rect(midright=(chip.right, chip.centery)))
    # Name (bold), after the speaking icon when this is the speaker.
    x = inner.x
    if speaking:
        icon = Rect(x, inner.y + line_h // 6, line_h, line_h * 2 // 3)
        draw_speaking_icon(surface, icon, ink, max(2, lay.outline // 2 + 1))
        x = icon.right + lay.px(8)
    # "(you)" on the name of whoever the room plays, unless the role says it already (as
    # the script wrote it, or as `roles.nameplate_role` moved it).
    you = _("(you)")
    said = any(marker in actor.role for marker in (you, "(you)"))
    name = f"{actor.name} {you}" if actor.played and not said else actor.name
    img = text.fit(
        name,
        size,
        ink,
        width=max(1, chip.x - x - lay.px(6)),
        height=line_h,
        bold=True,
        min_size=lay.floor_size,
    )
    surface.blit(img, img.get_rect(midleft=(x, inner.y + line_h // 2)))
    role = text.fit(
        actor.role,
        _role_size(lay),
        ink,
        width=inner.w,
        height=inner.h - line_h,
        min_size=lay.floor_size,
    )
    surface.blit(role, role.get_rect(midleft=(inner.x, (inner.y + line_h + inner.bottom) // 2)))


def _inside(lay: Layout) -> int:
    """The height inside a label of the band's height."""
    return lay.label_rect.h - 2 * lay.px(6)


def _name_line(lay: Layout) -> int:
    """The height of a label's first line (name and emotion): half the inside."""
    return _inside(lay) // 2


def _role_size(lay: Layout) -> int:
    return round(lay.small_size * 0.85)


def label_rects(actors: Sequence[Actor], layout: Layout, text: TextRenderer) -> list[Rect]:
    """Where each actor's name label is drawn: its slot, all grown alike (upwards, over the
    feet) when any role needs two lines. Whatever stands above the labels ends above these."""
    rects = layout.label_slots(len(actors))
    extra = max((role_extra(a, rects[0].w, layout, text) for a in actors), default=0)
    return [Rect(r.x, r.y - extra, r.w, r.h + extra) for r in rects]


def _columns(
    actors: Sequence[Actor], changed: Sequence[int], layout: Layout, text: TextRenderer
) -> list[Rect]:
    """The parts of the set the actors at `changed` draw on: each one's spotlight, ringed
    figure and label, as one rectangle per actor (overlapping ones merged)."""
    slots = layout.cast_slots(len(actors))
    labels = label_rects(actors, layout, text)
    ring = _ring(layout)
    found: list[Rect] = []
    for index in sorted(set(changed)):
        area = _spot_rect(slots[index], layout).union(slots[index].inflate(2 * ring, 2 * ring))
        area.union_ip(labels[index])
        merged = next((r for r in found if r.colliderect(area)), None)
        if merged is None:
            found.append(area)
        else:
            merged.union_ip(area)
    return found


def role_extra(actor: Actor, width: int, layout: Layout, text: TextRenderer) -> int:
    """How much taller than the label band this actor's label must be for its role to wrap
    onto a second line at the usual size ("Estates operations manager, Tom's line manager"),
    rather than shrink to a size nobody at the back can read. 0 for a one-line role."""
    lay = layout
    size = _role_size(lay)
    wanted = text.measure(actor.role, size, width=width - 2 * lay.px(14))[1]
    role_h = _inside(lay) - _name_line(lay)
    return max(0, min(wanted, 2 * text.line_height(size)) - role_h)


class StageArt:
    """The set for a scene, composed from cached backdrops and figures."""

    def __init__(self) -> None:
        self.backdrops = BackdropPainter()
        self.figures = FigurePainter()
        self._spots = surface_cache(_SPOT_CACHE_SIZE, 0)
        self._labels = surface_cache(_LABEL_CACHE_SIZE, _LABEL_CACHE_MIB)
        self._scenario: str | None = None  # whose backdrops, figures and labels are kept

    def draw_spotlight(
        self, surface: pygame.Surface, slot: Rect, lay: Layout, theme: Theme
    ) -> None:
        """Light the figure standing in `slot` (the cone is made once per size and palette)."""
        rect = _spot_rect(slot, lay)
        key = (rect.size, theme.spotlight)
        cone = self._spots.get_or_make(key, lambda: paint_spotlight(rect.size, lay, theme))
        surface.blit(cone, rect.topleft)

    def prepare(
        self,
        backdrops: Iterable[str],
        figures: Iterable[tuple[str, dict[str, str] | None, str, bool]],
        cast_sizes: Iterable[int] = (),
        *,
        theme: Theme,
        layout: Layout,
        scenario: str = "",
    ) -> None:
        """Paint now, into the caches, the backdrops and the figures a run may show:
        (character id, look, emotion, speaks) for each figure, and the spotlight for each
        number of people on stage. Painting a backdrop takes tens of milliseconds, a figure
        or a spotlight a few, a stutter if it happened at a change of scene or speaker;
        composing a set from painted parts takes about one.

        For another `scenario` than the last, the last one's backdrops, figures and labels
        are let go first: they fill the caches (about 100 MB at 1080p), this run shows none
        of them, and keeping them while this one's are painted was the game's peak memory.
        """
        if scenario != self._scenario:
            self._scenario = scenario
            for cache in (self.backdrops.cache, self.figures.cache, self._labels):
                cache.clear()
        for backdrop in backdrops:
            self.backdrops.get(backdrop, layout.size, theme)
        scratch = pygame.Surface((1, 1))  # the cones are cached as they are drawn
        for count in cast_sizes:
            for slot in layout.cast_slots(count):
                self.draw_spotlight(scratch, slot, layout, theme)
        height = layout.figure_height
        for character, look, emotion, speaks in figures:
            self.figures.shaded(character, look, emotion, height, theme, _SHADE_ALPHA)
            if speaks:
                self.figures.highlighted(character, look, emotion, height, theme, _ring(layout))

    def compose(
        self,
        backdrop_id: str,
        actors: Sequence[Actor],
        *,
        theme: Theme,
        layout: Layout,
        text: TextRenderer,
        into: pygame.Surface | None = None,
        changed: Sequence[int] | None = None,
    ) -> pygame.Surface:
        """Backdrop, spotlight, cast (speaker outlined), name labels: on a new surface, or
        over all of `into` (the layout's size). Reusing one surface matters: a set is made
        at every change of speaker, and a new full-screen surface costs more than drawing
        on it (its memory is fresh and must be mapped page by page).

        `changed`: `into` already holds this set with the same people in the same places,
        and only the actors at these indices look different (a new speaker, a new mood).
        Then only their columns are painted again (spotlight, figure, label; neighbours
        reaching into a column are redrawn there too, clipped), not the whole picture: the
        frame that changes speaker is the stage's busiest."""
        backdrop = self.backdrops.get(backdrop_id, layout.size, theme)
        if into is None:
            picture = backdrop.copy()
            self.draw_cast(picture, actors, theme=theme, layout=layout, text=text)
            return picture
        areas = [into.get_rect()]
        if changed is not None:
            areas = _columns(actors, changed, layout, text)
        for area in areas:
            into.set_clip(area)
            into.blit(backdrop, area.topleft, area)
            self.draw_cast(into, actors, theme=theme, layout=layout, text=text)
        into.set_clip(None)
        return into

    def draw_cast(
        self,
        surface: pygame.Surface,
        actors: Sequence[Actor],
        *,
        theme: Theme,
        layout: Layout,
        text: TextRenderer,
    ) -> None:
        """Spotlight, figures (the speaker ringed, the others in light shade) and labels."""
        lay = layout
        slots = lay.cast_slots(len(actors))
        anyone_speaking = any(a.speaking for a in actors)
        for actor, slot in zip(actors, slots, strict=True):
            if actor.speaking:
                self.draw_spotlight(surface, slot, lay, theme)
        for actor, slot in zip(actors, slots, strict=True):
            height = lay.figure_height
            if actor.speaking:
                ring = _ring(lay)
                fig = self.figures.highlighted(
                    actor.id, actor.look, actor.emotion, height, theme, ring
                )
                surface.blit(fig.image, fig.rect(midbottom=(slot.centerx, lay.floor_y + ring)))
                continue
            if anyone_speaking:
                fig = self.figures.shaded(
                    actor.id, actor.look, actor.emotion, height, theme, _SHADE_ALPHA
                )
            else:
                fig = self.figures.get(actor.id, actor.look, actor.emotion, height, theme)
            surface.blit(fig.image, fig.rect(midbottom=(slot.centerx, lay.floor_y)))
        for actor, rect in zip(actors, label_rects(actors, lay, text), strict=True):
            surface.blit(self.label(actor, rect.size, theme=theme, layout=lay, text=text), rect)

    def label(
        self,
        actor: Actor,
        size: tuple[int, int],
        *,
        theme: Theme,
        layout: Layout,
        text: TextRenderer,
    ) -> pygame.Surface:
        """The actor's name label, `size` px, drawn once and kept (bounded): a set is made
        at every change of speaker, and each label is several shapes and fitted words."""
        key = (
            actor.id,
            actor.name,
            actor.role,
            actor.emotion,
            actor.is_manager,
            actor.played,
            actor.speaking,
            tuple(size),
            layout.text_scale,
            theme.name,
            text.family.key,
            language(),  # "(you)"
        )

        def make() -> pygame.Surface:
            img = pygame.Surface(size, pygame.SRCALPHA)
            draw_name_label(img, img.get_rect(), actor, theme=theme, layout=layout, text=text)
            return img

        return self._labels.get_or_make(key, make)
