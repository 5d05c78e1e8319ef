"""The stage: plays a run line by line, freezes on the buzzer, asks at decision points.

Everything the stage shows comes from `runtime.view()`; everything the player does becomes a
runtime call (`advance`, `buzz`, `choose`, `tally`, and the freeze menu's `redirect`,
`hotseat`, `rewind`, `resume`), made here and nowhere else in the UI: the freeze menu's pages
pop with a request and `resume` carries it out. The view is fetched again after each call,
never every frame. Whether the scene is frozen is the runtime's phase alone: the frozen
picture is a cache keyed by what it shows, and a freeze page is open exactly while the
phase is FROZEN (`follow_phase`). Lines type on at a reading
pace (time arrives as `dt`), then wait for a key or, with auto-advance on, for the time a
room needs to read them. A decision point never auto-advances.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import pygame

from game.i18n import N_, _
from game.records.session import Session, finish_session, record_progress
from game.story import flow
from game.story.runtime import Runtime
from game.story.views import ChoiceResult, Moment, Phase, RunMode, StageView, ThoughtView

from ..art.stage import label_rects, role_extra
from ..bubbles import revealed
from ..input import Action
from ..keymap import CHOOSES, Act, choice_keys, key_name
from ..scene_stack import Scene
from ..sound import BUZZ, CHIME, CHOICE
from . import draw
from .flow import after_anti_model, after_forum
from .freeze import (
    DECISION,
    EditWords,
    HotSeat,
    Mapped,
    Open,
    Redirect,
    Resume,
    Rewind,
    Words,
    speaker_name,
)
from .menu import Menu
from .options import OWN_KEY, hands_input, option_cards, option_menu, place
from .stage_draw import StagePainter

if TYPE_CHECKING:
    from ..app import App

#: Characters typed per second at reading speed 1.0 (text appears faster than it is read).
CHARS_PER_SECOND = 45.0
#: Never hold a finished line for less than this before auto-advancing.
MIN_HOLD = 1.5
#: Seconds after decision cards (or the ending) come up during which clicks, Enter and
#: arrows are taken as meant for the line before and do nothing. A room clicking or pressing
#: on through the lines must not choose the card that happens to appear under the pointer.
#: Digits are never meant for a line, so they choose at once.
SETTLE = 1.0
#: The buzzer's and Skip's words (translated where drawn: the language can change).
BUZZER_LABEL = N_("FREEZE")
SKIP_LABEL = N_("Skip")


def place_wordings(scene: str, caption: str) -> list[str]:
    """Where a scene is, for the header, longest first: with its beat's caption, or the name
    alone when large text leaves no room for both."""
    return [f"{scene}: {caption}", scene] if caption else [scene]


def hint_solo() -> str:
    """The solo nudge at an intervention moment, naming the key bound to the buzz."""
    return _("Something is happening here \u2014 press {key} to freeze").format(
        key=key_name(Act.BUZZ)
    )


class StageScene(Scene):
    """One run on stage. `room` is "facilitator" or "solo"; `session` records it (or None)."""

    name = "stage"

    def __init__(
        self,
        app: App,
        runtime: Runtime,
        *,
        room: str = "facilitator",
        session: Session | None = None,
        anti_model_ending: str = "",
        notice: str = "",
    ) -> None:
        super().__init__(app)
        self.rt = runtime
        self.room = room
        self.session = session
        #: The ending the anti-model run reached (for the debrief), when it was watched.
        self.anti_model_ending = anti_model_ending
        self.painter = StagePainter(app)
        #: The frozen picture of the line on stage, made ahead (see `prefreeze`), and its key.
        self._ready: pygame.Surface | None = None
        self._ready_key: tuple = ()
        self._line_frames = 0  # frames the line on stage has been up
        self._warmed: tuple | None = None  # the line whose coming line is made ahead
        self.cards = Menu([])
        self.view: StageView = runtime.view()
        self._line_key: tuple = ()
        self.text = ""  # the line being typed
        self.shown = 0.0  # characters typed so far (fractional between frames)
        self.held = 0.0  # seconds since the line finished typing
        self.age = 0.0  # seconds since the line (or the cards, or the ending) came on
        self.buzzer_rect = pygame.Rect(0, 0, 0, 0)
        self.skip_rect = pygame.Rect(0, 0, 0, 0)
        #: Said once over the stage until the next action (e.g. "the script changed since").
        self.notice = notice
        #: The record's error once it has been put up, so it is said once, at once.
        self._told: str | None = None
        self._progress_kept = False  # a solo run's ending is in the practice history
        self.refresh()

    # ----- state ------------------------------------------------------------------------

    @property
    def anti_model(self) -> bool:
        return self.rt.mode is RunMode.ANTI_MODEL

    @property
    def solo(self) -> bool:
        return self.room == "solo"

    @property
    def buzzer(self) -> bool:
        return self.view.phase is Phase.PLAYING and not self.anti_model

    def refresh(self) -> None:
        """Ask the runtime what is on stage now; restart typing if the line changed."""
        self.view = self.rt.view()
        view = self.view
        key = (
            self.rt.attempt,
            view.beat_id,
            view.line_index,
            view.act_line,
            view.phase is Phase.DECIDING,
        )
        if key != self._line_key:
            self._line_key = key
            self.text = view.line.says if view.line else ""
            self.shown = 0.0 if self.app.animate else float(len(self.text))
            self.held = 0.0
            self.age = 0.0
            self._line_frames = 0
            own = view.decision is not None and not self.anti_model
            self.cards = option_menu(view.decision, own=own) if view.decision else Menu([])
            if self.anti_model and view.decision is not None:
                self.cards.focus = self.traditional_choice()
            if view.line and view.phase is Phase.PLAYING:
                cast = list(self.rt.script.cast)
                who = view.line.who
                self.app.speak_line(cast.index(who) if who in cast else 0, self.text)
        self._place()

    def enter(self) -> None:
        self.painter.prepare(self.rt.script)
        self.follow_phase()

    def follow_phase(self) -> None:
        """Frozen with nothing over the stage (a run resumed or reloaded while frozen, a page
        closed): open the freeze menu, so a page is up exactly while the run is frozen."""
        if self.rt.phase is Phase.FROZEN and self.app.stack.top is self:
            self.open_freeze("freeze")

    def open_freeze(self, page: str, **kwargs: object) -> None:
        """Open a page of the freeze menu (a name in `registry.SCREENS`) over the stage."""
        self.app.push(page, self, **kwargs)

    @property
    def settled(self) -> bool:
        """The cards or the ending have been up long enough for a click or Enter to mean them."""
        return self.age >= SETTLE

    @property
    def typing(self) -> bool:
        return self.shown < len(self.text)

    def relayout(self) -> None:
        """New window size or style: place the controls again (the frozen picture's key
        holds the size and style, so it is made again when next shown)."""
        self._place()

    def _place(self) -> None:
        lay, text = self.app.layout, self.app.text
        # Wide enough for "[Space] FREEZE" at the current text size, as the button draws it.
        label = text.measure(_(BUZZER_LABEL), lay.body_size, bold=True)[0]
        key = text.measure(key_name(Act.BUZZ), lay.small_size, bold=True)[0] + lay.px(36)
        width = label + key + 2 * lay.padding + lay.px(24)
        self.buzzer_rect = pygame.Rect(
            lay.safe_rect.right - width, lay.header_rect.y, width, lay.header_rect.h
        )
        # Skip stands left of where FREEZE will be: a double-click on Skip must not land on
        # FREEZE when the forum run comes up and buzz its first line.
        skip = text.measure(_(SKIP_LABEL), lay.body_size, bold=True)[0]
        skip += 2 * lay.padding + lay.px(24)
        self.skip_rect = pygame.Rect(0, self.buzzer_rect.y, skip, self.buzzer_rect.h)
        self.skip_rect.right = self.buzzer_rect.x - lay.gap
        place(self.app, self.cards)

    def controls(self) -> list[tuple[str, pygame.Rect]]:
        found = [(i.label, r) for i, r in zip(self.cards.items, self.cards.rects, strict=False)]
        if self.anti_model:
            found.append((_(SKIP_LABEL), self.skip_rect))
        elif "buzz" in self.view.allowed:
            found.append((_("Freeze"), self.buzzer_rect))
        return found

    # ----- actions ----------------------------------------------------------------------

    def handle(self, action: Action) -> None:
        act = action.act
        if act is not Act.POINT:
            self.notice = ""
        if act is Act.PAUSE:
            self.app.push("pause", self)
            return
        phase = self.view.phase
        clicked_buzzer = (
            act is Act.CLICK and action.pos and self.buzzer_rect.collidepoint(action.pos)
        )
        if (
            self.anti_model
            and act is Act.CLICK
            and action.pos
            and self.skip_rect.collidepoint(action.pos)
        ):
            self.skip_anti_model()
        elif phase is Phase.ENDED:
            if act in (Act.CONFIRM, Act.ADVANCE, Act.CLICK, Act.RIGHT) and self.settled:
                self.finish()
            elif act is Act.BACK and "rewind" in self.view.allowed:
                self.open_freeze("rewind")  # try again from an earlier moment
        elif (
            act is Act.BUZZ or clicked_buzzer or (act is Act.BACK and phase is Phase.DECIDING)
        ) and "buzz" in self.view.allowed:
            self.freeze()
        elif phase is Phase.DECIDING and not self.anti_model:
            self._decide(action)
        elif act in (Act.CONFIRM, Act.ADVANCE, Act.RIGHT, Act.CLICK):
            self.next()

    def _decide(self, action: Action) -> None:
        if not self.settled and action.act not in (*CHOOSES, Act.PLUS, Act.MINUS):
            return  # meant for the line before: see SETTLE
        counted = None if self.solo else hands_input(self.app, self.cards, action)
        if counted is not None:
            self.add_tally(*counted)
            return
        chosen = self.cards.handle(action)
        if chosen == OWN_KEY:
            self.open_freeze("own_words")
        elif chosen is not None:
            self.after_choice(self.rt.choose(int(chosen)))

    def add_tally(self, index: int, delta: int) -> None:
        """A show of hands for option `index`, kept in the record before the room chooses."""
        point = self.view.redirect or self.view.decision
        if point is None or not point.options[index].available:
            return  # nobody can vote for a locked option
        count = self.rt.tallies.get(point.id, {}).get(index, 0) + delta
        self.rt.tally(index, max(0, count))

    def tally_of(self, index: int) -> int | None:
        if self.solo:
            return None
        point = self.view.redirect or self.view.decision
        return self.rt.tallies.get(point.id, {}).get(index, 0) if point else None

    def next(self) -> None:
        """Finish typing the line, or go on to the next one."""
        if self.typing:
            self.shown = float(len(self.text))
            return
        if "advance" in self.view.allowed:
            self.rt.advance()
            self.refresh()

    def freeze(self) -> None:
        """The buzzer: freeze now, so the very next frame shows the frozen stage and menu."""
        self.shown = float(len(self.text))
        self.app.speech.cancel()
        self.rt.buzz()
        self.refresh()
        self.app.sound.play(BUZZ)
        self.open_freeze("freeze")

    def frozen_picture(self) -> pygame.Surface | None:
        """The frozen stage while the run is frozen (else None): the picture made ahead for
        this line, or made now (after a rewind, a resize, or a buzz in the very frame a line
        came on)."""
        if self.rt.phase is not Phase.FROZEN:
            return None
        self.prefreeze()
        return self._ready

    def _frozen_key(self) -> tuple:
        """What the frozen picture shows: the line (whole), the cards and hands, the style."""
        return (self._line_key, repr(self.rt.tallies), self.app.style_key())

    def prefreeze(self) -> bool:
        """Make the frozen picture of what is on stage now, unless it is made already;
        whether it was made now.

        Called in a frame that draws nothing (`idle`) and on a buzz, so that the buzz
        itself usually only shows it: the freeze comes up within the frame budget (about
        3 ms less to do), and no frame that draws pays for it as well.
        """
        key = self._frozen_key()
        if key == self._ready_key and self._ready is not None:
            return False
        size = self.app.layout.size
        if self._ready is None or self._ready.get_size() != size:
            self._ready = pygame.Surface(size, 0, self.app.screen)  # the display's format
        self.paint(self._ready, frozen=True)
        self._ready = self.painter.frozen(self._ready, self.place(), self.buzzer_rect.x)
        view = self.view
        if view.line is not None and view.decision is None and view.phase is not Phase.ENDED:
            # The line the room stopped on, whole and over the dimming: it is what they
            # discuss, and dimmed it read grey on grey (worst in high contrast).
            self.painter.speech(self._ready, view, len(self.text))
        self._ready_key = key
        return True

    def resume(self, result: object = None) -> None:
        """Back from a freeze page (carry out what the room asked for), the pause menu or
        feedback; still frozen with nothing over the stage, the freeze menu opens again."""
        match result:
            case Open(page):
                self.open_freeze(page)
            case HotSeat(actor):
                self.open_freeze("thought", thought=self.rt.hotseat(actor))
            case Rewind(index):
                moment = next(m for m in self.rt.moments() if m.index == index)
                self.rt.rewind(index)
                note = _("Rewound to {name}: \u201c{line}\u201d").format(
                    name=speaker_name(moment), line=moment.text
                )
                self.refresh()
                self.open_freeze("freeze", note=note)
            case Redirect(option):
                self.after_choice(self.rt.redirect(option))
            case Words(text):
                self.open_freeze("closest", words=text)
            case EditWords(text):
                self.open_freeze("own_words", text=text)
            case Mapped(option, words):
                frozen = self.rt.phase is Phase.FROZEN
                take = self.rt.redirect if frozen else self.rt.choose
                self.after_choice(take(option, words))
            case Resume():
                self.rt.resume()
                self.app.sound.play(CHIME)
        self.refresh()
        self.follow_phase()

    def moments(self) -> list[Moment]:
        """The earlier moments of this attempt, oldest first (for the rewind page)."""
        return self.rt.moments()

    def where(self, moment: Moment) -> str:
        """ "Moment to intervene \u00b7 Ward 7, nurses' station": the scene of a moment and, in
        words (never colour alone), whether the room could have stopped it there. The mark
        comes first, so a long scene name is what gets cut, never the mark."""
        script = self.rt.script
        beat = script.beats.get(moment.beat_id)
        if beat is None:
            return ""
        scene = script.scenes[beat.scene].name if beat.scene in script.scenes else ""
        if moment.speaker_name == DECISION:
            return _("Decision") + f" \u00b7 {scene}"
        lines = beat.lines
        point = 0 <= moment.line_index < len(lines) and lines[moment.line_index].intervention
        return _("Moment to intervene") + f" \u00b7 {scene}" if point else scene

    def passed(self) -> Moment | None:
        """A buzz too late even for a late redirect: the intervention point that passed."""
        return self.rt.passed() if "rewind" in self.view.allowed else None

    def after_choice(self, result: ChoiceResult) -> None:
        self.app.sound.play(CHOICE)
        self.refresh()
        if self.solo:
            self.app.push("feedback", self, result)

    def skip_anti_model(self) -> None:
        after_anti_model(self.app, self, skipped=True)

    def finish(self) -> None:
        """The run reached an ending: on to the forum run (after the anti-model) or the debrief."""
        if self.anti_model:
            after_anti_model(self.app, self, skipped=False)
        else:
            after_forum(self.app, self)

    def exit(self) -> None:
        """Leaving the stage: a run that ended is closed (and joins solo progress) even if
        nobody pressed on to the debrief; one without an ending stays open to resume.
        Its pictures (the set and the frozen stage, 8 MB each at 1080p) are let go at once,
        not when the last reference to the scene goes: the debrief is made in this frame."""
        self._ready = None
        self.painter.release()
        if self.session is None:
            return
        if self.rt.phase is Phase.ENDED:
            finish_session(self.session, self.app.folders.progress)
        else:
            self.session.journal.close()

    def tell_record_error(self) -> None:
        """A full or read-only disk stops the record, never the run: say so on the frame it
        happens, in words that say what is and is not kept (the journal's `error`)."""
        error = self.session.journal.error if self.session is not None else None
        if error and error != self._told:
            self._told = error
            self.notice = error

    def keep_progress(self) -> None:
        """Once the ending is on screen, a solo run joins the practice history at once: a
        run killed on this screen is finished in its record, and must be in the history."""
        if self._progress_kept or self.session is None or self.rt.phase is not Phase.ENDED:
            return
        self._progress_kept = True
        warning = record_progress(self.session, self.app.folders.progress)
        if warning:
            self.notice = warning

    # ----- time -------------------------------------------------------------------------

    def update(self, dt: float) -> None:
        self.age += dt
        self.tell_record_error()
        self.keep_progress()
        self._line_frames += 1
        speed = self.app.settings.reading_speed
        if self.typing:
            self.shown = min(float(len(self.text)), self.shown + dt * CHARS_PER_SECOND * speed)
            return
        if self.view.phase is not Phase.PLAYING or not self.app.settings.auto_advance:
            return
        self.held += dt
        text = self.view.line.says if self.view.line else ""
        typed = len(self.text) / (CHARS_PER_SECOND * speed)
        if self.held >= max(MIN_HOLD, flow.line_seconds(text) / speed - typed):
            self.next()

    def idle(self) -> None:
        """A frame that drew nothing (it cost a flip), after the one that brought the line
        on: one piece of work made ahead in each such frame, never stacked on a frame that
        draws. First the frozen picture of the line (`prefreeze`: a buzz then only shows
        it); then, once per line, what the coming line will show (see `StagePainter.warm`),
        and its scene's name in the header when it starts another scene."""
        if self._line_frames < 2:
            return
        if "buzz" in self.view.allowed and self.prefreeze():
            return
        if self._warmed == self._line_key:
            return
        self._warmed = self._line_key
        coming = self.rt.coming()
        if coming is None:
            return
        line = coming.line
        name = coming.speaker.name if coming.speaker else line.who  # as `StagePainter.speech`
        first = 1 if self.app.animate else len(line.says)
        self.painter.warm(coming, name, first)
        place = place_wordings(coming.scene.name, coming.caption)
        if place != self.place():
            self.painter.header(self.painter.scratch, place, self.header_text(), self._end())

    # ----- drawing ----------------------------------------------------------------------

    def spoken(self) -> str:
        """At a decision, the prompt and the focused card; lines are spoken as they come."""
        point = self.view.decision
        if point is None or self.view.phase is not Phase.DECIDING:
            return ""
        card = self.cards.focused
        return f"{point.prompt} {card.label}" if card else point.prompt

    def header_text(self) -> list[str]:
        """The run's mode and the keys that work now, for the header strip: wordings from
        the fullest to the shortest, so the header shows what fits at the text size."""
        phase = self.view.phase
        enter, pause = key_name(Act.CONFIRM), key_name(Act.PAUSE)
        if self.anti_model:
            traditional = _("The traditional approach, played through")
            next_line = _("{key}: next line").format(key=enter)
            return [
                f"{traditional} \u00b7 {next_line} \u00b7 " + _("{key}: pause").format(key=pause),
                f"{traditional} \u00b7 {next_line}",
                traditional,
                _("The traditional approach"),
                _("Traditional approach"),  # beside Skip at large text on a small window
            ]
        who = _("Solo practice") if self.solo else _("Forum run")
        if not self.rt.seat.is_manager:  # role reversal: say whose shoes, always
            person = self.rt.script.cast.get(self.rt.seat.role)
            who = _("{run} as {who}").format(run=who, who=person.name if person else "")
        if self.rt.attempt > 1:
            who = _("{mode}, attempt {number}").format(mode=who, number=self.rt.attempt)
        buzz = key_name(Act.BUZZ)
        if phase is Phase.DECIDING:
            count = len(self.cards.items)
            choose = choice_keys(count)
            then = _("{choose} or arrows then {confirm}").format(choose=choose, confirm=enter)
            full = f"{then} \u00b7 " + _("{key}: freeze first").format(key=buzz)
            if not self.solo:
                hands = _("{plus}/{minus}: hands").format(
                    plus=key_name(Act.PLUS), minus=key_name(Act.MINUS)
                )
                full = f"{full} \u00b7 {hands}"
            keys = [full, then, _("{keys}: choose").format(keys=choose)]
        elif phase is Phase.PLAYING:
            next_line = _("{key}: next line").format(key=enter)
            freeze = _("{key}: freeze").format(key=buzz)
            keys = [
                f"{next_line} \u00b7 {freeze} \u00b7 " + _("{key}: pause").format(key=pause),
                f"{next_line} \u00b7 {freeze}",
                freeze,
            ]
        else:
            keys = []
        # The keys matter more than the mode's name: the shortest keys alone come before it.
        return [f"{who} \u00b7 {k}" for k in keys] + keys[-1:] + [who]

    def picture(self) -> tuple:
        """What the stage shows: the view, the words typed so far (whole words appear at once,
        so most typing frames change nothing), the banner, the frozen picture and the cards."""
        typed = len(revealed(self.text, int(self.shown)))
        return (
            self.view,
            typed,
            self.notice,
            self.rt.phase,
            self.rt.attempt,
            self.cards.focus,
            repr(self.rt.tallies),
        )

    def draw(self, surface: pygame.Surface) -> None:
        frozen = self.frozen_picture()
        if frozen is not None:
            surface.blit(frozen, (0, 0))
            return
        self.paint(surface)

    def paint_thought(self, surface: pygame.Surface, thought: ThoughtView) -> None:
        """The frozen stage again, but without the speech bubble: only the thought is spoken."""
        painter, view = self.painter, self.view
        # The spotlight (and the nameplate's mark) on the one in the hot seat, not the speaker.
        lit = tuple(replace(a, speaking=a.id == thought.character.id) for a in view.actors)
        surface.blit(painter.set_surface(replace(view, actors=lit)), (0, 0))
        painter.frozen(surface, view.scene.name, self.buzzer_rect.x)
        painter.thought(surface, view, thought)

    def paint(self, surface: pygame.Surface, frozen: bool = False) -> None:
        """The live stage. `frozen`: the picture for the freeze (no buttons, no hints)."""
        app, view = self.app, self.view
        surface.blit(self.painter.set_surface(view), (0, 0))
        if view.phase is Phase.ENDED:
            draw.dim(surface, app)
        if not frozen:  # frozen, the header is drawn over the dimming (`StagePainter.frozen`)
            self.painter.header(surface, self.place(), self.header_text(), self._end())
        if view.phase is Phase.ENDED:
            self._ending(surface)
        elif view.decision is not None and self.anti_model:
            self._traditional(surface)
        elif view.decision is not None:
            self._decision(surface, frozen)
        elif view.line is not None and not frozen:  # frozen: see `prefreeze`
            self.painter.speech(surface, view, int(self.shown))
        if frozen:
            return
        if self.anti_model:
            draw.button(surface, app, self.skip_rect, _(SKIP_LABEL))
        elif "buzz" in view.allowed:
            draw.button(surface, app, self.buzzer_rect, _(BUZZER_LABEL), key=key_name(Act.BUZZ))
        banner = self.notice or self.hint()
        if banner:
            self._banner(surface, banner)
        voice = self.inner_voice()
        if voice:
            self._inner_voice(surface, *voice, above_banner=bool(banner))
        if app.debug:
            self._debug(surface)

    def _end(self) -> int:
        """Where the header's words must stop: at the buzzer (or the skip button)."""
        return self.skip_rect.x if self.anti_model else self.buzzer_rect.x

    def place(self) -> list[str]:
        """Where the scene is, for the header (see `place_wordings`)."""
        return place_wordings(self.view.scene.name, self.view.caption)

    def hint(self) -> str:
        """Solo only: the nudge while an intervention moment is on stage, else nothing."""
        view = self.view
        if self.solo and view.intervention_here and view.phase is Phase.PLAYING:
            return hint_solo()
        return ""

    def inner_voice(self) -> tuple[str, str] | None:
        """Playing someone else (role reversal): (heading, words) of what the room hears of
        that person's mind now. While another's choice is acted out, how it lands with them;
        otherwise their thought in this beat. None for the manager, or at a decision."""
        view, seat = self.view, self.rt.seat
        if seat.is_manager or view.phase is not Phase.PLAYING:
            return None
        person = self.rt.script.cast.get(seat.role)
        name = person.name if person else seat.role
        if view.landed:
            return _("How it lands with {who}").format(who=name), view.landed
        if view.inner_voice:
            return _("{who} thinks").format(who=name), view.inner_voice
        return None

    def _inner_voice(
        self, surface: pygame.Surface, heading: str, words: str, *, above_banner: bool
    ) -> None:
        """The played character's inner voice in a thought-coloured panel over the foot of
        the cast band, its heading in bold words ("Tom thinks"), so colour is never the only
        sign that this is a thought and not a line."""
        app, lay, theme = self.app, self.app.layout, self.app.theme
        # Narrower than the stage, so the figures show at its sides; as wide as the stage
        # when that saves a line (large text on a small screen), so it reaches less far up
        # over the figures' faces.
        narrow = round(lay.safe_rect.w * 0.72) - 2 * lay.padding
        quoted = f"\u201c{words}\u201d"
        two_lines = 2 * app.text.line_height(lay.body_size)
        width = narrow
        if app.text.measure(quoted, lay.body_size, width=narrow, italic=True)[1] > two_lines:
            width = lay.safe_rect.w - 2 * lay.padding
        head = app.text.render(heading, lay.small_size, theme.panel_text, bold=True, width=width)
        body = app.text.fit(
            quoted,
            lay.body_size,
            theme.panel_text,
            width=width,
            height=round(lay.cast_rect.h * 0.45),
            italic=True,
            min_size=lay.floor_size,
        )
        height = head.get_height() + lay.px(4) + body.get_height()
        # Above the nameplates, which grow upwards when a role takes two lines.
        actors = self.view.actors
        slots = lay.label_slots(len(actors))
        extra = max((role_extra(a, slots[0].w, lay, app.text) for a in actors), default=0)
        bottom = lay.label_rect.y - extra - lay.gap
        if above_banner:  # the hint strip sits at the foot: the voice goes above it
            bottom -= app.text.line_height(lay.body_size, bold=True) * 2 + lay.px(24)
        panel = pygame.Rect(0, 0, width + 2 * lay.padding, height + lay.px(24))
        panel.midbottom = (lay.width // 2, bottom)
        pygame.draw.rect(
            surface,
            theme.outline,
            panel.inflate(lay.outline * 2, lay.outline * 2),
            border_radius=lay.radius,
        )
        pygame.draw.rect(surface, theme.thought, panel, border_radius=lay.radius)
        surface.blit(head, (panel.x + lay.padding, panel.y + lay.px(12)))
        surface.blit(body, (panel.x + lay.padding, panel.y + lay.px(16) + head.get_height()))

    def _banner(self, surface: pygame.Surface, text: str) -> None:
        """A strip across the foot of the cast band: hints the player should not miss."""
        app, lay, theme = self.app, self.app.layout, self.app.theme
        # Wrapped, centred lines: a notice about the record can run to three lines.
        width = lay.safe_rect.w - 2 * lay.padding
        img = app.text.render(
            text, lay.body_size, theme.accent_text, bold=True, width=width, align="center"
        )
        img = img.subsurface(0, 0, min(img.get_width(), width), img.get_height())
        rect = img.get_rect(midbottom=(lay.width // 2, lay.label_rect.y - lay.gap))
        pygame.draw.rect(
            surface,
            theme.accent,
            rect.inflate(lay.padding * 2, lay.px(12)),
            border_radius=lay.radius,
        )
        surface.blit(img, rect)

    def _decision(self, surface: pygame.Surface, frozen: bool) -> None:
        point = self.view.decision
        assert point is not None
        note = "" if self.solo else point.facilitator_prompt
        option_cards(
            surface,
            self.app,
            point,
            self.cards,
            self.tally_of,
            focus=not frozen,
            note=note,
            own=True,
        )

    def traditional_choice(self) -> int | None:
        """The option the anti-model takes at the decision on stage (None: none is open)."""
        decision = self.rt.script.beats[self.view.beat_id].decision
        return flow.anti_model_choice(decision, self.view.flags) if decision else None

    def _traditional(self, surface: pygame.Surface) -> None:
        """The anti-model at a decision: the manager's options, the traditional one marked
        in words and by the focus ring; Enter plays it (the manager then says it)."""
        point = self.view.decision
        assert point is not None
        chosen = self.cards.focus
        prompt = point.prompt
        if chosen is not None:
            prompt = _("{prompt} The traditional approach takes {number}.").format(
                prompt=point.prompt, number=chosen + 1
            )
        keys = _("{enter}: see it played").format(enter=key_name(Act.CONFIRM))
        option_cards(
            surface, self.app, point, self.cards, lambda _index: None, prompt=prompt, keys=keys
        )

    def _ending(self, surface: pygame.Surface) -> None:
        app, lay = self.app, self.app.layout
        ending = self.view.ending
        title = ending.title if ending else _("The scene ends here")
        outcome = ending.outcome if ending else ""
        head = _("How the traditional approach ended") if self.anti_model else _("The end")
        hint = (
            _("Press {key} (or click) for the forum run.")
            if self.anti_model
            else _("Press {key} (or click) for the debrief.")
        ).format(key=key_name(Act.CONFIRM))
        if "rewind" in self.view.allowed:
            again = _("{key}: rewind and try another way.").format(key=key_name(Act.BACK))
            hint = f"{hint}  {again}"
        # The hint just under the card and both above the nameplates, which stay readable
        # (at large text the hint had covered the top of them).
        plates = label_rects(self.view.actors, lay, app.text)
        foot = min((r.y for r in plates), default=lay.label_rect.y) - lay.px(8)
        hint_h = app.text.measure(hint, lay.small_size, width=lay.safe_rect.w)[1]
        area = pygame.Rect(0, 0, lay.safe_rect.w * 4 // 5, round(lay.height * 0.5))
        area.center = (lay.width // 2, round(lay.height * 0.48))
        area.h = min(area.h, foot - hint_h - lay.gap // 2 - area.y)
        draw.card(surface, app, area, f"{head}: {title}", [outcome])
        draw.hint(surface, app, hint, (area.x, min(foot, area.bottom + lay.gap // 2 + hint_h)))

    def _debug(self, surface: pygame.Surface) -> None:
        """F3: where the run is, for authors checking their script."""
        app, lay, theme, view = self.app, self.app.layout, self.app.theme, self.view
        flags = ", ".join(sorted(view.flags)) or "none"
        text = (
            f"beat: {view.beat_id}   line: {view.line_index}   phase: {view.phase.value}"
            f"   attempt: {self.rt.attempt}\nflags: {flags}"
        )
        img = app.text.render(text, lay.small_size, theme.text, width=lay.safe_rect.w)
        rect = img.get_rect(topleft=(lay.safe_rect.x, lay.header_rect.bottom))
        pygame.draw.rect(surface, theme.stage_bg, rect.inflate(lay.px(16), lay.px(8)))
        surface.blit(img, rect)
