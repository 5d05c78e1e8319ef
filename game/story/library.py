"""The scenarios on offer: what the scenario picker lists, and loading the one chosen.

Parsing YAML is the slowest thing the game does (about 0.8 MB/s), so each script is parsed
once per content: the cache is keyed by a hash of the script's bytes and of its criteria
file, so an unchanged file is never parsed twice, and an edited one (reload on save) is.
A broken script still gets an entry, with its errors, so the picker can say what is wrong
instead of silently leaving it out.
"""

from __future__ import annotations

import glob
import hashlib
import os
from dataclasses import dataclass

from game.story.criteria import CRITERIA_FILE, find_criteria
from game.story.errors import Diagnostic, ScriptError
from game.story.model import Script
from game.story.yamlnodes import read_bytes


@dataclass(frozen=True)
class Entry:
    """One script as the picker shows it. `errors` is empty when it can be played."""

    path: str
    id: str
    title: str
    summary: str
    content_notes: tuple[str, ...]
    minutes: int
    errors: tuple[Diagnostic, ...] = ()

    @property
    def playable(self) -> bool:
        return not self.errors


class ScriptLibrary:
    """Every `*.yaml` scenario in a folder (criteria.yaml is not a scenario), and in any
    `more` folders after it: the user's own scripts beside the shipped ones."""

    def __init__(self, folder: str, *more: str) -> None:
        self.folder = folder
        self.folders = (folder, *more)
        #: path -> (content hash, result): only the latest version of each file is kept.
        self._cache: dict[str, tuple[str, tuple[Script | None, list[Diagnostic]]]] = {}

    def paths(self) -> list[str]:
        paths: list[str] = []
        for folder in self.folders:
            found = glob.glob(os.path.join(glob.escape(folder), "*.yaml"))
            paths += sorted(p for p in found if os.path.basename(p) != CRITERIA_FILE)
        return paths

    def entries(self) -> list[Entry]:
        return [self.entry(path) for path in self.paths()]

    def entry(self, path: str) -> Entry:
        script, diags = self._read(path)
        if script is None:
            name = os.path.splitext(os.path.basename(path))[0]
            errors = tuple(d for d in diags if d.is_error)
            return Entry(path, name, name, "", (), 0, errors)
        return Entry(
            path, script.id, script.title, script.summary, script.content_notes, script.minutes
        )

    def load(self, path: str) -> Script:
        """The script at `path`, parsed at most once per content; ScriptError if broken."""
        script, diags = self._read(path)
        if script is None:
            raise ScriptError(diags)
        return script

    def _read(self, path: str) -> tuple[Script | None, list[Diagnostic]]:
        data, problems = read_bytes(path)
        if data is None:
            return None, problems
        criteria, _ = read_bytes(find_criteria(path))
        digest = hashlib.sha256(data + b"\0" + (criteria or b"")).hexdigest()
        key = os.path.abspath(path)
        cached = self._cache.get(key)
        if cached is None or cached[0] != digest:
            from game.story.loader import script_from_bytes  # not on the path to the title

            cached = self._cache[key] = (digest, script_from_bytes(data, path))
        return cached[1]
