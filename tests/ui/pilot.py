"""Playing the real game headless in tests: the shared driver (`game.ui.pilot.Pilot`, which
the benchmark uses too) and a player for each device, a playthrough, and a tour of every
screen for the golden images and the README's screenshots.

Tests press keys, pad buttons and mouse clicks exactly as a player's devices would send them,
with a fake clock. Assert on state first (the scene stack, the runtime), pixels second.
"""

from __future__ import annotations

from pathlib import Path

from game.i18n import _
from game.story.views import Phase
from game.ui.keymap import Act
from game.ui.pilot import DT, KEY_FOR, Pilot

__all__ = ["DT", "KEY_FOR", "Pilot", "Player", "play_stage", "start_scenario", "tour"]


# ----- playing through, by one device ----------------------------------------------------

#: Hat values that move the focus.
HAT_FOR = {Act.UP: (0, 1), Act.DOWN: (0, -1), Act.LEFT: (-1, 0), Act.RIGHT: (1, 0)}
#: Any pad button that is not A, B or Start: it buzzes on a playing stage.
PAD_BUZZ_BUTTON = 3


class Player:
    """Plays with one device only: "keyboard", "mouse" or "gamepad"."""

    def __init__(self, pilot: Pilot, device: str) -> None:
        assert device in ("keyboard", "mouse", "gamepad")
        self.p = pilot
        self.device = device

    def _move(self, act: Act) -> None:
        if self.device == "gamepad":
            self.p.hat(HAT_FOR[act])
        else:
            self.p.do(act)

    def confirm(self) -> None:
        """Enter / a click in the middle of the window / pad A."""
        if self.device == "keyboard":
            self.p.do(Act.CONFIRM)
        elif self.device == "mouse":
            w, h = self.p.app.screen.get_size()
            self.p.click((w // 2, h // 2))
        else:
            self.p.pad(0)

    def pick(self, menu, index: int) -> None:
        """Choose item `index` of `menu` (a `Menu` on the top scene) with this device."""
        self.p.settle()
        if self.device == "mouse":
            # An item below (or above) the fold is scrolled to with the wheel, as a user would.
            for _ in range(len(menu.items)):
                shown = [i for i, r in enumerate(menu.rects) if r.w]
                if index in shown or not shown:
                    break
                self.p.wheel(-1 if index > max(shown) else 1)
            rect = menu.rects[index]
            assert rect.w, f"item {index} is not on screen"
            self.p.click(rect.center)
            return
        self.p.move_focus(menu, index, self._move)
        if self.device == "keyboard":
            self.p.do(Act.CONFIRM)
        else:
            self.p.pad(0)

    def pick_key(self, menu, key: str) -> None:
        self.pick(menu, [i.key for i in menu.items].index(key))

    def advance(self) -> None:
        """Next line: Enter / a click on the stage / d-pad right."""
        if self.device == "keyboard":
            self.p.do(Act.CONFIRM)
        elif self.device == "mouse":
            lay = self.p.app.layout
            self.p.click(lay.cast_rect.center)
        else:
            self.p.hat(HAT_FOR[Act.RIGHT])

    def buzz(self) -> None:
        """Space / a click on the FREEZE button / any pad button."""
        if self.device == "keyboard":
            self.p.do(Act.BUZZ)
        elif self.device == "mouse":
            self.p.click_label(_("Freeze"))
        else:
            self.p.pad(PAD_BUZZ_BUTTON)


def start_scenario(
    player: Player,
    script_name: str,
    room: str,
    anti_model: bool,
    role: str = "",
    style: str = "",
) -> None:
    """From the title to the first line of the run, through picker, mode, the role choice
    (when the scenario has roles to play: `role` "" is the manager; else `style` next) and
    the notice."""
    p = player.p
    assert p.name == "title"
    player.pick_key(p.top.menu, "start")
    assert p.name == "picker"
    menu = p.top.menu
    player.pick(
        menu, next(i for i, it in enumerate(menu.items) if Path(it.key).stem == script_name)
    )
    assert p.name == "mode"
    player.pick_key(p.top.menu, room)
    if p.name == "seat":
        player.pick_key(p.top.menu, role)
        if role:
            assert p.name == "style"
            player.pick_key(p.top.menu, style)
    assert not role or p.name == "notice", "no role choice for this scenario"
    assert p.name == "notice"
    player.pick_key(p.top.menu, "anti_model" if anti_model else "forum")
    assert p.name == "stage"


def play_stage(player: Player, choices: dict[str, int], limit: int = 3000) -> None:
    """Play the run on stage to its ending screen: redirect and choose as `choices` say
    (the first open option where they say nothing), then go on to what follows the ending."""
    p = player.p
    used: set[str] = set()
    for _step in range(limit):
        name = p.name
        if name != "stage":
            if name == "feedback":
                player.confirm()
                continue
            return
        stage = p.top
        view = stage.view
        if view.phase is Phase.ENDED:
            p.settle()
            player.confirm()
            return
        if view.phase is Phase.DECIDING and not stage.anti_model:
            wanted = choices.get(view.decision.id)
            if wanted is None:
                wanted = next(o.index for o in view.decision.options if o.available)
            player.pick(stage.cards, wanted)
            continue
        # Only the room's own moments (in a role run, not the manager's: roles.py).
        point = view.line.intervention if view.line and view.intervention_here else ""
        if point in choices and point not in used and not stage.anti_model:
            used.add(point)
            player.buzz()
            assert p.name == "freeze", f"the buzz did not freeze ({p.name})"
            player.pick_key(p.top.menu, "redirect")
            player.pick(p.top.menu, choices[point])
            continue
        player.advance()
    raise AssertionError("the run did not end")


# ----- a tour of every screen, for golden images and the README's screenshots -----------


def tour(pilot: Pilot):
    """Visit every screen of a solo run of the example by keyboard; yield each screen's name
    when it is on show. Deterministic: no animation, a fixed script and fixed choices."""
    player = Player(pilot, "keyboard")
    yield "title"
    player.pick_key(pilot.top.menu, "start")
    yield "picker"
    menu = pilot.top.menu
    player.pick(menu, next(i for i, it in enumerate(menu.items) if Path(it.key).stem == "example"))
    yield "mode"
    player.pick_key(pilot.top.menu, "solo")
    yield "notice"
    player.pick_key(pilot.top.menu, "anti_model")
    yield "anti_model"
    pilot.click_label(_("Skip"))
    yield "stage"
    pilot.do(Act.CONFIRM)
    yield "stage_hint"
    pilot.do(Act.BUZZ)
    yield "freeze"
    player.pick_key(pilot.top.menu, "hotseat")
    yield "hotseat"
    player.pick(pilot.top.menu, 1)
    yield "thought"
    pilot.do(Act.CONFIRM)
    player.pick_key(pilot.top.menu, "redirect")
    yield "redirect"
    player.pick(pilot.top.menu, 0)
    yield "feedback"
    pilot.do(Act.CONFIRM)
    while pilot.phase is Phase.PLAYING:
        pilot.do(Act.CONFIRM)
    yield "decision"
    pilot.do(Act.PAUSE)
    yield "pause"
    pilot.do(Act.PAUSE)
    player.pick(pilot.top.cards, 1)
    pilot.do(Act.CONFIRM)
    while pilot.phase is Phase.PLAYING:
        pilot.do(Act.CONFIRM)
    yield "ending"
    pilot.settle()
    pilot.do(Act.CONFIRM)
    for page in ("outcome", "criteria", "timeline", "discuss"):
        pilot.do(CHOOSE_FOR[page])
        yield f"debrief_{page}"
    pilot.do(Act.PAUSE)  # asks first
    pilot.do(Act.PAUSE)
    player.pick_key(pilot.top.menu, "settings")
    yield "settings"
    pilot.do(Act.BACK)
    player.pick_key(pilot.top.menu, "progress")
    yield "progress"


CHOOSE_FOR = {
    "outcome": Act.CHOOSE_1,
    "criteria": Act.CHOOSE_2,
    "timeline": Act.CHOOSE_3,
    "discuss": Act.CHOOSE_4,
}
