"""Plotly figures, text summaries and data tables for the progression timelines.

Each ``*_chart`` function turns a course from :mod:`widgets.progression` (or the
treatment events from ``data/treatments_timeline.yaml``) into a :class:`Chart`: a
``go.Figure`` plus the same content as words (``summary``) and as a table, for readers
who cannot see the chart. Figures use a small template of our own (plotly's default
template is about 7 KB of JSON) and round every number, so stored outputs are small and
stable under nbval's exact comparison.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

import plotly.graph_objects as go
from IPython.display import display

from . import html
from .content import Reference, load, load_references
from .content.timelines import Timelines
from .content.treatments_timeline import Context, Event
from .figure_style import PLOTLY_MIME, plotly_template
from .progression import (
    ALSCourse,
    MSCourse,
    Point,
    als_function_remaining,
    annualised_relapse_rate,
    edss_score,
    edss_words,
    half_points,
    ms_function_remaining,
)
from .theme import ALS, MS, MUTED_TEXT, TEXT

CAPTION = "Illustrative course built from published averages; not a prediction for any person."
TABLE_SUMMARY = "Show the numbers as a table"

TEMPLATE = plotly_template(legend={"orientation": "h", "x": 0, "y": -0.3, "yanchor": "top"})


@dataclass(frozen=True)
class Chart:
    """A figure with its words: title, caption, summary and a table of the numbers."""

    figure: go.Figure
    title: str
    caption: str
    summary: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    def figure_json(self) -> dict:
        """What JupyterLab draws (``application/vnd.plotly.v1+json``), plain and deterministic."""
        data = self.figure.to_plotly_json()
        return {"data": data["data"], "layout": data["layout"], "config": {"displaylogo": False}}

    def table_html(self) -> html.Markup:
        return table_html(self.title, self.header, self.rows)

    def text_html(self) -> html.Markup:
        """Caption, summary and table: the chart's content for readers without the chart.

        The table is long, so it sits in a collapsed ``<details>``: still in the stored
        output and read by screen readers, but out of the way.
        """
        return html.box(
            html.el("p", html.el("strong", self.title)),
            html.muted(self.caption, tag="p"),
            html.el("p", self.summary, class_="msals-summary"),
            details_html(self.table_html()),
            class_="msals-timeline-static",
        )

    def mimebundles(self) -> list[dict]:
        """Two outputs: the chart, then its words and table.

        One output holding both would show only one of them: JupyterLab draws the
        plotly mimetype and skips the HTML, while GitHub shows only the HTML.
        """
        return [
            {PLOTLY_MIME: self.figure_json(), "text/plain": self.title},
            {"text/html": self.text_html(), "text/plain": f"{self.caption}\n{self.summary}"},
        ]

    def _ipython_display_(self):
        for bundle in self.mimebundles():
            display(bundle, raw=True)


def table_html(
    title: str, header: tuple[str, ...], rows: tuple[tuple[str, ...], ...]
) -> html.Markup:
    return html.data_table(
        header,
        rows,
        caption=f"Numbers behind the chart: {title}",
        class_="msals-timeline-table",
        cell_style={"padding": "2px 8px"},
    )


def details_html(table: html.Markup) -> html.Markup:
    """The table in a collapsed block (closed until the reader opens it)."""
    return html.details(TABLE_SUMMARY, table)


# Plotly never wraps a title: a long one is cut off in a narrow notebook (1024 px with the
# file browser open leaves about 600 px). Titles break into lines this long.
TITLE_WIDTH = 48


def _layout(title: str, x_title: str, y_title: str, y_range: list[float]) -> dict:
    title_text = html.plotly_text(title, TITLE_WIDTH)
    title_lines = title_text.count(html.PLOTLY_BREAK) + 1
    return {
        "template": TEMPLATE,
        "title": {
            "text": title_text,
            "x": 0,
            "xref": "paper",
            "xanchor": "left",
        },
        "showlegend": True,
        "xaxis": {"title": {"text": x_title}},
        "yaxis": {"title": {"text": y_title}, "range": y_range},
        "margin": {"l": 70, "r": 20, "t": 35 + 25 * title_lines, "b": 110},
        "height": 450,
        "annotations": [],
    }


def _line(style, name: str, xs, ys, texts, symbols=None, width: float = 3, dash=None):
    return go.Scatter(
        x=list(xs),
        y=list(ys),
        name=name,
        mode="lines+markers",
        line={
            "color": style.colour,
            "dash": dash or ("solid" if style.dash == "solid" else "dash"),
            "width": width,
        },
        marker={"size": 6 if width >= 3 else 4, "symbol": symbols or _symbol(style)},
        text=list(texts),
        hovertemplate=html.plotly_hover("%{text}", style.badge),
    )


def _symbol(style) -> str:
    return "circle" if style is MS else "diamond"


# --------------------------------------------------------------------------- words


def point_words(point: Point, params: Timelines) -> str:
    """What happens at one point of a course, in words (the year aside)."""
    # The rounded value, as the chart and the table's number column show it: the exact
    # level can sit across a half-point boundary from it (14.99 vs 15.0).
    level = point.value
    score = f"EDSS {edss_score(level):.1f}"
    event = point.event
    if event == "remission":
        left = half_points(point.left)  # points of lasting disability, not a score
        rest = (
            "recovery is almost complete"
            if left == 0
            else f"about {left:.1f} points of lasting disability remain"
        )
        return f"remission; {rest} ({score})"
    if event == "milestone" and point.milestone:
        return f"{score}; {point.milestone.short}"
    if event == "als_milestone" and point.milestone:
        return f"{point.milestone.label}. {point.milestone.explain}"
    if event == "end":
        return f"end of chart ({score}: {edss_words(level, params)})"
    if event == "end_point":
        end = params.als.end_point
        return (
            f"{end.label.lower()}, with ALSFRS-R still at {level:.0f} of 48. {end.explain.strip()}"
        )
    return {
        "onset": f"first relapse, the first symptoms appear ({score})",
        "onset_pp": f"first symptoms; disability starts to build slowly ({score})",
        "relapse": f"relapse starts; new or worse symptoms build over days ({score})",
        "peak": f"relapse at its worst ({score})",
        "transition_start": "a slow, steady worsening may begin, hard to notice at first "
        f"({score})",
        "progressive": f"slow worsening without recovery ({score})",
        "progressive_full": "the change to secondary progressive MS is clear by now; "
        f"disability grows slowly, with few or no relapses ({score})",
        "milestone": score,
        "cap": f"{score}; the chart stops at 8.5 (10 means death due to MS)",
        "als_onset": f"first symptoms (ALSFRS-R {level:.0f} of 48)",
        "plateau": f"ALSFRS-R {level:.0f} of 48; a pause (plateau) with no decline",
        "decline": f"ALSFRS-R {level:.0f} of 48",
        "als_end": f"end of chart, ALSFRS-R {level:.0f}",
    }[event]


def point_when(point: Point) -> str:
    return f"Year {point.year:.1f}"


def point_text(point: Point, params: Timelines) -> str:
    """The whole sentence for one point: "Year 3.5: relapse at its worst (EDSS 4.0)"."""
    return f"{point_when(point)}: {point_words(point, params)}"


# --------------------------------------------------------------------------- MS


def ms_title(course: MSCourse) -> str:
    return f"MS: {course.course.short}, {course.treatment.label.lower()} (illustrative)"


def ms_caption() -> str:
    return (
        f"{CAPTION} EDSS: 0 = normal, 10 = death due to MS; real scores go from 0 to 1.0, "
        "then up in half-point steps."
    )


def ms_summary(course: MSCourse, params: Timelines) -> str:
    c = course
    parts = [f"MS, {c.course.short}, {c.treatment.label.lower()}, first {c.years:g} years."]
    if c.relapses:
        first_ten = sum(r.start < 10 for r in c.relapses)
        parts.append(
            f"{len(c.relapses)} relapses, about {annualised_relapse_rate(c):.1f} a year while "
            f"relapsing ({first_ten} in the first 10 years); each comes on within days to weeks "
            "and then recovers fully or partly."
        )
    else:
        parts.append("No relapses: disability builds slowly from the start.")
    if c.transition is not None:
        start, full = c.transition
        if start <= c.years:
            parts.append(
                f"From about year {start:.0f} the course starts to change, slowly, to secondary "
                "progression"
                + (
                    f"; by year {full:.0f} the change is clear."
                    if full <= c.years
                    else "; the change is still under way when the chart ends."
                )
            )
    end = c.points[-1]
    parts.append(
        f"At year {end.year:g}: EDSS {edss_score(end.value):.1f} ({edss_words(end.value, params)})."
    )
    return " ".join(parts)


def ms_figure(course: MSCourse, params: Timelines) -> Chart:
    title = ms_title(course)
    layout = _layout(title, "Years since first symptoms", "Disability (EDSS, 0 to 10)", [0, 10])
    layout["xaxis"]["range"] = [0, course.years]
    for milestone in params.ms.milestones:
        layout["annotations"].append(_hlabel(milestone.level, milestone.label))
    band = None
    if course.transition is not None and course.transition[0] < course.years:
        start, full = course.transition
        band = (start, min(full, course.years))
        layout["annotations"].append(_vlabel(start, "gradual change to secondary progression"))
    points = course.points
    figure = go.Figure(
        data=[
            _line(
                MS,
                f"MS: {course.course.short}, {course.treatment.label.lower()}",
                (p.year for p in points),
                (p.value for p in points),
                (point_text(p, params) for p in points),
            )
        ],
        layout=layout,
    )
    for milestone in params.ms.milestones:
        figure.add_hline(y=milestone.level, line={"color": MUTED_TEXT, "width": 1, "dash": "dot"})
    if band is not None:
        _band(figure, *band, MS.tint)
    rows = tuple(
        (f"{p.year:.1f}", f"{edss_score(p.value):.1f}", point_words(p, params)) for p in points
    )
    return Chart(
        figure,
        title,
        ms_caption(),
        ms_summary(course, params),
        ("Year", "EDSS", "What happens"),
        rows,
    )


def _hlabel(y: float, text: str) -> dict:
    # At the left edge: every course starts low, so the label never sits on the line.
    return {
        "text": text,
        "xref": "paper",
        "x": 0.01,
        "y": y,
        "xanchor": "left",
        "yanchor": "bottom",
        "showarrow": False,
        "font": {"size": 12, "color": MUTED_TEXT},
    }


def _vlabel(x: float, text: str) -> dict:
    return {
        "text": text,
        "yref": "paper",
        "x": x,
        "y": 1,
        "xanchor": "left",
        "yanchor": "top",
        "showarrow": False,
        "font": {"size": 12, "color": MUTED_TEXT},
    }


def _band(figure: go.Figure, x0: float, x1: float, colour: str) -> None:
    """A shaded span of years behind the lines."""
    figure.add_vrect(x0=x0, x1=x1, fillcolor=colour, line_width=0, layer="below")


# --------------------------------------------------------------------------- ALS


def als_title(course: ALSCourse) -> str:
    return (
        f"ALS: {course.rate.label.lower()} decline, {course.per_month:.1f} points a month on "
        "average (illustrative)"
    )


def als_caption(params: Timelines) -> str:
    return (
        f"{CAPTION} ALSFRS-R: 48 = normal. {params.als.end_point.zero_means.strip()} "
        "Each line stops at "
        "its end point (death, or a breathing tube with full-time ventilation), well above 0."
    )


def als_stage(course: ALSCourse, year: float) -> str:
    """Where an ALS course is at ``year``, in terms of a person's day."""
    if year > course.end_year:
        return f"course ended at its end point (year {course.end_year:.1f})"
    if year == 0:
        return "first symptoms: weakness in a hand or leg, or in speech"
    reached = [m for m in course.milestones if m.year <= year]
    if reached:
        return reached[-1].label.lower() + " (by now)"
    return "weakness spreading: speaking, swallowing, writing or walking get harder"


