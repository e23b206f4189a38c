# Two commands do all the set-up (see README):
#   make lesson   create .venv if needed, then open JupyterLab on the first lesson
#   make test     create .venv if needed, then lint and run every test
# Other targets: make refresh (re-run lessons to refresh stored outputs), make lint.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 8888
# Extra flags for jupyter lab, e.g. LAB_FLAGS=--no-browser on a server.
LAB_FLAGS ?=
# JupyterLab refuses to start as root unless told it may (CI and containers run as root).
ROOT_FLAG := $(shell [ "$$(id -u)" = "0" ] && echo --allow-root)

.PHONY: lesson test lint refresh clean-venv bench

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $(STAMP)

lesson: $(STAMP)
	JUPYTER_CONFIG_PATH=$(CURDIR)/.jupyter $(BIN)/jupyter lab $(ROOT_FLAG) --ip=127.0.0.1 \
		--port=$(PORT) --ServerApp.root_dir=$(CURDIR) \
		--LabApp.default_url=/lab/tree/lessons/00_start_here.ipynb $(LAB_FLAGS)

lint: $(STAMP)
	$(BIN)/ruff check widgets tests scripts lessons
	$(BIN)/ruff format --check widgets tests scripts

test: $(STAMP) lint
	$(BIN)/python -m pytest

# Browser latency (real JupyterLab + Chromium); prints a table, not a test.
bench: $(STAMP)
	$(BIN)/python benchmarks/browser_latency.py

refresh: $(STAMP)
	$(BIN)/python scripts/refresh_outputs.py

clean-venv:
	rm -rf $(VENV)
