"""Presenter mode's prose: instructions about running code are rewritten or left out."""

from __future__ import annotations

import json

import nbformat
import pytest

from tests.conftest import ROOT
from tests.notebook_tools import LESSONS
from widgets.presenter import (
    CODE_TALK,
    presenter_markdown,
    presenter_notebook,
    voila_prelaunch_hook,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "**Predict first:** before you run the cell, decide which will be hatched.",
            "**Predict first:** before you look, decide which will be hatched.",
        ),
        (
            "Will it carry a badge? Decide, then run the cell below to check.",
            "Will it carry a badge? Decide, then check below.",
        ),
        (
            "Run the cells and look at where the hatching falls:",
            "Look at where the hatching falls:",
        ),
        ("Which badge? Run the cell and compare.", "Which badge? Compare."),
        (
            "Run the cell below, then use the controls. The chart redraws.",
            "Use the controls. The chart redraws.",
        ),
        (
            "Read the feedback. Without a running kernel, open *Check your answer*.",
            "Read the feedback.",
        ),
        (
            "* **Run one cell**: press <kbd>Shift</kbd>+<kbd>Enter</kbd>. Output appears.\n* Keep",
            "* Keep",
        ),
        ("Run the cell below (<kbd>Shift</kbd>+<kbd>Enter</kbd>).\n\n## Next", "\n## Next"),
        (
            "Nothing about code here. MS attacks myelin.",
            "Nothing about code here. MS attacks myelin.",
        ),
    ],
)
def test_code_talk_is_rewritten_or_left_out(text, expected):
    assert presenter_markdown(text) == expected


@pytest.mark.parametrize("path", sorted(LESSONS.glob("*.ipynb")), ids=lambda p: p.stem)
def test_no_lesson_talks_about_running_code_in_presenter_mode(path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    shown = presenter_notebook(notebook)
    left = [
        line
        for cell in shown["cells"]
        if cell["cell_type"] == "markdown"
        for line in "".join(cell["source"]).split("\n")
        if CODE_TALK.search(line)
    ]
    assert left == []
    code = [c for c in notebook["cells"] if c["cell_type"] == "code"]
    assert [c for c in shown["cells"] if c["cell_type"] == "code"] == code


@pytest.mark.parametrize("path", sorted(LESSONS.glob("*.ipynb")), ids=lambda p: p.stem)
def test_voila_hook_rewrites_the_notebook_voila_reads_as_make_present_does(path):
    """Binder's voila/render links: Voila reads the notebook with nbformat (each source one
    string) and hands it to the hook; the prose must come out as presenter mode's."""
    notebook = nbformat.read(path, as_version=4)
    returned = voila_prelaunch_hook(None, notebook=notebook, cwd=str(path.parent))
    assert returned is notebook
    copies = presenter_notebook(json.loads(path.read_text(encoding="utf-8")))["cells"]
    for cell, copy in zip(returned.cells, copies, strict=True):
        assert isinstance(cell.source, str)
        assert cell.source == "".join(copy["source"])
    # Rewriting twice changes nothing (a copy from `make present` served with the hook).
    again = presenter_notebook(presenter_notebook(json.loads(path.read_text(encoding="utf-8"))))
    assert again["cells"] == copies


def test_repo_voila_config_sets_the_hook():
    """``.jupyter/voila.py`` (copied into Binder's image by postBuild) sets the hook."""
    from traitlets.config.loader import PyFileConfigLoader

    config = PyFileConfigLoader("voila.py", path=str(ROOT / ".jupyter")).load_config()
    assert config.VoilaConfiguration.prelaunch_hook is voila_prelaunch_hook
    # Notebook 7's lab extension breaks Voila's page where both are installed.
    assert config.VoilaConfiguration.extension_denylist == ["@jupyter-notebook/lab-extension"]
    post_build = (ROOT / "postBuild").read_text(encoding="utf-8")
    assert '"$here/.jupyter/voila.py" "$prefix/etc/jupyter/voila.py"' in post_build
