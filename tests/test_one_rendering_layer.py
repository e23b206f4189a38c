"""Issue 11: HTML tags and ``escape(`` appear only in the rendering layer, widgets/html.py.

Every Python string in widgets/ and scripts/ (docstrings aside) is read; one that holds a
tag, and any call of a function named ``escape``, fails this test unless the allow-list
below names it with its reason.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RENDERING_LAYER = ROOT / "widgets" / "html.py"

# An opening or closing tag: "<div", "<br>", "</span>", "<svg ...".
TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:[\s/>]|$)")

# (file, the tag or call found): why it may stay outside widgets/html.py.
ALLOWED = {
    # Regular expressions that strip the CDN scripts and stylesheets nbconvert's page
    # template would fetch: they read HTML, they do not write it.
    ("scripts/export_static.py", "<script"),
    ("scripts/export_static.py", "<link"),
    ("scripts/export_static.py", "</script>"),
    ("scripts/export_static.py", "</head>"),
    ("scripts/export_static.py", "</body>"),
    # The presenter check's regular expression finds "Shift + Enter" (<kbd> keys) in prose.
    ("widgets/presenter.py", "<kbd>"),
    ("widgets/presenter.py", "</kbd>"),
    # Named groups of a regular expression ("(?P<name>...)"), not tags.
    ("scripts/make_guide.py", "<begin>"),
    ("scripts/make_guide.py", "<name>"),
    ("scripts/make_guide.py", "<end>"),
}


def _docstring_nodes(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def _strings(tree: ast.AST) -> list[str]:
    """Every string literal (an f-string's parts joined), docstrings left out."""
    skip = _docstring_nodes(tree)
    inside_fstrings = set()
    texts = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            parts = []
            for value in node.values:
                inside_fstrings.add(id(value))
                parts.append(value.value if isinstance(value, ast.Constant) else "{}")
            texts.append("".join(str(p) for p in parts))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str | bytes)
            and id(node) not in skip
            and id(node) not in inside_fstrings
        ):
            value = node.value
            texts.append(value.decode("utf-8", "replace") if isinstance(value, bytes) else value)
    return texts


def _escape_calls(tree: ast.AST) -> list[str]:
    calls = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name == "escape":
                calls.append("escape(")
    return calls


def findings(path: Path) -> list[tuple[str, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    relative = path.relative_to(ROOT).as_posix()
    found = [(relative, tag) for text in _strings(tree) for tag in _tags(text)]
    found += [(relative, call) for call in _escape_calls(tree)]
    return [item for item in found if item not in ALLOWED]


def _tags(text: str) -> list[str]:
    if text.startswith("<?xml"):
        return []  # an XML declaration (export_quiz.py's QTI files), not HTML
    return [match.group(0).rstrip(" \t\n/") for match in TAG.finditer(text)]


def python_files() -> list[Path]:
    files = sorted((ROOT / "widgets").glob("*.py")) + sorted((ROOT / "scripts").glob("*.py"))
    return [path for path in files if path != RENDERING_LAYER]


def test_tags_and_escape_only_in_the_rendering_layer():
    found = [item for path in python_files() for item in findings(path)]
    assert found == [], f"HTML written outside widgets/html.py: {found}"


@pytest.mark.parametrize(
    "source",
    [
        'x = f"<p>{name}</p>"',
        'x = "<br>".join(parts)',
        "x = html.escape(text)",
        'x = "%{text}<extra></extra>"',
    ],
)
def test_the_check_catches_hand_written_html(source):
    tree = ast.parse(f'"""A module: <p> in a docstring is fine."""\n{source}\n')
    assert [t for s in _strings(tree) for t in _tags(s)] + _escape_calls(tree)


def test_docstrings_are_not_checked():
    tree = ast.parse('"""Reads ``data/<name>.yaml``."""\ndef f():\n    """A <details> block."""\n')
    assert [t for s in _strings(tree) for t in _tags(s)] == []
