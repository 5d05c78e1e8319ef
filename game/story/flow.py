"""The rules of moving through a script, shared by the runtime and the analysis.

Both must agree exactly on which lines show, which options are open and where a beat
leads, or the analysis would score paths the game can never play. Keeping those rules
here, once, is what makes the best and worst totals in the debrief trustworthy.
"""

from __future__ import annotations

from .model import Beat, Decision, Option

#: How many lines after an intervention point a buzz still counts as "just missed it".
LATE_LINES = 2

#: Reading pace used for playing-time estimates: a pause plus time per word.
SECONDS_PER_LINE = 2.0
SECONDS_PER_WORD = 0.4
#: Room discussion at each stop (a decision, or a redirect).
SECONDS_PER_STOP = 60.0


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
