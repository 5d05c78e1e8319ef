"""Which display shows the stage and which the presenter view.

A facilitator's laptop with a projector plugged in has two displays. SDL numbers them from
0; the laptop's own screen is usually display 0 (the primary), the projector 1, so the
default puts the stage on display 1. Some laptops number them the other way round, hence the
`projector_display` setting, the `--projector-display N` flag, and F8, which swaps the two
while the game runs. With one display both windows share it (a rehearsal): the stage keeps
its usual window and the presenter view opens as a second window.
"""

from __future__ import annotations

from dataclasses import dataclass

#: The presenter window's size when it shares one display with the stage (a rehearsal).
REHEARSAL_SIZE = (1280, 800)


@dataclass(frozen=True)
class Placement:
    """Where the two windows go: display numbers, and whether the stage fills its display."""

    stage: int
    presenter: int
    #: Two displays: the stage goes full-screen on the projector.
    separate: bool


def place(displays: int, projector: int) -> Placement:
    """The placement for `displays` connected displays and the projector setting (a display
    number; one that is not connected means the last one)."""
    if displays < 2:
        return Placement(0, 0, separate=False)
    stage = min(max(0, projector), displays - 1)
    presenter = 0 if stage != 0 else 1
    return Placement(stage, presenter, separate=True)


def swapped(placement: Placement) -> int:
    """The projector setting after F8: the display the presenter view was on."""
    return placement.presenter if placement.separate else placement.stage


def presenter_size(desktop: tuple[int, int], separate: bool) -> tuple[int, int]:
    """The presenter window's size: its whole display when it has one to itself, else the
    rehearsal size, never larger than the display."""
    if separate:
        return desktop
    return (min(REHEARSAL_SIZE[0], desktop[0]), min(REHEARSAL_SIZE[1], desktop[1]))
