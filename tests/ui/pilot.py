"""A small pilot that drives the real game by posting real pygame events and stepping frames.

Tests press keys, pad buttons and mouse clicks exactly as a player's devices would send them
(through `pygame.event.post`, then the app's own frame reads the queue), with a fake clock:
every frame advances time by `dt`, and nothing sleeps. Assert on state first (the scene
stack, the runtime), pixels second.
"""

from __future__ import annotations

from pathlib import Path

import pygame

from game.story.views import Phase
from game.ui.app import SCRIPTS_DIR, App
from game.ui.keymap import KEYS, Act
from game.ui.scene_stack import Scene
from game.ui.settings import Settings

#: The first key bound to each action: what the pilot presses for `do(act)`.
KEY_FOR: dict[Act, int] = {}
for _key, _act in KEYS.items():
    KEY_FOR.setdefault(_act, _key)

DT = 1 / 60


class Pilot:
    """One game, headless, at `size`; `animate=False` shows text whole (for golden images)."""

    def __init__(
        self,
        size: tuple[int, int] = (1024, 576),
        *,
        settings: Settings | None = None,
        animate: bool = False,
        scripts_dir: Path = SCRIPTS_DIR,
    ) -> None:
        settings = settings or Settings(auto_advance=False)
        self.app = App(
            size, settings=settings, strict=True, animate=animate, scripts_dir=scripts_dir
        )
        pygame.event.clear()
        self.app.start("title")
        self.step()

    # ----- time and events --------------------------------------------------------------

    def step(self, frames: int = 1, dt: float = DT) -> None:
        for _ in range(frames):
            self.app.frame(dt)

    def post(self, event_type: int, **attrs: object) -> None:
        pygame.event.post(pygame.event.Event(event_type, attrs))

    def key(self, key: int, frames: int = 1) -> None:
        self.post(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0)
        self.post(pygame.KEYUP, key=key, mod=0, unicode="", scancode=0)
        self.step(frames)

    def do(self, act: Act, frames: int = 1) -> None:
        """Press the first key bound to `act`."""
        self.key(KEY_FOR[act], frames)

    def pad(self, button: int, frames: int = 1) -> None:
        self.post(pygame.JOYBUTTONDOWN, button=button, joy=0, instance_id=0)
        self.post(pygame.JOYBUTTONUP, button=button, joy=0, instance_id=0)
        self.step(frames)

    def hat(self, value: tuple[int, int], frames: int = 1) -> None:
        self.post(pygame.JOYHATMOTION, value=value, hat=0, joy=0, instance_id=0)
        self.post(pygame.JOYHATMOTION, value=(0, 0), hat=0, joy=0, instance_id=0)
        self.step(frames)

    def click(self, pos: tuple[int, int], frames: int = 1, button: int = 1) -> None:
        self.post(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0), touch=False)
        self.post(pygame.MOUSEBUTTONDOWN, pos=pos, button=button, touch=False)
        self.post(pygame.MOUSEBUTTONUP, pos=pos, button=button, touch=False)
        self.step(frames)

    def click_label(self, text: str, frames: int = 1) -> None:
        """Click the centre of the top scene's control whose label contains `text`."""
        rect = self.control(text)
        self.click(rect.center, frames)

    def control(self, text: str) -> pygame.Rect:
        controls = self.top.controls()
        found = [r for label, r in controls if text.lower() in label.lower() and r.w]
        assert found, f"no control with {text!r} on {self.name}: {[c for c, _ in controls]}"
        return found[0]

    # ----- state ------------------------------------------------------------------------

    @property
    def top(self) -> Scene:
        assert self.app.stack.top is not None
        return self.app.stack.top

    @property
    def name(self) -> str:
        return self.top.name

    def names(self) -> list[str]:
        return [s.name for s in self.app.stack.scenes]

    @property
    def stage(self):
        return self.app.stack.find("stage")

    @property
    def phase(self) -> Phase | None:
        stage = self.stage
        return stage.rt.phase if stage is not None else None

    def pixels(self) -> pygame.Surface:
        return self.app.screen

    def screenshot(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        pygame.image.save(self.app.screen, str(path))


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
        if self.device == "mouse":
            rect = menu.rects[index]
            assert rect.w, f"item {index} is not on screen"
            self.p.click(rect.center)
            return
        for _ in range(len(menu.items) * 2 + 2):
            if menu.focus == index:
                break
            # Nothing focused yet (decision cards): the first move focuses the first card.
            self._move(menu.step_towards(index))
        assert menu.focus == index, f"could not move the focus to {index}"
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
            self.p.click_label("Freeze")
        else:
            self.p.pad(PAD_BUZZ_BUTTON)


def start_scenario(player: Player, script_name: str, room: str, anti_model: bool) -> None:
    """From the title to the first line of the run, through picker, mode and notice."""
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
    assert p.name == "notice"
    player.pick_key(p.top.menu, "anti_model" if anti_model else "forum")
    assert p.name == "stage"


def play_stage(player: Player, choices: dict[str, int], limit: int = 3000) -> None:
    """Play the run on stage to its ending screen: redirect and choose as `choices` say
    (the first open option where they say nothing), then go on to what follows the ending."""
    p = player.p
    used: set[str] = set()
    for _ in range(limit):
        name = p.name
        if name != "stage":
            if name == "feedback":
                player.confirm()
                continue
            return
        stage = p.top
        view = stage.view
        if view.phase is Phase.ENDED:
            player.confirm()
            return
        if view.phase is Phase.DECIDING and not stage.anti_model:
            wanted = choices.get(view.decision.id)
            if wanted is None:
                wanted = next(o.index for o in view.decision.options if o.available)
            player.pick(stage.cards, wanted)
            continue
        point = view.line.intervention if view.line else ""
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
    pilot.click_label("Skip")
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
