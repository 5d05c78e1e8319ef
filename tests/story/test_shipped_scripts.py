"""Every shipped script: golden playthroughs from tests/plans, and seeded random walks.

A plan (tests/plans/<script id>.yaml) lists runs: the mode, the option taken at each
intervention or decision by id (interventions not listed are let pass), the ending the run
must reach, and score bands: `min_fraction` (every criterion at least this far from worst
to best) and `max_fraction` (the average over criteria at most this). A changed script
that breaks a plan fails here, loudly, naming the plan.

Role reversal (/work/wt/ROLES.md, docs/authoring.md Roles): a plan may add `role: <cast id>`
(a role marked `shoes: true`) and `style: traditional|just` (the manager style); its
`choices:` then list only the room's own choices as that role.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml

from game.story.analysis import analyse
from game.story.loader import load_script
from game.story.roles import Seat
from game.story.runtime import Phase, RunMode, Runtime

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = sorted(p for p in (ROOT / "scripts").glob("*.yaml") if p.name != "criteria.yaml")
PLANS = ROOT / "tests" / "plans"


def _plans() -> list[tuple[Path, dict]]:
    found = []
    for path in sorted(PLANS.glob("*.yaml")):
        for plan in yaml.safe_load(path.read_text(encoding="utf-8")):
            found.append((path, plan))
    return found


def play(rt: Runtime, choices: dict[str, int]) -> Runtime:
    """Drive a run as an audience would: redirect the listed points, choose at decisions."""
    used: set[str] = set()
    for _ in range(10_000):
        if rt.phase is Phase.ENDED:
            return rt
        view = rt.view()
        if rt.phase is Phase.DECIDING and rt.mode is RunMode.FORUM:
            assert view.decision is not None
            assert view.decision.id in choices, f"the plan has no choice for {view.decision.id}"
            rt.choose(choices[view.decision.id])
            continue
        point = view.line.intervention if view.intervention_here and view.line else ""
        if rt.mode is RunMode.FORUM and point in choices and point not in used:
            used.add(point)
            rt.buzz()
            rt.redirect(choices[point])
            continue
        rt.advance()
    raise AssertionError("the run did not end within 10,000 actions")


def _plan_id(value: object) -> str:
    return value.get("name", "") if isinstance(value, dict) else Path(str(value)).stem


@pytest.mark.parametrize(("plan_file", "plan"), _plans(), ids=_plan_id)
def test_golden_playthrough(plan_file: Path, plan: dict) -> None:
    script = load_script(ROOT / "scripts" / f"{plan_file.stem}.yaml")
    mode = RunMode(plan.get("mode", "forum"))
    seat = Seat(plan.get("role", ""), plan.get("style", ""))
    rt = play(Runtime(script, mode=mode, seat=seat), plan.get("choices", {}))
    assert rt.ending == plan["ending"], f"{plan['name']}: ended at {rt.ending}"
    fractions = {c.id: c.fraction for c in rt.result().criteria if c.tested}
    if "min_fraction" in plan:
        low = {c: round(f, 2) for c, f in fractions.items() if f < plan["min_fraction"]}
        assert not low, f"{plan['name']}: below {plan['min_fraction']}: {low}"
    if "max_fraction" in plan:
        mean = sum(fractions.values()) / len(fractions)
        assert mean <= plan["max_fraction"], f"{plan['name']}: average {mean:.2f}"
    if mode is RunMode.ANTI_MODEL:
        assert script.endings[rt.ending].tone == "traditional"


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.stem)
def test_every_shipped_script_has_a_plan_and_its_anti_model_ends_traditionally(path) -> None:
    script = load_script(path)
    facts = analyse(script)
    assert all(facts.endings.values()), f"unreachable endings: {facts.endings}"
    if script.anti_model_ending:
        assert facts.anti_model_ending == script.anti_model_ending
    assert (PLANS / f"{path.stem}.yaml").exists(), "every shipped script needs a golden plan"


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.stem)
def test_seeded_random_walk_reaches_an_ending(path: Path, seed: int) -> None:
    """Random audiences, buzzing, hot-seating and rewinding, always reach an ending."""
    script = load_script(path)
    rng = random.Random(seed)
    rt = Runtime(script)
    rewinds = 0
    for _ in range(5_000):
        if rt.phase is Phase.ENDED:
            break
        view = rt.view()
        allowed = sorted(view.allowed - ({"rewind"} if rewinds >= 3 else set()))
        action = rng.choice(allowed)
        if action == "redirect":
            assert view.redirect is not None
            options = [o.index for o in view.redirect.options if o.available]
            if not options:
                rt.resume()
                continue
            rt.redirect(rng.choice(options))
        elif action == "choose":
            assert view.decision is not None
            rt.choose(rng.choice([o.index for o in view.decision.options if o.available]))
        elif action == "hotseat":
            rt.hotseat(rng.choice([a.id for a in view.actors]))
        elif action == "rewind":
            rewinds += 1
            rt.rewind(rng.choice([m.index for m in rt.moments()]))
        elif action == "tally":
            rt.tally(0, rng.randint(0, 30))
        else:
            getattr(rt, action)()
    assert rt.phase is Phase.ENDED, f"stuck at {rt.view().beat_id}"
    assert rt.ending in script.endings


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.stem)
def test_the_best_path_takes_the_strongest_choice_at_every_moment(path: Path) -> None:
    """Played through the runtime, `analyse`'s best path never takes a weaker option (to
    earn a rescue later, say): at each moment its choice is the strongest there was."""
    script = load_script(path)
    facts = analyse(script)
    steps = list(facts.best_path)
    rt = Runtime(script)
    for _ in range(10_000):
        if rt.phase is Phase.ENDED:
            break
        view = rt.view()
        if rt.phase is Phase.DECIDING:
            point, option = steps.pop(0)
            assert view.decision is not None and view.decision.id == point
            rt.choose(option)
            continue
        here = view.line.intervention if view.line and not view.acting else ""
        if here and steps and steps[0][0] == here and steps[0][1] >= 0:
            rt.buzz()
            rt.redirect(steps.pop(0)[1])
            continue
        if here and steps and steps[0] == (here, -1):
            steps.pop(0)  # the best path lets this one pass
        rt.advance()
    assert rt.ending == facts.best_path_ending and steps == []
    result = rt.result()
    assert all(m.strongest().option == m.chosen for m in result.moments)
    scores = {c.id: c.score for c in result.criteria if c.tested}
    assert scores == pytest.approx(facts.best_path_scores)
