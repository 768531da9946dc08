# Maintainer commands. `make generate` and `make test` work on a fresh clone
# with Python 3.11, Node 20 and make.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
PRISM_DIR := tests/prism
PRISM_STAMP := $(PRISM_DIR)/node_modules/.installed-stamp
BENCH_STAMP := $(VENV)/.bench-stamp
PEERS := bench/.peers
PEERS_STAMP := $(PEERS)/.installed-stamp

.PHONY: help install generate check lint typecheck test fuzz bench validate ir clean

help:
	@echo "make generate   regenerate generated/ from spec/ (creates .venv on first use)"
	@echo "make check      fail when generated/ is stale; ruff and mypy --strict"
	@echo "make test       every test (installs Prism with npm ci)"
	@echo "make fuzz       the property-based test with 500 examples"
	@echo "make bench      benchmarks against the peers; writes bench/RESULTS.md"

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

$(PRISM_STAMP): $(PRISM_DIR)/package.json $(PRISM_DIR)/package-lock.json
	cd $(PRISM_DIR) && npm ci --no-audit --no-fund --loglevel=error
	touch $(PRISM_STAMP)

# The bench extra goes into .venv; the peer generator gets its own virtualenv,
# so that its pins never meet ours.
$(BENCH_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[dev,bench]'
	touch $(BENCH_STAMP)

$(PEERS_STAMP): bench/peers.txt
	rm -rf $(PEERS)
	$(PYTHON) -m venv $(PEERS)
	$(PEERS)/bin/python -m pip install --quiet --upgrade pip
	$(PEERS)/bin/python -m pip install --quiet -r bench/peers.txt
	touch $(PEERS_STAMP)

bench: $(BENCH_STAMP) $(PEERS_STAMP)
	$(PY) -m bench.run

generate: $(STAMP)
	$(PY) -m generator generate

validate: $(STAMP)
	$(PY) -m generator validate

ir: $(STAMP)
	$(PY) -m generator ir

check: $(STAMP)
	$(PY) -m generator check
	$(MAKE) --no-print-directory lint typecheck

lint: $(STAMP)
	$(VENV)/bin/ruff check generator generated templates/runtime tests bench
	$(VENV)/bin/ruff format --check generator templates/runtime tests bench

typecheck: $(STAMP)
	$(VENV)/bin/mypy generator
	cd generated && ../$(VENV)/bin/mypy --strict qiskit_runtime_api
	MYPYPATH=generated $(VENV)/bin/mypy --strict bench

test: $(STAMP) $(PRISM_STAMP)
	$(PY) -m pytest

# The property-based test at length: 500 mutations of the seed spec.
fuzz: $(STAMP)
	FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-500} $(PY) -m pytest tests/test_fuzz.py -p no:cacheprovider

clean:
	rm -rf $(VENV) $(PEERS) $(PRISM_DIR)/node_modules .mypy_cache .pytest_cache .ruff_cache
