"""What the benchmarks share: time one action many times (``make bench`` skips this file)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def times_ms(action: Callable[[int], object], repeats: int) -> list[float]:
    """Milliseconds each call ``action(i)`` took, for ``i`` in ``range(repeats)``."""
    times = []
    for i in range(repeats):
        start = time.perf_counter()
        action(i)
        times.append((time.perf_counter() - start) * 1000)
    return times


def median_ms(action: Callable[[int], object], repeats: int) -> float:
    return statistics.median(times_ms(action, repeats))
