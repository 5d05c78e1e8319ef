"""Focus and hit-testing for a set of choices, shared by every menu, card row and list.

A `Menu` knows its items, which one has the focus and where each is on screen; it turns
UP/DOWN/LEFT/RIGHT, digits, Enter, pad A, mouse hover and clicks into "item k was chosen".
Scenes place the rectangles (in `relayout`) and draw the items with the art widgets, so the
same keyboard, mouse and pad behaviour holds on the title, the picker, the freeze menu and
the decision cards alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pygame import Rect

from game.i18n import _

from ..input import Action
from ..keymap import CHOOSES, Act
from ..scene_stack import Scene


@dataclass
class Item:
    """One choice. `key` is what the scene gets back; `reason` says why it is locked."""

    label: str
    key: str
    enabled: bool = True
    reason: str = ""
    #: The key shown in the badge of an item past the digits (Quit: "Q").
    hotkey: str = ""
    #: What the button says in a short menu (`Menu.short`); default: the words before the
    #: label's colon.
    brief: str = ""


@dataclass
class Menu:
    """Items laid out in `columns` columns; arrows move the focus, Enter chooses it.

    `focus` is None while nothing is focused (`unfocused=True`): Enter then does nothing
    until an arrow, a digit or the mouse picks a card, so a room reading on with Enter
    cannot choose by accident the moment the cards appear.
    """

    items: list[Item]
    columns: int = 1
    focus: int | None = 0
    rects: list[Rect] = field(default_factory=list)
    #: Digits 1-4 choose items 1-4 directly (off where digits mean something else).
    digits: bool = True
    #: Labels shown briefly ("Redirect: try another response" as "Redirect", see
    #: `Item.brief`): where the whole words would make a panel cover what the room reads.
    short: bool = False
    #: Start with nothing focused (decision and redirect cards).
    unfocused: bool = False

    def __post_init__(self) -> None:
        self.focus = None if self.unfocused else self.first_enabled()

    def first_enabled(self) -> int:
        """The first item that can be chosen (the first locked one if none can)."""
        return next((i for i, item in enumerate(self.items) if item.enabled), 0)

    @property
    def focused(self) -> Item | None:
        return self.items[self.focus] if self.items and self.focus is not None else None

    @property
    def focus_index(self) -> int:
        """The focused item's index, or 0 while nothing is focused: where a list scrolls to
        and whose details a panel shows."""
        return self.focus or 0

    def key_at(self, pos: tuple[int, int]) -> int | None:
        return next((i for i, r in enumerate(self.rects) if r.collidepoint(pos)), None)

    def focus_on(self, key: str) -> None:
        self.focus = next((i for i, it in enumerate(self.items) if it.key == key), self.focus)

    def move_focus(self, step: int) -> None:
        """Scroll the focus by `step` rows (mouse wheel), clamped to the list."""
        start = -1 if self.focus is None and step > 0 else (self.focus or 0)
        self.focus = max(0, min(len(self.items) - 1, start + step))

    def step_towards(self, index: int) -> Act:
        """The arrow that moves the focus one step nearer item `index` (for drivers that
        play the game by keys: the benchmark and the test pilot)."""
        forward = self.focus is None or self.focus < index
        if self.columns > 1:
            return Act.RIGHT if forward else Act.LEFT
        return Act.DOWN if forward else Act.UP

    def handle(self, action: Action) -> str | None:
        """The key of the item chosen by this action, or None (the focus may have moved)."""
        act = action.act
        count = len(self.items)
        if not count:
            return None
        moves = {Act.UP: -self.columns, Act.DOWN: self.columns, Act.LEFT: -1, Act.RIGHT: 1}
        if act in moves and (self.columns > 1 or act in (Act.UP, Act.DOWN)):
            if self.focus is None:  # the first move only shows where the focus is
                self.focus = self.first_enabled()
            else:
                self.focus = max(0, min(count - 1, self.focus + moves[act]))
            return None
        if act is Act.CONFIRM:
            return None if self.focus is None else self._choose(self.focus)
        if self.digits and act in CHOOSES:
            index = CHOOSES.index(act)
            return self._choose(index) if index < count else None
        if act in (Act.CLICK, Act.POINT) and action.pos is not None:
            hit = self.key_at(action.pos)
            if hit is None:
                return None
            self.focus = hit
            return self._choose(hit) if act is Act.CLICK else None
        return None

    def _choose(self, index: int) -> str | None:
        item = self.items[index]
        self.focus = index
        return item.key if item.enabled else None


def column(area: Rect, count: int, height: int, gap: int) -> list[Rect]:
    """`count` rows of `height`, centred vertically in `area` (shrunk to fit if needed)."""
    if count <= 0:
        return []
    height = min(height, (area.h - gap * (count - 1)) // count)
    total = count * height + (count - 1) * gap
    top = area.y + (area.h - total) // 2
    return [Rect(area.x, top + i * (height + gap), area.w, height) for i in range(count)]


def rows(
    area: Rect,
    count: int,
    height: int,
    gap: int,
    wide: Rect | None = None,
    wide_height: int | None = None,
) -> list[Rect]:
    """`count` buttons of `height` in one column in `area`, top first; when they do not fit,
    in two columns across `wide` (default `area`), filled down the left column first, each
    `wide_height` tall (default `height`: narrower buttons may need two lines).

    So a list keeps its order for Up/Down (Left/Right stay free, as on the settings screen),
    and larger text makes the buttons taller instead of making their words smaller.
    """
    if count <= 0:
        return []
    if count * height + (count - 1) * gap <= area.h:
        return column(
            Rect(area.x, area.y, area.w, count * height + (count - 1) * gap), count, height, gap
        )
    wide = wide or area
    per = -(-count // 2)
    height = min(wide_height or height, (area.h - gap * (per - 1)) // per)
    width = (wide.w - gap) // 2
    return [
        Rect(
            wide.x + (i // per) * (width + gap), area.y + (i % per) * (height + gap), width, height
        )
        for i in range(count)
    ]


def grid(area: Rect, count: int, columns: int, gap: int) -> list[Rect]:
    """`count` equal cells in rows of `columns`, filling `area`."""
    if count <= 0:
        return []
    rows = -(-count // columns)
    width = (area.w - gap * (columns - 1)) // columns
    height = (area.h - gap * (rows - 1)) // rows
    return [
        Rect(
            area.x + (i % columns) * (width + gap),
            area.y + (i // columns) * (height + gap),
            width,
            height,
        )
        for i in range(count)
    ]


class MenuScene(Scene):
    """A screen whose controls are one `Menu` (`self.menu`): it lays the menu out when it
    opens and when the screen above it closes, and names its controls for tests and tools."""

    menu: Menu

    def enter(self) -> None:
        self.relayout()

    def resume(self, result: object = None) -> None:
        self.relayout()

    def controls(self) -> list[tuple[str, Rect]]:
        return [(i.label, r) for i, r in zip(self.menu.items, self.menu.rects, strict=False)]

    def spoken(self) -> str:
        """The focused item, and why it is locked if it is."""
        item = self.menu.focused
        if item is None:
            return ""
        if item.enabled:
            return item.label
        return _("{item}. Locked: {reason}").format(item=item.label, reason=item.reason)
