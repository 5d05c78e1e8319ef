"""Lint for a loaded script: one small `check_*` function per rule, each yielding diagnostics.

The loader has already made sure every reference resolves; these rules catch what loads
but is probably not what the author meant: beats nobody reaches, moments with no feedback,
text too long for the stage, a flag tested under a misspelt name, an anti-model run that
does not end where the author says. Reachability, loops and the anti-model run come from the
analysis module, so the validator and the debrief agree on what the graph allows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from game.story import flow
from game.story.analysis import Exploration, explore
from game.story.errors import Diagnostic, diagnostic, did_you_mean
from game.story.flow import conditions, options
from game.story.model import Branch, Option, Pos, Script
from game.story.roles import owner

#: Option cards the stage can lay out at once.
MAX_OPTIONS = 4
HINT_FEWER = "keep the two to four options that matter most"

#: Longest text that fits its place on the 1920x1080 stage, in characters.
LIMITS = {
    "spoken line": (160, "speech bubble"),
    "option": (110, "option button"),
    "thought": (220, "thought bubble"),
    "feedback": (240, "feedback panel"),
    "prompt": (100, "prompt banner"),
    "caption": (60, "caption"),
}


def check_no_way_forward(script: Script) -> Iterator[Diagnostic]:
    for beat in script.beats.values():
        if not beat.next and beat.decision is None:
            yield diagnostic("FF402", beat.pos, value=beat.id)


def check_option_feedback(script: Script) -> Iterator[Diagnostic]:
    for _, option in options(script):
        if not option.feedback:
            yield diagnostic("FF404", option.pos)


def check_option_scores(script: Script) -> Iterator[Diagnostic]:
    """Every option is scored, except those of a playable role with no criteria: that role
    is never scored (a reflective debrief), so scores there would mean nothing."""
    unscored = {r.who for r in script.shoes if not r.criteria}
    for point, option in options(script):
        if not option.scores and owner(script, point) not in unscored:
            yield diagnostic("FF405", option.pos)


def _texts(script: Script) -> Iterator[tuple[str, str, Pos]]:
    """(kind, text, position) for every text the stage shows in a size-limited place."""
    for beat in script.beats.values():
        for line in beat.lines:
            yield "spoken line", line.says, line.pos
        for thoughts in beat.thoughts.values():
            for thought in thoughts:
                yield "thought", thought.text, thought.pos
        yield "caption", beat.caption, beat.pos
        if beat.decision:
            yield "prompt", beat.decision.prompt, beat.decision.pos
            yield "prompt", beat.decision.facilitator_prompt, beat.decision.pos
    for intervention in script.interventions.values():
        yield "prompt", intervention.prompt, intervention.pos
        yield "prompt", intervention.facilitator_prompt, intervention.pos
        yield "feedback", intervention.missed.feedback, intervention.pos
    for _, option in options(script):
        yield "option", option.says, option.pos
        yield "feedback", option.feedback, option.pos
        for line in option.then:
            yield "spoken line", line.says, line.pos


def check_lengths(script: Script) -> Iterator[Diagnostic]:
    for kind, text, pos in _texts(script):
        limit, place = LIMITS[kind]
        if len(text) > limit:
            yield diagnostic(
                "FF406", pos, what=f"this {kind}", length=len(text), limit=limit, place=place
            )


def check_anti_model_option(script: Script) -> Iterator[Diagnostic]:
    """The traditional approach needs a choice at each decision of the manager's (and of
    HR's, a chair's); a character the room can play takes their `usual` one instead."""
    shoes = {r.who for r in script.shoes}
    for beat in script.beats.values():
        decision = beat.decision
        if decision is None or owner(script, decision.id) in shoes:
            continue
        if decision.options and not any(o.anti_model for o in decision.options):
            yield diagnostic("FF407", decision.pos, value=decision.id)


def check_unused_interventions(script: Script) -> Iterator[Diagnostic]:
    used = {line.intervention for beat in script.beats.values() for line in beat.lines}
    for intervention in script.interventions.values():
        if intervention.id not in used:
            yield diagnostic("FF408", intervention.pos, value=intervention.id)


def check_flags(script: Script) -> Iterator[Diagnostic]:
    """A flag tested but never set can never change anything: usually a typo."""
    can_set = flow.flags_set(script)
    reported = set()
    for cond in conditions(script):
        for flag in cond.flags():
            if flag not in can_set and (flag, cond.pos) not in reported:
                reported.add((flag, cond.pos))
                yield diagnostic("FF409", cond.pos, did_you_mean(flag, can_set), value=flag)


def check_loop(script: Script, facts: Exploration) -> Iterator[Diagnostic]:
    """A loop is an error: the debrief's best and worst totals need a story that ends."""
    if not facts.cycle:
        return
    back_to, last = facts.cycle[-1], facts.cycle[-2] if len(facts.cycle) > 1 else facts.cycle[0]
    beat = script.beats.get(last)
    pos = beat.pos if beat else script.pos
    if beat:
        gotos: list[Branch | Option] = [b for b in beat.next if b.goto == back_to]
        gotos += [o for o in beat.decision.options if o.goto == back_to] if beat.decision else []
        pos = gotos[0].pos if gotos else pos
    yield diagnostic("FF314", pos, "the loop: " + " -> ".join(facts.cycle), value=back_to)


def check_unreachable(script: Script, facts: Exploration) -> Iterator[Diagnostic]:
    for beat in script.beats.values():
        if beat.id not in facts.reachable:
            yield diagnostic("FF401", beat.pos, value=beat.id)
    for ending in script.endings.values():
        if ending.id not in facts.reachable:
            yield diagnostic("FF403", ending.pos, value=ending.id)


