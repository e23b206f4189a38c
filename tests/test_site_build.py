"""The pieces of ``make site`` that need no browser: compiled content, the lock, the index.

The site itself is built and run in Chromium by tests/browser/test_site.py.
"""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from scripts import build_site
from scripts.build_site import (
    NOT_SHIPPED,
    BuildError,
    cdn_references,
    index_page,
    pyodide_lock,
    third_party_default,
    wheel_depends,
    wheel_imports,
)
from widgets.content import DataError, compile_bundle, document_names, load_document
from widgets.content import loader as content
from widgets.lesson_map import load_lessons

ROOT = Path(__file__).resolve().parent.parent

# Every loader and widget the lessons call, with PyYAML, jsonschema and data/ out of reach.
BROWSER_LIKE = """
import json, sys
from pathlib import Path
sys.modules["yaml"] = None          # import yaml -> ImportError, as in the browser
sys.modules["jsonschema"] = None
import widgets.content.loader as content
content.BUNDLE_FILE = Path(sys.argv[1])
content.REPO_DATA_DIR = Path("/nonexistent/data")
import widgets
from widgets.lesson_map import load_lessons
from widgets.quiz_logic import load_questions
last = load_lessons()[-1].id
made = []
for name in json.loads(sys.argv[2]):
    factory = getattr(widgets, name)
    if name == "Quiz":
        made.append(factory(last))
    elif name == "ExitTicket":
        made.append(factory(lesson=last))
    else:
        made.append(factory())
print(json.dumps({
    "lessons": [lesson.id for lesson in load_lessons()],
    "questions": len(load_questions()),
    "made": [type(w).__name__ for w in made],
    "yaml_loaded": sys.modules["yaml"] is not None,
}))
"""


@pytest.fixture
def bundle_file(tmp_path):
    path = tmp_path / "bundle.json"
    path.write_text(json.dumps(compile_bundle()), encoding="utf-8")
    return path


def test_the_bundle_holds_every_document_and_reference_as_loaded():
    bundle = compile_bundle()
    assert sorted(bundle["documents"]) == document_names()
    for name, document in bundle["documents"].items():
        assert document == load_document(name)
    assert set(bundle["references"]) == set(content.load_references())
    json.dumps(bundle)  # plain JSON, nothing else


def test_the_build_stops_on_a_broken_data_file(tmp_path):
    broken = tmp_path / "data"
    import shutil

    shutil.copytree(ROOT / "data", broken)
    text = (broken / "lessons.yaml").read_text(encoding="utf-8")
    (broken / "lessons.yaml").write_text(text.replace("minutes:", "minutez:", 1), "utf-8")
    with pytest.raises(DataError, match="lessons.yaml"):
        compile_bundle(broken)


def test_documents_come_from_the_bundle_when_it_is_present(bundle_file, monkeypatch):
    monkeypatch.delenv("MSALS_DATA_DIR", raising=False)
    monkeypatch.setattr(content, "BUNDLE_FILE", bundle_file)
    monkeypatch.setattr(content, "REPO_DATA_DIR", Path("/nonexistent/data"))
    assert [lesson.id for lesson in load_lessons()]
    assert document_names() == sorted(json.loads(bundle_file.read_text())["documents"])
    with pytest.raises(DataError, match="no_such_file.yaml: file not found"):
        load_document("no_such_file")
    # A caller that edits what it got cannot change the bundle.
    load_document("lessons")["lessons"].clear()
    assert load_document("lessons")["lessons"]


def test_a_data_folder_set_by_the_environment_wins_over_the_bundle(bundle_file, monkeypatch):
    monkeypatch.setattr(content, "BUNDLE_FILE", bundle_file)
    monkeypatch.setenv("MSALS_DATA_DIR", "/nonexistent/data")
    with pytest.raises(DataError, match="file not found"):
        load_document("lessons")


def test_no_bundle_in_the_checkout():
    """Only the site's wheel carries one; in a checkout, edits to data/ must show."""
    assert not content.BUNDLE_FILE.exists()


def names_lessons_call() -> list[str]:
    """The public names of ``widgets`` that some notebook calls."""
    import widgets
    from tests.notebook_tools import notebook_paths

    code = "\n".join(p.read_text(encoding="utf-8") for p in notebook_paths())
    return [n for n in widgets.__all__ if n != "DataError" and f"{n}(" in code]


def test_every_widget_works_from_the_bundle_without_yaml_or_jsonschema(bundle_file):
    names = names_lessons_call()
    result = subprocess.run(
        [sys.executable, "-c", BROWSER_LIKE, str(bundle_file), json.dumps(names)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout.strip().splitlines()[-1])
    assert shown["lessons"] == [lesson.id for lesson in load_lessons()]
    assert shown["questions"] > 0
    assert len(shown["made"]) == len(names)
    assert {"NervousSystemExplorer", "Quiz", "ProgressionTimelines"} <= set(names)
    assert shown["yaml_loaded"] is False


def make_wheel(folder: Path, name: str, version: str, requires: list[str], files: list[str]):
    path = folder / f"{name}-{version}-py3-none-any.whl"
    metadata = f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n" + "".join(
        f"Requires-Dist: {r}\n" for r in requires
    )
    with zipfile.ZipFile(path, "w") as wheel:
        wheel.writestr(f"{name}-{version}.dist-info/METADATA", metadata)
        for file in files:
            wheel.writestr(file, "")
    return path


