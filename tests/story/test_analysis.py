"""Analysis against small graphs whose answers were worked out by hand (see comments)."""

from __future__ import annotations

import pytest

from game.story.analysis import analyse
from game.story.model import Branch

from .factory import beat, cond, decision, forum_script, line, option, script


def test_forum_script_bounds_paths_and_times_match_the_hand_count() -> None:
    # Paths: pass->suspend, ask->suspend, ask->support, call HR->suspend = 4.
    # compassion: -1-2=-3 | 2-2=0 | 2+3=5 | -2  -> worst -3, best 5
    # safety:      2      | 2     | 1     | 1+2 -> worst 1, best 3
    facts = analyse(forum_script())
    assert facts.paths == 4
    # search: pass / ask / call HR differ on both; respond: suspend / support differ on both
    assert facts.criteria == {"compassion": ("search", "respond"), "safety": ("search", "respond")}
    assert facts.endings == {"bad": True, "good": True}
    assert facts.intervention_points == 1 and facts.decision_points == 1
    # Each choice is acted out: its words are a line (2 s + 0.4 s a word).
    # shortest: 2.4 + 4.0 + 3.6 + 4.8 + 60 (decision) + 2.8 ("Suspend him") = 77.6 s
    # longest: 6.4 + 60 (redirect) + 3.2 ("Are you OK?") + 4.0 + 4.8 + 60
    #          + 2.8 ("Agree support") = 141.2 s
    assert facts.shortest_seconds == pytest.approx(77.6)
    assert facts.longest_seconds == pytest.approx(141.2)
    assert facts.anti_model_ending == "bad"
    assert facts.anti_model_path == ["arrival", "confront"]
    assert facts.cycle is None and facts.dead_ends == []


def test_best_all_round_path_takes_the_strongest_alternative_at_every_moment() -> None:
    # search: pass (compassion -1), ask (compassion 2), call HR (safety 1). Standings:
    #   pass 0, ask (1 + 0) / 2 = 0.5, call HR (1/3 + 1) / 2 = 2/3 -> call HR.
    # respond after calling HR (asked_ok not set): only suspend is open, so it judges
    # nothing. Compassion: calling HR sat 1/3 of the way from passing (-1) to asking (2).
    facts = analyse(forum_script())
    assert facts.best_path == [("search", 1), ("respond", 0)]
    assert facts.best_path_scores == pytest.approx({"compassion": 1 / 3, "safety": 1.0})
    assert facts.best_path_ending == "bad" and facts.best_path_passes == []


def test_the_best_path_does_not_take_a_weaker_option_to_earn_a_rescue() -> None:
    from .test_runtime import rescue_script

    facts = analyse(rescue_script())
    # Listening at once is the strongest choice at `first`; brushing Sam off and being
    # rescued would add a perfect moment but start with the worst one.
    assert facts.best_path == [("first", 0)]
    assert facts.best_path_scores == {"compassion": 1.0}


def test_the_best_path_names_the_points_it_lets_pass() -> None:
    from game.story.model import Intervention, Missed

    point = Intervention(
        "aside",
        "Instead?",
        (option("good", "Shout.", scores={"compassion": -2}),),
        missed=Missed({"compassion": 1}),  # here letting it pass is the stronger choice
    )
    s = script(
        [beat("start", line("manager", "Let's talk later.", intervention="aside"), nxt="good")],
        {"aside": point},
    )
    facts = analyse(s)
    assert facts.best_path == [("aside", -1)] and facts.best_path_passes == ["aside"]


def test_a_criterion_only_one_branch_can_earn_is_found() -> None:
    from game.story.analysis import one_branch_criteria

    # Only asking at the search opens support: compassion is earned on that branch alone
    # (asking +2, support +3); safety is earned by suspending or calling HR too.
    assert one_branch_criteria(forum_script()) == {"compassion": ("search", 0)}


def test_conditions_make_an_ending_unreachable_when_no_option_sets_the_flag() -> None:
    s = script(
        [
            beat(
                "start",
                line("tom", "Hello."),
                decision=decision(
                    "d",
                    option("bad", "formal"),
                    option("good", "kind", cond=cond("never_set")),
                ),
            )
        ]
    )
    facts = analyse(s)
    assert facts.endings == {"bad": True, "good": False}
    assert facts.paths == 1


def test_conditional_next_follows_the_flag() -> None:
    s = script(
        [
            beat(
                "start",
                line("tom", "Hello."),
                decision=decision(
                    "d", option("mid", "ask", sets=("asked",)), option("mid", "tell")
                ),
            ),
            beat(
                "mid",
                line("tom", "Thanks.", cond=cond("asked")),
                line("tom", "Fine.", cond=cond("not asked")),
                nxt=(Branch("good", cond("asked")), Branch("bad")),
            ),
        ]
    )
    facts = analyse(s)
    assert facts.paths == 2 and facts.endings == {"bad": True, "good": True}
    assert facts.states == 5  # start, mid+asked, mid, and the two endings


def test_a_loop_is_found_and_does_not_hang() -> None:
    s = script(
        [
            beat("a", line("tom", "One."), nxt="b"),
            beat("b", line("tom", "Two."), nxt="a"),
        ]
    )
    facts = analyse(s)
    assert facts.cycle == ["a", "b", "a"]
    assert facts.paths == 0


def test_a_beat_with_no_way_on_is_a_dead_end() -> None:
    s = script([beat("a", line("tom", "One."), nxt="b"), beat("b", line("tom", "Stuck."))])
    facts = analyse(s)
    assert facts.dead_ends == ["b"]
    assert facts.endings == {"bad": False, "good": False}


def test_generated_script_with_millions_of_paths_has_linear_states(tmp_path) -> None:
    from game.story.loader import load_script
    from game.tools.generate import generate_yaml

    units = 20
    path = tmp_path / "big.yaml"
    path.write_text(generate_yaml(units), encoding="utf-8")
    facts = analyse(load_script(path))
    # P(last) = 3 and P(i) = 2 P(i+1) + 1, so P(0) = 2**(units+1) - 1.
    assert facts.paths == 2 ** (units + 1) - 1 > 1_000_000
    assert facts.states <= 4 * units + 2  # a handful of states per unit, never per path
    assert facts.anti_model_ending == "formal"
    assert len(facts.criteria["compassion"]) >= units  # a decision per unit tests it


def test_explore_answers_the_validators_questions_like_analyse() -> None:
    from game.story.analysis import explore

    for s in (forum_script(), script([beat("a", line("tom", "One."), nxt="b"), beat("b")])):
        walked, full = explore(s), analyse(s)
        assert walked.reachable == full.reachable and walked.endings == full.endings
        assert walked.anti_model_ending == full.anti_model_ending
        assert walked.dead_ends == full.dead_ends and walked.cycle == full.cycle
