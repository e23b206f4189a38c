"""The explorer without colour: contrast of its text and badges, and cues beyond colour."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from widgets.diagram import SVG_NS, load_parts, render_svg
from widgets.theme import BACKGROUND, contrast_ratio

NS = {"svg": SVG_NS}
SVG = f"{{{SVG_NS}}}"


def rendered(view):
    return ET.fromstring(render_svg(load_parts(), view, uid="t"))


@pytest.mark.parametrize("view", ["ms", "als", "compare"])
def test_badge_text_contrast(view):
    badges = list(rendered(view).iterfind(".//svg:g[@class='msals-svg-badge']", NS))
    assert badges
    for badge in badges:
        fill = badge.find("svg:rect", NS).get("fill")
        text = badge.find("svg:text", NS).get("fill")
        assert contrast_ratio(text, fill) >= 4.5, (badge.get("data-for"), text, fill)


@pytest.mark.parametrize("view", ["healthy", "compare"])
def test_every_text_on_the_diagram_reads_at_4_5_to_1(view):
    root = rendered(view)
    # Labels and the legend sit on white (labels also carry a white halo).
    parents = {child: parent for parent in root.iter() for child in parent}
    for text in root.iter(f"{SVG}text"):
        colour, node = text.get("fill"), text
        while colour is None:
            node = parents[node]
            colour = node.get("fill")
        background = "#FFFFFF"
        if parents[text].get("class") == "msals-svg-badge":
            background = parents[text].find("svg:rect", NS).get("fill")
        assert contrast_ratio(colour, background) >= 4.5, (text.text, colour)


def part_look(group):
    """What a part looks like in greyscale: pattern, outline dashes and line widths."""
    shapes = [el for el in group if el.get("class") in ("area", "line", "line-under")]
    return tuple(
        (
            el.get("class"),
            (el.get("fill") or "").replace("url(#t-", "").rstrip(")"),
            el.get("stroke-dasharray"),
            el.get("stroke-width"),
        )
        for el in shapes
    )


def test_damage_kinds_differ_without_colour():
    """MS, ALS and both are told apart by pattern, dashes and badge text, not only hue."""
    looks = {}
    for view in ("ms", "als", "compare"):
        root = rendered(view)
        for group in root.iterfind(".//svg:g[@data-damage]", NS):
            kinds = tuple(
                sorted((k, group.get(f"data-{k}")) for k in ("ms", "als") if group.get(f"data-{k}"))
            )
            looks.setdefault(group.get("data-part"), {})[kinds] = part_look(group)
    myelin = looks["myelin_sheath"]
    assert len(set(myelin.values())) == len(myelin) == 3  # MS, ALS knock-on, both
    cst = looks["corticospinal_tract"]
    assert len(set(cst.values())) == 3  # MS solid, ALS dashed, both: dashed over a wide line


def test_patterns_differ_in_shape_not_just_colour():
    root = rendered("compare")
    shapes = {
        p.get("id"): sorted(child.tag.replace(SVG, "") for child in p)
        for p in root.iter(f"{SVG}pattern")
    }
    assert shapes["t-ms-primary"] == ["path", "rect"]  # hatching
    assert shapes["t-als-primary"] == ["circle", "circle", "rect"]  # dots
    assert shapes["t-both"] == ["circle", "circle", "path", "rect"]


def test_legend_lists_each_mark_in_words():
    root = rendered("compare")
    legend = root.find(".//svg:g[@id='legend']", NS)
    words = [t.text for t in legend.iter(f"{SVG}text")]
    for phrase in (
        "MS attacks it directly",
        "knock-on damage in MS",
        "ALS attacks it directly",
        "knock-on damage in ALS",
        "damaged in both",
        "not damaged",
    ):
        assert phrase in words
    assert contrast_ratio("#1A1A1A", BACKGROUND) >= 4.5


@pytest.mark.parametrize("view", ["healthy", "ms", "als", "compare"])
def test_legend_explains_the_halo_of_the_chosen_part_in_words(view):
    """Issue 12: the chosen part's outline is in the key, in words, whenever it is drawn."""
    chosen = ET.fromstring(render_svg(load_parts(), view, "axon", uid="t"))
    legend = chosen.find(".//svg:g[@id='legend']", NS)
    entries = legend.findall("svg:g[@class='msals-halo-key']", NS)
    assert len(entries) == 1
    (entry,) = entries
    assert [t.text for t in entry.iter(f"{SVG}text")] == ["thick outline:", "the part you chose"]
    # Its swatch is outlined as the halo is: a dark rim under a yellow band, no fill.
    halo = chosen.find(".//svg:g[@class='msals-halo msals-halo-band']", NS)
    band_colour = next(e.get("stroke") for e in halo.iter() if e.get("stroke"))
    outlines = [r for r in entry.iter(f"{SVG}rect") if r.get("fill") == "none"]
    assert [r.get("stroke") for r in outlines] == ["#1A1A1A", band_colour]
    assert float(outlines[0].get("stroke-width")) > float(outlines[1].get("stroke-width"))
    # Below every other entry of the key, not on top of one.
    own = list(entry.iter(f"{SVG}text"))
    others = [float(t.get("y")) for t in legend.iter(f"{SVG}text") if t not in own]
    assert min(float(t.get("y")) for t in own) > max(others)
    # No part chosen, no halo drawn: the key does not mention it.
    plain = rendered(view).find(".//svg:g[@id='legend']", NS)
    assert plain.findall("svg:g[@class='msals-halo-key']", NS) == []
    assert "the part you chose" not in [t.text for t in plain.iter(f"{SVG}text")]


@pytest.mark.parametrize("part_id", ["corticospinal_tract", "sensory_tracts"])
def test_a_halo_carries_no_arrowheads(part_id):
    """Arrowheads scale with the line's width: on a 16 px halo they were huge black wedges."""
    root = ET.fromstring(render_svg(load_parts(), "compare", part_id, uid="t"))
    part = root.find(f".//svg:g[@id='part-{part_id}']", NS)
    assert any(e.get("marker-end") for e in part.iter()), "the part itself keeps its arrows"
    for halo in root.iterfind(".//svg:g[@data-halo-for]", NS):
        assert not [e for e in halo.iter() if e.get("marker-end") or e.get("marker-start")]
