"""Build the browser-only site (``make site``): JupyterLite with every lesson, plus read pages.

One folder (default ``_site/``, always rebuilt from empty) that any static web server can
serve, GitHub Pages or a school intranet:

* ``index.html``: "read" or "run in your browser", with the not-medical-advice note;
* ``read/``: the read-only pages of ``make static`` (stored outputs, no kernel);
* ``run/``: JupyterLite (JupyterLab only) with every lesson, opening on lesson 00. Its
  Python kernel is Pyodide, served from ``run/static/pyodide/`` with every wheel the
  lessons need and the site's own ``pyodide-lock.json`` (sha256 of each file). The
  kernel loads them all when it starts, so no lesson needs a ``%pip`` cell, and the
  browser fetches nothing from anywhere but the site.

Inputs are pinned: the build tools in ``requirements-site.txt``, the Pyodide core (npm
registry, ``npm pack``) in ``jupyterlite/pyodide.json`` with its sha512, the browser
wheels (PyPI, ``pip download``) in ``jupyterlite/requirements-browser.txt`` with their
sha256. ``--download-only`` fetches them into ``.cache/site/``; after that the build
needs no network. The content in ``data/`` is compiled by the same loader the lessons
use (:func:`widgets.content.compile_bundle`) into ``widgets/content/bundle.json`` inside
our wheel, so the browser needs neither PyYAML nor jsonschema.
"""

from __future__ import annotations

import argparse
import base64
import email.parser
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import tempfile
import time
import zipfile
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: import the checkout's scripts/ and widgets/
    sys.path.insert(0, str(ROOT))

from scripts.export_static import GLOSSARY, export_site  # noqa: E402
from widgets.content import compile_bundle  # noqa: E402
from widgets.html import el, join, link, not_medical_advice, page  # noqa: E402
from widgets.lesson_map import advice_note, load_lessons  # noqa: E402

PINS = ROOT / "jupyterlite"
PYODIDE_PIN = PINS / "pyodide.json"
BROWSER_WHEELS = PINS / "requirements-browser.txt"
CACHE = ROOT / ".cache" / "site"
OUT = ROOT / "_site"
LABEXTENSIONS = Path(sys.prefix) / "share" / "jupyter" / "labextensions"
# The build tools (requirements-site.txt) live in their own prefix, out of JupyterLab's
# sight: the JupyterLite kernel's lab extension, found by a server of .venv, fails to load
# there (console errors in `make lesson` and in every browser test).
SITE_TOOLS = Path(sys.prefix) / "site-tools"
KERNEL_EXTENSION = "@jupyterlite/pyodide-kernel-extension"
KERNEL_EXTENSION_DIR = SITE_TOOLS / "share" / "jupyter" / "labextensions" / KERNEL_EXTENSION
# The only JupyterLab extensions the lessons use (others found in .venv are left out).
EXTENSIONS = ("@jupyter-widgets/jupyterlab-manager", "jupyterlab-plotly", KERNEL_EXTENSION)
# Wheels the kernel extension ships for itself (its own Python side and a stub ipykernel).
KERNEL_WHEELS = ("pyodide_kernel-*.whl", "piplite-*.whl", "ipykernel-*.whl")
PYODIDE_DIR = "static/pyodide"
FIRST_LESSON = "00_start_here.ipynb"
# Requirements of shipped wheels that the browser does without, and why.
NOT_SHIPPED = {
    "widgetsnbextension": "classic Notebook's widget extension; JupyterLab draws the widgets",
    "jupyterlab-widgets": "the JupyterLab widget extension, served as JavaScript, not Python",
    "pyyaml": "data/ is compiled at build time (widgets/content/bundle.json)",
    "jsonschema": "data/ is validated at build time (widgets/content/bundle.json)",
}
# Hosts that serve scripts, styles, fonts or packages to pages: the site must not name them.
CDN_HOSTS = (
    "cdn.jsdelivr.net",
    "unpkg.com",
    "cdnjs.cloudflare.com",
    "cdn.plot.ly",
    "fonts.googleapis.com",
    "fonts.gstatic.com",
    "ajax.googleapis.com",
    "code.jquery.com",
    "esm.sh",
    "cdn.skypack.dev",
    "basemaps.cartocdn.com",
    "files.pythonhosted.org",
)
# Built-in defaults of third-party code that name a CDN for features the lessons never use.
# Nothing else may name one; the browser test blocks and reports every request that
# leaves the site, so a default that did get used would fail it.
THIRD_PARTY_DEFAULTS = (
    (
        r"(^|/)plotly\.min\.js$|^run/extensions/jupyterlab-plotly/static/[^/]+\.js$",
        ("cdn.jsdelivr.net", "cdn.plot.ly", "basemaps.cartocdn.com"),
        "plotly.js defaults for geographic maps (topojson, map icons, basemap tiles); "
        "the lessons draw no maps",
    ),
    (
        r"^run/static/pyodide/pyodide\.mjs$",
        ("cdn.jsdelivr.net",),
        "Pyodide's fallback for packages missing from the site's lock; the kernel loads "
        "only locked packages and the PyPI fallback is off",
    ),
)
# Parts of pinned wheels the browser never uses, cut before the lock is written: the
# downloaded wheel is checked against PyPI's sha256 first, and the lock then records the
# sha256 of the trimmed file the site serves. Kernel start unpacks every wheel, so this
# saves time as well as bytes.
TRIM = {
    "plotly": (
        "plotly/labextension/",  # plotly's JupyterLab extension: the site serves it as JS
        "plotly-{version}.data/",  # ... and the same again, as data files
        "plotly/package_data/plotly.min.js",  # for HTML export; JupyterLab draws the charts
        "plotly/package_data/datasets/",  # plotly.express sample data
    ),
    # 5,500 type-stub files (typeshed) for completing code that has not run yet; Tab
    # completion of names and objects that exist works without them.
    "jedi": ("jedi/third_party/",),
}
# Font formats only old browsers ask for: JupyterLab's CSS offers woff2 first.
OLD_FONT_FORMATS = (".eot", ".ttf", ".svg", ".woff")


