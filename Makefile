# RugDiary: every target sets up .venv itself, re-installing when pyproject.toml changes.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

UI_SOURCES = $(shell find rugdiary/ui -name '*.py' | sort)
TS_FILES := $(wildcard resources/i18n/*.ts)
QM_FILES := $(TS_FILES:.ts=.qm)

.PHONY: run test lint format bench i18n qm dist screenshots screenshots-all figures clean system-packages

# The Debian/Ubuntu packages (packaging/linux/debian-packages.txt) are checked before the venv
# is built, and installed when missing; silent and quick when all are there. `make test` also
# wants the test tools (PACKAGE_GROUPS is passed on to the prerequisites).
PACKAGE_GROUPS = run
system-packages:
	@PYTHON=$(PYTHON) packaging/linux/ensure-packages.sh $(PACKAGE_GROUPS)

$(STAMP): pyproject.toml | system-packages
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	@# The build hook would fetch PySide6 into pip's build environment to compile the .qm;
	@# `make qm` does that with the venv's own lrelease instead.
	RUGDIARY_SKIP_QM_BUILD=1 $(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

run: system-packages $(STAMP) qm  ## set up and start the app
	$(BIN)/rugdiary

test: PACKAGE_GROUPS = run test
test: system-packages $(STAMP) qm  ## set up and run the whole test suite, headless
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

lint: $(STAMP)  ## ruff (lint + format check) and mypy on core and storage
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: $(STAMP)  ## measure DESIGN.md's targets into benchmarks/results.json
	@# An installed app has its bytecode compiled (pip does it); measure the same here, even
	@# where PYTHONDONTWRITEBYTECODE is set and imports would otherwise compile every time.
	$(BIN)/python -m compileall -q rugdiary benchmarks >/dev/null
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks.run

i18n: $(STAMP)  ## refresh resources/i18n/*.ts from the code (then translate them), and compile
	$(BIN)/pyside6-lupdate -no-obsolete -locations none $(UI_SOURCES) -ts $(TS_FILES)
	$(MAKE) qm

qm: $(QM_FILES)  ## compile the translations the app loads

resources/i18n/%.qm: resources/i18n/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

dist: $(STAMP) qm  ## wheel, sdist and a PyInstaller bundle in dist/, smoke-tested (packaging/README.md)
	PYTHON=$(PYTHON) packaging/build_dist.sh

SHOTS := docs/screenshots
screenshots: $(STAMP) qm  ## render docs/screenshots/ again from seeded demo data (README, metainfo)
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	QT_QPA_PLATFORM=offscreen $(BIN)/rugdiary --data-dir "$$tmp/data" demo >/dev/null && \
	for page in today diary insights programs player report settings; do \
		QT_QPA_PLATFORM=offscreen $(BIN)/rugdiary --data-dir "$$tmp/data" screenshot --force \
			--page $$page --size 1100x720 -o $(SHOTS)/$$page.png || exit 1; \
	done && \
	QT_QPA_PLATFORM=offscreen $(BIN)/rugdiary --data-dir "$$tmp/data" screenshot --force \
		--page insights --lang nl --size 1100x720 -o $(SHOTS)/insights-nl.png && \
	QT_QPA_PLATFORM=offscreen $(BIN)/rugdiary --data-dir "$$tmp/data" screenshot --force \
		--page today --lang nl --theme dark --size 1100x720 -o $(SHOTS)/today-nl-dark.png

# Not part of `make test`: a few minutes of pictures to look through (build/screenshots/index.html).
screenshots-all: $(STAMP) qm  ## every page and state × en/nl × light/dark/high contrast × 3 sizes and 200 %
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/screenshots_all.py --out build/screenshots

figures: $(STAMP)  ## render docs/figures/: a contact sheet of every exercise and a GIF of each
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/render_figures.py --out docs/figures

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache .hypothesis
