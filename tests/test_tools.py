"""The analyse and graph commands, run as an author would run them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from game.tools import analyse, graph

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = str(ROOT / "scripts" / "example.yaml")


def test_analyse_json_reports_endings_paths_bounds_and_the_anti_model(capsys) -> None:
    assert analyse.main([EXAMPLE, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["endings"] == {"formal_warning": True, "supported": True}
    assert data["paths"] == 10
    assert data["anti_model_ending"] == data["anti_model_expected"] == "formal_warning"
    assert data["criteria"]["compassion"] == {
        "tested_at": ["public_telling_off", "office_talk", "hr_view"],
        "worst": 0.0,
        "best": 1.0,
        "best_path": 1.0,
    }
    assert (
        data["criteria"]["safety"]["tested_at"] == [] and data["criteria"]["safety"]["best"] is None
    )
    assert data["best_path_ending"] == "supported"
    # options count from 1, as on the cards and in the text
    assert data["best_path"] == [
        {"point": "public_telling_off", "option": 1},
        {"point": "office_talk", "option": 2},
    ]
    assert data["best_path_passes"] == [] and data["warnings"] == []
    assert data["intervention_points"] == 1 and data["decision_points"] == 2
    assert 0 < data["shortest_seconds"] < data["longest_seconds"]


def test_analyse_text_numbers_options_as_the_cards_do(capsys) -> None:
    assert analyse.main([EXAMPLE]) == 0
    out = capsys.readouterr().out
    assert "best all-round path: public_telling_off option 1, office_talk option 2" in out
    assert "intervention points it lets pass: none" in out
    assert "<- the anti-model path ends here" in out


def test_analyse_from_an_unknown_beat_says_so(capsys) -> None:
    assert analyse.main([EXAMPLE, "--from", "nowhere"]) == 1
    assert "no beat called 'nowhere'" in capsys.readouterr().err


def test_mermaid_uses_a_shape_per_kind_and_marks_the_anti_model_path() -> None:
    from game.story.loader import load_script

    text = graph.to_mermaid(load_script(EXAMPLE))
    assert text.splitlines()[1] == "flowchart TD"
    assert 'b_arrival["arrival:' in text  # beat: box
    assert "p_arrival_1{{" in text  # intervention: hexagon
    # decision: a diamond with its id and prompt, the label wrapped (never cut)
    assert 'd_office_talk{"office_talk: What does Alex do<br>now?"}' in text
    assert 'd_hr_advice{"hr_view: What does Sam advise?"}' in text  # the decision's own id
    # each ending tone its own shape: just a stadium, traditional a double-sided box
    assert 'e_supported(["Supported and on time (just)"])' in text
    assert 'e_formal_warning[["A formal warning (traditional)"]]' in text
    assert "d_office_talk ==>" in text and "linkStyle" in text  # anti-model drawn thick
    assert '"if talked_privately: Agree a<br>later start' in text  # conditional option labelled
    # the way on when nobody buzzes at the telling-off is drawn and says so
    assert 'p_arrival_1 -.->|"nobody buzzed: the scene plays<br>on"| b_office_talk' in text
    assert "review it together." in text  # long option words wrapped, every word kept


def test_dot_output_is_a_digraph_with_the_anti_model_in_bold_red() -> None:
    from game.story.loader import load_script

    text = graph.to_dot(load_script(EXAMPLE))
    assert text.startswith('digraph "example" {') and text.rstrip().endswith("}")
    assert "shape=diamond" in text and "shape=hexagon" in text and "peripheries=2" in text
    assert 'e_supported [shape=box, style="rounded,bold"' in text  # just: rounded
    assert 'label="office_talk: What does Alex do\\nnow?"' in text  # wrapped, not cut
    assert 'd_office_talk -> e_formal_warning [label="Issue a first written' in text
    assert 'color="#d55e00", penwidth=3' in text


def test_graph_to_markdown_is_fenced_so_code_hosts_draw_it(tmp_path) -> None:
    out = tmp_path / "example.md"
    assert graph.main([EXAMPLE, "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Example: Jo is late again\n\n```mermaid\n")
    assert text.rstrip().endswith("```")


@pytest.mark.parametrize("command", ["analyse", "graph"])
def test_tools_on_a_broken_script_print_errors_not_a_traceback(tmp_path, command) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: broken\ntitle: [unclosed\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), command, str(broken)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"FREEZE_FRAME_NO_VENV": "1", "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 1
    assert f"{broken}:" in done.stderr and "error" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout


def test_analyse_warns_when_one_branch_alone_earns_a_criterion(tmp_path, capsys) -> None:
    text = Path(EXAMPLE).read_text(encoding="utf-8")
    # Without Sam's compassion, only "are you OK?" (and what it unlocks) earns compassion.
    text = text.replace("ownership: 1, compassion: 1, conversation: 1}", "ownership: 1}")
    path = tmp_path / "one_branch.yaml"
    path.write_text(text, encoding="utf-8")
    assert analyse.main([str(path)]) == 0
    out = capsys.readouterr().out
    assert (
        "warning: criterion 'compassion' can be earned only on one branch: "
        "public_telling_off option 1 [FF417]"
    ) in out
    assert analyse.main([str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [w["code"] for w in data["warnings"]] == ["FF417", "FF417"]  # and conversation


def test_every_ending_tone_has_its_own_shape() -> None:
    from game.story.loader import load_script

    shapes = {}
    for name in ("tom", "karen", "sickness", "performance"):
        script = load_script(str(ROOT / "scripts" / f"{name}.yaml"))
        nodes, _ = graph.build(script)
        for node in nodes:
            if node.kind in graph.MERMAID_CLASSES:
                text = graph.MERMAID_SHAPES[node.kind].format("x")
                shapes.setdefault(node.kind, set()).add(text)
    assert set(shapes) == {"traditional", "mixed", "just"}
    assert len({text for found in shapes.values() for text in found}) == 3
