"""What the facilitator's presenter view shows, read from a run without changing it.

The projector shows the stage; the facilitator's own screen (game/ui/presenter) shows what
the room must not see yet: the lines coming next, the moments worth stopping that lie ahead
with their prompts and options, what each character on stage is thinking (the hidden
context the room discovers only by hot-seating), and whether an intervention point is on
stage or passing ("stop now or it will be missed"). `look_ahead` builds all of it as one
frozen value from the runtime's read-only state; it records nothing and moves nothing, so
the stage stays the only caller of the runtime's actions.

The lines ahead follow the route as it stands: the flags set so far, and nobody
intervening. A decision ends the look-ahead (what follows depends on the room's choice).
"""

from __future__ import annotations

from dataclasses import dataclass

from . import flow
from .model import Decision, Intervention, Line, Script
from .roles import ROOM, automatic
from .runtime import Runtime
from .views import Phase, RunMode

#: How many lines ahead the look-ahead walks to find the coming moments worth stopping.
HORIZON = 40


@dataclass(frozen=True)
class LineAhead:
    """One line still to come: who says it and what, and the intervention point it opens."""

    speaker: str
    says: str
    intervention: str = ""


@dataclass(frozen=True)
class PointAhead:
    """A coming moment worth stopping: an intervention point or a decision."""

    id: str
    kind: str  # "intervention" or "decision"
    prompt: str
    facilitator_prompt: str
    options: tuple[str, ...]
    lines_away: int  # 0: on stage now


@dataclass(frozen=True)
class Inner:
    """What one character on stage is thinking now (never on the projector unhot-seated)."""

    id: str
    name: str
    text: str


@dataclass(frozen=True)
class Passing:
    """An intervention point the scene has moved past that a buzz can still redirect."""

    id: str
    prompt: str


@dataclass(frozen=True)
class PresenterView:
    upcoming: tuple[LineAhead, ...]
    coming: tuple[PointAhead, ...]
    thoughts: tuple[Inner, ...]
    passing: Passing | None
    #: The facilitator's specific content notes (what happens, to whom): for them alone.
    notes: tuple[str, ...]
    minutes: int
    #: The runtime clock's time at the run's first event: elapsed time counts from it.
    started: float


def look_ahead(rt: Runtime, lines: int = 4) -> PresenterView:
    """The presenter's picture of `rt` now: the next `lines` lines and what lies ahead."""
    script = rt.script
    walked, decision = _walk(rt)
    coming = []
    if rt.phase is not Phase.ENDED:
        view = rt.view()
        if view.decision is not None:
            decision = (view.decision.id, 0)
        on_stage = view.line.intervention if view.line and view.intervention_here else ""
        if on_stage:
            coming.append(_intervention(script, on_stage, 0))
        flags = rt.position.flags
        # Only the room's own moments: not those a manager style or a character the room is
        # not playing takes for it (role reversal, roles.py).
        coming += [
            _intervention(script, line.intervention, away)
            for away, line in enumerate(walked, start=1)
            if line.intervention in script.interventions
            and automatic(script, rt.seat, line.intervention, flags) is ROOM
        ]
        if decision is not None and automatic(script, rt.seat, decision[0], flags) is ROOM:
            coming.append(_decision(script, *decision))
    return PresenterView(
        upcoming=tuple(_ahead(script, line) for line in walked[:lines]),
        coming=tuple(coming),
        thoughts=_thoughts(rt),
        passing=_passing(rt),
        notes=script.facilitator_content_notes,
        minutes=script.minutes,
        started=rt.events[0].t if rt.events else 0.0,
    )


def _walk(rt: Runtime) -> tuple[list[Line], tuple[str, int] | None]:
    """The lines after the one on stage, up to `HORIZON`, and the decision that ends them
    with its distance in lines (None: an ending, a branch or the horizon comes first)."""
    if rt.phase is Phase.ENDED or rt.mode is RunMode.ANTI_MODEL:
        return [], None
    script, pos = rt.script, rt.position
    if pos.deciding:
        return [], None
    acted, target = rt.acting_ahead()
    found = list(acted)
    flags = pos.flags
    if target:
        beat_id = target
        later: list[int] = []
    else:
        beat_id = pos.beat
        later = [i for i in flow.visible_lines(script.beats[beat_id], flags) if i > pos.line]
    for _ in range(len(script.beats) + 1):
        if target:  # entering a new beat (its flags apply as it starts)
            if beat_id not in script.beats:
                return found, None  # an ending
            flags = script.beats[beat_id].apply(flags)
            later = flow.visible_lines(script.beats[beat_id], flags)
        beat = script.beats[beat_id]
        found += [beat.lines[i] for i in later]
        if len(found) >= HORIZON:
            return found[:HORIZON], None
        if beat.decision is not None:
            return found, (beat.decision.id, len(found) + 1)
        nxt = flow.next_target(beat, flags)
        if nxt is None:
            return found, None
        beat_id = target = nxt
    return found, None


def _ahead(script: Script, line: Line) -> LineAhead:
    who = script.cast.get(line.who)
    return LineAhead(who.name if who else line.who, line.says, line.intervention)


def _intervention(script: Script, point: str, away: int) -> PointAhead:
    return _point(point, "intervention", script.interventions[point], away)


def _decision(script: Script, point: str, away: int) -> PointAhead:
    found = script.decision(point)
    assert found is not None  # the look-ahead only names decisions of this script
    return _point(point, "decision", found, away)


def _point(point: str, kind: str, found: Intervention | Decision, away: int) -> PointAhead:
    options = tuple(o.says for o in found.options)
    return PointAhead(point, kind, found.prompt, found.facilitator_prompt, options, away)


def _thoughts(rt: Runtime) -> tuple[Inner, ...]:
    """Each non-manager character on stage, with what the hot seat would reveal now."""
    if rt.phase is Phase.ENDED:
        return ()
    cast = rt.script.cast
    return tuple(
        Inner(c, cast[c].name, rt.thinking(c).text) for c in rt.present() if not cast[c].is_manager
    )


def _passing(rt: Runtime) -> Passing | None:
    """The latest intervention point passed that a buzz would still offer, while playing."""
    if rt.phase is not Phase.PLAYING or rt.mode is RunMode.ANTI_MODEL:
        return None
    pending = rt.position.pending
    if not pending:
        return None
    point = max(pending, key=lambda p: p[1])[0]
    return Passing(point, rt.script.interventions[point].prompt)