def test_lock_depends_follow_the_browser_markers(tmp_path):
    app = make_wheel(
        tmp_path,
        "app",
        "1.0",
        [
            "lib>=1",
            'pexpect>4; sys_platform != "emscripten"',
            'old; python_version < "3.12"',
            'doc; extra == "doc"',
            "widgetsnbextension~=4.0",
        ],
        ["app/__init__.py", "app_helper.py"],
    )
    lib = make_wheel(tmp_path, "lib", "2.0", [], ["lib/__init__.py"])
    assert wheel_depends(app, {"app", "lib"}, "3.14.2") == ["lib"]
    assert wheel_imports(app) == ["app", "app_helper"]
    lock = pyodide_lock([app, lib], {"python": "3.14.2"})
    assert lock["packages"]["app"]["depends"] == ["lib"]
    assert lock["packages"]["lib"]["file_name"] == lib.name
    assert len(lock["packages"]["lib"]["sha256"]) == 64
    assert "widgetsnbextension" in NOT_SHIPPED


def test_a_requirement_the_site_lacks_stops_the_build(tmp_path):
    app = make_wheel(tmp_path, "app", "1.0", ["missing-lib"], ["app/__init__.py"])
    with pytest.raises(BuildError, match="missing-lib"):
        wheel_depends(app, {"app"}, "3.14.2")


def test_the_browser_wheels_are_pinned_with_hashes():
    pins = build_site.pinned_wheels()
    assert {"ipywidgets", "plotly", "ipython", "micropip"} <= set(pins)
    text = build_site.BROWSER_WHEELS.read_text(encoding="utf-8")
    assert text.count("--hash=sha256:") == len(pins)
    # Same versions as the server side where both have them.
    requirements = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    for name in ("ipywidgets", "plotly"):
        assert f"{name}=={pins[name]}" in requirements
    pin = build_site.pyodide_pin()
    assert pin["integrity"].startswith("sha512-") and pin["version"] == "314.0.6"


def test_index_page_offers_read_and_run_with_the_note():
    lessons = [lesson for lesson in load_lessons() if lesson.status == "ready"]
    page = index_page(lessons)
    assert 'href="run/lab/index.html?path=00_start_here.ipynb"' in page
    assert 'href="read/index.html"' in page
    for lesson in lessons:
        assert f'href="read/{lesson.id}.html"' in page
        assert f'href="run/lab/index.html?path={lesson.filename}"' in page
    assert 'href="read/glossary.html"' in page
    assert "Not medical advice" in page and "File → Download" in page


def test_cdn_references_are_found_and_only_listed_defaults_pass(tmp_path):
    (tmp_path / "run" / "static" / "pyodide").mkdir(parents=True)
    (tmp_path / "page.html").write_text('<script src="https://unpkg.com/x.js"></script>')
    (tmp_path / "run" / "static" / "pyodide" / "pyodide.mjs").write_text(
        "cdnUrl='https://cdn.jsdelivr.net/pyodide/'"
    )
    found = cdn_references(tmp_path)
    assert ("page.html", "unpkg.com") in found
    assert [f for f in found if not third_party_default(*f)] == [("page.html", "unpkg.com")]


def test_trimming_a_wheel_removes_exactly_the_listed_parts(tmp_path, monkeypatch):
    monkeypatch.setitem(build_site.TRIM, "big", ("big/unused/", "big-{version}.data/"))
    source = tmp_path / "in"
    source.mkdir()
    wheel = make_wheel(
        source,
        "big",
        "2.0",
        [],
        ["big/__init__.py", "big/unused/a.js", "big-2.0.data/data/x", "big/used.json"],
    )
    with zipfile.ZipFile(wheel, "a") as archive:
        archive.writestr(
            "big-2.0.dist-info/RECORD",
            "big/__init__.py,,\nbig/unused/a.js,,\nbig-2.0.data/data/x,,\nbig/used.json,,\n",
        )
    (tmp_path / "out").mkdir()
    trimmed = build_site.trim_wheel(wheel, tmp_path / "out")
    with zipfile.ZipFile(trimmed) as archive:
        names = sorted(archive.namelist())
        record = archive.read("big-2.0.dist-info/RECORD").decode()
    assert names == [
        "big-2.0.dist-info/METADATA",
        "big-2.0.dist-info/RECORD",
        "big/__init__.py",
        "big/used.json",
    ]
    assert record == "big/__init__.py,,\nbig/used.json,,\n"
    # A wheel TRIM does not name is served as downloaded.
    other = make_wheel(source, "other", "1.0", [], ["other/__init__.py"])
    assert build_site.trim_wheel(other, tmp_path / "out").read_bytes() == other.read_bytes()


def test_site_tools_stay_out_of_jupyterlabs_sight():
    """The JupyterLite kernel's lab extension, if JupyterLab found it, breaks `make lesson`
    and every browser test ("Shared module @jupyterlite/services doesn't exist")."""
    from jupyter_core.paths import jupyter_path

    seen = [Path(p).resolve() for p in jupyter_path("labextensions")]
    kernel = build_site.KERNEL_EXTENSION_DIR.resolve()
    assert not any(folder in kernel.parents for folder in seen), (kernel, seen)
    for folder in seen:
        assert not (folder / build_site.KERNEL_EXTENSION).exists(), folder
