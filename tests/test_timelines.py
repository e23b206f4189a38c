"""Timeline figures (deterministic, honest, accessible) and the widget's controls."""

from __future__ import annotations

import json
import re

import ipywidgets
import pytest

from widgets import ProgressionTimelines, html
from widgets.content import load
from widgets.theme import ALS, MS
from widgets.timeline_figures import (
    PLOTLY_MIME,
    TITLE_WIDTH,
    event_date,
    load_treatment_events,
    stack_labels,
)
from widgets.timelines import (
    als_chart,
    ms_chart,
    side_by_side_chart,
    treatment_history_chart,
    year_options,
)

CHARTS = {
    "ms": lambda seed=6: ms_chart("rrms_spms", "none", 25, seed),
    "ms_treated": lambda seed=6: ms_chart(seed=seed),
    "ppms": lambda seed=6: ms_chart("ppms", "none", 25, seed),
    "als": lambda seed=6: als_chart("typical", 10),
    "compare": lambda seed=6: side_by_side_chart(years=20, seed=seed),
    "treatments": lambda seed=6: treatment_history_chart(),
}


def dumped(chart):
    return json.dumps(chart.figure_json(), sort_keys=True)


def numbers(value):
    if isinstance(value, bool):
        return
    if isinstance(value, float):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from numbers(item)
    elif isinstance(value, list):
        for item in value:
            yield from numbers(item)


@pytest.mark.parametrize("name", CHARTS)
def test_each_chart_is_titled_labelled_captioned_and_small(name):
    chart = CHARTS[name]()
    layout = chart.figure_json()["layout"]
    # Plotly never wraps a title: it is broken into lines short enough for a notebook at
    # 1024 px with the file browser open (issue 12), with room above the plot for them.
    lines = layout["title"]["text"].split("<br>")
    assert " ".join(lines) == chart.title
    assert all(len(line) <= TITLE_WIDTH for line in lines)
    assert layout["margin"]["t"] >= 30 + 25 * len(lines)
    assert layout["xaxis"]["title"]["text"]
    if name != "treatments":
        assert "(" in layout["yaxis"]["title"]["text"]  # a unit or a range
        assert layout["xaxis"]["title"]["text"] == "Years since first symptoms"
        assert "not a prediction for any person" in chart.caption
        # each caption is shown once: under the chart, not inside it as well
        assert all(chart.caption not in a["text"] for a in layout.get("annotations", []))
    assert "illustrative" in chart.title or name == "treatments"
    # our own small template, not plotly's 7 KB default
    template = json.dumps(layout["template"])
    assert len(template) < 1200
    assert len(dumped(chart)) < 9000
    assert all(round(x, 2) == x for x in numbers(chart.figure_json()))


@pytest.mark.parametrize("name", CHARTS)
def test_every_point_explains_itself_on_hover(name):
    for trace in CHARTS[name]().figure_json()["data"]:
        texts = trace.get("hovertext") or trace["text"]
        assert texts is not None
        assert len(texts) == len(trace["x"])
        assert all(len(t) > 8 for t in texts)
        assert "%{" in trace["hovertemplate"]


def test_ms_hover_names_relapse_remission_and_progression():
    texts = ms_chart("rrms_spms", "none", 25).figure_json()["data"][0]["text"]
    joined = " ".join(texts)
    for word in (
        "first relapse",
        "relapse starts",
        "at its worst",
        "remission",
        "secondary progressive",
    ):
        assert word in joined


def test_colours_and_dash_styles_follow_the_theme():
    compare = side_by_side_chart().figure_json()["data"]
    assert compare[0]["line"] == {"color": MS.colour, "dash": "solid", "width": 3}
    assert compare[1]["line"] == {"color": ALS.colour, "dash": "dash", "width": 3}
    assert compare[0]["name"].startswith("MS") and compare[1]["name"].startswith("ALS")
    assert ms_chart().figure_json()["data"][0]["line"]["color"] == MS.colour
    chosen = [t for t in als_chart().figure_json()["data"] if t["name"] == "ALS: typical decline"]
    assert chosen[0]["line"]["dash"] == "dash" and chosen[0]["line"]["width"] == 3
    colours = {t["marker"]["color"] for t in treatment_history_chart().figure_json()["data"]}
    assert colours == {MS.colour, ALS.colour}


