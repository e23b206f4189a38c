"""The exit ticket in real JupyterLab: answer once, no feedback before Submit, then a code
and a downloaded file that the teacher's reader marks the same way."""

from __future__ import annotations

import json

import nbformat
import pytest

from scripts import collect_tickets
from widgets.classroom import tickets
from widgets.ticket import mark, read_ticket_text

pytestmark = pytest.mark.browser

PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"
ROOT = f"{PANEL} .msals-widget.msals-exit-ticket"
NOTEBOOK = "lessons/_exit_ticket_check.ipynb"


@pytest.fixture(scope="module")
def ticket_page(lessons, repo_copy):
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_code_cell(
            'from widgets.exit_ticket import ExitTicket\nExitTicket(period="P1")'
        )
    ]
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    nbformat.write(notebook, repo_copy / NOTEBOOK)
    opened = lessons.use(NOTEBOOK)
    opened.page.wait_for_selector(f"{ROOT} .widget-toggle-button", state="attached")
    return opened.page


def texts(page, selector):
    return page.locator(selector).evaluate_all("els => els.map(e => e.textContent.trim())")


def test_answer_once_submit_and_hand_in(ticket_page, tmp_path):
    page = ticket_page
    questions = tickets()["P1"][1]
    page.locator(f"{ROOT} input[type=text]").fill("Robin Q")
    blocks = page.locator(f"{ROOT} .widget-toggle-buttons")
    assert blocks.count() == len(questions)
    for index in range(len(questions)):
        buttons = blocks.nth(index).locator(".widget-toggle-button")
        buttons.first.scroll_into_view_if_needed()
        buttons.first.click()
        page.wait_for_function(
            "([root, i]) => document.querySelectorAll(root + ' .widget-toggle-buttons')[i]"
            ".querySelector('.widget-toggle-button').disabled",
            arg=[ROOT, index],
        )
        # One attempt: every option of this question is now locked.
        assert all(buttons.evaluate_all("bs => bs.map(b => b.disabled)"))
    notes = texts(page, f"{ROOT} .msals-feedback")
    assert len(notes) == len(questions)
    assert all(note.startswith("Answer recorded") for note in notes), notes
    assert not any("Correct" in n or "Not quite" in n for n in notes)
    assert page.locator(f"{ROOT} .msals-ticket-code").count() == 0

    submit = page.locator(f"{ROOT} button.widget-button", has_text="Submit")
    submit.scroll_into_view_if_needed()
    submit.click()
    code_el = page.locator(f"{ROOT} .msals-ticket-code")
    code_el.wait_for(state="attached")
    code = code_el.text_content().strip()
    letters = "".join("A" for _ in questions)  # the first option of every question
    assert code.startswith(f"P1-{letters}-")
    expected = mark("", code, {"P1": questions})
    assert expected.marks == tuple(q.answer_index == 0 for q in questions)
    notes = texts(page, f"{ROOT} .msals-feedback")
    assert all(("✓ Correct." in n) or ("✗ Not quite." in n) for n in notes), notes
    status = " ".join(texts(page, f"{ROOT} .msals-summary"))
    assert f"Submitted: {expected.score} of {len(questions)} correct." in status

    link = page.locator(f"{ROOT} a.msals-ticket-download")
    link.scroll_into_view_if_needed()
    with page.expect_download() as download:
        link.click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name == "exit-ticket-P1-Robin-Q.json"
    document = json.loads(saved.read_text(encoding="utf-8"))
    assert document["name"] == "Robin Q" and document["code"] == code
    result = read_ticket_text(saved.read_text(encoding="utf-8"), {"P1": questions}, saved.name)
    assert result.marks == expected.marks
    assert collect_tickets.main([str(tmp_path)]) == 0
    assert "Robin Q" in (tmp_path / "class-table.csv").read_text(encoding="utf-8")