def als_summary(course: ALSCourse, params: Timelines) -> str:
    c = course
    survival = params.als.median_survival
    low, high = survival.min, survival.max
    shape = (
        "falls without remissions, faster at first and with one pause (plateau) of "
        f"{12 * c.plateau.years:.0f} months"
        if c.plateau
        else "falls without remissions, faster at first"
    )
    parts = [
        f"ALS, {c.rate.label.lower()} decline of about {c.per_month:.1f} ALSFRS-R points a "
        f"month, first {c.years:g} years. The score starts at 48 and {shape}."
    ]
    for m in c.milestones:
        parts.append(f"{point_when(m)}: {m.label}.")
    if c.ended:
        parts.append(
            f"At year {c.end_year:.1f} the course reaches its end point (death, or a breathing "
            f"tube with full-time ventilation) with the score still at {c.end_score:.0f} of 48; "
            "the line stops there."
        )
    else:
        parts.append(f"At year {c.years:g} the score is {c.points[-1].value:.0f} of 48.")
    parts.append(
        f"Median survival is {low:g} to {high:g} years from first symptoms in most studies "
        "(shaded band): half of people live longer than that, and about 1 in 10 live more "
        "than 10 years."
    )
    return " ".join(parts)


def als_figure(course: ALSCourse, params: Timelines, others: tuple[ALSCourse, ...] = ()) -> Chart:
    """The chosen ALS course, bold, with other speeds thin behind it for comparison."""
    title = als_title(course)
    layout = _layout(title, "Years since first symptoms", "Function (ALSFRS-R, 48 to 0)", [0, 50])
    layout["xaxis"]["range"] = [0, course.years]
    survival = params.als.median_survival
    low, high = survival.min, survival.max
    layout["annotations"].append(_vlabel(low, f"median survival {low:g}-{high:g} y"))
    data = [
        _line(
            ALS,
            f"ALS: {other.rate.label.lower()} decline (for comparison)",
            (p.year for p in other.points),
            (p.value for p in other.points),
            (point_text(p, params) for p in other.points),
            width=1.5,
            dash="dot",
        )
        for other in others
        if other.rate.id != course.rate.id
    ]
    points = course.points
    data.append(
        _line(
            ALS,
            f"ALS: {course.rate.label.lower()} decline",
            (p.year for p in points),
            (p.value for p in points),
            (point_text(p, params) for p in points),
        )
    )
    shown = (course, *(o for o in others if o.rate.id != course.rate.id))
    ends = [c for c in shown if c.ended]
    if ends:
        data.append(
            go.Scatter(
                x=[c.end_year for c in ends],
                y=[c.end_score for c in ends],
                name="End point: death or breathing tube (line stops)",
                mode="markers",
                marker={"size": 12, "symbol": "x", "color": TEXT},
                hovertext=[
                    f"{c.rate.label} decline: end point at year {c.end_year:.1f}, "
                    f"ALSFRS-R {c.end_score:.0f} of 48"
                    for c in ends
                ],
                hovertemplate=html.plotly_hover("%{hovertext}", "ALS"),
            )
        )
    if course.milestones:
        data.append(
            go.Scatter(
                x=[m.year for m in course.milestones],
                y=[m.value for m in course.milestones],
                name="ALS milestones (illustrative timing)",
                mode="markers+text",
                marker={"size": 12, "symbol": "star", "color": ALS.colour, "line": {"width": 1}},
                text=[m.milestone.short for m in course.milestones],
                textposition="middle right",
                hovertext=[point_text(m, params) for m in course.milestones],
                hovertemplate=html.plotly_hover("%{hovertext}", "ALS"),
            )
        )
    figure = go.Figure(data=data, layout=layout)
    _band(figure, low, high, ALS.tint)
    shown = [p for p in points if p.kind != "decline" or float(p.year).is_integer()]
    rows = tuple(
        (f"{p.year:.1f}", f"{p.value:.0f}", point_words(p, params))
        for p in sorted((*shown, *course.milestones), key=lambda p: p.year)
    )
    return Chart(
        figure,
        title,
        als_caption(params),
        als_summary(course, params),
        ("Year", "ALSFRS-R", "What happens"),
        rows,
    )


