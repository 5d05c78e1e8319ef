"""Where every piece of text lands on a screen, for tests that hold text to the room's needs.

`TextSpy` wraps an app's text renderer so each rendered surface is known by what it says and
at what size; `text_on_screen` draws the scenes on show into a surface that notes every blit
of such a surface (where it went, and whether it was cut by an `area`). From those a test
checks that no text is clipped by the window or by its own blit, that no two texts overlap,
and that no text is smaller than the floor for projected text.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.ui.app import App


@dataclass(frozen=True)
class Placed:
    """One text blitted on screen: its words, font size, where it is, whether it was cut,
    and which of the scenes on show drew it (0: the lowest)."""

    text: str
    size: int
    rect: pygame.Rect
    cut: bool
    layer: int


class TextSpy:
    """Remembers, for each surface the app's renderer hands out, its words and size."""

    def __init__(self, app: App) -> None:
        self.seen: dict[int, tuple[str, int]] = {}
        self.keep: list[pygame.Surface] = []  # ids stay unique while the surfaces live
        render = app.text.render

        def spying(text: str, size: int, colour, **kwargs) -> pygame.Surface:
            surface = render(text, size, colour, **kwargs)
            self.seen[id(surface)] = (text, size)
            self.keep.append(surface)
            return surface

        app.text.render = spying  # type: ignore[method-assign]


class _Recording(pygame.Surface):
    """A screen-sized surface that notes each blit of a known text surface."""

    spy: TextSpy
    placed: list[Placed]
    layer: int

    def blit(self, source, dest, area=None, special_flags=0):  # type: ignore[override]
        known = self.spy.seen.get(id(source))
        if known is not None:
            full = source.get_rect()
            shown = pygame.Rect(area) if area is not None else full
            shown = shown.clip(full)
            at = (
                pygame.Rect(dest[0], dest[1], shown.w, shown.h)
                if not isinstance(dest, pygame.Rect)
                else pygame.Rect(dest.x, dest.y, shown.w, shown.h)
            )
            if source.get_width() and source.get_height():
                cut = shown.size != full.size
                self.placed.append(Placed(known[0], known[1], at, cut, self.layer))
        return super().blit(source, dest, area, special_flags)


def text_on_screen(app: App, spy: TextSpy) -> list[Placed]:
    """Every text the scenes on show draw now, in drawing order."""

    def scenes(surface: _Recording) -> None:
        for layer, scene in enumerate(app.stack.visible()):
            surface.layer = layer
            scene.draw(surface)

    return drawn(spy, app.layout.size, scenes)


def drawn(spy: TextSpy, size: tuple[int, int], paint) -> list[Placed]:
    """Every text `paint(surface)` draws on a surface of `size` (another window's, such as
    the presenter view's), in drawing order."""
    surface = _Recording(size)
    surface.spy, surface.placed, surface.layer = spy, [], 0
    paint(surface)
    return [p for p in surface.placed if p.text.strip()]


def problems(app: App, placed: list[Placed], floor: int) -> list[str]:
    """What is wrong with the texts on this screen, in words (empty when all is well)."""
    found = []
    screen = app.layout.screen_rect
    for p in placed:
        if p.cut:
            found.append(f"cut off: {p.text!r}")
        if not screen.contains(p.rect):
            found.append(f"outside the window: {p.text!r} at {p.rect}")
        if p.size < floor:
            found.append(f"{p.size} px, under the floor of {floor}: {p.text!r}")
    for i, a in enumerate(placed):
        for b in placed[i + 1 :]:
            overlap = a.rect.clip(b.rect)
            # An overlay covers what is under it: only texts of one scene can collide.
            if overlap.w > 2 and overlap.h > 2 and a.text != b.text and a.layer == b.layer:
                found.append(f"{a.text!r} {a.rect} collides with {b.text!r} {b.rect}")
    return found


def tour_texts(
    size: tuple[int, int], scale: float, **settings: object
) -> tuple[dict[str, list[Placed]], dict[str, list[str]]]:
    """Every screen of the tour at this window size and text size: the texts on each, and
    what is wrong with them (see `problems`)."""
    from game.ui.settings import Settings
    from tests.ui.pilot import Pilot, tour

    pilot = Pilot(size, settings=Settings(auto_advance=False, text_scale=scale, **settings))
    spy = TextSpy(pilot.app)
    texts, wrong = {}, {}
    for name in tour(pilot):
        placed = text_on_screen(pilot.app, spy)
        texts[name] = placed
        wrong[name] = problems(pilot.app, placed, pilot.app.layout.floor_size)
    pygame.display.quit()
    return texts, wrong


def authored() -> set[str]:
    """Every string the shipped scripts, their criteria and their translations hold (lines,
    options, prompts, names)."""
    import yaml
    from babel.messages.pofile import read_po

    from game.ui.app import SCRIPTS_DIR

    found: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, str) and len(node) >= 12:
            found.add(node.strip())
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in SCRIPTS_DIR.glob("*.yaml"):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    # The scripts' translations (`example.cy.po`) are the scripts' words too.
    for path in SCRIPTS_DIR.glob("*.po"):
        with open(path, "rb") as handle:
            walk([message.string for message in read_po(handle) if message.id])
    return found


def shrunk(small: dict[str, list[Placed]], large: dict[str, list[Placed]]) -> list[str]:
    """The interface's own words drawn smaller at a larger text setting than at a smaller
    one, screen by screen. Words from a script (an option, a prompt, a summary) are fitted
    to their card or bubble and may take less than the full growth, never less than the
    floor, so they are left out here."""
    scripts = authored()
    found = []
    for name, placed in large.items():
        before = {p.text: p.size for p in small.get(name, [])}
        for p in placed:
            if any(words in p.text for words in scripts):
                continue
            if p.text in before and p.size < before[p.text]:
                found.append(f"{name}: {p.text!r} {before[p.text]} px -> {p.size} px")
    return found
