"""Shared behaviour of the lesson's widgets.

A :class:`LessonWidget` is an ``ipywidgets.VBox`` that also knows how to describe
itself in words (``summary()``) and as static HTML (``static_html()``). Both go into
the notebook's stored output next to the live widget, so that:

* GitHub and static HTML exports, which cannot run widgets, still show the content;
* nbval compares the words and the HTML exactly, so a change in what the widget
  says is caught by the notebook tests.

The stored HTML is a snapshot: it starts with one line telling the student to run
the cell for the live controls (``controls`` names them). All HTML comes from
:mod:`widgets.html`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import ipywidgets

from . import html
from .page_script import page_script

__all__ = ["LessonWidget", "check_choice"]


class LessonWidget(ipywidgets.VBox):
    """A VBox with a text summary and a static HTML rendering of its current state.

    Every instance carries the CSS class ``msals-widget`` plus ``css_class`` of its
    subclass, so browser tests and styles can find it.
    """

    css_class = ""
    controls = "the controls"  # what running the cell gives, e.g. "the toggle and the part menu"

    def __init__(self, **kwargs):
        children = list(kwargs.pop("children", ()))
        # ipywidgets would pass an unknown argument on to object() with only a warning,
        # so AtAGlance(view="als") would quietly show MS: refuse it instead.
        unknown = sorted(set(kwargs) - set(self.trait_names()))
        if unknown:
            raise TypeError(
                f"{type(self).__name__}() got unexpected arguments: {', '.join(unknown)}"
            )
        # Hidden: a style sheet for the live widget (focus ring, 14 px controls).
        style = ipywidgets.HTML(html.widget_style(), layout=ipywidgets.Layout(display="none"))
        # Hidden: keys stay in the widget; diagram clicks choose a part (widgets.page_script).
        super().__init__(children=[*children, style, page_script()], **kwargs)
        self.add_class("msals-widget")
        if self.css_class:
            self.add_class(self.css_class)

    # The one "don't draw a half-built widget" guard: False until the subclass's __init__
    # ends with _start(). Trait observers call _redraw(), which draws only once started.
    _ready = False

    def _start(self) -> None:
        """The last line of a subclass's ``__init__``: draw, and redraw on every change."""
        self._ready = True
        self._render()

    def _redraw(self) -> None:
        if self._ready:
            self._render()

    @contextlib.contextmanager
    def _held(self) -> Iterator[None]:
        """Make several changes without a redraw between them (redraw once after)."""
        ready, self._ready = self._ready, False
        try:
            yield
        finally:
            self._ready = ready

    def _render(self) -> None:  # pragma: no cover - every subclass overrides it
        raise NotImplementedError

    def summary(self) -> str:  # pragma: no cover - every subclass overrides it
        raise NotImplementedError

    def static_html(self) -> html.Markup:  # pragma: no cover - every subclass overrides it
        raise NotImplementedError

    def _repr_mimebundle_(self, **kwargs):
        bundle = super()._repr_mimebundle_(**kwargs) or {}
        # The default text is a truncated repr full of widget internals; the summary
        # is what a reader without the widget needs.
        bundle["text/plain"] = self.summary()
        bundle["text/html"] = str(html.snapshot(self.static_html(), self.controls))
        return bundle


def check_choice(name: str, value: object, allowed: list[str] | tuple[str, ...]) -> str:
    """Return ``value`` if allowed, else raise a ValueError that lists the allowed values."""
    if value not in allowed:
        raise ValueError(f"{name} must be one of {', '.join(map(repr, allowed))}; got {value!r}")
    return value  # type: ignore[return-value]
