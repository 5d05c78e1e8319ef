"""What a script makes possible, worked out on its graph rather than by playing every path.

The state of play that matters for what can happen next is (beat, intervention point
within it, flags). Those states form a graph whose edges are "let it pass", "redirect to
option i" and "choose option i", each carrying scores and playing time. One depth-first
walk finds every reachable state and any loop; one pass in reverse topological order then
gives path counts, best and worst totals per criterion and playing times by dynamic
programming, so a script with millions of paths costs no more than its number of states.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

from . import flow
from .model import Beat, Option, Script
from .perf import paused_gc
from .roles import MANAGER_SEAT, automatic
from .scoring import TIE, Alternative, Judged, judge, standing, tally

Node = tuple[Any, ...]  # ("B", beat, stop index, flags) or ("E", ending id)

#: Path counts stop growing here. Counts double with every choice, and adding integers of
#: thousands of digits at every state would make a long script's analysis quadratic.
PATHS_CAP = 10**18


class Edge(NamedTuple):
    """A move between states (a named tuple: hundreds of thousands are made on big scripts)."""

    to: Node
    scores: dict[str, int]
    seconds: float
    point: str = ""  # the intervention or decision id, or "" for an unforced move
    option: int = -1  # the option taken; -1 for letting an intervention pass


@dataclass
class Exploration:
    """What the validator needs: where the story can go, where it loops or sticks, and where
    the anti-model run ends. One walk of the state graph, with no scoring."""

    script_id: str
    reachable: frozenset[str]
    endings: dict[str, bool]
    anti_model_ending: str | None
    anti_model_path: list[str]
    cycle: list[str] | None
    dead_ends: list[str]
    states: int
    #: For each reachable beat, the sets of (tested) flags it can start with: its routes.
    beat_flags: dict[str, set[frozenset[str]]]


@dataclass
class Analysis(Exploration):
    """The facts `analyse` reports.

    Scores follow game/story/scoring.py: each choice is placed between the worst and best
    alternative at its moment, and a run's figure on a criterion is the mean over the
    moments that tested it. So any criterion some moment tests runs from 0% (the worst
    alternative every time) to 100% (the best every time): the bounds are the same for
    every script, and what `analyse` adds is where each criterion is tested at all.
    """

    paths: int  # distinct complete paths, at most PATHS_CAP ("at least" when equal)
    intervention_points: int
    decision_points: int
    #: criterion -> the decision and intervention points whose alternatives differ on it
    #: (the moments that can test it), in the order first met
    criteria: dict[str, tuple[str, ...]]
    shortest_seconds: float
    longest_seconds: float
    #: The best all-round path: at every moment the strongest alternative there (the
    #: highest mean position), so it never takes a weaker option to earn a rescue later.
    #: (point, option index) per moment; option -1 lets an intervention point pass.
    best_path: list[tuple[str, int]]
    best_path_scores: dict[str, float]  # criterion -> mean position on the best path
    best_path_ending: str | None

    @property
    def best_path_passes(self) -> list[str]:
        """The intervention points the best path lets pass."""
        return [point for point, option in self.best_path if option < 0]


def _stops(beat: Beat, shown: list[int]) -> list[int]:
    return [i for i in shown if beat.lines[i].intervention]


def _tested_flags(script: Script) -> frozenset[str]:
    """Every flag named in a condition anywhere in the script."""
    return frozenset(flag for cond in flow.conditions(script) for flag in cond.flags())


def _live_flags(script: Script) -> dict[str, frozenset[str]]:
    """For each beat, the flags a condition can still test from its start on: tested in the
    beat itself or in any beat it can lead to. A flag no later condition reads cannot change
    what happens next, so two states that differ only in such flags are one state of play:
    dropping them keeps a script with many flags (an investigation) from splitting its walk
    into thousands of identical states. Worked out once, to a fixed point (loops allowed)."""
    beats = script.beats
    live = {
        b.id: frozenset(f for cond in flow.beat_conditions(script, b) for f in cond.flags())
        for b in beats.values()
    }
    after = {
        b.id: {
            target
            for target in (
                *(branch.goto for branch in b.next),
                *(option.goto for option in flow.beat_options(script, b)),
            )
            if target in beats
        }
        for b in beats.values()
    }
    changed = True
    while changed:
        changed = False
        for beat_id, targets in after.items():
            grown = live[beat_id].union(*(live[t] for t in targets))
            if grown != live[beat_id]:
                live[beat_id], changed = grown, True
    return live


class _Graph:
    """Builds the outgoing edges of a state on demand."""

    def __init__(self, script: Script, timed: bool = True) -> None:
        self.script = script
        self.timed = timed  # the validator's walk needs no playing times
        self._lines: dict[tuple[str, frozenset[str]], tuple[list[int], list[int]]] = {}
        self._line_seconds: dict[str, list[float]] = {}
        self.tested = _tested_flags(script)
        self.live = _live_flags(script)

    def keep(self, flags: frozenset[str]) -> frozenset[str]:
        """Only flags some condition tests can change what happens next; the others would
        only split one state of play into several identical ones."""
        return flags & self.tested

    def seconds(self, beat: Beat, shown: list[int], after: int, upto: int) -> float:
        """Playing time of the shown lines with index in (after, upto]."""
        if not self.timed:
            return 0.0
        each = self._line_seconds.get(beat.id)
        if each is None:
            each = self._line_seconds[beat.id] = [flow.line_seconds(ln.says) for ln in beat.lines]
        return sum(each[i] for i in shown if after < i <= upto)

    def lines(self, beat: Beat, flags: frozenset[str]) -> tuple[list[int], list[int]]:
        """The beat's shown lines and its intervention stops under these flags, worked out once."""
        key = (beat.id, flags)
        found = self._lines.get(key)
        if found is None:
            shown = flow.visible_lines(beat, flags)
            found = self._lines[key] = (shown, _stops(beat, shown))
        return found

    def entry(self, target: str, flags: frozenset[str]) -> tuple[Node, float]:
        """The state reached by going to `target`, and the time its first lines take."""
        if target in self.script.endings:
            return ("E", target), 0.0
        if target not in self.script.beats:
            return ("X", target), 0.0
        beat = self.script.beats[target]
        flags = beat.apply(flags) & self.live[target]
        shown, stops = self.lines(beat, flags)
        upto = stops[0] if stops else (shown[-1] if shown else -1)
        return ("B", target, 0, flags), self.seconds(beat, shown, -1, upto)

    def edges(self, node: Node) -> list[Edge]:
        if node[0] != "B":
            return []
        _, beat_id, stop, flags = node
        beat = self.script.beats[beat_id]
        shown, stops = self.lines(beat, flags)
        if stop < len(stops):
            return self._at_point(beat, shown, stops, stop, flags)
        out = []
        if beat.decision is not None:
            for i, option in enumerate(beat.decision.options):
                if flow.is_available(option, flags):
                    to, secs = self.entry(option.goto, self.keep(option.apply(flags)))
                    seconds = secs + self.acting(option, flags)
                    out.append(Edge(to, option.scores, seconds, beat.decision.id, i))
            return out
        target = flow.next_target(beat, flags)
        if target is not None:
            to, secs = self.entry(target, flags)
            out.append(Edge(to, {}, secs))
        return out

    def _at_point(
        self, beat: Beat, shown: list[int], stops: list[int], stop: int, flags: frozenset[str]
    ) -> list[Edge]:
        point_id = beat.lines[stops[stop]].intervention
        point = self.script.interventions.get(point_id)
        upto = stops[stop + 1] if stop + 1 < len(stops) else (shown[-1] if shown else -1)
        passing = self.seconds(beat, shown, stops[stop], upto)
        missed = point.missed.scores if point else {}
        out = [Edge(("B", beat.id, stop + 1, flags), missed, passing, point_id, -1)]
        for i, option in enumerate(point.options if point else ()):
            if flow.is_available(option, flags):
                to, secs = self.entry(option.goto, self.keep(option.apply(flags)))
                out.append(Edge(to, option.scores, secs + self.acting(option, flags), point_id, i))
        return out

    def acting(self, option: Option, flags: frozenset[str]) -> float:
        """The room's discussion at a stop, then the choice acted out (its words and
        follow-ups)."""
        if not self.timed:
            return 0.0
        lines = flow.act_lines(option, "", self.keep(option.apply(flags)))
        return flow.SECONDS_PER_STOP + sum(flow.line_seconds(ln.says) for ln in lines)


