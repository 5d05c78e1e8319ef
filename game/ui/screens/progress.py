"""Solo practice over time: per scenario, every run's criteria as a chart, and its endings.

It is the scenario picker with another panel beside the list (Enter still starts the
scenario, so a manager can practise again straight from their history).
"""

from __future__ import annotations

import pygame

from game.i18n import N_, _
from game.records.progress import RunSummary, history, tone_words
from game.story.library import Entry

from ..keymap import Act, key_name
from ..trend import draw_trend
from . import draw
from .picker import PickerScene

#: Most recent runs listed in words under the chart.
RUNS_LISTED = 4
#: Share of the panel's height the chart may take; the run list has the rest.
CHART_SHARE = 0.62


def run_line(run: RunSummary) -> str:
    """ "23 Nov 2026 14:05: Supported and on time (just and learning)": the scores are in
    the chart above it, in the debrief's own numbers."""
    tone = tone_words(run.tone)
    return f"{run.when}: {run.ending_title} ({tone})"


class ProgressScene(PickerScene):
    name = "progress"
    title = N_("Your practice over time")

    def enter_does(self) -> str:
        return _("{up}/{down} to see a scenario's runs; {confirm} practises it.").format(
            up=key_name(Act.UP), down=key_name(Act.DOWN), confirm=key_name(Act.CONFIRM)
        )

    def enter(self) -> None:
        super().enter()
        self._history = {e.id: history(self.progress_data, e.id) for e in self.entries}

    def _chart_box(self) -> pygame.Rect:
        pad = self.app.layout.padding
        inner = self.detail.inflate(-pad * 2, -pad * 2)
        return pygame.Rect(inner.x, inner.y, inner.w, round(inner.h * CHART_SHARE))

    def draw_detail(self, surface: pygame.Surface, entry: Entry) -> None:
        runs = self._history.get(entry.id, [])
        if not runs:
            lines = [_("No solo practice runs of this scenario yet."), _("Play it in solo mode.")]
            draw.card(surface, self.app, self.detail, entry.title, lines, enabled=entry.playable)
            return
        draw.card(surface, self.app, self.detail, "", [])
        box = self._chart_box()
        app, lay = self.app, self.app.layout
        ink = app.theme.panel_text
        draw_trend(surface, box, runs, theme=app.theme, layout=lay, text=app.text, ink=ink)
        below = pygame.Rect(box.x, box.bottom + lay.gap, box.w, self.detail.bottom - box.bottom)
        recent = [run_line(r) for r in reversed(runs[-RUNS_LISTED:])]
        heading = _("Runs: {count}, latest first:").format(count=len(runs))
        text = heading + "\n" + "\n".join(recent)
        below.h -= lay.padding + lay.gap
        draw.paragraph(
            surface, self.app, below, text, size=lay.small_size, colour=self.app.theme.panel_text
        )
