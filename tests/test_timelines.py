"""Timeline figures (deterministic, honest, accessible) and the widget's controls."""

from __future__ import annotations

import json

import ipywidgets
import pytest

from widgets import ProgressionTimelines
from widgets.theme import ALS, MS
from widgets.timeline_figures import PLOTLY_MIME, load_treatment_events
from widgets.timelines import (
    als_chart,
    ms_chart,
    side_by_side_chart,
    treatment_history_chart,
    year_options,
)

CHARTS = {
    "ms": lambda seed=6: ms_chart("rrms_spms", "none", 25, seed),
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
    assert layout["title"]["text"] == chart.title
    assert layout["xaxis"]["title"]["text"]
    if name != "treatments":
        assert "(" in layout["yaxis"]["title"]["text"]  # a unit or a range
        assert layout["xaxis"]["title"]["text"] == "Years since first symptoms"
        assert "not a prediction for any person" in layout["annotations"][0]["text"]
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
    assert als_chart().figure_json()["data"][0]["line"]["dash"] == "dash"
    colours = {t["marker"]["color"] for t in treatment_history_chart().figure_json()["data"]}
    assert colours == {MS.colour, ALS.colour}


def test_same_seed_same_json_different_seed_different():
    for name in ("ms", "compare"):
        assert dumped(CHARTS[name](6)) == dumped(CHARTS[name](6))
        assert dumped(CHARTS[name](6)) != dumped(CHARTS[name](7))


def test_als_chart_shows_survival_band_and_milestones():
    figure = als_chart("typical", 10).figure_json()
    band = [s for s in figure["layout"]["shapes"] if s["type"] == "rect"][0]
    assert (band["x0"], band["x1"]) == (2, 4)
    milestones = figure["data"][1]
    assert milestones["text"] == ["Feeding tube", "Breathing support"]
    assert "non-invasive ventilation" in milestones["hovertext"][1]


def test_compare_chart_table_and_summary():
    chart = side_by_side_chart(years=20)
    assert chart.header == ("Year", "MS function remaining (%)", "ALS function remaining (%)")
    assert chart.rows[0] == ("0", "100", "100")
    assert [row[0] for row in chart.rows] == ["0", "5", "10", "15", "20"]
    assert [row[2] for row in chart.rows][1:] == ["0"] * 4  # typical ALS reaches 0 at year 4
    ms_values = [int(row[1]) for row in chart.rows]
    assert ms_values == sorted(ms_values, reverse=True) and ms_values[-1] < 60
    assert "different scales" in chart.summary
    assert "reaches 0% at year 4.0" in chart.summary


def test_treatment_events_come_from_data_and_show_the_withdrawal():
    events = load_treatment_events()
    dates = {e.id: e.when for e in events}
    assert dates["edaravone"] == "2017-05-05"
    assert dates["tofersen"] == "2023-04-25"
    assert dates["amx0035"] == "2022-09-29" and dates["amx0035_withdrawn"] == "2024-04-04"
    assert dates["riluzole"] == "1995-07-01"  # year only: drawn at mid-year
    chart = treatment_history_chart()
    als = chart.figure_json()["data"][1]
    assert "AMX0035 withdrawn" in als["text"]
    assert als["marker"]["symbol"][als["text"].index("AMX0035 withdrawn")] == "x"
    assert any("SOD1" in text for text in als["hovertext"])
    assert chart.rows[[r[2] for r in chart.rows].index("Edaravone")][:3] == (
        "5 May 2017",
        "ALS",
        "Edaravone",
    )


def test_static_outputs_are_the_chart_then_its_words_and_table():
    chart = ms_chart()
    figure, words = chart.mimebundles()
    assert figure[PLOTLY_MIME]["data"][0]["x"][0] == 0
    assert figure["text/plain"] == chart.title
    assert "text/html" not in figure, "JupyterLab would show only one of the two"
    assert "<table" in words["text/html"] and 'class="msals-summary"' in words["text/html"]
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
        ("_view", "als"),
        ("_view", "compare"),
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
    widget = ProgressionTimelines(view="als", years=10)
    before = drawn(widget)["data"][0]["y"]
    widget._rate.value = "fast"
    assert drawn(widget)["data"][0]["y"] != before
    assert drawn(widget)["data"][0]["x"][-1] == 2.04
    assert widget._course.disabled and not widget._rate.disabled


def test_treatment_menu_follows_the_course():
    widget = ProgressionTimelines(treatment="natalizumab")
    widget._course.value = "ppms"
    assert widget.treatment == "none"
    assert [v for _, v in widget._treatment.options] == ["none", "ocrelizumab"]
    widget._treatment.value = "ocrelizumab"
    assert "ocrelizumab" in widget.summary()
    widget._course.value = "rrms_spms"
    assert widget.treatment == "none"


def test_widget_matches_the_static_chart():
    widget = ProgressionTimelines(view="compare", years=20)
    assert drawn(widget) == side_by_side_chart(years=20).figure_json()
    bundle = widget._repr_mimebundle_()
    assert bundle["text/plain"] == widget.summary()
    assert "<table" in bundle["text/html"]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"view": "table"}, "view must be one of 'ms', 'als', 'compare'"),
        ({"course": "benign"}, "course must be one of"),
        ({"rate": "rapid"}, "rate must be one of 'slow', 'typical', 'fast'"),
        ({"years": -3}, "years must be between 1 and 40"),
        ({"years": 2.5}, "years must be a whole number"),
        (
            {"course": "ppms", "treatment": "natalizumab"},
            "treatment must be one of 'none', 'ocrelizumab'",
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


def test_set_state_redraws_once_with_all_changes():
    widget = ProgressionTimelines()
    widget.set_state(view="compare", rate="slow", years=30)
    assert drawn(widget) == side_by_side_chart(rate="slow", years=30).figure_json()
