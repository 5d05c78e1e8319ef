"""What can be wrong with a script, said so an author can fix it without a programmer.

Every problem is a `Diagnostic` with a stable code from `CATALOGUE`, a position and, where it
helps, a hint. Stable codes let the authoring guide explain each one and let the tests assert
on the code rather than on wording that may improve. `ScriptError` is the one exception the
story layer raises for bad scripts; it carries every diagnostic found, not just the first, so an
author fixes a whole file in one pass (except YAML syntax errors: libyaml cannot read past the
first one, so it comes alone and the guide says so).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from game.story.model import Pos

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Spec:
    """One catalogued problem: how bad it is, how it reads, and what it looks like."""

    severity: str
    template: str
    example: str
    fix: str


#: Every diagnostic the loader, the checks and the validator can produce. Templates use
#: `str.format` fields; `example` is a one-line snippet that triggers the code.
CATALOGUE: dict[str, Spec] = {
    # Reading the file.
    "FF001": Spec(
        ERROR,
        "cannot read {what}: {reason}",
        "validate scripts/missing.yaml",
        "Check the path; give a .yaml file or a folder of them.",
    ),
    "FF002": Spec(
        ERROR,
        "file is too large ({size} MiB; the limit is {limit} MiB)",
        "a 60 MiB file",
        "Split the scenario, or check you chose the right file.",
    ),
    "FF003": Spec(
        ERROR,
        "this is a binary file, not a text script",
        "a .docx renamed .yaml",
        "Save the script as plain text (UTF-8) from a text editor.",
    ),
    "FF004": Spec(
        ERROR,
        "this file is not UTF-8 text (byte {byte} cannot be read)",
        "a script saved as Latin-1",
        "Save the file as UTF-8 in your editor.",
    ),
    "FF005": Spec(
        ERROR, "the file is empty", "an empty file", "Copy scripts/example.yaml and change it."
    ),
    "FF008": Spec(
        ERROR,
        "scenario id '{value}' is already used by {other}",
        "two files with id: tom",
        "Give each scenario its own id: practice history and records are kept by id.",
    ),
    # YAML itself.
    "FF101": Spec(
        ERROR,
        "YAML syntax: {problem}",
        'says: "unclosed quote',
        "Check indentation (spaces, not tabs), colons and quotes on this line and the line "
        "above. Syntax errors stop the check: fix them one at a time and run validate again.",
    ),
    "FF102": Spec(
        ERROR,
        "duplicate key '{key}' (first at line {first})",
        "two beats both called arrival",
        "The second would replace the first and the first would be lost: rename or remove one.",
    ),
    "FF103": Spec(
        ERROR,
        "anchors and aliases (& and *) are not allowed in scripts",
        "lines: *same_lines",
        "Write the text out in full where it is needed.",
    ),
    "FF104": Spec(
        ERROR,
        "tag '{tag}' is not allowed in scripts",
        "x: !!python/object:os.system",
        "Remove the tag: scripts hold plain text, numbers, lists and mappings.",
    ),
    "FF105": Spec(
        ERROR,
        "nested more than {limit} levels deep",
        "[[[[[[...]]]]]]",
        "Scripts need only a few levels of indentation; check the structure.",
    ),
    "FF106": Spec(
        ERROR,
        "a script holds one document; found a second '---'",
        "--- twice in one file",
        "Put each scenario in its own file.",
    ),
    "FF107": Spec(
        ERROR,
        "more than {limit} values in one file",
        "50 MiB of [],[],[]",
        "Split the scenario, or check you chose the right file.",
    ),
    # The shape of the script.
    "FF201": Spec(
        ERROR,
        "{what} should be {expected}, not {found}",
        "cast: [jo, sam]",
        "See docs/authoring.md for the form this key takes.",
    ),
    "FF202": Spec(
        ERROR,
        "{what} is missing '{key}'",
        "a line with no says:",
        "Add the key; docs/authoring.md lists what each part needs.",
    ),
    "FF203": Spec(
        ERROR,
        "unknown key '{key}' in {what}",
        "sayz: Hello",
        "Check the spelling; docs/authoring.md lists the keys.",
    ),
    "FF204": Spec(
        ERROR,
        "'{value}' is not a valid id: use lower case letters, digits and _",
        "beats: {Arrival Scene: ...}",
        "For example: arrival_scene.",
    ),
    "FF205": Spec(
        ERROR,
        "{what} must be {allowed}, not {value}",
        "scores: {compassion: 5}",
        "Scores run from -3 (very poor) to 3 (very good).",
    ),
    "FF206": Spec(
        ERROR,
        "'{value}' is not a known {what}",
        "emotion: furious",
        "Choose one of the values listed in docs/authoring.md.",
    ),
    "FF207": Spec(
        ERROR,
        "beat '{beat}' has both next: and decision:",
        "next: x and decision:",
        "A beat either moves on by itself (next) or asks the manager (decision).",
    ),
    "FF208": Spec(
        ERROR,
        "the last way on in next: must have no if:, so the story always has somewhere to go",
        "next: [{if: a, goto: x}]",
        "Add a final branch without if:, e.g. - {goto: other_beat}.",
    ),
    "FF209": Spec(
        ERROR,
        "this option has no goto: (where the story goes next)",
        "- says: Sorry",
        "Add goto: with a beat or ending id.",
    ),
    "FF210": Spec(
        ERROR,
        "condition '{text}' is not understood",
        "if: a and b",
        "Write a flag name, 'not flag', a list of those (all must hold): if: [a, not b], "
        "or any of them: if: {any: [a, b]}.",
    ),
    "FF211": Spec(ERROR, "{what} must not be empty", "options: []", "Add at least one entry."),
    "FF212": Spec(
        ERROR,
        "decision '{value}' has only one option; a decision needs at least two",
        "options: [- says: OK]",
        "Add the choice the manager could make instead, or use next: if there is no choice.",
    ),
    "FF213": Spec(
        ERROR,
        "the last outcome of ending '{value}' must have no if:, so every route has an outcome",
        "outcome: [{if: a, text: ...}]",
        "Add a final outcome without if:, e.g. - text: What happens otherwise.",
    ),
    "FF220": Spec(
        ERROR,
        "{what} holds a control character ({char}) that cannot be shown on stage",
        'says: "One\\0 mistake"',
        "Remove the escape (\\0, \\e, \\x07...); for a new line, start a new entry in lines:.",
    ),
    "FF221": Spec(
        ERROR,
        "{what} is {length} characters; the stage cannot show more than {limit}",
        "a 10,000-character line",
        "Split it into several lines or options; keep each as short as it can be.",
    ),
    # References between parts.
    "FF301": Spec(
        ERROR,
        "'{value}' is not a beat or ending",
        "goto: revew",
        "Check the spelling, or add the beat or ending.",
    ),
    "FF302": Spec(
        ERROR,
        "'{value}' is not in the cast",
        "who: joe",
        "Check the spelling, or add the character under cast:.",
    ),
    "FF303": Spec(
        ERROR,
        "'{value}' is not a scene",
        "scene: wrad",
        "Check the spelling, or add it under scenes:.",
    ),
    "FF304": Spec(
        ERROR,
        "'{value}' is not a criterion",
        "scores: {compasion: 1}",
        "Use a criterion from criteria.yaml or add one under criteria:.",
    ),
    "FF305": Spec(
        ERROR,
        "'{value}' is not an intervention",
        "intervention: tellng_off",
        "Check the spelling, or add it under interventions:.",
    ),
    "FF306": Spec(
        ERROR,
        "start: '{value}' must be a beat",
        "start: the_end",
        "Name the first beat of the scenario.",
    ),
    "FF307": Spec(
        ERROR,
        "anti_model_ending: '{value}' must be an ending",
        "anti_model_ending: arrival",
        "Name one of the endings under endings:.",
    ),
    "FF308": Spec(
        ERROR,
        "'{value}' is both a beat and an ending",
        "beat and ending 'review'",
        "Beats and endings share names; rename one.",
    ),
    "FF309": Spec(
        ERROR,
        "the cast needs exactly one character with manager: true (found {count})",
        "no manager: true",
        "Mark the character the audience steers with manager: true.",
    ),
    "FF310": Spec(
        ERROR,
        "criterion '{value}' is already defined in {where}",
        "criteria: {compassion: ...}",
        "Choose a new id for your own criterion.",
    ),
    "FF311": Spec(
        ERROR,
        "more than one anti_model: true option here",
        "two anti-model options",
        "Mark only the option the traditional approach would choose.",
    ),
    "FF312": Spec(
        ERROR,
        "'{value}' is not on stage in beat '{beat}'",
        "moods: {hr: angry}",
        "Add the character to present:, or remove this entry.",
    ),
    "FF313": Spec(
        ERROR,
        "decision id '{value}' is used twice (first at line {first})",
        "two decisions with id: choice",
        "Give each decision its own id.",
    ),
    "FF314": Spec(
        ERROR,
        "the story loops back to '{value}'; use rewind in the game instead",
        "next: arrival from a later beat",
        "Point the story forward; the facilitator can rewind during play.",
    ),
    "FF315": Spec(
        ERROR,
        "no criteria file found (looked for {where})",
        "no criteria.yaml",
        "Put criteria.yaml beside the script or keep the project's scripts/.",
    ),
    "FF316": Spec(
        ERROR,
        "'{value}' is not a document",
        "documents: [rota] with no rota under documents:",
        "Check the spelling, or add it under the top-level documents:.",
    ),
    # Role reversal: standing in another character's shoes (docs/authoring.md, Roles).
    "FF317": Spec(
        ERROR,
        "'{value}' in landed: is not a role the room can play (shoes: true)",
        "landed: {tom: ...} with no tom: {shoes: true} under roles:",
        "Check the spelling, or mark the role shoes: true under roles:.",
    ),
    "FF318": Spec(
        ERROR,
        "usual: true on an option of '{value}', which no role the room can play owns",
        "usual: true on a manager's decision",
        "usual: marks what a character the room can play does when nobody plays them: give "
        "the point by: that character, or remove usual:.",
    ),
    "FF319": Spec(
        ERROR,
        "role '{value}' can be played (shoes: true) but owns no decision or intervention point",
        "roles: {tom: {shoes: true}} and no point by: tom",
        "Give that person a dilemma of their own: a decision or intervention with by: their id.",
    ),
    "FF320": Spec(
        ERROR,
        "decision '{value}' belongs to {who}, and has no option to take when nobody plays them",
        "every option of a by: tom decision has an if:",
        "Mark the option that person usually takes with usual: true, or leave one without if:.",
    ),
    # Warnings: the script loads but something is probably not what the author meant.
    "FF401": Spec(
        WARNING,
        "beat '{value}' can never be reached",
        "a beat nothing points to",
        "Point a next: or goto: at it, or delete it.",
    ),
    "FF402": Spec(
        WARNING,
        "beat '{value}' has no way forward (no next: or decision:)",
        "a beat that just stops",
        "Add next: or a decision:, or make it an ending.",
    ),
    "FF403": Spec(
        WARNING,
        "ending '{value}' can never be reached",
        "an ending nothing reaches",
        "Point an option or next: at it, or delete it.",
    ),
    "FF404": Spec(
        WARNING,
        "this option has no feedback:",
        "an option without feedback",
        "Say in a sentence why this choice helps or harms.",
    ),
    "FF405": Spec(
        WARNING,
        "this option has no scores:",
        "an option without scores",
        "Score it against at least one criterion, -3 to 3.",
    ),
    "FF406": Spec(
        WARNING,
        "{what} is {length} characters; over {limit} is too long for the {place} at 1920x1080",
        "a very long line",
        "Shorten it or split it into two lines.",
    ),
    "FF407": Spec(
        WARNING,
        "decision '{value}' has no anti_model: true option",
        "no anti-model option",
        "Mark what the traditional approach would choose.",
    ),
    "FF408": Spec(
        WARNING,
        "intervention '{value}' is never used by a line",
        "an intervention no line names",
        "Add intervention: {value} to the line where the audience should stop it.",
    ),
    "FF409": Spec(
        WARNING,
        "flag '{value}' is tested but no option ever sets it",
        "if: talked_privatly",
        "Check the spelling against the sets: lists.",
    ),
    "FF410": Spec(
        WARNING,
        "the anti-model run {result}, not at '{value}'",
        "anti_model_ending: formal_warning",
        "Mark anti_model: true on the options the traditional approach picks.",
    ),
    "FF411": Spec(
        WARNING,
        "'{value}' has {count} options; the stage shows at most 4 cards",
        "a decision with five options",
        "Keep the two to four options that matter most; merge or drop the rest.",
    ),
    "FF413": Spec(
        WARNING,
        "this option has an if: but no locked_hint; players would see the flag's name",
        "if: not context_known (with no locked_hint)",
        "Add locked_hint: with what the manager would need to do or know first, in words.",
    ),
    "FF414": Spec(
        WARNING,
        "this text is wrapped in curly quotes, which would show on stage",
        "says: \u201cSorry I'm late.\u201d",
        'Use straight quotes (") around text, or none: curly quotes from a word processor '
        "are letters, not quotes.",
    ),
    "FF415": Spec(
        WARNING,
        "intervention '{value}' has only one option, so the room has nothing to weigh",
        "an intervention with one option",
        "Add a second thing the manager could do instead, so the room has a real choice.",
    ),
    "FF416": Spec(
        WARNING,
        "{who} is on stage in beat '{beat}' with no thought that applies {route}",
        "thoughts: {jo: {if: asked, text: ...}} and a route without asked",
        "Add a thought without if: for the other routes, or one with the condition shown.",
    ),
    "FF417": Spec(
        WARNING,
        "criterion '{value}' can be earned only on one branch: {where}",
        "analyse: only one option anywhere scores compassion",
        "Give other routes a chance to earn it too, or accept that one branch decides it.",
    ),
    "FF412": Spec(
        WARNING,
        "anti_model: true on an intervention option does nothing",
        "anti_model: true under interventions:",
        "The anti-model run never stops at an intervention: it plays the line itself. "
        "Remove anti_model here; mark it on decision options only.",
    ),
    "FF420": Spec(
        WARNING,
        "usual: true on an intervention option does nothing",
        "usual: true under interventions:",
        "When nobody plays them, an intervention point plays on as written: the written line "
        "is what the person usually does. Mark usual on decision options only.",
    ),
    # Translations (a PO file beside the script: example.cy.po).
    "FF501": Spec(
        ERROR,
        "cannot read this translation: {reason}",
        "a .po file with an unclosed quote",
        "Open it in a PO editor (Poedit) and save it again, or make it anew with "
        "python3 main.py translate SCRIPT LANGUAGE.",
    ),
    "FF418": Spec(
        WARNING,
        "'{value}' has no {language} translation yet; it will be shown in English",
        "a new line added after the translation was made",
        "Run python3 main.py translate SCRIPT LANGUAGE to add it to the translation file, "
        "then translate it there.",
    ),
    "FF419": Spec(
        WARNING,
        "the translation of '{value}' is stale: its English {why}",
        "a line reworded after it was translated",
        "Run python3 main.py translate SCRIPT LANGUAGE: the entry is marked fuzzy with the old "
        "English beside it; check the translation, then remove the fuzzy mark.",
    ),
}


@dataclass(frozen=True)
class Diagnostic:
    """One problem at one place. `source_line` is filled in when the text is at hand."""

    code: str
    severity: str
    message: str
    pos: Pos
    hint: str = ""
    source_line: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


def diagnostic(code: str, pos: Pos, hint: str = "", **fields: object) -> Diagnostic:
    """Build a catalogued diagnostic; an unknown code is a programming error, so it raises.

    Without a hint of its own the diagnostic carries the catalogue's general fix, so every
    problem an author sees says what to do about it (the guide promises a hint for each).
    """
    spec = CATALOGUE[code]
    return Diagnostic(code, spec.severity, spec.template.format(**fields), pos, hint or spec.fix)


class ScriptError(Exception):
    """A script (or criteria file) could not be used; `diagnostics` says everything found."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = diagnostics
        errors = [d for d in diagnostics if d.is_error] or diagnostics
        first = format_diagnostic(errors[0], with_source=False) if errors else "invalid script"
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        super().__init__(first + more)


