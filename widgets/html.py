"""The one rendering layer: every piece of HTML the lessons show is built here.

Two halves:

* :func:`el`, an element builder that escapes every text child and attribute value
  it is given, so data text can never become markup. Only :class:`Markup` values
  (built here, or our own SVG drawing wrapped with :func:`trusted`) pass unescaped.
* Named components used by every widget, each defined once: :func:`badge`,
  :func:`disease_box`, :class:`Citations` (first-use numbering and the "Sources (N)"
  block), :func:`callout` (not medical advice), :func:`placeholder` ("Pick a part…"),
  :func:`details`, :func:`data_table` (``<th scope>``), :func:`live_region`,
  :func:`picture` (an SVG as an ``<img>`` that survives sanitising),
  :func:`run_hint` and :func:`snapshot` (what a widget stores for readers without a
  kernel).

Styles are inline (static viewers such as GitHub drop ``<style>`` blocks) and come
from :mod:`widgets.theme`: page text follows JupyterLab's theme variables, with light
fallbacks for viewers that have none; a disease box paints its own light background
and dark text, so it reads the same in light and dark themes.

No other module of the package writes a tag or calls an escape function; the SVG
drawing in :mod:`widgets.diagram` builds its XML with ElementTree.
"""

from __future__ import annotations

import base64
import html as _html
import json
from collections.abc import Iterable, Mapping
from typing import Any

from . import theme
from .theme import DiseaseStyle

__all__ = [
    "Citations",
    "Markup",
    "badge",
    "box",
    "callout",
    "cell",
    "css",
    "data_table",
    "details",
    "disease_box",
    "disease_style",
    "el",
    "escape",
    "heading",
    "join",
    "link",
    "live_region",
    "muted",
    "not_medical_advice",
    "page",
    "paragraphs",
    "picture",
    "placeholder",
    "plotly_hover",
    "plotly_plot",
    "plotly_text",
    "row",
    "run_hint",
    "script",
    "snapshot",
    "sources_block",
    "trusted",
    "widget_style",
]


VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "wbr"})


class Markup(str):
    """Text that is already safe HTML (built by this module). Everything else is escaped.

    As with MarkupSafe, ``+`` escapes a plain string on either side:
    ``"<b>" + el("i", "x")`` gives ``&lt;b&gt;<i>x</i>``. Build with :func:`el` and
    :func:`join`; f-strings lose the Markup type.
    """

    __slots__ = ()

    def __html__(self) -> str:
        return str(self)

    def __add__(self, other: object) -> Markup:
        return Markup(str.__add__(self, escape(other)))

    def __radd__(self, other: object) -> Markup:
        return Markup(str.__add__(escape(other), self))


def escape(value: object) -> Markup:
    """``value`` as HTML text: ``<``, ``>``, ``&`` and quotes escaped, unless already Markup."""
    if isinstance(value, Markup):
        return value
    return Markup(_html.escape(str(value), quote=True))


def trusted(markup: str) -> Markup:
    """Mark our own generated markup (the SVG drawing) as safe. Never use it on data text."""
    return Markup(markup)


Child = Any  # str | Markup | number | None | Iterable[Child]


def _flatten(children: Iterable[Child]) -> Iterable[Markup]:
    for child in children:
        if child is None or child is False:
            continue
        if isinstance(child, str | int | float):
            yield escape(child)
        elif isinstance(child, Iterable):
            yield from _flatten(child)
        else:
            yield escape(child)


def join(children: Iterable[Child], sep: Child = "") -> Markup:
    """Children (escaped unless Markup) joined by ``sep``."""
    return Markup(escape(sep).join(_flatten(children)))


def css(style: Mapping[str, object] | str | None) -> str | None:
    """``{"padding": "6px", "color": None}`` -> ``"padding:6px"`` (None values dropped)."""
    if style is None or isinstance(style, str):
        return style or None
    text = ";".join(f"{key}:{value}" for key, value in style.items() if value is not None)
    return text or None


def _attribute_name(name: str) -> str:
    return name.rstrip("_").replace("_", "-")


