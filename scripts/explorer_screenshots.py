"""Re-make the explorer screenshots in docs/ (one per view) with headless Chromium.

Run: make screenshots
Needs Chromium (see scripts/headless.py); shrinks the PNGs with pngquant when it is installed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from scripts.headless import screenshot
from widgets import html
from widgets.diagram import CHOICES, load_parts, render_svg

ROOT = Path(__file__).resolve().parent.parent


WIDTH = 880  # the drawing's width in the PNG; its height follows the drawing's viewBox


def main() -> int:
    parts = load_parts()
    with tempfile.TemporaryDirectory() as tmp:
        for view in CHOICES:
            page = Path(tmp) / f"{view}.html"
            svg = render_svg(parts, view)
            _, _, box_width, box_height = (
                float(v) for v in ET.fromstring(svg).get("viewBox").split()
            )
            height = round(WIDTH * box_height / box_width) + 20
            drawing = html.trusted(svg)
            body = html.el("div", drawing, style={"width": f"{WIDTH}px", "padding": "10px"})
            page.write_text(
                html.el("html", html.el("body", body, style={"margin": "0", "background": "#fff"})),
                encoding="utf-8",
            )
            raw = Path(tmp) / f"{view}.png"
            screenshot(page, raw, WIDTH + 20, height, Path(tmp) / "profile")
            target = ROOT / "docs" / f"explorer-{view}.png"
            if shutil.which("pngquant"):
                subprocess.run(
                    ["pngquant", "--force", "--quality=60-85", "--output", str(target), str(raw)],
                    check=True,
                )
            else:
                shutil.copy(raw, target)
            print(f"wrote {target.relative_to(ROOT)} ({target.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
