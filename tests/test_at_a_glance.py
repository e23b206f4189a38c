"""The first lesson's toggle: what each view shows, its text summary, escaping and errors."""

from __future__ import annotations

import re

import pytest

from tests.snapshots import snapshot_body
from widgets.at_a_glance import AtAGlance, cited, glance_html, load_glance_topics
from widgets.content import load_references


def badges_in(html_text):
    return re.findall(r'class="msals-badge"[^>]*>(MS|ALS)<', html_text)


def test_each_view_shows_only_its_disease():
    glance = AtAGlance(disease="ms")
    topics = load_glance_topics()
    assert badges_in(glance._table.value) == ["MS"]
    for topic in topics:
        assert topic.ms.text in glance.summary()
        assert topic.als.text not in glance.summary()

    glance.disease = "als"
    assert badges_in(glance._table.value) == ["ALS"]
    assert all(topic.als.text in glance.summary() for topic in topics)
    assert not any(topic.ms.text in glance.summary() for topic in topics)

    glance.disease = "compare"
    assert badges_in(glance._table.value) == ["MS", "ALS"]
    assert glance._table.value.count('<tr><th scope="row"') == len(topics)


def test_clicking_the_toggle_changes_view_and_html():
    glance = AtAGlance(disease="ms")
    before = glance._table.value
    glance._toggle.value = "als"  # what a click in the browser sends to the kernel
    assert glance.disease == "als"
    assert glance._table.value != before
    assert glance._table.value.startswith('<div role="status" aria-live="polite">')


def test_stored_output_has_summary_and_static_html():
    glance = AtAGlance(disease="compare")
    bundle = glance._repr_mimebundle_()
    assert bundle["text/plain"] == glance.summary()
    assert bundle["text/plain"].startswith("Showing Multiple sclerosis and Amyotrophic")
    assert snapshot_body(bundle["text/html"]) == glance.static_html()
    assert "application/vnd.jupyter.widget-view+json" in bundle


def test_citations_are_numbered_in_order_of_first_use():
    topics = load_glance_topics()
    html_text = glance_html(topics, "als", load_references())
    order = cited(topics, "als")
    assert order[0] == topics[0].als.sources[0]
    items = re.findall(r"<li>(.*?)</li>", html_text)
    assert len(items) == len(order)
    assert max(int(n) for n in re.findall(r"<sup>\[(\d+)\]</sup>", html_text)) == len(order)


@pytest.mark.parametrize("bad", ["MS", "both", "", None, 3])
def test_unknown_disease_raises_with_allowed_values(bad):
    with pytest.raises(ValueError, match=r"disease must be one of 'ms', 'als', 'compare'"):
        AtAGlance(disease=bad) if isinstance(bad, str) else glance_html([], bad, {})


def test_setting_a_bad_disease_keeps_the_old_one():
    glance = AtAGlance(disease="als")
    with pytest.raises(ValueError):
        glance.disease = "alz"
    assert glance.disease == "als"
    assert badges_in(glance._table.value) == ["ALS"]


def test_broken_data_stops_before_any_widget_is_built(data_copy):
    path = data_copy / "at_a_glance.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("sources: [ninds-als]", "sources: []"))
    with pytest.raises(ValueError, match=r"data/at_a_glance\.yaml: topics\[0\]\.als\.sources"):
        AtAGlance()


def test_widget_carries_its_css_classes():
    assert AtAGlance()._dom_classes == ("msals-widget", "msals-glance")


def test_numbers_compare_like_with_like():
    """Issue 10 (A13): new cases a year side by side, and survival explains the gap."""
    topics = {topic.id: topic for topic in load_glance_topics()}
    new = topics["new_cases"]
    for statement in (new.ms, new.als):
        assert "new cases per 100,000 people each year" in statement.text
    living = topics["how_common"]
    assert "survival" in living.als.text and "decades" in living.ms.text
    ids = list(topics)
    assert ids.index("new_cases") == ids.index("how_common") - 1  # read in that order
    assert "usually painless at first" in topics["first_signs"].als.text
    for topic in topics.values():
        assert "thompson-2018-mcdonald" not in topic.ms.sources  # diagnosis, not mechanism
