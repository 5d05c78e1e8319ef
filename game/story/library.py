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
from collections.abc import Iterable
from dataclasses import dataclass, replace

from game.story.criteria import CRITERIA_FILE, find_criteria
from game.story.errors import Diagnostic, ScriptError, diagnostic
from game.story.model import Pos, Script
from game.story.translation import po_path
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


def yaml_files(folder: str) -> list[str]:
    """Every name ending .yaml in `folder`, sorted, whatever it is: `validate FOLDER` checks
    exactly what the picker lists, so a pipe, a folder or a broken link named x.yaml is
    reported by both instead of being skipped by one."""
    return sorted(glob.glob(os.path.join(glob.escape(folder), "*.yaml")))


def duplicate_ids(found: Iterable[tuple[str, Pos]]) -> list[Diagnostic]:
    """FF008 at each scenario whose id one earlier in `found` (id, position) already has."""
    first: dict[str, str] = {}
    problems = []
    for script_id, pos in found:
        if script_id in first:
            problems.append(diagnostic("FF008", pos, value=script_id, other=first[script_id]))
        else:
            first[script_id] = pos.path
    return problems


class ScriptLibrary:
    """Every `*.yaml` scenario in a folder (criteria.yaml is not a scenario), and in the
    `more` folders after it: the user's own scripts beside the shipped ones."""

    def __init__(self, folder: str, language: str = "en", more: tuple[str, ...] = ()) -> None:
        self.folder = folder
        self.folders = (folder, *more)
        #: Scripts with a translation into this language beside them (example.cy.po) are
        #: shown in it; any text it lacks stays English.
        self.language = language
        #: path -> (content hash, result): only the latest version of each file is kept.
        self._cache: dict[str, tuple[str, tuple[Script | None, list[Diagnostic]]]] = {}

    def paths(self) -> list[str]:
        paths: list[str] = []
        for folder in self.folders:
            paths += [p for p in yaml_files(folder) if os.path.basename(p) != CRITERIA_FILE]
        return paths

    def entries(self) -> list[Entry]:
        """Every script, in file-name order; a second script with an id already taken is
        listed as broken (FF008), or practice history would mix the two up."""
        found = [self.entry(path) for path in self.paths()]
        playable = [(e.id, Pos(e.path, 1, 1)) for e in found if e.playable]
        taken = {d.pos.path: d for d in duplicate_ids(playable)}
        return [replace(e, errors=(taken[e.path],)) if e.path in taken else e for e in found]

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
        translation = b""
        if self.language != "en":
            translation = read_bytes(po_path(path, self.language))[0] or b""
        digest = hashlib.sha256(
            b"\0".join((data, criteria or b"", self.language.encode(), translation))
        ).hexdigest()
        key = os.path.abspath(path)
        cached = self._cache.get(key)
        if cached is None or cached[0] != digest:
            from game.story.loader import script_from_bytes  # not on the path to the title

            script, diags = script_from_bytes(data, path)
            if script is not None and translation:
                from game.story.translation import translate

                script = translate(script, self.language)
            cached = self._cache[key] = (digest, (script, diags))
        return cached[1]
