"""How long the timeline widget takes to rebuild each figure after a control change.

Prints, per figure, the median time (over many repeats) from setting a control to the
new figure being in the widget's output, and the size of that figure's JSON (what the
kernel sends to the browser and what a notebook stores). Target: under 20 ms.

    .venv/bin/python benchmarks/timelines_bench.py   (or: make bench)
"""

from __future__ import annotations

import json

from _timing import median_ms

from widgets.timelines import ProgressionTimelines, treatment_history_chart

REPEATS = 30
TARGET_MS = 20.0

# (figure, the control changed, the two values it alternates between, other settings)
CASES = [
    ("MS course (RRMS then SPMS)", "treatment", ("none", "natalizumab"), {"disease": "ms"}),
    ("MS course (PPMS)", "treatment", ("none", "ocrelizumab"), {"disease": "ms", "course": "ppms"}),
    ("ALS course", "rate", ("typical", "fast"), {"disease": "als", "years": 10}),
    ("Side by side", "years", (20, 25), {"disease": "compare"}),
]


def main() -> int:
    print(f"{'figure':32} {'median rebuild':>15} {'JSON size':>10}")
    worst = 0.0
    for name, control, values, settings in CASES:
        widget = ProgressionTimelines(**settings)

        def change(i, widget=widget, control=control, values=values):
            setattr(widget, control, values[i % 2])

        took = median_ms(change, REPEATS)
        size = len(json.dumps(widget.figure_json()))
        worst = max(worst, took)
        print(f"{name:32} {took:12.1f} ms {size / 1000:7.1f} KB")
    took = median_ms(lambda i: treatment_history_chart().figure_json(), REPEATS)
    size = len(json.dumps(treatment_history_chart().figure_json()))
    print(f"{'Treatment history (static)':32} {took:12.1f} ms {size / 1000:7.1f} KB")
    verdict = "within" if worst < TARGET_MS else "OVER"
    print(f"slowest control change: {worst:.1f} ms ({verdict} the {TARGET_MS:g} ms target)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
