"""Render the stage's building blocks to PNGs, to look at them without running the game.

    SDL_VIDEODRIVER=dummy .venv/bin/python tools/preview_art.py [out_dir]

Writes, for 1920x1080 and 1024x576 and each palette: a stage (backdrop, four characters
with different emotions, spotlight, labels, a half-revealed speech bubble), a thought
bubble, option cards (one locked, one focused), the criteria chart and the freeze overlay;
plus a sheet of every figure and emotion and one of every backdrop. Default out_dir:
/tmp/ff_art.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame

from game.story.model import BACKDROPS, EMOTIONS
from game.story.views import CriterionResult
from game.ui.art.stage import StageArt, speaker_anchor
from game.ui.bubbles import draw_speech_bubble, draw_thought_bubble
from game.ui.cards import draw_option_cards
from game.ui.chart import draw_criteria_chart
from game.ui.layout import Layout
from game.ui.text import TextRenderer
from game.ui.theme import PALETTES, Theme
from game.ui.widgets import compose_freeze_overlay, draw_button


@dataclass(frozen=True)
class SampleActor:
    id: str
    name: str
    role: str
    emotion: str
    is_manager: bool = False
    speaking: bool = False
    look: dict[str, str] = field(default_factory=dict)
    played: bool = False  # the room plays this character: "(you)" on the nameplate


@dataclass(frozen=True)
class SampleOption:
    says: str
    available: bool = True
    locked_reason: str = ""


CAST = (
    SampleActor(
        "manager",
        "Alex",
        "Ward manager (you)",
        "thoughtful",
        True,
        False,
        {"skin": "medium", "hair": "brown", "hair_style": "short", "outfit": "nurse"},
    ),
    SampleActor(
        "jo",
        "Jo",
        "Healthcare assistant",
        "anxious",
        False,
        True,
        {"skin": "dark", "hair": "black", "hair_style": "curly", "outfit": "scrubs"},
    ),
    SampleActor(
        "rep",
        "Morgan",
        "UNISON steward",
        "angry",
        False,
        False,
        {"skin": "light", "hair": "grey", "hair_style": "short", "outfit": "casual"},
    ),
    SampleActor(
        "hr",
        "Sam",
        "HR adviser",
        "neutral",
        False,
        False,
        {"skin": "tan", "hair": "black", "hair_style": "bun", "outfit": "suit"},
    ),
)
SAYS = "Sorry, sorry. The bus didn't come, and then the next one was full. It won't happen again."
OPTIONS = (
    SampleOption("Tom, can we have a quiet word somewhere private? Are you OK?"),
    SampleOption("Right. Let's look in your bag, now, in front of everyone."),
    SampleOption("Call HR and suspend him straight away, pending an investigation."),
    SampleOption("Ask Tom about his mum's fall last night.", False, "ask how Tom is first"),
)
ROWS = (
    CriterionResult("compassion", "Compassion and wellbeing", 0.8, 3),
    CriterionResult("just_culture", "Just culture", 0.5, 2),
    CriterionResult("safety", "Safety", 1.0, 1),
    CriterionResult("proportionality", "Proportionality", 0.2, 3),
    CriterionResult("partnership", "Partnership", 0.0, 2),
)


def stage(lay: Layout, theme: Theme, text: TextRenderer, art: StageArt) -> pygame.Surface:
    picture = art.compose("ward", CAST, theme=theme, layout=lay, text=text)
    _header(picture, lay, theme, text, "Ward 7, nurses' station")
    draw_speech_bubble(
        picture,
        lay.bubble_rect,
        "Jo",
        SAYS,
        52,
        "Hurrying in, still in her coat.",
        tail=speaker_anchor(lay, CAST),
        theme=theme,
        layout=lay,
        text=text,
    )
    return picture


def _header(surface, lay, theme, text, label) -> None:
    img = text.render(label, lay.small_size, theme.text, bold=True)
    surface.blit(img, img.get_rect(midleft=(lay.header_rect.x, lay.header_rect.centery)))


def thought(lay: Layout, theme: Theme, text: TextRenderer, art: StageArt) -> pygame.Surface:
    cast = [
        SampleActor(
            a.id,
            a.name,
            a.role,
            "upset" if a.id == "jo" else a.emotion,
            a.is_manager,
            False,
            a.look,
        )
        for a in CAST[:3]
    ]
    picture = art.compose("office", cast, theme=theme, layout=lay, text=text)
    draw_thought_bubble(
        picture,
        lay.bubble_rect,
        "Jo",
        "Dad had a bad night again. I was up at four settling him.",
        999,
        tail=speaker_anchor(lay, cast, "jo"),
        theme=theme,
        layout=lay,
        text=text,
    )
    return picture


def cards(lay: Layout, theme: Theme, text: TextRenderer, art: StageArt) -> pygame.Surface:
    picture = art.compose("workshop", CAST[:2], theme=theme, layout=lay, text=text)
    overlay = compose_freeze_overlay(theme=theme, layout=lay, text=text, compact=True)
    picture.blit(overlay, (0, 0))
    prompt = text.fit(
        "What should the manager do instead?",
        lay.title_size,
        theme.text,
        width=lay.prompt_rect.w,
        height=lay.prompt_rect.h,
        bold=True,
    )
    picture.blit(prompt, prompt.get_rect(midleft=(lay.prompt_rect.x, lay.prompt_rect.centery)))
    draw_option_cards(picture, lay.card_grid_rect, OPTIONS, 0, theme=theme, layout=lay, text=text)
    return picture


def chart(lay: Layout, theme: Theme, text: TextRenderer, art: StageArt) -> pygame.Surface:
    picture = pygame.Surface(lay.size)
    picture.fill(theme.stage_bg)
    _header(picture, lay, theme, text, "Debrief: how the run went")
    area = lay.card_grid_rect.inflate(0, -lay.px(120))
    area.y = lay.header_rect.bottom + lay.gap
    draw_criteria_chart(picture, area, ROWS, theme=theme, layout=lay, text=text)
    button = pygame.Rect(0, 0, lay.px(460), lay.px(96))
    button.bottomleft = (lay.safe_rect.x, lay.safe_rect.bottom)
    draw_button(
        picture,
        button,
        "Export handout",
        focused=True,
        key_hint="E",
        theme=theme,
        layout=lay,
        text=text,
    )
    button.x = button.right + lay.gap * 2
    draw_button(picture, button, "Play again", theme=theme, layout=lay, text=text)
    return picture


def freeze(lay: Layout, theme: Theme, text: TextRenderer, art: StageArt) -> pygame.Surface:
    picture = stage(lay, theme, text, art)
    picture.blit(compose_freeze_overlay(theme=theme, layout=lay, text=text), (0, 0))
    return picture


def sheets(out: Path, theme: Theme, art: StageArt) -> None:
    """Every figure in every emotion, and every backdrop, at a fixed size."""
    height = 360
    width = round(height * 0.7)
    sheet = pygame.Surface((width * len(EMOTIONS), height * len(CAST)))
    sheet.fill((92, 98, 112))
    for row, actor in enumerate(CAST):
        for col, emotion in enumerate(EMOTIONS):
            fig = art.figures.get(actor.id, actor.look, emotion, height, theme)
            sheet.blit(fig.image, fig.rect(topleft=(col * width, row * height)))
    pygame.image.save(sheet, out / "figures.png")
    size = (960, 540)
    backs = pygame.Surface((size[0] * 2, size[1] * 3))
    for i, backdrop in enumerate(BACKDROPS):
        backs.blit(art.backdrops.get(backdrop, size, theme), ((i % 2) * size[0], i // 2 * size[1]))
    pygame.image.save(backs, out / "backdrops.png")


def main(argv: list[str]) -> int:
    out = Path(argv[1] if len(argv) > 1 else "/tmp/ff_art")
    out.mkdir(parents=True, exist_ok=True)
    pygame.init()
    text, art = TextRenderer(), StageArt()
    for size in ((1920, 1080), (1024, 576)):
        lay = Layout(*size)
        for name, theme in PALETTES.items():
            for view in (stage, thought, cards, chart, freeze):
                path = out / f"{view.__name__}-{size[0]}-{name}.png"
                pygame.image.save(view(lay, theme, text, art), path)
    sheets(out, PALETTES["default"], art)
    print(f"wrote PNGs to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
