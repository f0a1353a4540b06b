# The two commands of the README. Each sets up what it needs first (idempotent).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: setup site serve test browser-deps benchmarks clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

setup: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test,contextual]"

site: setup
	$(BIN)/mkdocs build --strict

serve: setup
	$(BIN)/mkdocs serve

# Debian's Chromium for the browser tests (Playwright drives /usr/bin/chromium; it never downloads a browser)
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null; fi; }

test: setup browser-deps
	$(BIN)/python -m pytest -q

benchmarks: setup
	$(BIN)/python benchmarks/bench_extract.py
	$(BIN)/python benchmarks/bench_build.py
	$(BIN)/python benchmarks/eval_timex.py
	$(BIN)/python benchmarks/eval_figures.py
	$(BIN)/python benchmarks/eval_ner.py
	$(BIN)/python benchmarks/eval_ner.py --names contextual
	$(BIN)/python benchmarks/eval_facts.py
	$(BIN)/python benchmarks/eval_facts.py --names contextual
	$(BIN)/python benchmarks/eval_quotes.py
	$(BIN)/python benchmarks/eval_checks.py

clean:
	rm -rf site .pytest_cache test-artifacts
