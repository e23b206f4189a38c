"""Plotly figures, text summaries and data tables for the progression timelines.

Each ``*_chart`` function turns a course from :mod:`widgets.progression` (or the
treatment events from ``data/treatments_timeline.yaml``) into a :class:`Chart`: a
``go.Figure`` plus the same content as words (``summary``) and as a table, for readers
who cannot see the chart. Figures use a small template of our own (plotly's default
template is about 7 KB of JSON) and round every number, so stored outputs are small and
stable under nbval's exact comparison.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import plotly.graph_objects as go
from IPython.display import display

from . import html
from .content import load_document
from .progression import (
    ALSCourse,
    MSCourse,
    Params,
    als_function_remaining,
    annualised_relapse_rate,
    ms_function_remaining,
)
from .theme import ALS, BACKGROUND, FONT_FAMILY, MS, MUTED_TEXT, TEXT

GRID = "#E6E6E6"
CAPTION = "Illustrative course built from published averages; not a prediction for any person."
PLOTLY_MIME = "application/vnd.plotly.v1+json"

TEMPLATE = go.layout.Template(
    layout={
        "font": {"family": FONT_FAMILY, "size": 14, "color": TEXT},
        "paper_bgcolor": BACKGROUND,
        "plot_bgcolor": BACKGROUND,
        "hoverlabel": {"font": {"family": FONT_FAMILY, "size": 13}, "align": "left"},
        "xaxis": {
            "gridcolor": GRID,
            "linecolor": MUTED_TEXT,
            "ticks": "outside",
            "zeroline": False,
        },
        "yaxis": {
            "gridcolor": GRID,
            "linecolor": MUTED_TEXT,
            "ticks": "outside",
            "zeroline": False,
        },
        "legend": {"orientation": "h", "x": 0, "y": -0.3, "yanchor": "top"},
    }
)


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
        """Caption, summary and table: the chart's content for readers without the chart."""
        return html.box(
            html.el("p", html.el("strong", self.title)),
            html.muted(self.caption, tag="p"),
            html.el("p", self.summary, class_="msals-summary"),
            self.table_html(),
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


def _layout(title: str, x_title: str, y_title: str, y_range: list[float], caption: str) -> dict:
    return {
        "template": TEMPLATE,
        "title": {"text": title, "x": 0, "xref": "paper", "xanchor": "left"},
        "showlegend": True,
        "xaxis": {"title": {"text": x_title}},
        "yaxis": {"title": {"text": y_title}, "range": y_range},
        "margin": {"l": 70, "r": 20, "t": 50, "b": 160},
        "height": 480,
        "annotations": [_note(caption, -0.46)],
        "shapes": [],
    }


def _note(text: str, y: float) -> dict:
    return {
        "text": text,
        "xref": "paper",
        "yref": "paper",
        "x": 0,
        "y": y,
        "xanchor": "left",
        "yanchor": "top",
        "showarrow": False,
        "align": "left",
        "font": {"size": 12, "color": MUTED_TEXT},
    }


def _line(style, name: str, xs, ys, texts, symbols=None) -> go.Scatter:
    return go.Scatter(
        x=list(xs),
        y=list(ys),
        name=name,
        mode="lines+markers",
        line={
            "color": style.colour,
            "dash": "solid" if style.dash == "solid" else "dash",
            "width": 3,
        },
        marker={"size": 6, "symbol": symbols or ("circle" if style is MS else "diamond")},
        text=list(texts),
        hovertemplate="%{text}<extra>" + style.badge + "</extra>",
    )


# --------------------------------------------------------------------------- MS


def ms_title(course: MSCourse) -> str:
    return f"MS: {course.course.label.lower()}, {course.treatment.label.lower()} (illustrative)"


def ms_summary(course: MSCourse) -> str:
    c = course
    parts = [f"MS, {c.course.short}, {c.treatment.label.lower()}, first {c.years:g} years."]
    if c.relapses:
        first_ten = sum(r.start < 10 for r in c.relapses)
        parts.append(
            f"{len(c.relapses)} relapses ({annualised_relapse_rate(c):.1f} a year while relapsing; "
            f"{first_ten} in the first 10 years); each rises within weeks and then recovers fully "
            "or partly."
        )
    else:
        parts.append("No relapses: disability builds slowly from the start.")
    if c.progressive_from is not None:
        parts.append(f"From year {c.progressive_from:.1f} the course is secondary progressive.")
    end = c.points[-1]
    parts.append(f"EDSS at year {end.year:g}: {end.value:.1f} out of 10; it never goes back down.")
    return " ".join(parts)


def ms_chart(course: MSCourse, params: Params) -> Chart:
    title = ms_title(course)
    layout = _layout(
        title,
        "Years since first symptoms",
        "Disability (EDSS, 0 to 10)",
        [0, 10],
        CAPTION
        + "<br>EDSS: 0 = normal, 10 = death due to MS; real scores move in half-point steps.",
    )
    layout["xaxis"]["range"] = [0, course.years]
    for milestone in params.ms_milestones:
        layout["shapes"].append(_hline(milestone.level, MUTED_TEXT))
        layout["annotations"].append(_hlabel(milestone.level, milestone.label))
    if course.progressive_from is not None:
        layout["shapes"].append(_vline(course.progressive_from))
        layout["annotations"].append(_vlabel(course.progressive_from, "secondary progressive"))
    points = course.points
    figure = go.Figure(
        data=[
            _line(
                MS,
                f"MS: {course.course.short}, {course.treatment.label.lower()}",
                (p.year for p in points),
                (p.value for p in points),
                (p.text for p in points),
            )
        ],
        layout=layout,
    )
    rows = tuple(
        (f"{p.year:.2f}", f"{p.value:.2f}", p.text.split(": ", 1)[-1])
        for p in points
        if p.kind != "peak"
    ) + tuple(
        (f"{r.peak_year:.2f}", f"{r.peak:.2f}", "peak of the relapse")
        for r in course.relapses
        if r.peak_year <= course.years
    )
    rows = tuple(sorted(rows, key=lambda row: float(row[0])))
    return Chart(figure, title, CAPTION, ms_summary(course), ("Year", "EDSS", "What happens"), rows)


def _hline(y: float, colour: str) -> dict:
    return {
        "type": "line",
        "xref": "paper",
        "x0": 0,
        "x1": 1,
        "y0": y,
        "y1": y,
        "line": {"color": colour, "width": 1, "dash": "dot"},
    }


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


def _vline(x: float) -> dict:
    return {
        "type": "line",
        "yref": "paper",
        "x0": x,
        "x1": x,
        "y0": 0,
        "y1": 1,
        "line": {"color": MUTED_TEXT, "width": 1, "dash": "dashdot"},
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


# --------------------------------------------------------------------------- ALS


def als_title(course: ALSCourse) -> str:
    return (
        f"ALS: {course.rate.label.lower()} decline, {course.per_month:.1f} points a month "
        "(illustrative)"
    )


def als_summary(course: ALSCourse, params: Params) -> str:
    c = course
    low, high = params.median_survival
    parts = [
        f"ALS, {c.rate.label.lower()} decline of {c.per_month:.1f} ALSFRS-R points a month, "
        f"first {c.years:g} years. The score starts at 48 and only falls; there are no remissions."
    ]
    for m in c.milestones:
        parts.append(f"{m.text.split('. ', 1)[0]}.")
    if c.floor_year <= c.years:
        parts.append(f"The score reaches 0 at year {c.floor_year:.1f}.")
    else:
        parts.append(f"At year {c.years:g} the score is {c.points[-1].value:.0f} of 48.")
    parts.append(
        f"Half of people with ALS live {low:g} to {high:g} years from first symptoms "
        "(shaded band); about 1 in 10 live more than 10 years."
    )
    return " ".join(parts)


def als_chart(course: ALSCourse, params: Params) -> Chart:
    title = als_title(course)
    layout = _layout(
        title,
        "Years since first symptoms",
        "Function (ALSFRS-R, 48 to 0)",
        [0, 50],
        CAPTION
        + "<br>ALSFRS-R: 48 = normal, 0 = no function; real decline is uneven and varies widely.",
    )
    layout["xaxis"]["range"] = [0, course.years]
    low, high = params.median_survival
    layout["shapes"].append(_band(low, high))
    layout["annotations"].append(_vlabel(low, f"median survival {low:g}-{high:g} y"))
    points = course.points
    data = [
        _line(
            ALS,
            f"ALS: {course.rate.label.lower()} decline",
            (p.year for p in points),
            (p.value for p in points),
            (p.text for p in points),
        )
    ]
    if course.milestones:
        data.append(
            go.Scatter(
                x=[m.year for m in course.milestones],
                y=[m.value for m in course.milestones],
                name="ALS milestones (illustrative timing)",
                mode="markers+text",
                marker={"size": 12, "symbol": "star", "color": ALS.colour, "line": {"width": 1}},
                text=[
                    m.text.split(": ", 1)[1].split(" (", 1)[0].split(". ", 1)[0]
                    for m in course.milestones
                ],
                textposition="middle right",
                hovertext=[m.text for m in course.milestones],
                hovertemplate="%{hovertext}<extra>ALS</extra>",
            )
        )
    figure = go.Figure(data=data, layout=layout)
    rows = tuple(
        (f"{p.year:.2f}", f"{p.value:.2f}", p.text.split(": ", 1)[-1])
        for p in sorted((*points, *course.milestones), key=lambda p: p.year)
    )
    return Chart(
        figure,
        title,
        CAPTION,
        als_summary(course, params),
        ("Year", "ALSFRS-R", "What happens"),
        rows,
    )


def _band(x0: float, x1: float) -> dict:
    return {
        "type": "rect",
        "yref": "paper",
        "x0": x0,
        "x1": x1,
        "y0": 0,
        "y1": 1,
        "fillcolor": ALS.tint,
        "line": {"width": 0},
        "layer": "below",
    }


# --------------------------------------------------------------------------- side by side


def compare_chart(ms: MSCourse, als: ALSCourse, params: Params) -> Chart:
    years = ms.years
    title = "MS and ALS on one time line: function remaining (illustrative)"
    layout = _layout(
        title,
        "Years since first symptoms",
        "Function remaining (%)",
        [0, 105],
        CAPTION + "<br>MS uses EDSS and ALS uses ALSFRS-R: compare shapes, not heights.",
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
                (p.text for p in ms_points),
            ),
            _line(
                ALS,
                f"ALS ({als.rate.label.lower()} decline)",
                (p.year for p in als_points),
                (als_function_remaining(p.value, params) for p in als_points),
                (p.text for p in als_points),
            ),
        ],
        layout=layout,
    )
    step = 1 if years <= 10 else 5
    marks = sorted({0, *range(step, int(years) + 1, step), int(years)})
    rows = tuple(
        (
            str(year),
            f"{ms_function_remaining(ms.value_at(year), params):.0f}",
            f"{als_function_remaining(als.value_at(year), params):.0f}",
        )
        for year in marks
    )
    ms_end = ms_function_remaining(ms.value_at(years), params)
    ms_shape = "goes up and down with relapses" if ms.relapses else "declines slowly"
    summary = (
        f"Over {years:g} years, MS ({ms.course.short}) {ms_shape} and keeps "
        f"{ms_end:.0f}% of function by the end; ALS ({als.rate.label.lower()}) falls steadily"
        + (
            f" and reaches 0% at year {als.floor_year:.1f}."
            if als.floor_year <= years
            else f" to {als_function_remaining(als.value_at(years), params):.0f}%."
        )
        + f" {params.compare_note}"
    )
    return Chart(
        figure,
        title,
        CAPTION,
        summary,
        ("Year", "MS function remaining (%)", "ALS function remaining (%)"),
        rows,
    )


