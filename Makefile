# Two commands do all the set-up (see README):
#   make lesson   create .venv if needed, then open JupyterLab on the first lesson
#   make test     create .venv if needed, then lint and run every test
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
STAMP  := $(VENV)/.installed
PORT   ?= 8888
# Extra flags for jupyter lab, e.g. LAB_FLAGS=--no-browser on a server.
LAB_FLAGS ?=
# JupyterLab refuses to start as root unless told it may (CI and containers run as root).
ROOT_FLAG := $(shell [ "$$(id -u)" = "0" ] && echo --allow-root)

.PHONY: lesson test lint refresh static site site-download present guide binder-check bench \
	screenshots clean-venv handouts quiz-export tickets

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt -r requirements-dev.txt
	touch $(STAMP)

lesson: $(STAMP)
	JUPYTER_CONFIG_PATH=$(CURDIR)/.jupyter $(BIN)/jupyter lab $(ROOT_FLAG) --ip=127.0.0.1 \
		--port=$(PORT) --ServerApp.root_dir=$(CURDIR) \
		--LabApp.default_url=/lab/tree/lessons/00_start_here.ipynb $(LAB_FLAGS)

lint: $(STAMP)
	$(BIN)/ruff check widgets tests scripts benchmarks lessons
	$(BIN)/ruff format --check widgets tests scripts benchmarks

test: $(STAMP) lint site-download
	$(BIN)/python -m pytest

refresh: $(STAMP)
	$(BIN)/python scripts/refresh_outputs.py

static: $(STAMP)
	$(BIN)/python scripts/export_static.py --out site

# The browser-only site: JupyterLite + the read-only pages in _site/ (always rebuilt from
# empty). Its build tools are pinned in requirements-site.txt, the Pyodide core and the
# browser wheels in jupyterlite/; site-download fetches those once into .cache/site/
# (npm for Pyodide: installed with apt-get if missing), and after that no network is used.
SITE_STAMP := $(VENV)/.site-installed
$(SITE_STAMP): $(STAMP) requirements-site.txt
	$(BIN)/python -m pip install --quiet -r requirements-site.txt
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

binder-check: $(STAMP)
	$(BIN)/python scripts/check_binder_env.py

clean-venv:
	rm -rf $(VENV)

# Performance is measured, not asserted: each script prints its figures.
bench: $(STAMP)
	for script in benchmarks/*.py; do $(BIN)/python $$script || exit 1; done

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
