"""The Python package behind the MS vs ALS lesson notebooks.

Content lives in ``data/`` and is loaded (and validated) by :mod:`widgets.content`;
each module here turns one kind of content into a widget, table or figure.
"""

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
