"""The criteria choices are scored against: the shared file, and a script's own additions.

A script uses the `criteria.yaml` beside it when there is one (so a folder of scenarios for
another organisation can bring its own), else the project's `scripts/criteria.yaml`. The file
is parsed once per content, since validating a folder would otherwise read it per script.
"""

from __future__ import annotations

import functools
import os

from game import paths
from game.story.errors import Diagnostic, diagnostic, with_source
from game.story.model import Criterion, Pos
from game.story.reader import Reader
from game.story.yamlnodes import Node, parse_bytes, read_bytes

#: The project's own scripts folder: criteria.yaml there is the fallback for any script.
PROJECT_SCRIPTS = str(paths.SCRIPTS)
CRITERIA_FILE = "criteria.yaml"

#: The keys of the criteria file and of one criterion: (required, optional).
CRITERIA_KEYS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "criteria_file": (("criteria",), ()),
    "criterion": (("name",), ("description",)),
}


def find_criteria(script_path: str) -> str:
    """criteria.yaml beside the script, else the project's scripts/criteria.yaml."""
    beside = os.path.join(os.path.dirname(os.path.abspath(script_path)), CRITERIA_FILE)
    if os.path.isfile(beside):
        return beside
    return os.path.normpath(os.path.join(PROJECT_SCRIPTS, CRITERIA_FILE))


def shared_criteria(
    path: str, script_path: str = ""
) -> tuple[dict[str, Criterion] | None, list[Diagnostic]]:
    """The shared criteria in `path`; None (with diagnostics) when they cannot be read."""
    if not os.path.isfile(path):
        where = Pos(script_path or path, 1, 1)
        return None, [diagnostic("FF315", where, where=path)]
    data, problems = read_bytes(path)
    if data is None:
        return None, problems
    return _criteria_from_bytes(data, path)


@functools.lru_cache(maxsize=8)
def _criteria_from_bytes(
    data: bytes, path: str
) -> tuple[dict[str, Criterion] | None, list[Diagnostic]]:
    """Parsed once per content: validating a folder reads the same criteria file each time."""
    doc, diags = parse_bytes(data, path)
    if doc is None:
        return None, diags
    reader = Reader(doc)
    top = reader.fields(doc.root, "the criteria file", *CRITERIA_KEYS["criteria_file"])
    criteria = read_criteria(reader, top.get("criteria")) if top else {}
    diags = diags + with_source(reader.diags, doc.text)
    return (None if any(d.is_error for d in diags) else criteria), diags


def read_criteria(reader: Reader, node: Node | None) -> dict[str, Criterion]:
    """Criteria entries, in the criteria file or under a script's own `criteria:`."""
    out = {}
    for cid, key, value in reader.entries(node, "criteria") if node is not None else ():
        f = reader.fields(value, f"criterion '{cid}'", *CRITERIA_KEYS["criterion"])
        if f is not None:
            out[cid] = Criterion(
                cid,
                reader.text(f.get("name"), "name"),
                reader.text(f.get("description"), "description", required=False),
                reader.pos(key),
            )
    return out