def _walk(graph: _Graph, root: Node) -> tuple[list[Node], dict[Node, list[Edge]], list[str] | None]:
    """Depth-first, without recursion: every reachable state in post-order, and a loop if any."""
    order: list[Node] = []
    out: dict[Node, list[Edge]] = {}
    on_path: dict[Node, int] = {}
    path: list[Node] = []
    cycle = None
    out[root] = graph.edges(root)
    stack = [(root, 0)]
    on_path[root] = 0
    path.append(root)
    while stack:
        node, i = stack[-1]
        edges = out[node]
        if i < len(edges):
            stack[-1] = (node, i + 1)
            nxt = edges[i].to
            if nxt in on_path:
                if cycle is None:
                    cycle = [n[1] for n in path[on_path[nxt] :]] + [nxt[1]]
                continue
            if nxt not in out:
                out[nxt] = graph.edges(nxt)
                on_path[nxt] = len(path)
                path.append(nxt)
                stack.append((nxt, 0))
            continue
        stack.pop()
        path.pop()
        del on_path[node]
        order.append(node)
    return order, out, cycle


def _anti_model(script: Script, start: str) -> tuple[str | None, list[str]]:
    """Follow the traditional path: nobody buzzes; each decision takes its anti-model option."""
    flags: frozenset[str] = frozenset()
    target, seen, beats = start, set(), []
    while target in script.beats and target not in seen:
        seen.add(target)
        beats.append(target)
        beat = script.beats[target]
        flags = beat.apply(flags)
        if beat.decision is not None:
            index = anti_model_pick(script, beat.decision.id, flags)
            if index is None:
                return None, beats
            option = beat.decision.options[index]
            flags, target = option.apply(flags), option.goto
        else:
            target = flow.next_target(beat, flags) or ""
    return (target if target in script.endings else None), beats


