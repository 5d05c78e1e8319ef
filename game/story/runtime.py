"""The forum-theatre runtime: a state machine the host drives with actions.

The host (the stage, a test, a replay) pulls: it calls `advance`, `buzz`, `redirect`,
`choose`, `hotseat`, `rewind`, `resume` or `tally`, then asks `view()` what is on stage.
The runtime never draws or plays a sound, reads time only from the injected clock, and
records every action and consequence as an `Event`, so that a run is deterministic given
its inputs and can be rebuilt from its record.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from . import flow
from .events import (
    Action,
    Buzzed,
    Chosen,
    DecisionReached,
    Ended,
    Event,
    HotSeated,
    LineShown,
    Missed,
    OwnWords,
    Payload,
    Played,
    Redirected,
    Resumed,
    Rewound,
    Started,
    Tallied,
)
from .model import Beat, Ending, Line, Option, Script, ScriptDocument
from .roles import (
    MANAGER_SEAT,
    ROOM,
    Seat,
    automatic,
    check_seat,
    nameplate_role,
    owner,
    point_options,
)
from .scoring import Judged, alternatives_at, judge, tally
from .views import (
    ActorView,
    AttemptResult,
    ChoiceResult,
    ComingView,
    CriterionResult,
    Landing,
    Moment,
    OptionView,
    Phase,
    PointView,
    RunMode,
    RunResult,
    StageView,
    ThoughtView,
)

#: The longest the room's own words may be: a line a room can read from the back in one go.
MAX_OWN_WORDS = 240

#: Which actions each phase allows; `IllegalAction` messages are built from this table.
LEGAL: dict[Phase, tuple[str, ...]] = {
    Phase.PLAYING: ("advance", "buzz"),
    Phase.FROZEN: ("redirect", "hotseat", "rewind", "resume", "tally"),
    Phase.DECIDING: ("choose", "buzz", "tally"),
    Phase.ENDED: ("rewind",),  # try again from an earlier moment (not the anti-model)
}


class IllegalAction(RuntimeError):
    """An action called in a phase that does not allow it (a bug in the host, not the script)."""


@dataclass(frozen=True)
class Position:
    """Everything that rewinding restores: where we are and what the path so far has earned."""

    beat: str
    line: int  # index into beat.lines of the line on stage (-1: the beat has none showing)
    deciding: bool
    flags: frozenset[str]
    totals: tuple[tuple[str, int], ...]
    pending: tuple[tuple[str, int], ...]  # intervention points passed, still open to a late buzz
    missed: tuple[str, ...]
    #: While a choice is acted out: (point, option index, which of its act lines is on stage).
    act: tuple[str, int, int] | None = None
    #: The moments of this path so far, each choice judged against its alternatives.
    judged: tuple[Judged, ...] = ()
    #: The room's own words for the choice being acted out ("" : the option's own words).
    words: str = ""
    #: Every option taken on this path, by the room or for it: (point, option index).
    taken: tuple[tuple[str, int], ...] = ()


def own_words(text: str) -> str:
    """The room's words as they go on stage: runs of spaces and line breaks made one space,
    cut to `MAX_OWN_WORDS` characters."""
    return " ".join(text.split())[:MAX_OWN_WORDS].strip()


def _add_scores(
    totals: tuple[tuple[str, int], ...], scores: dict[str, int]
) -> tuple[tuple[str, int], ...]:
    merged = dict(totals)
    for criterion, value in scores.items():
        merged[criterion] = merged.get(criterion, 0) + value
    return tuple(sorted(merged.items()))


class Runtime:
    """One run of one script. Create a new one for each run; it is cheap."""

    def __init__(
        self,
        script: Script,
        mode: RunMode = RunMode.FORUM,
        start: str | None = None,
        clock: Callable[[], float] = lambda: 0.0,
        on_event: Callable[[Event], None] | None = None,
        *,
        acted: bool = True,
        flags: frozenset[str] = frozenset(),
        seat: Seat = MANAGER_SEAT,
    ) -> None:
        start = start or script.start
        if start not in script.beats:
            raise ValueError(f"no beat called {start!r} in {script.path}")
        check_seat(script, seat)
        self.script = script
        self.mode = mode
        #: Whose shoes the room stands in, and the manager style it faces (roles.py).
        self.seat = seat
        self.start = start
        self.clock = clock
        self.on_event = on_event
        self.events: list[Event] = []
        self.phase = Phase.PLAYING
        self.attempt = 1
        self.trail: list[Position] = []
        self.frozen_from = Phase.PLAYING
        self.offer: tuple[str, int] | None = None  # (intervention id, moment index) at a freeze
        self.tallies: dict[str, dict[int, int]] = {}
        self.ending: str | None = None
        #: Whether choices are acted out (their words, then follow-ups, as lines). Records
        #: made before acting existed say nothing and replay without it, so they still open.
        self.acted = acted
        #: Every moment judged, in the order of the record's choice and missed events
        #: (all attempts: the timeline shows each); the path's own are in `position.judged`.
        self.verdicts: list[Judged] = []
        #: Each attempt that reached an ending, as it ended (kept when the room rewinds).
        self.finished: list[AttemptResult] = []
        self._step = 0
        self._action: Action = "start"
        self._emit(Started(script.id, mode.value, start, seat.role, seat.style))
        #: Flags set before the first beat (an author's `play --set`): as if earlier choices had
        #: set them. Recorded runs start with none.
        self.initial_flags = frozenset(flags)
        empty = Position(start, -1, False, self.initial_flags, (), (), ())
        self._enter(empty, start)

    # ----- the record -------------------------------------------------------------------

    def _emit(self, data: Payload) -> None:
        pos = self.trail[-1] if self.trail else None
        event = Event(
            t=float(self.clock()),
            step=self._step,
            action=self._action,
            beat=pos.beat if pos else self.start,
            line=pos.line if pos else -1,
            attempt=self.attempt,
            data=data,
        )
        self.events.append(event)
        if self.on_event is not None:
            self.on_event(event)

    def _begin(self, action: Action) -> None:
        allowed = self.allowed()
        if action not in allowed:
            can = ", ".join(sorted(allowed)) or "nothing (the run has ended)"
            raise IllegalAction(
                f"cannot {action} while {self.phase.value}: the run allows {can} now"
            )
        self._step += 1
        self._action = action

    def allowed(self) -> frozenset[str]:
        """Names of the actions legal right now."""
        names = set(LEGAL[self.phase])
        if self.mode is RunMode.ANTI_MODEL:
            names -= {"buzz", "choose", "tally", "rewind"}
            if self.phase is Phase.DECIDING:
                names.add("advance")
        if self.phase is Phase.FROZEN:
            if self.offer is None:
                names.discard("redirect")
            if self.offer is None and self.frozen_from is not Phase.DECIDING:
                names.discard("tally")
        if len(self.trail) < 2:
            names.discard("rewind")
        return frozenset(names)

    # ----- moving through the story -----------------------------------------------------

    @property
    def position(self) -> Position:
        return self.trail[-1]

    def _beat(self, pos: Position | None = None) -> Beat:
        return self.script.beats[(pos or self.position).beat]

    def _push(self, pos: Position) -> None:
        self.trail.append(pos)
        line = self._line_at(pos)
        if pos.deciding:
            decision = self._beat(pos).decision
            self._emit(DecisionReached(decision.id if decision else ""))
        elif line is not None:
            self._emit(LineShown(line.who, line.says))

    def _chosen(self, point: str, index: int) -> tuple[Option, str]:
        """An option by its point and index, and who says it (the point's owner)."""
        intervention = self.script.interventions.get(point)
        if intervention is not None:
            return intervention.options[index], intervention.by or self._manager()
        decision = self.script.decision(point)
        if decision is None:
            raise KeyError(point)
        return decision.options[index], decision.by or self._manager()

    def _manager(self) -> str:
        manager = self.script.manager
        return manager.id if manager else ""

    def _act_lines(self, pos: Position) -> list[Line]:
        assert pos.act is not None
        point, index, _ = pos.act
        option, who = self._chosen(point, index)
        lines = flow.act_lines(option, who, pos.flags)
        if pos.words:  # the manager says the room's words; the others answer as written
            lines[0] = replace(lines[0], says=pos.words, direction="")
        return lines

    def _line_at(self, pos: Position) -> Line | None:
        """The line on stage at `pos`: a line of its beat, or a line of a choice acted out."""
        if pos.act is not None:
            return self._act_lines(pos)[pos.act[2]]
        if pos.deciding or pos.line < 0:
            return None
        return self._beat(pos).lines[pos.line]

    def _settle(self, pos: Position, keep_last: int) -> Position:
        """Turn pending intervention points older than the late-buzz window into misses."""
        moment = len(self.trail)
        keep, missed = [], list(pos.missed)
        totals = pos.totals
        for point, at in pos.pending:
            if at >= moment - keep_last:
                keep.append((point, at))
                continue
            miss = self.script.interventions[point].missed
            missed.append(point)
            totals = _add_scores(totals, miss.scores)
            pos = self._judge(pos, point, -1)
            self._emit(Missed(point, dict(miss.scores), miss.feedback))
        return replace(pos, pending=tuple(keep), missed=tuple(missed), totals=totals)

    def _passing(self, pos: Position) -> Position:
        """Leaving the line on stage: if it was an intervention point, it starts passing."""
        if pos.deciding or pos.line < 0 or pos.act is not None:
            return pos
        point = self._beat(pos).lines[pos.line].intervention
        if not point or self._auto(point, pos.flags) is not ROOM:
            return pos  # not the room's to stop: it plays on as written, never "missed"
        return replace(pos, pending=(*pos.pending, (point, len(self.trail) - 1)))

    def _enter(self, pos: Position, target: str) -> None:
        """Go to a beat or an ending, skipping beats whose lines are all hidden."""
        pos, ending = self._landing(pos, target)
        if ending is not None:
            self._finish(pos, ending or None)
            return
        shown = flow.visible_lines(self._beat(pos), pos.flags)
        if shown:
            self._show(pos, shown[0])
        else:
            self._arrive_at_decision(pos)

    def _landing(self, pos: Position, target: str) -> tuple[Position, str | None]:
        """Where going on from `pos` to `target` comes to rest (read-only): the position
        entering the first beat on the way with a line to show or a decision, and None; or
        the position the story ends at, with the ending's id ("" for a way that just stops).
        Beats whose lines are all hidden are passed through, their flags set."""
        for _ in range(len(self.script.beats) + 1):
            if target in self.script.endings:
                return pos, target
            beat = self.script.beats[target]
            pos = replace(pos, beat=target, line=-1, deciding=False, flags=beat.apply(pos.flags))
            if flow.visible_lines(beat, pos.flags) or beat.decision is not None:
                return pos, None
            nxt = flow.next_target(beat, pos.flags)
            if nxt is None:
                return pos, ""
            target = nxt
        return pos, ""

    def _auto(self, point: str, flags: frozenset[str]) -> int | None:
        """What is taken at `point` for the room (None: the room decides it; see roles.py)."""
        return automatic(self.script, self.seat, point, flags)

    def _show(self, pos: Position, index: int) -> None:
        """Put line `index` of the beat on stage; if it is an intervention point someone else
        changes for the room (a just-and-learning manager, say), their choice is acted out
        instead, so the room never sees the line they would not have said."""
        pos = self._settle(replace(pos, line=index), flow.LATE_LINES)
        point = self._beat(pos).lines[index].intervention
        auto = self._auto(point, pos.flags) if point else ROOM
        if auto is not None and auto >= 0:
            self._take_for_room(pos, point, auto)
            return
        self._push(pos)

    def _arrive_at_decision(self, pos: Position) -> None:
        pos = self._settle(replace(pos, deciding=True), keep_last=-1)
        decision = self._beat(pos).decision
        auto = self._auto(decision.id, pos.flags) if decision else ROOM
        if auto is not None:
            if auto < 0:  # nothing open to the one who decides: the story stops here
                self._finish(pos, None)
            else:
                assert decision is not None
                self._take_for_room(replace(pos, deciding=False), decision.id, auto)
            return
        self._push(pos)
        self.phase = Phase.DECIDING

    def _finish(self, pos: Position, ending: str | None) -> None:
        pos = self._settle(replace(pos, deciding=False), keep_last=-1)
        self.trail.append(pos)
        self.phase = Phase.ENDED
        self.ending = ending
        found = self.script.endings.get(ending or "")
        self._emit(Ended(ending, found.title, found.tone) if found else Ended(None, "", ""))
        self.finished.append(AttemptResult(self.attempt, self._ending(), self._criteria()))

    def advance(self) -> None:
        """Show the next line; at the end of a beat, go on (or stop at its decision)."""
        self._begin("advance")
        if self.phase is Phase.DECIDING:  # anti-model run: the traditional choice, made for us
            decision = self._beat().decision
            assert decision is not None
            index = flow.anti_model_choice(decision, self.position.flags)
            if index is None:
                self._finish(self.position, None)
                return
            self._take(decision.id, decision.options[index], index, Chosen)
            return
        if self.position.act is not None:
            self._act_on()
            return
        pos = self._passing(self.position)
        beat = self._beat(pos)
        later = [i for i in flow.visible_lines(beat, pos.flags) if i > pos.line]
        if later:
            self._show(pos, later[0])
        elif beat.decision is not None:
            self._arrive_at_decision(pos)
        else:
            target = flow.next_target(beat, pos.flags)
            if target is None:
                self._finish(pos, None)
            else:
                self._enter(pos, target)

    def _take(
        self,
        point: str,
        option: Option,
        index: int,
        kind: type[Redirected | Chosen],
        words: str = "",
    ) -> ChoiceResult:
        """Apply an option: flags, scores, the record, then go where it leads. `words`: the
        room's own words, said on stage in place of the option's (the option stays the
        branch, the scores and the feedback)."""
        pos = self.position
        scores = {} if self.mode is RunMode.ANTI_MODEL else dict(option.scores)
        words = own_words(words)
        if words:
            self._emit(OwnWords(point, index, words))
        self._emit(kind(point, index, option.says, scores, option.feedback, option.goto))
        pos = self._judge(pos, point, index)
        pos = replace(pos, totals=_add_scores(pos.totals, scores))
        self._go(pos, point, index, words)
        verdict = pos.judged[-1] if pos.judged and self.mode is RunMode.FORUM else None
        return ChoiceResult(point, option, scores, option.feedback, option.goto, verdict)

    def _take_for_room(self, pos: Position, point: str, index: int) -> None:
        """An option taken for the room, not by it (roles.py): recorded, not scored."""
        option = point_options(self.script, point)[index]
        by = owner(self.script, point)
        self._emit(Played(point, index, option.says, {}, option.feedback, option.goto, by))
        self._go(pos, point, index, "")

    def _go(self, pos: Position, point: str, index: int, words: str) -> None:
        """After an option is taken: its flags, then acted out (or straight on to its goto)."""
        option = point_options(self.script, point)[index]
        pos = replace(pos, flags=option.apply(pos.flags), taken=(*pos.taken, (point, index)))
        self.phase = Phase.PLAYING
        if self.acted:
            self._push(replace(pos, deciding=False, act=(point, index, 0), words=words))
        else:
            self._enter(pos, option.goto)

    def _judge(self, pos: Position, point: str, chosen: int) -> Position:
        """Add the verdict on this moment's choice (none in the anti-model run: not scored)."""
        if self.mode is RunMode.ANTI_MODEL:
            return pos
        verdict = judge(alternatives_at(self.script, point, pos.flags), point, chosen)
        self.verdicts.append(verdict)
        return replace(pos, judged=(*pos.judged, verdict))

    def _act_on(self) -> None:
        """The next line of the choice being acted out, or on to where the choice leads."""
        pos = self.position
        assert pos.act is not None
        point, index, shown = pos.act
        if shown + 1 < len(self._act_lines(pos)):
            self._push(replace(pos, act=(point, index, shown + 1)))
            return
        option, _ = self._chosen(point, index)
        self._enter(replace(pos, act=None, words=""), option.goto)

    def choose(self, index: int, words: str = "") -> ChoiceResult:
        """The manager's response at a decision point; `words`: the room's own, said on
        stage, with option `index` the branch the facilitator judged them closest to."""
        self._begin("choose")
        decision = self._beat().decision
        assert decision is not None
        option = self._option(decision.options, index)
        return self._take(decision.id, option, index, Chosen, words)

    def _option(self, options: tuple[Option, ...], index: int) -> Option:
        if not 0 <= index < len(options):
            raise IllegalAction(f"there is no option {index}; choose 0 to {len(options) - 1}")
        option = options[index]
        if not flow.is_available(option, self.position.flags):
            raise IllegalAction(
                f"option {index} is locked: {flow.locked_reason(option, self.position.flags)}"
            )
        return option

    # ----- the freeze --------------------------------------------------------------------

    def _find_offer(self) -> tuple[str, int] | None:
        """The intervention point on stage, or the nearest one passed within the window."""
        pos = self.position
        if self.frozen_from is not Phase.PLAYING:
            return None
        here = len(self.trail) - 1
        if self._room_point(pos):
            line = self._line_at(pos)
            assert line is not None
            return (line.intervention, here)
        return max(pos.pending, key=lambda p: p[1]) if pos.pending else None

    def buzz(self) -> None:
        """Freeze the scene."""
        self._begin("buzz")
        self.frozen_from = self.phase
        self.phase = Phase.FROZEN
        self.offer = self._find_offer()
        self._emit(Buzzed(self.offer[0] if self.offer else None))

    def resume(self) -> None:
        self._begin("resume")
        self.phase = self.frozen_from
        self.offer = None
        self._emit(Resumed())

    def redirect(self, index: int, words: str = "") -> ChoiceResult:
        """Play an alternative at the offered intervention point instead of what happened
        (`words`: the room's own, as for `choose`)."""
        self._begin("redirect")
        assert self.offer is not None
        point, _ = self.offer
        option = self._option(self.script.interventions[point].options, index)
        pos = self.position
        self.trail[-1] = replace(pos, pending=tuple(p for p in pos.pending if p[0] != point))
        self.offer = None
        return self._take(point, option, index, Redirected, words)

    def tally(self, index: int, count: int) -> None:
        """Record a show of hands for an option before the room chooses."""
        self._begin("tally")
        point = self._tally_point()
        self.tallies.setdefault(point.id, {})[index] = max(0, int(count))
        self._emit(Tallied(point.id, index, max(0, int(count))))

    def _tally_point(self) -> PointView:
        view = self.view()
        point = view.redirect or view.decision
        assert point is not None
        return point

    def hotseat(self, character: str) -> ThoughtView:
        """What a character on stage is thinking now: the context the manager cannot see."""
        self._begin("hotseat")
        if character not in self._present():
            present = ", ".join(self._present())
            raise IllegalAction(f"{character!r} is not on stage; present: {present}")
        thought = self.thinking(character)
        self._emit(HotSeated(character, thought.text))
        return thought

    def thinking(self, character: str) -> ThoughtView:
        """What `character` would say in the hot seat now, without hot-seating them (nothing
        recorded): the presenter view shows it to the facilitator alone."""
        who = self.script.cast[character]
        found = None
        for pos in reversed(self.trail):
            found = self.script.beats[pos.beat].thought_for(character, pos.flags)
            if found is not None:
                break
        if found is None:
            text, emotion = f"{who.name} is keeping their thoughts private for now.", ""
        else:
            text, emotion = found.text, found.emotion
        return ThoughtView(who, text, emotion or self._emotions().get(character, "neutral"))

    def present(self) -> tuple[str, ...]:
        """The ids of the characters on stage now (read-only)."""
        return tuple(self._present())

    def coming(self) -> ComingView | None:
        """What the next `advance` brings on: the line, its beat and scene, and who stands on
        stage as it is said; in this beat, a choice acted out, or the next beat along the
        route (read-only; None when a decision or the end comes next). A line that someone
        else's choice replaces as it comes on (see `roles.py`) is still given: the stage
        only makes ahead, in a quiet frame, what it would show."""
        at = self._next_line_position() if self.phase is Phase.PLAYING else None
        line = self._line_at(at) if at is not None else None
        if at is None or line is None:
            return None
        beat = self._beat(at)
        return ComingView(
            at.beat,
            line,
            self.script.scenes[beat.scene],
            self._actors(at, line.who),
            self.script.cast.get(line.who),
            beat.caption,
        )

    def _next_line_position(self) -> Position | None:
        """Where the next `advance` puts the stage if it shows a line (read-only), else None:
        the next line of a choice acted out or of the beat, or the first of the beat the
        way leads to (mirroring `_act_on`, `advance` and `_enter`)."""
        pos = self.position
        if pos.act is not None:
            point, index, shown = pos.act
            if shown + 1 < len(self._act_lines(pos)):
                return replace(pos, act=(point, index, shown + 1))
            target: str | None = self._chosen(point, index)[0].goto
            pos = replace(pos, act=None, words="")
        else:
            beat = self._beat(pos)
            later = [i for i in flow.visible_lines(beat, pos.flags) if i > pos.line]
            if later:
                return replace(pos, line=later[0])
            target = flow.next_target(beat, pos.flags) if beat.decision is None else None
        if target is None:
            return None
        landed, ending = self._landing(pos, target)
        first = flow.visible_lines(self._beat(landed), landed.flags) if ending is None else []
        return replace(landed, line=first[0]) if first else None

    def acting_ahead(self) -> tuple[tuple[Line, ...], str]:
        """While a choice is acted out: its lines still to come, and where it leads after
        them (read-only; ((), "") when no choice is being acted out)."""
        pos = self.position
        if pos.act is None:
            return (), ""
        point, index, shown = pos.act
        return tuple(self._act_lines(pos)[shown + 1 :]), self._chosen(point, index)[0].goto

    def moments(self) -> list[Moment]:
        """The earlier moments of this attempt, oldest first, for the rewind menu."""
        found = []
        for index, pos in enumerate(self.trail[:-1]):
            beat = self.script.beats[pos.beat]
            line = self._line_at(pos)
            if pos.deciding:
                prompt = beat.decision.prompt if beat.decision else ""
                found.append(Moment(index, pos.beat, pos.line, "Decision", prompt))
            elif line is not None:
                name = self.script.cast[line.who].name if line.who in self.script.cast else ""
                found.append(Moment(index, pos.beat, pos.line, name, line.says))
        return found

    def passed(self) -> Moment | None:
        """At a freeze with nothing to redirect: the latest intervention point of this
        attempt that nobody stopped (too late even for a late buzz), to rewind straight to."""
        if self.phase is not Phase.FROZEN or self.offer is not None:
            return None
        missed = set(self.position.missed)
        for moment in reversed(self.moments()):
            pos = self.trail[moment.index]
            line = self._line_at(pos)
            if pos.act is None and line is not None and line.intervention in missed:
                return moment
        return None

    def rewind(self, moment: int) -> None:
        """Go back to an earlier moment and try another way; the record keeps both attempts.
        From an ending, the scene is frozen at that moment, as after any rewind."""
        self._begin("rewind")
        if not 0 <= moment < len(self.trail) - 1:
            raise IllegalAction(f"no earlier moment {moment}; choose 0 to {len(self.trail) - 2}")
        target = self.trail[moment]
        del self.trail[moment + 1 :]
        self.attempt += 1
        self.phase = Phase.FROZEN
        self.ending = None
        self.tallies = {}  # a show of hands belongs to one attempt: the room votes afresh
        self.frozen_from = Phase.DECIDING if target.deciding else Phase.PLAYING
        self.offer = self._find_offer()
        self._emit(Rewound(moment))

    def _room_point(self, pos: Position) -> bool:
        """Whether the line on stage at `pos` is an intervention point the room may stop."""
        line = self._line_at(pos)
        if pos.deciding or pos.act is not None or line is None or not line.intervention:
            return False
        return self._auto(line.intervention, pos.flags) is ROOM

    # ----- what is on stage ---------------------------------------------------------------

    def _actors(self, pos: Position, speaking: str | None) -> tuple[ActorView, ...]:
        """Everyone on stage at `pos` as the stage draws them, `speaking` (an id) lit."""
        feel = self._emotions(pos)
        cast = self.script.cast
        return tuple(
            ActorView(
                id=c,
                name=cast[c].name,
                role=nameplate_role(cast[c], self.seat),
                emotion=feel.get(c, "neutral"),
                is_manager=cast[c].is_manager,
                speaking=c == speaking and not pos.deciding,
                look=cast[c].look,
                played=c == self.seat.role if not self.seat.is_manager else cast[c].is_manager,
            )
            for c in self._present(pos)
        )

    def _present(self, at: Position | None = None) -> list[str]:
        """Who is on stage (now, or at `at`): the beat's people on this route, and whoever
        acts out a choice."""
        pos = at or self.position
        ids = list(self._beat(pos).on_stage(pos.flags))
        if pos.act is not None:
            ids += [ln.who for ln in self._act_lines(pos) if ln.who not in ids]
        return [i for i in ids if i in self.script.cast]

    def _emotions(self, at: Position | None = None) -> dict[str, str]:
        """Each character's look (now, or at `at`): the beat's moods, then emotions of lines
        shown so far."""
        pos = at or self.position
        beat = self._beat(pos)
        feel = beat.moods_for(pos.flags)
        acting = pos.act is not None
        upto = len(beat.lines) - 1 if pos.deciding or acting else pos.line
        if pos.act is not None:
            redirected = [i for i, ln in enumerate(beat.lines) if ln.intervention == pos.act[0]]
            if redirected:  # the line redirected (and those after it) never happened: nor
                upto = redirected[0] - 1  # did the looks they gave (an angry manager)
        for i in flow.visible_lines(beat, pos.flags):
            if i <= upto and beat.lines[i].emotion:
                feel[beat.lines[i].who] = beat.lines[i].emotion
        if pos.act is not None:
            for act_line in self._act_lines(pos)[: pos.act[2] + 1]:
                if act_line.emotion:
                    feel[act_line.who] = act_line.emotion
        return feel

    def documents(self) -> tuple[ScriptDocument, ...]:
        """The documents the room can read now: those of every beat reached so far in this
        attempt, in the order they became available."""
        ids = dict.fromkeys(
            doc for pos in self.trail for doc in self.script.beats[pos.beat].documents
        )
        return tuple(self.script.documents[d] for d in ids if d in self.script.documents)

    def _point_view(self, point: str, options: tuple[Option, ...], late: bool) -> PointView:
        flags = self.position.flags
        intervention = self.script.interventions.get(point)
        decision = self._beat().decision
        source = intervention if intervention is not None else decision
        assert source is not None
        return PointView(
            id=point,
            prompt=source.prompt,
            facilitator_prompt=source.facilitator_prompt,
            options=tuple(
                OptionView(
                    i,
                    o.says,
                    flow.is_available(o, flags),
                    flow.locked_reason(o, flags),
                    o.direction,
                )
                for i, o in enumerate(options)
            ),
            late=late,
        )

    def view(self) -> StageView:
        pos = self.position
        beat = self._beat()
        line = self._line_at(pos) if not self.ending else None
        speaker = self.script.cast.get(line.who) if line else None
        actors = self._actors(pos, speaker.id if speaker else None)
        redirect = None
        if self.phase is Phase.FROZEN and self.offer is not None:
            point, at = self.offer
            options = self.script.interventions[point].options
            redirect = self._point_view(point, options, late=at < len(self.trail) - 1)
        decision = None
        if beat.decision is not None and pos.deciding and self.ending is None:
            decision = self._point_view(beat.decision.id, beat.decision.options, late=False)
        return StageView(
            phase=self.phase,
            mode=self.mode,
            beat_id=pos.beat,
            line_index=pos.line,
            scene=self.script.scenes[beat.scene],
            actors=actors,
            line=None if pos.deciding else line,
            speaker=None if pos.deciding else speaker,
            intervention_here=self._room_point(pos) and not self.ending,
            redirect=redirect,
            decision=decision,
            ending=self._ending(),
            allowed=self.allowed(),
            flags=pos.flags,
            caption=beat.caption,
            documents=self.documents(),
            acting=pos.act is not None,
            act_line=pos.act[2] if pos.act is not None else -1,
            inner_voice=self._inner_voice(),
            landed=self._landed(pos),
        )

    def _inner_voice(self) -> str:
        """In a role run, what the played character thinks in this beat on this route."""
        if self.seat.is_manager or self.ending or self.seat.role not in self._present():
            return ""  # off stage: no voice, as the hot seat offers only those on it
        found = self._beat().thought_for(self.seat.role, self.position.flags)
        return found.text if found else ""

    def _landed(self, pos: Position) -> str:
        """While someone else's choice is acted out: how it lands with the played role."""
        if self.seat.is_manager or pos.act is None:
            return ""
        point, index, _ = pos.act
        if owner(self.script, point) == self.seat.role:
            return ""
        return point_options(self.script, point)[index].landed.get(self.seat.role, "")

    def own_choices(self) -> tuple[str, ...]:
        """The words of the played role's own choices on this path, in order."""
        return tuple(
            point_options(self.script, point)[index].says
            for point, index in self.position.taken
            if owner(self.script, point) == self.seat.role
        )

    def landings(self) -> tuple[Landing, ...]:
        """The manager's actions on this path, in order, with how each landed with the
        played role ("" where the author wrote no reaction): the role debrief's core."""
        manager = self.script.manager
        found = []
        for point, index in self.position.taken:
            if manager is None or owner(self.script, point) != manager.id:
                continue
            option = point_options(self.script, point)[index]
            found.append(Landing(point, option.says, option.landed.get(self.seat.role, "")))
        return tuple(found)

    def _ending(self) -> Ending | None:
        """The ending reached, with the outcome text that is true on this route."""
        found = self.script.endings.get(self.ending or "")
        return found.for_flags(self.position.flags) if found else None

    def totals(self) -> dict[str, int]:
        return dict(self.position.totals)

    def result(self) -> RunResult:
        """The run judged moment by moment: on each criterion, the mean position of its
        choices between the worst and best alternative the room had (game/story/scoring.py)."""
        judged = self.position.judged
        return RunResult(
            ending=self._ending(),
            criteria=self._criteria(),
            missed=self.position.missed,
            choices=tuple(e for e in self.events if e.kind in ("choice", "redirect")),
            timeline=tuple(e for e in self.events if e.kind != "line"),
            moments=judged,
            verdicts=tuple(self.verdicts),
            attempts=tuple(self.finished),
            role=self.seat.role,
            style=self.seat.style,
            landings=self.landings() if not self.seat.is_manager else (),
            own=self.own_choices() if not self.seat.is_manager else (),
        )

    def _criteria(self) -> tuple[CriterionResult, ...]:
        """The path so far on each criterion (see `result`). Playing another role, only that
        role's criteria, judged on its own points; a role without criteria has no score."""
        totals = self.totals()
        if self.seat.is_manager:
            ids = list(self.script.criteria)
        else:
            role = self.script.role(self.seat.role)
            ids = [c for c in (role.criteria if role else ()) if c in self.script.criteria]
        tallies = tally(self.position.judged, ids)
        return tuple(
            CriterionResult(
                c,
                self.script.criteria[c].name,
                tallies[c].score,
                tallies[c].moments,
                totals.get(c, 0),
            )
            for c in ids
        )

    # ----- replaying ---------------------------------------------------------------------

    @classmethod
    def replay(
        cls,
        script: Script,
        events: Iterable[Event],
        clock: Callable[[], float] = lambda: 0.0,
        on_event: Callable[[Event], None] | None = None,
        flags: frozenset[str] = frozenset(),
    ) -> Runtime:
        """Rebuild a run by calling again, in order, each action the record holds (`flags`:
        those the run started with, for a preview started with flags set)."""
        events = list(events)
        calls: dict[int, Event] = {}
        for event in events:
            calls.setdefault(event.step, event)
        first = calls.get(0)
        if first is None or not isinstance(first.data, Started):
            raise ValueError("the record has no start event")
        rt = cls(
            script,
            RunMode(first.data.mode),
            first.data.start,
            clock,
            on_event,
            acted=_acted(events),
            flags=flags,
            seat=Seat(first.data.role, first.data.style),
        )
        for step in sorted(calls)[1:]:
            rt._call(calls[step])
        return rt

    def _call(self, event: Event) -> None:
        """Call the action that produced `event` (the first event of that action call)."""
        match event.action, event.data:
            case "advance", _:
                self.advance()
            case "buzz", _:
                self.buzz()
            case "resume", _:
                self.resume()
            case "redirect", Redirected(option=option):
                self.redirect(option)
            case "redirect", OwnWords(option=option, words=words):
                self.redirect(option, words)
            case "choose", Chosen(option=option):
                self.choose(option)
            case "choose", OwnWords(option=option, words=words):
                self.choose(option, words)
            case "hotseat", HotSeated(character=character):
                self.hotseat(character)
            case "rewind", Rewound(to_moment=moment):
                self.rewind(moment)
            case "tally", Tallied(option=option, count=count):
                self.tally(option, count)
            case action, data:
                raise ValueError(
                    f"step {event.step} of the record is a {action!r} action "
                    f"that cannot have caused a {data.kind!r} event"
                )


def anti_model_result(script: Script) -> AttemptResult:
    """The traditional approach's path judged as a forum run would be (`attempt` 0): every
    intervention point let pass, every decision taken the traditional way. The anti-model
    run itself is not scored; this is what the debrief sets beside the room's attempts."""
    rt = Runtime(script, acted=False)
    # A story cannot loop, so a path takes at most one step per line, decision and beat.
    for _ in range(sum(len(b.lines) + 2 for b in script.beats.values()) + 1):
        if rt.phase is Phase.PLAYING:
            rt.advance()
        elif rt.phase is Phase.DECIDING:
            decision = rt._beat().decision
            assert decision is not None
            index = flow.anti_model_choice(decision, rt.position.flags)
            if index is None:
                break
            rt.choose(index)
        else:
            break
    return AttemptResult(0, rt._ending(), rt._criteria())


def _acted(events: list[Event]) -> bool:
    """Whether the recorded run acted its choices out, read from the record itself.

    An acted choice is followed, in the same action, by a line in the same beat (the
    option's words); before acting existed it was followed by the next beat's first line,
    a decision or an ending (never the same beat: a story cannot loop). A record with no
    finished choice yet plays the same either way, so it carries on acted.
    """
    for i, event in enumerate(events):
        if not isinstance(event.data, Chosen | Redirected | Played):
            continue
        after = next((e for e in events[i + 1 :] if e.step == event.step), None)
        if after is not None:
            return isinstance(after.data, LineShown) and after.beat == event.beat
    return True
