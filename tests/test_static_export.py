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
    assert re.findall(r'href="([^"]+)\.html"', index) == [*ready_ids(), "glossary"]
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


class _Links(HTMLParser):
    """Every link and resource a page refers to, and every id a fragment can point at."""

    def __init__(self):
        super().__init__()
        self.targets: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("id", "name"):
            if attrs.get(key) and (key == "id" or tag == "a"):
                self.ids.add(attrs[key])
        for key in ("href", "src"):
            if attrs.get(key) and tag in ("a", "link", "script", "img", "iframe"):
                self.targets.append(attrs[key])


def page_links(path):
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_every_link_in_the_built_copy_works(site):
    pages = sorted(site.glob("*.html"))
    assert {p.stem for p in pages} == {*ready_ids(), "glossary", "index"}
    parsed = {page.name: page_links(page) for page in pages}
    followed = external = 0
    for name, links in parsed.items():
        for target in links.targets:
            if re.match(r"(https?:|mailto:|data:)", target):
                external += 1  # no network here: only local links are followed
                continue
            file_part, _, fragment = target.partition("#")
            assert not file_part.endswith(".ipynb"), f"{name} links to a notebook: {target}"
            path = site / file_part if file_part else site / name
            assert path.is_file(), f"{name}: broken link {target}"
            if fragment and path.suffix == ".html":
                assert fragment in parsed[path.name].ids, f"{name}: no #{fragment} in {path.name}"
            followed += 1
    # every lesson page reaches the glossary, and the glossary reaches lesson 00
    for lesson_id in ready_ids():
        assert "glossary.html" in parsed[f"{lesson_id}.html"].targets, lesson_id
    assert "00_start_here.html" in parsed["glossary.html"].targets
    assert followed > 2 * len(pages)


def test_plotly_js_is_shipped_once(site):
    assert (site / "plotly.min.js").stat().st_size > 1_000_000


def test_plot_html_cannot_break_out_of_its_script():
    html_text = plot_html("p1", {"data": [{"name": "</script><script>alert(1)"}], "layout": {}})
    assert html_text.count("</script>") == 1
