"""tools/dilemmas.py with role reversal: whose criteria judge a point, and which points count.

A point owned by a character the room can play is that person's dilemma: judged on their
role's criteria, or left out when the role has no criteria (nothing is scored there, so every
option would tie and read as "obviously right"). Run on the roles fixture, a real script.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from game.story.loader import load_script

ROOT = Path(__file__).resolve().parents[1]
_SPEC = importlib.util.spec_from_file_location("dilemmas", ROOT / "tools" / "dilemmas.py")
assert _SPEC is not None and _SPEC.loader is not None
dilemmas = importlib.util.module_from_spec(_SPEC)
sys.modules["dilemmas"] = dilemmas  # its dataclasses look their module up by name
_SPEC.loader.exec_module(dilemmas)

FIXTURE = ROOT / "tests" / "roles" / "roles.yaml"


def test_a_reflective_roles_point_is_left_out_and_a_scored_roles_point_uses_its_criteria() -> None:
    script = load_script(FIXTURE)
    found = {p.id: p for p in dilemmas.points(script)}
    assert "pat_says" not in found  # Pat has no criteria: a reflective debrief, never scored
    assert found["rep_speaks"].criteria == ("partnership", "conversation")
    assert found["verdict"].criteria == tuple(script.criteria)  # the manager's: as before


def test_letting_a_roles_own_point_pass_is_not_the_traditional_managers_choice() -> None:
    found = {p.id: p for p in dilemmas.points(load_script(FIXTURE))}
    assert not any(a.traditional for a in found["rep_speaks"].alternatives)
    assert dilemmas.traditional_lowest(found["rep_speaks"]) is None
    passed = found["blame"].alternatives[-1]
    assert passed.label == "let it pass" and passed.traditional


def test_a_roles_point_is_judged_only_on_that_roles_criteria() -> None:
    rep = {p.id: p for p in dilemmas.points(load_script(FIXTURE))}["rep_speaks"]
    assert all(set(a.scores) <= {"partnership", "conversation"} for a in rep.alternatives)
    assert dilemmas.dominant(rep) == "option 1"
