"""`python3 main.py validate [PATH ...] [--strict]`: check scripts and say what to fix.

Each problem prints as `path:line:col: error: message [FF101]` with the source line, a caret
and a hint, grouped by file; then one summary line. Exit status 0 means no errors (warnings
are allowed unless --strict), so an author or a CI job can rely on it.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace

from game.safetext import pictured, visible
from game.story.criteria import CRITERIA_FILE, PROJECT_SCRIPTS, shared_criteria
from game.story.errors import Diagnostic, diagnostic, format_diagnostic
from game.story.library import duplicate_ids, yaml_files
from game.story.loader import read_script
from game.story.model import Pos
from game.story.translation import check as check_translation
from game.story.translation import languages


def script_files(paths: list[str]) -> tuple[list[str], list[Diagnostic]]:
    """The files to check: files as given, folders expanded to their YAML files."""
    files: list[str] = []
    problems: list[Diagnostic] = []
    for path in paths:
        if os.path.isdir(path):
            found = yaml_files(path)  # each one that is not a readable file is an FF001
            if not found:
                problems.append(
                    diagnostic(
                        "FF001",
                        Pos(path, 1, 1),
                        what=path,
                        reason="the folder holds no .yaml scripts",
                    )
                )
            files += found
        else:
            files.append(path)  # a missing or unreadable file is reported when it is read
    return files, problems


def check_files(files: list[str]) -> list[Diagnostic]:
    """Every diagnostic for each file (a criteria file or a scenario script), and FF008
    where two scenarios checked together share an id, as the picker would find."""
    diags: list[Diagnostic] = []
    ids: list[tuple[str, Pos]] = []
    for path in files:
        if os.path.basename(path) == CRITERIA_FILE:
            diags += shared_criteria(path)[1]
            continue
        script, found = read_script(path)
        diags += found
        if script is not None:
            ids.append((script.id, script.pos))
            for language in languages(path):  # example.cy.po beside example.yaml
                diags += check_translation(script, language)
    return diags + duplicate_ids(ids)


def report(files: list[str], diags: list[Diagnostic]) -> str:
    """Diagnostics grouped by file (in the order the files were checked), without repeats."""
    unique = list(dict.fromkeys(diags))
    order = {path: i for i, path in enumerate(files)}
    unique.sort(
        key=lambda d: (order.get(d.pos.path, len(order)), d.pos.path, d.pos.line, d.pos.col)
    )
    return "\n".join(format_diagnostic(shown(d)) for d in unique)


def shown(d: Diagnostic) -> Diagnostic:
    """`d` safe to print: a script's escape sequences would otherwise act on the terminal
    (retitle it, clear it, print a fake "all valid"), so every control character is shown
    as an escape, or as a control picture in the source line so the caret stays in place."""
    return replace(
        d,
        message=visible(d.message),
        hint=visible(d.hint),
        source_line=pictured(d.source_line),
        pos=replace(d.pos, path=visible(d.pos.path)),
    )


def summary(count: int, diags: list[Diagnostic]) -> str:
    unique = set(diags)
    errors = sum(1 for d in unique if d.is_error)
    warnings = len(unique) - errors

    def plural(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    if not unique:  # said plainly, so nobody (or no script) scanning for "warning" trips
        return f"{plural(count, 'script')} checked: all valid, nothing to fix"
    return (
        f"{plural(count, 'script')} checked: {plural(errors, 'error')}, "
        f"{plural(warnings, 'warning')}"
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="main.py validate", description=__doc__.splitlines()[0])
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="script files or folders (default: the project's scripts/)",
    )
    parser.add_argument("--strict", action="store_true", help="fail on warnings too")
    args = parser.parse_args(argv)
    files, diags = script_files(args.paths or [PROJECT_SCRIPTS])
    diags += check_files(files)
    text = report(files, diags)
    if text:
        print(text)
    print(summary(len(files), diags))
    failed = any(d.is_error for d in diags) or (args.strict and bool(diags))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