def closest(value: str, choices: Iterable[str]) -> str:
    """The known word nearest to `value`, or '' when none is close."""
    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return close[0] if close else ""


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    """A hint naming the closest known word, or nothing when no word is close."""
    close = closest(value, choices)
    return f"did you mean '{close}'?" if close else ""


def one_of(choices: Iterable[str]) -> str:
    """A hint listing the allowed values (kept short for a long list)."""
    values = sorted(choices)
    shown = ", ".join(values[:12]) + (", ..." if len(values) > 12 else "")
    return f"choose one of: {shown}" if values else ""


#: YAML's own line breaks (1.1): splitting on these keeps our line numbers equal to the marks.
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def source_lines(text: str) -> list[str]:
    """The script's lines, numbered as libyaml numbers them (index 0 is line 1)."""
    return _LINE_BREAK.split(text)


def with_source(diagnostics: list[Diagnostic], text: str) -> list[Diagnostic]:
    """Attach the offending source line to each diagnostic that points into `text`."""
    if not diagnostics:
        return diagnostics
    lines = source_lines(text)
    out = []
    for d in diagnostics:
        if not d.source_line and 1 <= d.pos.line <= len(lines):
            d = replace(d, source_line=lines[d.pos.line - 1])
        out.append(d)
    return out


def format_diagnostic(d: Diagnostic, *, with_source: bool = True) -> str:
    """`path:line:col: error: message [FF101]`, then the line with a caret, then the hint."""
    out = [f"{d.pos}: {d.severity}: {d.message} [{d.code}]"]
    if with_source and d.source_line.strip():
        line, col = _window(d.source_line.expandtabs(1), d.pos.col - 1)
        out.append(f"    {line}")
        out.append("    " + " " * col + "^")
    if with_source and d.hint:
        out.append(f"  hint: {d.hint}")
    return "\n".join(out)


#: How much of a long source line to show around the fault.
_WIDTH = 100


def _window(line: str, col: int) -> tuple[str, int]:
    """Cut a very long line (a minified or generated file) to the part around the column."""
    col = max(0, min(col, len(line)))
    if len(line) <= _WIDTH:
        return line, col
    start = max(0, min(col - _WIDTH // 2, len(line) - _WIDTH))
    prefix = "..." if start else ""
    suffix = "..." if start + _WIDTH < len(line) else ""
    return prefix + line[start : start + _WIDTH] + suffix, col - start + len(prefix)
