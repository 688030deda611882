# fastn-openapi: spec -> generator -> package <- overrides.
# `make` sets everything up (pinned tools, spec lint, regeneration); `make test` tests it all.
# Every target has a one-line comment after `##`; `make help` lists them.

PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
NODE_BIN := node_modules/.bin
SPEC ?= openapi/fastn.yaml
BASE ?= origin/main
PYTEST_ARGS ?=
# The hand-written client runtime must stay fully covered, branches included. Tests and users
# import one copy of it, the installed one: fastn_client.lib resolves to generated/fastn_client/lib
# (the .pth file of `install`), copied there from overrides/ by `make generate`. A session whose
# generated/ is older than its inputs stops before the first test (tests/conftest.py).
COVERAGE := --cov=fastn_client.lib --cov-branch --cov-report=term-missing:skip-covered --cov-fail-under=100
# Tests that run the generator, install packages, drive a browser or run Node/Java tools, or fuzz
# the contract, are marked `slow` (pyproject.toml); `make test-fast` leaves them out, and coverage
# (tracing costs 2/3 more time on Python 3.11): the 100 % gate is `make test`'s.
FAST := -m "not slow"
# Tests run on every core, at most 4 (pytest-xdist: each worker imports the whole suite, so more
# cost more than they save here). PYTEST_ARGS=-n0 runs them in one process, e.g. to use a debugger.
PARALLEL := -n auto --maxprocesses=4
HAND_WRITTEN := $(wildcard overrides/fastn_client scripts tests mock/fastn_mock loader/fastn_spec)
# mypy checks overrides/fastn_client through its merged copy in generated/ (identical: check-generated
# and every test session check it), where it type-checks against the generated modules it is used with.
TYPED := $(filter-out overrides/fastn_client,$(HAND_WRITTEN))

.DEFAULT_GOAL := all
.PHONY: all help install browser redis lint lint-spec lint-python generate check-generated golden bundle \
        check-bundle docs types evidence breaking test test-fast mock contract bench lock clean

all: install lint-spec generate bundle types ## set up: install pinned tools, validate the spec, regenerate client, JSON forms, TS types

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 20

install: $(VENV)/.installed $(VENV)/.paths node_modules/.installed browser redis ## install the pinned Python and Node tools into the repo (.venv, node_modules), and Chromium and redis-server where apt can

$(VENV)/.installed: requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	@touch $@

# The generated client, the mock and the spec loader are used in place, from the repo (a .pth file,
# no build step): rewritten when this Makefile changes, so a new package folder reaches old venvs too.
$(VENV)/.paths: $(VENV)/.installed Makefile
	$(PY) -c "import site, pathlib; pathlib.Path(site.getsitepackages()[0], 'fastn-openapi.pth').write_text('$(CURDIR)/generated\n$(CURDIR)/mock\n$(CURDIR)/loader\n')"
	@touch $@

node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

browser: ## install headless Chromium for the HTML reference test (apt-get on Debian/Ubuntu; instructions elsewhere)
	@scripts/install-browser.sh

redis: ## install redis-server for the shared pacing budget's tests and benchmark (apt-get on Debian/Ubuntu; instructions elsewhere)
	@scripts/install-redis.sh

lint: lint-spec lint-python ## lint the spec and the hand-written Python

lint-spec: install ## validate SPEC (default openapi/fastn.yaml): fastn_spec check, openapi-spec-validator, openapi-generator, Redocly, Spectral
	scripts/lint-spec.sh $(SPEC)

lint-python: install ## ruff and mypy --strict on hand-written code; ruff and mypy on the generated package
	$(VENV)/bin/ruff check $(HAND_WRITTEN)
	$(VENV)/bin/ruff format --check $(HAND_WRITTEN)
	$(VENV)/bin/mypy --strict $(TYPED)
	$(VENV)/bin/mypy --strict --config-file generated/pyproject.toml generated/fastn_client

generate: install ## regenerate generated/ from the spec, generator-config.yml and overrides/
	$(PY) scripts/generate.py

check-generated: install ## fail if generated/ differs from what `make generate` would write
	$(PY) scripts/generate.py --check

golden: install ## refresh the golden tree of the generator test (tests/generation/golden)
	$(PY) scripts/generate.py --spec tests/generation/fixtures/tiny.yaml --out tests/generation/golden/fastn-client --golden --fix-command 'make golden'

bundle: install ## write openapi/fastn.json and openapi/fastn.deref.json (no $ref) from the spec
	$(PY) scripts/bundle.py

check-bundle: install ## fail, listing stale files, if the JSON forms are not what `make bundle` writes
	$(PY) scripts/bundle.py --check

docs: install ## build the offline HTML reference into build/docs/index.html
	scripts/build-docs.sh $(SPEC) build/docs/index.html

types: install ## regenerate ts/fastn.d.ts from the spec with the pinned openapi-typescript
	$(NODE_BIN)/openapi-typescript openapi/fastn.yaml --output ts/fastn.d.ts

evidence: install ## list what the spec infers (x-fastn-evidence: inferred), element by element, to verify against the real API
	$(PY) scripts/inferences.py

breaking: install ## list breaking changes of SPEC against its version at BASE (default origin/main) and the bump needed
	$(PY) scripts/breaking.py --base $(BASE) --head $(SPEC)

mock: install ## serve the stateful mock on 127.0.0.1 port MOCK_PORT (default 4010); MOCK_RATE_LIMIT=0 turns limiting off
	$(PY) -m fastn_mock

contract: install ## schemathesis CLI against a running server (the mock, or BASE_URL= + FASTN_API_KEY=); JUnit in reports/
	scripts/contract.sh

bench: install ## print the benchmarks side by side: import cost, client CPU, pacing efficiency (one process, and many sharing a key), mock vs Prism throughput
	$(PY) scripts/bench_import.py
	$(PY) scripts/bench_client.py
	$(PY) scripts/bench_pacing.py
	$(PY) scripts/bench_shared_pacing.py
	$(PY) scripts/bench_mock.py

test: lint check-generated ## everything: lint, the drift check of generated/, then every test (JSON forms' drift included)
	$(PY) -m pytest $(PARALLEL) $(COVERAGE) $(PYTEST_ARGS)

test-fast: ## about 25 s: every test not marked slow (no generator, install, browser, Node, Java), no coverage
	$(PY) -m pytest $(PARALLEL) $(FAST) $(PYTEST_ARGS)

lock: ## re-pin the Python tools (requirements.in -> requirements.lock) after editing requirements.in
	$(VENV)/bin/pip install --quiet uv==0.13.9
	$(VENV)/bin/uv pip compile requirements.in -o requirements.lock --python-version 3.11 --generate-hashes --custom-compile-command "make lock" -q

clean: ## remove installed tools and build output (keeps everything committed)
	rm -rf $(VENV) node_modules build reports .pytest_cache .mypy_cache .ruff_cache