def el(tag: str, *children: Child, style=None, **attrs: object) -> Markup:
    """One element: ``el("td", "a < b", style={"padding": "6px"}, data_part="x")``.

    Text children and attribute values are escaped; nested lists are flattened; ``None``
    children and attributes (and ``False`` attributes) are left out; ``True`` gives a bare
    attribute. A trailing underscore avoids Python keywords (``class_``) and other
    underscores become hyphens (``aria_live`` -> ``aria-live``).
    """
    parts = [tag]
    attrs = {**attrs, "style": css(style)} if style is not None else attrs
    for name, value in attrs.items():
        if value is None or value is False:
            continue
        if value is True:
            parts.append(_attribute_name(name))
        else:
            parts.append(f'{_attribute_name(name)}="{escape(value)}"')
    opening = f"<{' '.join(parts)}>"
    if tag in VOID:
        if children:
            raise ValueError(f"<{tag}> cannot have children")
        return Markup(opening)
    return Markup(f"{opening}{join(children)}</{tag}>")


# ---------------------------------------------------------------- small pieces


def paragraphs(text: str, style=None, **attrs) -> Markup:
    """One ``<p>`` per line of ``text``."""
    margin = {"margin": "0.2em 0", **(style or {})}
    return join(el("p", line, style=margin, **attrs) for line in text.splitlines())


def muted(*children: Child, tag: str = "span", style=None, **attrs) -> Markup:
    """Secondary text (captions, hints) in the theme's muted text colour.

    Not for table cells: JupyterLab's light theme stripes table rows, and its muted
    colour falls just under 4.5:1 on the stripes.
    """
    return el(tag, *children, style={"color": theme.PAGE_MUTED, **(style or {})}, **attrs)


def placeholder(text: str) -> Markup:
    """What a panel says before anything is chosen, e.g. "Pick a part to read what it does."."""
    return muted(text, tag="p", class_="msals-placeholder", style={"margin": "0.3em 0"})


def live_region(*children: Child) -> Markup:
    """Wrap HTML so screen readers announce it when it changes."""
    return el("div", *children, role="status", aria_live="polite")


def details(summary: Child, *children: Child, class_: str | None = None) -> Markup:
    """A folded block: long tables, sources, answers."""
    return el("details", el("summary", summary), *children, class_=class_)


def box(*children: Child, class_: str | None = None, style=None, **attrs) -> Markup:
    """The root of a rendered widget or snapshot: theme text colour and font size."""
    return el("div", *children, class_=class_, style={**theme.ROOT_STYLE, **(style or {})}, **attrs)


def heading(text: Child, level: int = 4) -> Markup:
    return el(f"h{level}", text, style={"margin": "0.2em 0"})


# ---------------------------------------------------------------- disease pieces


def badge(disease: DiseaseStyle, text: str | None = None) -> Markup:
    """The MS / ALS badge: strong colour, black or white text (≥ 4.5:1 either way)."""
    return el(
        "span",
        disease.badge if text is None else text,
        class_="msals-badge",
        style={
            "background": disease.colour,
            "color": theme.badge_text_colour(disease.colour),
            "padding": "0 0.4em",
            "border-radius": "3px",
            "font-weight": "700",
        },
    )


def disease_style(disease: DiseaseStyle) -> dict[str, str]:
    """A disease's box look: its tint, its border style and dark text on it in any theme."""
    return {
        "background": disease.tint,
        "border-left": f"4px {disease.dash} {disease.colour}",
        "color": theme.TEXT,
    }


def disease_box(disease: DiseaseStyle, *children: Child, tag: str = "div", style=None) -> Markup:
    """A block (or table cell, ``tag="td"``) tinted for one disease, readable in any theme."""
    base = {"padding": "4px 8px", "margin": "4px 0"} if tag == "div" else {"padding": "6px"}
    if tag == "td":
        base["vertical-align"] = "top"
    return el(
        tag,
        *children,
        class_="msals-disease",
        style={**disease_style(disease), **base, **(style or {})},
        data_disease=disease.key,
    )


