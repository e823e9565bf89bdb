# The two commands: `make run` opens the app, `make test` runs the whole suite offscreen.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test bench lint clean bundle bundle-smoke wheel-check wheel translations translations-app translations-dialogs translations-services qm

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# The interface's translations (Qt Linguist catalogues), two areas with their own files:
# "app" (the main window, its actions and views, the settings dialogs) and "dialogs" (the
# other dialogs, the widgets and the table models). `make translations` refreshes every .ts
# from the sources (strings gone from the code go too) and compiles them; fill in the
# translations (pyside6-linguist, or the .ts by hand) and run it again. English catalogues
# hold the plural forms only ("1 customer" / "2 customers"). The compiled .qm files are not
# tracked: `make run`, `make test`, `make wheel` and `make bundle` build them.
TRANSLATIONS := crmdesk/resources/translations
APP_SOURCES = crmdesk/app.py crmdesk/ui/*.py crmdesk/ui/views/*.py \
	crmdesk/ui/dialogs/settings_dialogs.py
DIALOGS_SOURCES = $(filter-out crmdesk/ui/dialogs/settings_dialogs.py,$(wildcard crmdesk/ui/dialogs/*.py)) \
	crmdesk/ui/widgets/*.py crmdesk/ui/models/*.py
# "services": the sentences the services write for the window (refusals, validation, import
# notes, timeline titles; crmdesk/services/texts.py), shown in English by the CLI.
SERVICES_SOURCES = crmdesk/services/*.py crmdesk/services/importing/*.py
LUPDATE = $(BIN)/pyside6-lupdate -silent -no-obsolete -locations none
QM_FILES = $(patsubst %.ts,%.qm,$(wildcard $(TRANSLATIONS)/*.ts))

translations: translations-app translations-dialogs translations-services
	$(MAKE) --no-print-directory qm

translations-app: $(STAMP)
	$(LUPDATE) -target-language es_ES $(APP_SOURCES) -ts $(TRANSLATIONS)/app_es.ts
	$(LUPDATE) -target-language en_GB -pluralonly $(APP_SOURCES) -ts $(TRANSLATIONS)/app_en.ts

translations-dialogs: $(STAMP)
	$(LUPDATE) -target-language es_ES $(DIALOGS_SOURCES) -ts $(TRANSLATIONS)/dialogs_es.ts
	$(LUPDATE) -target-language en_GB -pluralonly $(DIALOGS_SOURCES) -ts $(TRANSLATIONS)/dialogs_en.ts

translations-services: $(STAMP)
	$(LUPDATE) -target-language es_ES $(SERVICES_SOURCES) -ts $(TRANSLATIONS)/services_es.ts
	$(LUPDATE) -target-language en_GB -pluralonly $(SERVICES_SOURCES) -ts $(TRANSLATIONS)/services_en.ts

qm: $(QM_FILES)

$(TRANSLATIONS)/%.qm: $(TRANSLATIONS)/%.ts | $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

# Byte-compile the package first (only what changed): an editable install has no .pyc
# files, and with PYTHONDONTWRITEBYTECODE set every start would compile every module again.
run: $(STAMP) qm
	@$(BIN)/python -m compileall -q crmdesk >/dev/null
	$(BIN)/crmdesk $(ARGS)

test: $(STAMP) qm
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
bundle: $(STAMP) qm
	$(BIN)/python -m pip install --quiet -e '.[bundle]'
	PYTHON=$(BIN)/python packaging/build-bundle.sh

# The smoke test again, on the bundle already built.
bundle-smoke:
	packaging/smoke-test.sh dist/crmdesk/crmdesk

# The wheel (dist/crmdesk-VERSION-py3-none-any.whl), with the compiled translations inside.
wheel: $(STAMP) qm
	$(BIN)/python -m pip wheel --quiet --no-deps --no-build-isolation --wheel-dir dist .

# Build the wheel, install it (not editable) into a fresh venv and run crmdesk from it.
wheel-check: $(STAMP) qm
	PYTHON=$(BIN)/python packaging/wheel-check.sh

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
