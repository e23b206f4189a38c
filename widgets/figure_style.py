"""The look every plotly figure shares: a small template of our own (not plotly's large
default, which would bloat stored outputs) and the mimetype figures are stored under."""

from __future__ import annotations

import plotly.graph_objects as go

from .theme import BACKGROUND, FONT_FAMILY, MUTED_TEXT, TEXT

PLOTLY_MIME = "application/vnd.plotly.v1+json"
GRID = "#E6E6E6"


def plotly_template(**layout: object) -> go.layout.Template:
    """Our template; keyword arguments replace or add top-level layout entries."""
    base: dict[str, object] = {
        "font": {"family": FONT_FAMILY, "size": 14, "color": TEXT},
        "paper_bgcolor": BACKGROUND,
        "plot_bgcolor": BACKGROUND,
        "hoverlabel": {"font": {"family": FONT_FAMILY, "size": 13}, "align": "left"},
        "xaxis": {
            "gridcolor": GRID,
            "linecolor": MUTED_TEXT,
            "ticks": "outside",
            "zeroline": False,
        },
        "yaxis": {
            "gridcolor": GRID,
            "linecolor": MUTED_TEXT,
            "ticks": "outside",
            "zeroline": False,
        },
    }
    base.update(layout)
    return go.layout.Template(layout=base)
