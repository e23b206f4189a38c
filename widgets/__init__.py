"""The Python package behind the MS vs ALS lesson notebooks.

Content lives in ``data/`` and is loaded (and validated) by :mod:`widgets.content`;
each module here turns one kind of content into a widget, table or figure.

``from widgets import Quiz`` imports only what the quiz needs: each name below is
imported from its module on first use, so a lesson without charts never loads plotly.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Public name -> the module (in this package) that defines it.
_EXPORTS = {
    "AtAGlance": "at_a_glance",
    "ConductionSimulator": "simulator",
    "DataError": "content",
    "DiagnosticTestExplorer": "diagnostic_tests",
    "ExitTicket": "exit_ticket",
    "NervousSystemExplorer": "explorer",
    "ProgressionTimelines": "timelines",
    "Quiz": "quiz",
    "SymptomExplorer": "symptoms",
    "show_glossary": "glossary",
    "show_lesson_map": "lesson_map",
}

__all__ = [
    "AtAGlance",
    "ConductionSimulator",
    "DataError",
    "DiagnosticTestExplorer",
    "ExitTicket",
    "NervousSystemExplorer",
    "ProgressionTimelines",
    "Quiz",
    "SymptomExplorer",
    "show_glossary",
    "show_lesson_map",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'widgets' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


if TYPE_CHECKING:  # for editors and type checkers: the names as plain imports
    from .at_a_glance import AtAGlance
    from .content import DataError
    from .diagnostic_tests import DiagnosticTestExplorer
    from .exit_ticket import ExitTicket
    from .explorer import NervousSystemExplorer
    from .glossary import show_glossary
    from .lesson_map import show_lesson_map
    from .quiz import Quiz
    from .simulator import ConductionSimulator
    from .symptoms import SymptomExplorer
    from .timelines import ProgressionTimelines
