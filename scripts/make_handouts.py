"""Print the classroom pack's handouts to PDF, on A4 and on US Letter (``make handouts``).

    python -m scripts.make_handouts [--out handouts] [--size a4 --size letter]

Each handout (see :mod:`scripts.handout_pages`) is written as the HTML it is printed from
and as a PDF, by the same headless Chromium the browser tests use (:mod:`scripts.headless`)
driven by Playwright's ``page.pdf``. The glossary is printed at the largest font size
that fits its two pages. Output: ``OUT/<size>/<handout>.pdf`` and ``.html``, and
``OUT/index.html`` linking them all.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

from scripts.handout_pages import Handout, all_handouts, expected_pages, index_html
from scripts.headless import CHROMIUM_ARGS, CHROMIUM_ENV, find_chromium

ROOT = Path(__file__).resolve().parent.parent
SIZES = {"a4": "A4", "letter": "Letter"}
MARGIN = {side: "12mm" for side in ("top", "right", "bottom", "left")}
GLOSSARY_FONTS = [11.5, 11, 10.5, 10, 9.5, 9, 8.5, 8]  # smaller is hard to read


def pdf_pages(data: bytes) -> int:
    """Pages in a PDF as Chromium writes it (one ``/Type /Page`` object per page)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))


class Printer:
    """One headless Chromium that prints HTML files to PDF."""

    def __enter__(self):
        from playwright.sync_api import sync_playwright

        chromium = find_chromium()
        if chromium is None:
            raise SystemExit(f"no Chromium found: install it or set {CHROMIUM_ENV}")
        self._playwright = sync_playwright().start()
        self._browser = self._playwright.chromium.launch(
            executable_path=chromium, args=CHROMIUM_ARGS
        )
        self._page = self._browser.new_page()
        return self

    def __exit__(self, *exc):
        self._browser.close()
        self._playwright.stop()

    def pdf(self, html_path: Path, paper: str) -> bytes:
        self._page.goto(html_path.as_uri(), wait_until="load")
        return self._page.pdf(format=paper, margin=MARGIN, print_background=True)


def print_handout(printer: Printer, handout: Handout, folder: Path, paper: str) -> int:
    """Write ``folder/<stem>.html`` and ``.pdf``; return the number of pages."""
    html_path = folder / f"{handout.stem}.html"
    if handout.stem == "glossary":
        # The largest font that still fits on the glossary's sheets.
        for size in GLOSSARY_FONTS:
            html_path.write_text(handout.html(glossary_font_pt=size), encoding="utf-8")
            data = printer.pdf(html_path, paper)
            if pdf_pages(data) <= expected_pages(handout):  # the first size that fits
                break
    else:
        html_path.write_text(handout.html(), encoding="utf-8")
        data = printer.pdf(html_path, paper)
    (folder / f"{handout.stem}.pdf").write_bytes(data)
    return pdf_pages(data)


def make_handouts(out: Path, sizes: list[str]) -> dict[tuple[str, str], int]:
    """Print every handout on every paper size; return pages per (size, stem)."""
    handouts = all_handouts()
    pages = {}
    with tempfile.TemporaryDirectory(), Printer() as printer:
        for size in sizes:
            folder = out / size
            folder.mkdir(parents=True, exist_ok=True)
            for handout in handouts:
                pages[(size, handout.stem)] = print_handout(printer, handout, folder, SIZES[size])
    (out / "index.html").write_text(index_html(handouts, sizes), encoding="utf-8")
    return pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "handouts")
    parser.add_argument("--size", action="append", choices=sorted(SIZES))
    args = parser.parse_args(argv)
    sizes = args.size or list(SIZES)
    args.out = args.out.resolve()
    pages = make_handouts(args.out, sizes)
    expected = {h.stem: expected_pages(h) for h in all_handouts()}
    problems = 0
    for (size, stem), count in pages.items():
        flag = "" if count == expected[stem] else f"  <- expected {expected[stem]}"
        problems += bool(flag)
        print(f"{size:7} {stem:14} {count} pages{flag}")
    print(f"handouts in {args.out} (open {args.out / 'index.html'})")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
