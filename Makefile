# One entry point for people and CI. `make help` lists the targets.
#   make report   create the environment if missing, then build the default report
#   make test     create the environment if missing, then lint, type-check and run every test

PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CONFIG ?= default
LAB_ARGS ?=
# pytest-xdist: one worker per core; tests go to whichever worker is free
XDIST ?= -n auto --dist loadgroup

LOCALE_DIR := src/displacement_report/locale

# Python's bytecode caches (__pycache__/, ignored by git) spare each test worker and each
# kernel compiling the package and the tests again (pytest's rewritten tests included:
# 8 s of a worker's collection without them, 4 s with). An environment that sets
# PYTHONDONTWRITEBYTECODE would forbid writing them; the project's own commands do not.
unexport PYTHONDONTWRITEBYTECODE

.DEFAULT_GOAL := help
.PHONY: help env report site preview lab test unit lint typecheck format bench clean catalog parameters

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

# Reinstall when the dependency list changes.
$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "error: $(PYTHON) not found; install Python 3.11 or run make PYTHON=/path/to/python3.11" >&2; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m displacement_report.i18n
	touch $(STAMP)

env: $(STAMP) ## create or update the virtual environment in .venv

report: $(STAMP) ## the report of config/$(CONFIG).yml and its focus countries' factsheets: PDF, HTML and the web edition in reports/latest/
	$(BIN)/displacement-report report --config $(CONFIG)
	$(BIN)/displacement-report profiles --config $(CONFIG)

site: report ## the same as report (the web edition is part of it)

preview: $(STAMP) ## one chapter in seconds: make preview CHAPTER=5 [LANG=nl] [PDF=1] (reports/preview/)
	$(BIN)/displacement-report preview $(CHAPTER) --config $(CONFIG) $(if $(LANG),--language $(LANG)) $(if $(PDF),--pdf)

lab: $(STAMP) ## start JupyterLab on .venv with the notebooks folder open (LAB_ARGS=... for more)
	$(BIN)/jupyter lab --notebook-dir=notebooks $(LAB_ARGS)

lint: $(STAMP) ## ruff lint and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP) ## mypy static type check of src/ (settings in pyproject.toml)
	$(BIN)/mypy

# The type check runs beside the tests: mypy takes one core for half a minute, and the
# tests leave a core idle about as long while they wait on kernels and the browser.
# Its report is printed when both are done; either failing fails the target.
test: lint $(STAMP) ## lint, then type-check and run the whole test suite side by side (in parallel)
	@typing=$$(mktemp); $(BIN)/mypy > $$typing 2>&1 & mypy_pid=$$!; \
	echo "$(BIN)/python -m pytest $(XDIST)  (and $(BIN)/mypy beside it)"; \
	$(BIN)/python -m pytest $(XDIST); tests=$$?; \
	wait $$mypy_pid; typed=$$?; echo "$(BIN)/mypy:"; cat $$typing; rm -f $$typing; \
	test $$tests -eq 0 && test $$typed -eq 0

unit: $(STAMP) ## the fast tests only (not marked notebook), in parallel: for the edit-test loop
	HYPOTHESIS_PROFILE=quick $(BIN)/python -m pytest -m "not notebook" $(XDIST)

format: $(STAMP) ## apply ruff formatting and fixes
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: $(STAMP) ## measure report, rerun and load times (prints figures, asserts nothing)
	$(BIN)/python benchmarks/bench_report.py

catalog: $(STAMP) ## extract the messages of code and notebooks and update the Dutch catalogue
	$(BIN)/pybabel -q extract -F babel.cfg --sort-by-file --no-wrap --project=displacement-report \
		-k N_ -o $(LOCALE_DIR)/messages.pot .
	$(BIN)/pybabel -q update -i $(LOCALE_DIR)/messages.pot -d $(LOCALE_DIR) -D messages \
		--no-fuzzy-matching --no-wrap --ignore-obsolete

parameters: $(STAMP) ## write every notebook's parameters cell and notebook.start(...) call from settings.py
	$(BIN)/python -m displacement_report.report.parameters

clean: ## remove outputs and caches (keeps .venv)
	rm -rf reports .cache figures/*.svg figures/*.png