class BuildError(RuntimeError):
    """The site cannot be built as pinned; the message says what to fix."""


# --- Pinned downloads ---------------------------------------------------------------------


def pyodide_pin() -> dict:
    return json.loads(PYODIDE_PIN.read_text(encoding="utf-8"))


def sri_sha512(path: Path) -> str:
    digest = hashlib.sha512(path.read_bytes()).digest()
    return "sha512-" + base64.b64encode(digest).decode()


def fetch_pyodide(cache: Path = CACHE) -> Path:
    """The pinned npm tarball of Pyodide's core, checked against its sha512."""
    pin = pyodide_pin()
    tarball = cache / f"{pin['package']}-{pin['version']}.tgz"
    if not tarball.is_file():
        cache.mkdir(parents=True, exist_ok=True)
        if shutil.which("npm") is None:
            raise BuildError("npm is needed once to fetch Pyodide (apt-get install -y npm)")
        subprocess.run(
            ["npm", "pack", f"{pin['package']}@{pin['version']}", "--pack-destination", cache],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    if sri_sha512(tarball) != pin["integrity"]:
        tarball.unlink()
        raise BuildError(f"{tarball.name}: sha512 differs from {PYODIDE_PIN.name}; removed it")
    return tarball


def fetch_wheels(cache: Path = CACHE) -> list[Path]:
    """The pinned browser wheels, checked against their sha256 (pip --require-hashes)."""
    folder = cache / "wheels"
    folder.mkdir(parents=True, exist_ok=True)
    common = [
        sys.executable,
        "-m",
        "pip",
        "download",
        "--quiet",
        "--no-deps",
        "--require-hashes",
        "--only-binary=:all:",
        "--python-version=3.14",
        "--platform=any",
        "--implementation=py",
        "--abi=none",
        f"--dest={folder}",
        f"--requirement={BROWSER_WHEELS}",
    ]
    # From the cache alone first: a warm cache needs no network.
    offline = subprocess.run(
        [*common, "--no-index", f"--find-links={folder}"], capture_output=True, text=True
    )
    if offline.returncode != 0:
        subprocess.run(common, check=True)
    wanted = pinned_wheels()
    found = {}
    for path in folder.glob("*.whl"):
        name, version = wheel_name_version(path)
        if wanted.get(name) == version:
            found[name] = path
    missing = sorted(set(wanted) - set(found))
    if missing:
        raise BuildError(f"wheels missing after download: {', '.join(missing)}")
    return [found[name] for name in sorted(found)]


def pinned_wheels() -> dict[str, str]:
    """name -> version from requirements-browser.txt."""
    pins = {}
    for line in BROWSER_WHEELS.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Za-z0-9_.-]+)==([^\s\\]+)", line)
        if match:
            pins[canonicalize_name(match[1])] = match[2]
    return pins


