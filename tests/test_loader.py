"""The loader: every author mistake in tests/broken gives its code at its line and column.

Each file in tests/broken starts with `# expect: FF203 23:9` (several separated by commas, or
`nothing` for the valid base they are all made from). The diagnostics must match exactly, so
a fix that adds a cascade of follow-on errors fails here too. A `# hint: words` line among the
first comment lines says what the hint must contain: the hint is what lets an author who is not
a programmer fix the line, so its key words are tested as well as the position.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from game.story import criteria, yamlnodes
from game.story.errors import CATALOGUE, ERROR, WARNING, ScriptError, format_diagnostic
from game.story.library import ScriptLibrary
from game.story.loader import load_script, read_script, script_from_bytes

ROOT = Path(__file__).resolve().parent.parent
BROKEN = sorted((ROOT / "tests" / "broken").glob("*.yaml"))
EXAMPLE = ROOT / "scripts" / "example.yaml"
EXPECT = re.compile(r"# expect: (.*)")
HINT = re.compile(r"^# hint: (.*)$", re.MULTILINE)


def header(path: Path) -> str:
    """The file's text as far as the test needs it (any encoding, so the header reads)."""
    data = path.read_bytes()
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16")
    return data.decode("utf-8", errors="replace")


def expected_hint(path: Path) -> str:
    found = HINT.search(header(path)[:2000])
    return found.group(1) if found else ""


def expected(path: Path) -> set[tuple[str, int, int]]:
    text = header(path)
    found = EXPECT.match(text)
    assert found, f"{path.name} has no '# expect:' first line"
    if found.group(1).strip() == "nothing":
        return set()
    out = set()
    for item in found.group(1).split(","):
        code, where = item.split()
        line, col = where.split(":")
        out.add((code, int(line), int(col)))
    return out


@pytest.mark.parametrize("path", BROKEN, ids=[p.stem for p in BROKEN])
def test_broken_script_reports_its_mistake_where_it_is(path: Path) -> None:
    script, diags = read_script(str(path))
    got = {(d.code, d.pos.line, d.pos.col) for d in diags}
    assert got == expected(path), "\n".join(format_diagnostic(d) for d in diags)
    assert all(d.pos.path == str(path) for d in diags)
    hint = expected_hint(path)
    if hint:
        assert any(hint in d.hint for d in diags), [d.hint for d in diags]
    if any(d.is_error for d in diags):
        assert script is None
        with pytest.raises(ScriptError) as err:
            load_script(str(path))
        assert err.value.diagnostics == diags


def test_every_catalogued_code_is_exercised() -> None:
    """A code nobody can trigger is dead; one without a broken script is untested."""
    covered = {code for path in BROKEN for code, _, _ in expected(path)}
    # a missing file, a huge one, one with too many values, no criteria file; an id used
    # by two scripts (tests/hostile/test_unique_ids.py); FF417 is analyse's
    # (tests/story/test_analysis.py); FF501, FF418, FF419: tests/story/test_translation.py
    tested_elsewhere = {"FF001", "FF002", "FF008", "FF107", "FF315", "FF417"}
    tested_elsewhere |= {"FF501", "FF418", "FF419"}
    assert covered | tested_elsewhere == set(CATALOGUE)


def test_catalogue_entries_are_complete() -> None:
    for code, spec in CATALOGUE.items():
        assert re.fullmatch(r"FF\d{3}", code)
        assert spec.severity in (ERROR, WARNING)
        assert spec.template and spec.example and spec.fix
        # Warnings live in the 4xx range, so the code alone says how serious it is.
        assert (spec.severity == WARNING) == code.startswith("FF4")


def test_missing_file_and_folder_are_diagnostics(tmp_path: Path) -> None:
    for path in (tmp_path / "nope.yaml", tmp_path):
        script, diags = read_script(str(path))
        assert script is None
        assert [(d.code, d.pos.line, d.pos.col) for d in diags] == [("FF001", 1, 1)]


