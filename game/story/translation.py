"""Scenario translations: a PO file beside the script, keyed by stable ids, never its structure.

A translator works on `scripts/example.cy.po` beside `scripts/example.yaml`, in any PO editor
(Poedit, Weblate, a text editor): each entry's `msgctxt` is a stable id of one text in the
script (`beats.office.lines.2.says`, `endings.jo_stays.outcome`), its `msgid` the English it
translates and its `msgstr` the translation. The story's structure (beats, options, scores,
conditions) stays in the YAML, which only its author edits.

A text is shown translated only while the English it was translated from is still the
script's English: an author who rewrites a line makes its translation *stale* (the validator
says so at the PO file's line, and the English is shown until it is translated again), and
a new line is *missing* (said at the script's line). `python3 main.py translate SCRIPT LANG`
writes the file, keeping every translation that still fits and marking the rest fuzzy.

Texts are found by walking the loaded script (`texts`), so a field the format gains later is
translatable as soon as its name is in TEXT_FIELDS.
"""

from __future__ import annotations

import dataclasses
import io
import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from game.storage import read_regular
from game.story.errors import Diagnostic, diagnostic
from game.story.model import Pos, Script
from game.story.yamlnodes import MAX_BYTES

#: Fields that hold words a room reads or hears (ids, conditions and looks do not).
TEXT_FIELDS = frozenset(
    {
        "title",
        "summary",
        "setting",
        "name",
        "role",
        "description",
        "says",
        "direction",
        "prompt",
        "facilitator_prompt",
        "feedback",
        "locked_hint",
        "text",
        "outcome",
        "context",
        "caption",
        "label",
        "needed",
        "unsaid",
    }
)
#: Fields that map cast ids to such texts (how a choice `landed` with each character).
TEXT_DICTS = frozenset({"landed"})
#: Fields that hold a list of such texts.
TEXT_LISTS = frozenset(
    {"content_notes", "facilitator_content_notes", "objectives", "discussion_questions"}
)
#: Structure the walk never enters: positions, conditions, and the scenes' ids.
_SKIP = frozenset({"pos", "cond", "path", "look", "scores", "present", "sets", "clears"})


@dataclass(frozen=True)
class Text:
    """One translatable text: its stable id, its English, and where the script has it."""

    key: str
    english: str
    pos: Pos


@dataclass(frozen=True)
class Entry:
    """One translation from a PO file: the English it was made from, and the line it is on."""

    english: str
    translated: str
    line: int
    fuzzy: bool = False


def po_path(script_path: str, language: str) -> str:
    """The translation of `script_path` into `language`: `example.yaml` -> `example.cy.po`."""
    stem, _ = os.path.splitext(script_path)
    return f"{stem}.{language}.po"


def languages(script_path: str) -> list[str]:
    """The languages a script has a translation file for, beside it."""
    stem = os.path.basename(os.path.splitext(script_path)[0])
    folder = os.path.dirname(script_path) or "."
    found = []
    for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else ():
        parts = name.split(".")
        if len(parts) == 3 and parts[0] == stem and parts[2] == "po" and parts[1].isalpha():
            found.append(parts[1])
    return found


def texts(script: Script) -> list[Text]:
    """Every text of the script a room reads or hears, with its stable id, in file order."""
    found: list[Text] = []
    for name in ("title", "summary", "setting"):
        found.append(Text(name, getattr(script, name), script.pos))
    for field in dataclasses.fields(script):
        if field.name in TEXT_LISTS:
            for n, item in enumerate(getattr(script, field.name), start=1):
                found.append(Text(f"{field.name}.{n}", item, script.pos))
    for name in (
        "cast",
        "criteria",
        "scenes",
        "beats",
        "interventions",
        "endings",
        "documents",
        "roles",
    ):
        found.extend(_walk(getattr(script, name), name, script.pos))
    return [t for t in found if t.english]


def _walk(value: Any, key: str, pos: Pos) -> Iterator[Text]:
    if isinstance(value, dict):
        for name, item in value.items():
            yield from _walk(item, f"{key}.{name}", pos)
    elif isinstance(value, tuple):
        for n, item in enumerate(value, start=1):
            yield from _walk(item, f"{key}.{n}", pos)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        here = getattr(value, "pos", pos) or pos
        for field in dataclasses.fields(value):
            item = getattr(value, field.name)
            if field.name in _SKIP:
                continue
            if field.name in TEXT_FIELDS and isinstance(item, str):
                yield Text(f"{key}.{field.name}", item, here)
            elif field.name in TEXT_DICTS:
                for who, text in item.items():
                    yield Text(f"{key}.{field.name}.{who}", text, here)
            elif not isinstance(item, str | int | float | bool):
                yield from _walk(item, f"{key}.{field.name}", here)


