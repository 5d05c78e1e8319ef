"""Property tests: no input makes the loader raise anything but the project's ScriptError.

Three kinds of input: arbitrary bytes; arbitrary YAML documents built from the format's own
keys and words (so they get deep into the loader, not just the parser); and the example
script with random damage, which is what an author's half-finished edit looks like.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.story.errors import CATALOGUE, Diagnostic, ScriptError
from game.story.loader import KEYS, script_from_bytes
from game.story.model import BACKDROPS, EMOTIONS, TONES, Script

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = (ROOT / "scripts" / "example.yaml").read_text()
FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

KEY_WORDS = sorted({k for required, optional in KEYS.values() for k in (*required, *optional)})
WORDS = [
    *KEY_WORDS,
    *EMOTIONS,
    *BACKDROPS,
    *TONES,
    "arrival",
    "jo",
    "manager",
    "compassion",
    "not asked",
    "asked",
    "yes",
    "no",
    "~",
    "3",
    "-4",
    "1e3",
    "9" * 5000,
    "Jo",
    "x" * 300,
    "",
]


def check(data: bytes) -> None:
    """The loader's contract: a result or diagnostics, never an exception of another type."""
    script, diags = script_from_bytes(data, "fuzz.yaml")
    assert script is None or isinstance(script, Script)
    for d in diags:
        assert isinstance(d, Diagnostic) and d.code in CATALOGUE
        assert d.pos.line >= 1 and d.pos.col >= 1
    if script is None:
        assert any(d.is_error for d in diags)
        assert str(ScriptError(diags))  # the exception the game raises reads sensibly


@FUZZ
@given(st.binary(max_size=2000))
def test_arbitrary_bytes(data: bytes) -> None:
    check(data)


scalars = st.one_of(
    st.sampled_from(WORDS), st.text(max_size=30), st.integers(-10, 10), st.booleans(), st.none()
)
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=5),
        st.dictionaries(
            st.one_of(st.sampled_from(KEY_WORDS), st.text(max_size=8)), inner, max_size=6
        ),
    ),
    max_leaves=40,
)


@FUZZ
@given(documents)
def test_arbitrary_yaml_documents(document: object) -> None:
    check(yaml.safe_dump(document, allow_unicode=True).encode())


@FUZZ
@given(st.dictionaries(st.sampled_from(KEY_WORDS), documents, max_size=12))
def test_arbitrary_top_level_mappings(document: dict) -> None:
    check(yaml.safe_dump(document, allow_unicode=True).encode())


@FUZZ
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["delete", "duplicate", "insert"]),
            st.integers(0, 10_000),
            st.text(max_size=12),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_damaged_example(edits: list[tuple[str, int, str]]) -> None:
    lines = EXAMPLE.splitlines(keepends=True)
    for action, where, text in edits:
        i = where % len(lines)
        if action == "delete" and len(lines) > 1:
            del lines[i]
        elif action == "duplicate":
            lines.insert(i, lines[i])
        else:
            col = where % (len(lines[i]) + 1)
            lines[i] = lines[i][:col] + text + lines[i][col:]
    check("".join(lines).encode("utf-8", errors="surrogatepass"))
