"""xAPI 1.0.3 statements rebuilt from a session record, and the LRS settings they need.

A Learning Record Store holds "actor verb object" statements. Freeze Frame's are built from
the session record (the journal) and nothing else, so statements can be made again for any
old session, and the same record always gives the same statements: every statement id is a
UUID derived from the session id and the event's place in the record, so sending one twice
is a no-op at the LRS (xAPI requires an LRS to keep only the first statement with an id).
The verbs, activity ids and extensions are listed in docs/records.md.

Privacy: the actor is never a person. In facilitator mode it is the room, an identified
Group whose account the trust names; in solo mode it is the account the learner set in the
LRS settings, and with no account set there is no actor and nothing is built for that run.
The record itself never holds a name (see journal.py), so none can leak from here.

No pygame and no network here: `outbox.py` queues and sends.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import asdict, dataclass, fields
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from game.records.journal import JournalRecord
from game.storage import atomic_write_json, load_json
from game.story.events import (
    Buzzed,
    Chosen,
    Ended,
    Event,
    HotSeated,
    Missed,
    OwnWords,
    Redirected,
    Rewound,
    Started,
    Tallied,
)
from game.story.model import Script

XAPI_VERSION = "1.0.3"
LANG = "en-GB"
#: Activity ids start with this unless the trust sets its own (`activity_base`): a URN, so
#: no domain is claimed that the project does not own, and the ids never change.
DEFAULT_ACTIVITY_BASE = "urn:freeze-frame:"
#: The accounts' homePage until the trust sets its own (.invalid is reserved: RFC 2606).
DEFAULT_HOME_PAGE = "https://freeze-frame.invalid/"
#: Statement ids are UUIDv5 in this namespace from "<session>/<seq>" (or "/abandoned").
ID_NAMESPACE = uuid.UUID("6f3c1d52-98a4-4b8e-9a0c-6a5b1f0e2d47")

ADL = "http://adlnet.gov/expapi/verbs/"
VERBS: dict[str, str] = {
    "launched": ADL + "launched",
    "completed": ADL + "completed",
    "interacted": ADL + "interacted",
    "answered": ADL + "answered",
    "asked": ADL + "asked",
    "attempted": ADL + "attempted",
    "skipped": "http://id.tincanapi.com/verb/skipped",
    "abandoned": "https://w3id.org/xapi/adl/verbs/abandoned",
}
SIMULATION = "http://adlnet.gov/expapi/activities/simulation"
INTERACTION = "http://adlnet.gov/expapi/activities/cmi.interaction"
MOMENT = "http://adlnet.gov/expapi/activities/interaction"


# ----- settings ------------------------------------------------------------------------


@dataclass(frozen=True)
class LrsSettings:
    """Where statements go and who they are about. Kept in the config folder (`lrs.json`),
    never in the repository; the file is readable by its owner only, as it holds a password.
    """

    endpoint: str = ""  # the LRS's xAPI base, e.g. https://lrs.example.nhs.uk/xAPI/
    username: str = ""
    password: str = ""
    home_page: str = DEFAULT_HOME_PAGE  # the trust's own address, for its accounts
    room_account: str = "room"  # facilitator mode: the room, never a person
    learner_account: str = ""  # solo mode: set by the learner, or nothing is sent
    activity_base: str = DEFAULT_ACTIVITY_BASE

    @property
    def configured(self) -> bool:
        return bool(self.endpoint.strip())

    def where(self) -> str:
        """The LRS's host (and port), for messages: never credentials, even in the URL."""
        parts = urlsplit(self.endpoint)
        host = parts.hostname or "the address set"
        return f"{host}:{parts.port}" if parts.port else host

    def statements_url(self) -> str:
        return self.endpoint.rstrip("/") + "/statements"

    def actor(self, room_mode: str) -> dict[str, Any] | None:
        """The room as a Group in facilitator mode; the learner's account alone, or nobody."""
        if room_mode == "facilitator":
            account = {"homePage": self.home_page, "name": self.room_account or "room"}
            return {"objectType": "Group", "account": account}
        if self.learner_account.strip():
            account = {"homePage": self.home_page, "name": self.learner_account.strip()}
            return {"objectType": "Agent", "account": account}
        return None


