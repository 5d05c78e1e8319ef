"""A recorded facilitator run that uses every kind of event, for the handout and CSV tests."""

from __future__ import annotations

from game.records.journal import JournalRecord, read_journal
from game.records.session import finish_session, start_session
from game.storage import folders
from game.story.model import Script
from game.story.views import Phase

#: What the room said in its own words at the redirect: markup, a formula start, accents.
ROOM_WORDS = '=2+2 <i>we</i> & "Zoë" say: are you OK?'


class Clock:
    """Seven seconds per reading: a run long enough for minutes to show, no real time."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 7.0
        return self.now


def recorded_run(script: Script, room_mode: str = "facilitator") -> JournalRecord:
    """Let the search pass (missed), freeze, hot-seat, rewind, tally, redirect, decide."""
    session = start_session(script, room_mode, folders().sessions, clock=Clock())
    rt = session.runtime
    while rt.phase is not Phase.DECIDING:
        rt.advance()  # past the search to the decision: the search is missed
    rt.buzz()
    rt.hotseat("tom")
    rt.rewind(0)
    rt.resume()
    rt.advance()
    rt.buzz()
    rt.tally(0, 9)
    rt.tally(1, 3)
    rt.redirect(0, ROOM_WORDS)
    while rt.phase is not Phase.DECIDING:
        rt.advance()
    rt.choose(1)
    while rt.phase is not Phase.ENDED:
        rt.advance()  # the choice acted out, then on to its ending
    finish_session(session, folders().progress)
    return read_journal(session.journal.path)


def random_step(rt, rng) -> None:
    """One legal action chosen at random: how a restless room might drive the runtime."""
    allowed = sorted(rt.allowed())
    view = rt.view()
    weights = {"advance": 6, "buzz": 2, "resume": 3, "choose": 3, "redirect": 3, "rewind": 1}
    action = rng.choices(allowed, [weights.get(a, 1) for a in allowed])[0]
    point = view.redirect or view.decision
    open_options = [o.index for o in point.options if o.available] if point else []
    if action in ("choose", "redirect") and open_options:
        getattr(rt, action)(rng.choice(open_options))
    elif action == "tally" and point:
        rt.tally(rng.randrange(len(point.options)), rng.randrange(12))
    elif action == "hotseat":
        rt.hotseat(rng.choice([a.id for a in view.actors]))
    elif action == "rewind":
        rt.rewind(rng.choice([m.index for m in rt.moments()]))
    elif action in ("advance", "buzz", "resume"):
        getattr(rt, action)()
    elif "resume" in allowed:
        rt.resume()
