"""Render each progression-timeline chart to a small PNG in docs/ (offline).

Writes each figure to a self-contained HTML file in a temporary folder (plotly.js
inlined, so no network is needed), then asks headless Chromium for a screenshot.

    make screenshots   (Chromium: see scripts/headless.py)
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import plotly.graph_objects as go

from scripts.headless import screenshot
from widgets.timelines import als_chart, ms_chart, side_by_side_chart, treatment_history_chart

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
WIDTH, HEIGHT = 900, 500
CHARTS = {
    "timeline_ms_rrms.png": lambda: ms_chart("rrms_spms", "interferon_beta", 25),
    "timeline_ms_ppms.png": lambda: ms_chart("ppms", "ocrelizumab", 25),
    "timeline_als.png": lambda: als_chart("typical", 10),
    "timeline_side_by_side.png": lambda: side_by_side_chart(years=20),
    "timeline_treatments.png": treatment_history_chart,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args(argv)
    DOCS.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in CHARTS.items():
            figure = go.Figure(make().figure)
            figure.update_layout(width=WIDTH - 20, height=HEIGHT - 20)
            page = Path(tmp) / f"{name}.html"
            figure.write_html(
                page, include_plotlyjs=True, full_html=True, config={"displayModeBar": False}
            )
            target = DOCS / name
            screenshot(page, target, WIDTH, HEIGHT, Path(tmp) / "profile")
            print(f"{target.relative_to(ROOT)}: {target.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