def test_same_seed_same_json_different_seed_different():
    for name in ("ms", "compare"):
        assert dumped(CHARTS[name](6)) == dumped(CHARTS[name](6))
        assert dumped(CHARTS[name](6)) != dumped(CHARTS[name](7))


def test_als_chart_shows_survival_band_milestones_and_end_points():
    chart = als_chart("typical", 10)
    figure = chart.figure_json()
    band = [s for s in figure["layout"]["shapes"] if s["type"] == "rect"][0]
    assert (band["x0"], band["x1"]) == (2, 4)
    milestones = figure["data"][-1]
    assert milestones["text"] == ["Feeding tube", "Breathing support"]
    assert "non-invasive ventilation" in milestones["hovertext"][1]
    lines = {t["name"]: t for t in figure["data"] if t["mode"] == "lines+markers"}
    assert set(lines) == {
        "ALS: typical decline",
        "ALS: slow decline (for comparison)",
        "ALS: fast decline (for comparison)",
    }
    for line in lines.values():  # every course stops at its end point, above 0
        assert min(line["y"]) > 0 and line["x"][-1] < 10
    ends = [t for t in figure["data"] if t["name"].startswith("End point")][0]
    assert sorted(ends["x"]) == [2, 3, 7] and min(ends["y"]) > 0
    assert "every one of the 12 tasks scored 0" in chart.caption
    assert "end point" in chart.summary and "still at 12 of 48" in chart.summary


def test_compare_chart_table_and_summary_stop_at_the_als_end_point():
    chart = side_by_side_chart(years=20)
    assert chart.header[0] == "Year" and chart.header[3] == "ALS: ALSFRS-R"
    assert [row[0] for row in chart.rows] == ["0", "3", "5", "10", "15", "20"]
    assert chart.rows[0][1] == "0.0" and chart.rows[0][3] == "48"
    assert chart.rows[1][3] == "12" and "end point" in chart.rows[1][4]
    for row in chart.rows[2:]:  # after the end point no row reports an ALS value
        assert row[3] == "–" and not any(ch.isdigit() for ch in row[3])
        assert "ended" in row[4]
    for row in chart.rows:  # EDSS in half points, with words for the day
        assert float(row[1]) * 2 == int(float(row[1]) * 2) and len(row[2]) > 10
    assert "0%" not in chart.summary and "function remaining" not in chart.summary
    assert "reaches its end point" in chart.summary and "different scales" in chart.summary
    assert "interferon beta" in chart.summary  # the first course shown is a treated one


def test_treatment_events_come_from_data_and_show_the_withdrawal():
    events = load_treatment_events()
    dates = {e.id: event_date(e) for e in events}
    assert dates["edaravone"] == "2017-05-05"
    assert dates["tofersen"] == "2023-04-25"
    assert dates["fingolimod"] == "2010-09-22" and dates["ocrelizumab"] == "2017-03-28"
    assert dates["amx0035"] == "2022-09-29" and dates["amx0035_withdrawn"] == "2024-04-04"
    assert dates["riluzole"] == "1995-07-01"  # year only: drawn at mid-year
    chart = treatment_history_chart()
    als = chart.figure_json()["data"][1]
    labels = [a["text"] for a in chart.figure_json()["layout"]["annotations"]]
    assert "AMX0035 withdrawn" in labels and "Fingolimod" in labels
    withdrawn = [i for i, t in enumerate(als["hovertext"]) if "withdrawn" in t]
    assert [als["marker"]["symbol"][i] for i in withdrawn] == ["x"]
    assert any("SOD1" in text for text in als["hovertext"])
    assert "more than 20" in chart.caption and "handful" in chart.caption
    assert chart.rows[[r[2] for r in chart.rows].index("Edaravone")][:3] == (
        "5 May 2017",
        "ALS",
        "Edaravone",
    )


