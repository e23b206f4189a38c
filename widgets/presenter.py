"""Presenter mode: a lesson a teacher can project, with prose that makes sense without code.

``make present`` shows copies of the lessons in Voila (code hidden). Sentences that talk
to someone at a keyboard ("Run the cell below", "before you run the cell", "Shift+Enter",
"without a running kernel") mean nothing to a class watching a projector, so the copies
are rewritten by :func:`presenter_markdown`: instructions to run code become plain
instructions to look ("Before you look, ..."), and sentences only about running code are
left out. The lessons themselves are never changed.

Two ways in, one rewriting: ``make present`` serves rewritten copies
(:func:`presenter_notebook`), and every other Voila page of the lessons (Binder's
``voila/render/lessons/...`` links, the ``voila`` command) rewrites each notebook as it is
opened, through :func:`voila_prelaunch_hook`, which ``.jupyter/voila.py`` sets as
Voila's ``VoilaConfiguration.prelaunch_hook`` (``postBuild`` installs that file in
Binder's image).
"""

from __future__ import annotations

import copy
import re

# (pattern, replacement) in order: turn "run the cell" clauses into "look" clauses.
CELL = r"(?:it|the cells?|this cell)(?: below)?"
REWRITES: tuple[tuple[re.Pattern[str], object], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (rf"\b([Bb])efore you run {CELL}, ", r"\1efore you look, "),
        (rf"\b([Tt]hen) run {CELL} to check\.", r"\1 check below."),
        (rf", then run {CELL}: ", ", then look: "),
        (rf"\b([Tt]hen) run {CELL}(?: and|,)? ", r"\1 "),
        (rf"\bRun {CELL}, then (\w)", lambda m: m.group(1).upper()),
        (rf"\bRun {CELL} and (\w)", lambda m: m.group(1).upper()),
    )
)
# A sentence still matching this is only about running code: it is left out.
CODE_TALK = re.compile(
    r"run (?:the|this|each|every|your) cells?|run it\b|shift\s*\+\s*enter|"
    r"shift</kbd>\s*\+\s*<kbd>enter|kernel|run all|on github|snapshot|`\w+\(",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
LIST_MARK = re.compile(r"^(\s*(?:[*+-]|\d+\.)\s+)(.*)$")


def presenter_line(line: str) -> str | None:
    """One Markdown line for the projector (None: leave the line out)."""
    for pattern, replacement in REWRITES:
        line = pattern.sub(replacement, line)
    mark = LIST_MARK.match(line)
    prefix, body = (mark.group(1), mark.group(2)) if mark else ("", line)
    sentences = SENTENCE_END.split(body)
    kept = [s for s in sentences if not CODE_TALK.search(s)]
    if len(kept) == len(sentences):
        return line
    if not kept or (mark and CODE_TALK.search(sentences[0])):
        return None  # a list item whose lead sentence goes makes no sense without it
    return prefix + " ".join(kept)


def presenter_markdown(text: str) -> str:
    """A Markdown cell's text with code talk rewritten or left out."""
    lines = [presenter_line(line) for line in text.split("\n")]
    return "\n".join(line for line in lines if line is not None)


def _rewrite_markdown(notebook) -> None:
    """Rewrite a notebook's Markdown cells in place, keeping each source's form: a list
    of lines as in the ``.ipynb`` file, or one string as nbformat reads it."""
    for cell in notebook["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        source = cell["source"]
        text = presenter_markdown(source if isinstance(source, str) else "".join(source))
        cell["source"] = text if isinstance(source, str) else text.splitlines(keepends=True)


def presenter_notebook(notebook: dict) -> dict:
    """A copy of a notebook (nbformat JSON) for presenter mode: Markdown rewritten,
    code cells unchanged (Voila runs them and hides their code)."""
    result = copy.deepcopy(notebook)
    _rewrite_markdown(result)
    return result


def voila_prelaunch_hook(request, notebook, cwd):
    """Voila's ``prelaunch_hook``: the notebook Voila is about to run, rewritten for the
    projector. Voila calls it with the page request, the notebook (an nbformat
    ``NotebookNode``) and its folder, before starting the kernel, and shows what it
    returns."""
    _rewrite_markdown(notebook)
    return notebook
