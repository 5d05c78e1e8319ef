"""Before the curtain: who is playing (a room or one manager), then the content notice.

The notice names what the scenario deals with before anyone is in it, so people can look
after themselves, and offers the anti-model run (the traditional approach, played through
to its bad outcome) or going straight to the forum run.
"""

from __future__ import annotations

import pygame

from game.story.model import Script

from ..input import Action
from ..keymap import Act, key_name
from . import draw
from .flow import start_run
from .menu import Item, Menu, MenuScene, column, grid

ROOMS = {
    "facilitator": (
        "Facilitator: a room decides together",
        [
            "Projected for a group. Anyone can call \u201cstop!\u201d and buzz.",
            "A question for the room at each freeze; count a show of hands.",
            "Scores stay hidden until the debrief.",
        ],
    ),
    "solo": (
        "Solo practice: on your own",
        [
            "Keyboard or mouse. Freeze when something feels wrong.",
            "See the effect of each choice, and why, straight away.",
            "Your progress is kept for next time.",
        ],
    ),
}


class ModeScene(MenuScene):
    """Facilitator or solo, as two large cards."""

    name = "mode"

    def __init__(self, app, script: Script) -> None:
        super().__init__(app)
        self.script = script
        self.menu = Menu([Item(title, key) for key, (title, _) in ROOMS.items()], columns=2)

    def relayout(self) -> None:
        lay = self.app.layout
        area = lay.card_grid_rect.inflate(0, -lay.height // 8)
        self.menu.rects = grid(area, 2, 2, lay.gap * 2)

    def handle(self, action: Action) -> None:
        if action.act in (Act.PAUSE, Act.BACK):
            self.app.stack.pop()
            return
        chosen = self.menu.handle(action)
        if chosen is not None:
            self.app.stack.push(NoticeScene(self.app, self.script, chosen))

    def draw(self, surface: pygame.Surface) -> None:
        app = self.app
        surface.fill(app.theme.stage_bg)
        draw.heading(surface, app, "Who is playing?", self.script.title)
        for index, ((title, lines), rect) in enumerate(
            zip(ROOMS.values(), self.menu.rects, strict=True)
        ):
            draw.card(
                surface, app, rect, f"{index + 1}. {title}", lines, focused=index == self.menu.focus
            )
        one, two = key_name(Act.CHOOSE_1), key_name(Act.CHOOSE_2)
        enter, back = key_name(Act.CONFIRM), key_name(Act.PAUSE)
        draw.hint(surface, app, f"{one} or {two}, arrows and {enter}, or click.  {back}: back")


class NoticeScene(MenuScene):
    """Content notes and objectives; then the anti-model run, or straight to the forum run."""

    name = "notice"

    def __init__(self, app, script: Script, room: str) -> None:
        super().__init__(app)
        self.script = script
        self.room = room
        items = [Item("Start the forum run", "forum")]
        if script.anti_model_ending:
            items.insert(0, Item("First, watch the traditional approach", "anti_model"))
        items.append(Item("Back", "back"))
        self.menu = Menu(items)

    def relayout(self) -> None:
        lay = self.app.layout
        top = round(lay.height * 0.60)
        area = pygame.Rect(
            lay.menu_rect.x, top, lay.menu_rect.w, lay.safe_rect.bottom - top - lay.small_size * 2
        )
        self.menu.rects = column(area, len(self.menu.items), lay.px(96), lay.px(16))

    def handle(self, action: Action) -> None:
        if action.act in (Act.PAUSE, Act.BACK):
            self.app.stack.pop()
            return
        chosen = self.menu.handle(action)
        if chosen == "back":
            self.app.stack.pop()
        elif chosen is not None:
            start_run(self.app, self.script, self.room, anti_model_first=chosen == "anti_model")

    def draw(self, surface: pygame.Surface) -> None:
        app, lay = self.app, self.app.layout
        surface.fill(app.theme.stage_bg)
        script = self.script
        draw.heading(
            surface, app, script.title, f"About {script.minutes} minutes. {ROOMS[self.room][0]}."
        )
        area = pygame.Rect(
            lay.safe_rect.x, round(lay.height * 0.2), lay.safe_rect.w, round(lay.height * 0.38)
        )
        notes = script.content_notes or ("No particular content notes.",)
        lines = ["This scenario includes: " + "; ".join(notes) + "."]
        if script.objectives:
            lines.append("What to practise: " + " ".join(script.objectives))
        draw.card(surface, app, area, "Before we start", lines)
        draw.menu(surface, app, self.menu)
        pause = key_name(Act.PAUSE)
        draw.hint(surface, app, f"Take a break whenever you need one: {pause} pauses the scene.")
