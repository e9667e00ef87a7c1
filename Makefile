# Diffusion Desk: set-up, checks and running. See README.md.
#   make run     set up .venv and the Qt system libraries, then open the desk
#   make test    every check: ruff, ruff format, mypy, import contracts, pytest (offscreen Qt;
#                storage tests on SQLite, and on PostgreSQL too when it is installed)
#   make lint    ruff, ruff format, mypy, import contracts
#   make translations  compile the window's translations (gui/i18n/*.ts) to .qm
#   make ts      bring gui/i18n/*.ts up to date with the sources (then translate what is new)
#   make bench   run the benchmarks under bench/ and print their figures
#   make dist    the bundle that needs no Python (PyInstaller) and its tarball, in dist/
#   make lock    regenerate requirements.lock from pyproject.toml
#   make clean   remove .venv, caches and build artefacts

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.diffusion-desk-installed
# Reinstall only when these change. The editable install maps each top-level package to its
# folder, so new modules need no reinstall; a new top-level package needs pyproject.toml anyway.
STAMP_INPUTS := requirements.lock pyproject.toml

.PHONY: help run test lint checks bench dist lock clean venv syslibs-test syslibs-run translations ts

help:
	@sed -n '2,11s/^#//p' Makefile

run: venv syslibs-run translations
	$(BIN)/diffusion-desk

# pytest runs inside scripts/with-postgres.sh: with PostgreSQL installed, the storage tests
# also run on a throwaway server it starts on loopback and removes afterwards.
test: venv syslibs-test translations
	@$(MAKE) --no-print-directory checks
	QT_QPA_PLATFORM=offscreen scripts/with-postgres.sh $(BIN)/pytest

# The window's translations: each gui/i18n/<area>.<lang>.ts compiled beside it to .qm (the
# .qm files are built, never committed).
TS_FILES := $(wildcard gui/i18n/*.ts)
QM_FILES := $(TS_FILES:.ts=.qm)

translations: venv
	@$(MAKE) --no-print-directory $(QM_FILES)

gui/i18n/%.qm: gui/i18n/%.ts
	$(BIN)/pyside6-lrelease -silent $< -qm $@

ts: venv
	$(BIN)/python -m gui.i18n.areas

lint: venv
	@$(MAKE) --no-print-directory checks

bench: venv
	$(BIN)/python -m bench

# One folder, dist/diffusion-desk/, and dist/diffusion-desk-VERSION-linux-x86_64.tar.gz with it,
# the .desktop entry and the icon (packaging/). PyInstaller works in a temporary folder. The
# compiled translations go in, so they are built first when the Makefile knows how; the xcb
# libraries of a real window too (syslibs-run), so the bundle carries those it may.
dist: venv syslibs-run
	@if $(MAKE) --no-print-directory --dry-run translations >/dev/null 2>&1; then \
	  $(MAKE) --no-print-directory translations; fi
	$(BIN)/python packaging/build_dist.py --dist dist

checks:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

# Two steps, because the first may recreate .venv (and its stamp) behind make's back.
venv:
	@scripts/ensure-venv.sh $(PYTHON) $(VENV)
	@$(MAKE) --no-print-directory --question $(STAMP) || $(MAKE) --no-print-directory $(STAMP)

$(STAMP): $(STAMP_INPUTS)
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	$(BIN)/python -m pip check || { \
	  echo "requirements.lock lacks what pyproject.toml asks for: run 'make lock'." >&2; exit 1; }
	touch $@

syslibs-test:
	@scripts/ensure-system-libs.sh test

syslibs-run:
	@scripts/ensure-system-libs.sh run

# A throwaway venv with pyproject.toml's runtime and dev dependencies at their newest allowed
# versions, frozen without the project itself.
lock:
	@scripts/ensure-venv.sh $(PYTHON) $(VENV)
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	$(BIN)/python -m venv "$$tmp/venv"; \
	"$$tmp/venv/bin/python" -m pip install --quiet --upgrade pip; \
	"$$tmp/venv/bin/python" -m pip install --quiet -e '.[dev]'; \
	{ \
	  echo "# Exact versions of every runtime and development dependency of Diffusion Desk."; \
	  echo "# Produced by 'make lock': a fresh venv, pip install -e '.[dev]', then"; \
	  echo "# pip freeze --exclude-editable (the project itself left out)."; \
	  echo "# Regenerate with 'make lock' after changing dependencies in pyproject.toml."; \
	  echo "# Frozen with Python $$("$$tmp/venv/bin/python" -c 'import platform; print(platform.python_version())')."; \
	  "$$tmp/venv/bin/python" -m pip freeze --exclude-editable; \
	} > requirements.lock.new; \
	mv requirements.lock.new requirements.lock; \
	echo "requirements.lock: $$(grep -vc '^#' requirements.lock) packages"

clean:
	rm -rf $(VENV) build dist *.egg-info .mypy_cache .ruff_cache .pytest_cache .hypothesis .import_linter_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
	rm -f gui/i18n/*.qm
