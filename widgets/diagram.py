"""The nervous-system diagram: parts data, which parts each view highlights, and the SVG.

Pure functions only; :mod:`widgets.explorer` wraps them in a widget. The drawing is a
static file, ``widgets/assets/nervous_system.svg``, in which every part is a group
``id="part-<id>"``. :func:`render_svg` parses it with :mod:`xml.etree.ElementTree` and
marks each damaged part with ``data-damage="ms" | "als" | "both"``, a pattern fill
(hatched for MS, dotted for ALS, both for the comparison), an outline style and a text
badge, so that colour is never the only clue.
"""

from __future__ import annotations

import copy
import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path

from . import html
from .base import check_choice
from .content import Reference, load
from .content import svg_part_ids as svg_part_ids  # tests and scripts use it from here
from .content.parts import Part
from .theme import (
    ALS,
    BACKGROUND,
    DISEASE_CHOICES,
    DISEASE_LABELS,
    DISEASES,
    MS,
    TEXT,
    badge_text_colour,
    diseases_in,
)

SVG_NS = "http://www.w3.org/2000/svg"
SVG_PATH = Path(__file__).resolve().parent / "assets" / "nervous_system.svg"
CHOICES = DISEASE_CHOICES
DAMAGE_KINDS = ("primary", "secondary")
KIND_WORDS = {"primary": "attacked directly", "secondary": "knock-on damage"}

ET.register_namespace("", SVG_NS)


def _q(tag: str) -> str:
    return f"{{{SVG_NS}}}{tag}"


# ---------------------------------------------------------------- the drawing


@lru_cache(maxsize=4)
def _template(path: Path, _stamp: int) -> ET.Element:
    return ET.fromstring(path.read_text(encoding="utf-8"))


def svg_template(path: Path = SVG_PATH) -> ET.Element:
    """A fresh, editable copy of the parsed drawing."""
    return copy.deepcopy(_template(path, path.stat().st_mtime_ns))


# ---------------------------------------------------------------- the data


def load_parts() -> list[Part]:
    """The parts of ``data/parts.yaml``, validated and checked against the drawing."""
    return list(load("parts").parts)


# ---------------------------------------------------------------- what a view shows


def damage_of(part: Part, view: str) -> dict[str, str]:
    """``{disease: kind}`` for each disease of the view that damages this part."""
    return {d: part.effect(d).kind for d in diseases_in(view) if part.effect(d).damaged}


def view_marks(parts: list[Part], view: str) -> dict[str, dict[str, str]]:
    """Part id -> ``{disease: kind}`` for every part the view marks as damaged."""
    return {part.id: damage for part in parts if (damage := damage_of(part, view))}


def highlights(marks: dict[str, dict[str, str]]) -> dict[str, str]:
    """Marks as the explorer reports them: part id -> ``"ms"``, ``"als"`` or ``"both"``."""
    return {
        part_id: "both" if len(damage) == 2 else next(iter(damage))
        for part_id, damage in marks.items()
        if damage
    }


def highlighted(parts: list[Part], view: str) -> dict[str, str]:
    """Part id -> ``"ms"``, ``"als"`` or ``"both"`` for every part the view highlights."""
    return highlights(view_marks(parts, view))


def _names(parts: list[Part]) -> str:
    return "; ".join(p.name for p in parts) if parts else "none"


def view_summary(parts: list[Part], view: str, selected: str | None = None) -> str:
    """What the diagram shows now, in plain words (screen readers, text readers)."""
    check_choice("disease", view, CHOICES)
    marks = highlighted(parts, view)
    lines: list[str]
    if view == "healthy":
        lines = [
            f"Healthy view: nothing is highlighted. The diagram shows {len(parts)} parts: "
            f"{_names(parts)}."
        ]
    elif view == "compare":
        groups = {
            key: [p for p in parts if marks.get(p.id) == key] for key in ("both", "ms", "als")
        }
        spared = [p for p in parts if p.id not in marks]
        lines = [
            f"Compare view: {len(marks)} of {len(parts)} parts are highlighted.",
            f"Damaged in both MS and ALS: {_names(groups['both'])}.",
            f"Damaged only in MS: {_names(groups['ms'])}.",
            f"Damaged only in ALS: {_names(groups['als'])}.",
            f"Not damaged by either: {_names(spared)}.",
        ]
    else:
        badge = DISEASES[view].badge
        by_kind = {k: [p for p in parts if damage_of(p, view).get(view) == k] for k in DAMAGE_KINDS}
        spared = [p for p in parts if p.id not in marks]
        lines = [
            f"{badge} view: {len(marks)} of {len(parts)} parts are highlighted.",
            f"Attacked directly by {badge}: {_names(by_kind['primary'])}.",
            f"Knock-on damage in {badge}: {_names(by_kind['secondary'])}.",
            f"Not damaged: {_names(spared)}.",
        ]
    if selected is not None:
        part = part_by_id(parts, selected)
        states = [
            f"{DISEASES[d].badge}: "
            + (KIND_WORDS[part.effect(d).kind] if part.effect(d).damaged else "not damaged")
            for d in diseases_in(view)
        ]
        lines.append(
            f"Selected part: {part.name}" + (f" ({'; '.join(states)})." if states else ".")
        )
    return "\n".join(lines)


