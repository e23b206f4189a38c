"""How fast the browser-only site is to teach with (``make site`` output, Chromium).

Prints, for lesson 00 opened in 3 fresh browser contexts (nothing cached, nothing
reachable but 127.0.0.1): open the lesson -> kernel ready, and Run All -> first widget
visible (medians and the three values); then the site's size on disk and what one
first visit to lesson 00 transfers (bytes served, and the same gzip-compressed, as
GitHub Pages and most web servers send it).

Wall-clock times depend on what else the machine runs, so it also prints the CPU time
Chromium spent until the kernel was ready (this script's own process tree, from /proc)
and the load average: on an idle machine the wall time approaches the CPU time.

Usage: ``python benchmarks/site_bench.py [--site _site] [--runs 3] [--lesson 00_start_here.ipynb]``.
Builds the site first when the folder is missing.
"""

from __future__ import annotations

import argparse
import gzip
import os
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.build_site import FIRST_LESSON, OUT, PYODIDE_DIR, build_site, folder_size  # noqa: E402
from scripts.headless import find_chromium  # noqa: E402
from tests.browser.lite import (  # noqa: E402
    LiteLesson,
    StaticServer,
    launch_offline_chromium,
    tree_cpu_seconds,
)


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def measure(site: Path, lesson: str, runs: int) -> dict:
    from playwright.sync_api import sync_playwright

    chromium = find_chromium()
    if chromium is None:
        raise SystemExit("no Chromium found: install it or set MSALS_CHROMIUM")
    ready, first, served, cpu = [], [], [], []
    with StaticServer(site) as server, sync_playwright() as playwright:
        browser = launch_offline_chromium(playwright.chromium, chromium)
        try:
            for _ in range(runs):
                notebook = LiteLesson(browser, server, lesson)
                paths: list[str] = []
                notebook.context.on(
                    "requestfinished",
                    lambda request, paths=paths: paths.append(request.url),
                )
                try:
                    before = tree_cpu_seconds(os.getpid())
                    notebook.open()
                    cpu.append(tree_cpu_seconds(os.getpid()) - before)
                    notebook.run_all(time_first_widget=True)
                    ready.append(notebook.timings["kernel_ready"])
                    first.append(notebook.timings["first_widget"])
                    served.append(paths)
                    if notebook.outside:
                        print(f"  (blocked requests outside the site: {notebook.outside})")
                finally:
                    notebook.close()
        finally:
            browser.close()
    # Bytes of one visit: each file of the site it asked for, counted once.
    files = {
        site / url.split(server.base + "/", 1)[1].split("?")[0]
        for url in served[0]
        if url.startswith(server.base + "/")
    }
    files = {f for f in files if f.is_file()}
    return {
        "ready": ready,
        "first": first,
        "cpu": cpu,
        "visit_bytes": sum(f.stat().st_size for f in files),
        "visit_gzip": sum(gzip_size(f) for f in files),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=OUT)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--lesson", default=FIRST_LESSON)
    args = parser.parse_args(argv)
    if not (args.site / "run" / "jupyter-lite.json").is_file():
        print(f"building the site in {args.site} first")
        build_site(args.site)
    figures = measure(args.site, args.lesson, args.runs)

    def show(values: list[float]) -> str:
        return f"median {statistics.median(values):.1f} s ({', '.join(f'{v:.1f}' for v in values)})"

    print(f"site {args.site}, lesson {args.lesson}, {args.runs} fresh browser contexts")
    print(f"  open lesson -> kernel ready:   {show(figures['ready'])}   target <= 10 s")
    print(
        f"  ... Chromium's CPU time until then: {show(figures['cpu'])}; load average "
        f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )
    print(f"  Run All -> first widget shown: {show(figures['first'])}")
    print(
        f"  site size on disk: {folder_size(args.site) / 1e6:.1f} MB (target <= 45 MB); "
        f"JupyterLite {folder_size(args.site / 'run') / 1e6:.1f} MB, of which Pyodide and "
        f"wheels {folder_size(args.site / 'run' / PYODIDE_DIR) / 1e6:.1f} MB; read-only "
        f"pages {folder_size(args.site / 'read') / 1e6:.1f} MB"
    )
    print(
        f"  first visit to the lesson fetches {figures['visit_bytes'] / 1e6:.1f} MB "
        f"({figures['visit_gzip'] / 1e6:.1f} MB gzip-compressed); later visits use the "
        "browser's cache"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
