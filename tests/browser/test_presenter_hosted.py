"""Presenter mode without installing anything, as the classroom pack guide describes it.

* Binder runs the same Jupyter server as ``make lesson`` with the same packages, Voila's
  server extension included, so ``<server>/voila/render/lessons/<lesson>.ipynb`` (the
  Binder link's ``urlpath=voila/render/...``) shows a lesson without code. Checked here on
  the JupyterLab server the other browser tests use.
* In JupyterLab itself (Binder or the JupyterLite site), View menu commands hide every
  code cell and enlarge the page. Checked: the commands exist under the labels the guide
  names, and hiding the code really hides every code input.
"""

from __future__ import annotations

import pytest

from scripts.make_pack_doc import LAB_COMMANDS, PRESENTER_LESSON

pytestmark = pytest.mark.browser

PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"


def test_voila_presenter_view_from_the_jupyter_server(lab_server, fresh_page):
    page = fresh_page
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(lab_server.url(f"/voila/render/lessons/{PRESENTER_LESSON}.ipynb"))
    page.wait_for_selector(".msals-widget .widget-toggle-button", state="attached")
    body = page.locator("body").text_content()
    assert "Key points" in body
    assert "from widgets import" not in body
    assert "Traceback" not in body
    lab_server.shutdown_kernels()


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
