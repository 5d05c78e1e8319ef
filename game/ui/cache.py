"""One bounded cache for every picture the game keeps: rendered text, backdrops, figures,
labels and spotlights.

Least recently used goes first, and the bound is in bytes as well as entries: what the
game keeps is surfaces, and one full-screen surface at 1080p is 8 MB while a rendered word
is a few KB, so a count alone says nothing about memory (600 rendered texts held 150 MB).
`hits` and `misses` say how well it works; `cost` says what it holds.
"""

from __future__ import annotations

import ctypes
import sys
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from typing import Generic, TypeVar

import pygame

V = TypeVar("V")

MIB = 2**20


def surface_bytes(surface: pygame.Surface) -> int:
    """The pixel memory a surface holds."""
    return surface.get_pitch() * surface.get_height()


class BoundedCache(Generic[V]):
    """At most `max_entries` values costing at most `max_cost` in all (`cost` of each;
    0 means no bound on cost). The newest value is always kept, even alone over the bound."""

    def __init__(
        self,
        max_entries: int,
        max_cost: int = 0,
        cost: Callable[[V], int] = lambda _value: 0,
    ) -> None:
        self.max_entries = max_entries
        self.max_cost = max_cost
        self._cost_of = cost
        self._items: OrderedDict[Hashable, tuple[V, int]] = OrderedDict()
        self.cost = 0
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: Hashable) -> bool:
        return key in self._items

    def __iter__(self) -> Iterator[Hashable]:
        return iter(self._items)

    def get(self, key: Hashable) -> V | None:
        """The value kept under `key` (now the most recently used), or None."""
        found = self._items.get(key)
        if found is None:
            self.misses += 1
            return None
        self.hits += 1
        self._items.move_to_end(key)
        return found[0]

    def put(self, key: Hashable, value: V) -> V:
        """Keep `value` under `key`, letting the least recently used go past the bounds."""
        old = self._items.pop(key, None)
        if old is not None:
            self.cost -= old[1]
        size = self._cost_of(value)
        self._items[key] = (value, size)
        self.cost += size
        while len(self._items) > 1 and (
            len(self._items) > self.max_entries or (self.max_cost and self.cost > self.max_cost)
        ):
            _, (_, gone) = self._items.popitem(last=False)
            self.cost -= gone
        return value

    def get_or_make(self, key: Hashable, make: Callable[[], V]) -> V:
        """The value under `key`, made by `make` (and kept) the first time."""
        found = self.get(key)
        return found if found is not None else self.put(key, make())

    def clear(self) -> None:
        self._items.clear()
        self.cost = 0


#: Blocks this large or larger get their own pages from the system, handed back when freed.
MMAP_THRESHOLD = 256 * 1024
_M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter


def return_freed_pictures() -> bool:
    """Let memory freed from large surfaces go back to the system (glibc on Linux only).

    glibc raises its threshold for giving large blocks their own pages each time one is
    freed, so after the first few 8 MB surfaces come and go, later ones are carved from the
    heap, and a heap keeps what it frees: the game's resident memory stayed ~100 MB over
    what it held. A fixed threshold keeps surfaces and big rendered texts in their own
    pages. Returns whether it was set.
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None)  # the C library the process already has loaded
        return bool(libc.mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD))
    except (OSError, AttributeError):  # not glibc (musl has no mallopt)
        return False


def surface_cache(max_entries: int, max_mib: float) -> BoundedCache[pygame.Surface]:
    """A cache of surfaces bounded by count and by pixel memory (`max_mib` MiB)."""
    return BoundedCache(max_entries, round(max_mib * MIB), surface_bytes)