def _check_settings(raw: dict[str, Any]) -> None:
    for name in raw:
        if name in {f.name for f in fields(LrsSettings)} and not isinstance(raw[name], str):
            raise ValueError(f"{name!r} must be text")
    endpoint = str(raw.get("endpoint", "")).strip()
    if endpoint and urlsplit(endpoint).scheme not in ("http", "https"):
        raise ValueError("the endpoint must start with https:// (or http://)")


def load_lrs_settings(path: Path) -> tuple[LrsSettings, str | None]:
    """The saved LRS settings (`Folders.lrs_settings`; defaults: no LRS), and a warning if
    the file was damaged."""
    empty: dict[str, Any] = {}
    raw, warning = load_json(path, empty, _check_settings)
    known = {f.name for f in fields(LrsSettings)}
    values = {k: v.strip() for k, v in raw.items() if k in known and k != "password"}
    settings = LrsSettings(**values, password=str(raw.get("password", "")))
    return settings, warning


def save_lrs_settings(settings: LrsSettings, path: Path) -> None:
    """Atomically, owner-only (the temporary file is made 0600 and renamed into place)."""
    _check_settings(asdict(settings))
    atomic_write_json(path, asdict(settings))
    if os.name == "posix":
        os.chmod(path, 0o600)


# ----- ids -----------------------------------------------------------------------------


def registration(session_id: str) -> str:
    """The session as the registration: one UUID shared by every statement of the run."""
    return str(uuid.uuid5(ID_NAMESPACE, f"registration/{session_id}"))


def statement_id(session_id: str, part: str | int) -> str:
    return str(uuid.uuid5(ID_NAMESPACE, f"{session_id}/{part}"))


class Ids:
    """Stable activity and extension IRIs under one base."""

    def __init__(self, base: str, script_id: str) -> None:
        self.base = base if base.endswith((":", "/")) else base + "/"
        self.scenario = f"{self.base}scenario/{script_id}"

    def point(self, point: str) -> str:
        return f"{self.scenario}/point/{point}"

    def own_words(self, point: str) -> str:
        return f"{self.point(point)}/own-words"

    def moment(self, beat: str) -> str:
        return f"{self.scenario}/beat/{beat}"

    def character(self, character: str) -> str:
        return f"{self.scenario}/character/{character}"

    def ext(self, name: str) -> str:
        return f"{self.base}extension/{name}"


# ----- statements ----------------------------------------------------------------------


def _text(value: str) -> dict[str, str]:
    return {LANG: value}


def _clean(value: Any) -> Any:
    """Drop empty strings, lists and objects: xAPI (and Ralph's models) refuse empty values."""
    if isinstance(value, dict):
        cleaned = {k: _clean(v) for k, v in value.items()}
        return {k: v for k, v in cleaned.items() if v not in ("", None, {}, [])}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def _duration(seconds: float) -> str:
    return f"PT{max(0.0, seconds):.2f}S"


def _option_id(index: int) -> str:
    return f"option-{index + 1}"


@dataclass(frozen=True)
class Built:
    """The statements of one record (in record order) and what could not be included."""

    statements: list[dict[str, Any]]
    warnings: list[str]


