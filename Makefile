# Two commands set up a fresh machine: `make demo` and `make test`.
# Each creates .venv when missing and installs factcheck with its extras.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench fuzz golden install clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,corpus,dask]'
	@touch $(STAMP)

install: $(STAMP)

# The seeds hold known problems, so the audit exits 1 (findings); only 2 (a failure) fails the demo.
demo: $(STAMP)
	$(BIN)/factcheck audit seeds/ || test $$? -eq 1

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts bench
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/python scripts/check_sizes.py src

# Re-pin the claims of the seeds and rule fixtures after an intended change of behaviour.
golden: $(STAMP)
	$(BIN)/factcheck extract seeds/ rules/fixtures/ --format jsonl > tests/golden/extract.jsonl

bench: $(STAMP)
	$(BIN)/python bench/bench.py

# A million generated hostile inputs through parse, audit and every renderer (~25 min on
# two cores); crashing inputs are added to tests/reliability/crashes.jsonl.
fuzz: $(STAMP)
	$(BIN)/python scripts/fuzz.py $(FUZZ_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