# ---------------------------------------------------------------- sources


class Citations:
    """Numbers sources in the order they are first cited, and renders the sources block.

    >>> cites = Citations(references)
    >>> cites.marks(("ref_a", "ref_b"))   # <sup>[1]</sup><sup>[2]</sup>
    >>> cites.block()                      # <details><summary>Sources (2)</summary>...
    """

    def __init__(self, references: Mapping[str, Any], order: Iterable[str] = ()):
        self.references = references
        self.order: list[str] = []
        self.cite(order)

    def cite(self, sources: Iterable[str]) -> None:
        for source in sources:
            if source not in self.order:
                self.order.append(source)

    def number(self, source: str) -> int:
        self.cite([source])
        return self.order.index(source) + 1

    def marks(self, sources: Iterable[str]) -> Markup:
        """``<sup>[n]</sup>`` for each source, numbering new ones as they come."""
        return join(el("sup", f"[{self.number(s)}]") for s in sources)

    def block(self) -> Markup:
        return sources_block(self.order, self.references)


def sources_block(source_ids: Iterable[str], references: Mapping[str, Any]) -> Markup:
    """The "Sources (N)" block: a folded, numbered list of citations."""
    ids = list(source_ids)
    items = [el("li", references[s].citation) for s in ids]
    return details(f"Sources ({len(ids)})", el("ol", items), class_="msals-sources")


# ---------------------------------------------------------------- tables


def data_table(
    header: Iterable[Child],
    rows: Iterable[Iterable[Child]],
    caption: Child = None,
    row_headers: bool = False,
    class_: str | None = None,
    cell_style: Mapping[str, str] | None = None,
    corner: bool = False,
    style=None,
) -> Markup:
    """A data table with ``<th scope="col">`` headers (and ``scope="row"`` if ``row_headers``).

    A cell may be a ready ``<td>``/``<th>`` (Markup starting with ``<td`` or ``<th``),
    e.g. a :func:`disease_box` cell; anything else is wrapped in a ``<td>``. A row may be
    a ready ``<tr>`` from :func:`row`.
    """
    pad = {
        "padding": "4px 8px",
        "text-align": "left",
        "vertical-align": "top",
        **(cell_style or {}),
    }
    head = [h if _is_cell(h) else el("th", h, scope="col", style=pad) for h in header]
    if corner:
        head.insert(0, el("td"))
    body = []
    for row in rows:
        if isinstance(row, Markup) and row.startswith("<tr"):
            body.append(row)  # a ready row (see :func:`row`), e.g. with data attributes
            continue
        cells = []
        for index, cell in enumerate(row):
            if _is_cell(cell):
                cells.append(cell)
            elif index == 0 and row_headers:
                cells.append(el("th", cell, scope="row", style=pad))
            else:
                cells.append(el("td", cell, style=pad))
        body.append(el("tr", cells))
    return el(
        "table",
        el("caption", caption, style={"text-align": "left", "color": theme.PAGE_MUTED})
        if caption is not None
        else None,
        el("thead", el("tr", head)),
        el("tbody", body),
        class_=class_,
        style={
            "border-collapse": "collapse",
            "color": theme.PAGE_TEXT,
            "font-size": theme.FONT_SIZE,
            **(style or {}),
        },
    )


def _is_cell(value: object) -> bool:
    return isinstance(value, Markup) and (value.startswith("<td") or value.startswith("<th"))


def cell(*children: Child, header: bool = False, style=None, **attrs) -> Markup:
    """A table cell with the standard padding, for rows that need attributes."""
    pad = {"padding": "4px 8px", "text-align": "left", "vertical-align": "top", **(style or {})}
    if header:
        return el("th", *children, scope="row", style=pad, **attrs)
    return el("td", *children, style=pad, **attrs)


def row(*cells: Child, **attrs) -> Markup:
    """A ``<tr>`` of ready cells (see :func:`cell`), e.g. with ``data_symptom=...``."""
    return el("tr", *cells, **attrs)


# ---------------------------------------------------------------- notebook pieces


