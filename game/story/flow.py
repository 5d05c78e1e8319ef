"""The rules of moving through a script, shared by the runtime and the analysis.

Both must agree exactly on which lines show, which options are open and where a beat
leads, or the analysis would score paths the game can never play. Keeping those rules
here, once, is what makes the best and worst totals in the debrief trustworthy.
"""

from __future__ import annotations

from collections.abc import Iterator

from .model import Beat, Condition, Decision, Line, Option, Script

#: How many lines after an intervention point a buzz still counts as "just missed it".
LATE_LINES = 2

#: Reading pace used for playing-time estimates: a pause plus time per word.
SECONDS_PER_LINE = 2.0
SECONDS_PER_WORD = 0.4
#: Room discussion at each stop (a decision, or a redirect).
SECONDS_PER_STOP = 60.0


def options(script: Script) -> Iterator[tuple[str, Option]]:
    """Every option in the script with the id of its decision or intervention."""
    for iid, intervention in script.interventions.items():
        for option in intervention.options:
            yield iid, option
    for decision in (b.decision for b in script.beats.values() if b.decision is not None):
        for option in decision.options:
            yield decision.id, option


def conditions(script: Script) -> Iterator[Condition]:
    """Every condition written anywhere: lines, follow-ups, options, branches, who is on
    stage, moods, thoughts and ending outcomes. The analysis keeps exactly the flags these
    test, so a condition left out here would be judged on flags the analysis threw away."""
    for beat in script.beats.values():
        yield from _own_conditions(beat)
    for _, option in options(script):
        yield from _option_conditions(option)
    for ending in script.endings.values():
        yield from (v.cond for v in ending.variants)


def beat_conditions(script: Script, beat: Beat) -> Iterator[Condition]:
    """The conditions tested while `beat` plays: its own, and those of the options of its
    decision and of the intervention points its lines open (the analysis's `live` flags)."""
    yield from _own_conditions(beat)
    for option in beat_options(script, beat):
        yield from _option_conditions(option)


def beat_options(script: Script, beat: Beat) -> Iterator[Option]:
    """The options that can be taken in `beat`: its decision's, and its intervention points'."""
    if beat.decision is not None:
        yield from beat.decision.options
    for line in beat.lines:
        point = script.interventions.get(line.intervention) if line.intervention else None
        if point is not None:
            yield from point.options


def _own_conditions(beat: Beat) -> Iterator[Condition]:
    yield from (line.cond for line in beat.lines)
    yield from (branch.cond for branch in beat.next)
    yield from (p.cond for p in beat.present_if)
    yield from (m.cond for moods in beat.mood_if.values() for m in moods)
    yield from (t.cond for thoughts in beat.thoughts.values() for t in thoughts)


def _option_conditions(option: Option) -> Iterator[Condition]:
    yield option.cond
    yield option.usual_if
    yield from (line.cond for line in option.then)


def flags_set(script: Script) -> frozenset[str]:
    """Every flag an option or a beat can set."""
    by_options = (flag for _, option in options(script) for flag in option.sets)
    by_beats = (flag for beat in script.beats.values() for flag in beat.sets)
    return frozenset((*by_options, *by_beats))


def act_lines(option: Option, who: str, flags: frozenset[str]) -> list[Line]:
    """How a choice is acted out: its owner says the option's words, then its `then:` lines
    whose condition holds under the flags after the choice."""
    said = Line(who=who, says=option.says, direction=option.direction, pos=option.pos)
    return [said, *(line for line in option.then if line.cond.holds(flags))]


def visible_lines(beat: Beat, flags: frozenset[str]) -> list[int]:
    """Indices of the beat's lines whose condition holds under these flags."""
    return [i for i, line in enumerate(beat.lines) if line.cond.holds(flags)]


def next_target(beat: Beat, flags: frozenset[str]) -> str | None:
    """Where the beat leads when nobody intervenes: the first branch whose condition holds."""
    for branch in beat.next:
        if branch.cond.holds(flags):
            return branch.goto
    return None


def is_available(option: Option, flags: frozenset[str]) -> bool:
    return option.cond.holds(flags)


def locked_reason(option: Option, flags: frozenset[str]) -> str:
    """Why an option is greyed out, in the author's words when they gave any."""
    if is_available(option, flags):
        return ""
    return option.locked_hint or f"Needs: {option.cond.describe()}"


def anti_model_choice(decision: Decision, flags: frozenset[str]) -> int | None:
    """The option the traditional approach takes: the marked one, else the first open one."""
    open_options = [i for i, o in enumerate(decision.options) if is_available(o, flags)]
    marked = [i for i in open_options if decision.options[i].anti_model]
    if marked:
        return marked[0]
    return open_options[0] if open_options else None


def line_seconds(text: str) -> float:
    """Estimated seconds to play one line at a facilitator's reading pace."""
    return SECONDS_PER_LINE + SECONDS_PER_WORD * len(text.split())
