# Two entry points, each doing its own set-up on a fresh machine (see README.md).
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
SHARED_EXAMPLES := $(wildcard ../shared/examples/*.txt)

.PHONY: run test install install-dev clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-dev: $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev]"

run: install
	$(BIN)/newsdesk extract examples/*.txt $(SHARED_EXAMPLES) --format table

test: install-dev
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache
