# The README's two set-up commands are `make run` and `make test`. Each creates the
# virtual environment in .venv on first use (only Python >= 3.11 is needed); then
# `source .venv/bin/activate` makes `liftlog` a command of the shell.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test check lint typecheck bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)  ## .venv with liftlog in it: `source .venv/bin/activate`, then `liftlog`
	@echo "liftlog is installed in $(VENV): run 'source $(BIN)/activate', then 'liftlog'."

run: $(STAMP)  ## open liftlog on its default local database
	$(BIN)/liftlog
	@echo "The liftlog command is $(BIN)/liftlog: 'source $(BIN)/activate' puts it on PATH."

test: $(STAMP)  ## run the whole test suite
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check liftlog tests benchmarks
	$(BIN)/ruff format --check liftlog tests benchmarks
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy

check: lint typecheck test  ## everything CI cares about

bench: $(STAMP)  ## measure against floors and write BENCHMARKS.md
	$(BIN)/python -m benchmarks.run

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