def test_every_source_of_a_treatment_event_is_cited_and_listed():
    """An event with several sources shows a mark for each, and each resolves to its
    citation in the numbered list under the chart (the caption's sources come first)."""
    from widgets.content import load_references

    references = load_references()
    events = {e.id: e for e in load_treatment_events()}
    assert events["edaravone"].sources == ("edaravone-2017", "ema-2019-radicava")
    assert len(events["edaravone_oral"].sources) == 3
    chart = treatment_history_chart()
    text = chart.text_html()
    listed = re.findall(r"<li>(.*?)</li>", text.split('class="msals-sources"')[1])
    rows = {row[2]: row for row in chart.rows}
    assert chart.header[-1] == "Sources"
    for event_id, drug in (("edaravone", "Edaravone"), ("edaravone_oral", "Oral edaravone")):
        marks = [int(n) for n in re.findall(r"\[(\d+)\]", rows[drug][-1])]
        assert len(marks) == len(events[event_id].sources) >= 2
        for number, source in zip(marks, events[event_id].sources, strict=True):
            citation = str(html.escape(references[source].citation))
            assert listed[number - 1] == citation, (drug, source)
    # the EU status sits on the edaravone event itself, where the chart's reader meets it
    assert "Not approved in the EU" in rows["Edaravone"][4]
    als = chart.figure_json()["data"][1]
    assert any("Edaravone approved" in t and "EU" in t for t in als["hovertext"])
    assert "EU" not in chart.caption
    # every source of the file is listed once, and nothing else
    cited = {s for e in events.values() for s in e.sources}
    cited |= set(load("treatments_timeline").context.sources)
    assert len(listed) == len(cited)
    assert chart.caption.endswith("[1][2]")


def test_treatment_labels_never_overlap_in_a_row():
    chart = treatment_history_chart()
    annotations = chart.figure_json()["layout"]["annotations"]
    assert len(annotations) == len(load_treatment_events())
    for disease in ("ms", "als"):
        events = [e for e in load_treatment_events() if e.disease == disease]
        from widgets.timeline_figures import _event_label, _year

        placed = stack_labels([(_year(e), _event_label(e)) for e in events])
        for i, (row, _, (a0, a1)) in enumerate(placed):
            for other_row, _, (b0, b1) in placed[i + 1 :]:
                if row == other_row:
                    assert a1 < b0 or b1 < a0
            assert a1 <= 2026.5  # no label runs off the right edge
    # two labels that would collide go to different rows
    placed = stack_labels([(2022.7, "AMX0035"), (2023.3, "Tofersen"), (2024.3, "AMX0035 x")])
    assert len({row for row, _, _ in placed}) == 3


def test_static_outputs_are_the_chart_then_its_words_and_table():
    chart = ms_chart()
    figure, words = chart.mimebundles()
    assert figure[PLOTLY_MIME]["data"][0]["x"][0] == 0
    assert figure["text/plain"] == chart.title
    assert "text/html" not in figure, "JupyterLab would show only one of the two"
    assert "<table" in words["text/html"] and 'class="msals-summary"' in words["text/html"]
    # the long table is collapsed: inside <details>, still in the stored output
    assert re.search(r"<details><summary>[^<]+</summary><table", words["text/html"])
    assert "<details open" not in words["text/html"]
    assert words["text/plain"].startswith(chart.caption)
    assert "plotly.js" not in json.dumps([figure, words])


def drawn(widget):
    return widget.figure_json()


def test_widget_has_dom_contract_classes_and_live_summary():
    widget = ProgressionTimelines()
    assert {"msals-widget", "msals-timeline"} <= set(widget._dom_classes)
    assert 'class="msals-summary"' in widget._panel.value
    assert widget._panel.value.startswith("<div style")
    assert 'aria-live="polite"' in widget._panel.value
    assert "<details><summary>Show the numbers as a table</summary>" in widget._panel.value


@pytest.mark.parametrize(
    ("control", "value"),
    [
        ("_disease", "als"),
        ("_disease", "compare"),
        ("_course", "ppms"),
        ("_treatment", "natalizumab"),
        ("_years", 10),
    ],
)
def test_each_control_changes_the_figure_data_and_summary(control, value):
    widget = ProgressionTimelines()
    before, summary = json.dumps(drawn(widget)["data"]), widget.summary()
    getattr(widget, control).value = value  # what a click in the browser sends
    assert json.dumps(drawn(widget)["data"]) != before
    assert widget.summary() != summary
    assert widget.summary() in widget._panel.value.replace("&quot;", '"')


