"""Small scripts built in code, so runtime and analysis tests do not depend on the loader."""

from __future__ import annotations

from game.story.model import (
    Beat,
    Branch,
    Character,
    Condition,
    Criterion,
    Decision,
    Ending,
    Intervention,
    Line,
    Missed,
    Option,
    Scene,
    Script,
    Thought,
)

CRITERIA = ("compassion", "safety")


def cond(*terms: str) -> Condition:
    """`cond("a", "not b")` in the same words an author writes."""
    return Condition(tuple((t[4:], False) if t.startswith("not ") else (t, True) for t in terms))


def option(goto: str, says: str = "", **kw) -> Option:
    return Option(says=says or f"go to {goto}", goto=goto, **kw)


def beat(beat_id: str, *lines: Line, nxt: str | tuple[Branch, ...] = "", **kw) -> Beat:
    branches = (Branch(nxt),) if isinstance(nxt, str) and nxt else nxt or ()
    return Beat(id=beat_id, scene="room", lines=tuple(lines), next=branches, **kw)


def line(who: str, says: str, **kw) -> Line:
    return Line(who=who, says=says, **kw)


def decision(point: str, *options: Option) -> Decision:
    return Decision(id=point, prompt=f"What now at {point}?", options=tuple(options))


def script(
    beats: list[Beat],
    interventions: dict[str, Intervention] | None = None,
    endings: tuple[str, ...] = ("bad", "good"),
    anti_model_ending: str = "",
) -> Script:
    return Script(
        id="test",
        title="Test",
        summary="",
        setting="",
        minutes=1,
        cast={
            "manager": Character("manager", "Sam", "Manager", is_manager=True),
            "tom": Character("tom", "Tom", "Team leader"),
        },
        scenes={"room": Scene("room", "A room", "office")},
        criteria={c: Criterion(c, c.title()) for c in CRITERIA},
        beats={b.id: b for b in beats},
        interventions=interventions or {},
        endings={e: Ending(e, e.title(), f"{e} outcome", "mixed") for e in endings},
        start=beats[0].id,
        anti_model_ending=anti_model_ending,
    )


def forum_script() -> Script:
    """The shape of a real scene: an intervention point, a decision, a flag, two endings.

    arrival: tom 0, manager 1 (point `search`), tom 2 -> confront
    confront: decision `respond`: suspend (anti-model) -> bad | talk (needs asked_ok) -> good
    quiet: tom speaks -> confront      (reached by redirecting `search` with option 0)
    """
    search = Intervention(
        id="search",
        prompt="Instead of searching the bag?",
        options=(
            option(
                "quiet",
                "Are you OK?",
                scores={"compassion": 2},
                feedback="asks first",
                sets=("asked_ok",),
            ),
            option("confront", "Call HR", scores={"safety": 1}, feedback="cautious"),
        ),
        missed=Missed({"compassion": -1}, "nobody stopped the search"),
    )
    return script(
        [
            beat(
                "arrival",
                line("tom", "Morning.", emotion="anxious"),
                line("manager", "Let's look in your bag.", intervention="search"),
                line("tom", "Get off my things!", emotion="angry"),
                nxt="confront",
                present=("manager", "tom"),
                thoughts={"tom": (Thought("Mum fell again last night.", "upset"),)},
            ),
            beat(
                "quiet",
                line("tom", "Not really. It's my mum.", emotion="upset"),
                nxt="confront",
            ),
            beat(
                "confront",
                line("manager", "We need to decide what happens now."),
                decision=decision(
                    "respond",
                    option(
                        "bad",
                        "Suspend him",
                        scores={"safety": 2, "compassion": -2},
                        anti_model=True,
                    ),
                    option(
                        "good",
                        "Agree support",
                        scores={"compassion": 3, "safety": 1},
                        cond=cond("asked_ok"),
                        locked_hint="Ask how he is first.",
                    ),
                ),
                present=("manager", "tom"),
            ),
        ],
        {"search": search},
        anti_model_ending="bad",
    )