# --- Wheels and the lock ------------------------------------------------------------------


def wheel_metadata(path: Path) -> email.message.Message:
    with zipfile.ZipFile(path) as wheel:
        name = next(n for n in wheel.namelist() if n.endswith(".dist-info/METADATA"))
        return email.parser.Parser().parsestr(wheel.read(name).decode("utf-8"))


def wheel_name_version(path: Path) -> tuple[str, str]:
    metadata = wheel_metadata(path)
    return canonicalize_name(metadata["Name"]), metadata["Version"]


def wheel_imports(path: Path) -> list[str]:
    """Top-level packages and modules a wheel installs."""
    names = set()
    with zipfile.ZipFile(path) as wheel:
        for name in wheel.namelist():
            top = name.split("/")[0]
            if top.endswith((".dist-info", ".data")):
                continue
            if "/" in name:
                names.add(top)
            elif top.endswith(".py"):
                names.add(top[:-3])
    return sorted(n for n in names if n.isidentifier())


def browser_environment(python: str) -> dict[str, str]:
    """PEP 508 marker values of Pyodide (for the ``depends`` of each wheel)."""
    env = default_environment()
    env.update(
        {
            "sys_platform": "emscripten",
            "platform_system": "Emscripten",
            "platform_machine": "wasm32",
            "os_name": "posix",
            "implementation_name": "cpython",
            "platform_python_implementation": "CPython",
            "python_version": ".".join(python.split(".")[:2]),
            "python_full_version": python,
            "extra": "",
        }
    )
    return env


def wheel_depends(path: Path, shipped: set[str], python: str) -> list[str]:
    """The wheel's requirements in the browser, each either shipped or left out on purpose."""
    env = browser_environment(python)
    depends = []
    for text in wheel_metadata(path).get_all("Requires-Dist") or []:
        requirement = Requirement(text)
        if requirement.marker is not None and not requirement.marker.evaluate(env):
            continue
        name = canonicalize_name(requirement.name)
        if name in shipped:
            depends.append(name)
        elif name not in NOT_SHIPPED:
            raise BuildError(
                f"{path.name} needs {name}, which the site does not ship: add it to "
                f"{BROWSER_WHEELS.relative_to(ROOT)} (or explain in NOT_SHIPPED why not)"
            )
    return sorted(set(depends))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def pyodide_lock(wheels: list[Path], info: dict) -> dict:
    """A pyodide-lock.json for exactly the shipped wheels (Pyodide's own is for its builds)."""
    shipped = {wheel_name_version(path)[0] for path in wheels}
    packages = {}
    for path in sorted(wheels):
        name, version = wheel_name_version(path)
        packages[name] = {
            "name": name,
            "version": version,
            "file_name": path.name,
            "install_dir": "site",
            "sha256": sha256(path),
            "package_type": "package",
            "imports": wheel_imports(path),
            "depends": wheel_depends(path, shipped, info["python"]),
            "unvendored_tests": False,
        }
    return {"info": info, "packages": packages}


