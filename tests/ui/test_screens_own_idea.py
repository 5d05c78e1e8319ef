"""The room's own idea at a redirect and at a decision, driven by real events: the extra
card, typed text (TEXTINPUT, with accents), an input method's composing text, Ctrl+V from
the clipboard, Backspace, the length limit, Esc to cancel, the suggested closest option,
the words said on stage and kept in the record."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.story.events import OwnWords
from game.story.runtime import MAX_OWN_WORDS
from game.story.views import Phase
from game.ui.keymap import Act
from tests.ui.pilot import Pilot, Player, start_scenario

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def on_stage(room: str = "facilitator", size: tuple[int, int] = (1024, 576)) -> Pilot:
    pilot = Pilot(size)
    start_scenario(Player(pilot, "keyboard"), "example", room, anti_model=False)
    return pilot


def to_own_words_at_redirect(pilot: Pilot) -> None:
    pilot.do(Act.CONFIRM)  # the telling-off: an intervention point
    pilot.do(Act.BUZZ)
    pilot.do(Act.CHOOSE_1)
    assert pilot.name == "redirect"
    own = pilot.top.menu.items[-1]
    assert own.key == "own" and len(pilot.top.menu.items) == 3
    pilot.key(pygame.K_3)
    assert pilot.name == "own_words"


def test_own_words_at_a_redirect_go_on_stage_and_into_the_record() -> None:
    pilot = on_stage()
    to_own_words_at_redirect(pilot)
    pilot.type_text("Jo, ça va? quick word later?")  # "q" types, it does not quit
    assert pilot.app.running and pilot.top.text == "Jo, ça va? quick word later?"
    pilot.post(pygame.TEXTEDITING, text="ü", start=0, length=1)  # an input method composing
    pilot.step()
    assert pilot.top.composing == "ü"
    pilot.do(Act.BACK)  # Backspace deletes the last character
    assert pilot.top.text.endswith("later")
    pilot.type_text("?")
    pilot.do(Act.CONFIRM)
    assert pilot.name == "closest"
    assert pilot.top.menu.focus == 0  # "Morning, Jo. Are you OK? Can we have a quiet word…"
    pilot.key(pygame.K_2)  # the facilitator changes the suggestion
    view = pilot.stage.view
    assert view.acting and view.speaker.id == "manager"
    assert view.line.says == "Jo, ça va? quick word later?"
    words = [e.data for e in pilot.stage.rt.events if isinstance(e.data, OwnWords)]
    assert words == [OwnWords("public_telling_off", 1, "Jo, ça va? quick word later?")]


def test_paste_the_limit_and_esc() -> None:
    pilot = on_stage()
    to_own_words_at_redirect(pilot)
    pygame.scrap.put_text("Pasted: " + "x" * 400)
    pilot.post(pygame.KEYDOWN, key=pygame.K_v, mod=pygame.KMOD_CTRL)
    pilot.step()
    if pygame.scrap.get_text():  # a clipboard this driver keeps
        assert pilot.top.text.startswith("Pasted: ") and len(pilot.top.text) == MAX_OWN_WORDS
    pilot.do(Act.PAUSE)  # Esc: back to the cards, nothing said
    assert pilot.name == "redirect"
    assert not any(isinstance(e.data, OwnWords) for e in pilot.stage.rt.events)
    pilot.key(pygame.K_3)
    pilot.do(Act.CONFIRM)  # nothing typed: Enter does nothing
    assert pilot.name == "own_words"


def test_own_words_at_a_decision_solo_with_feedback() -> None:
    pilot = on_stage("solo")
    while pilot.stage.view.phase is not Phase.DECIDING:
        pilot.do(Act.CONFIRM)
    cards = pilot.stage.cards
    assert cards.items[-1].key == "own" and len(cards.items) == 4
    pilot.key(pygame.K_4)
    assert pilot.name == "own_words"
    pilot.do(Act.PAUSE)  # Esc at a decision: back to its cards
    assert pilot.name == "stage" and pilot.stage.view.phase is Phase.DECIDING
    pilot.key(pygame.K_4)
    pilot.type_text("I'd ask HR what the policy says first")
    pilot.do(Act.CONFIRM)
    assert pilot.name == "closest" and pilot.top.menu.focus == 2
    pilot.do(Act.PAUSE)  # Esc: edit the words again, kept
    assert pilot.name == "own_words" and pilot.top.text.startswith("I'd ask HR")
    pilot.do(Act.CONFIRM)
    pilot.do(Act.CONFIRM)  # confirm the suggestion
    assert pilot.name == "feedback"
    assert any(isinstance(e.data, OwnWords) for e in pilot.stage.rt.events)


def test_screenshots_of_the_own_idea_pages() -> None:
    for size in ((1920, 1080), (1024, 576)):
        pilot = on_stage(size=size)
        pilot.do(Act.CONFIRM)
        pilot.do(Act.BUZZ)
        pilot.do(Act.CHOOSE_1)
        pilot.screenshot(SHOTS / f"own-idea-card-{size[0]}x{size[1]}.png")
        pilot.key(pygame.K_3)
        pilot.type_text("Jo, are you alright? Let's have a proper chat after handover.")
        pilot.screenshot(SHOTS / f"own-words-{size[0]}x{size[1]}.png")
        pilot.do(Act.CONFIRM)
        pilot.screenshot(SHOTS / f"own-words-closest-{size[0]}x{size[1]}.png")
        pilot.do(Act.CONFIRM)
        pilot.screenshot(SHOTS / f"own-words-on-stage-{size[0]}x{size[1]}.png")
        assert pilot.stage.view.line.says.startswith("Jo, are you alright?")


def test_a_buzz_past_the_window_offers_the_moment_that_passed() -> None:
    for size in ((1920, 1080), (1024, 576)):
        pilot = on_stage(size=size)
        pilot.do(Act.CONFIRM)  # the telling-off: an intervention point
        pilot.do(Act.CONFIRM)
        pilot.do(Act.CONFIRM)
        pilot.do(Act.CONFIRM)  # well past it: too late for a late redirect
        pilot.do(Act.BUZZ)
        assert pilot.name == "freeze" and pilot.stage.view.redirect is None
        passed = pilot.stage.passed()
        assert passed is not None and passed.text.startswith("That's the third time")
        pilot.screenshot(SHOTS / f"late-buzz-passed-{size[0]}x{size[1]}.png")
        pilot.do(Act.BACK)  # one key: straight back to that moment
        assert pilot.name == "freeze" and pilot.stage.rt.attempt == 2
        redirect = pilot.stage.view.redirect
        assert redirect is not None and redirect.id == "public_telling_off"
