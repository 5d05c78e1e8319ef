"""Rebuild a run from what an LRS holds: what L&D could do with the statements alone.

The statements are put in the record's order (the `seq` context extension) and each becomes
the runtime call that made it: advance to where the buzz came and buzz, redirect or choose
the option answered, hot-seat the character asked, rewind to the moment, play on until a
missed point has passed. Lines and resumes follow from advancing. The runtime that comes
out must end where the run did, with the same result on every criterion.
"""

from __future__ import annotations

from typing import Any

from game.records.xapi import VERBS
from game.story.model import Script
from game.story.runtime import Runtime
from game.story.views import Phase, RunMode

EXT = "urn:freeze-frame:extension/"
GUARD = 10_000


def seq(statement: dict[str, Any]) -> float:
    return statement["context"]["extensions"].get(EXT + "seq", float("inf"))


def _playing(rt: Runtime) -> None:
    if rt.phase is Phase.FROZEN:
        rt.resume()


def _advance_until(rt: Runtime, done) -> None:
    _playing(rt)
    for _ in range(GUARD):
        if done():
            return
        rt.advance()
    raise AssertionError("the statements lead somewhere the story does not go")


def rebuild(script: Script, statements: list[dict[str, Any]]) -> Runtime:
    verbs = {iri: name for name, iri in VERBS.items()}
    rt = Runtime(script, RunMode.FORUM)
    for statement in sorted(statements, key=seq):
        verb = verbs[statement["verb"]["id"]]
        moment = statement["context"]["extensions"].get(EXT + "moment", {})
        result = statement.get("result", {})
        if verb == "interacted":
            where = (moment["beat"], moment["line"])
            _advance_until(rt, lambda where=where: (rt.position.beat, rt.position.line) == where)
            rt.buzz()
        elif verb == "answered":
            # The room's own words answer with the words; the option is beside them.
            chosen = result["extensions"].get(EXT + "closest-option", result["response"])
            option = int(chosen.removeprefix("option-")) - 1
            if result["extensions"][EXT + "kind"] == "redirect":
                rt.redirect(option)
            else:
                _advance_until(rt, lambda: rt.phase is Phase.DECIDING)
                rt.choose(option)
        elif verb == "asked":
            rt.hotseat(statement["object"]["id"].rsplit("/", 1)[-1])
        elif verb == "attempted":
            rt.rewind(int(result["extensions"][EXT + "to-moment"]))
        elif verb == "skipped":  # the room let the point pass: play on until it has
            point = statement["object"]["id"].rsplit("/", 1)[-1]
            _advance_until(rt, lambda point=point: point in rt.position.missed)
        elif verb == "completed":
            _advance_until(rt, lambda: rt.phase is Phase.ENDED)
    return rt
