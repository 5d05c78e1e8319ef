"""Option cards for a decision or a redirect: the question, then 2-4 large numbered cards.

Shared by the stage (decisions) and the freeze menu (redirects) so both read and behave the
same. The cards are the art helper's (`game.ui.cards`); this adds the question, the room's
show-of-hands count on each card ("Hands: 5", facilitator mode) and the hit rectangles the
`Menu` needs for mouse and focus.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from game.story.views import OptionView, PointView

from ..cards import card_rects, draw_option_cards
from ..keymap import Act, key_name
from . import draw
from .menu import Item, Menu

if TYPE_CHECKING:
    from ..app import App

TALLY_KEYS = f"{key_name(Act.PLUS)}/{key_name(Act.MINUS)} on a card: count a show of hands"
#: The extra card at every redirect and decision: the room's own words (its menu key).
OWN_KEY = "own"
OWN_CARD = OptionView(-1, "Our own idea: type what the room says the manager should say", True, "")


def option_menu(point: PointView, own: bool = False) -> Menu:
    """A menu over the point's options; digits choose, arrows move between cards. `own`:
    a last card for the room's own words.

    No card is focused at first: a room reading on with Enter must not choose card 1."""
    items = [Item(o.says, str(o.index), o.available, o.locked_reason) for o in point.options]
    if own:
        items.append(Item(OWN_CARD.says, OWN_KEY))
    return Menu(items, columns=2 if len(items) >= 4 else 1, unfocused=True)


def cards_area(app: App) -> pygame.Rect:
    """The card grid, ending above the keys hint: the hint goes under the cards, on the
    covered stage, and the safe line keeps both out of the bottom tenth."""
    lay = app.layout
    area = lay.card_grid_rect.copy()
    area.h = min(area.h, draw.hint_top(app) - lay.gap // 2 - area.y)
    return area


def place(app: App, menu: Menu) -> None:
    """The cards' rectangles, exactly where `draw_option_cards` will draw them."""
    menu.rects = card_rects(cards_area(app), len(menu.items), app.layout)


def option_cards(
    surface: pygame.Surface,
    app: App,
    point: PointView,
    menu: Menu,
    tally: Callable[[int], int | None],
    *,
    focus: bool = True,
    prompt: str | None = None,
    note: str = "",
    keys: str = "",
    own: bool = False,
) -> None:
    """The question in the prompt band (with `note` under it: the facilitator's question for
    the room), the cards, their tallies and `keys` under them; `own`: the own-idea card last.

    Everything under the header is covered first: half-hidden nameplates or a strip of
    the speech bubble between the cards would only distract from the choice."""
    lay, theme = app.layout, app.theme
    top = lay.header_rect.bottom - lay.px(6)  # over the foot of the header strip too
    grid = cards_area(app)
    pygame.draw.rect(surface, theme.stage_bg, (0, top, lay.width, lay.height - top))
    band = pygame.Rect(0, top, lay.width, grid.y - top - lay.px(8))
    area = pygame.Rect(lay.prompt_rect.x, band.y, lay.prompt_rect.w, band.h)
    text = prompt if prompt is not None else point.prompt
    low = None
    if note:
        low = app.text.fit(
            f"Ask the room: {note}",
            lay.small_size,
            theme.accent,
            width=area.w,
            height=area.h // 2,
            italic=True,
        )
        area.h -= low.get_height()
    img = app.text.fit(text, lay.title_size, theme.text, width=area.w, height=area.h, bold=True)
    surface.blit(img, img.get_rect(midleft=(area.x, area.centery)))
    if low is not None:
        surface.blit(low, (area.x, area.bottom))
    if keys:
        draw.hint(surface, app, keys, (grid.x, lay.safe_rect.bottom))
    rects = draw_option_cards(
        surface,
        grid,
        (*point.options, OWN_CARD) if own else point.options,
        menu.focus if focus else None,
        theme=theme,
        layout=lay,
        text=app.text,
    )
    for option, rect in zip(point.options, rects, strict=False):
        hands = tally(option.index)
        if hands is None:
            continue
        label = app.text.render(f"Hands: {hands}", lay.small_size, theme.accent_text, bold=True)
        spot = label.get_rect(topright=(rect.right - lay.padding, rect.y + lay.px(8)))
        pygame.draw.rect(
            surface, theme.accent, spot.inflate(lay.px(16), lay.px(4)), border_radius=lay.px(10)
        )
        surface.blit(label, spot)
