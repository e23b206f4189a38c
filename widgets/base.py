"""Shared behaviour of the lesson's widgets.

A :class:`LessonWidget` is an ``ipywidgets.VBox`` that also knows how to describe
itself in words (``summary()``) and as static HTML (``static_html()``). Both go into
the notebook's stored output next to the live widget, so that:

* GitHub and static HTML exports, which cannot run widgets, still show the content;
* nbval compares the words and the HTML exactly, so a change in what the widget
  says is caught by the notebook tests.
"""

from __future__ import annotations

import html

import ipywidgets


class LessonWidget(ipywidgets.VBox):
    """A VBox with a text summary and a static HTML rendering of its current state.

    Every instance carries the CSS class ``msals-widget`` plus ``css_class`` of its
    subclass, so browser tests and styles can find it.
    """

    css_class = ""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.add_class("msals-widget")
        if self.css_class:
            self.add_class(self.css_class)

    def summary(self) -> str:  # pragma: no cover - every subclass overrides it
        raise NotImplementedError

    def static_html(self) -> str:  # pragma: no cover - every subclass overrides it
        raise NotImplementedError

    def _repr_mimebundle_(self, **kwargs):
        bundle = super()._repr_mimebundle_(**kwargs) or {}
        # The default text is a truncated repr full of widget internals; the summary
        # is what a reader without the widget needs.
        bundle["text/plain"] = self.summary()
        bundle["text/html"] = self.static_html()
        return bundle


def live_region(html_text: str) -> str:
    """Wrap HTML so screen readers announce it when it changes."""
    return f'<div role="status" aria-live="polite">{html_text}</div>'


def escape(text: object) -> str:
    """Escape any text that came from data/ before it is put into HTML."""
    return html.escape(str(text), quote=True)


def check_choice(name: str, value: object, allowed: list[str] | tuple[str, ...]) -> str:
    """Return ``value`` if allowed, else raise a ValueError that lists the allowed values."""
    if value not in allowed:
        raise ValueError(f"{name} must be one of {', '.join(map(repr, allowed))}; got {value!r}")
    return value  # type: ignore[return-value]
