#!/usr/bin/env bash
# Lint an OpenAPI document with the project's own reader and the five pinned validators; fail if
# any of them reports an error (or, for Redocly and both Spectral rulesets, a warning). Every validator runs even
# when an earlier one failed, so one run shows every problem, each named by its place in the
# document.
#
#   scripts/lint-spec.sh [SPEC]      (default: openapi/fastn.yaml)
set -uo pipefail
cd "$(dirname "$0")/.."
spec="${1:-openapi/fastn.yaml}"
failed=()

step() { echo "==> $1"; }

# fastn_spec (loader/) is how every Python tool here reads the document: YAML 1.2 without duplicate
# keys, local references only, and only annotations beside a $ref (the generator drops the rest).
step "fastn_spec check $spec"
.venv/bin/python -m fastn_spec check "$spec" || failed+=(fastn-spec)

step "openapi-spec-validator $spec"
.venv/bin/openapi-spec-validator "$spec" || failed+=(openapi-spec-validator)

# openapi-generator's own parser (swagger-parser) is stricter than the specification in places
# (a link's requestBody must be a string); names each problem by its attribute path. Its Java
# stack traces repeat what the summary says, so they are left out.
step "openapi-generator validate $spec"
.venv/bin/openapi-generator-cli validate -i "$spec" 2>&1 \
  | grep -v -E '^[[:space:]]+at |^java\.|^Caused by: |^[[:space:]]+\.\.\. [0-9]+ more' \
  ; [ "${PIPESTATUS[0]}" -eq 0 ] || failed+=(openapi-generator)

step "redocly lint (recommended-strict) $spec"
node_modules/.bin/redocly lint --config redocly.yaml --format codeframe "$spec" 2>&1 \
  | grep -v -e 'Node.js 20' -e 'Future Redocly CLI' -e 'nodejs.org' -e 'You are using Node' \
            -e '^ *║' -e '^ *╔' -e '^ *╚' \
  ; [ "${PIPESTATUS[0]}" -eq 0 ] || failed+=(redocly)

step "spectral lint (spectral:oas, fail on warnings) $spec"
node_modules/.bin/spectral lint --ruleset .spectral.yaml --fail-severity=warn "$spec" || failed+=(spectral)

step "spectral lint (OWASP API Security, .spectral-owasp.yaml, fail on warnings) $spec"
node_modules/.bin/spectral lint --ruleset .spectral-owasp.yaml --fail-severity=warn "$spec" || failed+=(spectral-owasp)

if [ "${#failed[@]}" -gt 0 ]; then
  echo "lint failed for $spec: ${failed[*]}" >&2
  exit 1
fi
echo "lint clean: $spec"
