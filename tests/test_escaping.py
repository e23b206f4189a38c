"""One escaping test for every renderer: hostile text in every data file stays text.

A copy of ``data/`` gets markup, ampersands and quotes appended to every piece of text a
student reads (names, labels, statements, definitions, prompts, feedback, citations...).
Each renderer is then built from that copy, in the states that show the most text, and
every piece of HTML it produces (the stored snapshot, each live HTML child, the diagram
inline and as an image) must show the hostile text as text and contain none of its tags.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import ipywidgets
import pytest
import yaml

from tests.conftest import SAFE_DUMPER, read_yaml
from tests.snapshots import pictures

MARK = "<i>&'\""  # a tag, an ampersand and both quotes
SHORT_FIELDS = {("parts.yaml", "label"): 24}  # the schema caps diagram labels
TEXT_KEYS = {
    "case",
    "citation",
    "definition",
    "drug",
    "explain",
    "feedback",
    "finding",
    "frequency",
    "function",
    "how",
    "label",
    "long_name",
    "measures",
    "name",
    "prompt",
    "summary",
    "term",
    "text",
    "title",
    "what",
    "why",
}


def _poison(node, filename: str, key: str | None = None):
    if isinstance(node, dict):
        if node.get("kind") == "sort":  # a sort question's options must read MS, ALS, ...
            return {k: v if k == "options" else _poison(v, filename, k) for k, v in node.items()}
        return {k: _poison(v, filename, k) for k, v in node.items()}
    if isinstance(node, list):
        strings = key == "symptoms" and filename == "parts.yaml"
        return [MARK + v if strings else _poison(v, filename, key) for v in node]
    if isinstance(node, str) and key in TEXT_KEYS:
        limit = SHORT_FIELDS.get((filename, key))
        return (node[: limit - len(MARK)] if limit else node) + MARK
    return node


@pytest.fixture
def hostile_data(data_copy: Path) -> Path:
    for path in [*data_copy.glob("*.yaml"), *data_copy.glob("references/*.yaml")]:
        # libyaml's loader and dumper: the pure-Python ones took 1 s per test here.
        document = read_yaml(path)
        poisoned = _poison(document, path.name)
        path.write_text(yaml.dump(poisoned, Dumper=SAFE_DUMPER, sort_keys=False), "utf-8")
    return data_copy


class _Scan(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.text += [value or "" for _, value in attrs]  # alt text, titles, data-*

    def handle_data(self, data):
        self.text.append(data)


def html_pieces(thing) -> list[str]:
    """Every HTML text a renderer produced: snapshot, live HTML children, and images."""
    if isinstance(thing, str):
        pieces = [thing]
    elif hasattr(thing, "_repr_mimebundle_") and isinstance(thing, ipywidgets.Widget):
        pieces = [thing._repr_mimebundle_()["text/html"]]
        stack = list(getattr(thing, "children", ()))
        while stack:
            child = stack.pop()
            stack += list(getattr(child, "children", ()))
            if isinstance(child, ipywidgets.HTML) and "<style>" not in child.value:
                pieces.append(child.value)
    else:  # an IPython HTML display object
        pieces = [thing.data]
    return pieces + [svg for piece in pieces for svg in pictures(piece)]


def _lesson_map():
    from widgets import show_lesson_map

    return [show_lesson_map()]


def _glossary():
    from widgets import show_glossary

    return [show_glossary(), show_glossary("03_symptoms")]


def _at_a_glance():
    from widgets import AtAGlance

    return [AtAGlance(disease=view) for view in ("ms", "als", "compare")]


def _explorer():
    from widgets import NervousSystemExplorer

    return [
        NervousSystemExplorer(disease=view, part="upper_motor_neurons")
        for view in ("healthy", "compare")
    ]


def _symptoms():
    from widgets import SymptomExplorer

    return [SymptomExplorer(symptom="cognitive_change"), SymptomExplorer(symptom="swallowing")]


def _quiz():
    from widgets import Quiz

    quiz = Quiz(lesson="03_symptoms")
    for question_id in quiz.question_ids:
        quiz.answer(question_id, 0)
    return [quiz, Quiz(lesson="01_nervous_system_primer")]


def _timelines():
    from widgets import ProgressionTimelines

    return [ProgressionTimelines(disease=view) for view in ("ms", "als", "compare")]


def _chart_text():
    from widgets.timelines import treatment_history_chart

    return [treatment_history_chart().text_html()]


def _simulator():
    from widgets import ConductionSimulator
    from widgets.simulator import conduction_case

    return [
        ConductionSimulator(case="ms_warm"),
        ConductionSimulator(case="als_late"),
        conduction_case("healthy").text_html(),
    ]


def _diagnostic_tests():
    from widgets import DiagnosticTestExplorer

    return [DiagnosticTestExplorer(test=test) for test in ("mri", "genetics")]


def _exit_ticket():
    from widgets import ExitTicket

    ticket = ExitTicket(lesson="03_symptoms")
    for question_id in ticket.question_ids:
        ticket.answer(question_id, 0)
    ticket.submit(name="<i>&'\"")
    return [ticket, ExitTicket(period="P1")]


RENDERERS = {
    "diagnostic_tests": _diagnostic_tests,
    "exit_ticket": _exit_ticket,
    "lesson_map": _lesson_map,
    "glossary": _glossary,
    "at_a_glance": _at_a_glance,
    "explorer": _explorer,
    "symptoms": _symptoms,
    "quiz": _quiz,
    "timelines": _timelines,
    "treatment_chart": _chart_text,
    "simulator": _simulator,
}


@pytest.mark.parametrize("name", sorted(RENDERERS))
def test_every_renderer_escapes_data_text(hostile_data, name):
    shown = 0
    for thing in RENDERERS[name]():
        for piece in html_pieces(thing):
            if piece.startswith("<svg"):
                root = ET.fromstring(piece)  # still well-formed XML
                assert not [e for e in root.iter() if e.tag.endswith("}i")], "tag in the SVG"
                shown += sum(MARK in (e.text or "") for e in root.iter())
                continue
            scan = _Scan()
            scan.feed(piece)
            assert "i" not in scan.tags, f"{name}: data text became markup: {piece[:300]}"
            shown += sum(MARK in text for text in scan.text)
    assert shown > 0, f"{name}: no data text reached the page, so nothing was tested"
