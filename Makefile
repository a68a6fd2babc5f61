# Post Coach — every task a developer or CI needs. `make run` and `make test` are the whole set-up.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
PORT   ?= 8731

.PHONY: install run test test-python test-js e2e e2e-fixtures extension eval train lemmas bench lint package clean

install: $(STAMP)

# The stamp re-runs pip only when the project's dependencies change.
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $@

run: install extension
	$(BIN)/postcoach serve --port $(PORT)

test: test-python test-js

test-python: install extension
	$(BIN)/python -m pytest

# The fixture pages' npm project also holds the extension's linter.
FIXTURES      := tests/e2e/fixtures
NODE_MODULES  := $(FIXTURES)/node_modules/.package-lock.json
FIXTURE_BUILD := $(FIXTURES)/dist/.built

test-js: $(NODE_MODULES) extension
	node --test extension/test/
	$(FIXTURES)/node_modules/.bin/addons-linter --output text extension

# npm ci only when the lock file changes, the bundle only when a source changes: offline-safe
# once node_modules exists.
$(NODE_MODULES): $(FIXTURES)/package-lock.json
	cd $(FIXTURES) && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

$(FIXTURE_BUILD): $(NODE_MODULES) $(FIXTURES)/build.mjs $(wildcard $(FIXTURES)/src/*)
	cd $(FIXTURES) && node build.mjs
	@touch $@

e2e-fixtures: $(FIXTURE_BUILD)

# The content script is one classic script bundled from its modules, so that no file of the
# extension needs to be web-accessible on the coached sites (they probe for extensions that
# way). The unpacked extension, the tests and the packages all load extension/dist/content.js.
EXTENSION_BUNDLE  := extension/dist/content.js
EXTENSION_SOURCES := $(wildcard extension/content/*.js extension/content/adapters/*.js extension/lib/*.js)

$(EXTENSION_BUNDLE): $(NODE_MODULES) $(EXTENSION_SOURCES)
	$(FIXTURES)/node_modules/.bin/esbuild extension/content/entry.js --bundle --format=iife \
	  --target=chrome120,firefox140 --charset=utf8 --legal-comments=none --log-level=warning \
	  --outfile=$@

extension: $(EXTENSION_BUNDLE)

e2e: install e2e-fixtures extension
	$(BIN)/python -m pytest -m browser

# Fitting and measuring need scikit-learn and lingua, kept out of the product's virtualenv: with
# SciPy installed, NLTK (hence textstat) takes seconds to import.
EVAL_VENV  := .venv-eval
EVAL_STAMP := $(EVAL_VENV)/.installed-stamp

$(EVAL_STAMP): pyproject.toml
	@test -x $(EVAL_VENV)/bin/python || $(PYTHON) -m venv $(EVAL_VENV)
	$(EVAL_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -e '.[eval]'
	@touch $@

eval: $(EVAL_STAMP)
	$(EVAL_VENV)/bin/python backend/tools/eval.py

# Refit the salesiness and interaction-value weights (backend/postcoach/scoring/weights.json).
train: $(EVAL_STAMP)
	$(EVAL_VENV)/bin/python backend/tools/train.py

# Rebuild the inflection tables after a lexicon or pattern names a new lemma, and the list of
# verbs the tu ↔ vous fixes conjugate by rule.
lemmas: install
	$(BIN)/python backend/tools/build_inflections.py
	$(BIN)/python backend/tools/build_verbs.py

# Every benchmark runs even when one misses a target; the exit status says whether any did.
bench: install e2e-fixtures extension
	@status=0; \
	$(BIN)/python backend/tools/bench.py || status=1; \
	$(BIN)/python backend/tools/bench_server.py || status=1; \
	$(BIN)/python backend/tools/bench_server.py --pace-ms 0 --seconds 5 || status=1; \
	$(BIN)/python backend/tools/bench_server.py --pace-ms 0 --seconds 20 --requests 5000 \
	  --unread-pipe || status=1; \
	$(BIN)/python backend/tools/bench_extension.py || status=1; \
	$(BIN)/python backend/tools/bench_history.py || status=1; \
	exit $$status

# The Chrome zip, the Firefox xpi and their SHA256SUMS in dist/, built and linted by web-ext.
package: install $(NODE_MODULES) extension
	$(BIN)/python backend/tools/package_extension.py

lint: install
	$(BIN)/ruff check backend tests

clean:
	rm -rf $(VENV) $(EVAL_VENV) .pytest_cache .ruff_cache .hypothesis build dist extension/dist
