"""The authoring tools at scale: validate and analyse against libyaml's bare parse.

libyaml's parse of the same text is the floor no validator can beat, so each figure is
given beside it; generated scripts of growing size show whether the cost is linear (the
growth exponent between two sizes is log(t2/t1) / log(n2/n1): 1 is linear, 2 quadratic).
"""

from __future__ import annotations

import itertools
import math
import tempfile
from pathlib import Path

import yaml

from game.bench.measure import best_of, timed
from game.story.analysis import analyse
from game.story.loader import read_script
from game.story.perf import paused_gc
from game.tools.generate import generate_yaml

#: Beats in the generated scripts (3 beats to a unit).
SIZES = (1_000, 10_000, 100_000)
#: Units giving a script with 2**21 - 1 (over two million) distinct paths.
MILLION_PATH_UNITS = 20


def _libyaml_parse(text: str) -> None:
    """The C safe loader alone (no tags run code), with the cycle collector paused as the
    validator pauses it, so neither figure counts collections the other does not."""
    with paused_gc():
        yaml.load(text, Loader=yaml.CSafeLoader)


def measure_file(path: Path, repeat: int) -> dict[str, float]:
    """Bare parse, validate (load and check) and analyse one file; ms, best of `repeat`.

    The parse and the validation are timed in turn, one of each per round: this machine's
    speed drifts over seconds, and the two timed a few seconds apart gave a ratio that
    measured the drift (1.56-2.20 x for one file, on the same code)."""
    text = path.read_text(encoding="utf-8")
    parse = validate = math.inf
    for _ in range(max(1, repeat)):
        parse = min(parse, best_of(lambda: _libyaml_parse(text), 1))
        took, (script, diags) = timed(lambda: read_script(str(path)))
        validate = min(validate, took)
    if script is None:
        raise RuntimeError(f"{path.name} does not validate: {diags[0].message}")
    analysed, _ = timed(lambda: analyse(script), repeat)
    return {
        "bytes": len(text.encode("utf-8")),
        "beats": len(script.beats),
        "libyaml_parse_ms": parse,
        "validate_ms": validate,
        "validate_vs_parse": validate / parse if parse else 0.0,
        "analyse_ms": analysed,
    }


def shipped(folder: Path, repeat: int = 5) -> dict[str, dict[str, float]]:
    """Every shipped scenario (criteria.yaml is shared data, not a scenario)."""
    paths = sorted(p for p in folder.glob("*.yaml") if p.name != "criteria.yaml")
    return {p.name: measure_file(p, repeat) for p in paths}


def exponent(small: dict[str, float], large: dict[str, float], key: str) -> float:
    """How the cost grows between two sizes: 1.0 linear, 2.0 quadratic."""
    ratio = large[key] / small[key] if small[key] else 0.0
    return math.log(ratio) / math.log(large["beats"] / small["beats"]) if ratio > 0 else 0.0


def generated(sizes: tuple[int, ...] = SIZES, units: int = MILLION_PATH_UNITS) -> dict:
    """Scripts of each size, measured like shipped ones (once each: the largest take tens of
    seconds), the growth exponents between sizes, and the analysis of a script of `units`
    units, which has 2**(units + 1) - 1 distinct paths."""
    out: dict = {"sizes": {}, "growth": {}}
    with tempfile.TemporaryDirectory(prefix="ff-bench-") as tmp:
        for beats in sizes:
            path = Path(tmp) / f"generated-{beats}.yaml"
            path.write_text(generate_yaml(max(1, beats // 3)), encoding="utf-8")
            figures = measure_file(path, repeat=1 if beats >= 50_000 else 3)
            figures["validate_us_per_beat"] = 1000.0 * figures["validate_ms"] / figures["beats"]
            figures["analyse_us_per_beat"] = 1000.0 * figures["analyse_ms"] / figures["beats"]
            out["sizes"][str(beats)] = figures
            path.unlink()
        measured = list(out["sizes"].values())
        for small, large in itertools.pairwise(measured):
            out["growth"][f"{small['beats']}->{large['beats']}"] = {
                key: exponent(small, large, f"{key}_ms")
                for key in ("libyaml_parse", "validate", "analyse")
            }
        path = Path(tmp) / "many-paths.yaml"
        path.write_text(generate_yaml(units), encoding="utf-8")
        script, _ = read_script(str(path))
        assert script is not None
        analysed, facts = timed(lambda: analyse(script), 3)
        out["many_paths"] = {
            "paths": facts.paths,
            "beats": len(script.beats),
            "analyse_ms": analysed,
        }
    return out
