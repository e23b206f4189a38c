"""Colours: colour-blind-safe, never alone, and readable (WCAG AA, 4.5:1)."""

from __future__ import annotations

import pytest

from widgets.theme import (
    BACKGROUND,
    DISEASES,
    MUTED_TEXT,
    TEXT,
    badge_html,
    badge_text_colour,
    contrast_ratio,
)
from widgets.timelines import side_by_side_chart

OKABE_ITO = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"}


def test_contrast_ratio_known_values():
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#777777") == pytest.approx(1.0)
    with pytest.raises(ValueError, match="#RRGGBB"):
        contrast_ratio("red", "#FFFFFF")


@pytest.mark.parametrize("key", sorted(DISEASES))
def test_disease_styles_are_readable(key):
    style = DISEASES[key]
    assert style.colour in OKABE_ITO
    assert contrast_ratio(badge_text_colour(style.colour), style.colour) >= 4.5
    assert contrast_ratio(TEXT, style.tint) >= 4.5
    assert contrast_ratio(MUTED_TEXT, BACKGROUND) >= 4.5


def test_diseases_differ_by_more_than_colour_where_they_are_drawn():
    """In grey scale a reader still tells MS from ALS: by badge text, line style and marker."""
    for style in DISEASES.values():
        assert f">{style.badge}</span>" in badge_html(style)
    chart = side_by_side_chart(years=20)
    lines = {trace.line.color: trace for trace in chart.figure.data}
    ms, als = lines[DISEASES["ms"].colour], lines[DISEASES["als"].colour]
    assert ms.name.startswith("MS ") and als.name.startswith("ALS ")
    assert ms.line.dash != als.line.dash
    assert ms.marker.symbol != als.marker.symbol
