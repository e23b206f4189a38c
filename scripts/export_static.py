"""Export every lesson to static HTML with an index page (``make static``).

The copy needs no kernel and no internet: for a school network that blocks Binder, or
to put on any web server. Each page shows the outputs stored in the notebook:

* widgets appear as the static snapshot they store next to the live view (their
  ``text/html``), the same content a reader sees on GitHub;
* plotly figures are drawn by one local copy of plotly.js (``site/plotly.min.js``,
  taken from the installed plotly package), never fetched from a CDN.
"""

from __future__ import annotations

import argparse
import copy
import json
import re
import shutil
import sys
from pathlib import Path

import nbformat
import plotly
from nbconvert import HTMLExporter

from widgets.html import escape, not_medical_advice
from widgets.lesson_map import advice_note, load_lessons

ROOT = Path(__file__).resolve().parent.parent
PLOTLY_JSON = "application/vnd.plotly.v1+json"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


def static_outputs(notebook: nbformat.NotebookNode, stem: str) -> nbformat.NotebookNode:
    """A copy whose outputs need no kernel: widget snapshots and plotly figures as HTML."""
    notebook = copy.deepcopy(notebook)
    notebook.metadata.pop("widgets", None)
    count = 0
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            data.pop(WIDGET_VIEW, None)
            if PLOTLY_JSON in data:
                count += 1
                figure = data.pop(PLOTLY_JSON)
                data["text/html"] = plot_html(f"{stem}-plot-{count}", figure)
    return notebook


def plot_html(element_id: str, figure: dict) -> str:
    # json.dumps escapes nothing HTML-specific; "</" must not close the script early.
    # Frames too: the conduction simulator's animation plays in the static copy.
    payload = json.dumps(
        {
            "data": figure.get("data", []),
            "layout": figure.get("layout", {}),
            "frames": figure.get("frames", []),
        },
        sort_keys=True,
    ).replace("</", "<\\/")
    return (
        f'<div id="{element_id}" class="msals-static-plot" style="min-height:420px"></div>'
        f'<script type="text/javascript">(function(){{var f={payload};'
        f'Plotly.newPlot("{element_id}",{{data:f.data,layout:f.layout,frames:f.frames,'
        f"config:{{responsive:true,displaylogo:false}}}});}})();</script>"
    )


GLOSSARY = "glossary"


def html_exporter() -> HTMLExporter:
    """nbconvert's JupyterLab page template, without prompts (reuse it: it compiles once)."""
    exporter = HTMLExporter(template_name="lab")
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    return exporter


def export_page(path: Path, page_ids: list[str], exporter: HTMLExporter | None = None) -> str:
    notebook = static_outputs(nbformat.read(path, as_version=4), path.stem)
    body, _ = (exporter or html_exporter()).from_notebook_node(notebook)
    # Links between lessons point at notebooks; in the static copy they point at pages.
    for page_id in page_ids:
        body = body.replace(f'href="{page_id}.ipynb', f'href="{page_id}.html')
    dangling = sorted(set(re.findall(r'href="(?!https?:)([^"#]+\.ipynb)', body)))
    if dangling:
        raise SystemExit(f"{path.name} links to notebooks the static copy lacks: {dangling}")
    # Drop every script or stylesheet the template would fetch from the internet.
    body = re.sub(r'<script[^>]+src="https?://[^"]*"[^>]*>\s*</script>', "", body)
    body = re.sub(r'<link[^>]+href="https?://[^"]*"[^>]*>', "", body)
    # ... and the template's inline module that would import mermaid.js from a CDN (the
    # lessons have no mermaid diagrams).
    body = re.sub(
        r"<script type=\"module\">(?:(?!</script>).)*?https?://(?:(?!</script>).)*?</script>",
        "",
        body,
        flags=re.DOTALL,
    )
    if "Plotly.newPlot" in body:
        body = body.replace("</head>", '<script src="plotly.min.js"></script>\n</head>', 1)
    nav = '<p style="margin:1em"><a href="index.html">All lessons</a></p>'
    return body.replace("</body>", f"{nav}</body>", 1)


def index_page(lessons) -> str:
    items = "".join(
        f'<li><a href="{escape(lesson.id)}.html">{escape(lesson.number)} · '
        f"{escape(lesson.title)}</a> ({lesson.minutes} min): {escape(lesson.summary)}</li>"
        for lesson in lessons
    )
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        "<title>MS vs ALS: an interactive lesson (static copy)</title>"
        '<meta name="viewport" content="width=device-width, initial-scale=1"></head>'
        '<body style="font-family:system-ui,sans-serif;max-width:50em;margin:2em auto;'
        'padding:0 1em;color:#1A1A1A">'
        "<h1>MS vs ALS: an interactive lesson</h1>"
        "<p>A read-only copy of the lessons, with the diagrams, charts and answers stored "
        "when they were last run. To use the toggles and menus, open the notebooks in "
        "JupyterLab or on Binder.</p>"
        f'<ol start="0">{items}</ol>'
        f'<p><a href="{GLOSSARY}.html">Glossary</a>: every word the lessons use, in plain '
        "language.</p>"
        f"{not_medical_advice(advice_note())}</body></html>"
    )


def export_site(out: Path) -> list[Path]:
    """Write one page per ready lesson, the glossary and index.html into ``out``; return the
    pages."""
    out.mkdir(parents=True, exist_ok=True)
    lessons = [lesson for lesson in load_lessons() if lesson.status == "ready"]
    ids = [lesson.id for lesson in lessons] + [GLOSSARY]
    pages = []
    exporter = html_exporter()
    for page_id in ids:
        page = out / f"{page_id}.html"
        html_text = export_page(ROOT / "lessons" / f"{page_id}.ipynb", ids, exporter)
        page.write_text(html_text, encoding="utf-8")
        pages.append(page)
    shutil.copyfile(PLOTLY_JS, out / "plotly.min.js")
    (out / "index.html").write_text(index_page(lessons), encoding="utf-8")
    return pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "site")
    args = parser.parse_args(argv)
    pages = export_site(args.out)
    print(f"wrote {len(pages)} pages (lessons and glossary) and index.html to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