# --------------------------------------------------------------------------- side by side


def compare_figure(ms: MSCourse, als: ALSCourse, params: Timelines) -> Chart:
    years = ms.years
    title = "MS and ALS on one time line (illustrative)"
    layout = _layout(
        title, "Years since first symptoms", "Share of the best score (%, shape only)", [0, 105]
    )
    layout["xaxis"]["range"] = [0, years]
    ms_points = ms.points
    als_points = als.points
    figure = go.Figure(
        data=[
            _line(
                MS,
                f"MS ({ms.course.short}, {ms.treatment.label.lower()})",
                (p.year for p in ms_points),
                (ms_function_remaining(p.value, params) for p in ms_points),
                (point_text(p, params) for p in ms_points),
            ),
            _line(
                ALS,
                f"ALS ({als.rate.label.lower()} decline, stops at its end point)",
                (p.year for p in als_points),
                (als_function_remaining(p.value, params) for p in als_points),
                (point_text(p, params) for p in als_points),
            ),
        ],
        layout=layout,
    )
    if als.ended:
        figure.add_trace(
            go.Scatter(
                x=[als.end_year],
                y=[als_function_remaining(als.end_score, params)],
                name="ALS end point: death or breathing tube (line stops)",
                mode="markers",
                marker={"size": 12, "symbol": "x", "color": TEXT},
                hovertext=[
                    f"End point at year {als.end_year:.1f}, ALSFRS-R {als.end_score:.0f} of 48"
                ],
                hovertemplate=html.plotly_hover("%{hovertext}", "ALS"),
            )
        )
    step = 1 if years <= 10 else 5
    marks = sorted({0, *range(step, int(years) + 1, step), int(years)})
    if als.ended:
        marks = sorted({*marks, als.end_year})
    rows = []
    for year in marks:
        edss = ms.value_at(year)
        score = als.value_at(year)
        rows.append(
            (
                f"{year:g}",
                f"{edss_score(edss):.1f}",
                edss_words(edss, params),
                "–" if score is None else f"{score:.0f}",
                "end point: death or breathing tube"
                if als.ended and year == als.end_year
                else als_stage(als, year),
            )
        )
    ms_end = ms.value_at(years)
    ms_shape = "goes up and down with relapses" if ms.relapses else "worsens slowly"
    summary = (
        f"Over {years:g} years, MS ({ms.course.short}, {ms.treatment.label.lower()}) {ms_shape}; "
        f"at year {years:g} it is at EDSS {edss_score(ms_end):.1f} "
        f"({edss_words(ms_end, params)}). ALS ({als.rate.label.lower()}) falls without remissions"
        + (
            f" and reaches its end point (death, or a breathing tube with full-time "
            f"ventilation) at year {als.end_year:.1f}, with ALSFRS-R still at "
            f"{als.end_score:.0f} of 48; its line stops there."
            if als.ended
            else f" to ALSFRS-R {als.value_at(years):.0f} of 48 at year {years:g}."
        )
        + f" {params.compare.note}"
    )
    return Chart(
        figure,
        title,
        f"{CAPTION} MS uses EDSS and ALS uses ALSFRS-R: compare shapes and time scales, "
        "not heights.",
        summary,
        (
            "Year",
            "MS: EDSS",
            "MS: what it means for the day",
            "ALS: ALSFRS-R",
            "ALS: where the course is",
        ),
        tuple(rows),
    )