def read_po(path: str) -> tuple[dict[str, Entry], list[Diagnostic]]:
    """The entries of a translation file by id, and any problem reading it (FF501)."""
    where = Pos(path, 1, 1)
    try:
        from babel.messages.pofile import PoFileError
        from babel.messages.pofile import read_po as babel_read_po
    except ImportError:
        return {}, [diagnostic("FF501", where, reason="Babel is not installed")]
    try:
        data = read_regular(path, MAX_BYTES)  # a pipe named x.cy.po must not hang the game
        catalog = babel_read_po(io.BytesIO(data), abort_invalid=True)
    except PoFileError as exc:
        return {}, [diagnostic("FF501", Pos(path, max(1, exc.lineno), 1), reason=str(exc))]
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        return {}, [diagnostic("FF501", where, reason=str(exc) or exc.__class__.__name__)]
    entries: dict[str, Entry] = {}
    for message in catalog:
        if not message.id or not isinstance(message.id, str) or not message.context:
            continue
        translated = message.string if isinstance(message.string, str) else ""
        entries[message.context] = Entry(message.id, translated, message.lineno or 1, message.fuzzy)
    return entries, []


def check(script: Script, language: str) -> list[Diagnostic]:
    """Missing (FF418, at the script's line) and stale (FF419, at the PO file's line)
    translations of `script` into `language`; nothing if it has no such file."""
    path = po_path(script.path, language)
    if not os.path.exists(path):
        return []
    entries, problems = read_po(path)
    if problems:
        return problems
    current = {t.key: t for t in texts(script)}
    for text in current.values():
        entry = entries.get(text.key)
        if entry is None or not entry.translated:
            problems.append(diagnostic("FF418", text.pos, value=text.key, language=language))
        elif entry.english != text.english or entry.fuzzy:
            problems.append(
                diagnostic("FF419", Pos(path, entry.line, 1), value=text.key, why="changed")
            )
    for key, entry in entries.items():
        if key not in current:
            problems.append(
                diagnostic("FF419", Pos(path, entry.line, 1), value=key, why="is no longer used")
            )
    return problems


def translate(script: Script, language: str) -> Script:
    """`script` with every text that has a current translation into `language` replaced.

    Texts with no translation, or whose English changed since it was made, stay English.
    """
    path = po_path(script.path, language)
    if not os.path.exists(path):
        return script
    entries, problems = read_po(path)
    if problems:
        return script
    table = {
        key: e.translated
        for key, e in entries.items()
        if e.translated and not e.fuzzy and e.english
    }
    english = {key: e.english for key, e in entries.items()}
    translated: Script = _replace(script, "", table, english)
    return translated


def _replace(value: Any, key: str, table: dict[str, str], english: dict[str, str]) -> Any:
    def swap(item: str, at: str) -> str:
        return table[at] if at in table and english.get(at) == item else item

    if isinstance(value, dict):
        return {
            k: _replace(v, f"{key}.{k}" if key else k, table, english) for k, v in value.items()
        }
    if isinstance(value, tuple):
        return tuple(
            _replace(v, f"{key}.{n}", table, english) for n, v in enumerate(value, start=1)
        )
    if not dataclasses.is_dataclass(value) or isinstance(value, type):
        return value
    changes: dict[str, Any] = {}
    for field in dataclasses.fields(value):
        item = getattr(value, field.name)
        at = f"{key}.{field.name}" if key else field.name
        if field.name in _SKIP:
            continue
        new: Any
        if field.name in TEXT_FIELDS and isinstance(item, str):
            new = swap(item, at)
        elif field.name in TEXT_LISTS and isinstance(item, tuple):
            new = tuple(swap(t, f"{at}.{n}") for n, t in enumerate(item, start=1))
        elif field.name in TEXT_DICTS:
            new = {who: swap(t, f"{at}.{who}") for who, t in item.items()}
        elif isinstance(item, str | int | float | bool):
            continue
        else:
            new = _replace(item, at, table, english)
        if new is not item and new != item:
            changes[field.name] = new
    return dataclasses.replace(value, **changes) if changes else value


def write_po(script: Script, language: str, old: dict[str, Entry]) -> str:
    """The translation file for `script`: every text, keeping translations whose English is
    unchanged, marking changed ones fuzzy (with the old English), new ones empty."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po as babel_write_po

    catalog = Catalog(
        locale=language,
        project=f"Freeze Frame scenario '{script.id}'",
        header_comment=(
            f"# The '{language}' translation of {os.path.basename(script.path)}.\n"
            "# Fill in each msgstr; msgctxt is the text's id in the script, msgid its English.\n"
            "# Made and updated by: python3 main.py translate SCRIPT LANGUAGE"
        ),
    )
    for text in texts(script):
        entry = old.get(text.key)
        flags: list[str] = []
        translated = ""
        previous: list[str] = []
        if entry is not None and entry.translated:
            translated = entry.translated
            if entry.english != text.english or entry.fuzzy:
                flags.append("fuzzy")
                previous = [entry.english]
        catalog.add(
            text.english,
            translated,
            locations=[(os.path.basename(script.path), text.pos.line)],
            flags=flags,
            context=text.key,
            previous_id=previous,
        )
    out = io.BytesIO()
    babel_write_po(out, catalog, width=100, include_previous=True, sort_output=False)
    return out.getvalue().decode("utf-8")
