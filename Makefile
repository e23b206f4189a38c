# Two commands do all the set-up (see README):
#   make lesson   create .venv if needed (the lesson's runtime only), then open JupyterLab
#   make test     add the test tools to .venv if needed, then lint and run every test
# The test tiers (README, "How the tests work"):
#   make check         lint + every unit test, no notebook executed (seconds)
#   make test-lessons  strict nbval over every lesson, each run once, network blocked
#   make test          everything: the above, the Binder check, browser tests, presenter mode
# Other targets: make refresh (re-run lessons to refresh stored outputs), make static
# (read-only HTML copy in site/), make present LESSON=... (Voila, no code), make guide
# (teacher guide's generated parts), make binder-check, make bench, make lint,
# make site (the browser-only JupyterLite site in _site/, see README).
# Classroom pack (docs/classroom-pack.md): make handouts (printable PDFs in handouts/),
# make quiz-export (GIFT, QTI 1.2 and CSV in build/quiz-export/),
# make tickets TICKETS=folder (exit tickets handed in -> class table).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# The lesson's runtime (requirements.txt: what Binder and `make lesson` install) ...
RUNTIME := $(VENV)/.runtime-installed
# ... and the test and authoring tools on top of it (requirements-dev.txt).
STAMP  := $(VENV)/.installed
# The Binder check's environment: requirements.txt alone, nothing else. Built from
# scratch on a fresh checkout, and again whenever what it is built from changes (a change
# to pyproject.toml's tool settings alone keeps it: --reuse compares a digest).
BINDER_ENV := build/binder-env
BINDER     := $(BINDER_ENV)/.installed
PORT   ?= 8888
# Extra flags for jupyter lab, e.g. LAB_FLAGS=--no-browser on a server.
LAB_FLAGS ?=
# JupyterLab refuses to start as root unless told it may (CI and containers run as root).
ROOT_FLAG := $(shell [ "$$(id -u)" = "0" ] && echo --allow-root)
# Which notebooks `make test-lessons` runs (default: all), e.g. LESSONS=lessons/03_symptoms.ipynb
LESSONS ?= lessons
# Parallel workers: every target that runs notebooks uses both cores of the reference machine.
WORKERS ?= 2
PYTEST := $(BIN)/python -m pytest -q -p tests.fast_start

.PHONY: lesson check test test-core test-site test-lessons lint refresh static site \
	site-download present guide binder-check bench screenshots clean-venv handouts \
	quiz-export tickets

$(RUNTIME): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(STAMP): $(RUNTIME) requirements-dev.txt
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

$(BINDER): requirements.txt pyproject.toml runtime.txt | $(STAMP)
	$(BIN)/python scripts/check_binder_env.py --build $(BINDER_ENV) --reuse

lesson: $(RUNTIME)
	JUPYTER_CONFIG_PATH=$(CURDIR)/.jupyter $(BIN)/jupyter lab $(ROOT_FLAG) --ip=127.0.0.1 \
		--port=$(PORT) --ServerApp.root_dir=$(CURDIR) \
		--LabApp.default_url=/lab/tree/lessons/00_start_here.ipynb $(LAB_FLAGS)

lint: $(STAMP)
	$(BIN)/ruff check widgets tests scripts benchmarks lessons conftest.py
	$(BIN)/ruff format --check widgets tests scripts benchmarks conftest.py

# Tier 1: no notebook is executed, no server or browser started.
check: lint
	$(PYTEST) -n $(WORKERS) -m "not notebook and not browser and not site" tests

# Tier 2: each lesson once, in a fresh kernel, strict, offline (tests/lessons_plugin.py).
test-lessons: $(STAMP)
	$(PYTEST) -n $(WORKERS) --nbval $(LESSONS)

# Tier 3: everything. The lessons run once, in a kernel of the Binder environment; the
# browser tests take one core, all the rest the other. The browser-only site's tests
# (build it, run every lesson in it) have their own budget and are timed apart.
test: test-core test-site