# --------------------------------------------------------------------------- treatments


def event_date(event: Event) -> str:
    """The ISO date an event sits at on the chart; one known only by its year, mid-year."""
    return event.date if event.date is not None else f"{event.year}-07-01"


def shown_date(event: Event) -> str:
    """How an event's date is written for people: "5 May 2017", or the year alone."""
    if event.date is None:
        return str(event.year)
    day = date.fromisoformat(event.date)
    return f"{day.day} {day:%B %Y}"


def load_treatment_context() -> Context:
    """The caption sentence that puts the landmarks in context, with its sources."""
    return load("treatments_timeline").context


def load_treatment_events() -> list[Event]:
    """The landmarks of ``data/treatments_timeline.yaml`` (its typed model), in date order."""
    events = load("treatments_timeline").events
    return sorted(events, key=lambda e: (event_date(e), e.disease))


TIMELINE_START, TIMELINE_END = 1990.0, 2026.5
# How wide a label is, in years of the time axis: 12 px text is about 7 px a character,
# and the plot area is at least about 600 px wide for 36.5 years (a conservative guess).
YEARS_PER_CHAR = 7 / (600 / (TIMELINE_END - TIMELINE_START))
LEVEL_GAP = 0.32  # distance between label rows, in units of the y axis


def _year(event: Event) -> float:
    day = date.fromisoformat(event_date(event))
    return day.year + (day.timetuple().tm_yday - 1) / 365


