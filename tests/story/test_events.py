"""Events on the record: every kind written and read back the same, a damaged shape named
once at the edge, and records in the older format still read."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from game.story.events import (
    ACTIONS,
    FORMAT_VERSION,
    KINDS,
    PAYLOADS,
    Buzzed,
    Ended,
    Event,
    EventError,
    Rewound,
)
from game.story.loader import load_script
from game.story.roles import Seat
from game.story.runtime import Phase, Runtime

from .factory import forum_script

ROLES = Path(__file__).resolve().parents[1] / "roles" / "roles.yaml"


def played() -> list[Event]:
    """A run that records every kind of event, with the runtime's own payloads."""
    rt = Runtime(forum_script())
    rt.advance()
    rt.buzz()
    rt.hotseat("tom")
    rt.tally(0, 4)
    rt.redirect(0, "Tom, are you alright? Let's talk somewhere quiet.")
    rt.advance()
    rt.buzz()
    rt.rewind(0)
    rt.resume()
    while rt.phase is Phase.PLAYING:
        rt.advance()
    rt.choose(0)
    rt.advance()  # the choice acted out, then its ending
    return rt.events + played_for_the_room()


def played_for_the_room() -> list[Event]:
    """A role run, whose start names the role and style and whose manager's choices are
    `Played` for the room."""
    rt = Runtime(load_script(ROLES), seat=Seat("pat", "just"))
    return rt.events


def through_json(event: Event) -> Event:
    return Event.from_json(json.loads(json.dumps(event.to_json())))


def test_every_kind_is_recorded_and_reads_back_equal() -> None:
    events = played()
    assert {e.kind for e in events} == set(KINDS)
    assert {e.action for e in events} <= set(ACTIONS)
    assert [through_json(e) for e in events] == events


def test_nothing_is_null_on_the_record() -> None:
    nothing = Event(1.0, 3, "buzz", "arrival", 0, 1, Buzzed(None))
    assert nothing.to_json()["data"] == {"offered": None}
    assert through_json(nothing) == nothing
    stopped = Event(1.0, 3, "advance", "arrival", 0, 1, Ended(None, "", ""))
    assert through_json(stopped).data == Ended(None, "", "")


def test_every_payload_class_is_in_the_table_under_its_own_kind() -> None:
    assert all(cls.kind == kind for kind, cls in PAYLOADS.items())
    assert len(set(KINDS)) == len(KINDS) == 14


def good() -> dict[str, Any]:
    return Event(2.5, 2, "buzz", "arrival", 1, 1, Buzzed("search")).to_json()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"kind": "sneeze"}, "unknown event kind 'sneeze'"),
        ({"action": "dance"}, "'buzz' event has an unknown action 'dance'"),
        ({"t": "soon"}, "'buzz' event's 't' must be a number, not str 'soon'"),
        ({"step": 2.5}, "'step' must be a whole number, not float 2.5"),
        ({"attempt": True}, "'attempt' must be a whole number, not bool True"),
        ({"beat": None}, "'beat' must be text, not null"),
        ({"data": []}, "'buzz' event's data must be an object, not list []"),
        ({"data": {}}, "a 'buzz' event has no 'offered'"),
        ({"data": {"offered": 7}}, "'offered' must be text or null, not int 7"),
    ],
)
def test_a_damaged_event_says_which_field_and_why(change: dict[str, Any], message: str) -> None:
    with pytest.raises(EventError, match=re.escape(message)):
        Event.from_json({**good(), **change})


def test_damaged_scores_and_missing_fields_are_named() -> None:
    choice = next(e for e in played() if e.kind == "redirect").to_json()
    choice["data"]["scores"] = {"compassion": "lots"}
    with pytest.raises(EventError, match="'scores' must be criterion: whole number pairs"):
        Event.from_json(choice)
    del choice["line"]
    with pytest.raises(EventError, match="a 'redirect' event has no 'line'"):
        Event.from_json(choice)
    with pytest.raises(EventError, match="an event must be an object, not str"):
        Event.from_json("buzz")


def test_fields_a_payload_does_not_have_are_dropped() -> None:
    raw = good()
    raw["data"]["room"] = "Dana Delegate"
    assert Event.from_json(raw).data == Buzzed("search")


def test_format_1_events_are_read_in_the_current_shape() -> None:
    assert FORMAT_VERSION == 2
    buzz = {**good(), "data": {"offered": ""}}
    assert Event.from_json(buzz, version=1).data == Buzzed(None)
    assert Event.from_json(buzz).data == Buzzed(""), "format 2 reads '' as it is"
    rewind = {**good(), "action": "rewind", "kind": "rewind"}
    rewind["data"] = {"to_moment": 0, "beat": "arrival"}
    assert Event.from_json(rewind, version=1).data == Rewound(0)
    ending = {**good(), "action": "advance", "kind": "ending"}
    ending["data"] = {"ending": "", "title": "", "tone": ""}
    assert Event.from_json(ending, version=1).data == Ended(None, "", "")


def test_a_replay_refuses_an_action_its_event_cannot_follow() -> None:
    events = played()
    at = next(i for i, e in enumerate(events) if e.action == "hotseat")
    bent = [*events[:at], Event.from_json({**events[at].to_json(), "action": "tally"})]
    with pytest.raises(ValueError, match="'tally' action that cannot have caused a 'hotseat'"):
        Runtime.replay(forum_script(), bent)