test-core: lint $(BINDER)
	MSALS_LESSON_PYTHON=$(CURDIR)/$(BINDER_ENV)/bin/python \
		$(PYTEST) -n $(WORKERS) -m "not site" --nbval tests lessons

test-site: $(STAMP) site-download
	$(PYTEST) -m site tests

refresh: $(STAMP)
	$(BIN)/python scripts/refresh_outputs.py

static: $(STAMP)
	$(BIN)/python scripts/export_static.py --out site

# The browser-only site: JupyterLite + the read-only pages in _site/ (always rebuilt from
# empty). Its build tools are pinned in requirements-site.txt and installed apart, in
# .venv/site-tools (a prefix JupyterLab does not read: the JupyterLite kernel's lab
# extension there would break `make lesson` and the browser tests), the Pyodide core and the
# browser wheels in jupyterlite/; site-download fetches those once into .cache/site/
# (npm for Pyodide: installed with apt-get if missing), and after that no network is used.
SITE_STAMP := $(VENV)/.site-tools-installed
$(SITE_STAMP): $(STAMP) requirements-site.txt
	rm -rf $(VENV)/site-tools
	@# An older layout installed them into .venv itself: take its lab extension out again.
	$(BIN)/python -m pip uninstall --quiet -y jupyterlite-pyodide-kernel jupyterlite-core 2>/dev/null || true
	$(BIN)/python -m pip install --quiet --prefix $(VENV)/site-tools -r requirements-site.txt
	touch $(SITE_STAMP)

site-download: $(SITE_STAMP)
	@command -v npm >/dev/null 2>&1 || ls .cache/site/pyodide-*.tgz >/dev/null 2>&1 || { \
		echo "make site: installing nodejs and npm (apt-get) to fetch Pyodide once"; \
		export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && \
		apt-get install -y -qq nodejs npm >/dev/null; }
	$(BIN)/python scripts/build_site.py --download-only

site: site-download
	$(BIN)/python scripts/build_site.py

# Presenter mode: one lesson as an app without code cells, for a projector.
LESSON ?= 00_start_here
present: $(STAMP)
	$(BIN)/python scripts/present.py $(LESSON) --port $(PORT) $(LAB_FLAGS)

# The PNGs in docs/ that the README shows (needs Chromium).
screenshots: $(STAMP)
	$(BIN)/python -m scripts.lab_screenshots
	$(BIN)/python -m scripts.explorer_screenshots
	$(BIN)/python -m scripts.timeline_screenshots
	$(BIN)/python -m scripts.conduction_screenshots

guide: $(STAMP)
	$(BIN)/python scripts/make_guide.py
	$(BIN)/python -m scripts.make_pack_doc

# Always from scratch: a fresh environment from requirements.txt runs every lesson.
binder-check: $(STAMP)
	rm -rf $(BINDER_ENV)
	$(BIN)/python scripts/check_binder_env.py --build $(BINDER_ENV) --run-lessons

clean-venv:
	rm -rf $(VENV) $(BINDER_ENV)

# Performance is measured, not asserted: each script prints its figures.
bench: $(STAMP)
	for script in benchmarks/[!_]*.py; do $(BIN)/python $$script || exit 1; done

# ---- Classroom pack (docs/classroom-pack.md)
# Printable handouts, generated from data/ and printed to PDF by headless Chromium.
handouts: $(STAMP)
	$(BIN)/python -m scripts.make_handouts --out handouts

# Every lesson's questions as Moodle GIFT, QTI 1.2 packages (Canvas, Blackboard) and CSV.
quiz-export: $(STAMP)
	$(BIN)/python -m scripts.export_quiz --out build/quiz-export

# Read a folder of exit tickets (files or code lists) into a class table.
TICKETS ?= tickets
tickets: $(STAMP)
	$(BIN)/python -m scripts.collect_tickets $(TICKETS)
