"""`python3 main.py i18n extract|update|compile|check`: the interface's translations.

The game's own strings (buttons, hints, messages) are marked `_("...")` (or `N_("...")` where
they are defined before the language is known) and translated with gettext; Babel's tools
keep the catalogues:

- `extract` collects every marked string into `game/locale/freeze_frame.pot`;
- `update` merges that into each language's `game/locale/LANG/LC_MESSAGES/freeze_frame.po`
  (new strings arrive empty, changed ones fuzzy), and `init LANG` starts a new language;
- `compile` writes the `.mo` file the game reads, next to each `.po`;
- `check` fails if a marked string is missing from a catalogue, a catalogue has untranslated
  or fuzzy strings, a translation fills in other `{names}` than its English, or a `.mo`
  differs from its `.po` (the tests run it, so a string added
  without a translation is caught).

Scenario texts are translated separately, per script: see `python3 main.py translate`.
"""

from __future__ import annotations

import contextlib
import string
import sys
from pathlib import Path

from game.i18n import DOMAIN, LOCALE_DIR

POT = LOCALE_DIR / f"{DOMAIN}.pot"
MAPPING = LOCALE_DIR / "babel.cfg"


def catalogues() -> list[Path]:
    """Every language's .po file."""
    return sorted(LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def _pybabel(*args: str) -> int:
    from babel.messages.frontend import CommandLineInterface

    try:
        CommandLineInterface().run(["pybabel", "-q", *args])
    except SystemExit as exc:  # Babel's own argument errors
        return int(exc.code or 0)
    return 0


def extract() -> int:
    """Locations are written relative to the project, and by file only: a catalogue must not
    change because someone's checkout lives elsewhere or a line moved (fewer merge conflicts)."""
    with contextlib.chdir(LOCALE_DIR.parents[1]):
        return _pybabel(
            "extract", "-F", str(MAPPING), "-k", "_", "-k", "N_", "--no-wrap", "--sort-by-file",
            "--add-location", "file", "--project", "Freeze Frame", "-o", str(POT),
            "--input-dirs", ".",
        )  # fmt: skip


def update() -> int:
    return _pybabel(
        "update", "-i", str(POT), "-d", str(LOCALE_DIR), "-D", DOMAIN, "--no-wrap",
        "--ignore-obsolete",
    )  # fmt: skip


def init(language: str) -> int:
    return _pybabel("init", "-i", str(POT), "-d", str(LOCALE_DIR), "-D", DOMAIN, "-l", language)


def compile_all() -> int:
    return _pybabel("compile", "-d", str(LOCALE_DIR), "-D", DOMAIN, "--use-fuzzy")


def _fields(text: str | tuple[str, ...] | list[str]) -> set[str]:
    """The `{name}`s a message fills in: a translation with another would fail (or show
    nothing) when the game formats it. (The game has no plural messages; Babel types a
    message as possibly one, whose forms are read together.)"""
    whole = text if isinstance(text, str) else "".join(text)
    try:
        return {name for _lit, name, _spec, _conv in string.Formatter().parse(whole) if name}
    except ValueError:  # unbalanced braces: never equal to a well-formed original's
        return {"{"}


def problems() -> list[str]:
    """What `check` finds: untranslated or fuzzy strings, and .mo files out of date."""
    from babel.messages.extract import extract_from_dir
    from babel.messages.mofile import read_mo
    from babel.messages.pofile import read_po

    marked = {
        message
        for _file, _line, message, _comments, _context in extract_from_dir(
            str(LOCALE_DIR.parent),
            method_map=[("**.py", "python")],
            keywords={"_": None, "N_": None},
        )
        if isinstance(message, str)
    }
    found: list[str] = []
    for po in catalogues():
        with open(po, "rb") as handle:
            catalog = read_po(handle)
        for message in catalog:
            if not message.id:
                continue
            if not message.string or message.fuzzy:
                state = "fuzzy" if message.fuzzy else "untranslated"
                found.append(f"{po}: {state}: {message.id!r}")
            elif _fields(message.string) != _fields(message.id):
                found.append(
                    f"{po}: the translation of {message.id!r} must use the same {{names}}"
                    f" as the English, not {sorted(_fields(message.string))}"
                )
        known = {m.id for m in catalog if m.id}
        found += [
            f"{po}: not in the catalogue: {m!r} (run i18n extract, then update)"
            for m in sorted(marked - known)
        ]
        mo = po.with_suffix(".mo")
        if not mo.is_file():
            found.append(f"{mo}: missing; run python3 main.py i18n compile")
            continue
        with open(mo, "rb") as handle:
            compiled = {m.id: m.string for m in read_mo(handle) if m.id}
        wanted = {m.id: m.string for m in catalog if m.id and m.string and not m.fuzzy}
        if compiled != wanted:
            found.append(f"{mo}: out of date; run python3 main.py i18n compile")
    return found


def main(argv: list[str]) -> int:
    command = argv[0] if argv else ""
    if command == "extract":
        return extract()
    if command == "update":
        return update()
    if command == "init" and len(argv) == 2:
        return init(argv[1])
    if command == "compile":
        return compile_all()
    if command == "check":
        found = problems()
        print("\n".join(found) if found else "every catalogue complete and compiled")
        return 1 if found else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
