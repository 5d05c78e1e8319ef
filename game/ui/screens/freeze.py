"""The freeze menu: what the room can do once the scene is stopped.

An overlay over the frozen stage. Its root offers 1 Redirect (only when an intervention
point is on stage or has just passed), 2 Hot-seat, 3 Rewind, 4 Resume; each opens a page of
this scene and every page goes back to the root with Esc or Backspace. A redirect pops the
overlay with the runtime's `ChoiceResult`, which the stage turns into feedback (solo); Resume
pops with None. The facilitator's question for the room stays on screen throughout.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import pygame

from game.story.views import Moment, ThoughtView

from ..input import Action
from ..keymap import Act
from ..sound import CHIME
from ..widgets import freeze_stamp_rect
from . import draw
from .menu import Item, Menu, MenuScene, grid
from .options import TALLY_KEYS, hands_input, option_cards, option_menu, place

if TYPE_CHECKING:
    from .stage import StageScene

#: Asked when the stop is not at an intervention point the author wrote a question for.
GENERIC_PROMPT = "Ask the room: what did you notice? What might the manager do differently?"
#: The keys on the hot-seat thought, longest first: the first that fits before FREEZE.
THOUGHT_HINTS = (
    "Enter: freeze menu \u00b7 Esc: someone else",
    "Enter: menu \u00b7 Esc: back",
    "Enter",
)


class FreezeScene(MenuScene):
    name = "freeze"
    overlay = True

    def __init__(self, app, stage: StageScene) -> None:
        super().__init__(app)
        self.stage = stage
        self.rt = stage.rt
        self.page = "menu"
        self.thought: ThoughtView | None = None
        self.note = ""
        self.menu = Menu([])
        self.top = 0  # first moment row shown on the rewind page
        #: The menu is hidden (H) so the room sees the whole frozen stage; any key shows it.
        self.hidden = False

    # ----- pages ------------------------------------------------------------------------

    def enter(self) -> None:
        self.open("menu")

    def open(self, page: str) -> None:
        self.page = page
        view = self.rt.view()
        if page == "menu":
            allowed = view.allowed
            self.menu = Menu(
                [
                    Item(
                        "Redirect: try another response",
                        "redirect",
                        "redirect" in allowed,
                        "no moment for it here",
                    ),
                    Item("Hot-seat: what are they thinking?", "hotseat"),
                    Item(
                        "Rewind: to an earlier moment",
                        "rewind",
                        "rewind" in allowed,
                        "nothing earlier yet",
                    ),
                    Item("Resume the scene", "resume"),
                ],
                columns=2,
            )
        elif page == "redirect":
            assert view.redirect is not None
            self.menu = option_menu(view.redirect)
        elif page == "hotseat":
            self.menu = Menu(
                [Item(f"{a.name} \u2014 {a.role}", a.id) for a in view.actors], columns=2
            )
        elif page == "rewind":
            moments = list(reversed(self.rt.moments()))
            # Two lines per moment: where it was (the scene, and whether it was a moment to
            # intervene, in words), then who said what, cut at the button's edge when drawn.
            self.menu = Menu(
                [
                    Item(f"{self._where(m)}\n{m.speaker_name}: {m.text}", str(m.index))
                    for m in moments
                ],
                digits=False,
            )
            self.top = 0
        self.relayout()

    def relayout(self) -> None:
        lay = self.app.layout
        if self.page == "redirect":
            place(self.app, self.menu)
        elif self.page == "rewind":
            self._scroll()
        elif self.page == "thought":
            self.menu.rects = []
        else:
            self.menu.rects = grid(self._panel()[2], len(self.menu.items), 2, lay.gap)

    def _panel(self) -> tuple[pygame.Rect, pygame.Rect, pygame.Rect]:
        """The menu's panel, its question line and the area for its buttons.

        The root menu and the hot-seat are a compact panel over the lower stage, so the faces
        and the line in the bubble stay in view while the room talks about them; the rewind
        list (lines of text, not the stage) takes the height it needs. The keys hint sits
        inside the panel's own foot, covering nothing.
        """
        lay = self.app.layout
        safe = lay.safe_rect
        compact = self.page != "rewind"
        title_line = self.app.text.line_height(lay.title_size, bold=True)
        lead_h = max(round(lay.height * (0.07 if compact else 0.12)), title_line)
        foot = self.app.text.line_height(lay.small_size) + lay.gap // 2
        if compact:  # as tall as its rows of two buttons need, standing on the safe line
            rows = max(1, -(-len(self.menu.items) // 2))
            width = (round(safe.w * 0.9) - 2 * lay.padding - lay.gap) // 2
            labels = [draw.shown_label(i) for i in self.menu.items]
            lines = draw.label_lines(self.app, labels, width)
            body_h = rows * draw.row_height(self.app, lines) + (rows - 1) * lay.gap
            top = safe.bottom - (2 * lay.padding + lead_h + lay.gap // 2 + body_h + foot)
            top = max(top, lay.header_rect.bottom)  # very large text: the whole stage
        else:
            top = lay.header_rect.bottom + lay.gap
        panel = pygame.Rect(0, top, round(safe.w * 0.9), safe.bottom - top)
        panel.centerx = safe.centerx
        inner = panel.inflate(-2 * lay.padding, -2 * lay.padding)
        lead = pygame.Rect(inner.x, inner.y, inner.w, lead_h)
        body_top = lead.bottom + lay.gap // 2
        return panel, lead, pygame.Rect(inner.x, body_top, inner.w, inner.bottom - foot - body_top)

    def _where(self, moment: Moment) -> str:
        """ "Moment to intervene \u00b7 Ward 7, nurses' station": the scene of a moment and, in
        words (never colour alone), whether the room could have stopped it there."""
        script = self.rt.script
        beat = script.beats.get(moment.beat_id)
        if beat is None:
            return ""
        scene = script.scenes[beat.scene].name if beat.scene in script.scenes else ""
        lines = beat.lines
        point = 0 <= moment.line_index < len(lines) and lines[moment.line_index].intervention
        # The mark first, so a long scene name is what gets cut, never the mark.
        if moment.speaker_name == "Decision":
            return f"Decision \u00b7 {scene}"
        return f"Moment to intervene \u00b7 {scene}" if point else scene

    def _moment_height(self) -> int:
        """A moment's button: the scene line (small) over the words (body size)."""
        app, lay = self.app, self.app.layout
        small = app.text.line_height(lay.small_size, bold=True)
        return small + app.text.line_height(lay.body_size) + lay.padding + lay.px(8)

    def rewind_rows(self) -> int:
        """How many moments the rewind page shows at once: two columns of as many as fill
        its panel, read down the left column and on down the right."""
        lay = self.app.layout
        gap = lay.px(12)
        return 2 * max(1, (self._panel()[2].h + gap) // (self._moment_height() + gap))

    def _scroll(self) -> None:
        """Keep the focused moment among the rows shown; rows off the page are not clickable."""
        shown = self.rewind_rows()
        focus = self.menu.focus_index
        if focus < self.top:
            self.top = focus
        elif focus >= self.top + shown:
            self.top = focus - shown + 1
        lay = self.app.layout
        body, gap, per = self._panel()[2], lay.px(12), shown // 2
        width, height = (body.w - lay.gap) // 2, self._moment_height()
        off = pygame.Rect(-10, -10, 0, 0)
        self.menu.rects = [off] * len(self.menu.items)
        for i in range(self.top, min(len(self.menu.items), self.top + shown)):
            col, row = divmod(i - self.top, per)
            x = body.x + col * (width + lay.gap)
            self.menu.rects[i] = pygame.Rect(x, body.y + row * (height + gap), width, height)

    def _moments(self, surface: pygame.Surface) -> None:
        """The rewind page's buttons: where (small, bold) over who said what."""
        app, lay, theme = self.app, self.app.layout, self.app.theme
        for index, (item, rect) in enumerate(zip(self.menu.items, self.menu.rects, strict=True)):
            if not rect.w:
                continue
            focused = index == self.menu.focus
            draw.button(surface, app, rect, "", focused=focused)
            ink = theme.button_focus_text if focused and theme.button_focus_text else None
            ink = ink or theme.button_text
            inner = rect.inflate(-2 * lay.padding, -lay.padding)
            where, what = item.label.split("\n", 1)
            top = app.text.fit(
                where,
                lay.small_size,
                ink,
                width=inner.w,
                height=app.text.line_height(lay.small_size, bold=True),
                bold=True,
                min_size=lay.small_size,  # one line at full size, cut with an ellipsis
            )
            surface.blit(top, inner.topleft)
            words = app.text.fit(
                what,
                lay.body_size,
                ink,
                width=inner.w,
                height=app.text.line_height(lay.body_size),
                min_size=lay.body_size,
            )
            surface.blit(words, (inner.x, inner.y + top.get_height()))

    # ----- actions ----------------------------------------------------------------------

    def handle(self, action: Action) -> None:
        act = action.act
        if self.hidden:
            if act is not Act.POINT:
                self.hidden = False  # any key or click brings the menu back, and only that
            return
        if act is Act.HIDE and self.page in ("menu", "hotseat", "rewind"):
            self.hidden = True
            return
        if act in (Act.PAUSE, Act.BACK):
            if self.page == "thought":
                self.open("hotseat")
            elif self.page != "menu":
                self.open("menu")
            elif act is Act.PAUSE:  # Esc on the menu itself: settings, quit, as on stage
                from .pause import PauseScene

                self.app.stack.push(PauseScene(self.app, self.stage))
            return
        if self.page == "thought":
            if act in (Act.CONFIRM, Act.CLICK, Act.ADVANCE):
                self.open("menu")
            return
        if self.page == "menu" and act is Act.ADVANCE:
            self._resume()  # the clicker's "next" plays the scene on
            return
        counted = None
        if self.page == "redirect" and not self.stage.solo:
            counted = hands_input(self.app, self.menu, action)
        if counted is not None:
            self.stage.add_tally(*counted)
            return
        if self.page == "rewind":  # the wheel, Page Up/Down (a page), Home and End
            page = self.rewind_rows()
            steps = {
                Act.SCROLL_UP: -1,
                Act.SCROLL_DOWN: 1,
                Act.BUZZ: -page,  # Page Up
                Act.ADVANCE: page,  # Page Down
                Act.FIRST: -len(self.menu.items),
                Act.LAST: len(self.menu.items),
            }
            if act in (Act.LEFT, Act.RIGHT):  # across to the other column
                steps[act] = page // 2 * (1 if act is Act.RIGHT else -1)
            if act in steps:
                self.menu.move_focus(steps[act])
                self._scroll()
                return
        chosen = self.menu.handle(action)
        if self.page == "rewind":
            self._scroll()
        if chosen is not None:
            self.choose(chosen)

    def choose(self, key: str) -> None:
        if self.page == "menu":
            if key == "resume":
                self._resume()
            else:
                self.note = ""
                self.open(key)
        elif self.page == "redirect":
            result = self.rt.redirect(int(key))
            self.app.stack.pop(result)
        elif self.page == "hotseat":
            self.thought = self.rt.hotseat(key)
            self.page = "thought"
            self.relayout()
        elif self.page == "rewind":
            moment = next(m for m in self.rt.moments() if m.index == int(key))
            self.rt.rewind(moment.index)
            self.stage.refresh()
            self.stage.compose_frozen()
            self.note = f"Rewound to {moment.speaker_name}: \u201c{moment.text}\u201d"
            self.open("menu")

    def _resume(self) -> None:
        self.rt.resume()
        self.app.sound.play(CHIME)
        self.app.stack.pop(None)

    # ----- drawing ----------------------------------------------------------------------

    def room_prompt(self) -> str:
        view = self.stage.view
        point = view.redirect or view.decision
        return point.facilitator_prompt if point and point.facilitator_prompt else GENERIC_PROMPT

    def picture(self) -> tuple:
        """Everything the freeze screen shows: while it is unchanged, so is the picture."""
        lay = self.app.layout
        return (
            self.page,
            self.menu.focus,
            self.top,
            self.note,
            self.thought,
            repr(self.rt.tallies),
            self.stage.frozen_count,
            lay.size,
            lay.text_scale,
            self.app.theme.name,
            tuple((i.label, i.enabled) for i in self.menu.items),
            self.hidden,
        )

    def draw(self, surface: pygame.Surface) -> None:
        """This menu over the frozen stage. Drawn only when `picture` changes (the app keeps
        the screen as it is otherwise), so the menu's panels cost nothing while it is held."""
        app, lay, theme = self.app, self.app.layout, self.app.theme
        view = self.stage.view
        if self.hidden:  # the whole frozen stage, and how to get the menu back
            corner = (lay.safe_rect.x, lay.header_rect.bottom + lay.gap + lay.small_size)
            draw.hint(surface, app, "Menu hidden: press any key to show it", corner)
            return
        if self.page == "redirect" and view.redirect is not None:
            point = view.redirect
            prompt = point.prompt
            if point.late:
                prompt = f"{prompt} (the moment has just passed)"
            note = "" if self.stage.solo else point.facilitator_prompt
            keys = f"1-{len(point.options)} or arrows then Enter; Esc: back"
            if not self.stage.solo:
                keys = f"{keys}; {TALLY_KEYS}"
            option_cards(
                surface,
                app,
                point,
                self.menu,
                self.stage.tally_of,
                prompt=prompt,
                note=note,
                keys=keys,
            )
            return
        if self.page == "thought" and self.thought is not None:
            self._thought(surface)
            return
        panel, area, _ = self._panel()
        lead = self.note or (
            self.room_prompt() if not self.stage.solo else "What would you like to do?"
        )
        if self.page == "hotseat":
            lead = "Who should we hear from?"
        elif self.page == "rewind":
            count = len(self.menu.items)
            lead = f"Go back to which moment? ({count} earlier, newest first)"
        draw.backing(surface, app, panel)
        img = app.text.fit(
            lead, lay.title_size, theme.text, width=area.w, height=area.h, bold=True, align="center"
        )
        surface.blit(img, img.get_rect(center=area.center))
        if self.page == "rewind":
            self._moments(surface)
        else:
            draw.menu(surface, app, self.menu)
        keys = {
            "menu": "1-4, arrows and Enter, or click.  H: hide.  Esc: pause.  Page Down resumes.",
            "hotseat": "Choose a character.  H: hide.  Esc: back",
            "rewind": "Up/Down, Page Up/Down, Home/End, Enter.  H: hide.  Esc: back",
        }[self.page]
        draw.hint(surface, app, keys, panel.inflate(-2 * lay.padding, -lay.padding).bottomleft)

    def _thought(self, surface: pygame.Surface) -> None:
        thought = self.thought
        assert thought is not None
        stage, painter = self.stage, self.stage.painter
        # The frozen stage again, but without the speech bubble: only the thought is spoken,
        # and the spotlight (and the nameplate's mark) move to the one being hot-seated.
        lit = tuple(replace(a, speaking=a.id == thought.character.id) for a in stage.view.actors)
        surface.blit(painter.set_surface(replace(stage.view, actors=lit)), (0, 0))
        painter.header(surface, stage.view.scene.name, "", stage.buzzer_rect.x)
        painter.frozen(surface)
        painter.thought(surface, stage.view, thought)
        # In the header strip, between the scene's name and the FREEZE stamp: it covers
        # neither the thought nor the nameplates.
        app, lay = self.app, self.app.layout
        name = app.text.measure(stage.view.scene.name, lay.small_size, bold=True)[0]
        x = lay.header_rect.x + min(name, lay.header_rect.w // 2) + 2 * lay.gap  # after it
        room = freeze_stamp_rect(lay, app.text).x - lay.gap - x
        hint = next(
            (h for h in THOUGHT_HINTS if app.text.measure(h, lay.small_size)[0] <= room),
            THOUGHT_HINTS[-1],
        )
        draw.hint(surface, app, hint, (x, lay.header_rect.bottom))
