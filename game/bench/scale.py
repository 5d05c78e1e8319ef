"""The authoring tools at scale: validate and analyse against libyaml's bare parse.

libyaml's parse of the same text is the floor no validator can beat, so each figure is
given beside it; generated scripts of growing size show whether the cost is linear.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml

from game.bench.measure import best_of
from game.story.analysis import analyse
from game.story.loader import load_script, read_script
from game.tools.generate import generate_yaml

#: Beats in the generated scripts (3 beats to a unit).
SIZES = (1_000, 10_000, 100_000)
#: Units giving a script with 2**21 - 1 (over two million) distinct paths.
MILLION_PATH_UNITS = 20


def _libyaml_parse(text: str) -> None:
    yaml.load(text, Loader=yaml.CSafeLoader)  # the C safe loader: no tags run code


def measure_file(path: Path, repeat: int) -> dict[str, float]:
    """Validate, analyse and bare-parse one file; milliseconds, best of `repeat`."""
    text = path.read_text(encoding="utf-8")
    script = load_script(path)
    parse = best_of(lambda: _libyaml_parse(text), repeat)
    validate = best_of(lambda: read_script(str(path)), repeat)
    return {
        "bytes": len(text.encode("utf-8")),
        "libyaml_parse_ms": parse,
        "validate_ms": validate,
        "validate_vs_parse": validate / parse if parse else 0.0,
        "analyse_ms": best_of(lambda: analyse(script), repeat),
    }


def shipped(folder: Path, repeat: int = 3) -> dict[str, dict[str, float]]:
    paths = sorted(p for p in folder.glob("*.yaml") if p.name != "criteria.yaml")
    return {p.name: measure_file(p, repeat) for p in paths}


def generated(sizes: tuple[int, ...] = SIZES, repeat: int = 1) -> dict[str, dict[str, float]]:
    """Scripts of each size written to a temporary folder and measured like shipped ones."""
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for beats in sizes:
            path = Path(tmp) / f"generated-{beats}.yaml"
            path.write_text(generate_yaml(max(1, beats // 3)), encoding="utf-8")
            figures = measure_file(path, repeat)
            figures["beats"] = beats
            figures["validate_us_per_beat"] = 1000.0 * figures["validate_ms"] / beats
            figures["analyse_us_per_beat"] = 1000.0 * figures["analyse_ms"] / beats
            out[str(beats)] = figures
        path = Path(tmp) / "million-paths.yaml"
        path.write_text(generate_yaml(MILLION_PATH_UNITS), encoding="utf-8")
        script = load_script(path)
        facts = analyse(script)
        out["million_paths"] = {
            "paths": facts.paths,
            "beats": len(script.beats),
            "analyse_ms": best_of(lambda: analyse(script), 3),
        }
    return out