def trim_wheel(path: Path, dest: Path) -> Path:
    """A copy of the wheel in ``dest`` without the parts TRIM lists (RECORD updated)."""
    name, version = wheel_name_version(path)
    prefixes = tuple(p.format(version=version) for p in TRIM.get(name, ()))
    target = dest / path.name
    if not prefixes:
        shutil.copyfile(path, target)
        return target
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(target, "w") as trimmed:
        for item in source.infolist():
            if item.filename.startswith(prefixes):
                continue
            data = source.read(item)
            if item.filename.endswith(".dist-info/RECORD"):
                lines = data.decode("utf-8").splitlines(keepends=True)
                data = "".join(x for x in lines if not x.startswith(prefixes)).encode("utf-8")
            trimmed.writestr(item, data, compress_type=zipfile.ZIP_DEFLATED)
    return target


def build_lesson_wheel(bundle: dict, work: Path) -> Path:
    """Our package as a wheel, with the compiled content inside, built from a copy."""
    source = work / "src"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "bundle.json")
    shutil.copytree(ROOT / "widgets", source / "widgets", ignore=ignore)
    for name in ("pyproject.toml", "LICENSE"):
        shutil.copyfile(ROOT / name, source / name)
    (source / "widgets" / "content" / "bundle.json").write_text(
        json.dumps(bundle, sort_keys=True, ensure_ascii=False), encoding="utf-8"
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            f"--wheel-dir={work / 'dist'}",
            str(source),
        ],
        env=site_tools_env(),
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise BuildError(f"building the lesson wheel failed:\n{result.stdout}{result.stderr}")
    (wheel,) = (work / "dist").glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        if "widgets/content/bundle.json" not in archive.namelist():
            raise BuildError("the lesson wheel lacks widgets/content/bundle.json (pyproject)")
    return wheel


# --- JupyterLite ----------------------------------------------------------------------------


def lite_config(packages: list[str]) -> dict:
    """``jupyter-lite.json``: where Pyodide is, what it loads at start, nothing from PyPI."""
    return {
        "jupyter-lite-schema-version": 0,
        "jupyter-config-data": {
            "appName": "MS vs ALS",
            "exposeAppInBrowser": True,
            "disabledExtensions": ["@jupyterlab/apputils-extension:announcements"],
            "litePluginSettings": {
                f"{KERNEL_EXTENSION}:kernel": {
                    "pyodideUrl": f"./{PYODIDE_DIR}/pyodide.mjs",
                    "disablePyPIFallback": True,
                    # The lock is found next to pyodide.mjs: static/pyodide/pyodide-lock.json.
                    "loadPyodideOptions": {"packages": packages},
                }
            },
        },
    }


def site_tools_env() -> dict[str, str]:
    """The environment of a build step: .venv's Python, with the site tools importable."""
    if not SITE_TOOLS.is_dir():
        raise BuildError(f"{SITE_TOOLS} is missing: run `make site` (it installs the build tools)")
    purelib = sysconfig.get_path(
        "purelib", vars={"base": str(SITE_TOOLS), "platbase": str(SITE_TOOLS)}
    )
    extra = [purelib, os.environ.get("PYTHONPATH", "")]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in extra if p)}


def run_lite_build(lite_dir: Path, contents: Path, out: Path) -> None:
    paths = [LABEXTENSIONS / e for e in EXTENSIONS if e != KERNEL_EXTENSION]
    extensions = [
        f"--LiteBuildConfig.federated_extensions={p}" for p in [*paths, KERNEL_EXTENSION_DIR]
    ]
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "jupyterlite_core",
            "build",
            f"--lite-dir={lite_dir}",
            f"--contents={contents}",
            f"--output-dir={out}",
            "--apps=lab",
            "--no-sourcemaps",
            "--no-unused-shared-packages",
            "--ignore-sys-prefix",
            *extensions,
        ],
        cwd=lite_dir,
        env={**site_tools_env(), "PYTHONWARNINGS": "ignore"},
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:  # its progress report is long: show it only when it failed
        raise BuildError(f"jupyter lite build failed:\n{result.stdout[-4000:]}{result.stderr}")