def callout(title: Child, *children: Child) -> Markup:
    """A bordered note that stands out in any theme (its own light background)."""
    return el(
        "div",
        el("strong", title),
        " ",
        *children,
        class_="msals-callout",
        role="note",
        style={
            "border": f"2px solid {theme.MUTED_TEXT}",
            "background": theme.BACKGROUND,
            "color": theme.TEXT,
            "padding": "0.6em",
            "margin": "0.5em 0",
            "font-size": theme.FONT_SIZE,
        },
    )


def not_medical_advice(note: str) -> Markup:
    """The one not-medical-advice callout; ``note`` comes from ``lesson_map.advice_note()``."""
    return callout("Not medical advice.", note)


def run_hint(controls: str) -> Markup:
    """The line under a stored snapshot: how to get the live widget."""
    return muted(
        "▶ This is a snapshot. Run this cell (Shift+Enter) to get ",
        controls,
        ".",
        tag="p",
        class_="msals-run-hint",
        style={"margin": "0.3em 0", "font-style": "italic"},
    )


def picture(svg: str, alt: str, class_: str | None = None, max_width: str = "900px") -> Markup:
    """An SVG drawing as ``<img src="data:image/svg+xml;base64,...">`` with ``alt`` text.

    Untrusted notebooks (Binder, a fresh clone) and GitHub sanitise HTML and drop inline
    ``<svg>``, leaving its labels as jumbled text; an image with a data URL survives.
    """
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return el(
        "img",
        src=f"data:image/svg+xml;base64,{data}",
        alt=alt,
        class_=class_,
        style={"width": "100%", "max-width": max_width, "height": "auto", "display": "block"},
    )


def link(text: Child, href: str) -> Markup:
    return el("a", text, href=href)


def snapshot(body: Child, controls: str) -> Markup:
    """A widget's stored output: the run hint, then the static rendering of its state."""
    return el("div", run_hint(controls), body, class_="msals-snapshot")


def widget_style() -> Markup:
    """A style sheet for live widgets: a clear focus ring and 14 px controls.

    Only live widgets use it (a hidden child of every widget): stored outputs carry
    their styles inline.
    """
    rules = (
        ".msals-widget{--jp-widgets-font-size:14px}"
        ".msals-widget .widget-html-content{font-size:14px}"
        f".msals-widget :focus-visible{{outline:3px solid {theme.FOCUS_RING} !important;"
        "outline-offset:2px !important}"
        # Quiz: a locked option stays readable (no 60 % grey); the chosen one is marked
        # by its words ("✓ your answer"), a thick border and bold text, not by opacity.
        ".msals-quiz .msals-option:disabled{opacity:1;cursor:default}"
        ".msals-quiz .msals-option:disabled:not(.msals-chosen){border:1px dashed "
        "var(--jp-border-color1,#999);background:transparent}"
        ".msals-quiz .msals-option.msals-chosen{font-weight:700;border:3px solid;"
        "height:auto;min-height:var(--jp-widgets-inline-height,28px)}"
        ".msals-quiz .msals-option.msals-right{border-color:#009E73}"
        ".msals-quiz .msals-option.msals-wrong{border-color:#D55E00;border-style:dashed}"
        ".msals-quiz .msals-option{width:auto;min-width:4em}"
        # Explorer: the picture as tall as the screen allows once JupyterLab's bars, the
        # controls above it and the summary's first line under it are counted (so all
        # three are on screen together, and its labels stay at least 12 px tall down to
        # an 800×600 screen); parts are clickable.
        ".msals-explorer .msals-diagram svg{max-height:max(calc(100vh - 218px),260px);"
        "display:block;margin:0 auto}"
        ".msals-diagram [data-part],.msals-diagram [data-label-for]{cursor:pointer}"
        ".msals-explorer .msals-controls{gap:0.3em 1em}"
        # "Show:" beside its buttons, not on a line of its own (ipywidgets stacks them):
        # one row of controls leaves the picture more of a small screen.
        ".msals-explorer .widget-toggle-buttons{display:flex;flex-wrap:wrap;"
        "align-items:center;gap:0.3em 0.5em}"
        # The active toggle: a thick underline and bold text, not just a darker grey.
        f".msals-widget .widget-toggle-button.mod-active{{font-weight:700;"
        f"box-shadow:inset 0 -4px 0 {theme.FOCUS_RING}}}"
        # Presenter mode (any Voila page: make present, Binder's voila/render links): text
        # and controls large enough for a room, the picture capped to the screen, and the
        # page stops at each section heading when scrolled.
        "html:has(body[data-voila]){scroll-snap-type:y proximity}"
        "body[data-voila] .jp-MarkdownCell:has(h2){scroll-snap-align:start}"
        "body[data-voila] .jp-RenderedMarkdown{font-size:20px}"
        "body[data-voila] .msals-widget{--jp-widgets-font-size:20px;"
        "--jp-widgets-inline-height:44px}"
        "body[data-voila] .msals-widget .widget-html-content{font-size:20px}"
        "body[data-voila] .msals-widget button,body[data-voila] .msals-widget select"
        "{font-size:20px;min-height:44px}"
        "body[data-voila] .msals-explorer .msals-diagram svg{max-height:calc(100vh - 200px)}"
        # Wide tables scroll inside their own box instead of overflowing the page.
        ".msals-widget .widget-html-content{max-width:100%;overflow-x:auto}"
    )
    return el("style", trusted(rules))