# --------------------------------------------------------------------------- treatments


@dataclass(frozen=True)
class TreatmentEvent:
    id: str
    disease: str
    drug: str
    kind: str
    when: str  # ISO date used on the chart
    shown_date: str  # how the date is written for people
    what: str
    source: str


def load_treatment_events() -> list[TreatmentEvent]:
    events = []
    for item in load_document("treatments_timeline")["events"]:
        if "date" in item:
            day = date.fromisoformat(item["date"])
            when, shown = item["date"], f"{day.day} {day:%B %Y}"
        else:
            when, shown = f"{item['year']}-07-01", str(item["year"])
        events.append(
            TreatmentEvent(
                item["id"],
                item["disease"],
                item["drug"],
                item["kind"],
                when,
                shown,
                item["what"],
                item["source"],
            )
        )
    return sorted(events, key=lambda e: (e.when, e.disease))


def treatments_chart(events: list[TreatmentEvent]) -> Chart:
    title = "Key drug approvals for MS and ALS, 1990 to 2025 (US FDA)"
    caption = "An approval is not a cure: each drug here aims to slow a disease; none reverses it."
    layout = _layout(title, "Year", "", [-0.6, 1.6], caption)
    layout["yaxis"] = {"tickvals": [0, 1], "ticktext": ["ALS", "MS"], "range": [-0.6, 1.6]}
    layout["xaxis"]["type"] = "date"
    layout["xaxis"]["range"] = ["1990-01-01", "2026-07-01"]
    layout["margin"]["r"] = 120  # room for the last label, drawn past the axis end
    layout["showlegend"] = True
    data = []
    for style, row in ((MS, 1), (ALS, 0)):
        mine = [e for e in events if e.disease == style.key]
        data.append(
            go.Scatter(
                x=[e.when for e in mine],
                y=[row] * len(mine),
                name=f"{style.badge} drugs",
                mode="markers+text",
                marker={
                    "size": 13,
                    "color": style.colour,
                    "symbol": [
                        "x" if e.kind == "withdrawn" else ("circle" if style is MS else "diamond")
                        for e in mine
                    ],
                },
                text=[_event_label(e) for e in mine],
                textposition=_label_positions(mine),
                cliponaxis=False,
                hovertext=[f"{e.shown_date}: {e.drug} {e.kind}. {e.what}" for e in mine],
                hovertemplate="%{hovertext}<extra>" + style.badge + "</extra>",
            )
        )
    figure = go.Figure(data=data, layout=layout)
    rows = tuple((e.shown_date, e.disease.upper(), e.drug, e.kind, e.what) for e in events)
    ms_count = sum(e.disease == "ms" and e.kind == "approved" for e in events)
    als_count = sum(e.disease == "als" and e.kind == "approved" for e in events)
    summary = (
        f"{len(events)} events: {ms_count} MS approvals and {als_count} ALS approvals shown. "
        "MS drugs since 1993 reduce relapses; the first drug for primary progressive MS came in "
        "2017. ALS drugs slow decline modestly; one (AMX0035) was withdrawn in 2024 and tofersen "
        "is only for the SOD1 form."
    )
    return Chart(
        figure, title, caption, summary, ("Date", "Disease", "Drug", "Event", "What it means"), rows
    )


def _event_label(event: TreatmentEvent) -> str:
    name = event.drug.split(" (")[0]
    return {"approved": name, "withdrawn": f"{name} withdrawn", "reintroduced": f"{name} back"}[
        event.kind
    ]


def _label_positions(events: list[TreatmentEvent]) -> list[str]:
    """Alternate labels above and below; split two close labels on one side left and right."""
    positions = ["top center" if i % 2 == 0 else "bottom center" for i in range(len(events))]
    for i in range(2, len(events)):
        gap = date.fromisoformat(events[i].when) - date.fromisoformat(events[i - 2].when)
        if gap.days < 4 * 365:
            positions[i - 2] = positions[i - 2].replace("center", "left")
            positions[i] = positions[i].replace("center", "right")
    return positions