def point_kernel_default_at_site(run_dir: Path, version: str) -> None:
    """Make the kernel's built-in fallback (Pyodide's CDN) the site's own copy.

    ``pyodideUrl`` in jupyter-lite.json already says where Pyodide is; this removes the
    last CDN address from the site, so even a lost setting cannot reach outside.
    """
    cdn = f"https://cdn.jsdelivr.net/pyodide/v{version}/full/pyodide.mjs"
    static = run_dir / "extensions" / KERNEL_EXTENSION / "static"
    hits = [p for p in static.glob("*.js") if cdn in p.read_text(encoding="utf-8")]
    if len(hits) != 1:
        raise BuildError(f"expected the kernel's default Pyodide URL in one file; found {hits}")
    text = hits[0].read_text(encoding="utf-8").replace(cdn, f"./{PYODIDE_DIR}/pyodide.mjs")
    hits[0].write_text(text, encoding="utf-8")
    schema = static / "schema" / "kernel.v0.schema.json"
    if schema.is_file():
        schema.write_text(
            schema.read_text(encoding="utf-8").replace(cdn, f"./{PYODIDE_DIR}/pyodide.mjs"),
            encoding="utf-8",
        )


def drop_old_fonts(run_dir: Path) -> int:
    """Remove font files only old browsers use (each has a .woff2 twin); return bytes saved."""
    saved = 0
    for path in (run_dir / "build").rglob("*"):
        if path.suffix in OLD_FONT_FORMATS and path.with_suffix(".woff2").is_file():
            saved += path.stat().st_size
            path.unlink()
    return saved


def cdn_references(folder: Path) -> list[tuple[str, str]]:
    """``(file, host)`` for every CDN host named in a text file of the site."""
    found = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.suffix in (".whl", ".wasm", ".zip", ".png", ".woff2"):
            continue
        text = path.read_bytes().decode("utf-8", errors="ignore")
        relative = path.relative_to(folder).as_posix()
        found += [(relative, host) for host in CDN_HOSTS if host in text]
    return found


def third_party_default(relative: str, host: str) -> bool:
    """Whether this CDN name is a listed third-party default (THIRD_PARTY_DEFAULTS)."""
    return any(
        re.search(pattern, relative) and host in hosts for pattern, hosts, _ in THIRD_PARTY_DEFAULTS
    )


# --- The index page -------------------------------------------------------------------------


def index_page(lessons) -> str:
    """The site's front page: run in the browser or read, each lesson both ways, the note."""
    run = f"run/lab/index.html?path={FIRST_LESSON}"
    items = [
        el(
            "li",
            f"{lesson.number} · {lesson.title} ({lesson.minutes} min): ",
            link("read", f"read/{lesson.id}.html"),
            " · ",
            link("run", f"run/lab/index.html?path={lesson.filename}"),
        )
        for lesson in lessons
    ]
    body = join(
        [
            el("h1", "MS vs ALS: an interactive lesson"),
            el(
                "p",
                "How multiple sclerosis and amyotrophic lateral sclerosis differ: what each "
                "one damages, why that gives different symptoms, how each unfolds over time.",
            ),
            el(
                "ul",
                el(
                    "li",
                    el("a", el("strong", "Run in your browser"), href=run),
                    ": the lessons with their toggles, charts and self-checks. Nothing to "
                    "install and no account: Python runs inside this browser tab. The first "
                    "visit downloads the lessons' tools once; later visits start faster. "
                    "Your work is kept only in this browser: use ",
                    el("em", "File → Download"),
                    " to keep a copy of a notebook.",
                ),
                el(
                    "li",
                    el("a", el("strong", "Read"), href="read/index.html"),
                    ": every lesson as a page, with the diagrams, charts and answers as they "
                    "were last run. Works on any device.",
                ),
                style={"font-size": "1.15em", "line-height": "1.8"},
            ),
            el("h2", "Lessons"),
            el("ol", items, start="0"),
            el(
                "p",
                link("Glossary", f"read/{GLOSSARY}.html"),
                " (",
                link("run", f"run/lab/index.html?path={GLOSSARY}.ipynb"),
                "): every word the lessons use, in plain language.",
            ),
            not_medical_advice(advice_note()),
        ]
    )
    return str(page("MS vs ALS: an interactive lesson", body))


