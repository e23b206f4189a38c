"""Stored size and build time of each conduction-simulator animation.

Prints, per case: the median time to run the model and build the animation (over many
repeats), the median time for the widget to switch to that case, the compact JSON size,
and the bytes the animation adds to a notebook as nbformat writes it (indented; this is
what counts against the budget of 60 KB per stored animation, issue 15).

    .venv/bin/python benchmarks/conduction_bench.py   (or: make bench)
"""

from __future__ import annotations

import json

import nbformat
from _timing import median_ms

from widgets.conduction import load_model
from widgets.simulator import ConductionSimulator, conduction_case

REPEATS = 15
BUDGET = 60_000


def stored_bytes(bundle: dict) -> int:
    """Bytes one output adds to a notebook file (nbformat's indented JSON)."""
    cells = [nbformat.v4.new_code_cell("x")]
    empty = nbformat.writes(nbformat.v4.new_notebook(cells=cells))
    cell = nbformat.v4.new_code_cell("x")
    cell.outputs = [nbformat.v4.new_output("display_data", data=bundle)]
    full = nbformat.writes(nbformat.v4.new_notebook(cells=[cell]))
    return len(full.encode()) - len(empty.encode())


def main() -> int:
    model = load_model()
    widget = ConductionSimulator()
    print(
        f"{'case':14} {'build':>9} {'widget switch':>14} {'frames':>7} "
        f"{'JSON':>8} {'stored':>8} {'snapshot':>9}"
    )
    worst = 0
    for case in model.case_ids:
        build = median_ms(lambda i, case=case: conduction_case(case, model).figure_json(), REPEATS)
        other = "healthy" if case != "healthy" else "ms_warm"

        def switch(i, case=case, other=other):
            widget.case = case if i % 2 == 0 else other

        widget.case = other
        switched = median_ms(switch, REPEATS)
        view = conduction_case(case, model)
        plot, words = view.mimebundles()
        stored = stored_bytes(plot)
        worst = max(worst, stored)
        print(
            f"{case:14} {build:6.0f} ms {switched:11.0f} ms {len(view.figure_json()['frames']):7} "
            f"{len(json.dumps(view.figure_json())) / 1000:5.1f} KB {stored / 1000:5.1f} KB "
            f"{stored_bytes(words) / 1000:6.1f} KB"
        )
    verdict = "within" if worst <= BUDGET else "OVER"
    print(f"largest stored animation: {worst / 1000:.1f} KB ({verdict} the 60 KB budget)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
