"""The room's own words: said on stage as the manager's line, the mapped option followed,
kept on the record (replayed exactly), and the closest option suggested by comparing words."""

from __future__ import annotations

from game.records.choices import safe_cell
from game.records.report import timeline
from game.story.events import OwnWords, Redirected
from game.story.runtime import MAX_OWN_WORDS, Phase, Runtime, own_words
from game.story.similar import closest, likeness

from .factory import forum_script

SAID = "Tom, are you alright?  Shall we talk\nsomewhere private?"


def frozen_at_search() -> Runtime:
    rt = Runtime(forum_script())
    rt.advance()
    rt.buzz()
    return rt


def test_own_words_are_said_on_stage_and_the_mapped_branch_follows() -> None:
    rt = frozen_at_search()
    result = rt.redirect(0, SAID)
    view = rt.view()
    assert view.acting and view.speaker is not None and view.speaker.id == "manager"
    assert view.line is not None and view.line.says == own_words(SAID)
    assert result.scores == {"compassion": 2} and "asked_ok" in view.flags
    rt.advance()  # then the story goes down option 0's branch
    assert view.line.says != rt.view().line.says
    assert rt.view().line is not None and rt.view().line.says == "Not really. It's my mum."


def test_own_words_are_recorded_before_the_option_and_replay_exactly() -> None:
    rt = frozen_at_search()
    rt.redirect(1, '=HYPERLINK("x") call HR now')
    kinds = [type(e.data) for e in rt.events[-3:]]
    assert kinds[:2] == [OwnWords, Redirected]
    words = next(e.data for e in rt.events if isinstance(e.data, OwnWords))
    assert words == OwnWords("search", 1, '=HYPERLINK("x") call HR now')
    again = Runtime.replay(forum_script(), rt.events)
    assert again.events == rt.events and again.view() == rt.view()


def test_own_words_at_a_decision() -> None:
    rt = Runtime(forum_script())
    while rt.phase is Phase.PLAYING:
        rt.advance()
    rt.choose(0, "I'm going to have to send you home, Tom.")
    assert rt.view().line is not None
    assert rt.view().line.says == "I'm going to have to send you home, Tom."
    assert any(isinstance(e.data, OwnWords) and e.data.point == "respond" for e in rt.events)


def test_own_words_are_tidied_and_cut_to_the_limit() -> None:
    assert own_words("  a\n\n b  ") == "a b"
    assert len(own_words("word " * 200)) <= MAX_OWN_WORDS
    rt = frozen_at_search()
    rt.redirect(0, "   ")  # nothing said: the option's own words, no own-words event
    assert not any(isinstance(e.data, OwnWords) for e in rt.events)
    assert rt.view().line is not None and rt.view().line.says == "Are you OK?"


def test_the_timeline_shows_the_rooms_words_and_the_option_they_map_to() -> None:
    rt = frozen_at_search()
    rt.redirect(0, SAID)
    entries = timeline(rt.events, rt.script)
    redirect = next(e for e in entries if e.label == "Redirect")
    assert own_words(SAID) in redirect.text and "Are you OK?" in redirect.text
    assert safe_cell("=1+1") == "'=1+1"


def test_the_closest_option_is_the_one_sharing_most_words() -> None:
    options = [
        "Let's search your bag and your locker now.",
        "Tom, can we have a quiet word somewhere private? Are you OK?",
        "I'm calling HR and suspending you.",
    ]
    assert closest("Are you okay? Can we talk somewhere private, quietly?", options) == 1
    assert closest("we need to call hr", options) == 2
    assert closest("open your bag", options) == 0
    assert closest("Are you OK?", options, allowed=[True, False, True]) != 1
    assert closest("anything", options, allowed=[False, False, False]) == -1
    assert likeness("Ça va, Tom ?", "ça va tom") > likeness("Ça va, Tom ?", "HR now")