def stack_labels(
    items: list[tuple[float, str]], end: float = TIMELINE_END
) -> list[tuple[int, str, tuple[float, float]]]:
    """Place labels in rows so that no two in the same row overlap.

    ``items`` are (x in years, label text) in time order. Each label starts at its
    marker and runs right, or ends at its marker and runs left when it would pass
    ``end``. Returns (row, "left" or "right" anchor, (x from, x to)) for each label.
    """
    rows: list[list[tuple[float, float]]] = []
    placed = []
    for x, text in items:
        width = len(text) * YEARS_PER_CHAR
        anchor = "left" if x + width <= end else "right"
        extent = (x, x + width) if anchor == "left" else (x - width, x)
        free = [
            i
            for i, row in enumerate(rows)
            if all(extent[0] > b + 0.3 or extent[1] < a - 0.3 for a, b in row)
        ]
        if free:
            number = free[0]
        else:
            number = len(rows)
            rows.append([])
        rows[number].append(extent)
        placed.append((number, anchor, extent))
    return placed


@dataclass(frozen=True)
class SourcedChart(Chart):
    """A chart whose words cite sources: the numbered list follows its text and table."""

    sources: html.Markup = html.Markup("")

    def text_html(self) -> html.Markup:
        return html.join([super().text_html(), self.sources])


