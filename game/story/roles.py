"""Role reversal: who decides each point when the room stands in someone else's shoes.

The room plays one seat: the manager (the default, today's game) or a character whose role
is marked `shoes: true`. Every decision or intervention point has an owner (its `by:`, else
the manager). The room decides the points its seat owns; every other point is taken for it,
by rules an author can predict from the script alone (docs/authoring.md, Roles):

- a `shoes` character the room is not playing does what they usually do: at a decision the
  first `usual` option open, else the first open option; at an intervention point the
  scene plays on as written (the written line *is* what they usually do);
- the manager, when the room plays someone else, is played by a manager style: the
  `traditional` one takes the anti-model option and never redirects; the `just` (just and
  learning) one takes the strongest alternative by the per-moment scoring on the manager's
  criteria;
- anyone else (HR's advice, a chair) takes the strongest alternative on every criterion.

So a manager run with no `shoes` roles is exactly the game as it was. Nothing here imports
pygame: the runtime asks `automatic` at each point, and the analysis asks it too, so the
best path it reports is one the runtime can play.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.i18n import _

from . import flow
from .model import Character, Option, Script
from .scoring import TIE, Alternative, alternatives_at, standing

#: The manager styles the room can face when it plays someone else, in menu order.
STYLES: tuple[str, ...] = ("traditional", "just")

#: `automatic` answers this for a point the room decides itself.
ROOM = None
#: ... and this (an option index of -1) to let an intervention point play on as written, or,
#: at a decision, when no option is open (the run then stops, as the anti-model run does).
PASS = -1


@dataclass(frozen=True)
class Seat:
    """Whose shoes the room stands in (`role`, a cast id; "" for the manager) and, when it
    is not the manager, the manager `style` it faces."""

    role: str = ""
    style: str = ""

    @property
    def is_manager(self) -> bool:
        return not self.role


MANAGER_SEAT = Seat()


def style_name(style: str) -> str:
    """A manager style in words, as the mode screen, debrief, handout and progress say it."""
    return {
        "traditional": _("a traditional manager"),
        "just": _("a just and learning manager"),
    }.get(style, style)


def seat_words(script: Script, seat: Seat) -> str:
    """ "Played as Tom, the team leader, with a traditional manager" ("" for the manager)."""
    if seat.is_manager:
        return ""
    return _("Played as {role}, with {style}").format(
        role=script.role_label(seat.role), style=style_name(seat.style)
    )


def nameplate_role(person: Character, seat: Seat) -> str:
    """`person`'s role as their nameplate says it, with "(you)" on whoever the room plays.

    Authors mark the manager "Ward manager (you)", as the room usually is the manager. When
    the room stands in someone else's shoes, the marker moves: off the manager's words (as
    the script writes it, or in the interface's language, as a translation writes it) and
    onto the played character's, so no nameplate says "you" of someone the room is not."""
    if seat.is_manager:
        return person.role
    you = _("(you)")
    role = person.role
    if person.is_manager:
        for marker in {you, "(you)"}:
            if role.endswith(marker):
                role = role[: -len(marker)].rstrip(" ,;")
    if person.id == seat.role:
        role = f"{role} {you}" if role else you
    return role


def check_seat(script: Script, seat: Seat) -> None:
    """A ValueError (a bug in the host, not the script) unless the script offers this seat."""
    if seat.is_manager:
        if seat.style:
            raise ValueError("a manager style is chosen only when the room plays someone else")
        return
    offered = [r.who for r in script.shoes]
    if seat.role not in offered:
        can = ", ".join(offered) or "none"
        raise ValueError(f"{script.id} cannot be played as {seat.role!r}; roles: {can}")
    if seat.style not in STYLES:
        raise ValueError(f"no manager style {seat.style!r}; choose one of {', '.join(STYLES)}")


def owner(script: Script, point: str) -> str:
    """The cast id of whoever makes the choice at `point` (its `by:`, else the manager)."""
    found = script.interventions.get(point) or script.decision(point)
    by = found.by if found is not None else ""
    manager = script.manager
    return by or (manager.id if manager else "")


def point_options(script: Script, point: str) -> tuple[Option, ...]:
    """The options of an intervention or decision point, by its id."""
    found = script.interventions.get(point) or script.decision(point)
    return found.options if found is not None else ()


def automatic(script: Script, seat: Seat, point: str, flags: frozenset[str]) -> int | None:
    """What is taken at `point` for the room: `ROOM` (None) if the room decides it, else an
    option index, or `PASS` to play an intervention on as written."""
    who = owner(script, point)
    if who == (seat.role or owner_of_manager(script)):
        return ROOM
    shoes = {r.who for r in script.shoes}
    is_intervention = point in script.interventions
    if who in shoes:
        return PASS if is_intervention else usual_choice(point_options(script, point), flags)
    if seat.is_manager:
        return ROOM  # HR, a chair: the room decides them in a manager run, as it always has
    if who == owner_of_manager(script):
        if seat.style == "traditional":
            decision = script.decision(point)
            if is_intervention or decision is None:
                return PASS
            found = flow.anti_model_choice(decision, flags)
            return PASS if found is None else found
        manager = script.role(who)
        return strongest(script, point, flags, manager.criteria if manager else ())
    return strongest(script, point, flags, ())


def owner_of_manager(script: Script) -> str:
    manager = script.manager
    return manager.id if manager else ""


def usual_choice(options: tuple[Option, ...], flags: frozenset[str]) -> int:
    """What a character does when nobody plays them: the first open `usual` option whose
    `usual` condition holds (`usual: rep_fought`: what they do on those routes), else the first
    open option (`PASS` when none is open)."""
    open_ = [i for i, o in enumerate(options) if flow.is_available(o, flags)]
    marked = [i for i in open_ if options[i].usual and options[i].usual_if.holds(flags)]
    return (marked or open_ or [PASS])[0]


def strongest(script: Script, point: str, flags: frozenset[str], criteria: tuple[str, ...]) -> int:
    """The strongest alternative open at `point` by the per-moment scoring, judged only on
    `criteria` (all criteria when empty); on a tie the first (letting an intervention play
    on comes first, so a style never redirects for nothing)."""
    alts = alternatives_at(script, point, flags)
    if criteria:
        keep = set(criteria)
        alts = tuple(
            Alternative(a.option, a.says, {c: v for c, v in a.scores.items() if c in keep}, a.goto)
            for a in alts
        )
    if not alts:
        return PASS
    ranked = [standing(alts, a) for a in alts]
    best = max(ranked)
    return next(a.option for a, v in zip(alts, ranked, strict=True) if v >= best - TIE)
