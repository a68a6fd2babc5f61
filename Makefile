# Post Coach — every task a developer or CI needs. `make run` and `make test` are the whole set-up.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
PORT   ?= 8731

.PHONY: install run test test-python test-js e2e eval bench lint clean

install: $(STAMP)

# The stamp re-runs pip only when the project's dependencies change.
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $@

run: install
	$(BIN)/postcoach serve --port $(PORT)

test: test-python test-js

test-python: install
	$(BIN)/python -m pytest

test-js:
	node --test extension/test/

e2e: install
	$(BIN)/python -m pytest -m browser

eval: install
	$(BIN)/python backend/tools/eval.py

bench: install
	$(BIN)/python backend/tools/bench.py
	$(BIN)/python backend/tools/bench_server.py

lint: install
	$(BIN)/ruff check backend tests

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