# --- The whole build ------------------------------------------------------------------------


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def build_site(out: Path = OUT, cache: Path = CACHE) -> dict:
    """Build the site into ``out`` (emptied first); return figures about it."""
    started = time.monotonic()
    tarball = fetch_pyodide(cache)
    downloaded = fetch_wheels(cache)
    pin = pyodide_pin()
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    lessons = [lesson for lesson in load_lessons() if lesson.status == "ready"]
    with tempfile.TemporaryDirectory(prefix="msals-site-") as tmp:
        work = Path(tmp)
        lesson_wheel = build_lesson_wheel(compile_bundle(), work / "wheel")

        # The lite project: config, and the lessons (the notebooks as they are, and the glossary).
        lite_dir = work / "lite"
        contents = lite_dir / "lessons"
        contents.mkdir(parents=True)
        for notebook in sorted((ROOT / "lessons").glob("*.ipynb")):
            shutil.copyfile(notebook, contents / notebook.name)
        pyodide = work / "pyodide"
        pyodide.mkdir()
        with tarfile.open(tarball) as archive:
            for name in [*pin["files"], "pyodide-lock.json"]:
                member = archive.getmember(f"package/{name}")
                (pyodide / name).write_bytes(archive.extractfile(member).read())
        info = json.loads((pyodide / "pyodide-lock.json").read_text(encoding="utf-8"))["info"]
        (pyodide / "pyodide-lock.json").unlink()
        kernel_pypi = KERNEL_EXTENSION_DIR / "static" / "pypi"
        kernel_wheels = [p for pattern in KERNEL_WHEELS for p in kernel_pypi.glob(pattern)]
        wheels = []
        for path in [*downloaded, *kernel_wheels, lesson_wheel]:
            wheels.append(trim_wheel(path, pyodide))
        lock = pyodide_lock(wheels, info)
        (pyodide / "pyodide-lock.json").write_text(
            json.dumps(lock, indent=1, sort_keys=True), encoding="utf-8"
        )
        (lite_dir / "jupyter-lite.json").write_text(
            json.dumps(lite_config(sorted(lock["packages"])), indent=2), encoding="utf-8"
        )
        run_dir = out / "run"
        run_lite_build(lite_dir, contents, run_dir)
        shutil.copytree(pyodide, run_dir / PYODIDE_DIR)

    point_kernel_default_at_site(run_dir, pin["version"])
    fonts_saved = drop_old_fonts(run_dir)
    export_site(out / "read")
    (out / "index.html").write_text(index_page(lessons), encoding="utf-8")
    # Browsers ask every site for /favicon.ico: JupyterLite's icon, so none gets a 404.
    shutil.copyfile(run_dir / "lab" / "favicon.ico", out / "favicon.ico")
    maps = [p for p in out.rglob("*.map")]
    if maps:
        raise BuildError(f"source maps in the site: {maps[:3]}")
    references = [ref for ref in cdn_references(out) if not third_party_default(*ref)]
    if references:
        lines = "\n  ".join(f"{file}: {host}" for file, host in references)
        raise BuildError(f"CDN references in the site:\n  {lines}")
    return {
        "seconds": time.monotonic() - started,
        "bytes": folder_size(out),
        "pyodide_bytes": folder_size(run_dir / PYODIDE_DIR),
        "fonts_saved": fonts_saved,
        "packages": len(lock["packages"]),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--cache", type=Path, default=CACHE)
    parser.add_argument(
        "--download-only", action="store_true", help="fetch the pinned inputs, build nothing"
    )
    args = parser.parse_args(argv)
    try:
        if args.download_only:
            fetch_pyodide(args.cache)
            wheels = fetch_wheels(args.cache)
            print(f"Pyodide {pyodide_pin()['version']} and {len(wheels)} wheels in {args.cache}")
            return 0
        figures = build_site(args.out, args.cache)
    except BuildError as error:
        print(f"make site: {error}", file=sys.stderr)
        return 1
    print(
        f"wrote {args.out} in {figures['seconds']:.1f} s: {figures['bytes'] / 1e6:.1f} MB "
        f"({figures['pyodide_bytes'] / 1e6:.1f} MB of it Pyodide and {figures['packages']} "
        f"wheels); open {args.out / 'index.html'} through a web server"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
