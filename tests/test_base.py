"""One "don't draw a half-built widget" guard for every widget (widgets/base.py)."""

from __future__ import annotations

import ipywidgets
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


def test_shared_looks_share_one_layout_and_one_style_per_kind():
    from widgets.base import SharedLooks

    make = SharedLooks()
    first, second = make(ipywidgets.HTML, "a"), make(ipywidgets.HTML, "b")
    button = make(ipywidgets.Button, description="Go")
    assert first.value == "a" and button.description == "Go"
    assert first.layout is second.layout is button.layout
    assert first.style is second.style and button.style is make(ipywidgets.Button).style
    assert button.style is not first.style  # one style object per kind
    own = make(ipywidgets.Button, own_layout=True)
    assert own.layout is not first.layout and own.style is button.style
    given = make(ipywidgets.HTML, layout=ipywidgets.Layout(width="3em"), style={"font_size": "2em"})
    assert given.layout.width == "3em" and given.style is not first.style
    assert make(ipywidgets.VBox, [first]).layout is first.layout  # boxes have no style