def part_by_id(parts: list[Part], part_id: str) -> Part:
    ids = [p.id for p in parts]
    check_choice("part", part_id, ids)
    return parts[ids.index(part_id)]


# ---------------------------------------------------------------- drawing a view

LINE_STYLE = {  # stroke width and dash of a damaged nerve or tract
    ("ms", "primary"): ("9", None),
    ("ms", "secondary"): ("5", None),
    ("als", "primary"): ("9", "10 5"),
    ("als", "secondary"): ("5", "6 5"),
}


def _pattern_defs(uid: str) -> list[ET.Element]:
    """Hatching for MS, dots for ALS (dense = direct attack, sparse = knock-on), both."""

    def pattern(name: str, size: int, background: str, children: list[tuple[str, dict]]):
        el = ET.Element(
            _q("pattern"),
            {
                "id": f"{uid}-{name}",
                "width": str(size),
                "height": str(size),
                "patternUnits": "userSpaceOnUse",
            },
        )
        ET.SubElement(el, _q("rect"), {"width": str(size), "height": str(size), "fill": background})
        for tag, attrs in children:
            ET.SubElement(el, _q(tag), attrs)
        return el

    def hatch(width: str, colour: str = MS.colour) -> tuple[str, dict]:
        return (
            "path",
            {"d": "M-2,10 L10,-2 M-2,14 L14,-2", "stroke": colour, "stroke-width": width},
        )

    def dots(radius: str, colour: str = ALS.colour) -> list[tuple[str, dict]]:
        return [
            ("circle", {"cx": "3", "cy": "3", "r": radius, "fill": colour}),
            ("circle", {"cx": "9", "cy": "9", "r": radius, "fill": colour}),
        ]

    return [
        pattern("ms-primary", 12, MS.tint, [hatch("3")]),
        pattern("ms-secondary", 12, BACKGROUND, [hatch("1.4")]),
        pattern("als-primary", 12, ALS.tint, dots("2.6")),
        pattern("als-secondary", 12, BACKGROUND, dots("1.5")),
        pattern("both", 12, BACKGROUND, [hatch("2"), *dots("2.2")]),
    ]


FALLBACK_FILL = {
    "ms-primary": MS.tint,
    "ms-secondary": MS.tint,
    "als-primary": ALS.tint,
    "als-secondary": ALS.tint,
    "both": "#EDE6F0",
}


def _fill_key(damage: dict[str, str]) -> str:
    if len(damage) == 2:
        return "both"
    disease, kind = next(iter(damage.items()))
    return f"{disease}-{kind}"


def _mark_part(group: ET.Element, damage: dict[str, str], uid: str) -> None:
    key = _fill_key(damage)
    group.set("data-damage", "both" if key == "both" else next(iter(damage)))
    for disease, kind in damage.items():
        group.set(f"data-{disease}", kind)
    for index, el in reversed(list(enumerate(list(group)))):
        cls = el.get("class")
        if cls == "area":
            # The colour after the pattern is a fallback for viewers that drop patterns.
            el.set("fill", f"url(#{uid}-{key}) {FALLBACK_FILL[key]}")
            if key == "both":
                el.set("stroke", TEXT)
                el.set("stroke-dasharray", "8 3 2 3")
            else:
                disease, kind = next(iter(damage.items()))
                el.set("stroke", DISEASES[disease].colour)
                if disease == "als":
                    el.set("stroke-dasharray", "6 3")
            el.set("stroke-width", "3")
        elif cls == "line":
            if key == "both":
                # MS: a wide solid blue line; ALS: a dashed orange line on top of it.
                under = copy.deepcopy(el)
                under.set("class", "line-under")
                under.set("stroke", MS.colour)
                under.set("stroke-width", str(int(LINE_STYLE[("ms", damage["ms"])][0]) + 5))
                group.insert(index, under)
                width, dash = LINE_STYLE[("als", damage["als"])]
                el.set("stroke", ALS.colour)
            else:
                disease, kind = next(iter(damage.items()))
                width, dash = LINE_STYLE[(disease, kind)]
                el.set("stroke", DISEASES[disease].colour)
            el.set("stroke-width", width)
            if dash:
                el.set("stroke-dasharray", dash)
                el.set("stroke-linecap", "butt")


