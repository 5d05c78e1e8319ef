"""Solo feedback after each choice: what it did to each criterion, and why.

Effects are written as words and symbols ("\u25b2 +2 Compassion and wellbeing"), never carried
by colour alone, so they read the same in every palette and to every eye.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.i18n import _
from game.records.chart import signed
from game.records.report import alternative_words
from game.story.views import ChoiceResult

from ..input import Action
from ..keymap import Act, key_name
from ..scene_stack import Scene
from ..widgets import draw_triangle
from . import draw

if TYPE_CHECKING:
    from .stage import StageScene


def effect_line(name: str, value: int) -> str:
    """ "+2  Compassion (better)": the sign and a word say which way; a drawn arrow goes beside."""
    word = _("better") if value > 0 else _("worse") if value < 0 else _("no change")
    return _("{signed}  {criterion} ({word})").format(
        signed=signed(value), criterion=name, word=word
    )


class FeedbackScene(Scene):
    name = "feedback"
    overlay = True

    def __init__(self, app, stage: StageScene, result: ChoiceResult) -> None:
        super().__init__(app)
        self.stage = stage
        self.result = result

    def effects(self) -> list[tuple[int, str]]:
        """(value, words) for each criterion the choice moved, in the script's order."""
        criteria = self.stage.rt.script.criteria
        scores = self.result.scores
        order = [c for c in criteria if scores.get(c)] + [
            c for c in scores if c not in criteria and scores[c]
        ]
        return [
            (scores[c], effect_line(criteria[c].name if c in criteria else c, scores[c]))
            for c in order
        ]

    def spoken(self) -> str:
        """The feedback as it reads on screen: each criterion's change, then why."""
        effects = ". ".join(words for _, words in self.effects())
        return f"{effects}. {self.result.feedback}" if effects else self.result.feedback

    def handle(self, action: Action) -> None:
        if action.act in (Act.CONFIRM, Act.ADVANCE, Act.CLICK, Act.BACK, Act.PAUSE, Act.BUZZ):
            self.app.stack.pop()

    def draw(self, surface: pygame.Surface) -> None:
        app, lay, theme = self.app, self.app.layout, self.app.theme
        draw.dim(surface, app)
        area = lay.safe_rect.inflate(-lay.width // 12, -lay.px(40))
        pygame.draw.rect(surface, theme.panel, area, border_radius=lay.radius)
        pygame.draw.rect(surface, theme.outline, area, lay.outline, border_radius=lay.radius)
        inner = area.inflate(-lay.padding * 2, -lay.padding * 2)
        y = inner.y
        said = app.text.fit(
            _("You chose: \u201c{words}\u201d").format(words=self.result.option.says),
            lay.body_size,
            theme.panel_text,
            width=inner.w,
            height=inner.h // 4,
            bold=True,
        )
        surface.blit(said, (inner.x, y))
        y += said.get_height() + lay.gap
        arrow = lay.body_size * 3 // 4
        rows = self.effects() or [(0, _("No effect on the criteria"))]
        columns = 1 if len(rows) <= 4 else 2
        width = inner.w // columns
        line = app.text.line_height(lay.body_size)
        for index, (value, words) in enumerate(rows):
            x = inner.x + (index % columns) * width
            row_y = y + (index // columns) * line
            img = app.text.fit(
                words,
                lay.body_size,
                theme.panel_text,
                width=width - arrow - lay.gap * 2,
                height=line,
            )
            if value:
                draw_triangle(
                    surface,
                    (x + arrow // 2, row_y + line // 2),
                    arrow,
                    value > 0,
                    theme.good if value > 0 else theme.bad,
                    theme.outline,
                )
            surface.blit(img, (x + arrow + lay.gap, row_y + (line - img.get_height()) // 2))
        y += -(-len(rows) // columns) * line + lay.gap
        verdict = self.result.verdict
        if verdict is not None:
            words = alternative_words(verdict, self.stage.rt.script)
            img = app.text.fit(
                words, lay.small_size, theme.panel_text, width=inner.w, height=line * 2
            )
            surface.blit(img, (inner.x, y))
            y += img.get_height() + lay.gap
        if self.result.feedback:
            rest = pygame.Rect(inner.x, y, inner.w, max(1, inner.bottom - y - lay.small_size * 2))
            draw.paragraph(surface, app, rest, self.result.feedback, colour=theme.panel_text)
        note = app.text.render(
            _("Press {key} to carry on").format(key=key_name(Act.CONFIRM)),
            lay.small_size,
            theme.panel_muted,
        )
        surface.blit(note, (inner.x, inner.bottom - note.get_height()))
