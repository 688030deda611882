# fastn-openapi: spec -> generator -> package <- overrides.
# `make` sets everything up (pinned tools, spec lint, regeneration); `make test` tests it all.
# Every target has a one-line comment after `##`; `make help` lists them.

# Any CPython 3.11 or newer; the venv gets its own pinned pip first (scripts/install-venv.sh).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
NODE_BIN := node_modules/.bin
SPEC ?= openapi/fastn.yaml
BASE ?= origin/main
PYTEST_ARGS ?=
# The hand-written client runtime must stay fully covered, branches included, by its own fast tests
# (tests/overrides and tests/generation, marked `runtime` by tests/conftest.py): `make test` runs them
# first, with the gate; then every other test in one session without the tracing cost (which would
# slow the mock, schemathesis and jsonschema in them by half, for no line of the runtime). Tests and users
# import one copy of it, the installed one: fastn_client.lib resolves to generated/fastn_client/lib
# (the .pth file of `install`), copied there from overrides/ by `make generate`. A session whose
# generated/ is older than its inputs stops before the first test (tests/conftest.py).
COVERAGE := --cov=fastn_client.lib --cov-branch --cov-report=term-missing:skip-covered --cov-fail-under=100
# Tests that run the generator, install packages, drive a browser or run Node/Java tools, or fuzz
# the contract, are marked `slow` (pyproject.toml); `make test-fast` leaves them out, and coverage
# (tracing costs 2/3 more time on Python 3.11): the 100 % gate is `make test`'s (RUNTIME, above).
FAST := -m "not slow"
RUNTIME := -m "runtime and not slow" tests/overrides tests/generation
REST := -m "slow or not runtime"
# Tests run on every core, at most 4 (pytest-xdist: each worker imports the whole suite, so more
# cost more than they save here). A worker that runs out of tests takes pending ones from the others
# (worksteal): with xdist's default `load`, tests queued behind a long one on one worker stayed there
# while the other worker sat idle (half of the slow tier's 300 s on two cores). PYTEST_ARGS=-n0 runs
# them in one process, e.g. to use a debugger.
PARALLEL := -n auto --maxprocesses=4 --dist worksteal
HAND_WRITTEN := $(wildcard overrides/fastn_client scripts tests mock/fastn_mock loader/fastn_spec contract/fastn_contract)
# mypy checks overrides/fastn_client through its merged copy in generated/ (identical: check-generated
# and every test session check it), where it type-checks against the generated modules it is used with.
TYPED := $(filter-out overrides/fastn_client,$(HAND_WRITTEN))
# What a target needs, and nothing more: the Python tools (venv with the repo's packages on its path),
# the Node tools. Chromium and redis-server only come with `make` / `make install`.
PY_TOOLS := $(VENV)/.paths
NODE_TOOLS := node_modules/.installed

.DEFAULT_GOAL := all
.PHONY: all help install python-tools node-tools browser redis client-toolchains clients postman lint lint-spec \
        lint-python lint-templates generate \
        generate-client check-generated golden bundle check-bundle docs types evidence breaking \
        release-gate test test-runtime test-fast test-pythons chaos dist mock contract proxy bench lock clean

all: install lint-spec generate ## set up: install pinned tools, validate the spec, regenerate the client, JSON forms and TS types

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 20

install: python-tools node-tools browser redis client-toolchains ## install the pinned Python and Node tools into the repo (.venv, node_modules), and Chromium, redis-server, Go and Java jars where apt can

python-tools: $(PY_TOOLS) ## only the pinned Python tools (.venv): pip from requirements-bootstrap.lock, then requirements.lock, hashes checked

node-tools: $(NODE_TOOLS) ## only the pinned Node tools (node_modules, from package-lock.json)

$(VENV)/.installed: requirements.lock requirements-bootstrap.lock scripts/install-venv.sh
	scripts/install-venv.sh $(PYTHON) $(VENV)
	@touch $@

