"""The presenter view's controls, and how each becomes what the stage already handles.

The presenter never calls the story runtime. A control is carried out as one of three
things the stage and its freeze pages already answer:

- an `Action`, dispatched to the top scene exactly as the key would be (buzz, advance, a
  choice at a decision): `app.dispatch`, so the same code runs whichever window it came from;
- a freeze page's request (`Resume`, `Open("hotseat")`, `Redirect(n)`, `HotSeat(id)`), with
  which the page on top closes and which `StageScene.resume` carries out;
- the stage's own public methods for what has no key of its own from here: a show of
  hands on one option (`add_tally`) and the own-words box at a decision (`open_freeze`).

Keyboard users need none of this: every key pressed in the presenter window goes to the
game as if pressed in the stage window (see `Presenter.takes`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.i18n import _
from game.story.views import Phase

from ..input import Action
from ..keymap import CHOOSES, Act, key_name
from ..screens.freeze import FreezePage, HotSeat, Open, Redirect, Request, Resume

if TYPE_CHECKING:
    from ..app import App
    from ..screens.stage import StageScene


@dataclass(frozen=True)
class Control:
    """One button: what it says, the key that does the same, and whether it works now."""

    command: str
    label: str
    key: str
    enabled: bool


def stage_of(app: App) -> StageScene | None:
    found = app.stack.find("stage")
    return found  # type: ignore[return-value]


def _page(app: App) -> FreezePage | None:
    top = app.stack.top
    return top if isinstance(top, FreezePage) else None


def _on_stage(app: App, stage: StageScene | None) -> bool:
    return stage is not None and app.stack.top is stage


def controls(app: App) -> list[Control]:
    """The row of buttons, each enabled only where the stage would take it now."""
    stage = stage_of(app)
    page = _page(app)
    view = stage.view if stage is not None else None
    allowed = view.allowed if view is not None else frozenset()
    playing = _on_stage(app, stage) and view is not None and view.phase is Phase.PLAYING
    ended = _on_stage(app, stage) and view is not None and view.phase is Phase.ENDED
    return [
        Control(
            "buzz",
            _("Freeze"),
            key_name(Act.BUZZ),
            _on_stage(app, stage) and "buzz" in allowed,
        ),
        Control(
            "advance",
            _("On to the debrief") if ended else _("Next line"),
            key_name(Act.CONFIRM),
            playing or ended,
        ),
        Control(
            "resume",
            _("Resume"),
            key_name(Act.CHOOSE_4),
            page is not None and page.name == "freeze",
        ),
        Control(
            "hotseat",
            _("Hot-seat"),
            key_name(Act.CHOOSE_2),
            page is not None and page.name == "freeze",
        ),
        Control(
            "rewind",
            _("Rewind"),
            key_name(Act.BACK if ended else Act.CHOOSE_3),
            "rewind" in allowed and (ended or (page is not None and page.name == "freeze")),
        ),
        Control("own", _("Room's own words"), "", own_words_open(app) is not None),
    ]


def own_words_open(app: App) -> str | None:
    """How the own-words box can open now: "decision", "redirect", or None."""
    stage = stage_of(app)
    if stage is None or stage.anti_model:
        return None
    page = _page(app)
    if _on_stage(app, stage) and stage.view.phase is Phase.DECIDING:
        return "decision"
    if page is not None and page.name in ("freeze", "redirect") and stage.view.redirect:
        return "redirect"
    return None


def request(app: App, wanted: Request) -> bool:
    """Close the freeze page on top with `wanted`, as its own buttons would; False if no
    freeze page is on top."""
    page = _page(app)
    if page is None:
        return False
    page.done(wanted)
    return True


def run(app: App, command: str) -> None:
    """Carry out the button `command` (see `controls`), if it works now."""
    if not any(c.command == command and c.enabled for c in controls(app)):
        return
    stage = stage_of(app)
    if command == "buzz":
        app.dispatch(Action(Act.BUZZ))
    elif command == "advance":
        app.dispatch(Action(Act.CONFIRM))
    elif command == "resume":
        request(app, Resume())
    elif command in ("hotseat", "rewind") and not request(app, Open(command)):
        app.dispatch(Action(Act.BACK))  # at an ending, Backspace opens the rewind list
    elif command == "own" and stage is not None:
        if own_words_open(app) == "decision":
            stage.open_freeze("own_words")
        else:
            request(app, Open("own_words"))


def choose(app: App, index: int) -> None:
    """Option `index` of the decision on stage, or of the redirect offered at a freeze."""
    stage = stage_of(app)
    if stage is None or stage.anti_model or index >= len(CHOOSES):
        return
    view = stage.view
    if _on_stage(app, stage) and view.phase is Phase.DECIDING:
        app.dispatch(Action(CHOOSES[index]))
    elif view.redirect is not None and _page(app) is not None:
        option = view.redirect.options[index]
        if option.available:
            request(app, Redirect(index))


def hotseat(app: App, actor: str) -> None:
    """Put `actor` in the hot seat (from a freeze page): the room hears their thoughts."""
    stage = stage_of(app)
    if stage is not None and actor in {a.id for a in stage.view.actors}:
        request(app, HotSeat(actor))


def tally(app: App, index: int, delta: int) -> None:
    """One more (or one fewer) hand for option `index`, where the room can vote now."""
    stage = stage_of(app)
    if stage is None or stage.solo or "tally" not in stage.view.allowed:
        return
    point = stage.view.redirect or stage.view.decision
    if point is not None and index < len(point.options):
        stage.add_tally(index, delta)