class _Builder:
    """Turns one record's events into statements; one instance per record."""

    def __init__(
        self, record: JournalRecord, settings: LrsSettings, actor: dict[str, Any], script: Script
    ) -> None:
        self.record = record
        self.script = script
        self.actor = actor
        self.session = record.session_id
        self.ids = Ids(settings.activity_base, str(record.script.get("id", "")))
        self.room_mode = str(record.header.get("mode", ""))
        started = str(record.header.get("started", ""))
        try:
            self.origin = datetime.fromisoformat(started).astimezone(UTC)
        except ValueError:
            self.origin = datetime.fromtimestamp(record.path.stat().st_mtime, UTC)
        events = record.events
        self.t0 = events[0].t if events else 0.0
        self.tallies: dict[tuple[int, str], dict[str, int]] = {}
        #: The room's own words, recorded just before the redirect or choice they became.
        self.words: dict[tuple[int, str], str] = {}

    def when(self, t: float) -> str:
        moment = self.origin + timedelta(seconds=max(0.0, t - self.t0))
        return moment.isoformat(timespec="milliseconds")

    def scenario(self) -> dict[str, Any]:
        title = str(self.record.script.get("title", "")) or self.script.title
        definition = {"type": SIMULATION, "name": _text(title)}
        if self.script.summary:
            definition["description"] = _text(self.script.summary)
        return {"objectType": "Activity", "id": self.ids.scenario, "definition": definition}

    def point(self, point: str, own_words: bool = False) -> dict[str, Any]:
        """An intervention point or decision as a cmi.interaction: its prompt and its options."""
        found = self.script.interventions.get(point) or self.script.decision(point)
        prompt = found.prompt if found else point
        definition: dict[str, Any]
        if own_words:
            definition = {
                "type": INTERACTION,
                "interactionType": "fill-in",
                "name": _text(f"{prompt} (the room's own words)"),
            }
            return {
                "objectType": "Activity",
                "id": self.ids.own_words(point),
                "definition": definition,
            }
        definition = {
            "type": INTERACTION,
            "interactionType": "choice",
            "name": _text(prompt),
        }
        if found:
            definition["choices"] = [
                {"id": _option_id(i), "description": _text(o.says)}
                for i, o in enumerate(found.options)
            ]
        return {"objectType": "Activity", "id": self.ids.point(point), "definition": definition}

    def context(self, seq: str | int, event: Event | None, parent: bool) -> dict[str, Any]:
        extensions: dict[str, Any] = {
            self.ids.ext("session"): self.session,
            self.ids.ext("room-mode"): self.room_mode,
        }
        if isinstance(seq, int):  # the event's place in the record: the run's order
            extensions[self.ids.ext("seq")] = seq
        if event is not None:
            extensions[self.ids.ext("attempt")] = event.attempt
            extensions[self.ids.ext("moment")] = {"beat": event.beat, "line": event.line}
        context: dict[str, Any] = {
            "registration": registration(self.session),
            "platform": "Freeze Frame",
            "language": LANG,
            "extensions": extensions,
        }
        if parent:
            context["contextActivities"] = {"parent": [{"id": self.ids.scenario}]}
        app = str(self.record.header.get("app", ""))
        if app:
            context["revision"] = app
        return context

    def statement(
        self,
        part: str | int,
        verb: str,
        obj: dict[str, Any],
        event: Event | None,
        t: float,
        result: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        statement = {
            "id": statement_id(self.session, part),
            "actor": self.actor,
            "verb": {"id": VERBS[verb], "display": _text(verb)},
            "object": obj,
            "result": result or {},
            "context": self.context(part, event, parent=obj["id"] != self.ids.scenario),
            "timestamp": self.when(t),
            "version": XAPI_VERSION,
        }
        cleaned: dict[str, Any] = _clean(statement)
        return cleaned

    def answered(self, seq: int, e: Event, made: Redirected | Chosen) -> dict[str, Any]:
        """A redirect or a decision: the option, or the room's own words, as the response.

        Own words (the room's idea, typed in and mapped to its closest option; issue #12) are
        an `own_words` event just before the redirect or choice: the answer is then to a
        "fill-in" interaction of its own, the words as the response and the option they were
        mapped to beside them.
        """
        words = self.words.pop((e.attempt, made.point), "")
        extensions = {
            self.ids.ext("kind"): "redirect" if isinstance(made, Redirected) else "decision",
            self.ids.ext("scores"): dict(made.scores),
            self.ids.ext("option-text"): made.says,
            self.ids.ext("feedback"): made.feedback,
            self.ids.ext("show-of-hands"): self.tallies.pop((e.attempt, made.point), {}),
        }
        if words:
            extensions[self.ids.ext("closest-option")] = _option_id(made.option)
        result = {"response": words or _option_id(made.option), "extensions": extensions}
        obj = self.point(made.point, own_words=bool(words))
        return self.statement(seq, "answered", obj, e, e.t, result)

    def event(self, seq: int, e: Event) -> dict[str, Any] | None:
        """The statement for one event, or None for events an LRS has no use for (lines)."""
        made = e.data
        ext = self.ids.ext
        result: dict[str, Any]
        if isinstance(made, Started):
            result = {"extensions": {ext("run-mode"): made.mode}}
            if made.role:  # role reversal: whose shoes, and the manager faced
                result["extensions"][ext("role")] = made.role
                result["extensions"][ext("manager-style")] = made.style
            return self.statement(seq, "launched", self.scenario(), e, e.t, result)
        if isinstance(made, Tallied):
            counts = self.tallies.setdefault((e.attempt, made.point), {})
            counts[_option_id(made.option)] = made.count
            return None
        if isinstance(made, OwnWords):
            self.words[(e.attempt, made.point)] = made.words
            return None
        if isinstance(made, Redirected | Chosen):
            return self.answered(seq, e, made)
        if isinstance(made, Buzzed):
            obj = self.activity(self.ids.moment(e.beat), MOMENT, f"The scene at {e.beat}")
            result = {"extensions": {ext("offered-point"): made.offered or ""}}
            return self.statement(seq, "interacted", obj, e, e.t, result)
        if isinstance(made, HotSeated):
            cast = self.script.cast.get(made.character)
            name = cast.role if cast else made.character
            obj = self.activity(self.ids.character(made.character), MOMENT, name)
            return self.statement(seq, "asked", obj, e, e.t, {"response": made.text})
        if isinstance(made, Rewound):
            result = {"extensions": {ext("to-moment"): made.to_moment, ext("to-beat"): e.beat}}
            return self.statement(seq, "attempted", self.scenario(), e, e.t, result)
        if isinstance(made, Missed):
            result = {
                "extensions": {ext("scores"): dict(made.scores), ext("feedback"): made.feedback},
            }
            return self.statement(seq, "skipped", self.point(made.point), e, e.t, result)
        if isinstance(made, Ended):
            return self.completed(seq, e, made)
        return None

    def activity(self, iri: str, kind: str, name: str) -> dict[str, Any]:
        return {
            "objectType": "Activity",
            "id": iri,
            "definition": {"type": kind, "name": _text(name)},
        }

    def completed(self, seq: int, e: Event, made: Ended) -> dict[str, Any]:
        """The ending, and where the run sits on each criterion (the game's own measure)."""
        ending = {"ending": made.ending or "", "title": made.title, "tone": made.tone}
        extensions: dict[str, Any] = {self.ids.ext("ending"): ending}
        criteria = criterion_results(self.record, self.script)
        if criteria:
            extensions[self.ids.ext("criteria")] = criteria
        result = {
            "completion": True,
            "response": made.ending or "",
            "duration": _duration(e.t - self.t0),
            "extensions": extensions,
        }
        return self.statement(seq, "completed", self.scenario(), e, e.t, result)

    def abandoned(self) -> dict[str, Any]:
        last = self.record.events[-1] if self.record.events else None
        t = last.t if last else self.t0
        result = {"completion": False, "duration": _duration(t - self.t0)}
        return self.statement("abandoned", "abandoned", self.scenario(), last, t, result)


def criterion_results(record: JournalRecord, script: Script) -> dict[str, dict[str, Any]]:
    """Each criterion's result, from the runtime's own `result()` on a replay of the record:
    one call, so the statements follow whatever measure the game scores runs with.
    """
    from game.records.session import ResumeError, replay_record

    try:
        result = replay_record(record, script).result()
    except ResumeError:
        return {}
    out: dict[str, dict[str, Any]] = {}
    for c in result.criteria:
        out[c.id] = {
            "name": c.name,
            "score": round(c.score, 4),  # 0: always the worst alternative, 1: the best
            "moments": c.moments,  # moments that tested it (0: it was not tested)
            "points": c.points,  # the raw total of the choices' scores
        }
    return out


def build_statements(
    record: JournalRecord, settings: LrsSettings, script: Script, after_seq: int = -1
) -> Built:
    """The record's statements for events after `after_seq`, plus "abandoned" if it was.

    Tallies before `after_seq` still count towards the redirect or decision they precede.
    No actor (a solo run with no learner account): no statements, and a warning saying so.
    """
    actor = settings.actor(str(record.header.get("mode", "")))
    if actor is None:
        return Built([], [f"{record.session_id}: solo practice with no learner account; not sent"])
    builder = _Builder(record, settings, actor, script)
    statements = []
    for seq, event in record.numbered:
        made = builder.event(seq, event)
        if made is not None and seq > after_seq:
            statements.append(made)
    if record.state == "abandoned":
        statements.append(builder.abandoned())
    return Built(statements, list(record.warnings))