def test_years_menu_offers_spans_and_any_year_set_from_python():
    widget = ProgressionTimelines(years=12)
    assert isinstance(widget._years, ipywidgets.Dropdown)  # a slider handle has no name
    assert widget._years.description == "Years shown:"
    assert widget._years.value == 12
    assert widget._years.options == tuple(year_options([12]))
    assert ("12 years", 12) in widget._years.options and ("40 years", 40) in widget._years.options
    widget.years = 7  # a year the menu lacks gets its own entry, and is selected
    assert widget._years.value == 7 and ("7 years", 7) in widget._years.options
    assert drawn(widget) == ms_chart(years=7).figure_json()
    widget._years.value = 40  # what choosing "40 years" in the browser sends
    assert widget.years == 40 and drawn(widget) == ms_chart(years=40).figure_json()
    assert year_options([1], choices=()) == [("1 year", 1)]


def test_rate_control_changes_the_als_chart():
    widget = ProgressionTimelines(disease="als", years=10)

    def chosen():
        return [t for t in drawn(widget)["data"] if "comparison" not in t["name"]][0]

    before = chosen()["y"]
    widget._rate.value = "fast"
    assert chosen()["y"] != before and chosen()["name"] == "ALS: fast decline"
    assert chosen()["x"][-1] == 2.0  # the fast course's end point
    assert widget._course.disabled and not widget._rate.disabled


def test_treatment_menu_follows_the_course():
    widget = ProgressionTimelines(treatment="natalizumab")
    widget._course.value = "ppms"
    assert widget.treatment == "ocrelizumab"  # the course's first (treated) option
    assert [v for _, v in widget._treatment.options] == ["ocrelizumab", "none"]
    widget._treatment.value = "none"
    assert "no treatment" in widget.summary()
    widget._course.value = "rrms_spms"
    assert widget.treatment == "none"  # still offered, so kept


def test_first_ms_course_shown_is_treated():
    widget = ProgressionTimelines()
    assert widget.treatment == "interferon_beta" and "interferon beta" in widget.summary()
    assert "interferon beta" in ms_chart().title
    assert "interferon beta" in side_by_side_chart().summary


def test_treatment_not_offered_for_the_course_is_refused_cleanly():
    """Issue 11: natalizumab on a primary progressive course left trait, menu and chart apart."""
    widget = ProgressionTimelines(course="ppms")

    def state():
        return (widget.treatment, widget._treatment.value, json.dumps(drawn(widget)))

    before = (*state(), widget.summary())
    with pytest.raises(ValueError, match="treatment must be one of 'ocrelizumab', 'none'"):
        widget.treatment = "natalizumab"
    after = (*state(), widget.summary())
    assert after == before
    assert widget.treatment == widget._treatment.value == "ocrelizumab"


def test_ipywidgets_set_state_is_not_overridden():
    """Issue 11: the front end calls Widget.set_state({trait: value}); it must keep working."""
    widget = ProgressionTimelines()
    assert type(widget).set_state is ipywidgets.Widget.set_state
    widget.set_state({"_dom_classes": ["msals-widget", "msals-timeline", "extra"]})
    assert "extra" in widget._dom_classes


def test_widget_matches_the_static_chart():
    widget = ProgressionTimelines(disease="compare", years=20)
    assert drawn(widget) == side_by_side_chart(years=20).figure_json()
    bundle = widget._repr_mimebundle_()
    assert bundle["text/plain"] == widget.summary()
    assert "<table" in bundle["text/html"]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"disease": "table"}, "disease must be one of 'ms', 'als', 'compare'"),
        ({"course": "benign"}, "course must be one of"),
        ({"rate": "rapid"}, "rate must be one of 'slow', 'typical', 'fast'"),
        ({"years": -3}, "years must be between 1 and 40"),
        ({"years": 2.5}, "years must be a whole number"),
        (
            {"course": "ppms", "treatment": "natalizumab"},
            "treatment must be one of 'ocrelizumab', 'none'",
        ),
    ],
)
def test_widget_rejects_bad_arguments(kwargs, message):
    with pytest.raises(ValueError, match=message):
        ProgressionTimelines(**kwargs)


