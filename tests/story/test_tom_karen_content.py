"""Content rules for the Tom and Karen scenarios that the validator cannot see (issue 16).

An ER lead and a union rep read these scenarios for what managers will copy. Three of their
rules can be checked by machine, so a later edit that quietly breaks one fails here:

- the choices stay dilemmas (tools/dilemmas.py's aims: few dominant options, the
  traditional choice not always the lowest);
- Karen's family hears from the ward on every route (the duty of candour does not wait for
  an HR process), checked over seeded random audiences;
- what the room sees before and after the anti-model (content notes, summary, the
  anti-model's ending text) does not give away the context hot-seating is meant to find.
"""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest

from game.story.loader import load_script
from game.story.runtime import Phase, Runtime

ROOT = Path(__file__).resolve().parents[2]

# Words that would give away what hot-seating reveals, per scenario.
HIDDEN = {
    "tom": ("mother", "mum", "dementia", "carer", "partner", "chris", "relationship"),
    "karen": ("assault", "punch", "joy", "agency", "substantive", "alone", "relative"),
}


@pytest.mark.parametrize("sid", sorted(HIDDEN))
def test_the_dilemma_aims_hold(sid: str) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "dilemmas.py"), "--check", f"scripts/{sid}.yaml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("sid", sorted(HIDDEN))
def test_the_room_is_not_told_the_hidden_context(sid: str) -> None:
    script = load_script(ROOT / "scripts" / f"{sid}.yaml")
    anti = script.endings[script.anti_model_ending]
    seen = [script.title, script.summary, *script.content_notes, anti.outcome]
    seen += [variant.text for variant in anti.variants]
    for text in seen:
        found = [word for word in HIDDEN[sid] if word in text.lower()]
        assert not found, f"{sid}: {found} in {text!r}"
    assert anti.context, "the hidden context belongs in the debrief-only context"


def _visits(script, seed: int) -> tuple[set[str], str]:
    """One random audience's run: the beats it passed through and where it ended."""
    rng = random.Random(seed)
    rt = Runtime(script)
    beats: set[str] = set()
    for _ in range(5_000):
        if rt.phase is Phase.ENDED:
            return beats, rt.ending
        view = rt.view()
        beats.add(view.beat_id)
        if rt.phase is Phase.DECIDING:
            assert view.decision is not None
            rt.choose(rng.choice([o.index for o in view.decision.options if o.available]))
        elif view.line and view.line.intervention and "buzz" in view.allowed and rng.random() < 0.5:
            rt.buzz()
            redirect = rt.view().redirect
            if redirect is None:
                rt.resume()
            else:
                rt.redirect(rng.choice([o.index for o in redirect.options if o.available]))
        else:
            rt.advance()
    raise AssertionError("the run did not end")


def test_karens_family_is_told_on_every_route() -> None:
    script = load_script(ROOT / "scripts" / "karen.yaml")
    endings = set()
    for seed in range(200):
        beats, ending = _visits(script, seed)
        assert "family" in beats, f"seed {seed} reached {ending} without meeting Linda"
        endings.add(ending)
    assert endings == set(script.endings), "the walks should reach every ending"