# ---------------------------------------------------------------- whole pages


def page(title: str, *body: Child, head: Child = None) -> Markup:
    """A whole standalone HTML page (the site index, the static copy's index)."""
    return Markup("<!DOCTYPE html>") + el(
        "html",
        el(
            "head",
            el("meta", charset="utf-8"),
            el("title", title),
            el("meta", name="viewport", content="width=device-width, initial-scale=1"),
            head,
        ),
        el(
            "body",
            *body,
            style={
                "font-family": "system-ui,sans-serif",
                "max-width": "50em",
                "margin": "2em auto",
                "padding": "0 1em",
                "color": theme.TEXT,
                "background": theme.BACKGROUND,
            },
        ),
        lang="en",
    )


def script(code: str = "", src: str | None = None) -> Markup:
    """A ``<script>`` element. ``code`` is our own JavaScript (never data text); ``</``
    inside it is escaped so it cannot close the element early."""
    if src is not None:
        return el("script", src=src)
    safe = code.replace("</", "<\\/")
    return Markup(f"<script>{safe}</script>")


def plotly_plot(element_id: str, figure_json: str, min_height: str = "420px") -> Markup:
    """A plotly figure drawn by a local plotly.js: a ``<div>`` and the script that fills it.

    ``figure_json`` is ``{"data":..., "layout":..., "frames":...}`` as JSON.
    """
    code = (
        f"(function(){{var f={figure_json};Plotly.newPlot({_json_string(element_id)},"
        "{data:f.data,layout:f.layout,frames:f.frames,"
        "config:{responsive:true,displaylogo:false}});})();"
    )
    plot = el("div", id=element_id, class_="msals-static-plot", style={"min-height": min_height})
    return plot + script(code)


def _json_string(text: str) -> str:
    return json.dumps(text)


# ---------------------------------------------------------------- plotly text
# Plotly reads a small subset of HTML in titles, labels and hover text, so data text
# going into a figure is escaped here too, and its line breaks are written here.

PLOTLY_BREAK = "<br>"


def plotly_text(text: str, width: int | None = None) -> str:
    """Data text for a plotly title, label or annotation: escaped, and broken into lines
    of at most ``width`` characters when given (plotly never wraps text itself)."""
    if width is None:
        return str(escape(text))
    lines: list[str] = []
    line = ""
    for word in str(text).split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return PLOTLY_BREAK.join(str(escape(part)) for part in lines)


def plotly_hover(template: str, extra: str = "") -> str:
    """A plotly hovertemplate: ``template`` (plotly's own ``%{...}`` syntax) and the
    ``extra`` box beside the hover label (empty hides it)."""
    return f"{template}<extra>{escape(extra)}</extra>"
