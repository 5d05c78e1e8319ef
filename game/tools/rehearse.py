"""`python3 main.py rehearse SCRIPT PLAN [--shots DIR]`: play a scenario through the real
stage, headless, as a plain-text plan says, so an author can check a route and a maintainer
can reproduce a bug from the steps alone.

The plan is one step a line (`docs/example-plan.txt` shows every kind). Each step becomes
the keys a facilitator would press (`game.ui.pilot.Pilot`, the one headless driver, posts
them as real pygame events), so the rehearsal goes through the same screens, the same
runtime calls and the same session record as a run in a room. The whole plan is read before
anything plays, so a typo on line 30 is reported before 29 steps have run; a step that
cannot happen when its turn comes ("choose 2" with no decision on stage) stops the
rehearsal there. Either way the message is `plan.txt:LINE: what is wrong`, with a hint,
never a traceback. Only a fault in the game itself (not in the plan) ends in one, said so.

The records go to a folder of their own (`--records`, by default `rehearsals/` in the
game's data folder), so a rehearsal never joins a room's records or a manager's practice
history; the settings file is only read, never written.
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import sys
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from game import storage
from game.story.errors import did_you_mean
from game.story.model import Script
from game.story.views import Phase
from game.ui.keymap import Act
from game.ui.pilot import Pilot
from game.ui.settings import Settings

#: Each step's form, as the help and the hints print it.
FORMS: dict[str, str] = {
    "room": "room facilitator | room solo",
    "watch": "watch anti-model",
    "advance": "advance [N] | advance to decision|moment|ending",
    "buzz": "buzz",
    "redirect": "redirect N",
    "own words": 'own words "what the room said"',
    "closest": "closest [N]",
    "choose": "choose N",
    "hot-seat": "hot-seat NAME",
    "rewind": 'rewind N | rewind to "words of the line"',
    "resume": "resume",
    "tally": "tally N COUNT",
    "read": 'read "title of the paper"',
    "skip": "skip",
    "debrief": "debrief [outcome|criteria|timeline|discuss|compare]",
}
#: Steps that set the run up: before the first step that plays.
SETUP = ("room", "watch")
#: Other spellings a plan may use for a step.
ALIASES = {"freeze": "buzz", "hotseat": "hot-seat", "hot": "hot-seat", "own": "own words"}
TARGETS = ("decision", "moment", "ending")
PAGES = ("outcome", "criteria", "timeline", "discuss", "compare")
#: The screens a step can leave up, as the output names them.
SCREENS = {
    "freeze": "frozen: the freeze menu",
    "redirect": "frozen: the redirect cards",
    "hotseat": "frozen: who to hot-seat",
    "rewind": "the rewind list",
    "documents": "frozen: the papers",
    "own_words": "the room's own words",
    "closest": "which option the words are closest to",
    "feedback": "feedback on the choice",
}
#: Lines a single `advance to ...` plays at most before saying the plan is lost.
MAX_LINES = 2000


class PlanError(Exception):
    """A step that is written wrongly, or cannot happen where the run is when it comes."""

    def __init__(self, line: int, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.hint = hint

    def format(self, plan: str) -> str:
        """`plan.txt:LINE: message`, then the hint on its own line."""
        hint = f"\n  hint: {self.hint}" if self.hint else ""
        return f"{plan}:{self.line}: {self.message}{hint}"


@dataclass(frozen=True)
class Step:
    """One line of the plan: its kind, its number(s) or words, and the line as written."""

    line: int
    kind: str
    source: str  # the step as written, without its comment
    number: int | None = None  # an option (from 1), a count of lines or a rewind's place
    count: int | None = None  # tally: the hands
    text: str = ""  # own words, a name, a paper's title, a rewind's words, a target, a page


@dataclass
class Plan:
    """The plan read: how the run is set up, then the steps that play it."""

    room: str = "facilitator"
    anti_model: int = 0  # the line that asks to watch it first (0: it is not watched)
    steps: list[Step] = field(default_factory=list)


# ----- reading the plan -------------------------------------------------------------------


def _tokens(text: str, line: int) -> list[str]:
    """The line's words, "quoted words" kept together, a # comment dropped. Curly quotes
    (a word processor's) count as straight ones."""
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    try:
        return shlex.split(text, comments=True)
    except ValueError:
        raise PlanError(
            line, "a quotation mark is not closed", 'put the words between two " marks'
        ) from None


def _number(word: str, line: int, what: str, form: str, least: int = 1) -> int:
    if not word.isdigit() or int(word) < least:
        raise PlanError(line, f"{what} must be a whole number from {least}, not {word!r}", form)
    return int(word)


def _one_word(kind: str, rest: list[str], line: int, choices: tuple[str, ...]) -> str:
    """The one word a step takes from `choices` ("" if it may be left out and is)."""
    if len(rest) > 1:
        raise PlanError(line, f"'{kind}' takes one word", FORMS[kind])
    if not rest:
        return ""
    word = rest[0].lower()
    if word not in choices:
        hint = did_you_mean(word, choices) or FORMS[kind]
        raise PlanError(line, f"'{kind}' cannot be followed by {rest[0]!r}", hint)
    return word


def parse_step(line: int, source: str) -> Step | None:
    """One line of the plan as a step (None for a blank line or a comment)."""
    words = _tokens(source, line)
    if not words:
        return None
    head = words[0].lower()
    kind = ALIASES.get(head, head)
    rest = words[1:]
    second = {"own": "words", "hot": "seat"}.get(head)  # "own words", "hot seat": two words
    if second and rest[:1] and rest[0].lower() == second:
        rest = rest[1:]
    if kind not in FORMS:
        hint = did_you_mean(head, [*FORMS, *ALIASES]) or "steps: " + ", ".join(FORMS)
        raise PlanError(line, f"unknown step {words[0]!r}", hint)
    shown = " ".join(f'"{w}"' if not w or " " in w else w for w in words)
    step = Step(line, kind, shown)
    form = FORMS[kind]
    if kind in ("buzz", "resume", "skip"):
        if rest:
            raise PlanError(line, f"'{kind}' takes nothing after it", form)
        return step
    if kind == "room":
        return replace(step, text=_one_word(kind, rest or ["?"], line, ("facilitator", "solo")))
    if kind == "watch":
        if [w.lower() for w in rest] not in (["anti-model"], ["the", "anti-model"]):
            raise PlanError(line, "did you mean 'watch anti-model'?", form)
        return step
    if kind == "advance":
        if not rest:
            return replace(step, number=1)
        if rest[0].lower() in ("to", "until"):
            target = _one_word(kind, rest[1:] or ["?"], line, TARGETS)
            return replace(step, text=target)
        if len(rest) > 1:
            raise PlanError(line, "'advance' takes a number, or 'to' and where to stop", form)
        return replace(step, number=_number(rest[0], line, "the number of lines", form))
    if kind in ("redirect", "choose", "closest"):
        if kind == "closest" and not rest:
            return step  # the suggestion
        if len(rest) != 1:
            raise PlanError(line, f"'{kind}' takes the number of one option", form)
        return replace(step, number=_number(rest[0], line, "the option", form))
    if kind == "tally":
        if len(rest) != 2:
            raise PlanError(line, "'tally' takes the option and the number of hands", form)
        option = _number(rest[0], line, "the option", form)
        return replace(step, number=option, count=_number(rest[1], line, "the hands", form, 0))
    if kind == "rewind":
        if rest[:1] and rest[0].lower() == "to":
            if len(rest) != 2 or not rest[1].strip():
                raise PlanError(line, "say which line to rewind to, in one pair of quotes", form)
            return replace(step, text=rest[1].strip())
        if len(rest) != 1:
            raise PlanError(line, "'rewind' takes a number or 'to' and some words", form)
        return replace(step, number=_number(rest[0], line, "the moment", form))
    if kind == "debrief":
        return replace(step, text=_one_word(kind, rest, line, PAGES))
    # own words, hot-seat, read: the rest of the line is the words (quoted or not)
    text = " ".join(rest).strip()
    if not text:
        raise PlanError(line, f"'{kind}' needs words after it", form)
    return replace(step, text=text)


def parse_plan(text: str) -> tuple[Plan, list[PlanError]]:
    """The whole plan, and every mistake in it (so all are fixed in one go)."""
    plan = Plan()
    errors: list[PlanError] = []
    steps = plan.steps
    for number, source in enumerate(text.splitlines(), start=1):
        try:
            step = parse_step(number, source)
        except PlanError as error:
            errors.append(error)
            continue
        if step is None:
            continue
        if step.kind in SETUP:
            if steps:
                errors.append(
                    PlanError(
                        number,
                        f"'{step.kind}' sets the run up, so it must come before the first step",
                        "move it to the top of the plan",
                    )
                )
            elif step.kind == "room":
                plan.room = step.text
            else:
                plan.anti_model = number
            continue
        steps.append(step)
    if not steps and not errors:
        errors.append(PlanError(1, "the plan has no steps", "start with: advance"))
    return plan, errors


# ----- playing it ---------------------------------------------------------------------------


def _slug(text: str) -> str:
    """A step as part of a file name: lower case, words joined by hyphens, short."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "step"


def _first(step: Step, found: list[str], names: list[str], problem: str, listing: str) -> str:
    """The first of `found` (ids matching the step's words), or a `PlanError` saying
    `problem`, with the closest of `names` or, failing that, the list of them."""
    if not found:
        hint = did_you_mean(step.text, names) or f"{listing}: " + "; ".join(names)
        raise PlanError(step.line, problem, hint)
    return found[0]


def _quote(text: str, limit: int = 60) -> str:
    return f"\u201c{text if len(text) <= limit else text[: limit - 1] + chr(0x2026)}\u201d"


class Rehearsal:
    """Plays a plan's steps on a headless game, one screen of the real game at a time."""

    def __init__(self, pilot: Pilot) -> None:
        self.p = pilot
        #: The session record the run writes (None until the forum run starts).
        self.record: Path | None = None

    @classmethod
    def begin(
        cls,
        script: Script,
        plan: Plan,
        size: tuple[int, int],
        folders: storage.Folders,
        text_scale: float = 1.0,
    ) -> Rehearsal:
        """A headless game with `script` chosen: through the mode and notice screens as a
        facilitator would, to the first line of the anti-model or the forum run."""
        pilot = Pilot(
            size,
            settings=Settings(auto_advance=False, text_scale=text_scale).clamped(),
            scripts_dir=Path(script.path).parent,
            persist=False,
            folders=folders,
        )
        pilot.app.push("mode", script)
        pilot.pick(plan.room)
        pilot.pick("anti_model" if plan.anti_model else "forum")
        rehearsal = cls(pilot)
        rehearsal.remember_record()
        return rehearsal

    # ----- where the game is -------------------------------------------------------------

    @property
    def stage(self) -> Any:
        stage = self.p.stage
        assert stage is not None, "no stage: the run is over"
        return stage

    def where(self) -> str:
        """What is on screen, in a few words, for the step's line of output."""
        p = self.p
        name = p.name
        if name == "debrief":
            return f"debrief, {PAGES[p.top.page]} page"
        if name == "stage":
            view = self.stage.view
            run = "anti-model" if self.stage.anti_model else f"attempt {self.stage.rt.attempt}"
            if view.ending is not None:
                return f"{run}: ending {_quote(view.ending.title)}"
            if view.decision is not None and view.phase is Phase.DECIDING:
                return f"{run}: decision {_quote(view.decision.prompt)}"
            if view.line is not None:
                mark = " (a moment to intervene)" if view.intervention_here else ""
                who = view.speaker.name if view.speaker else view.line.who
                return f"{run}: {who}: {_quote(view.line.says)}{mark}"
        if name == "thought":
            thought = p.top.thought
            return f"hot-seat: {thought.character.name}: {_quote(thought.text)}"
        if name == "documents" and p.top.reading is not None:
            return f"reading {_quote(p.top.reading.title)}"
        return SCREENS.get(name, name)

    def remember_record(self) -> None:
        """Note where the run on stage (or the debrief after it) keeps its record."""
        for scene in self.p.app.stack.scenes:
            session = getattr(scene, "session", None)
            if session is not None:
                self.record = session.journal.path

    def settle(self, step: Step) -> None:
        """Close what a step before left open and nothing later needs (feedback, a thought,
        a paper, a page of the freeze menu), so each step starts from the stage or the
        freeze menu. Words typed but not yet matched must be matched first."""
        p = self.p
        for _ in range(8):
            name = p.name
            if name in ("own_words", "closest") and step.kind != "closest":
                raise PlanError(
                    step.line,
                    "the room's words are waiting to be matched to an option",
                    "add 'closest N' (or 'closest' for the suggestion) before this step",
                )
            reading = name == "documents" and p.top.reading is not None
            if name in ("feedback", "thought") or reading:
                p.do(Act.CONFIRM)
            elif name in ("redirect", "hotseat", "rewind", "documents"):
                p.do(Act.PAUSE)
            else:
                return

    def frozen(self, step: Step) -> None:
        """The freeze menu must be up for this step."""
        self.settle(step)
        if self.p.name != "freeze":
            raise PlanError(
                step.line, f"'{step.kind}' needs a frozen scene, and {self.where()}", "buzz first"
            )

    def options_at(self, step: Step, point: Any) -> int:
        """The option `step.number` of `point`, checked: as an index from 0."""
        count = len(point.options)
        index = (step.number or 0) - 1
        if not 0 <= index < count:
            raise PlanError(
                step.line,
                f"option {step.number} is out of range: {_quote(point.prompt)} has {count}",
                f"choose 1 to {count}",
            )
        option = point.options[index]
        if not option.available:
            raise PlanError(
                step.line,
                f"option {step.number} is locked here ({option.locked_reason})",
                "choose an option that is open on this route",
            )
        return index

    def deciding(self) -> bool:
        stage = self.p.stage
        return (
            self.p.name == "stage" and stage.view.phase is Phase.DECIDING and not stage.anti_model
        )

    # ----- the steps ---------------------------------------------------------------------

    def run(self, step: Step) -> None:
        handlers: dict[str, Callable[[Step], None]] = {
            "advance": self.advance,
            "buzz": self.buzz,
            "redirect": self.redirect,
            "own words": self.own_words,
            "closest": self.closest,
            "choose": self.choose,
            "hot-seat": self.hot_seat,
            "rewind": self.rewind,
            "resume": self.resume,
            "tally": self.tally,
            "read": self.read,
            "skip": self.skip,
            "debrief": self.debrief,
        }
        handlers[step.kind](step)
        self.remember_record()

    def advance_once(self, step: Step) -> None:
        """Enter: the next line, or on from an ending (to the forum run after the
        anti-model, else to the debrief)."""
        self.settle(step)
        p = self.p
        if p.name == "freeze":
            raise PlanError(
                step.line,
                "the scene is frozen, so it cannot advance",
                "resume first (or redirect, hot-seat, rewind)",
            )
        if p.name != "stage":
            raise PlanError(step.line, f"nothing to advance: {self.where()}")
        if self.deciding():
            raise PlanError(
                step.line,
                f"a decision is waiting: {_quote(self.stage.view.decision.prompt)}",
                'choose N, or own words "..." (or buzz to freeze first)',
            )
        if self.stage.view.phase is Phase.ENDED:
            p.settle()
        p.do(Act.CONFIRM)

    def advance(self, step: Step) -> None:
        if not step.text:
            for _ in range(step.number or 1):
                self.advance_once(step)
            return
        self.settle(step)
        if self.p.name == "stage" and self.stage.view.phase is Phase.ENDED:
            after = "the forum run" if self.stage.anti_model else "the debrief"
            raise PlanError(
                step.line,
                f"the scene is at its ending already, so there is no {step.text} to advance to",
                f"'advance' goes on to {after}",
            )
        for _ in range(MAX_LINES):
            self.advance_once(step)
            if self.p.name != "stage":
                raise PlanError(step.line, f"the run went on to the {self.where()}")
            view = self.stage.view
            reached = {
                "decision": view.phase is Phase.DECIDING,
                "moment": view.phase is Phase.PLAYING and view.intervention_here,
                "ending": view.phase is Phase.ENDED,
            }
            if reached[step.text]:
                return
            if reached["ending"]:
                raise PlanError(
                    step.line,
                    f"the scene reached its {self.where()} before any {step.text}",
                    "rewind to try another way, or debrief",
                )
            if self.deciding():
                raise PlanError(
                    step.line,
                    f"stopped at a decision before any {step.text}: {_quote(view.decision.prompt)}",
                    f"choose N first, then advance to {step.text}",
                )
        raise PlanError(step.line, f"no {step.text} within {MAX_LINES} lines")

    def buzz(self, step: Step) -> None:
        self.settle(step)
        p = self.p
        if p.name == "freeze":
            raise PlanError(step.line, "the scene is frozen already", "redirect, hot-seat, ...")
        if p.name != "stage":
            raise PlanError(step.line, f"nothing to freeze: {self.where()}")
        if self.stage.anti_model:
            raise PlanError(
                step.line,
                "the anti-model run has no buzzer: it plays the traditional way through",
                "skip it, or 'advance to ending' then 'advance' to start the forum run",
            )
        if "buzz" not in self.stage.view.allowed:
            raise PlanError(
                step.line,
                f"the scene cannot be frozen now: {self.where()}",
                'rewind N or rewind to "..." to try another way, or debrief',
            )
        p.do(Act.BUZZ)

    def redirect_point(self, step: Step) -> Any:
        """The redirect offered at this freeze, or a plan error saying why there is none."""
        self.frozen(step)
        point = self.stage.view.redirect
        if point is None:
            passed = self.stage.passed()
            if self.stage.view.decision is not None:
                hint = "this freeze is at a decision: resume, then choose N or own words"
            elif passed is not None:
                hint = f'the moment has passed: rewind to "{passed.text[:30]}" first'
            else:
                hint = (
                    "buzz on a moment to intervene, or a line or two after it "
                    "('advance to moment' stops on one)"
                )
            raise PlanError(step.line, "there is nothing to redirect at this freeze", hint)
        return point

    def redirect(self, step: Step) -> None:
        point = self.redirect_point(step)
        index = self.options_at(step, point)
        self.p.pick("redirect")
        self.p.choose(index)

    def own_words(self, step: Step) -> None:
        self.settle(step)
        p = self.p
        if p.name == "freeze":
            point = self.redirect_point(step)
            p.pick("redirect")
        elif self.deciding():
            point = self.stage.view.decision
        else:
            raise PlanError(
                step.line,
                f"the room's own words need a decision or a freeze to redirect; {self.where()}",
                "advance to decision, or buzz at a moment to intervene",
            )
        p.choose(len(point.options))  # the last card: our own idea
        p.type_text(step.text)
        p.do(Act.CONFIRM)
        if p.name != "closest":
            raise PlanError(step.line, "the words were not taken", "type some words in quotes")

    def closest(self, step: Step) -> None:
        p = self.p
        self.settle(step)
        if p.name != "closest":
            raise PlanError(
                step.line, "no words are waiting to be matched", 'own words "..." comes first'
            )
        if step.number is None:
            if p.top.suggested < 0:
                raise PlanError(step.line, "there is no suggestion here", "say closest N")
            p.do(Act.CONFIRM)
            return
        p.choose(self.options_at(step, p.top.point))

    def choose(self, step: Step) -> None:
        self.settle(step)
        if not self.deciding():
            frozen = self.p.name == "freeze"
            raise PlanError(
                step.line,
                f"no decision is on stage to choose from; {self.where()}",
                "resume first" if frozen else "advance to decision first",
            )
        self.p.choose(self.options_at(step, self.stage.view.decision))

    def hot_seat(self, step: Step) -> None:
        self.frozen(step)
        actors = self.stage.view.actors
        wanted = step.text.lower()
        found = [a.id for a in actors if wanted in (a.name.lower(), a.id.lower())]
        names = [a.name for a in actors]
        actor = _first(step, found, names, f"nobody called {step.text!r} is on stage", "on stage")
        self.p.pick("hotseat")
        self.p.pick(actor)

    def rewind(self, step: Step) -> None:
        self.settle(step)
        p = self.p
        ended = p.name == "stage" and self.stage.view.phase is Phase.ENDED
        if p.name != "freeze" and not ended:
            raise PlanError(
                step.line, f"rewind needs a frozen scene or an ending; {self.where()}", "buzz first"
            )
        if "rewind" not in self.stage.view.allowed:
            raise PlanError(step.line, "there is no earlier moment to rewind to")
        stage = self.stage
        moments = list(reversed(stage.moments()))  # as the page lists them: newest first
        labels = [f"{stage.where(m)} {m.speaker_name}: {m.text}".lower() for m in moments]
        if step.text:
            hits = [i for i, label in enumerate(labels) if step.text.lower() in label]
            if not hits:
                raise PlanError(
                    step.line,
                    f"no earlier moment has the words {_quote(step.text)}",
                    "the newest: " + "; ".join(_quote(m.text, 40) for m in moments[:3]),
                )
            index = hits[0]
        else:
            index = (step.number or 0) - 1
            if not 0 <= index < len(moments):
                raise PlanError(
                    step.line,
                    f"moment {step.number} is out of range: {len(moments)} earlier moments",
                    f"1 is the newest, {len(moments)} the first",
                )
        if ended:
            p.do(Act.BACK)  # at an ending: rewind and try another way
        else:
            p.pick("rewind")
        p.move_focus(p.top.menu, index)
        p.do(Act.CONFIRM)

    def resume(self, step: Step) -> None:
        self.frozen(step)
        self.p.pick("resume")

    def tally(self, step: Step) -> None:
        self.settle(step)
        p = self.p
        if self.stage.solo:
            raise PlanError(
                step.line, "a show of hands is for a room", "start the plan with: room facilitator"
            )
        if p.name == "freeze":
            point = self.redirect_point(step)
            p.pick("redirect")
            menu = p.top.menu
        elif self.deciding():
            point = self.stage.view.decision
            p.settle()  # arrows on fresh cards are taken as meant for the line before
            menu = self.stage.cards
        else:
            raise PlanError(
                step.line,
                f"hands are counted at a decision or a redirect; {self.where()}",
                "advance to decision, or buzz at a moment to intervene",
            )
        index = self.options_at(step, point)
        p.move_focus(menu, index)
        count = step.count or 0
        for _ in range(200):
            have = self.stage.tally_of(index) or 0
            if have == count:
                return
            p.do(Act.PLUS if have < count else Act.MINUS)
        raise PlanError(step.line, f"the count would not reach {count}")

    def read(self, step: Step) -> None:
        self.frozen(step)
        papers = self.stage.view.documents
        if not papers:
            raise PlanError(
                step.line,
                "the story has reached no papers to read yet",
                "read at a freeze after a beat that lists the paper",
            )
        wanted = step.text.lower()
        found = [d.id for d in papers if wanted in (d.id.lower(), d.title.lower())] or [
            d.id for d in papers if wanted in d.title.lower()
        ]
        titles = [d.title for d in papers]
        problem = f"no paper called {_quote(step.text)} here"
        paper = _first(step, found, titles, problem, "papers")
        self.p.pick("documents")
        self.p.pick(paper)

    def skip(self, step: Step) -> None:
        self.settle(step)
        if self.p.name != "stage" or not self.stage.anti_model:
            raise PlanError(
                step.line,
                "only the anti-model run can be skipped",
                "put 'watch anti-model' at the top of the plan",
            )
        self.p.click_label("Skip")

    def debrief(self, step: Step) -> None:
        self.settle(step)
        p = self.p
        if p.name == "stage" and self.stage.view.phase is Phase.ENDED:
            if self.stage.anti_model:
                raise PlanError(
                    step.line,
                    "this is the anti-model's ending: the debrief comes after the forum run",
                    "'advance' starts the forum run",
                )
            p.settle()
            p.do(Act.CONFIRM)
        if p.name != "debrief":
            raise PlanError(
                step.line, f"the run has not ended; {self.where()}", "advance to ending first"
            )
        if step.text:
            p.choose(PAGES.index(step.text))


# ----- the command ------------------------------------------------------------------------


def _size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d+)x(\d+)", text.strip().lower())
    if not match:
        raise argparse.ArgumentTypeError(f"{text!r} is not WIDTHxHEIGHT, e.g. 1920x1080")
    return int(match[1]), int(match[2])


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python3 main.py rehearse",
        description="Play a scenario headless through the real stage, as a plan says.",
        epilog="Steps: " + "; ".join(FORMS.values()) + ". See docs/authoring.md, Rehearsing.",
    )
    parser.add_argument("script", help="the scenario file (.yaml)")
    parser.add_argument("plan", help="the plan: a text file of steps, one a line")
    parser.add_argument("--shots", type=Path, metavar="DIR", help="a screenshot after each step")
    parser.add_argument(
        "--size", type=_size, default=(1920, 1080), metavar="WxH", help="window (1920x1080)"
    )
    parser.add_argument(
        "--text-scale",
        type=float,
        default=1.0,
        metavar="S",
        help="text size, as in the settings (1.0; 1.6 is the largest)",
    )
    parser.add_argument(
        "--records",
        type=Path,
        metavar="DIR",
        help="where the session record goes (default: rehearsals/ in the game's data folder)",
    )
    return parser