BADGE_HEIGHT = 26
BADGE_FONT = 17  # drawing units, as the labels' 20: readable where the drawing is small
KEY_ROW = 36  # the key's rows: 24-unit swatches and badges, 18-unit words


def _badge(disease: str, kind: str, part_id: str, x: float, y: float) -> tuple[ET.Element, float]:
    """An MS / ALS badge: solid for direct attack, outlined "(MS)" for knock-on damage."""
    style = DISEASES[disease]
    primary = kind == "primary"
    text = style.badge if primary else f"({style.badge})"
    width = 14 + 12 * len(text)
    group = ET.Element(
        _q("g"),
        {
            "class": "msals-svg-badge",
            "data-for": part_id,
            "data-disease": disease,
            "data-kind": kind,
        },
    )
    rect = {
        "x": f"{x:g}",
        "y": f"{y:g}",
        "width": str(width),
        "height": str(BADGE_HEIGHT),
        "rx": "4",
        "fill": style.colour if primary else BACKGROUND,
        "stroke": style.colour,
        "stroke-width": "2",
    }
    if not primary:
        rect["stroke-dasharray"] = "4 2"
    ET.SubElement(group, _q("rect"), rect)
    label = ET.SubElement(
        group,
        _q("text"),
        {
            "x": f"{x + width / 2:g}",
            "y": f"{y + 19:g}",
            "text-anchor": "middle",
            "font-size": str(BADGE_FONT),
            "font-weight": "700",
            "fill": badge_text_colour(style.colour) if primary else TEXT,
        },
    )
    label.text = text
    return group, width


HALO_KEY_WORDS = ("thick outline:", "the part you chose")


def _halo_key(y: float) -> list[ET.Element]:
    """The key's entry for the halo: a swatch outlined as the chosen part is, and words."""
    swatch = {"x": "4", "y": f"{y + 5:g}", "width": "28", "height": "16", "rx": "3"}
    shapes = [ET.Element(_q("rect"), {**swatch, "fill": "#E6E6E6"})]
    for colour, width in ((TEXT, HALO_KEY_WIDTH + 3), (HALO_COLOUR, HALO_KEY_WIDTH)):
        shapes.append(
            ET.Element(
                _q("rect"),
                {**swatch, "fill": "none", "stroke": colour, "stroke-width": str(width)},
            )
        )
    group = ET.Element(_q("g"), {"class": "msals-halo-key"})
    group.extend(shapes)
    for number, line in enumerate(HALO_KEY_WORDS):
        words = ET.SubElement(
            group, _q("text"), {"x": "44", "y": f"{y + 19 + 22 * number:g}", "fill": TEXT}
        )
        words.text = line
    return [group]


def _legend(view: str, uid: str, chosen: bool = False) -> list[ET.Element]:
    """Key for the current view, drawn inside the SVG so a screenshot carries it too.

    ``chosen``: a part is chosen, so the key also explains the halo that marks it.
    """
    items: list[ET.Element] = []

    def text(x, y, words, **attrs):
        el = ET.Element(_q("text"), {"x": str(x), "y": str(y), "fill": TEXT, **attrs})
        el.text = words
        items.append(el)

    text(0, 0, "Key", **{"font-weight": "700"})
    if view == "healthy":
        text(0, 30, "Healthy view: nothing is damaged.")
        text(0, 56, "Pick a part in the list to read")
        text(0, 78, "what it does.")
        text(0, 112, "Arrows show which way signals go:")
        text(0, 134, "motor commands down and out,")
        text(0, 156, "sensory messages in and up.")
        if chosen:
            items.extend(_halo_key(176))
        return items
    rows: list[tuple[str | None, list[tuple[str, str]], str]] = []
    for disease in diseases_in(view):
        badge = DISEASES[disease].badge
        rows.append((f"{disease}-primary", [(disease, "primary")], f"{badge} attacks it directly"))
        rows.append(
            (f"{disease}-secondary", [(disease, "secondary")], f"knock-on damage in {badge}")
        )
    if view == "compare":
        rows.append(("both", [("ms", "primary"), ("als", "primary")], "damaged in both"))
    rows.append((None, [], "not damaged"))
    for number, (key, badges, words) in enumerate(rows):
        y = 24 + number * KEY_ROW
        swatch = {
            "x": "0",
            "y": str(y),
            "width": "36",
            "height": str(BADGE_HEIGHT),
            "rx": "3",
            "fill": f"url(#{uid}-{key})" if key else "#E6E6E6",
            "stroke": "#595959" if key in (None, "both") else DISEASES[key.split("-")[0]].colour,
            "stroke-width": "2",
        }
        items.append(ET.Element(_q("rect"), swatch))
        x = 44
        for disease, kind in badges:
            badge, width = _badge(disease, kind if key != "both" else "primary", "legend", x, y)
            items.append(badge)
            x += width + 4
        text(x + 4 if badges else x, y + 19, words)
    if chosen:
        items.extend(_halo_key(24 + len(rows) * KEY_ROW))
    return items


