"""Presenter mode without installing anything, as the classroom pack guide describes it.

* Binder runs the same Jupyter server as ``make lesson`` with the same packages, Voila's
  server extension included, so ``<server>/voila/render/lessons/<lesson>.ipynb`` (the
  Binder link's ``urlpath=voila/render/...``) shows a lesson without code. Checked here on
  the JupyterLab server the other browser tests use.
* That view shows presenter mode's prose, as ``make present`` does: no "Run the cell
  below", "Shift+Enter" or "kernel" (Voila's prelaunch hook, set in ``.jupyter/voila.py``).
  Checked on that server, and on a server configured as a fresh Binder image is: no repo
  ``.jupyter`` folder, only what ``postBuild`` installs.
* In JupyterLab itself (Binder or the JupyterLite site), View menu commands hide every
  code cell and enlarge the page. Checked: the commands exist under the labels the guide
  names, and hiding the code really hides every code input.
"""

from __future__ import annotations

import json

import pytest

from scripts.make_pack_doc import LAB_COMMANDS, PRESENTER_LESSON
from tests.browser.jupyter import ROOT
from tests.browser.test_news_popup import NEWS, BinderLikeServer, binder_prefix, toasts
from widgets.presenter import CODE_TALK, presenter_markdown

pytestmark = pytest.mark.browser

PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"


def lesson_markdown() -> str:
    notebook = json.loads((ROOT / "lessons" / f"{PRESENTER_LESSON}.ipynb").read_text("utf-8"))
    return "\n".join(
        "".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "markdown"
    )


def check_presenter_view(page, server) -> None:
    """The lesson through ``<server>/voila/render/...``: widgets, no code, projector prose."""
    page.goto(server.url(f"/voila/render/lessons/{PRESENTER_LESSON}.ipynb"))
    page.wait_for_selector(".msals-widget .widget-toggle-button", state="attached")
    body = page.locator("body").text_content()
    assert "Key points" in body
    assert "from widgets import" not in body
    assert "Traceback" not in body
    # The prose is presenter mode's: what the lesson says at a keyboard is rewritten...
    original = lesson_markdown()
    assert "Run the cell" in original and "before you run the cell" in original
    assert "before you look" in presenter_markdown(original)
    prose = page.locator(".jp-RenderedMarkdown").all_inner_texts()
    shown = "\n".join(prose)
    assert "before you look" in shown
    # ...and no rendered Markdown still talks about running code.
    assert prose and [text for text in prose if CODE_TALK.search(text)] == []


def test_voila_presenter_view_from_the_jupyter_server(lab_server, fresh_page):
    check_presenter_view(fresh_page, lab_server)
    lab_server.shutdown_kernels()


class BinderImageServer(BinderLikeServer):
    """JupyterLab configured as a fresh Binder image is: the repo's ``.jupyter`` folder is
    not read, the image's ``<prefix>/etc/jupyter`` (where postBuild writes) is."""

    def environment(self) -> dict[str, str]:
        env = super().environment()
        env["JUPYTER_CONFIG_PATH"] = str(self.prefix / "etc" / "jupyter")
        return env


def test_binder_image_gets_presenter_prose_and_no_news_popup_from_postbuild(
    browser, repo_copy, tmp_path
):
    """One server set up as a fresh Binder image, checked both ways postBuild matters:
    Voila's presenter view has presenter mode's prose, and JupyterLab asks no "official
    Jupyter news?" question (tests/browser/test_news_popup.py: the same question is
    asked on such a server without postBuild)."""
    prefix = binder_prefix(tmp_path)
    server = BinderImageServer(repo_copy, tmp_path / "state", prefix)
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        server.start()
        page = context.new_page()
        page.set_default_timeout(90_000)
        check_presenter_view(page, server)
        shown = toasts(page, server, expect_news=False)
    finally:
        context.close()
        server.stop()
    assert [text for text in shown if NEWS in text.lower()] == [], shown


@pytest.mark.lesson(PRESENTER_LESSON)
def test_lab_view_menu_hides_code_for_a_projector(lessons):
    notebook = lessons.use(f"lessons/{PRESENTER_LESSON}.ipynb")
    page = notebook.page
    labels = page.evaluate(
        "ids => ids.map(id => window.jupyterapp.commands.hasCommand(id)"
        " ? window.jupyterapp.commands.label(id) : null)",
        list(LAB_COMMANDS),
    )
    assert labels == list(LAB_COMMANDS.values())
    hidden = page.evaluate(
        """async panel => {
          await window.jupyterapp.commands.execute('notebook:hide-all-cell-code');
          const selector = panel + ' .jp-CodeCell .jp-Cell-inputWrapper';
          const inputs = [...document.querySelectorAll(selector)];
          const shown = inputs.filter(el => {
            const area = el.querySelector('.jp-InputArea');
            return area && area.offsetParent !== null && !el.closest('.jp-mod-collapsed');
          }).length;
          await window.jupyterapp.commands.execute('notebook:show-all-cell-code');
          return {inputs: inputs.length, shown};
        }""",
        PANEL,
    )
    assert hidden["inputs"] > 0 and hidden["shown"] == 0, hidden
