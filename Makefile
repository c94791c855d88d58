# Two commands set up a fresh machine: `make demo` and `make test`.
# Each creates .venv when missing and installs factcheck with its extras.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench install clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,corpus]'
	@touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/factcheck parse --file seeds/000_ca986e9dd21a1908.txt --file seeds/001_0e5e678ab594df34.txt \
		--file seeds/002_c6c8c89da93fc615.txt --file seeds/003_3d92b0fb1ece407e.txt \
		--file seeds/004_55e0ac33c0379bac.txt

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts bench
	$(BIN)/mypy
	$(BIN)/lint-imports

bench: $(STAMP)
	$(BIN)/python bench/bench.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
