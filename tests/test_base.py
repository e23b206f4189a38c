"""One "don't draw a half-built widget" guard for every widget (widgets/base.py)."""

from __future__ import annotations

import pytest

from widgets import (
    AtAGlance,
    ConductionSimulator,
    DiagnosticTestExplorer,
    NervousSystemExplorer,
    ProgressionTimelines,
    SymptomExplorer,
)

# Non-default arguments, so that building the widget sets traits that are observed.
BUILDS = {
    "glance": (AtAGlance, {"disease": "als"}),
    "explorer": (NervousSystemExplorer, {"disease": "compare", "part": "axon"}),
    "timelines": (ProgressionTimelines, {"disease": "compare", "years": 15}),
    "symptoms": (SymptomExplorer, {"disease": "ms"}),
    "tests": (DiagnosticTestExplorer, {"test": "mri"}),
    "simulator": (ConductionSimulator, {}),
}


@pytest.mark.parametrize("name", BUILDS)
def test_a_widget_draws_once_when_built_and_once_per_change(name, monkeypatch):
    cls, kwargs = BUILDS[name]
    calls = []
    original = cls._render
    monkeypatch.setattr(cls, "_render", lambda self: (calls.append(1), original(self))[1])
    widget = cls(**kwargs)
    assert len(calls) == 1, "built, then drawn once (not while half-built)"
    with widget._held():
        widget._redraw()
    assert len(calls) == 1, "no drawing while changes are held"
    widget._redraw()
    assert len(calls) == 2


@pytest.mark.parametrize("name", BUILDS)
def test_an_unknown_argument_is_refused_not_ignored(name):
    cls, _ = BUILDS[name]
    with pytest.raises(TypeError, match=r"unexpected arguments: view"):
        cls(view="als")
