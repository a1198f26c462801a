# draftkit: `make demo` sets everything up and builds the examples; `make test` runs the tests.
# Both install exact versions from the lock files in requirements/ (hashes checked);
# `make lock` re-resolves them, a deliberate upgrade to be tested like any other change.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip --quiet --disable-pip-version-check
UV_VERSION := 0.13.9

.PHONY: setup setup-runtime syscheck demo test lint bench lock upgrade clean messages

setup: $(VENV)/.test-installed
setup-runtime: $(VENV)/.runtime-installed

# One line, not a pip hash error, when pyproject.toml changed without `make lock`.
lockcheck:
	@$(PYTHON) tools/lockcheck.py
.PHONY: lockcheck

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# The lock is the whole environment: --no-deps, or pip would resolve dependencies with
# extras (weasyprint's fonttools[woff]) again, outside the lock; `pip check` then confirms
# that every requirement, draftkit's included, is met. The project itself goes in without
# build isolation: its build backend (hatchling) is in the lock too.
$(VENV)/.runtime-installed: requirements/runtime.txt pyproject.toml | lockcheck $(BIN)/python
	$(PIP) install --require-hashes --no-deps -r requirements/runtime.txt
	$(PIP) install --no-deps --no-build-isolation -e .
	$(PIP) check
	@touch $@

$(VENV)/.test-installed: requirements/test.txt pyproject.toml | lockcheck $(BIN)/python
	$(PIP) install --require-hashes --no-deps -r requirements/test.txt
	$(PIP) install --no-deps --no-build-isolation -e .
	$(PIP) check
	@touch $@ $(VENV)/.runtime-installed

# WeasyPrint needs Pango and HarfBuzz; say exactly what to install if not.
syscheck: setup-runtime
	@$(BIN)/python -m draftkit.syscheck

demo: syscheck
	$(BIN)/draftkit build --lang all
	$(BIN)/draftkit presskit events/civic-forum-2025.yaml
	@echo "Example documents are in build/<lang>/ (e.g. build/en/civic-forum-2025.pdf)."
	@echo "The example press kit is in build/presskit/civic-forum-2025/ (zips and manifest.json)."

test: setup syscheck
	$(BIN)/ruff check draftkit tests bench tools
	$(BIN)/python -m pytest -n auto --dist loadfile

lint: setup
	$(BIN)/ruff check draftkit tests bench tools

# draftkit's own messages: re-extract templates/locales/draftkit.pot from templates/*.j2 and
# merge it into each shipped templates/locales/<lang>/LC_MESSAGES/draftkit.po; it lists what
# is left to translate (tests/i18n/test_builtin_catalogs.py fails until nothing is).
messages: setup
	$(BIN)/python tools/extract_builtin.py

bench: setup syscheck
	$(BIN)/python bench/run_all.py

# `make lock` resolves the locks again after a change to the dependencies in pyproject.toml
# or requirements/*.in, keeping every other pin; `make upgrade` moves every package to the
# newest release the ranges and requirements/constraints.in allow. Both resolve for every
# platform and Python >= 3.11 (uv's universal resolution) and record what the locks were
# made from. Review `git diff requirements/` and run `make test` before committing.
UV_COMPILE = $(BIN)/uv pip compile --quiet $(UPGRADE) --universal --python-version 3.11 \
	--generate-hashes --custom-compile-command "make lock" pyproject.toml requirements/build.in

lock: | $(BIN)/python
	$(PIP) install uv==$(UV_VERSION)
	$(UV_COMPILE) --extra test -c requirements/constraints.in -o requirements/test.txt
	$(UV_COMPILE) -c requirements/test.txt -o requirements/runtime.txt
	$(PYTHON) tools/lockcheck.py --stamp
	@echo "Locks written: review 'git diff requirements/', then run 'make test'."

upgrade:
	$(MAKE) lock UPGRADE=--upgrade

clean:
	rm -rf build bench/out .pytest_cache
