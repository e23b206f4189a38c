"""The static copy (`make static`): one page per lesson plus an index, readable offline."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

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


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.words: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        self._skip += tag in ("script", "style")

    def handle_endtag(self, tag):
        self._skip -= tag in ("script", "style")

    def handle_data(self, data):
        if not self._skip:
            self.words.extend(data.split())


def visible_text(html_text: str) -> str:
    parser = _Text()
    parser.feed(html_text)
    return " ".join(parser.words)


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
    snapshots = stored(lesson_id, "text/html")
    page_text = visible_text(page)
    for snapshot in snapshots:
        # Every stored HTML output (widget snapshots, diagrams, tables) is on the page.
        # nbconvert re-serialises HTML (attribute order), so compare what a reader sees.
        assert visible_text(snapshot)[:300] in page_text
    for marker in ("data-part=", "data-damage=", "<table"):
        # Diagrams keep every part and every highlight; tables stay tables.
        assert page.count(marker) >= sum(s.count(marker) for s in snapshots), marker
    assert "application/vnd.jupyter.widget-view+json" not in page
    assert not re.search(r'<script[^>]+src="https?://', page), "nothing fetched from the internet"
    assert not re.search(r'href="[0-9]{2}_[a-z_]+\.ipynb', page), "links point at pages"


def test_plotly_js_is_shipped_once(site):
    assert (site / "plotly.min.js").stat().st_size > 1_000_000


def test_plot_html_cannot_break_out_of_its_script():
    html_text = plot_html("p1", {"data": [{"name": "</script><script>alert(1)"}], "layout": {}})
    assert html_text.count("</script>") == 1