def citation_marks(cites: html.Citations, sources: Iterable[str]) -> str:
    """``[1][3]``: plain-text marks for ``sources``, numbered in order of first citation."""
    return "".join(f"[{cites.number(source)}]" for source in sources)


def treatments_figure(
    events: list[Event],
    context: Context | None = None,
    references: Mapping[str, Reference] | None = None,
) -> SourcedChart:
    """The landmark events on a time line, with a table of them in words.

    Every source of ``context`` and of each event is cited: numbered marks after the
    caption and in each row's last column, and the numbered list under the table.
    """
    cites = html.Citations(load_references() if references is None else references)
    title = "Landmark drug approvals for MS and ALS, 1990 to 2025 (US FDA)"
    words = (
        f"{' '.join(context.text.split())} {citation_marks(cites, context.sources)}"
        if context is not None
        else ""
    )
    caption = (
        "An approval is not a cure: each drug here slows a disease; none reverses it. " + words
    ).strip()
    layout = _layout(title, "Year", "", [-1.5, 2.2])
    layout["yaxis"] = {"tickvals": [0, 1], "ticktext": ["ALS", "MS"], "range": [-1.5, 2.2]}
    layout["xaxis"]["type"] = "date"
    layout["xaxis"]["range"] = ["1990-01-01", "2026-07-01"]
    layout["margin"]["r"] = 20
    data = []
    for style, row, direction in ((MS, 1, 1), (ALS, 0, -1)):
        mine = [e for e in events if e.disease == style.key]
        data.append(
            go.Scatter(
                x=[event_date(e) for e in mine],
                y=[row] * len(mine),
                name=f"{style.badge} drugs",
                mode="markers",
                marker={
                    "size": 13,
                    "color": style.colour,
                    "symbol": ["x" if e.kind == "withdrawn" else _symbol(style) for e in mine],
                },
                hovertext=[f"{shown_date(e)}: {e.drug} {e.kind}. {e.what}" for e in mine],
                hovertemplate=html.plotly_hover("%{hovertext}", style.badge),
            )
        )
        labels = [_event_label(e) for e in mine]
        placed = stack_labels([(_year(e), text) for e, text in zip(mine, labels, strict=True)])
        for event, text, (level, anchor, _) in zip(mine, labels, placed, strict=True):
            y = round(row + direction * (0.35 + LEVEL_GAP * level), 2)
            when = event_date(event)
            layout["annotations"].append(
                {
                    "text": text,
                    "x": when,
                    "y": row,
                    "ax": when,
                    "ay": y,
                    "axref": "x",
                    "ayref": "y",
                    "xanchor": anchor,
                    "yanchor": "middle",
                    "showarrow": True,
                    "arrowhead": 0,
                    "arrowwidth": 1,
                    "arrowcolor": MUTED_TEXT,
                    "standoff": 7,
                    "font": {"size": 12, "color": style.colour},
                }
            )
    figure = go.Figure(data=data, layout=layout)
    rows = tuple(
        (
            shown_date(e),
            e.disease.upper(),
            e.drug,
            e.kind,
            e.what,
            citation_marks(cites, e.sources),
        )
        for e in events
    )
    ms_count = sum(e.disease == "ms" and e.kind == "approved" for e in events)
    als_count = sum(e.disease == "als" and e.kind == "approved" for e in events)
    summary = (
        f"{len(events)} events: {ms_count} MS approvals and {als_count} ALS approvals shown. "
        "MS drugs since 1993 reduce relapses; the first tablet came in 2010 (fingolimod) and "
        "the first drug for primary progressive MS in 2017. ALS drugs slow decline modestly; "
        "edaravone, first given through a drip (2017), was approved as a liquid taken by mouth "
        "in 2022; one drug (AMX0035, sold as Relyvrio) was approved in 2022 and withdrawn in "
        "2024, and tofersen is only for the SOD1 form."
    )
    header = ("Date", "Disease", "Drug", "Event", "What it means", "Sources")
    return SourcedChart(figure, title, caption, summary, header, rows, cites.block())


def _event_label(event: Event) -> str:
    name = event.drug.split(" (")[0]
    return {"approved": name, "withdrawn": f"{name} withdrawn", "reintroduced": f"{name} back"}[
        event.kind
    ]
