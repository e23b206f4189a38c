"""Colours: colour-blind-safe, never alone, and readable (WCAG AA, 4.5:1)."""

from __future__ import annotations

import re

import pytest

from widgets.html import badge
from widgets.theme import (
    BACKGROUND,
    DISEASES,
    FOCUS_RING,
    MUTED_TEXT,
    PAGE_MUTED,
    PAGE_TEXT,
    TEXT,
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


def test_diseases_differ_by_more_than_colour_where_they_are_drawn():
    """In grey scale a reader still tells MS from ALS: by badge text, line style and marker."""
    for style in DISEASES.values():
        assert f">{style.badge}</span>" in badge(style)
    chart = side_by_side_chart(years=20)
    lines = {trace.line.color: trace for trace in chart.figure.data}
    ms, als = lines[DISEASES["ms"].colour], lines[DISEASES["als"].colour]
    assert ms.name.startswith("MS ") and als.name.startswith("ALS ")
    assert ms.line.dash != als.line.dash
    assert ms.marker.symbol != als.marker.symbol


# JupyterLab 4's own values (themes/@jupyterlab/theme-*-extension/index.css): text colours
# (some with alpha) and the backgrounds our widgets' text can sit on.
JUPYTERLAB = {
    "light": {
        "--jp-content-font-color1": "rgba(0,0,0,.87)",
        "--jp-content-font-color2": "rgba(0,0,0,.54)",
        "backgrounds": ["#FFFFFF"],
    },
    "dark": {
        "--jp-content-font-color1": "#FFFFFF",
        "--jp-content-font-color2": "rgba(255,255,255,.7)",
        "backgrounds": ["#111111", "#212121"],
    },
}


def resolve(colour: str, theme_name: str, background: str) -> str:
    """A CSS colour (``var(--x, fallback)``, ``rgba()`` or hex) as the #RRGGBB one sees."""
    variable = re.fullmatch(r"var\((--[\w-]+), (#[0-9A-Fa-f]{6})\)", colour)
    if variable:
        colour = JUPYTERLAB.get(theme_name, {}).get(variable.group(1), variable.group(2))
    rgba = re.fullmatch(r"rgba\((\d+),(\d+),(\d+),([\d.]+)\)", colour)
    if not rgba:
        return colour
    *rgb, alpha = (float(v) for v in rgba.groups())
    under = [int(background[i : i + 2], 16) for i in (1, 3, 5)]
    mixed = [round(alpha * c + (1 - alpha) * u) for c, u in zip(rgb, under, strict=True)]
    return "#" + "".join(f"{v:02X}" for v in mixed)


@pytest.mark.parametrize("theme_name", sorted(JUPYTERLAB))
@pytest.mark.parametrize("colour", [PAGE_TEXT, PAGE_MUTED], ids=["text", "muted"])
def test_page_text_reads_in_light_and_dark_jupyterlab(theme_name, colour):
    for background in JUPYTERLAB[theme_name]["backgrounds"]:
        seen = resolve(colour, theme_name, background)
        assert contrast_ratio(seen, background) >= 4.5, (colour, theme_name, background, seen)


def test_page_colours_fall_back_to_readable_light_colours():
    assert resolve(PAGE_TEXT, "static", BACKGROUND) == TEXT
    assert resolve(PAGE_MUTED, "static", BACKGROUND) == MUTED_TEXT
    assert contrast_ratio(MUTED_TEXT, BACKGROUND) >= 4.5


@pytest.mark.parametrize("background", ["#FFFFFF", "#111111", "#212121"])
def test_focus_ring_stands_out_in_light_and_dark(background):
    assert contrast_ratio(FOCUS_RING, background) >= 3


def test_resolve_blends_alpha_over_the_background():
    assert resolve("rgba(0,0,0,.5)", "light", "#FFFFFF") == "#808080"
