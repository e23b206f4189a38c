"""No "official Jupyter news?" pop-up where the lessons are served, Binder included.

Binder's JupyterLab does not read the repo's ``.jupyter`` folder and has no user
settings yet, so these servers get neither: only what ``postBuild`` (which repo2docker
runs once in the image) puts in the prefix's ``share/jupyter/lab/settings``. The same
server without ``postBuild`` must show the pop-up, or the check would prove nothing.

This file holds the server setup and that control; the server with ``postBuild`` is
checked in ``test_presenter_hosted.py``, which also loads Voila from it (one server, not
two).
"""

from __future__ import annotations

import contextlib
import subprocess
import time

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser.jupyter import ROOT, Server

pytestmark = pytest.mark.browser

NEWS = "news"


class BinderLikeServer(Server):
    """A JupyterLab with no user settings and no repo config, like a fresh Binder image."""

    def __init__(self, root, state_dir, prefix):
        args = [f"--LabApp.app_settings_dir={prefix / 'share/jupyter/lab/settings'}"]
        super().__init__("lab", root, state_dir, extra_args=args)
        self.prefix = prefix

    def environment(self) -> dict[str, str]:
        env = super().environment()
        empty = self.state / "empty"
        empty.mkdir(parents=True, exist_ok=True)
        env["JUPYTER_CONFIG_PATH"] = str(empty)
        env["JUPYTER_CONFIG_DIR"] = str(empty)
        env["JUPYTERLAB_SETTINGS_DIR"] = str(self.state / "fresh-user-settings")
        return env


TOASTS = ".Toastify__toast, .jp-Notification-Toast"
# How long after start the question came on the server without postBuild (seconds).
ASKED_AFTER: dict[str, float] = {}


def binder_prefix(tmp_path, post_build: bool = True):
    """An empty environment prefix as Binder's image has one, set up by postBuild or not."""
    prefix = tmp_path / "prefix"
    (prefix / "share/jupyter/lab/settings").mkdir(parents=True)
    if post_build:
        subprocess.run(
            ["bash", str(ROOT / "postBuild")],
            check=True,
            env={"MSALS_PREFIX": str(prefix), "PATH": "/usr/bin:/bin"},
        )
    return prefix


def toasts(page, server: Server, expect_news: bool) -> list[str]:
    """The pop-ups shown after start: until the news question came (when expected), or
    for twice as long as it took to come on the other server (at least 4 s)."""
    page.goto(server.url("/lab?reset"))
    page.wait_for_function("() => window.jupyterapp && window.jupyterapp.shell", timeout=60_000)
    started = time.monotonic()
    if expect_news:
        with contextlib.suppress(PlaywrightTimeout):
            page.wait_for_function(
                "(sel) => [...document.querySelectorAll(sel)]"
                ".some(t => t.textContent.toLowerCase().includes('news'))",
                arg=TOASTS,
                timeout=60_000,
            )
        ASKED_AFTER[NEWS] = time.monotonic() - started
    else:
        page.wait_for_timeout(1000 * max(4.0, 2 * ASKED_AFTER.get(NEWS, 0)))
    return page.locator(TOASTS).all_text_contents()


def test_a_binder_like_server_without_postbuild_asks_about_news(browser, repo_copy, tmp_path):
    """The control: without postBuild the question comes, so the check can see it. The
    server with postBuild is checked in tests/browser/test_presenter_hosted.py."""
    prefix = binder_prefix(tmp_path, post_build=False)
    server = BinderLikeServer(repo_copy, tmp_path / "state", prefix)
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        server.start()
        page = context.new_page()
        page.set_default_timeout(60_000)
        shown = toasts(page, server, expect_news=True)
    finally:
        context.close()
        server.stop()
    assert [text for text in shown if NEWS in text.lower()], f"no news pop-up: {shown}"
