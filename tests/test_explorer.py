"""The nervous-system explorer: what each view highlights, its summary, ids, escaping, errors.

Expected values are read from data/parts.yaml directly (not through the code under
test), and the produced SVG is parsed as XML.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from tests.conftest import DATA, read_yaml
from tests.notebook_tools import LESSONS, output_texts, read
from tests.snapshots import pictures, snapshot_body
from widgets import NervousSystemExplorer
from widgets.content import DataError, load_references
from widgets.diagram import (
    CHOICES,
    SVG_NS,
    explorer_html,
    load_parts,
    part_html,
    render_svg,
    svg_part_ids,
    svg_template,
    view_summary,
)
from widgets.html import escape

NS = {"svg": SVG_NS}


def raw_parts(folder=DATA):
    return read_yaml(folder / "parts.yaml")["parts"]


def expected_marks(view, parts=None):
    """Part id -> ms / als / both, worked out from the YAML alone."""
    shown = {"healthy": [], "ms": ["ms"], "als": ["als"], "compare": ["ms", "als"]}[view]
    marks = {}
    for part in parts or raw_parts():
        hit = [d for d in shown if part[d]["damaged"]]
        if hit:
            marks[part["id"]] = "both" if len(hit) == 2 else hit[0]
    return marks


def svg_of(html_text):
    """The first <svg> element in some HTML (inline, or a stored image), parsed."""
    match = re.search(r"<svg\b.*?</svg>", html_text, re.S)
    if match is None and pictures(html_text):
        return ET.fromstring(pictures(html_text)[0])
    assert match, "no SVG found"
    return ET.fromstring(match.group(0))


def marked_parts(root):
    return {
        el.get("data-part"): el.get("data-damage") for el in root.iter() if el.get("data-damage")
    }


@pytest.mark.parametrize("view", CHOICES)
def test_each_view_highlights_exactly_the_damaged_parts(view):
    root = ET.fromstring(render_svg(load_parts(), view))
    expected = expected_marks(view)
    assert marked_parts(root) == expected
    # Nothing else carries a damage mark, and every mark sits on a part group.
    for el in root.iter():
        if el.get("data-damage"):
            assert el.get("id") == f"part-{el.get('data-part')}"
    # Damaged parts are filled with a pattern; the others keep their plain drawing.
    for group in root.iter(f"{{{SVG_NS}}}g"):
        part_id = group.get("data-part")
        if part_id is None:
            continue
        fills = [el.get("fill", "") for el in group if el.get("class") == "area"]
        if part_id in expected:
            assert all(f.startswith("url(#") for f in fills)
        else:
            assert not any("url(#" in f for f in fills)


@pytest.mark.parametrize("view", ["ms", "als", "compare"])
def test_badges_match_the_data_disease_and_kind(view):
    root = ET.fromstring(render_svg(load_parts(), view))
    diseases = ["ms", "als"] if view == "compare" else [view]
    expected = {
        (part["id"], d, part[d]["kind"])
        for part in raw_parts()
        for d in diseases
        if part[d]["damaged"]
    }
    badges = {
        (b.get("data-for"), b.get("data-disease"), b.get("data-kind"))
        for b in root.iterfind(".//svg:g[@class='msals-svg-badge']", NS)
        if b.get("data-for") != "legend"
    }
    assert badges == expected
    # Direct attack: solid badge with the plain name; knock-on damage: "(MS)" in an outline.
    for badge in root.iterfind(".//svg:g[@class='msals-svg-badge']", NS):
        text = badge.find("svg:text", NS).text
        rect = badge.find("svg:rect", NS)
        if badge.get("data-kind") == "primary":
            assert text in ("MS", "ALS") and "stroke-dasharray" not in rect.attrib
        else:
            assert text in ("(MS)", "(ALS)") and rect.get("fill") == "#FFFFFF"


def test_healthy_view_marks_nothing_and_has_no_badges():
    root = ET.fromstring(render_svg(load_parts(), "healthy"))
    assert marked_parts(root) == {}
    assert root.find(".//svg:g[@class='msals-svg-badge']", NS) is None


def test_toggle_changes_picture_trait_and_highlighted():
    explorer = NervousSystemExplorer()
    assert explorer.highlighted == {}
    seen = set()
    for view in CHOICES:
        explorer._toggle.value = view  # what a click in the browser sends
        assert explorer.disease == view
        assert explorer.highlighted == expected_marks(view)
        assert marked_parts(svg_of(explorer._diagram.value)) == expected_marks(view)
        seen.add(explorer._diagram.value)
    assert len(seen) == len(CHOICES)


def test_known_teaching_points_hold():
    compare = NervousSystemExplorer(disease="compare").highlighted
    assert compare["myelin_sheath"] == "both"  # MS attacks it; ALS only as a knock-on
    assert compare["optic_nerve"] == "ms"
    assert compare["lower_motor_neurons"] == "als"
    assert "sensory_neuron" not in compare  # spared by both
    assert "peripheral_motor_nerve" not in NervousSystemExplorer(disease="ms").highlighted


@pytest.mark.parametrize("view", CHOICES)
def test_summary_matches_the_picture(view):
    explorer = NervousSystemExplorer(disease=view)
    text = explorer.summary()
    names = {p["id"]: p["name"] for p in raw_parts()}
    marks = expected_marks(view)
    lines = text.splitlines()
    if view == "healthy":
        assert lines[0].startswith("Healthy view: nothing is highlighted")
        assert all(name in lines[0] for name in names.values())
        return
    assert f"{len(marks)} of {len(names)} parts are highlighted" in lines[0]
    if view == "compare":
        wanted = {
            "both": "Damaged in both",
            "ms": "Damaged only in MS",
            "als": "Damaged only in ALS",
        }
        for part_id, mark in marks.items():
            line = next(line for line in lines if line.startswith(wanted[mark]))
            assert names[part_id] in line
    spared_line = next(line for line in lines if line.startswith("Not damaged"))
    for part_id, name in names.items():
        assert (name in spared_line) == (part_id not in marks), name
    # The live region shows the same words, and so does the static snapshot.
    for line in lines:
        assert line.replace("'", "&#x27;") in explorer._summary.value
        assert line.replace("'", "&#x27;") in explorer.static_html()
    assert 'class="msals-summary"' in explorer._summary.value
    assert explorer._summary.value.startswith('<div role="status" aria-live="polite">')


def test_svg_ids_and_data_ids_agree_both_ways():
    data_ids = [p["id"] for p in raw_parts()]
    drawn = svg_part_ids()
    assert len(drawn) == len(set(drawn)), "a part is drawn twice"
    assert sorted(drawn) == sorted(data_ids)
    root = svg_template()
    labels = [el.get("data-label-for") for el in root.iter() if el.get("data-label-for")]
    assert sorted(labels) == sorted(data_ids), "every part has exactly one label"
    for el in root.iter():
        if (el.get("id") or "").startswith("part-"):
            assert el.get("data-part") == el.get("id")[5:]


def test_svg_is_accessible_and_lean():
    text = render_svg(load_parts(), "compare", "axon")
    root = ET.fromstring(text)
    assert root.get("role") == "img"
    assert root.get("aria-label").startswith("Diagram of the nervous system. Compare view")
    assert root.find("svg:title", NS).text == "Nervous system: Compare both view"
    assert "Damaged only in ALS" in root.find("svg:desc", NS).text
    assert len(text.encode()) < 25_000
    label = root.find(".//svg:text[@data-label-for='axon']", NS)
    assert label.get("data-selected") == "true" and label.get("font-weight") == "700"


@pytest.mark.parametrize("view", CHOICES)
def test_the_chosen_part_has_a_halo_behind_its_shapes(view):
    """Issue 12: the chosen part is outlined in the picture, not only by a bold label."""
    for part_id in ("axon", "optic_nerve", "cerebellum"):
        root = ET.fromstring(render_svg(load_parts(), view, part_id))
        halos = root.findall(".//svg:g[@data-halo-for]", NS)
        # A dark rim, then a yellow band on it: unlike the MS blue and the ALS orange.
        assert [h.get("data-halo-for") for h in halos] == [part_id, part_id]
        rim, band = halos
        for halo, colour in ((rim, "#1A1A1A"), (band, "#F0E442")):
            shapes = [e for e in halo.iter() if e.tag.split("}")[1] not in ("g", "text", "title")]
            assert shapes, "the halo copies the part's shapes"
            assert all(e.get("stroke") == colour and e.get("fill") == "none" for e in shapes)
            # wider than the widest damaged line (9 px plus a 5 px under-line)
            assert all(float(e.get("stroke-width")) > 14 for e in shapes)
        # Drawn just behind the part it marks (same parent, the elements before it).
        parent = next(p for p in root.iter() if band in list(p))
        siblings = list(parent)
        assert siblings[siblings.index(rim) + 1] is band
        assert siblings[siblings.index(band) + 1].get("data-part") == part_id
    unselected = ET.fromstring(render_svg(load_parts(), view))
    assert unselected.findall(".//svg:g[@data-halo-for]", NS) == []


def test_labels_come_from_the_data(edit_data):
    def change(document):
        cerebellum = [p for p in document["parts"] if p["id"] == "cerebellum"][0]
        cerebellum["label"] = "Little brain"

    edit_data("parts", change)
    root = ET.fromstring(render_svg(load_parts(), "healthy"))
    label = root.find(".//svg:text[@data-label-for='cerebellum']", NS)
    assert label.text == "Little brain"


def test_part_panel_shows_function_and_each_disease_with_sources():
    parts = {p.id: p for p in load_parts()}
    references = load_references()
    axon = parts["axon"]
    healthy = part_html(axon, "healthy", references)
    assert escape(axon.function) in healthy and "msals-badge" not in healthy
    both = part_html(axon, "compare", references)
    assert escape(axon.ms.how) in both and escape(axon.als.how) in both
    assert "damaged (knock-on damage)" in both and "damaged (attacked directly)" in both
    cited = re.findall(r"<li>(.*?)</li>", both.split("<details")[1])
    assert len(cited) == len(set(axon.sources + axon.ms.sources + axon.als.sources))
    assert max(int(n) for n in re.findall(r"<sup>\[(\d+)\]</sup>", both)) == len(cited)
    lmn = part_html(parts["lower_motor_neurons"], "ms", references)
    assert "not damaged." in lmn


def test_picking_a_part_updates_panel_summary_and_label():
    explorer = NervousSystemExplorer(disease="als")
    explorer._picker.value = "sensory_neuron"  # a choice in the dropdown
    assert explorer.part == "sensory_neuron"
    assert "Sensory neuron" in explorer._panel.value
    assert explorer.summary().splitlines()[-1] == (
        "Selected part: Sensory neuron (skin to dorsal root ganglion to spinal cord) "
        "(ALS: not damaged)."
    )
    root = svg_of(explorer._diagram.value)
    assert root.find(".//svg:text[@data-selected='true']", NS).get("data-label-for") == (
        "sensory_neuron"
    )
    explorer.part = None
    assert explorer._picker.value == "" and "Pick a part" in explorer._panel.value


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"disease": "MS"}, r"disease must be one of 'healthy', 'ms', 'als', 'compare'; got 'MS'"),
        ({"disease": "both"}, r"disease must be one of 'healthy', 'ms', 'als', 'compare'"),
        ({"part": "brain"}, r"part must be one of 'upper_motor_neurons', .*'myelin_sheath'"),
    ],
)
def test_bad_arguments_raise_naming_allowed_values(kwargs, message):
    with pytest.raises(ValueError, match=message):
        NervousSystemExplorer(**kwargs)


def test_bad_trait_values_are_refused_and_old_state_kept():
    explorer = NervousSystemExplorer(disease="ms", part="axon")
    before = explorer._diagram.value
    with pytest.raises(ValueError, match="disease must be one of"):
        explorer.disease = "alz"
    with pytest.raises(ValueError, match="part must be one of"):
        explorer.part = "spleen"
    assert (explorer.disease, explorer.part) == ("ms", "axon")
    assert explorer._diagram.value == before


def test_pure_functions_reject_bad_values():
    parts = load_parts()
    with pytest.raises(ValueError, match="disease must be one of"):
        render_svg(parts, "ALS")
    with pytest.raises(ValueError, match="part must be one of"):
        render_svg(parts, "ms", "kidney")
    with pytest.raises(ValueError, match="part must be one of"):
        view_summary(parts, "ms", "kidney")


def test_unknown_part_id_names_file_and_field(edit_data):
    edit_data("parts", lambda d: d["parts"][3].update(id="optic_nerves"))
    with pytest.raises(DataError) as caught:
        NervousSystemExplorer()
    message = str(caught.value)
    assert message.startswith("data/parts.yaml: parts[3].id: unknown part id 'optic_nerves'")
    assert 'id="part-optic_nerves"' in message


def test_part_drawn_but_not_described_is_an_error(edit_data):
    edit_data("parts", lambda d: d["parts"].pop())
    with pytest.raises(DataError, match=r"data/parts\.yaml: parts: the diagram draws part\(s\) "):
        load_parts()


@pytest.mark.parametrize(
    "change, field",
    [
        (lambda d: d["parts"][0]["als"].pop("kind"), r"parts\[0\]\.als"),
        (lambda d: d["parts"][2]["als"].update(kind="primary"), r"parts\[2\]\.als"),
        (lambda d: d["parts"][2]["als"].update(symptoms=["Tremor"]), r"parts\[2\]\.als\.symptoms"),
        (lambda d: d["parts"][1]["ms"].update(kind="tertiary"), r"parts\[1\]\.ms\.kind"),
        (lambda d: d["parts"][4].update(region="liver"), r"parts\[4\]\.region"),
        (lambda d: d["parts"][5]["ms"].update(sources=["nobody-2099"]), r"parts\[5\]\.ms\.sources"),
        (lambda d: d["parts"][6].update(id=d["parts"][7]["id"]), r"parts\[7\]\.id: duplicate id"),
    ],
)
def test_broken_parts_data_names_the_field(edit_data, change, field):
    edit_data("parts", change)
    with pytest.raises(DataError, match=rf"data/parts\.yaml: {field}"):
        load_parts()


def test_widget_css_classes_and_stored_output():
    explorer = NervousSystemExplorer(disease="compare")
    assert explorer._dom_classes == ("msals-widget", "msals-explorer")
    bundle = explorer._repr_mimebundle_()
    assert bundle["text/plain"] == explorer.summary()
    assert snapshot_body(bundle["text/html"]) == explorer.static_html()
    # The snapshot is the pure renderer's output for the current state, and follows it.
    explorer.part = "optic_nerve"
    expected = explorer_html(
        load_parts(), "compare", "optic_nerve", load_references(), uid=explorer._uid
    )
    assert explorer.static_html() == expected
    assert snapshot_body(explorer._repr_mimebundle_()["text/html"]) == expected


def test_two_explorers_use_distinct_pattern_ids():
    first, second = NervousSystemExplorer(disease="ms"), NervousSystemExplorer(disease="ms")

    def pattern_ids(explorer):
        return {p.get("id") for p in svg_of(explorer._diagram.value).iter(f"{{{SVG_NS}}}pattern")}

    assert pattern_ids(first) and not pattern_ids(first) & pattern_ids(second)


def test_static_html_is_self_contained():
    html_text = explorer_html(load_parts(), "als", "phrenic_nerve", load_references(), uid="t")
    (svg,) = pictures(html_text)
    root = ET.fromstring(svg)
    used = set(re.findall(r"url\(#([^)]+)\)", svg))
    defined = {el.get("id") for el in root.iter() if el.get("id")}
    assert used and used <= defined, "every pattern or marker used is defined in the SVG"
    assert "<script" not in html_text


@pytest.mark.parametrize(
    "lesson, views",
    [
        ("01_nervous_system_primer", {"healthy"}),
        ("02_what_each_disease_damages", {"ms", "als", "compare"}),
    ],
)
def test_lessons_store_the_diagram_for_each_state_they_teach(lesson, views):
    """Without a kernel (GitHub, static export) the stored snapshots carry the lesson."""
    texts = output_texts(read(LESSONS / f"{lesson}.ipynb"))
    svgs = [svg for text in texts for svg in pictures(text)]
    stored = {v for svg in svgs for v in re.findall(r'data-view="(\w+)"', svg)}
    assert views <= stored


def test_frontal_and_temporal_cortex_is_drawn_labelled_and_marked():
    """Issue 10: ALS thinking and behaviour change lights up the frontal and temporal cortex."""
    root = svg_template()
    group = root.find(".//svg:g[@id='part-frontal_temporal_cortex']", NS)
    assert group is not None and group.get("data-part") == "frontal_temporal_cortex"
    assert len(group.findall("svg:path[@class='area']", NS)) == 2  # frontal and temporal
    part = [p for p in load_parts() if p.id == "frontal_temporal_cortex"][0]
    assert (part.als.damaged, part.als.kind) == (True, "primary")
    assert part.ms.damaged and part.ms.kind == "secondary"
    assert "strong-2017" in part.als.sources and part.region == "brain"
    marked = ET.fromstring(render_svg(load_parts(), "als"))
    drawn = marked.find(".//svg:g[@id='part-frontal_temporal_cortex']", NS)
    assert drawn.get("data-damage") == "als"
    label = marked.find(".//svg:text[@data-label-for='frontal_temporal_cortex']", NS)
    assert label.text == "Frontal/temporal lobes"
    badges = [
        b
        for b in marked.iterfind(".//svg:g[@class='msals-svg-badge']", NS)
        if b.get("data-for") == "frontal_temporal_cortex"
    ]
    assert len(badges) == 1


def test_no_part_cites_a_diagnostic_criteria_paper_for_mechanism():
    """McDonald 2017 is about diagnosis: it must not be the source for how MS damages a part."""
    for part in load_parts():
        assert "thompson-2018-mcdonald" not in part.ms.sources, part.id
