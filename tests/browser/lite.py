"""Drive the browser-only site (``make site``) in Chromium: used by tests/browser/test_site.py
and benchmarks/site_bench.py.

* :class:`StaticServer` serves a built site on 127.0.0.1 (a free port, a thread of this
  process, stopped by ``stop()``), as any static web server would.
* :func:`launch_offline_chromium` starts Chromium so that nothing outside 127.0.0.1 can
  be reached, whoever asks (page, web worker or service worker): no host name but
  127.0.0.1 resolves, and anything else (an IP address too) goes to a proxy that does
  not exist. Blocking in the browser itself, not by routing each request through
  Playwright, keeps the ~300 requests of a lesson's start free of round trips.
* :class:`LiteLesson` opens one lesson of the site in a fresh browser context, waits for
  the in-browser kernel, runs all cells and reads back what the page shows; every request
  that leaves the site (blocked as above) is recorded in ``outside``.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import threading
import time
from pathlib import Path

from scripts.headless import CHROMIUM_ARGS
from tests.browser.jupyter import (
    JS_ALL_RUN,
    JS_CELL_REPORT,
    JS_PANEL_READY,
    JS_RUN_ALL,
    LabNotebook,
    free_port,
)

# What the site's lessons look like in the JupyterLite file browser (contents root).
RUN_APP = "run/lab/index.html"
OFFLINE_ARGS = [
    # Only 127.0.0.1 resolves: a request to any other host fails before it leaves ...
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    # ... and one to an IP address goes to a proxy port where nothing listens.
    "--proxy-server=http://127.0.0.1:9",
    "--proxy-bypass-list=127.0.0.1",
]

JS_FIRST_WIDGET = """() => !!document.querySelector(
  '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea .msals-widget')"""


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".json": "application/json",
        ".whl": "application/octet-stream",
        ".ipynb": "application/json",
    }

    def log_message(self, *args) -> None:  # the tests report what matters themselves
        pass


class StaticServer:
    """The built site on http://127.0.0.1:<free port>/ (plain static files, no kernel)."""

    def __init__(self, root: Path):
        self.root = root
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        handler = functools.partial(_QuietHandler, directory=str(root))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def start(self) -> StaticServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=10)

    def url(self, path: str) -> str:
        return f"{self.base}/{path.lstrip('/')}"

    def __enter__(self) -> StaticServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def launch_offline_chromium(browser_type, executable: str):
    """``browser_type``: ``playwright.chromium``, or ``browser.browser_type`` of a running one."""
    return browser_type.launch(executable_path=executable, args=[*CHROMIUM_ARGS, *OFFLINE_ARGS])


class LiteLesson(LabNotebook):
    """One lesson of the site, in a browser context of its own (closed by ``close()``)."""

    def __init__(self, browser, server: StaticServer, path: str):
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.outside: list[str] = []
        self.context.on("request", self._record)
        page = self.context.new_page()
        page.set_default_timeout(90_000)
        super().__init__(page, server, path)
        self.timings: dict[str, float] = {}

    def _record(self, request) -> None:
        url = request.url
        if not url.startswith((self.server.base + "/", "data:", "blob:")):
            self.outside.append(url)

    def start(self) -> LiteLesson:
        """Open the lesson's page; its kernel then starts in the background."""
        self._started = time.perf_counter()
        self.page.goto(self.server.url(f"{RUN_APP}?path={self.path}"))
        return self

    def wait_ready(self, timeout: float = 120_000) -> LiteLesson:
        """Wait until the lesson is open and its in-browser kernel is idle."""
        self.page.wait_for_function(JS_PANEL_READY, arg=self.path, timeout=timeout)
        self.timings.setdefault("kernel_ready", time.perf_counter() - self._started)
        return self

    def open(self, timeout: float = 120_000) -> LiteLesson:
        return self.start().wait_ready(timeout)

    def run_all(self, timeout: float = 120_000, time_first_widget: bool = False) -> dict:
        """Clear the stored outputs, run every cell in the (fresh) kernel; the cell report."""
        start = time.perf_counter()
        self.page.evaluate(JS_RUN_ALL, False)
        if time_first_widget:
            self.page.wait_for_function(JS_FIRST_WIDGET, timeout=timeout)
            self.timings["first_widget"] = time.perf_counter() - start
        self.page.wait_for_function(JS_ALL_RUN, timeout=timeout)
        self.timings["run_all"] = time.perf_counter() - start
        return self.page.evaluate(JS_CELL_REPORT)

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.context.close()


def tree_cpu_seconds(root: int) -> float:
    """User + system CPU seconds of ``root``'s descendants, running or ended (Linux /proc)."""
    parents, times = {}, {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(stat.parent.name)
        parents[pid] = int(fields[1])
        # Own time plus that of children already ended (a closed context's renderer).
        times[pid] = sum(int(fields[i]) for i in (11, 12, 13, 14))
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        children = [child for child, parent in parents.items() if parent == pid]
        total += sum(times.get(child, 0) for child in children)
        stack += children
    return total / os.sysconf("SC_CLK_TCK")
