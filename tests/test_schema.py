"""The schemas and the authoring guide agree with the loader: same keys, codes and values.

Authors see the schema's complaints while typing (VS Code's YAML extension) and the
validator's afterwards; if the two disagreed, a script could look fine in the editor and
fail to load, or the other way round.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from game.story.errors import CATALOGUE
from game.story.loader import KEYS
from game.story.model import BACKDROPS, EMOTIONS, LOOK_VALUES, TONES

ROOT = Path(__file__).resolve().parent.parent
SCENARIO = json.loads((ROOT / "docs" / "scenario.schema.json").read_text())
CRITERIA = json.loads((ROOT / "docs" / "criteria.schema.json").read_text())
SCRIPTS = sorted(p for p in (ROOT / "scripts").glob("*.yaml") if p.name != "criteria.yaml")

#: loader part -> where the schema describes it
PARTS = {
    "script": SCENARIO,
    "criteria_file": CRITERIA,
    **{name: SCENARIO["$defs"][name] for name in KEYS if name not in ("script", "criteria_file")},
    "thought": SCENARIO["$defs"]["thought"]["oneOf"][1],  # the {text, emotion, if} form
}


def read(path: Path) -> object:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)


@pytest.mark.parametrize("part", sorted(KEYS))
def test_schema_lists_the_same_keys_as_the_loader(part: str) -> None:
    required, optional = KEYS[part]
    schema = PARTS[part]
    assert set(schema["properties"]) == {*required, *optional}
    # goto is optional to the loader only so that its absence gets its own message (FF209).
    also = {"goto"} if part == "option" else set()
    assert set(schema.get("required", [])) == set(required) | also
    assert schema["additionalProperties"] is False


def test_vocabularies_match_the_model() -> None:
    defs = SCENARIO["$defs"]
    assert defs["emotion"]["enum"] == list(EMOTIONS)
    assert defs["scene"]["properties"]["backdrop"]["enum"] == list(BACKDROPS)
    assert defs["ending"]["properties"]["tone"]["enum"] == list(TONES)
    assert {k: tuple(v["enum"]) for k, v in defs["look"]["properties"].items()} == LOOK_VALUES


@pytest.mark.parametrize("path", SCRIPTS, ids=[p.stem for p in SCRIPTS])
def test_shipped_scripts_satisfy_the_schema(path: Path) -> None:
    jsonschema.validate(read(path), SCENARIO, cls=jsonschema.Draft202012Validator)


def test_criteria_file_satisfies_its_schema() -> None:
    data = read(ROOT / "scripts" / "criteria.yaml")
    jsonschema.validate(data, CRITERIA, cls=jsonschema.Draft202012Validator)


@pytest.mark.parametrize(
    "name",
    [
        "unknown_key_sayz",
        "unknown_emotion",
        "score_out_of_range",
        "next_and_decision",
        "option_without_goto",
        "bad_id",
        "missing_start",
        "unknown_tone",
    ],
)
def test_schema_flags_the_mistakes_an_editor_can_see(name: str) -> None:
    data = read(ROOT / "tests" / "broken" / f"{name}.yaml")
    validator = jsonschema.Draft202012Validator(SCENARIO)
    assert list(validator.iter_errors(data)), f"the schema accepts {name}"


DOC = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")


def test_authoring_guide_explains_every_code_key_and_value() -> None:
    for code in CATALOGUE:
        assert f"| {code} |" in DOC, code
    keys = {k for required, optional in KEYS.values() for k in (*required, *optional)}
    for key in keys:
        assert f"`{key}" in DOC or f"{key}:" in DOC, key
    for value in (*EMOTIONS, *BACKDROPS, *TONES, *(v for vs in LOOK_VALUES.values() for v in vs)):
        assert f"`{value}`" in DOC, value


def test_authoring_guide_examples_are_valid_yaml() -> None:
    blocks = DOC.split("```yaml\n")[1:]
    assert len(blocks) >= 6
    for block in blocks:
        yaml.load(block.split("```")[0], Loader=yaml.SafeLoader)


def _subschemas(node: object) -> list[dict]:
    found = []
    if isinstance(node, dict):
        found.append(node)
        for value in node.values():
            found += _subschemas(value)
    elif isinstance(node, list):
        for value in node:
            found += _subschemas(value)
    return found


def test_the_editor_says_what_is_wrong_in_plain_english() -> None:
    """VS Code's YAML extension shows `errorMessage` instead of "Matches a schema that is not
    allowed" for a `not`, and `patternErrorMessage` instead of a regular expression."""
    for schema in _subschemas(SCENARIO) + _subschemas(CRITERIA):
        if "not" in schema:
            assert "errorMessage" in schema, schema
        if "pattern" in schema:
            assert "patternErrorMessage" in schema, schema
    beat = SCENARIO["$defs"]["beat"]
    (both,) = beat["allOf"]
    assert "not both" in both["errorMessage"]
