"""How long the explorer takes to switch disease view, and how much it sends per switch.

Run: .venv/bin/python benchmarks/explorer_toggle.py
Prints the median (and 90th percentile) Python-side time of one switch, from setting
``disease`` to all three HTML children being re-rendered (target: under 5 ms), and the
bytes of widget state that change per switch (what the kernel sends to the browser).
"""

from __future__ import annotations

import statistics

from _timing import times_ms

from widgets import NervousSystemExplorer
from widgets.diagram import CHOICES

ROUNDS = 50


def children_bytes(explorer: NervousSystemExplorer) -> dict[str, int]:
    return {
        name: len(getattr(explorer, name).value.encode())
        for name in ("_diagram", "_panel", "_summary")
    }


def main() -> None:
    explorer = NervousSystemExplorer(disease="healthy", part="axon")
    sizes: dict[str, list[int]] = {view: [] for view in CHOICES}

    def switch(i: int) -> None:
        view = CHOICES[i % len(CHOICES)]
        explorer.disease = view
        sizes[view].append(sum(children_bytes(explorer).values()))

    # Each switch timed with the size read after it, as before (the size is cheap).
    times = sorted(times_ms(switch, ROUNDS * len(CHOICES)))
    print(f"switches timed: {len(times)}")
    print(f"median switch time: {statistics.median(times):.2f} ms")
    print(f"90th percentile:    {times[int(len(times) * 0.9)]:.2f} ms")
    for view in CHOICES:
        print(f"sent when switching to {view:8s}: {sizes[view][0] / 1024:.1f} KB")


if __name__ == "__main__":
    main()
