"""The static copy (`make static`): one page per lesson plus an index, readable offline."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from scripts.export_static import export_site, plot_html
from tests.notebook_tools import LESSONS, code_cells, read
from widgets.lesson_map import load_lessons


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("site")
    export_site(out)
    return out


def stored(lesson_id, mimetype):
    notebook = read(LESSONS / f"{lesson_id}.ipynb")
    found = []
    for cell in code_cells(notebook):
        for output in cell.get("outputs", []):
            if mimetype in output.get("data", {}):
                value = output["data"][mimetype]
                found.append("".join(value) if isinstance(value, list) else value)
    return found


def ready_ids():
    return [lesson.id for lesson in load_lessons() if lesson.status == "ready"]


def test_index_links_every_lesson_in_order(site):
    index = (site / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'href="([^"]+)\.html"', index) == ready_ids()
    assert "Not medical advice" in index


@pytest.mark.parametrize("lesson_id", ready_ids())
def test_page_contains_every_figure_and_widget_snapshot(site, lesson_id):
    page = (site / f"{lesson_id}.html").read_text(encoding="utf-8")
    figures = stored(lesson_id, "application/vnd.plotly.v1+json")
    assert page.count("Plotly.newPlot(") == len(figures)
    if figures:
        assert '<script src="plotly.min.js"></script>' in page
    for snapshot in stored(lesson_id, "text/html"):
        # Every stored HTML output (widget snapshots, diagrams, tables) is on the page.
        # nbconvert re-serialises the page with BeautifulSoup (attribute names lowercased,
        # and sorted by beautifulsoup4 >= 4.15), so compare the snapshot serialised the same way.
        assert str(BeautifulSoup(snapshot, "html.parser"))[:300] in page
    assert "application/vnd.jupyter.widget-view+json" not in page
    assert not re.search(r'<script[^>]+src="https?://', page), "nothing fetched from the internet"
    assert not re.search(r'href="[0-9]{2}_[a-z_]+\.ipynb', page), "links point at pages"


def test_plotly_js_is_shipped_once(site):
    assert (site / "plotly.min.js").stat().st_size > 1_000_000


def test_plot_html_cannot_break_out_of_its_script():
    html_text = plot_html("p1", {"data": [{"name": "</script><script>alert(1)"}], "layout": {}})
    assert html_text.count("</script>") == 1
