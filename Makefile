# draftkit: `make demo` sets everything up and builds the examples; `make test` runs the tests.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup syscheck demo test lint bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $@

# WeasyPrint needs Pango and a font covering Kyrgyz; say exactly what to install if not.
syscheck: setup
	@$(BIN)/python -m draftkit.syscheck

demo: syscheck
	$(BIN)/draftkit build --lang all
	$(BIN)/draftkit presskit events/civic-forum-2025.yaml
	@echo "Example documents are in build/<lang>/ (e.g. build/en/civic-forum-2025.pdf)."
	@echo "The example press kit is in build/presskit/civic-forum-2025/ (zips and manifest.json)."

test: syscheck
	$(BIN)/ruff check draftkit tests bench
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check draftkit tests bench

bench: syscheck
	$(BIN)/python bench/run_all.py

clean:
	rm -rf build bench/out .pytest_cache
