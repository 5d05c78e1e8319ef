"""`python3 main.py graph SCRIPT --format mermaid|dot [-o FILE]`: the branches as a picture.

Beats are boxes, intervention points hexagons, decisions diamonds (labelled with their id
and prompt), and each ending tone has its own shape (traditional: a double-sided box, mixed:
a slanted box, just: a rounded stadium), so the shape says what a node is even when printed
in black and white. Edges carry the option's words, wrapped rather than cut; the edge from an
intervention point that nobody buzzed says so; the anti-model path is drawn thick (and red
where colour shows). Mermaid renders in Markdown on code hosts with nothing installed; DOT
feeds Graphviz.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

from game.story.analysis import explore
from game.story.model import Beat, Option, Script
from game.tools.analyse import load_or_explain

#: Characters per line of a wrapped label; labels are wrapped, never cut.
WRAP = 32
NOBODY_BUZZED = "nobody buzzed: the scene plays on"


@dataclass(frozen=True)
class Node:
    key: str
    kind: str  # beat | point | decision | traditional | mixed | just (an ending's tone)
    label: tuple[str, ...]  # its lines


@dataclass(frozen=True)
class Link:
    src: str
    dst: str
    label: tuple[str, ...]
    anti: bool
    dashed: bool = False


def wrap(text: str) -> tuple[str, ...]:
    """The text in lines of about WRAP characters: every word kept."""
    return tuple(textwrap.wrap(" ".join(text.split()), WRAP, break_long_words=False)) or ("",)


def _option_label(option: Option) -> tuple[str, ...]:
    """The option's words, with its condition first when it has one."""
    if not option.cond.is_always:
        return wrap(f"if {option.cond.describe()}: {option.says}")
    return wrap(option.says)


def _key(kind: str, ident: str) -> str:
    return f"{kind[0]}_{ident}"


def _target_key(script: Script, target: str) -> str:
    return _key("ending" if target in script.endings else "beat", target)


def _plays_on(script: Script, beat: Beat, pkey: str, anti: bool) -> list[Link]:
    """Where the scene goes when nobody buzzes at an intervention point: on to the beat's
    decision, or along its way on."""
    if beat.decision is not None:
        return [Link(pkey, _key("decision", beat.id), wrap(NOBODY_BUZZED), anti, True)]
    links = []
    for branch in beat.next:
        when = "" if branch.cond.is_always else f", if {branch.cond.describe()}"
        target = _target_key(script, branch.goto)
        links.append(Link(pkey, target, wrap(NOBODY_BUZZED + when), anti, True))
    return links


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
        nodes.append(Node(_key("beat", beat.id), "beat", wrap(f"{beat.id}: {first}")))
        for index, line in enumerate(beat.lines):
            point = script.interventions.get(line.intervention)
            if point is None:
                continue
            pkey = _key("point", f"{beat.id}_{index}")
            nodes.append(Node(pkey, "point", wrap(f"{point.id}: {point.prompt}")))
            links.append(Link(_key("beat", beat.id), pkey, (f"line {index + 1}",), False, True))
            for option in point.options:
                dst = _target_key(script, option.goto)
                links.append(Link(pkey, dst, _option_label(option), False))
            links += _plays_on(script, beat, pkey, beat.id in on_path)
        if beat.decision is not None:
            dkey = _key("decision", beat.id)
            label = wrap(f"{beat.decision.id}: {beat.decision.prompt}")
            nodes.append(Node(dkey, "decision", label))
            links.append(Link(_key("beat", beat.id), dkey, (), beat.id in on_path))
            for option in beat.decision.options:
                anti = option.anti_model and (beat.id, option.goto) in steps
                dst = _target_key(script, option.goto)
                links.append(Link(dkey, dst, _option_label(option), anti))
        for branch in beat.next:
            label = wrap(f"if {branch.cond.describe()}") if not branch.cond.is_always else ()
            anti = (beat.id, branch.goto) in steps
            links.append(Link(_key("beat", beat.id), _target_key(script, branch.goto), label, anti))
    for ending in script.endings.values():
        label = wrap(f"{ending.title} ({ending.tone})")
        nodes.append(Node(_key("ending", ending.id), ending.tone, label))
    return nodes, links


MERMAID_SHAPES = {
    "beat": '["{}"]',
    "point": '{{{{"{}"}}}}',
    "decision": '{{"{}"}}',
    "traditional": '[["{}"]]',
    "mixed": '[/"{}"/]',
    "just": '(["{}"])',
}
#: Fills for the ending tones where colour shows (Okabe-Ito: safe for colour-blind eyes);
#: the shapes already tell them apart without it.
MERMAID_CLASSES = {
    "traditional": "fill:#f6d3c2,stroke:#d55e00,stroke-width:3px",
    "mixed": "fill:#fbeab8,stroke:#e69f00,stroke-width:3px",
    "just": "fill:#c8e3f5,stroke:#0072b2,stroke-width:3px",
}


def _mermaid_text(lines: tuple[str, ...]) -> str:
    return "<br>".join(line.replace('"', "#quot;") for line in lines)


def to_mermaid(script: Script) -> str:
    nodes, links = build(script)
    out = [
        f"%% {script.title}: thick links are the anti-model path; dotted links from an"
        " intervention point are where nobody buzzed",
        "flowchart TD",
    ]
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
    for tone, style in MERMAID_CLASSES.items():
        members = ",".join(n.key for n in nodes if n.kind == tone)
        if members:
            out.append(f"  classDef {tone} {style}")
            out.append(f"  class {members} {tone}")
    return "\n".join(out) + "\n"


DOT_SHAPES = {
    "beat": "box",
    "point": "hexagon",
    "decision": "diamond",
    "traditional": "box, peripheries=2, style=bold",
    "mixed": "parallelogram, style=bold",
    "just": 'box, style="rounded,bold"',
}


def _dot_text(lines: tuple[str, ...]) -> str:
    return "\\n".join(line.replace("\\", "\\\\").replace('"', '\\"') for line in lines)


def to_dot(script: Script) -> str:
    nodes, links = build(script)
    out = [f'digraph "{_dot_text((script.id,))}" {{', "  rankdir=TB;", '  node [fontname="sans"];']
    title = f"{script.title} (bold red: the anti-model path; dashed from a hexagon: nobody buzzed)"
    out.append(f'  label="{_dot_text((title,))}";')
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
