"""Timing helpers: a monotonic high-resolution timer and the summary figures every table uses."""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Timing:
    """Milliseconds: median, 99th percentile and worst of a set of samples."""

    median: float
    p99: float
    worst: float
    samples: int

    def as_dict(self) -> dict[str, float]:
        return {
            "median_ms": self.median,
            "p99_ms": self.p99,
            "max_ms": self.worst,
            "samples": self.samples,
        }


def summarise(samples_ms: list[float]) -> Timing:
    """Median, 99th percentile (nearest rank) and worst of at least one sample."""
    ordered = sorted(samples_ms)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return Timing(statistics.median(ordered), p99, ordered[-1], len(ordered))


def timed(fn: Callable[[], T], repeat: int = 1) -> tuple[float, T]:
    """The fastest of `repeat` runs in milliseconds (the least disturbed by a busy machine),
    and what the last run returned."""
    best = math.inf
    for _ in range(max(1, repeat)):
        start = time.perf_counter()
        result = fn()
        best = min(best, (time.perf_counter() - start) * 1000.0)
    return best, result


def best_of(fn: Callable[[], object], repeat: int = 3) -> float:
    """The fastest of `repeat` runs in milliseconds."""
    return timed(fn, repeat)[0]
