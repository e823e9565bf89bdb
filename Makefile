# The two commands: `make run` opens the app, `make test` runs the whole suite offscreen.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test bench lint clean bundle bundle-smoke wheel-check

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# Byte-compile the package first (only what changed): an editable install has no .pyc
# files, and with PYTHONDONTWRITEBYTECODE set every start would compile every module again.
run: $(STAMP)
	@$(BIN)/python -m compileall -q crmdesk >/dev/null
	$(BIN)/crmdesk $(ARGS)

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q $(PYTEST_ARGS)

bench: $(STAMP)
	@$(BIN)/python -m compileall -q crmdesk >/dev/null
	$(BIN)/python benchmarks/bench_customers.py

lint: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/ruff check crmdesk tests benchmarks
	$(BIN)/mypy

# The self-contained Linux app (dist/crmdesk/ and a tarball), then its smoke test
# (packaging/build-bundle.sh; a few minutes, not part of `make test`).
bundle: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[bundle]'
	PYTHON=$(BIN)/python packaging/build-bundle.sh

# The smoke test again, on the bundle already built.
bundle-smoke:
	packaging/smoke-test.sh dist/crmdesk/crmdesk

# Build the wheel, install it (not editable) into a fresh venv and run crmdesk from it.
wheel-check: $(STAMP)
	PYTHON=$(BIN)/python packaging/wheel-check.sh

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
