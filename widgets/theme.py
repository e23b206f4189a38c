"""One look for every widget and chart: colours, line styles and badges per disease.

Colours come from the Okabe-Ito palette, which stays distinguishable with the common
forms of colour blindness. Colour never carries meaning alone: each disease also has a
text badge and its own line or border style.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DiseaseStyle:
    key: str
    name: str
    badge: str
    colour: str  # strong colour: lines, borders, badge background
    tint: str  # light background behind dark text
    dash: str  # plotly dash / CSS border style, so print and colour-blind readers can tell


MS = DiseaseStyle("ms", "Multiple sclerosis", "MS", "#0072B2", "#E3F0F8", "solid")
ALS = DiseaseStyle("als", "Amyotrophic lateral sclerosis", "ALS", "#D55E00", "#FBE9DD", "dashed")
DISEASES: dict[str, DiseaseStyle] = {MS.key: MS, ALS.key: ALS}

# What a widget's ``disease`` argument chooses, in every widget: the healthy system (the
# explorer only), one disease, or both side by side. Labels are the toggle's words.
DISEASE_CHOICES = ("healthy", "ms", "als", "compare")
DISEASE_LABELS = {"healthy": "Healthy", "ms": "MS", "als": "ALS", "compare": "Compare both"}
_SHOWN = {"healthy": (), "ms": ("ms",), "als": ("als",), "compare": ("ms", "als")}


def diseases_in(choice: str) -> tuple[str, ...]:
    """The diseases a ``disease`` choice shows: none for healthy, both for compare."""
    if choice not in _SHOWN:
        allowed = ", ".join(map(repr, DISEASE_CHOICES))
        raise ValueError(f"disease must be one of {allowed}; got {choice!r}")
    return _SHOWN[choice]


TEXT = "#1A1A1A"  # text on our own light backgrounds (disease boxes, SVG, charts)
MUTED_TEXT = "#4D4D4D"
BACKGROUND = "#FFFFFF"
FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"

# Text straight on the page follows JupyterLab's theme (light, dark, high contrast);
# the fallbacks are for viewers without JupyterLab's variables (GitHub, the static copy).
PAGE_TEXT = f"var(--jp-content-font-color1, {TEXT})"
PAGE_MUTED = f"var(--jp-content-font-color2, {MUTED_TEXT})"
FONT_SIZE = "var(--jp-content-font-size1, 14px)"  # 14 px in JupyterLab and elsewhere
ROOT_STYLE = {"color": PAGE_TEXT, "font-size": FONT_SIZE, "line-height": "1.45"}
FOCUS_RING = "#0072B2"  # Okabe-Ito blue: >= 3:1 on white and on JupyterLab Dark's #111


def relative_luminance(hex_colour: str) -> float:
    """WCAG 2.x relative luminance of ``#RRGGBB``."""
    value = hex_colour.lstrip("#")
    if len(value) != 6:
        raise ValueError(f"colour must look like #RRGGBB, got {hex_colour!r}")
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG contrast ratio between two colours (1 to 21)."""
    lighter, darker = sorted(
        (relative_luminance(foreground), relative_luminance(background)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


def badge_text_colour(background: str) -> str:
    """Black or white, whichever reads better on ``background``."""
    return max(("#000000", "#FFFFFF"), key=lambda fg: contrast_ratio(fg, background))
