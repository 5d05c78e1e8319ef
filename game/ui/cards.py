"""Option cards: the 2-4 things the manager could say, large, numbered, one focused.

Each card has a round number badge (the key that picks it), the words, and a focus ring when
the keyboard is on it. A locked card is greyed, shows a drawn padlock in place of the number
and says why it is locked ("Locked: ask Jo how she is first"), so the lock is never a colour
alone. Four cards go in a 2x2 grid; two or three stack in one column, so long lines stay
readable.

Usage::

    hits = draw_option_cards(surface, lay.card_grid_rect, decision.options, focus_index,
                             theme=theme, layout=lay, text=text)
    # hits[i] is the card of options[i]: test mouse clicks against it

`options` is any sequence of objects with `says`, `available` and `locked_reason`
(`game.story.views.OptionView` fits).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Protocol

import pygame
from pygame import Rect

from game.i18n import _

from .layout import Layout
from .text import TextRenderer
from .theme import Theme
from .widgets import draw_badge, draw_focus_ring, draw_lock, draw_panel

_MAX_CARD_SHARE = 0.3  # a card is never taller than this share of the window height


class OptionLike(Protocol):
    """What a card shows of an option (read-only, so the runtime's frozen views fit)."""

    @property
    def says(self) -> str: ...
    @property
    def available(self) -> bool: ...
    @property
    def locked_reason(self) -> str: ...


def card_rects(rect: Rect, count: int, layout: Layout) -> list[Rect]:
    """Where each of `count` cards goes inside `rect` (top-aligned, left to right, top down)."""
    if count <= 0:
        return []
    cols = 2 if count >= 4 else 1
    rows = math.ceil(count / cols)
    gap = layout.gap
    width = (rect.w - gap * (cols - 1)) // cols
    height = min((rect.h - gap * (rows - 1)) // rows, round(layout.height * _MAX_CARD_SHARE))
    return [
        Rect(
            rect.x + (i % cols) * (width + gap),
            rect.y + (i // cols) * (height + gap),
            width,
            height,
        )
        for i in range(count)
    ]


def draw_option_cards(
    surface: pygame.Surface,
    rect: Rect,
    options: Sequence[OptionLike],
    focus_index: int | None,
    *,
    theme: Theme,
    layout: Layout,
    text: TextRenderer,
    reserve: int = 0,
) -> list[Rect]:
    """Draw the cards and return one hit rect per option, in order. `reserve`: a strip at
    the top of each card kept clear of the words (for the show-of-hands count)."""
    rects = card_rects(rect, len(options), layout)
    # One size for every open card's words: a card in larger print would read as the
    # favoured answer, so each takes the size the longest needs (never under the floor).
    size = min(
        (
            text.fit_size(
                option.says,
                layout.body_size,
                width=inner.w,
                height=inner.h,
                min_size=_min_size(layout),
            )
            for option, card in zip(options, rects, strict=True)
            if option.available
            for inner in [_inner(card, layout, reserve)]
        ),
        default=layout.body_size,
    )
    for i, (option, card) in enumerate(zip(options, rects, strict=True)):
        draw_option_card(
            surface,
            card,
            i + 1,
            option,
            i == focus_index,
            theme=theme,
            layout=layout,
            text=text,
            reserve=reserve,
            size=size,
        )
    return rects


def _radius(card: Rect, layout: Layout) -> int:
    """The number badge's radius on a card."""
    return min(round(layout.body_size * 0.85), (card.h - 2 * layout.padding) // 2)


def _inner(card: Rect, layout: Layout, reserve: int = 0) -> Rect:
    """Where a card's words go: right of its badge, under the `reserve` strip."""
    pad, radius = layout.padding, _radius(card, layout)
    left = card.x + pad + 2 * radius + pad
    return Rect(left, card.y + pad + reserve, card.right - pad - left, card.h - 2 * pad - reserve)


def _min_size(layout: Layout) -> int:
    """The smallest a card's words may be fitted to."""
    return max(layout.floor_size, round(layout.body_size * 0.6))


def draw_option_card(
    surface: pygame.Surface,
    card: Rect,
    number: int,
    option: OptionLike,
    focused: bool,
    *,
    theme: Theme,
    layout: Layout,
    text: TextRenderer,
    reserve: int = 0,
    size: int | None = None,
) -> None:
    """One card: badge, words (at most `size`, the set's shared size) and (when locked)
    the padlock and the reason."""
    locked = not option.available
    fill, ink = (theme.locked, theme.locked_text) if locked else (theme.panel, theme.panel_text)
    draw_panel(surface, card, fill, theme=theme, layout=layout)
    if focused:
        draw_focus_ring(surface, card, theme=theme, layout=layout)
    pad = layout.padding
    radius = _radius(card, layout)
    badge = (card.x + pad + radius, card.centery)
    if locked:
        pygame.draw.circle(surface, theme.panel, badge, radius)
        pygame.draw.circle(surface, theme.outline, badge, radius, layout.outline)
        icon = Rect(0, 0, radius, round(radius * 1.2))
        icon.center = badge
        draw_lock(surface, icon, theme.outline, layout.outline)
    else:
        draw_badge(
            surface,
            badge,
            radius,
            str(number),
            theme.accent,
            theme.accent_text,
            theme=theme,
            layout=layout,
            text=text,
        )
    inner = _inner(card, layout, reserve)
    min_size = _min_size(layout)
    if locked:
        reason = (
            _("Locked: {reason}").format(reason=option.locked_reason)
            if option.locked_reason
            else _("Locked")
        )
        why = text.fit(
            reason,
            layout.small_size,
            ink,
            width=inner.w,
            height=inner.h // 2,
            bold=True,
            italic=True,
            min_size=min_size,
        )
        words = text.fit(
            option.says,
            layout.body_size,
            ink,
            width=inner.w,
            height=inner.h - why.get_height(),
            min_size=min_size,
        )
        top = inner.centery - (words.get_height() + why.get_height()) // 2
        surface.blit(words, (inner.x, top))
        surface.blit(why, (inner.x, top + words.get_height()))
        # Struck through lightly: "you cannot say this yet", readable but clearly out of play.
        line_y = top + min(words.get_height(), text.line_height(layout.body_size)) // 2
        pygame.draw.line(
            surface,
            ink,
            (inner.x, line_y),
            (inner.x + min(inner.w, words.get_width()), line_y),
            max(1, layout.outline // 2),
        )
        return
    words = text.fit(
        option.says,
        size or layout.body_size,
        ink,
        width=inner.w,
        height=inner.h,
        min_size=min_size,
    )
    surface.blit(words, words.get_rect(midleft=(inner.x, inner.centery)))
