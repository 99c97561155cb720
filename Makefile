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

LOCK   := requirements.lock

.PHONY: all html install site book serve devserver publish rsync_upload clean test system-test-deps lint bench bench-quick lock

all: $(STAMP)
	$(BIN)/inventaire build

# The names of Pelican's quickstart Makefile: html builds as all does, devserver
# previews as serve does, rsync_upload copies output/ to RSYNC_DEST (user@host:path).
html: all

devserver: serve

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Every install takes the versions of requirements.lock (a constraint file): a fresh
# clone builds with the versions the project was tested with.
$(STAMP): pyproject.toml $(LOCK) | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -c $(LOCK) -e .
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

rsync_upload: publish
	@test -n "$(RSYNC_DEST)" || { echo "set RSYNC_DEST, e.g. make rsync_upload RSYNC_DEST=me@host:/var/www/jdtap/"; exit 2; }
	rsync -rtvz --delete --chmod=D755,F644 output/ "$(RSYNC_DEST)"

clean:
	rm -rf output cache __pycache__ .pytest_cache .ruff_cache .mypy_cache

$(TESTSTAMP): pyproject.toml $(LOCK) $(STAMP)
	$(BIN)/python -m pip install --quiet -c $(LOCK) -e '.[test]'
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

# The package is installed editable, so nothing compiled it: where PYTHONDONTWRITEBYTECODE
# is set, every command the tests and benchmarks start (a build, the preview's builder)
# compiled it again, about 0.3 s of a small site build. Compiled here, once per run.
COMPILE := $(BIN)/python -m compileall -q plugins

test: $(TESTSTAMP) system-test-deps
	$(COMPILE)
	$(BIN)/python -m pytest -n auto --dist loadfile --no-loadscope-reorder $(PYTEST_ARGS)

lint: $(TESTSTAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

$(VENV)/.installed-bench: pyproject.toml $(LOCK) $(STAMP)
	$(BIN)/python -m pip install --quiet -c $(LOCK) -e '.[bench]'
	touch $@

bench: $(VENV)/.installed-bench
	$(COMPILE)
	$(BIN)/python -m benchmarks

bench-quick: $(VENV)/.installed-bench
	$(COMPILE)
	$(BIN)/python -m benchmarks --quick

# Write requirements.lock again from a virtualenv made from pyproject.toml alone.
lock:
	rm -rf .venv-lock
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/python -m pip install --quiet --upgrade pip
	.venv-lock/bin/python -m pip install --quiet -e '.[test,bench]'
	{ echo "# Every distribution the project, its tests and its benchmarks install, at the versions"; \
	  echo "# CI and 'make all' use (pip --constraint). Made with: make lock"; \
	  .venv-lock/bin/python -m pip freeze --exclude-editable; } > $(LOCK)
	rm -rf .venv-lock
