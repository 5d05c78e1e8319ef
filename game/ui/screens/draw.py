"""Screen furniture the menus share: a heading, a hint line, a column of buttons, a text card.

Everything takes the app (for its theme, layout and text cache) and a rectangle chosen by the
scene, and draws with the art helper's widgets, so menus look like the rest of the stage.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

import pygame
from pygame import Rect

from ..widgets import draw_button, draw_focus_ring, draw_panel

#: The height of the band of shade `dim` lays down the screen.
SHADE_ROWS = 120

if TYPE_CHECKING:
    from ..app import App
    from .menu import Item, Menu


@lru_cache(maxsize=4)
def _shade(width: int, alpha: int) -> pygame.Surface:
    shade = pygame.Surface((width, SHADE_ROWS), pygame.SRCALPHA)
    shade.fill((0, 0, 0, alpha))
    return shade


def dim(surface: pygame.Surface, app: App) -> None:
    """Darken whatever is below an overlay. A band of shade is laid down the screen: the
    same pixels as one full-screen shade, which would hold 8 MB at 1080p for as long as
    the game runs."""
    width, height = app.layout.size
    shade = _shade(width, app.theme.dim_alpha)
    for top in range(0, height, SHADE_ROWS):
        surface.blit(shade, (0, top), (0, 0, width, min(SHADE_ROWS, height - top)))


def backing(surface: pygame.Surface, app: App, rect: Rect) -> None:
    """A dark panel behind a menu drawn over the stage, so its words never sit on the set's."""
    draw_panel(surface, rect, app.theme.stage_bg, theme=app.theme, layout=app.layout)


def heading(surface: pygame.Surface, app: App, text: str, sub: str = "") -> None:
    """The screen's title at the top of the safe area, and an optional line under it; both
    on one line each (see `heading_bottom`), wrapped rather than cut if they are too long."""
    lay, theme = app.layout, app.theme
    area = lay.header_rect
    title = app.text.fit(
        text,
        lay.title_size,
        theme.text,
        width=area.w,
        height=app.text.line_height(lay.title_size),
        bold=True,
        min_size=max(lay.floor_size, lay.body_size),
    )
    surface.blit(title, (area.x, area.y))
    if sub:
        line = app.text.fit(
            sub,
            lay.small_size,
            theme.text_muted,
            width=area.w,
            height=app.text.line_height(lay.small_size),
            min_size=lay.floor_size,
        )
        surface.blit(line, (area.x, area.y + app.text.line_height(lay.title_size)))


def heading_bottom(app: App, sub: bool = False) -> int:
    """Where a screen's content may start: under its heading (and the line under that)."""
    lay = app.layout
    height = app.text.line_height(lay.title_size)
    if sub:
        height += app.text.line_height(lay.small_size)
    return lay.header_rect.y + height + lay.gap // 2


def label_lines(app: App, labels: list[str], width: int, badge: bool = True) -> int:
    """How many lines the longest of `labels` takes on a button `width` wide at the body
    size (with a key badge when `badge`): so a row of buttons can be made tall enough."""
    lay = app.layout
    key = app.text.measure("4", lay.small_size, bold=True)[0] + lay.px(36)  # as draw_button
    room = width - 2 * lay.padding - (key if badge else 0)
    line = app.text.line_height(lay.body_size, bold=True)
    return max(
        1,
        *(
            app.text.measure(label, lay.body_size, width=max(1, room), bold=True)[1] // line
            for label in labels
        ),
    )


def row_height(app: App, lines: int = 1) -> int:
    """A button tall enough for `lines` lines of its label at the body size, whatever the
    text-size setting: larger text makes buttons taller, never their words smaller."""
    lay = app.layout
    return max(lay.px(72), app.text.line_height(lay.body_size) * lines + lay.padding + lay.px(10))


def hint(
    surface: pygame.Surface,
    app: App,
    text: str,
    corner: tuple[int, int] | None = None,
    width: int | None = None,
) -> None:
    """The keys that work here, with its bottom-left at `corner`: by default the foot of the
    safe area (never in the bottom tenth). Screens over the stage pass a corner that covers
    nothing the room needs (inside their own panel, or above the nameplates), and the
    `width` it wraps at there (default: the safe area's)."""
    lay, theme = app.layout, app.theme
    img = app.text.render(text, lay.small_size, theme.text, width=width or lay.safe_rect.w)
    spot = img.get_rect(bottomleft=corner or lay.safe_rect.bottomleft)
    spot.right = min(spot.right, lay.safe_rect.right)
    pygame.draw.rect(
        surface, theme.stage_bg, spot.inflate(lay.px(20), lay.px(6)), border_radius=lay.px(8)
    )
    surface.blit(img, spot)


def one_line(app: App, wordings: Sequence[str]) -> str:
    """The first of a hint's `wordings` (longest first) that fits on one line at the
    small size; the last if none does. Larger text drops the less needed keys from a hint
    instead of taking a second line from the page above it."""
    lay = app.layout
    width = lay.safe_rect.w
    return next(
        (w for w in wordings if app.text.measure(w, lay.small_size)[0] <= width), wordings[-1]
    )


def hint_top(app: App, text: str = "") -> int:
    """Where the hint line starts: anything laid out above it stays clear of it. With the
    hint's `text`, room for as many lines as it wraps onto at the current size."""
    lay = app.layout
    height = app.text.line_height(lay.small_size)
    if text:
        height = max(height, app.text.measure(text, lay.small_size, width=lay.safe_rect.w)[1])
    return lay.safe_rect.bottom - height - lay.px(8)


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
    size: int | None = None,
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
        size=size,
        theme=app.theme,
        layout=app.layout,
        text=app.text,
    )


