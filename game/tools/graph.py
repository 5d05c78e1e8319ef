"""`python3 main.py graph SCRIPT --format mermaid|dot [-o FILE]`: the branches as a picture.

Beats are boxes, intervention points hexagons, decisions diamonds and endings rounded
stadiums, so the shape says what a node is even when printed in black and white; edges
carry the option's words; the anti-model path is drawn thick (and red where colour shows).
Mermaid renders in Markdown on code hosts with nothing installed; DOT feeds Graphviz.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from game.story.analysis import explore
from game.story.model import Option, Script
from game.tools.analyse import load_or_explain

LABEL_MAX = 42


@dataclass(frozen=True)
class Node:
    key: str
    kind: str  # beat | point | decision | ending
    label: str


@dataclass(frozen=True)
class Link:
    src: str
    dst: str
    label: str
    anti: bool
    dashed: bool = False


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= LABEL_MAX else text[: LABEL_MAX - 1] + "…"


def _option_label(option: Option) -> str:
    """The option's words, with its condition first when it has one."""
    if option.cond.terms:
        return f"if {option.cond.describe()}: {_short(option.says)}"
    return _short(option.says)


def _key(kind: str, ident: str) -> str:
    return f"{kind[0]}_{ident}"


def _target_key(script: Script, target: str) -> str:
    return _key("ending" if target in script.endings else "beat", target)


def build(script: Script) -> tuple[list[Node], list[Link]]:
    """The graph's nodes and links, independent of the output format."""
    facts = explore(script)
    path = facts.anti_model_path
    steps = set(zip(path, [*path[1:], facts.anti_model_ending or ""], strict=True))
    on_path = set(path)
    nodes: list[Node] = []
    links: list[Link] = []
    for beat in script.beats.values():
        first = beat.lines[0].says if beat.lines else ""
        nodes.append(Node(_key("beat", beat.id), "beat", f"{beat.id}: {_short(first)}"))
        for index, line in enumerate(beat.lines):
            point = script.interventions.get(line.intervention)
            if point is None:
                continue
            pkey = _key("point", f"{beat.id}_{index}")
            nodes.append(Node(pkey, "point", f"{point.id}: {_short(point.prompt)}"))
            links.append(Link(_key("beat", beat.id), pkey, f"line {index + 1}", False, True))
            for option in point.options:
                dst = _target_key(script, option.goto)
                links.append(Link(pkey, dst, _option_label(option), False))
        if beat.decision is not None:
            dkey = _key("decision", beat.id)
            nodes.append(Node(dkey, "decision", _short(beat.decision.prompt)))
            links.append(Link(_key("beat", beat.id), dkey, "", beat.id in on_path))
            for option in beat.decision.options:
                anti = option.anti_model and (beat.id, option.goto) in steps
                dst = _target_key(script, option.goto)
                links.append(Link(dkey, dst, _option_label(option), anti))
        for branch in beat.next:
            label = f"if {branch.cond.describe()}" if branch.cond.terms else ""
            anti = (beat.id, branch.goto) in steps
            links.append(Link(_key("beat", beat.id), _target_key(script, branch.goto), label, anti))
    for ending in script.endings.values():
        nodes.append(Node(_key("ending", ending.id), "ending", f"{ending.title} ({ending.tone})"))
    return nodes, links


MERMAID_SHAPES = {
    "beat": '["{}"]',
    "point": '{{{{"{}"}}}}',
    "decision": '{{"{}"}}',
    "ending": '(["{}"])',
}


def _mermaid_text(text: str) -> str:
    return text.replace('"', "#quot;")


def to_mermaid(script: Script) -> str:
    nodes, links = build(script)
    out = [f"%% {script.title}: thick links are the anti-model path", "flowchart TD"]
    for node in nodes:
        out.append(f"  {node.key}" + MERMAID_SHAPES[node.kind].format(_mermaid_text(node.label)))
    anti = []
    for index, link in enumerate(links):
        arrow = "-.->" if link.dashed else ("==>" if link.anti else "-->")
        label = f'|"{_mermaid_text(link.label)}"|' if link.label else ""
        out.append(f"  {link.src} {arrow}{label} {link.dst}")
        if link.anti:
            anti.append(str(index))
    if anti:
        out.append(f"  linkStyle {','.join(anti)} stroke:#d55e00,stroke-width:4px")
    out.append("  classDef ending stroke-width:3px")
    endings = ",".join(n.key for n in nodes if n.kind == "ending")
    if endings:
        out.append(f"  class {endings} ending")
    return "\n".join(out) + "\n"


DOT_SHAPES = {
    "beat": "box, style=rounded",
    "point": "hexagon",
    "decision": "diamond",
    "ending": 'box, style="rounded,bold", peripheries=2',
}


def _dot_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def to_dot(script: Script) -> str:
    nodes, links = build(script)
    out = [f'digraph "{_dot_text(script.id)}" {{', "  rankdir=TB;", '  node [fontname="sans"];']
    out.append(f'  label="{_dot_text(script.title)} (bold red: the anti-model path)";')
    for node in nodes:
        shape, label = DOT_SHAPES[node.kind], _dot_text(node.label)
        out.append(f'  {node.key} [shape={shape}, label="{label}"];')
    for link in links:
        attrs = [f'label="{_dot_text(link.label)}"'] if link.label else []
        if link.anti:
            attrs += ['color="#d55e00"', "penwidth=3"]
        if link.dashed:
            attrs.append("style=dashed")
        out.append(f"  {link.src} -> {link.dst} [{', '.join(attrs)}];")
    out.append("}")
    return "\n".join(out) + "\n"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="main.py graph", description=__doc__)
    parser.add_argument("script", help="a scenario script (.yaml)")
    parser.add_argument("--format", choices=("mermaid", "dot"), default="mermaid")
    parser.add_argument("-o", "--output", help="write to this file instead of the screen")
    args = parser.parse_args(argv)
    script = load_or_explain(args.script)
    if script is None:
        return 1
    text = to_mermaid(script) if args.format == "mermaid" else to_dot(script)
    if args.output and args.format == "mermaid" and args.output.endswith(".md"):
        text = f"# {script.title}\n\n```mermaid\n{text}```\n"  # code hosts draw it
    if args.output:
        try:  # a missing folder or a folder named as the file: said, not a traceback
            Path(args.output).write_text(text, encoding="utf-8")
        except OSError as exc:
            print(f"graph: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
            return 1
        print(f"wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0