def rehearsal_folders(records: Path | None) -> storage.Folders:
    """The game's folders with the records (and anything else a run writes) moved aside:
    a rehearsal is not a room's session, nor a manager's practice."""
    mine = storage.folders()
    data = records or mine.data / "rehearsals"
    return storage.Folders(data, data / "config", data / "handouts", mine.scripts)


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    from game.tools.analyse import load_or_explain

    plan_name = args.plan
    try:
        text = storage.read_regular(args.plan, 1_000_000).decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"{plan_name}: cannot read the plan: {exc}", file=sys.stderr)
        return 1
    plan, errors = parse_plan(text)
    for error in errors:
        print(error.format(plan_name), file=sys.stderr)
    if errors:
        return 1
    script = load_or_explain(args.script)
    if script is None:
        return 1
    if plan.anti_model and not script.anti_model_ending:
        error = PlanError(plan.anti_model, "this scenario has no anti-model run to watch")
        print(error.format(plan_name), file=sys.stderr)
        return 1
    folders = rehearsal_folders(args.records)
    return play(script, plan, plan_name, args.size, args.shots, folders, args.text_scale)


def play(
    script: Script,
    plan: Plan,
    plan_name: str,
    size: tuple[int, int],
    shots: Path | None,
    folders: storage.Folders,
    text_scale: float = 1.0,
) -> int:
    """Play the plan on a headless game; print each step and where it left the run."""
    # Headless: no window opens and no sound plays (read when the game starts pygame).
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    rehearsal = Rehearsal.begin(script, plan, size, folders, text_scale)
    pilot = rehearsal.p
    print(f"{plan_name}: {script.title}, {plan.room} mode: {rehearsal.where()}")

    def shoot(number: int, words: str) -> None:
        if shots is not None:
            pilot.screenshot(shots / f"{number:02d}-{_slug(words)}.png")

    shoot(0, "start")
    steps = plan.steps
    for number, step in enumerate(steps, start=1):
        try:
            rehearsal.run(step)
        except PlanError as error:
            print(error.format(plan_name), file=sys.stderr)
            shoot(number, f"stopped-{step.source}")
            return 1
        except Exception:
            print(
                f"{plan_name}:{step.line}: the game failed at this step: a fault in the game, "
                "not in the plan (please report it with the plan and the script)",
                file=sys.stderr,
            )
            raise
        print(f"{plan_name}:{step.line}: {step.source}  \u2192  {rehearsal.where()}")
        shoot(number, step.source)
    pilot.app.start("title")  # leaves the stage as the game does: the record is closed
    if rehearsal.record is not None:
        print(f"The session record: {rehearsal.record}")
    if shots is not None:
        print(f"Screenshots: {shots} ({len(steps) + 1})")
    return 0