def anti_model_pick(script: Script, point: str, flags: frozenset[str]) -> int | None:
    """The anti-model run's choice at a decision: what a character the room could play
    usually does at their own point, else the traditional (anti-model) option."""
    auto = automatic(script, MANAGER_SEAT, point, flags)
    if auto is not None:
        return auto if auto >= 0 else None
    decision = script.decision(point)
    return flow.anti_model_choice(decision, flags) if decision else None


def explore(script: Script, start: str | None = None) -> Exploration:
    """Reachability, loops, dead ends and the anti-model run, without scoring: the validator's
    question, answered with one walk of the state graph."""
    with paused_gc():
        graph = _Graph(script, timed=False)
        root, _ = graph.entry(start or script.start, frozenset())
        _, out, cycle = _walk(graph, root)
        return _exploration(script, start, out, cycle)


def _exploration(
    script: Script, start: str | None, out: dict[Node, list[Edge]], cycle: list[str] | None
) -> Exploration:
    reachable = frozenset(n[1] for n in out if n[0] in ("B", "E"))
    anti_end, anti_path = _anti_model(script, start or script.start)
    return Exploration(
        script_id=script.id,
        reachable=reachable,
        endings={e: e in reachable for e in script.endings},
        anti_model_ending=anti_end,
        anti_model_path=anti_path,
        cycle=cycle,
        dead_ends=sorted({n[1] for n in out if n[0] == "B" and not out[n]}),
        states=len(out),
        beat_flags=_beat_flags(out),
    )


def _beat_flags(out: dict[Node, list[Edge]]) -> dict[str, set[frozenset[str]]]:
    found: dict[str, set[frozenset[str]]] = {}
    for node in out:
        if node[0] == "B" and node[2] == 0:
            found.setdefault(node[1], set()).add(node[3])
    return found


def analyse(script: Script, start: str | None = None) -> Analysis:
    """Everything the script makes possible from `start` (default: its own start beat)."""
    with paused_gc():
        return _analyse(script, start)


def _analyse(script: Script, start: str | None) -> Analysis:
    graph = _Graph(script)
    root, root_secs = graph.entry(start or script.start, frozenset())
    order, out, cycle = _walk(graph, root)
    neg = float("-inf")
    count: dict[Node, int] = {}
    short: dict[Node, float] = {}
    long: dict[Node, float] = {}
    for node in order:
        if node[0] == "E":
            count[node], short[node], long[node] = 1, 0.0, 0.0
            continue
        n, s, lg = 0, float("inf"), neg
        for edge in out[node]:
            if not count.get(edge.to):
                continue
            n += count[edge.to]
            s = min(s, edge.seconds + short[edge.to])
            lg = max(lg, edge.seconds + long[edge.to])
        count[node] = min(n, PATHS_CAP)
        if n:
            short[node], long[node] = s, lg
    complete = bool(count.get(root))
    tested: dict[str, dict[str, None]] = {c: {} for c in script.criteria}
    for edges in out.values():
        point = edges[0].point if edges else ""
        for c in _differ(edges) if point else ():
            tested.setdefault(c, {})[point] = None
    choices, judged, end = _best_path(script, root, order, out, count)
    points = {e.point for edges in out.values() for e in edges if e.point}
    tallies = tally(judged, script.criteria)
    return Analysis(
        **vars(_exploration(script, start, out, cycle)),
        paths=count.get(root, 0),
        intervention_points=sum(1 for p in points if p in script.interventions),
        decision_points=sum(1 for p in points if p not in script.interventions),
        criteria={c: tuple(found) for c, found in tested.items()},
        shortest_seconds=(root_secs + short[root]) if complete else 0.0,
        longest_seconds=(root_secs + long[root]) if complete else 0.0,
        best_path=choices,
        best_path_scores={c: t.score for c, t in tallies.items() if t.moments},
        best_path_ending=end,
    )


