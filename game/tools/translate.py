"""`python3 main.py translate SCRIPT LANGUAGE`: make or update a scenario's translation file.

Writes `SCRIPT`'s texts to `NAME.LANGUAGE.po` beside it (`example.yaml` -> `example.cy.po`),
for a translator to fill in with any PO editor. Run it again after the script changes: every
translation whose English is unchanged is kept, one whose English changed is kept but marked
fuzzy with the old English beside it, new texts arrive empty and texts no longer in the
script are dropped. The file is replaced atomically; then `validate` reports what is left.
"""

from __future__ import annotations

import argparse
import os
import sys

from game.storage import atomic_write_text
from game.story.errors import format_diagnostic
from game.story.loader import read_script
from game.story.translation import po_path, read_po, texts, write_po


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="main.py translate", description=__doc__.splitlines()[0])
    parser.add_argument("script", help="the scenario script (.yaml)")
    parser.add_argument("language", help="a language code, such as cy for Welsh")
    args = parser.parse_args(argv)
    if not args.language.isalpha() or not 2 <= len(args.language) <= 3:
        print(f"'{args.language}' is not a language code; use two or three letters (cy).")
        return 2
    script, diags = read_script(args.script)
    if script is None:
        print("\n".join(format_diagnostic(d) for d in diags if d.is_error))
        print("Fix the script first: a translation follows the script's texts.")
        return 1
    path = po_path(args.script, args.language.lower())
    old, problems = read_po(path) if os.path.exists(path) else ({}, [])
    if problems:
        print("\n".join(format_diagnostic(d) for d in problems))
        return 1
    atomic_write_text(path, write_po(script, args.language.lower(), old))
    wanted = {t.key: t.english for t in texts(script)}
    done = sum(1 for k, e in old.items() if k in wanted and e.english == wanted[k] and e.translated)
    print(f"{path}: {len(wanted)} texts, {done} translated, {len(wanted) - done} to do")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
