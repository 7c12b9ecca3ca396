# Runner's Back: every command bootstraps its own virtual environment (.venv) on first use and
# reinstalls only when a requirements file changes. Needs Python 3.11+ as $(PYTHON).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SITE_DEPS := $(VENV)/.site-deps
TEST_DEPS := $(VENV)/.test-deps
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test build pdf bench clean

serve: $(SITE_DEPS)  ## Serve with live reload on http://127.0.0.1:8000
	$(BIN)/mkdocs serve --livereload --dev-addr 127.0.0.1:8000

test: $(TEST_DEPS)  ## Lint (ruff), build the real site and run every test (needs Chromium, see README)
	$(BIN)/ruff check --quiet .
	$(BIN)/python -m pytest -n auto $(PYTEST_ARGS)

build: $(SITE_DEPS)  ## Build the static site into site/, then finish and check it (macros/build.py)
	$(BIN)/python -m macros.build

pdf: $(TEST_DEPS)  ## Print the booklet to build/runners-back.pdf with headless Chromium
	$(BIN)/python -m scripts.booklet_pdf

bench: $(TEST_DEPS)  ## Print speed, weight and Lighthouse figures for every page
	$(BIN)/python -m scripts.benchmark

clean:
	rm -rf site build

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Python 3.11 or newer is needed (set PYTHON=python3.11 or similar)."; exit 1; }
	@$(PYTHON) -m venv $(VENV) || \
	  { echo "Could not create a virtual environment. On Debian/Ubuntu: sudo apt install python3-venv"; exit 1; }

$(SITE_DEPS): requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --no-compile --disable-pip-version-check -r requirements.txt
	@touch $@

$(TEST_DEPS): requirements.txt requirements-test.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --no-compile --disable-pip-version-check -r requirements-test.txt
	@touch $(SITE_DEPS) $@