def check_anti_model_path(script: Script, facts: Exploration) -> Iterator[Diagnostic]:
    expected = script.anti_model_ending
    if not expected or facts.anti_model_ending == expected:
        return
    reached = facts.anti_model_ending
    result = f"ends at '{reached}'" if reached else "never reaches an ending"
    path = " -> ".join([*facts.anti_model_path, reached or "(stuck)"])
    hint = f"the anti-model run: {path}"
    yield diagnostic("FF410", script.endings[expected].pos, hint, result=result, value=expected)


def check_option_count(script: Script) -> Iterator[Diagnostic]:
    """The stage lays out at most four option cards; a fifth would never be seen."""
    for intervention in script.interventions.values():
        if len(intervention.options) > MAX_OPTIONS:
            count = len(intervention.options)
            yield diagnostic(
                "FF411", intervention.pos, HINT_FEWER, value=intervention.id, count=count
            )
    for beat in script.beats.values():
        if beat.decision is not None and len(beat.decision.options) > MAX_OPTIONS:
            count = len(beat.decision.options)
            yield diagnostic(
                "FF411", beat.decision.pos, HINT_FEWER, value=beat.decision.id, count=count
            )


def check_one_option_intervention(script: Script) -> Iterator[Diagnostic]:
    for intervention in script.interventions.values():
        if len(intervention.options) == 1:
            yield diagnostic("FF415", intervention.pos, value=intervention.id)


def _route(flags: frozenset[str], tested: frozenset[str]) -> str:
    """A route in words: which of the flags the thoughts test are set on it."""
    on = sorted(flags & tested)
    off = sorted(tested - flags)
    words = [*on, *(f"not {flag}" for flag in off)]
    return "when " + ", ".join(words) if words else "on any route"


def check_thoughts(script: Script, facts: Exploration) -> Iterator[Diagnostic]:
    """Everyone on stage can be hot-seated, so each needs a thought true on every route."""
    for beat_id, routes in facts.beat_flags.items():
        beat = script.beats[beat_id]
        reported: set[str] = set()
        # Only the flags this beat's presence and thoughts test tell its routes apart here.
        read = frozenset(
            flag
            for cond in (
                *(p.cond for p in beat.present_if),
                *(t.cond for thoughts in beat.thoughts.values() for t in thoughts),
            )
            for flag in cond.flags()
        )
        for flags in sorted({route & read for route in routes}, key=sorted):
            for who in beat.on_stage(flags):
                if who in reported or who not in script.cast or beat.thought_for(who, flags):
                    continue
                reported.add(who)
                tested = frozenset(f for t in beat.thoughts.get(who, ()) for f in t.cond.flags())
                route = _route(flags, tested)
                yield diagnostic(
                    "FF416",
                    beat.pos,
                    f"add a thought for {who} that is true {route}, or one without if:",
                    who=script.cast[who].name,
                    beat=beat.id,
                    route=route,
                )


def check_intervention_anti_model(script: Script) -> Iterator[Diagnostic]:
    for intervention in script.interventions.values():
        for option in intervention.options:
            if option.anti_model:
                yield diagnostic("FF412", option.pos, "mark anti_model on decision options only")


def check_locked_hint(script: Script) -> Iterator[Diagnostic]:
    """A locked card says why in the author's words, never as a bare flag name."""
    for _, option in options(script):
        if not option.cond.is_always and not option.locked_hint:
            yield diagnostic("FF413", option.pos, "say in words what unlocks it")


def check_roles(script: Script) -> Iterator[Diagnostic]:
    """Role reversal: `usual` only where a playable character decides, each playable
    character owns a point, and each of their decisions can be taken when nobody plays them."""
    shoes = {r.who for r in script.shoes}
    decisions = [b.decision for b in script.beats.values() if b.decision is not None]
    points = [*script.interventions, *(d.id for d in decisions)]
    owners = {point: owner(script, point) for point in points}
    for point, option in options(script):
        if option.usual and owners[point] not in shoes:
            yield diagnostic("FF318", option.pos, value=point)
        elif option.usual and point in script.interventions:
            yield diagnostic("FF420", option.pos)
    for role in script.shoes:
        if role.who not in owners.values():
            yield diagnostic("FF319", role.pos, value=role.who)
    for decision in decisions:
        who = owners[decision.id]
        automatic = any(o.cond.is_always for o in decision.options) or any(
            o.usual and o.usual_if.is_always for o in decision.options
        )
        if who in shoes and decision.options and not automatic:
            name = script.cast[who].name if who in script.cast else who
            yield diagnostic("FF320", decision.pos, value=decision.id, who=name)


CHECKS: tuple[Callable[[Script], Iterator[Diagnostic]], ...] = (
    check_no_way_forward,
    check_option_feedback,
    check_option_scores,
    check_lengths,
    check_anti_model_option,
    check_unused_interventions,
    check_flags,
    check_option_count,
    check_intervention_anti_model,
    check_locked_hint,
    check_one_option_intervention,
    check_roles,
)

GRAPH_CHECKS: tuple[Callable[[Script, Exploration], Iterator[Diagnostic]], ...] = (
    check_loop,
    check_unreachable,
    check_anti_model_path,
    check_thoughts,
)


def run_checks(script: Script) -> list[Diagnostic]:
    """All lint findings for a script that loaded without errors."""
    found = [d for check in CHECKS for d in check(script)]
    if script.start in script.beats:
        facts = explore(script)
        found += [d for check in GRAPH_CHECKS for d in check(script, facts)]
    return sorted(found, key=lambda d: (d.pos.line, d.pos.col, d.code))
