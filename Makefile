# Inventaire: `make all` builds the sample day's site and book; `make test` runs the tests.
# Everything is installed into .venv from pyproject.toml; nothing from the system but
# Python 3.11 (and, for `make test` as root, Debian's chromium and poppler-utils).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TESTSTAMP := $(VENV)/.installed-test
PORT   ?= 8000
PYTEST_ARGS ?=

.PHONY: all install site book serve publish clean test system-test-deps lint bench bench-quick

all: $(STAMP)
	$(BIN)/inventaire build

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

install: $(STAMP)

site: $(STAMP)
	$(BIN)/inventaire build --site

book: $(STAMP)
	$(BIN)/inventaire build --book

serve: $(STAMP)
	$(BIN)/inventaire serve --port $(PORT)

publish: $(STAMP)
	$(BIN)/inventaire build --publish

clean:
	rm -rf output cache __pycache__ .pytest_cache .ruff_cache .mypy_cache

$(TESTSTAMP): pyproject.toml $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# Debian packages for the browser and PDF tests, installed only when running as root
# (as CI does); elsewhere those tests skip and say why.
system-test-deps:
	@if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	  missing=""; \
	  command -v chromium >/dev/null || missing="$$missing chromium"; \
	  command -v pdftoppm >/dev/null || missing="$$missing poppler-utils"; \
	  [ -e /usr/share/color/icc/ghostscript/default_cmyk.icc ] || missing="$$missing libgs10-common"; \
	  ldconfig -p | grep -q libharfbuzz-subset || missing="$$missing libharfbuzz-subset0"; \
	  if [ -n "$$missing" ]; then \
	    echo "Installing Debian packages:$$missing"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null) \
	      || echo "apt-get failed: the tests that need$$missing will skip"; \
	  fi; \
	else \
	  echo "Not root: browser/PDF-tool tests skip unless chromium and poppler-utils are installed."; \
	fi

test: $(TESTSTAMP) system-test-deps
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(TESTSTAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

$(VENV)/.installed-bench: pyproject.toml $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	touch $@

bench: $(VENV)/.installed-bench
	$(BIN)/python -m benchmarks

bench-quick: $(VENV)/.installed-bench
	$(BIN)/python -m benchmarks --quick