def menu(
    surface: pygame.Surface,
    app: App,
    items: Menu,
    numbered: bool = True,
    centre: bool = False,
    size: int | None = None,
) -> None:
    """Every item of a menu as a button, in the rectangles the scene gave it, labels lined
    up on the left (`centre` for a row of short buttons; `size`: one size for every label,
    see `shared_size`).

    A locked item keeps its place, greyed and struck through, with its reason in the label.
    Items outside the surface (a scrolled list's hidden rows) are not drawn at all.
    """
    on_screen = surface.get_rect()
    for index, (item, rect) in enumerate(zip(items.items, items.rects, strict=False)):
        if not on_screen.colliderect(rect):
            continue  # scrolled out of view: a list of 1,000 scripts draws only its rows
        label = shown_label(item, items.short)
        button(
            surface,
            app,
            rect,
            label,
            focused=index == items.focus,
            enabled=item.enabled,
            key=badge(item, index) if numbered else "",
            centre=centre,
            size=size,
        )


def shared_size(app: App, labels: Sequence[str], rect: Rect) -> int:
    """One size for a row of buttons as big as `rect`: the body size, or the largest at
    which every label fits, so one long label does not read smaller than its neighbours."""
    lay = app.layout
    inner = rect.inflate(-2 * lay.padding, -lay.padding)
    return min(
        app.text.fit_size(
            label, lay.body_size, width=inner.w, height=inner.h, bold=True, min_size=lay.floor_size
        )
        for label in labels
    )


def shown_label(item: Item, short: bool = False) -> str:
    """A button's words: a locked item says why it is locked, in place of what it would do
    ("Rewind (nothing earlier yet)"), so the words still fit the button at large text;
    `short`: its brief words, locked or not (see `Menu.short`; a locked button is still
    greyed and struck through)."""
    head = item.label.split(":")[0]
    if short:
        return item.brief or head
    return item.label if item.enabled or not item.reason else f"{head} ({item.reason})"


def badge(item: Item, index: int) -> str:
    """What a numbered menu's button shows in its badge: its digit, or past 1-4 the item's
    own key, so every button of a menu lines up the same way."""
    return str(index + 1) if index < 4 else item.hotkey


def card_title_size(app: App, rect: Rect, title: str) -> int:
    """The size a card's title is drawn at: the body size, or smaller to fit a third of
    the card (cards side by side take the smaller of theirs, as their bodies do)."""
    lay = app.layout
    inner = rect.inflate(-lay.padding * 2, -lay.padding * 2)
    return app.text.fit_size(
        title,
        lay.body_size,
        width=inner.w,
        height=max(inner.h // 3, app.text.line_height(lay.body_size, bold=True)),
        bold=True,
        min_size=lay.floor_size,
    )


def _card_parts(app: App, rect: Rect, title: str, size: int | None = None) -> tuple[Rect, int, int]:
    """A card's inside, the size of its title (`size`, or its own) and the height the
    title takes."""
    lay = app.layout
    inner = rect.inflate(-lay.padding * 2, -lay.padding * 2)
    if not title:
        return inner, lay.body_size, 0
    size = size or card_title_size(app, rect, title)
    height = app.text.measure(title, size, width=inner.w, bold=True)[1] + lay.px(10)
    return inner, size, height


def card_body_rect(app: App, rect: Rect, title: str, title_size: int | None = None) -> Rect:
    """Where a card's body goes: inside its padding, under its title."""
    inner, _, head_h = _card_parts(app, rect, title, title_size)
    return Rect(inner.x, inner.y + head_h, inner.w, max(1, inner.h - head_h))


def card_body_size(
    app: App, rect: Rect, title: str, lines: list[str], title_size: int | None = None
) -> int:
    """The size a card's body is drawn at (the body size, or smaller to fit): cards shown
    side by side take the smaller of theirs, so neither reads as the more important."""
    inner, _, head_h = _card_parts(app, rect, title, title_size)
    body = "\n\n".join(line for line in lines if line)
    lay = app.layout
    return app.text.fit_size(
        body, lay.body_size, width=inner.w, height=max(1, inner.h - head_h), min_size=lay.floor_size
    )


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
    title_size: int | None = None,
) -> None:
    """A light panel with a bold title (at `title_size`) and body lines (at `size`), shrunk
    to fit the card."""
    lay, theme = app.layout, app.theme
    fill, ink = (theme.panel, theme.panel_text) if enabled else (theme.locked, theme.locked_text)
    draw_panel(surface, rect, fill, theme=theme, layout=lay)
    if focused:
        draw_focus_ring(surface, rect, theme=theme, layout=lay)
    inner, head_size, head_h = _card_parts(app, rect, title, title_size)
    if title:
        head = app.text.render(title, head_size, ink, width=inner.w, bold=True)
        surface.blit(head, inner.topleft)
    body = "\n\n".join(line for line in lines if line)
    if body:
        img = app.text.fit(
            body,
            size or lay.body_size,
            ink,
            width=inner.w,
            height=max(1, inner.h - head_h),
            min_size=lay.floor_size,
        )
        surface.blit(img, (inner.x, inner.y + head_h))


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
        min_size=app.layout.floor_size,
    )
    surface.blit(img, rect.topleft)
    return img.get_height()


def words_that_fit(line: str, fits: Callable[[str], bool]) -> str:
    """The longest run of whole words from the start of `line` that `fits` ("" if none)."""
    words = line.split(" ")
    low, high = 0, len(words) - 1  # the whole line does not fit, or it would not be cut
    while low < high:
        mid = (low + high + 1) // 2
        if fits(" ".join(words[:mid])):
            low = mid
        else:
            high = mid - 1
    return " ".join(words[:low])
