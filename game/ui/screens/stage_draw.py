"""Painting a `StageView` with the art modules: the set composed once, the words on top.

The set (backdrop, spotlight, cast, labels) only changes when the scene, who is present, an
emotion or the speaker changes, so it is composed into one surface and kept, keyed by exactly
those things and the style; a frame then costs one blit of the set plus the bubble (its text
comes from the text cache). The coming line's set is composed ahead, in a frame that draws
nothing, on a second surface (`warm`). The frozen stage is the same picture with the app's
freeze overlay (`App.freeze_overlay`), made ahead for each line by the stage.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import TYPE_CHECKING

import pygame

from game.story.model import Script
from game.story.views import ActorView, ComingView, StageView, ThoughtView

from ..art.stage import StageArt, speaker_anchor
from ..bubbles import draw_speech_bubble, draw_thought_bubble, warm_speech_bubble
from ..widgets import frozen_header_x

if TYPE_CHECKING:
    from ..app import App


class StagePainter:
    """Draws stage views for one app; keeps the last composed set and freeze overlay."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.art: StageArt = app.stage_art
        self._set_key: tuple | None = None
        self._set: pygame.Surface | None = None
        #: The set the coming line will show, composed ahead in a quiet frame (`warm`); the
        #: two surfaces change places when that line comes on. 8 MB more at 1080p.
        self._spare_key: tuple | None = None
        self._spare: pygame.Surface | None = None
        #: Drawn on to make words ahead into the text cache (a header still to come): every
        #: blit is clipped to its one pixel, so drawing there costs only the making.
        self.scratch = pygame.Surface((1, 1))

    def prepare(self, script: Script) -> None:
        """Paint every backdrop of the script and every look of its cast before the first
        line (once per scenario and window size: the app's art caches keep them), and load
        the fonts the stage fits words at, so that no change of scene, speaker or emotion
        waits for paint or a font file in the middle of a scene."""
        looks: dict[str, set[str]] = {who: {"neutral"} for who in script.cast}
        speakers = set()
        cast_sizes = set()
        for beat in script.beats.values():
            on_stage = dict.fromkeys([*beat.present, *(line.who for line in beat.lines)])
            cast_sizes.add(sum(who in script.cast for who in on_stage))
            for who, mood in beat.moods.items():
                looks.setdefault(who, {"neutral"}).add(mood)
            for line in beat.lines:
                speakers.add(line.who)
                looks.setdefault(line.who, {"neutral"}).add(line.emotion or "neutral")
        app = self.app
        self.art.prepare(
            sorted({scene.backdrop for scene in script.scenes.values()}),
            [
                (who, script.cast[who].look, emotion, who in speakers)
                for who, emotions in looks.items()
                if who in script.cast
                for emotion in sorted(emotions)
            ],
            sorted(cast_sizes),
            theme=app.theme,
            layout=app.layout,
            scenario=script.id,
        )
        # Every size words on the stage and its pages are fitted at, in each style: a font
        # is loaded from its file the first time a size is used (about 5 MB for them all).
        lay = app.layout
        for size in range(lay.floor_size, lay.title_size + 1):
            for bold, italic in itertools.product((False, True), repeat=2):
                app.text.font(size, bold, italic)

    def release(self) -> None:
        """Let go of the kept pictures (leaving the stage); they are made again if needed."""
        self._set = self._set_key = None
        self._spare = self._spare_key = None

    def _key(self, backdrop: str, actors: Sequence[ActorView]) -> tuple:
        """What a set's picture depends on: the style, the backdrop, and each actor's look."""
        cast = tuple((a.id, a.emotion, a.speaking) for a in actors)
        return (*self.app.style_key(), backdrop, cast)

    def set_surface(self, view: StageView) -> pygame.Surface:
        """Backdrop, cast and labels for this view: composed ahead (see `warm`), or now."""
        key = self._key(view.scene.backdrop, view.actors)
        if key == self._spare_key and self._spare is not None:
            self._set, self._spare = self._spare, self._set
            self._set_key, self._spare_key = key, self._set_key
        elif key != self._set_key or self._set is None:
            self._set = self._compose(
                self._set, self._set_key, key, view.scene.backdrop, view.actors
            )
            self._set_key = key
        return self._set

    def _compose(
        self,
        into: pygame.Surface | None,
        held: tuple | None,
        key: tuple,
        backdrop: str,
        actors: Sequence[ActorView],
    ) -> pygame.Surface:
        """The set for `key` on `into` (which holds the set for `held`, or nothing): only
        the columns of actors whose look changed when the rest is the same (see
        `StageArt.compose`), else the whole picture; on a new surface if `into` will not do."""
        app = self.app
        reuse = into if into is not None and into.get_size() == app.layout.size else None
        return self.art.compose(
            backdrop,
            actors,
            theme=app.theme,
            layout=app.layout,
            text=app.text,
            into=reuse,
            changed=_changed(held, key) if reuse is not None else None,
        )

    def warm(self, coming: ComingView, name: str, first_chars: int) -> None:
        """Make now, in a quiet frame, what the `coming` line (spoken by `name`) will show:
        its set (backdrop, cast, name labels; on the spare surface, which changes places
        with the set on show when the line comes on) and its words fitted to the bubble.
        Composing a set takes 0.5-2.5 ms at 1080p (a new beat's the most) and fitting a long
        line up to a millisecond: they would otherwise fall in the frame that brings the
        line on, the stage's busiest. `first_chars`: how much of the line its first frame
        shows (the first word when lines type out; all of it when they do not)."""
        app, line = self.app, coming.line
        warm_speech_bubble(
            app.layout.bubble_rect,
            name,
            line.says,
            line.direction,
            first_chars,
            theme=app.theme,
            layout=app.layout,
            text=app.text,
        )
        key = self._key(coming.scene.backdrop, coming.actors)
        if key == self._set_key or (key == self._spare_key and self._spare is not None):
            return  # the same set as now, or made already
        self._spare = self._compose(
            self._spare, self._spare_key, key, coming.scene.backdrop, coming.actors
        )
        self._spare_key = key

    def speech(self, surface: pygame.Surface, view: StageView, shown_chars: int) -> None:
        """The line on stage in a speech bubble, `shown_chars` of it typed so far."""
        app, line = self.app, view.line
        if line is None:
            return
        name = view.speaker.name if view.speaker else line.who
        draw_speech_bubble(
            surface,
            app.layout.bubble_rect,
            name,
            line.says,
            shown_chars,
            line.direction,
            tail=speaker_anchor(app.layout, view.actors),
            theme=app.theme,
            layout=app.layout,
            text=app.text,
        )

    def thought(self, surface: pygame.Surface, view: StageView, thought: ThoughtView) -> None:
        """A hot-seated character's thoughts, in a cloud over their head."""
        app = self.app
        who = thought.character
        draw_thought_bubble(
            surface,
            app.layout.bubble_rect,
            who.name,
            thought.text,
            len(thought.text),
            tail=speaker_anchor(app.layout, view.actors, who=who.id),
            theme=app.theme,
            layout=app.layout,
            text=app.text,
        )

    def header(
        self,
        surface: pygame.Surface,
        left: str | Sequence[str],
        right: str | Sequence[str],
        end: int,
        *,
        frozen: bool = False,
    ) -> None:
        """A dark strip across the top: the scene's name, then `right` (mode, keys) up to `end`.

        `left` and `right` may each be several wordings, longest first: the first that fits
        on one line at the small size is shown (the place in up to half the strip), so
        larger text drops a caption or the less needed keys instead of shrinking or wrapping.
        The strip keeps these words readable over any backdrop. `frozen`: only the words,
        over the freeze's dimming (which would dim them too, worst in high contrast) and
        clear of its frame's corner mark.
        """
        app, lay = self.app, self.app.layout
        area = lay.header_rect
        x = frozen_header_x(lay) if frozen else area.x
        if not frozen:
            self.strip(surface)
        half = area.x + area.w // 2 - x
        lefts = [left] if isinstance(left, str) else list(left)
        rights = [right] if isinstance(right, str) else list(right)

        def wide(words: str, bold: bool = False) -> int:
            return app.text.measure(words, lay.small_size, bold=bold)[0]

        # The fullest place that fits half the strip, with the fullest keys that fit after
        # it; a shorter place if that lets some keys fit; else no keys at all (a cut,
        # shrunken hint helps nobody at the back of the room).
        room = [p for p in lefts if wide(p, True) <= half] or lefts[-1:]
        place, keys = room[0], ""
        for words, where in ((w, p) for p in room for w in rights):
            if x + wide(where, True) + 2 * lay.gap + wide(words) <= end - lay.gap:
                place, keys = where, words
                break
        img = self._one_line(place, half, bold=True)
        surface.blit(img, img.get_rect(midleft=(x, area.centery)))
        if keys:
            x += img.get_width() + lay.gap * 2
            img = self._one_line(keys, max(1, end - x - lay.gap))
            surface.blit(img, img.get_rect(midleft=(x, area.centery)))

    def strip(self, surface: pygame.Surface) -> None:
        """The header's dark strip, without its words."""
        lay = self.app.layout
        top = (0, 0, lay.width, lay.header_rect.bottom + lay.px(4))
        pygame.draw.rect(surface, self.app.theme.stage_bg, top)

    def _one_line(
        self, wordings: str | Sequence[str], width: int, bold: bool = False
    ) -> pygame.Surface:
        """The first of `wordings` that fits `width` on one line at the small size (the last,
        fitted, if none does)."""
        app, lay = self.app, self.app.layout
        options = [wordings] if isinstance(wordings, str) else list(wordings)
        chosen = next(
            (w for w in options if app.text.measure(w, lay.small_size, bold=bold)[0] <= width),
            options[-1],
        )
        return app.text.fit(
            chosen,
            lay.small_size,
            self.app.theme.text,
            width=width,
            height=app.text.line_height(lay.small_size, bold=bold),
            bold=bold,
            min_size=lay.floor_size,
        )

    def frozen(
        self, picture: pygame.Surface, place: str | Sequence[str], end: int
    ) -> pygame.Surface:
        """The stage as it stood (`picture`, which this draws on), dimmed and stamped FREEZE,
        with the scene's name (`place`, its wordings) bright above the dimming: composed
        once per freeze."""
        self.strip(picture)
        self.app.freeze_overlay().blit_onto(picture)
        self.header(picture, place, "", end, frozen=True)
        return picture


def _changed(old: tuple | None, new: tuple) -> list[int] | None:
    """Which actors look different between two set keys (style..., backdrop, cast), when
    only looks changed: the same style, backdrop and people in the same places. None when
    anything else changed: the whole set is painted again."""
    if not old or old[:-1] != new[:-1]:
        return None
    before, after = old[-1], new[-1]
    if [a[0] for a in before] != [a[0] for a in after]:
        return None
    return [i for i, (was, now) in enumerate(zip(before, after, strict=True)) if was != now]
