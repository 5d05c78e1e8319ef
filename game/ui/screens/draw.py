"""Screen furniture the menus share: a heading, a hint line, a column of buttons, a text card.

Everything takes the app (for its theme, layout and text cache) and a rectangle chosen by the
scene, and draws with the art helper's widgets, so menus look like the rest of the stage.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

import pygame
from pygame import Rect

from ..widgets import draw_button, draw_focus_ring, draw_panel

if TYPE_CHECKING:
    from ..app import App
    from .menu import Item, Menu


@lru_cache(maxsize=4)
def _shade(size: tuple[int, int], alpha: int) -> pygame.Surface:
    shade = pygame.Surface(size, pygame.SRCALPHA)
    shade.fill((0, 0, 0, alpha))
    return shade


def dim(surface: pygame.Surface, app: App) -> None:
    """Darken whatever is below an overlay (one cached translucent surface per size)."""
    surface.blit(_shade(app.layout.size, app.theme.dim_alpha), (0, 0))


def backing(surface: pygame.Surface, app: App, rect: Rect) -> None:
    """A dark panel behind a menu drawn over the stage, so its words never sit on the set's."""
    draw_panel(surface, rect, app.theme.stage_bg, theme=app.theme, layout=app.layout)


def heading(surface: pygame.Surface, app: App, text: str, sub: str = "") -> None:
    """The screen's title at the top of the safe area, and an optional line under it."""
    lay, theme = app.layout, app.theme
    area = lay.header_rect
    title = app.text.render(text, lay.title_size, theme.text, bold=True)
    surface.blit(title, (area.x, area.y))
    if sub:
        line = app.text.fit(
            sub, lay.small_size, theme.text_muted, width=area.w, height=lay.small_size * 2
        )
        surface.blit(line, (area.x, area.y + title.get_height()))


def hint(
    surface: pygame.Surface, app: App, text: str, corner: tuple[int, int] | None = None
) -> None:
    """The keys that work here, with its bottom-left at `corner`: by default the foot of the
    safe area (never in the bottom tenth). Screens over the stage pass a corner that covers
    nothing the room needs (inside their own panel, or above the nameplates)."""
    lay, theme = app.layout, app.theme
    img = app.text.render(text, lay.small_size, theme.text, width=lay.safe_rect.w)
    spot = img.get_rect(bottomleft=corner or lay.safe_rect.bottomleft)
    pygame.draw.rect(
        surface, theme.stage_bg, spot.inflate(lay.px(20), lay.px(6)), border_radius=lay.px(8)
    )
    surface.blit(img, spot)


def hint_top(app: App) -> int:
    """Where the hint line starts: anything laid out above it stays clear of it."""
    lay = app.layout
    return lay.safe_rect.bottom - app.text.line_height(lay.small_size) - lay.px(8)


def button(
    surface: pygame.Surface,
    app: App,
    rect: Rect,
    label: str,
    *,
    focused: bool = False,
    enabled: bool = True,
    key: str = "",
    centre: bool = True,
) -> None:
    """A large button (the art helper's), with the key that presses it in a badge."""
    draw_button(
        surface,
        rect,
        label,
        focused=focused,
        enabled=enabled,
        key_hint=key,
        centre=centre,
        theme=app.theme,
        layout=app.layout,
        text=app.text,
    )


def menu(
    surface: pygame.Surface, app: App, items: Menu, numbered: bool = True, centre: bool = False
) -> None:
    """Every item of a menu as a button, in the rectangles the scene gave it, labels lined
    up on the left (`centre` for a row of short buttons).

    A locked item keeps its place, greyed and struck through, with its reason in the label.
    Items outside the surface (a scrolled list's hidden rows) are not drawn at all.
    """
    on_screen = surface.get_rect()
    for index, (item, rect) in enumerate(zip(items.items, items.rects, strict=False)):
        if not on_screen.colliderect(rect):
            continue  # scrolled out of view: a list of 1,000 scripts draws only its rows
        label = item.label if item.enabled or not item.reason else f"{item.label} ({item.reason})"
        button(
            surface,
            app,
            rect,
            label,
            focused=index == items.focus,
            enabled=item.enabled,
            key=badge(item, index) if numbered else "",
            centre=centre,
        )


def badge(item: Item, index: int) -> str:
    """What a numbered menu's button shows in its badge: its digit, or past 1-4 the item's
    own key, so every button of a menu lines up the same way."""
    return str(index + 1) if index < 4 else item.hotkey


def card(
    surface: pygame.Surface,
    app: App,
    rect: Rect,
    title: str,
    lines: list[str],
    *,
    focused: bool = False,
    enabled: bool = True,
    size: int | None = None,
) -> None:
    """A light panel with a bold title and body lines (at `size`), shrunk to fit the card."""
    lay, theme = app.layout, app.theme
    fill, ink = (theme.panel, theme.panel_text) if enabled else (theme.locked, theme.locked_text)
    draw_panel(surface, rect, fill, theme=theme, layout=lay)
    if focused:
        draw_focus_ring(surface, rect, theme=theme, layout=lay)
    inner = rect.inflate(-lay.padding * 2, -lay.padding * 2)
    head = app.text.fit(title, lay.body_size, ink, width=inner.w, height=inner.h // 3, bold=True)
    surface.blit(head, inner.topleft)
    body = "\n\n".join(line for line in lines if line)
    if body:
        room = inner.h - head.get_height() - lay.px(10)
        img = app.text.fit(body, size or lay.body_size, ink, width=inner.w, height=max(1, room))
        surface.blit(img, (inner.x, inner.y + head.get_height() + lay.px(10)))


def paragraph(
    surface: pygame.Surface,
    app: App,
    rect: Rect,
    text: str,
    *,
    size: int | None = None,
    colour=None,
    bold: bool = False,
) -> int:
    """Wrapped text in `rect`, shrunk to fit; returns the height used."""
    img = app.text.fit(
        text,
        size or app.layout.body_size,
        colour or app.theme.text,
        width=rect.w,
        height=rect.h,
        bold=bold,
    )
    surface.blit(img, rect.topleft)
    return img.get_height()