def test_huge_file_is_refused_without_being_parsed(tmp_path: Path) -> None:
    huge = tmp_path / "huge.yaml"
    line = b"key: " + b"x" * 1019 + b"\n"
    with huge.open("wb") as handle:
        for _ in range(yamlnodes.MAX_BYTES // len(line) + 2):
            handle.write(line)
    script, diags = read_script(str(huge))
    assert script is None
    assert [d.code for d in diags] == ["FF002"]
    assert "50 MiB" in diags[0].message


def test_too_many_values_stop_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    """Bounded by count as well as size: tiny values cost far more memory than their bytes."""
    monkeypatch.setattr(yamlnodes, "MAX_NODES", 1000)
    data = b"x: [" + b"[], " * 2000 + b"]\n"
    script, diags = script_from_bytes(data, "many.yaml")
    assert script is None
    assert [(d.code, d.pos.line) for d in diags] == [("FF107", 1)]
    assert "1,000" in diags[0].message


def test_empty_bytes_and_whitespace_are_empty_files() -> None:
    for data in (b"", b"   \n\n", b"# only a comment\n", b"---\n", b"--- ~\n"):
        assert [d.code for d in script_from_bytes(data, "e.yaml")[1]] == ["FF005"]


def test_no_criteria_file_anywhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(criteria, "PROJECT_SCRIPTS", str(tmp_path / "nowhere"))
    script = tmp_path / "s.yaml"
    script.write_bytes((ROOT / "tests" / "broken" / "valid_base.yaml").read_bytes())
    _, diags = read_script(str(script))
    assert [d.code for d in diags] == ["FF315"]
    assert diags[0].pos.path == str(script)


def test_criteria_beside_the_script_win(tmp_path: Path) -> None:
    (tmp_path / "criteria.yaml").write_text("criteria:\n  kindness: {name: Kindness}\n")
    script = tmp_path / "s.yaml"
    script.write_bytes((ROOT / "tests" / "broken" / "valid_base.yaml").read_bytes())
    _, diags = read_script(str(script))
    assert {d.code for d in diags} == {"FF304"}  # compassion is not in this criteria file
    assert "kindness" in diags[0].hint


def test_broken_criteria_file_is_reported_at_its_own_path(tmp_path: Path) -> None:
    (tmp_path / "criteria.yaml").write_text("criteria:\n  kindness: {nam: Kindness}\n")
    script = tmp_path / "s.yaml"
    script.write_bytes((ROOT / "tests" / "broken" / "valid_base.yaml").read_bytes())
    _, diags = read_script(str(script))
    assert [(d.code, d.pos.path, d.pos.line) for d in diags] == [
        ("FF203", str(tmp_path / "criteria.yaml"), 2)
    ]


def test_example_loads_with_positions_on_everything() -> None:
    script = load_script(str(EXAMPLE))
    assert script.start == "arrival" and script.manager and script.manager.id == "manager"
    assert script.anti_model_ending == "formal_warning"
    assert "punctuality" in script.criteria and "compassion" in script.criteria
    office = script.beats["office_talk"]
    assert office.lines[1].cond.terms == (("talked_privately", True),)
    assert office.lines[2].cond.terms == (("talked_privately", False),)
    (jo_thought,) = script.beats["arrival"].thoughts["jo"]
    assert jo_thought.emotion == "upset"
    assert office.decision and office.decision.id == "office_talk"
    positioned = [
        script,
        *script.beats.values(),
        *script.endings.values(),
        *script.cast.values(),
        *script.interventions.values(),
        *script.documents.values(),
        *script.roles,
    ]
    for beat in script.beats.values():
        positioned += [*beat.lines, *beat.next]
        positioned += [t for thoughts in beat.thoughts.values() for t in thoughts]
        positioned += list(beat.decision.options) if beat.decision else []
    for thing in positioned:
        assert thing.pos.path == str(EXAMPLE) and thing.pos.line > 1 and thing.pos.col >= 1
    assert script.beats["review"].pos.line == 192  # the line where `review:` is written


def test_example_shows_every_format_addition() -> None:
    """Each addition is in the example, loaded into the model as the guide describes."""
    script = load_script(str(EXAMPLE))
    beats = script.beats
    assert script.facilitator_content_notes and script.content_notes
    assert [r.who for r in script.roles] == ["manager", "hr"]
    assert "partnership" in script.roles[1].criteria
    assert script.documents["rota"].title == "This week's rota"
    assert beats["office_talk"].documents == ("rota",) and beats["arrival"].caption
    assert beats["hr_advice"].sets == ("asked_hr",)
    hr_view = beats["hr_advice"].decision
    assert hr_view is not None and hr_view.by == "hr" and hr_view.id == "hr_view"
    assert hr_view.options[1].then[0].who == "manager"
    review = beats["review"]
    assert review.on_stage(frozenset()) == ("manager", "jo", "rep")
    assert review.on_stage(frozenset({"asked_hr"}))[-1] == "hr"
    manager_thought = review.thoughts["manager"][0]
    assert manager_thought.cond.any_of == ((("flexible_start", True), ("asked_hr", True)),)
    assert review.thought_for("manager", frozenset({"asked_hr"})) is manager_thought
    assert review.thought_for("manager", frozenset()).text == "Glad we got there."
    office = beats["office_talk"]
    assert office.moods_for(frozenset({"talked_privately"}))["jo"] == "thoughtful"
    assert office.moods_for(frozenset())["jo"] == "anxious"
    supported = script.endings["supported"]
    assert "Sam's backing" in supported.for_flags(frozenset({"asked_hr"})).outcome
    assert supported.for_flags(frozenset()).outcome.startswith("Jo starts an hour later")
    assert "dementia" in supported.context


def test_yaml_words_stay_the_authors_text() -> None:
    """YAML 1.1 reads `Yes`, `no` and `1e3` as other types; in a script they are words."""
    base = (ROOT / "tests" / "broken" / "valid_base.yaml").read_text()
    text = base.replace("says: Third time this month.", "says: Yes").replace(
        "says: Are you OK?", "says: 1e3"
    )
    script, diags = script_from_bytes(text.encode(), "s.yaml")
    assert script is not None, diags
    assert script.beats["arrival"].lines[1].says == "Yes"
    assert script.beats["arrival"].decision.options[0].says == "1e3"


def test_several_mistakes_are_all_reported() -> None:
    base = (ROOT / "tests" / "broken" / "valid_base.yaml").read_text()
    text = (
        base.replace("emotion: anxious", "emotion: anxous")
        .replace("goto: supported", "goto: suported")
        .replace("backdrop: ward", "backdrop: wrd")
    )
    _, diags = script_from_bytes(text.encode(), "s.yaml")
    assert sorted(d.code for d in diags) == ["FF206", "FF206", "FF301"]
    hints = {d.hint for d in diags}
    assert "did you mean 'anxious'?" in hints and "did you mean 'supported'?" in hints


def test_format_has_location_source_caret_and_hint() -> None:
    path = ROOT / "tests" / "broken" / "unknown_key_sayz.yaml"
    (diag,) = read_script(str(path))[1]
    text = format_diagnostic(diag)
    assert text.splitlines() == [
        f"{path}:23:9: error: unknown key 'sayz' in line 2 of beat 'arrival' [FF203]",
        "            sayz: Third time this month.",
        "            ^",
        "  hint: did you mean 'says'?",
    ]


def test_a_long_source_line_is_cut_around_the_fault() -> None:
    data = b"x: " + b"[" * 200 + b"]" * 200
    (diag,) = script_from_bytes(data, "deep.yaml")[1]
    shown, caret = format_diagnostic(diag).splitlines()[1:3]
    assert len(shown) < 120 and caret.index("^") < len(shown)
    assert shown[caret.index("^")] == "["


def test_library_lists_scripts_and_parses_each_content_once(tmp_path: Path) -> None:
    good = (ROOT / "tests" / "broken" / "valid_base.yaml").read_bytes()
    (tmp_path / "a.yaml").write_bytes(good)
    (tmp_path / "b.yaml").write_bytes(good.replace(b"backdrop: ward", b"backdrop: wrd"))
    (tmp_path / "criteria.yaml").write_bytes((ROOT / "scripts" / "criteria.yaml").read_bytes())
    library = ScriptLibrary(str(tmp_path))
    a, b = library.entries()
    assert (a.id, a.title, a.minutes, a.playable) == ("broken", "One mistake", 1, True)
    assert not b.playable and [d.code for d in b.errors] == ["FF206"]
    first = library.load(str(tmp_path / "a.yaml"))
    assert library.load(str(tmp_path / "a.yaml")) is first  # cached: not parsed again
    (tmp_path / "a.yaml").write_bytes(good.replace(b"One mistake", b"Edited"))
    assert library.load(str(tmp_path / "a.yaml")).title == "Edited"  # a changed file is
    with pytest.raises(ScriptError):
        library.load(str(tmp_path / "b.yaml"))


def test_story_modules_do_not_import_pygame() -> None:
    code = (
        "import sys, game.story.loader, game.story.checks, game.story.library, "
        "game.tools.validate; assert 'pygame' not in sys.modules, 'pygame imported'"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("path", BROKEN, ids=[p.stem for p in BROKEN])
def test_every_problem_comes_with_a_hint(path: Path) -> None:
    """The guide promises a hint under each problem: a specific one, or the code's fix."""
    _, diags = read_script(str(path))
    assert all(d.hint for d in diags), [(d.code, d.message) for d in diags if not d.hint]
