"""Render each conduction-simulator case, at the end of its animation, to a PNG in docs/.

Writes each figure to a self-contained HTML file in a temporary folder (plotly.js
inlined, so no network is needed), moves it to its last frame, then asks headless
Chromium for a screenshot.

    make screenshots   (Chromium: see scripts/headless.py)
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from scripts.headless import screenshot
from widgets.conduction import load_model, simulate
from widgets.conduction_figures import simulation

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
WIDTH = 1000
LAST_FRAME = """
var gd = document.getElementsByClassName('plotly-graph-div')[0];
Plotly.animate(gd, [%s], {frame: {duration: 0, redraw: false}, transition: {duration: 0},
  mode: 'immediate'});
"""


def file_name(case_id: str) -> str:
    return f"simulator-{case_id.replace('_', '-')}.png"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DOCS, help="folder for the PNGs")
    parser.add_argument("cases", nargs="*", help="case ids (default: every case)")
    args = parser.parse_args(argv)
    model = load_model()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for case_id in args.cases or model.case_ids:
            figure = simulation(simulate(case_id, model)).full_figure()
            height = int(figure.layout.height)
            figure.update_layout(width=WIDTH - 20)
            page = Path(tmp) / f"{case_id}.html"
            figure.write_html(
                page,
                include_plotlyjs=True,
                full_html=True,
                auto_play=False,
                config={"displayModeBar": False},
                post_script=LAST_FRAME % json.dumps(figure.frames[-1].name),
            )
            target = args.out / file_name(case_id)
            screenshot(page, target, WIDTH, height + 20, Path(tmp) / "profile")
            print(f"{target}: {target.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