# The generated client, the mock, the spec loader and the contract tools are used in place, from the repo
# (a .pth file, no build step): rewritten when this Makefile changes, so a new package folder reaches old venvs too.
$(VENV)/.paths: $(VENV)/.installed Makefile
	$(PY) -c "import site, pathlib; pathlib.Path(site.getsitepackages()[0], 'fastn-openapi.pth').write_text('$(CURDIR)/generated\n$(CURDIR)/mock\n$(CURDIR)/loader\n$(CURDIR)/contract\n')"
	@touch $@

$(NODE_TOOLS): package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

browser: ## install headless Chromium for the HTML reference test (apt-get on Debian/Ubuntu; instructions elsewhere)
	@scripts/install-browser.sh

redis: ## install redis-server for the shared pacing budget's tests and benchmark (apt-get on Debian/Ubuntu; instructions elsewhere)
	@scripts/install-redis.sh

client-toolchains: ## install Go and the Java client's jars for `make clients` (apt-get on Debian/Ubuntu; instructions elsewhere)
	@scripts/install-clients.sh

clients: $(PY_TOOLS) $(NODE_TOOLS) ## generate the go, java and typescript-fetch clients (clients/openapi-generator/) into build/clients/, and compile each whose toolchain is here
	$(PY) scripts/oag_languages.py --out build/clients

postman: $(PY_TOOLS) $(NODE_TOOLS) ## build the Postman collection build/postman/fastn.postman_collection.json (every operation, both required headers, the spec's examples)
	$(PY) scripts/postman.py --out build/postman/fastn.postman_collection.json

lint: lint-spec lint-python lint-templates ## lint the spec and the hand-written Python; check the generator's templates under our overrides

lint-spec: $(PY_TOOLS) $(NODE_TOOLS) ## validate SPEC (default openapi/fastn.yaml): fastn_spec check, openapi-spec-validator, openapi-generator, Redocly, Spectral
	scripts/lint-spec.sh $(SPEC)

lint-python: $(PY_TOOLS) ## ruff and mypy --strict on hand-written code; ruff and mypy on the generated package
	$(PY) scripts/generate.py --sync-runtime
	$(VENV)/bin/ruff check $(HAND_WRITTEN)
	$(VENV)/bin/ruff format --check $(HAND_WRITTEN)
	$(VENV)/bin/mypy --strict $(TYPED)
	$(VENV)/bin/mypy --strict --config-file generated/pyproject.toml generated/fastn_client

lint-templates: $(PY_TOOLS) ## fail, printing the upstream diff to port, if the pinned generator's templates differ from those overrides/templates/ were made from (overrides/upstream/)
	$(PY) scripts/check_templates.py

generate: generate-client bundle types ## after editing the spec or overrides/: bring every derived file up to date (client, JSON forms, TS types)

generate-client: $(PY_TOOLS) ## regenerate generated/ alone from the spec, generator-config.yml and overrides/
	$(PY) scripts/generate.py

check-generated: check-bundle $(PY_TOOLS) ## fail, listing stale files, if generated/ or the JSON forms differ from what `make generate` writes (ts/: a test)
	$(PY) scripts/generate.py --check

golden: $(PY_TOOLS) ## refresh the golden tree of the generator test (tests/generation/golden)
	$(PY) scripts/generate.py --spec tests/generation/fixtures/tiny.yaml --out tests/generation/golden/fastn-client --golden --fix-command 'make golden'

bundle: $(PY_TOOLS) ## write openapi/fastn.json and openapi/fastn.deref.json (no $ref) from the spec
	$(PY) scripts/bundle.py

check-bundle: $(PY_TOOLS) ## fail, listing stale files, if the JSON forms are not what `make bundle` writes
	$(PY) scripts/bundle.py --check

docs: $(NODE_TOOLS) $(PY_TOOLS) ## build the offline HTML reference into build/docs/index.html
	scripts/build-docs.sh $(SPEC) build/docs/index.html

types: $(NODE_TOOLS) ## regenerate ts/fastn.d.ts from the spec with the pinned openapi-typescript
	$(NODE_BIN)/openapi-typescript openapi/fastn.yaml --output ts/fastn.d.ts

evidence: $(PY_TOOLS) ## list what the spec infers (x-fastn-evidence: inferred), element by element, to verify against the real API
	$(PY) scripts/inferences.py

