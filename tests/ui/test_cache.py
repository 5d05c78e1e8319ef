"""The one bounded cache: least recently used out first, bounded by count and by bytes."""

from __future__ import annotations

import pygame

from game.ui.cache import BoundedCache, surface_bytes, surface_cache


def test_count_bound_evicts_the_least_recently_used() -> None:
    cache: BoundedCache[str] = BoundedCache(2)
    cache.put("a", "A")
    cache.put("b", "B")
    assert cache.get("a") == "A"  # now the most recent
    cache.put("c", "C")
    assert "b" not in cache and "a" in cache and "c" in cache
    assert (cache.hits, cache.misses) == (1, 0)


def test_cost_bound_keeps_the_total_under_it_and_counts_what_is_held() -> None:
    cache = surface_cache(100, max_mib=1)
    big = pygame.Surface((512, 256), pygame.SRCALPHA)  # 0.5 MiB
    assert surface_bytes(big) == 512 * 256 * 4
    for key in range(3):
        cache.put(key, big.copy())
    assert len(cache) == 2 and cache.cost == 2 * surface_bytes(big)
    assert 0 not in cache


def test_the_newest_value_stays_even_alone_over_the_bound() -> None:
    cache = surface_cache(10, max_mib=0.1)
    cache.put("small", pygame.Surface((10, 10)))
    huge = cache.put("huge", pygame.Surface((400, 400)))
    assert list(cache) == ["huge"] and cache.get("huge") is huge


def test_get_or_make_makes_once() -> None:
    made = []
    cache: BoundedCache[int] = BoundedCache(4)
    for _ in range(3):
        cache.get_or_make("k", lambda: made.append(1) or len(made))
    assert made == [1] and cache.get("k") == 1
    cache.clear()
    assert len(cache) == 0 and cache.cost == 0