def render_svg(
    parts: list[Part],
    view: str,
    selected: str | None = None,
    uid: str = "msals",
    marks: dict[str, dict[str, str]] | None = None,
    description: tuple[str, str] | None = None,
) -> str:
    """The diagram for one view as SVG text, with damaged parts marked.

    ``uid`` prefixes the pattern ids, so several diagrams can share one page. By default
    the view marks every part the data says it damages; ``marks`` (part id ->
    ``{disease: kind}``) and ``description`` (title, summary) draw a chosen subset
    instead, e.g. the structures behind one symptom.
    """
    check_choice("disease", view, CHOICES)
    by_id = {p.id: p for p in parts}
    if selected is not None:
        check_choice("part", selected, list(by_id))
    if marks is None:
        marks = view_marks(parts, view)
    else:
        for part_id in marks:
            check_choice("part", part_id, list(by_id))
    title, summary = description or (
        f"Nervous system: {DISEASE_LABELS[view]} view",
        view_summary(parts, view),
    )
    root = svg_template()
    root.set("aria-label", f"Diagram of the nervous system. {summary.splitlines()[0]}")
    root.set("data-view", view)
    root.find(_q("title")).text = title
    root.find(_q("desc")).text = summary
    defs = root.find(_q("defs"))
    defs.extend(_pattern_defs(uid))
    # Its own light background, so the key and labels read on a dark page too.
    root.insert(
        list(root).index(defs) + 1,
        ET.Element(
            _q("rect"),
            {
                "class": "msals-svg-background",
                "width": "100%",
                "height": "100%",
                "fill": BACKGROUND,
            },
        ),
    )
    groups = {
        el.get("data-part"): el for el in root.iter(_q("g")) if el.get("data-part") is not None
    }
    badges = root.find(f".//{_q('g')}[@id='badges']")
    for el in root.iter(_q("text")):
        part_id = el.get("data-label-for")
        if part_id is None:
            continue
        part = by_id[part_id]
        el.text = part.label
        if part_id == selected:
            el.set("font-weight", "700")
            el.set("text-decoration", "underline")
            el.set("data-selected", "true")
        damage = marks.get(part_id, {})
        if damage:
            x, y = (float(v) for v in el.get("data-badge").split(","))
            for disease, kind in damage.items():
                badge, width = _badge(disease, kind, part_id, x, y)
                badges.append(badge)
                x += width + 4
        el.attrib.pop("data-badge")
    for part_id, group in groups.items():
        damage = marks.get(part_id, {})
        if damage:
            _mark_part(group, damage, uid)
    if selected is not None:
        _halo(root, groups[selected], selected)
    legend = root.find(f".//{_q('g')}[@id='legend']")
    legend.extend(_legend(view, uid, chosen=selected is not None))
    return ET.tostring(root, encoding="unicode")


