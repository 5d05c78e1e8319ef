"""Lint rules on loaded scripts: limits at their exact boundary, hints, graph-aware findings."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.story import checks
from game.story.loader import load_script, script_from_bytes

ROOT = Path(__file__).resolve().parent.parent
BASE = (ROOT / "tests" / "broken" / "valid_base.yaml").read_text()


def findings(*edits: tuple[str, str]) -> list:
    """Diagnostics for the valid base script with some text replaced."""
    text = BASE
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    return script_from_bytes(text.encode(), "s.yaml")[1]


def test_shipped_example_has_no_findings() -> None:
    assert checks.run_checks(load_script(str(ROOT / "scripts" / "example.yaml"))) == []


@pytest.mark.parametrize(
    ("old", "kind", "limit"),
    [
        ("says: Third time this month.", "spoken line", 160),
        ("says: Are you OK?", "option", 110),
        ("jo: Dad had a bad night.", "thought", 220),
        ("feedback: Asking first opens the conversation.", "feedback", 240),
        ("prompt: What does Alex do now?", "prompt", 100),
    ],
)
def test_text_limits_hold_at_exactly_the_limit(old: str, kind: str, limit: int) -> None:
    key = old.split(":")[0]
    assert findings((old, f"{key}: {'x' * limit}")) == []
    (too_long,) = findings((old, f"{key}: {'x' * (limit + 1)}"))
    assert too_long.code == "FF406"
    assert f"this {kind} is {limit + 1} characters; over {limit}" in too_long.message


def test_flag_typo_suggests_the_flag_that_is_set() -> None:
    (typo,) = findings(
        ("          goto: supported\n", "          sets: [asked]\n          goto: supported\n"),
        (
            "        - says: This is going",
            (
                "        - if: not askd\n"
                "          locked_hint: Only before asking.\n"
                "          says: This is going"
            ),
        ),
    )
    assert (typo.code, typo.hint) == ("FF409", "did you mean 'asked'?")


def test_reachability_takes_flags_into_account() -> None:
    """An option behind a flag nobody sets can never be taken, so its target is unreachable."""
    found = findings(
        (
            "          goto: supported\n",
            ("          if: [asked]\n          locked_hint: Ask first.\n          goto: later\n"),
        ),
        (
            "endings:\n",
            "  later:\n    scene: ward\n    lines:\n      - {who: jo, says: Hi.}\n"
            "    next: supported\nendings:\n",
        ),
    )
    codes = sorted(d.code for d in found)
    assert codes == ["FF401", "FF403", "FF409"]  # later, supported, and the unset flag


def test_loop_points_at_the_way_back() -> None:
    found = findings(
        ("          goto: supported\n", "          goto: chat\n"),
        (
            "endings:\n",
            "  chat:\n    scene: ward\n    lines:\n      - {who: jo, says: Again?}\n"
            "    next: arrival\nendings:\n",
        ),
    )
    loop = next(d for d in found if d.code == "FF314")
    assert loop.is_error and "loops back to 'arrival'" in loop.message
    assert loop.source_line.strip() == "next: arrival"
    assert loop.hint == "the loop: arrival -> chat -> arrival"


def test_anti_model_run_that_ends_elsewhere_names_its_path() -> None:
    (diag,) = findings(("start: arrival\n", "start: arrival\nanti_model_ending: supported\n"))
    assert diag.code == "FF410" and "ends at 'warning'" in diag.message
    assert diag.hint == "the anti-model run: arrival -> warning"


def test_anti_model_run_that_dead_ends() -> None:
    found = findings(
        ("start: arrival\n", "start: arrival\nanti_model_ending: warning\n"),
        ("          anti_model: true\n", "          anti_model: true\n          if: asked\n"),
        ("        - says: Are you OK?\n", "        - says: Are you OK?\n          if: asked\n"),
    )
    anti = next(d for d in found if d.code == "FF410")
    assert "never reaches an ending" in anti.message


def test_findings_come_in_file_order() -> None:
    found = findings(
        ("          feedback: Asking first opens the conversation.\n", ""),
        ("          scores: {proportionality: -2}\n", ""),
    )
    assert [d.code for d in found] == ["FF404", "FF405"]
    assert [d.pos.line for d in found] == sorted(d.pos.line for d in found)


def test_anti_model_check_is_quiet_when_no_ending_is_declared() -> None:
    """anti_model_ending is optional: without it there is nothing to compare against."""
    assert [d.code for d in findings()] == []


def test_a_reflective_roles_options_need_no_scores_but_a_scored_roles_do() -> None:
    # Pat (roles fixture) is playable with no criteria; Lou, the rep, is scored.
    text = (ROOT / "tests" / "roles" / "roles.yaml").read_text()
    pat = text.replace("          scores: {conversation: 1}\n", "", 1)
    assert pat != text
    assert [d.code for d in script_from_bytes(pat.encode(), "s.yaml")[1]] == []
    lou = text.replace("        scores: {partnership: 2, conversation: 2}\n", "", 1)
    assert lou != text
    assert [d.code for d in script_from_bytes(lou.encode(), "s.yaml")[1]] == ["FF405"]
