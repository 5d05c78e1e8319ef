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
    """The facts `analyse` reports, and the bounds the debrief scores against."""

    paths: int  # distinct complete paths, at most PATHS_CAP ("at least" when equal)
    intervention_points: int
    decision_points: int
    criteria: dict[str, tuple[int, int]]  # criterion -> (worst, best) over complete paths
    shortest_seconds: float
    longest_seconds: float
    best_path: list[tuple[str, int]]  # (point, option) choices of the best all-round path
    best_path_totals: dict[str, int]
    best_path_ending: str | None

    def fraction(self, criterion: str, value: int) -> float:
        worst, best = self.criteria.get(criterion, (0, 0))
        return 1.0 if best == worst else (value - worst) / (best - worst)


def _stops(beat: Beat, shown: list[int]) -> list[int]:
    return [i for i in shown if beat.lines[i].intervention]


def _tested_flags(script: Script) -> frozenset[str]:
    """Every flag named in a condition anywhere in the script."""
    return frozenset(flag for cond in flow.conditions(script) for flag in cond.flags())


class _Graph:
    """Builds the outgoing edges of a state on demand."""

    def __init__(self, script: Script, timed: bool = True) -> None:
        self.script = script
        self.timed = timed  # the validator's walk needs no playing times
        self._lines: dict[tuple[str, frozenset[str]], tuple[list[int], list[int]]] = {}
        self._line_seconds: dict[str, list[float]] = {}
        self.tested = _tested_flags(script)

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
        flags = self.keep(beat.apply(flags))
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
            index = flow.anti_model_choice(beat.decision, flags)
            if index is None:
                return None, beats
            option = beat.decision.options[index]
            flags, target = option.apply(flags), option.goto
        else:
            target = flow.next_target(beat, flags) or ""
    return (target if target in script.endings else None), beats


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
    crit = list(script.criteria)
    neg = float("-inf")
    count: dict[Node, int] = {}
    best: dict[Node, list[float]] = {}
    worst: dict[Node, list[float]] = {}
    short: dict[Node, float] = {}
    long: dict[Node, float] = {}
    for node in order:
        if node[0] == "E":
            count[node], short[node], long[node] = 1, 0.0, 0.0
            best[node], worst[node] = [0.0] * len(crit), [0.0] * len(crit)
            continue
        n, b, w = 0, [neg] * len(crit), [-neg] * len(crit)
        s, lg = float("inf"), neg
        for edge in out[node]:
            if not count.get(edge.to):
                continue
            n += count[edge.to]
            eb, ew = best[edge.to], worst[edge.to]
            for k, c in enumerate(crit):
                v = edge.scores.get(c, 0)
                b[k] = max(b[k], v + eb[k])
                w[k] = min(w[k], v + ew[k])
            s = min(s, edge.seconds + short[edge.to])
            lg = max(lg, edge.seconds + long[edge.to])
        count[node] = min(n, PATHS_CAP)
        if n:
            best[node], worst[node], short[node], long[node] = b, w, s, lg
    complete = bool(count.get(root))
    bounds = {
        c: (int(worst[root][k]), int(best[root][k])) if complete else (0, 0)
        for k, c in enumerate(crit)
    }
    choices, totals, end = _best_path(root, order, out, count, bounds, crit)
    points = {e.point for edges in out.values() for e in edges if e.point}
    return Analysis(
        **vars(_exploration(script, start, out, cycle)),
        paths=count.get(root, 0),
        intervention_points=sum(1 for p in points if p in script.interventions),
        decision_points=sum(1 for p in points if p not in script.interventions),
        criteria=bounds,
        shortest_seconds=(root_secs + short[root]) if complete else 0.0,
        longest_seconds=(root_secs + long[root]) if complete else 0.0,
        best_path=choices,
        best_path_totals=totals,
        best_path_ending=end,
    )


def _best_path(
    root: Node,
    order: list[Node],
    out: dict[Node, list[Edge]],
    count: dict[Node, int],
    bounds: dict[str, tuple[int, int]],
    crit: list[str],
) -> tuple[list[tuple[str, int]], dict[str, int], str | None]:
    """The path with the highest total of per-criterion fractions: the all-round best run."""
    weight = {c: 1.0 / (b - w) if b > w else 0.0 for c, (w, b) in bounds.items()}
    value: dict[Node, float] = {}
    pick: dict[Node, Edge] = {}
    for node in order:
        if node[0] == "E":
            value[node] = 0.0
            continue
        for edge in out[node]:
            if not count.get(edge.to) or edge.to not in value:  # a loop's back edge
                continue
            v = sum(weight[c] * edge.scores.get(c, 0) for c in crit) + value[edge.to]
            if node not in value or v > value[node]:
                value[node], pick[node] = v, edge
    choices: list[tuple[str, int]] = []
    totals = dict.fromkeys(crit, 0)
    node = root
    while node in pick:
        edge = pick[node]
        if edge.point and edge.option >= 0:
            choices.append((edge.point, edge.option))
        for c, v in edge.scores.items():
            totals[c] = totals.get(c, 0) + v
        node = edge.to
    return choices, totals, node[1] if node[0] == "E" else None