def _alternatives(edges: list[Edge]) -> tuple[Alternative, ...]:
    """A point state's out-edges as the alternatives the room has there."""
    return tuple(Alternative(e.option, "", e.scores) for e in edges)


def _differ(edges: list[Edge]) -> list[str]:
    """The criteria on which the alternatives at a point state differ."""
    found = {c for e in edges for c in e.scores}
    return sorted(c for c in found if len({e.scores.get(c, 0) for e in edges}) > 1)


def _best_path(
    script: Script,
    root: Node,
    order: list[Node],
    out: dict[Node, list[Edge]],
    count: dict[Node, int],
) -> tuple[list[tuple[str, int]], list[Judged], str | None]:
    """The all-round best run of the room playing the manager: at each moment the strongest
    alternative (highest mean position there); between equally strong ones, the one whose
    continuation scores best on average. At a point someone else decides (a character the
    room could play, roles.py) only their usual choice is followed, and it is no moment of
    the room's. Worked backwards over the state graph, once per state."""
    # node -> (sum of the moments' mean positions, moments counted) of its chosen continuation
    value: dict[Node, tuple[float, int]] = {}
    pick: dict[Node, Edge] = {}
    for node in order:
        if node[0] == "E":
            value[node] = (0.0, 0)
            continue
        edges = [e for e in out[node] if count.get(e.to) and e.to in value]
        auto = _automatic(script, node, edges)
        if auto is not None:
            edges = [e for e in edges if e.option == auto]
        if not edges:
            continue
        if edges[0].point and auto is None:
            alts = _alternatives(out[node])
            standings = [standing(alts, alts[out[node].index(e)]) for e in edges]
            top = max(standings)
            edges = [e for e, v in zip(edges, standings, strict=True) if v >= top - TIE]
        best: tuple[float, Edge, tuple[float, int]] | None = None
        for edge in edges:
            total, moments = value[edge.to]
            if edge.point and auto is None:
                alts = _alternatives(out[node])
                mean = judge(alts, edge.point, edge.option).mean
                if mean is not None:
                    total, moments = total + mean, moments + 1
            average = total / moments if moments else 0.0
            if best is None or average > best[0] + TIE:
                best = (average, edge, (total, moments))
        assert best is not None
        value[node], pick[node] = best[2], best[1]
    choices: list[tuple[str, int]] = []
    judged: list[Judged] = []
    node = root
    while node in pick:
        edge = pick[node]
        if edge.point and _automatic(script, node, out[node]) is None:
            choices.append((edge.point, edge.option))
            judged.append(judge(_alternatives(out[node]), edge.point, edge.option))
        node = edge.to
    return choices, judged, node[1] if node[0] == "E" else None


def _automatic(script: Script, node: Node, edges: list[Edge]) -> int | None:
    """At a point state, the option taken for the room in a manager run (None: the room's)."""
    if not edges or not edges[0].point:
        return None
    return automatic(script, MANAGER_SEAT, edges[0].point, node[3])


def one_branch_criteria(script: Script, start: str | None = None) -> dict[str, tuple[str, int]]:
    """Criteria that only one branch can earn: criterion -> (point, option) such that no
    run earns a positive score on it without taking that option.

    A criterion like that is decided by a single choice; the rest of the scenario cannot
    practise it. Found by walking the state graph once per option, without its edges.
    """
    with paused_gc():
        graph = _Graph(script, timed=False)
        root, _ = graph.entry(start or script.start, frozenset())
        _, out, _ = _walk(graph, root)
    earning = {
        c: {(e.point, e.option) for edges in out.values() for e in edges if e.scores.get(c, 0) > 0}
        for c in script.criteria
    }
    # Options the room really chose between (a lone open option is no branch).
    choices = sorted(
        {(e.point, e.option) for es in out.values() if len(es) > 1 for e in es if e.option >= 0}
    )
    if len(choices) > MAX_BRANCH_WALKS:
        return {}
    found: dict[str, tuple[str, int]] = {}
    for choice in choices:
        reached = _earned_without(out, root, choice)
        for c, pairs in earning.items():
            if pairs and c not in found and not (pairs - {choice}) & reached:
                found[c] = choice
    return found


#: `one_branch_criteria` walks the graph once per option; past this many it gives up.
MAX_BRANCH_WALKS = 400


def _earned_without(
    out: dict[Node, list[Edge]], root: Node, skip: tuple[str, int]
) -> set[tuple[str, int]]:
    """The (point, option) edges a run can take from `root` without ever taking `skip`."""
    seen = {root}
    stack = [root]
    taken: set[tuple[str, int]] = set()
    while stack:
        for edge in out.get(stack.pop(), ()):
            if (edge.point, edge.option) == skip:
                continue
            taken.add((edge.point, edge.option))
            if edge.to not in seen:
                seen.add(edge.to)
                stack.append(edge.to)
    return taken