def _halo(root: ET.Element, group: ET.Element, part_id: str) -> None:
    """Mark the chosen part with a thick outline behind it (more than its bold label):
    copies of its shapes drawn wide and without fill, a dark rim round a yellow band,
    which stands out from the blue (MS) and orange (ALS) marks and from the white."""
    parents = {child: parent for parent in root.iter() for child in parent}
    parent = parents[group]
    for colour, width, name in ((TEXT, HALO_WIDTH + 6, "rim"), (HALO_COLOUR, HALO_WIDTH, "band")):
        halo = copy.deepcopy(group)
        for attribute in ("id", "data-part"):
            halo.attrib.pop(attribute, None)
        halo.set("class", f"msals-halo msals-halo-{name}")
        halo.set("data-halo-for", part_id)
        halo.set("pointer-events", "none")
        halo.set("aria-hidden", "true")
        for shape in halo.iter():
            # An arrowhead scales with its line's width: on a halo it would be huge.
            for marker in ("marker-start", "marker-mid", "marker-end"):
                shape.attrib.pop(marker, None)
            if shape.tag == _q("text"):
                shape.set("visibility", "hidden")
                continue
            if shape.tag == _q("g"):
                continue
            shape.set("stroke", colour)
            shape.set("stroke-width", str(width))
            shape.set("stroke-linejoin", "round")
            shape.set("stroke-linecap", "round")
            shape.set("fill", "none")
            shape.attrib.pop("stroke-dasharray", None)
        parent.insert(list(parent).index(group), halo)


HALO_WIDTH = 16  # px: wider than any damaged line (at most 14 px), so it shows around it
HALO_COLOUR = "#F0E442"  # Okabe-Ito yellow: unlike both disease colours
HALO_KEY_WIDTH = 5  # the key's swatch: the halo's band, drawn to the swatch's scale


# ---------------------------------------------------------------- the text panel


def cited(parts_shown: list[Part], view: str) -> list[str]:
    order: list[str] = []
    for part in parts_shown:
        for source in part.sources + tuple(
            s for d in diseases_in(view) for s in part.effect(d).sources
        ):
            if source not in order:
                order.append(source)
    return order


def part_html(part: Part, view: str, references: dict[str, Reference]) -> html.Markup:
    """What one part does, and what each disease of the view does to it, with sources."""
    cites = html.Citations(references, cited([part], view))
    blocks = [
        html.heading(part.name),
        html.el(
            "p", html.el("strong", "What it does:"), " ", part.function, cites.marks(part.sources)
        ),
    ]
    for disease in diseases_in(view):
        effect = part.effect(disease)
        state = f"damaged ({KIND_WORDS[effect.kind]})" if effect.damaged else "not damaged"
        symptoms = (
            html.el("ul", [html.el("li", s) for s in effect.symptoms], style={"margin": "0.2em 0"})
            if effect.symptoms
            else None
        )
        blocks.append(
            html.disease_box(
                DISEASES[disease],
                html.el(
                    "p",
                    html.badge(DISEASES[disease]),
                    " ",
                    html.el("strong", f"{state}."),
                    " ",
                    effect.how,
                    cites.marks(effect.sources),
                    style={"margin": "0.2em 0"},
                ),
                symptoms,
            )
        )
    blocks.append(cites.block())
    return html.box(blocks, class_="msals-part", data_part=part.id)


def summary_html(text: str) -> html.Markup:
    """The text summary, one paragraph per line."""
    return html.box(html.paragraphs(text), class_="msals-summary")


def live_summary_html(text: str) -> html.Markup:
    """The live widget's summary: its first line, and the lists of parts folded under it,
    so the controls, the picture and the summary fit one laptop screen."""
    first, _, rest = text.partition("\n")
    if not rest:
        return summary_html(text)
    return html.box(
        html.paragraphs(first),
        html.details("Which parts, in words", html.paragraphs(rest)),
        class_="msals-summary",
    )


PICK_A_PART = "Pick a part to read what it does."


def part_panel_html(
    parts: list[Part], view: str, selected: str | None, references: dict[str, Reference]
) -> html.Markup:
    """The chosen part's panel, or the placeholder when no part is chosen."""
    if selected is None:
        return html.placeholder(PICK_A_PART)
    return part_html(part_by_id(parts, selected), view, references)


def diagram_alt(parts: list[Part], view: str) -> str:
    """The diagram in one sentence (alt text and aria-label)."""
    return f"Diagram of the nervous system. {view_summary(parts, view).splitlines()[0]}"


def explorer_html(
    parts: list[Part],
    view: str,
    selected: str | None,
    references: dict[str, Reference],
    uid: str = "msals",
) -> html.Markup:
    """Static snapshot: the diagram (as an image), the chosen part and the text summary."""
    svg = render_svg(parts, view, selected, uid)
    return html.box(
        html.picture(svg, diagram_alt(parts, view)),
        part_panel_html(parts, view, selected, references),
        summary_html(view_summary(parts, view, selected)),
        class_="msals-explorer-static",
        style={"max-width": "900px"},
    )
