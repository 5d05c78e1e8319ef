"""Statements made from session records: valid xAPI (Ralph's own models), stable, private."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from ralph.models.xapi.base.statements import BaseXapiStatement

from game.records.session import finish_session, replay_record, start_session
from game.records.xapi import VERBS, LrsSettings, build_statements, registration, statement_id
from game.storage import folders
from game.story.events import Redirected
from game.story.views import Phase
from tests.records.helpers import ROOM_WORDS, Clock, recorded_run
from tests.story.factory import forum_script

TRUST = LrsSettings(home_page="https://trust.example.nhs.uk/", room_account="day-2-room")


def test_every_statement_is_valid_xapi_by_ralphs_models() -> None:
    script = forum_script()
    record = recorded_run(script)
    built = build_statements(record, TRUST, script)
    assert built.warnings == []
    for statement in built.statements:
        BaseXapiStatement.model_validate(statement)
    verbs = [s["verb"]["id"].rsplit("/", 1)[-1] for s in built.statements]
    assert verbs == [
        "launched", "skipped", "interacted", "asked", "attempted", "interacted",
        "answered", "answered", "completed",
    ]  # fmt: skip
    assert {s["context"]["registration"] for s in built.statements} == {
        registration(record.session_id)
    }


def test_a_redirect_carries_the_option_its_scores_and_the_show_of_hands() -> None:
    script = forum_script()
    record = recorded_run(script)
    statements = build_statements(record, TRUST, script).statements
    redirect = next(s for s in statements if s["object"]["id"].endswith("/point/search"))
    assert redirect["verb"]["id"] == VERBS["skipped"], "the first pass of the search was missed"
    answered = [s for s in statements if s["verb"]["id"] == VERBS["answered"]]
    first = answered[0]
    ext = first["result"]["extensions"]
    # The redirect was in the room's own words, mapped to option 1 (tests/records/helpers.py).
    assert first["result"]["response"] == ROOM_WORDS
    assert ext["urn:freeze-frame:extension/closest-option"] == "option-1"
    decided = answered[1]  # the decision, answered with an authored option
    assert decided["object"]["definition"]["interactionType"] == "choice"
    choices = [c["id"] for c in decided["object"]["definition"]["choices"]]
    assert choices[:2] == ["option-1", "option-2"]
    assert decided["result"]["response"] == "option-2"
    assert ext["urn:freeze-frame:extension/kind"] == "redirect"
    assert ext["urn:freeze-frame:extension/show-of-hands"] == {"option-1": 9, "option-2": 3}
    assert ext["urn:freeze-frame:extension/scores"] == {"compassion": 2}
    assert first["context"]["extensions"]["urn:freeze-frame:extension/attempt"] == 2
    assert first["context"]["contextActivities"]["parent"] == [
        {"id": "urn:freeze-frame:scenario/" + script.id}
    ]


def test_the_completed_statement_has_the_ending_and_every_criterion() -> None:
    script = forum_script()
    record = recorded_run(script)
    completed = build_statements(record, TRUST, script).statements[-1]
    result = completed["result"]
    assert completed["verb"]["id"] == VERBS["completed"] and result["completion"] is True
    ending = result["extensions"]["urn:freeze-frame:extension/ending"]
    assert ending["ending"] == result["response"] == record.events[-1].data.ending
    criteria = result["extensions"]["urn:freeze-frame:extension/criteria"]
    assert set(criteria) == set(script.criteria)
    result_now = replay_record(record, script).result()
    assert criteria == {
        c.id: {"name": c.name, "score": round(c.score, 4), "moments": c.moments, "points": c.points}
        for c in result_now.criteria
    }, "the game's own measure, as the debrief shows it"
    for value in criteria.values():
        assert 0 <= value["score"] <= 1


def test_the_same_record_always_gives_the_same_statements() -> None:
    script = forum_script()
    record = recorded_run(script)
    first = build_statements(record, TRUST, script).statements
    again = build_statements(record, TRUST, script).statements
    assert first == again
    assert len({s["id"] for s in first}) == len(first)
    later = build_statements(record, TRUST, script, after_seq=record.numbered[5][0]).statements
    assert later == [s for s in first if s in later] and 0 < len(later) < len(first)


def test_the_room_is_a_group_and_a_solo_learner_only_the_account_they_set() -> None:
    script = forum_script()
    room = build_statements(recorded_run(script), TRUST, script).statements
    assert {json.dumps(s["actor"]) for s in room} == {
        json.dumps(
            {
                "objectType": "Group",
                "account": {"homePage": "https://trust.example.nhs.uk/", "name": "day-2-room"},
            }
        )
    }
    solo = recorded_run(script, "solo")
    nobody = build_statements(solo, TRUST, script)
    assert nobody.statements == [] and "no learner account" in nobody.warnings[0]
    learner = replace(TRUST, learner_account="learner-0042")
    actors = {json.dumps(s["actor"]) for s in build_statements(solo, learner, script).statements}
    assert actors == {
        json.dumps(
            {
                "objectType": "Agent",
                "account": {"homePage": "https://trust.example.nhs.uk/", "name": "learner-0042"},
            }
        )
    }


def test_an_abandoned_run_says_so_and_typed_text_survives_as_data() -> None:
    script = forum_script()
    search = script.interventions["search"]
    odd = replace(search.options[0], says='</script><b>"Zoë" & =cmd|\' \\ \u202e')
    script = replace(
        script, interventions={"search": replace(search, options=(odd, *search.options[1:]))}
    )
    session = start_session(script, "facilitator", folders().sessions, clock=Clock())
    rt = session.runtime
    rt.advance()
    rt.buzz()
    rt.redirect(0)
    assert rt.phase is not Phase.ENDED
    finish_session(session, folders().progress)
    from game.records.journal import read_journal

    record = read_journal(session.journal.path)
    statements = build_statements(record, TRUST, script).statements
    assert statements[-1]["verb"]["id"] == VERBS["abandoned"]
    answered = next(s for s in statements if s["verb"]["id"] == VERBS["answered"])
    text = answered["result"]["extensions"]["urn:freeze-frame:extension/option-text"]
    assert (
        json.loads(json.dumps(answered))["result"]["extensions"][
            "urn:freeze-frame:extension/option-text"
        ]
        == text
        == odd.says
    )
    for statement in statements:
        BaseXapiStatement.model_validate(statement)


@pytest.mark.parametrize("base", ["https://learning.trust.example/freeze-frame", "urn:ff:"])
def test_a_trust_can_set_its_own_activity_ids(base: str) -> None:
    script = forum_script()
    settings = replace(TRUST, activity_base=base)
    for statement in build_statements(recorded_run(script), settings, script).statements:
        assert statement["object"]["id"].startswith(base)
        BaseXapiStatement.model_validate(statement)


def test_the_rooms_own_words_are_the_response_of_an_interaction_of_their_own() -> None:
    """The record holds an `own_words` event just before the redirect it became (as the
    game writes it): the redirect's statement answers with the words, the option beside."""
    script = forum_script()
    record = recorded_run(script)
    seq, event = next(
        (seq, e) for seq, e in record.numbered if isinstance(e.data, Redirected)
    )  # fmt: skip
    answered = next(
        s for s in build_statements(record, TRUST, script).statements
        if s["id"] == statement_id(record.session_id, seq)
    )  # fmt: skip
    BaseXapiStatement.model_validate(answered)
    assert answered["result"]["response"] == ROOM_WORDS  # as data: markup, "=", accents
    assert answered["object"]["id"].endswith("/point/search/own-words")
    assert answered["object"]["definition"]["interactionType"] == "fill-in"
    ext = answered["result"]["extensions"]
    assert ext["urn:freeze-frame:extension/closest-option"] == f"option-{event.data.option + 1}"
    decided = [
        s for s in build_statements(record, TRUST, script).statements
        if s.get("result", {}).get("extensions", {}).get("urn:freeze-frame:extension/kind")
        == "decision"
    ]  # fmt: skip
    assert decided and all(s["result"]["response"].startswith("option-") for s in decided)


def test_messages_name_the_lrs_by_its_host_never_by_credentials_in_its_address() -> None:
    settings = LrsSettings(endpoint="https://me:pa55@lrs.example.nhs.uk:8443/xAPI/")
    assert settings.where() == "lrs.example.nhs.uk:8443"
    assert LrsSettings(endpoint="https://lrs.example.nhs.uk/xAPI/").where() == "lrs.example.nhs.uk"
