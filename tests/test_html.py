"""The rendering layer: the element builder escapes, and each component is right once."""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from html.parser import HTMLParser

import pytest

from widgets import html, theme
from widgets.html import Citations, Markup, el, escape

HOSTILE = "<script>alert('x')</script> & \"quoted\" <b>bold</b>"


@dataclass(frozen=True)
class Ref:
    citation: str


def parse(markup: str) -> list[tuple[str, str, dict]]:
    """(event, tag or text, attributes) for every start tag and text node."""
    events: list[tuple[str, str, dict]] = []

    class Parser(HTMLParser):
        def handle_starttag(self, tag, attrs):
            events.append(("start", tag, dict(attrs)))

        def handle_data(self, data):
            events.append(("text", data, {}))

    Parser(convert_charrefs=True).feed(markup)
    return events


def test_text_children_and_attributes_are_escaped():
    markup = el("p", HOSTILE, title=HOSTILE, data_part=HOSTILE)
    events = parse(markup)
    assert [e[1] for e in events if e[0] == "start"] == ["p"]
    assert events[0][2] == {"title": HOSTILE, "data-part": HOSTILE}
    assert events[1] == ("text", HOSTILE, {})


def test_markup_children_pass_through_and_nest():
    markup = el("div", el("strong", "a"), ["b", [el("em", "c")]], None, 3)
    assert markup == "<div><strong>a</strong>b<em>c</em>3</div>"
    assert isinstance(markup, Markup)


def test_attribute_names_styles_and_flags():
    markup = el(
        "td",
        "x",
        style={"padding": "6px", "color": None},
        class_="c",
        aria_live="polite",
        hidden=True,
        colspan=None,
        open=False,
    )
    assert markup == '<td class="c" aria-live="polite" hidden style="padding:6px">x</td>'
    assert el("img", src="a.svg", alt="") == '<img src="a.svg" alt="">'
    with pytest.raises(ValueError, match="<img> cannot have children"):
        el("img", "text")


def test_adding_plain_text_to_markup_escapes_it():
    assert el("b", "x") + "<i>" == "<b>x</b>&lt;i&gt;"
    assert "<i>" + el("b", "x") == "&lt;i&gt;<b>x</b>"
    assert escape(escape("<")) == "&lt;"


def test_badge_matches_the_theme_and_reads_well():
    for disease in theme.DISEASES.values():
        markup = html.badge(disease)
        (_, _, attrs), (_, text, _) = parse(markup)
        assert text == disease.badge and attrs["class"] == "msals-badge"
        colour = re.search(r"(?<!-)color:(#[0-9A-F]{6})", attrs["style"]).group(1)
        assert f"background:{disease.colour}" in attrs["style"]
        assert theme.contrast_ratio(colour, disease.colour) >= 4.5


def test_disease_box_paints_its_own_background_and_text():
    box = html.disease_box(theme.ALS, "words")
    style = parse(box)[0][2]["style"]
    assert f"background:{theme.ALS.tint}" in style
    assert f"color:{theme.TEXT}" in style  # not the page colour: dark text on the light tint
    assert f"border-left:4px dashed {theme.ALS.colour}" in style
    cell = html.disease_box(theme.MS, "x", tag="td")
    assert cell.startswith("<td") and "vertical-align:top" in cell


def test_citations_number_in_order_of_first_use_and_list_each_once():
    references = {"a": Ref("Alpha 2020."), "b": Ref("Beta <2021>."), "c": Ref("Gamma.")}
    cites = Citations(references)
    assert cites.marks(["b", "a"]) == "<sup>[1]</sup><sup>[2]</sup>"
    assert cites.marks(["a", "c"]) == "<sup>[2]</sup><sup>[3]</sup>"
    block = cites.block()
    texts = [e[1] for e in parse(block) if e[0] == "text"]
    assert texts == ["Sources (3)", "Beta <2021>.", "Alpha 2020.", "Gamma."]
    assert block.startswith('<details class="msals-sources"><summary>')
    assert Citations(references, ["c", "c", "a"]).order == ["c", "a"]


def test_data_table_has_scoped_headers_and_escaped_cells():
    table = html.data_table(["Name", "<b>"], [["row <1>", "x"]], caption="Cap", row_headers=True)
    starts = [(e[1], e[2].get("scope")) for e in parse(table) if e[0] == "start"]
    assert starts == [
        ("table", None),
        ("caption", None),
        ("thead", None),
        ("tr", None),
        ("th", "col"),
        ("th", "col"),
        ("tbody", None),
        ("tr", None),
        ("th", "row"),
        ("td", None),
    ]
    assert [e[1] for e in parse(table) if e[0] == "text"] == ["Cap", "Name", "<b>", "row <1>", "x"]


def test_picture_is_an_image_holding_the_svg():
    svg = '<svg xmlns="http://www.w3.org/2000/svg"><text>MS &amp; ALS</text></svg>'
    img = html.picture(svg, 'Diagram "A" <b>')
    ((event, tag, attrs),) = parse(img)
    assert tag == "img" and attrs["alt"] == 'Diagram "A" <b>'
    prefix = "data:image/svg+xml;base64,"
    assert attrs["src"].startswith(prefix)
    assert base64.b64decode(attrs["src"][len(prefix) :]).decode() == svg


def test_callout_placeholder_hint_and_live_region():
    from widgets.lesson_map import advice_note

    note = advice_note()
    callout = html.not_medical_advice(note)
    assert [e[1] for e in parse(callout) if e[0] == "text"][0] == "Not medical advice."
    assert html.escape(note) in callout and 'role="note"' in callout
    assert "**" not in note and "cannot diagnose" in note
    assert "Pick a part" in html.placeholder("Pick a part to read what it does.")
    assert "Run this cell" in html.run_hint("the toggle") and "the toggle" in html.run_hint(
        "the toggle"
    )
    region = parse(html.live_region("x"))[0][2]
    assert region == {"role": "status", "aria-live": "polite"}
    folded = parse(html.details("Show <all>", "body"))
    assert [e[1] for e in folded] == ["details", "summary", "Show <all>", "body"]


def test_live_widgets_get_a_visible_focus_ring_and_14px_controls():
    sheet = html.widget_style()
    assert sheet.startswith("<style>") and sheet.endswith("</style>")
    assert f"outline:3px solid {theme.FOCUS_RING} !important" in sheet
    assert "--jp-widgets-font-size:14px" in sheet