def test_setting_bad_value_after_creation_is_refused():
    widget = ProgressionTimelines()
    with pytest.raises(ValueError, match="years must be between 1 and 40"):
        widget.years = 0
    with pytest.raises(ValueError, match="rate must be one of"):
        widget.rate = "sprint"


def test_update_redraws_once_with_all_changes():
    widget = ProgressionTimelines()
    renders = []
    original = widget.current_chart
    widget.current_chart = lambda: (renders.append(1), original())[1]
    widget.update(disease="compare", rate="slow", years=30)
    assert len(renders) == 1
    assert drawn(widget) == side_by_side_chart(rate="slow", years=30).figure_json()
    # the course is applied first, so its treatment can come in the same call
    widget.update(treatment="ocrelizumab", course="ppms", disease="ms")
    assert (widget.course, widget.treatment) == ("ppms", "ocrelizumab")
    # back in the MS view, its own 25 years (30 years belonged to the compare view)
    assert drawn(widget) == ms_chart("ppms", "ocrelizumab", 25).figure_json()
    with pytest.raises(ValueError, match="update\\(\\) takes disease, course"):
        widget.update(colour="red")


def test_each_view_keeps_its_own_years_and_greyed_controls_say_why():
    widget = ProgressionTimelines(disease="ms", years=25)
    assert "ALS decline is greyed out" in widget._why.value and widget._rate.disabled
    assert widget._rate.tooltip.startswith("ALS decline is greyed out")
    widget.disease = "als"  # 25 years would leave an ALS chart mostly empty
    assert widget.years == 10 and widget._years.value == 10
    assert "MS course and MS treatment are greyed out" in widget._why.value
    assert widget._course.disabled and widget._course.tooltip
    widget.years = 5
    widget.disease = "ms"
    assert widget.years == 25 and widget._course.tooltip is None and widget._rate.tooltip
    widget.disease = "als"
    assert widget.years == 5  # what the student chose for this view comes back
    widget.disease = "compare"
    assert widget.years == 20 and widget._why.value == ""
    assert not (widget._course.disabled or widget._rate.disabled)


def test_milestone_lines_and_bands_use_plotlys_own_shapes():
    """Plotly's add_hline / add_vrect, not hand-made shapes: lines span the plot area
    ("x domain") at each EDSS milestone; bands cover the years they name."""
    from widgets.progression import load_params

    params = load_params()
    ms = ms_chart("rrms_spms", "none", 25).figure_json()["layout"]["shapes"]
    lines = [s for s in ms if s["type"] == "line"]
    assert sorted(s["y0"] for s in lines) == sorted(m.edss for m in params.ms.milestones)
    assert all(s["xref"] == "x domain" and (s["x0"], s["x1"]) == (0, 1) for s in lines)
    (band,) = [s for s in ms if s["type"] == "rect"]
    assert band["yref"] == "y domain" and band["fillcolor"] == MS.tint
    als = als_chart("typical", 10).figure_json()["layout"]["shapes"]
    (band,) = als
    survival = params.als.median_survival
    assert (band["x0"], band["x1"]) == (survival.min, survival.max)
    assert band["yref"] == "y domain" and band["fillcolor"] == ALS.tint


@pytest.mark.parametrize(
    ("course", "treatment"),
    [
        ("rrms_spms", "none"),
        ("rrms_spms", "natalizumab"),
        ("ppms", "none"),
        ("ppms", "ocrelizumab"),
    ],
)
def test_table_numbers_and_words_give_the_same_edss_and_year(course, treatment):
    """The number column and the sentence beside it must not disagree (14.99 vs 15.0)."""
    checked = 0
    for seed in range(12):
        chart = ms_chart(course, treatment, 25, seed)
        for year, edss, words in chart.rows:
            for said in re.findall(r"EDSS (\d+\.\d)", words):
                assert said == edss, (seed, year, edss, words)
                checked += 1
    assert checked > 30