breaking: $(PY_TOOLS) ## list breaking changes of SPEC against its version at BASE (default origin/main) and the bump needed
	$(PY) scripts/breaking.py --base $(BASE) --head $(SPEC)

release-gate: $(PY_TOOLS) ## fail if SPEC changed since BASE without the info.version bump and CHANGELOG.md entry it needs (part of `make test`)
	$(PY) scripts/breaking.py --base $(BASE) --head $(SPEC) --gate

mock: $(PY_TOOLS) ## serve the stateful mock on 127.0.0.1 port MOCK_PORT (default 4010); MOCK_RATE_LIMIT=0 turns limiting off
	$(PY) -m fastn_mock

contract: $(PY_TOOLS) ## link walk + schemathesis against a running server: the mock, or BASE_URL= FASTN_API_KEY= FASTN_SPACE_ID= (read-only unless ALLOW_WRITES=1); JUnit in reports/
	scripts/contract.sh

PROXY_PORT ?= 4030
proxy: $(PY_TOOLS) ## validating, recording proxy in front of UPSTREAM= on :4030 (PROXY_PORT=; RECORD=dir: evidence fixtures); report in reports/
	$(if $(UPSTREAM),,$(error set UPSTREAM to the server's base URL, e.g. make proxy UPSTREAM=https://live.fastn.ai))
	$(PY) -m fastn_contract proxy --upstream $(UPSTREAM) --port $(PROXY_PORT) $(if $(RECORD),--record $(RECORD))

bench: $(PY_TOOLS) $(NODE_TOOLS) ## print the benchmarks side by side: import cost, client CPU, pacing efficiency (one process, and many sharing a key), mock vs Prism throughput
	$(PY) scripts/bench_import.py
	$(PY) scripts/bench_client.py
	$(PY) scripts/bench_pacing.py
	$(PY) scripts/bench_shared_pacing.py
	$(PY) scripts/bench_mock.py

# The runtime's covered session and the checks run side by side (each shows its output whole when
# it ends): the linters mostly wait on one JVM or Node start-up at a time, so the two share the cores.
test: $(PY_TOOLS) $(NODE_TOOLS) ## everything: lint, drift of every derived file, the release gate, then every test
	$(MAKE) --no-print-directory -j2 --output-sync=target test-runtime lint check-generated release-gate
	$(PY) -m pytest $(PARALLEL) $(REST) $(PYTEST_ARGS)

test-runtime: $(PY_TOOLS) ## the client runtime's own tests, with the 100 % branch-coverage gate (part of `make test`)
	$(PY) -m pytest $(PARALLEL) $(RUNTIME) $(COVERAGE) $(PYTEST_ARGS)

test-fast: $(PY_TOOLS) ## under 30 s: every test not marked slow (no generator, install, browser, Node, Java), no coverage
	$(PY) -m pytest $(PARALLEL) $(FAST) $(PYTEST_ARGS)

chaos: $(PY_TOOLS) ## the client against the mock's faults, a hostile server and a garbage Redis, mixed (CALLS=600)
	$(PY) scripts/chaos_client.py --calls $(or $(CALLS),600)

test-pythons: $(PY_TOOLS) ## the client's tests under every CPython 3.11+ this machine has (one venv each in .venv-pythons/)
	$(PY) scripts/pythons.py

dist: $(PY_TOOLS) ## build the wheels and sdists of the client, the mock and the spec loader into dist/, then twine check them
	$(PY) scripts/dist.py --out dist

lock: $(PY_TOOLS) ## re-pin the Python tools (requirements*.in -> requirements*.lock, CPython 3.11+) after editing requirements*.in
	for name in requirements requirements-bootstrap; do \
	  $(VENV)/bin/uv pip compile $$name.in -o $$name.lock --universal --python-version 3.11 --generate-hashes \
	    --custom-compile-command "make lock" -q || exit 1; done

clean: ## remove installed tools and build output (keeps everything committed)
	rm -rf $(VENV) .venv-pythons node_modules build dist reports .pytest_cache .mypy_cache .ruff_cache
