"""`make lint` fails on a broken document and names the place that is broken.

The linters are run as `make lint-spec` runs them, through `scripts/lint-spec.sh`, never
through make: a test must not run the `install` prerequisite (`npm ci`, a browser).
"""

from __future__ import annotations

import subprocess

import pytest
from spec_document import ROOT

BROKEN = "tests/spec/fixtures/broken.yaml"


@pytest.mark.slow  # Java (openapi-generator) and Node (Redocly, Spectral) tools
def test_lint_fails_on_a_broken_spec_and_names_the_place() -> None:
    result = subprocess.run(
        [str(ROOT / "scripts" / "lint-spec.sh"), BROKEN],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    # Each validator points at the dangling reference: by JSON pointer, by path, by line.
    assert "#/paths/~1widgets/get/responses/200/content/application~1json/schema" in output  # Redocly
    assert "paths./widgets.get.responses[200].content.application/json.schema.$ref" in output  # Spectral
    assert f"{BROKEN}:31:" in output  # Redocly's file:line:column
    assert "'/components/schemas/WidgetList' does not exist" in output  # openapi-spec-validator
    # The project's own reader also names a constraint beside a $ref, which the other validators accept.
    assert f"{BROKEN}: #/paths/~1widgets/get/responses/200/content/application~1json/schema: $ref" in output
    assert f"{BROKEN}: #/components/schemas/Widget/properties/name: maxLength beside $ref" in output
    # openapi-generator names the attribute path; the OWASP ruleset names the unbounded string.
    assert "paths.'/widgets'(get).responses.200.content.'application/json'.schema" in output  # openapi-generator
    assert "owasp:api4:2023-string-limit" in output and "components.schemas.Widget.properties.id" in output
    validators = "fastn-spec openapi-spec-validator openapi-generator redocly spectral spectral-owasp"
    assert f"lint failed for {BROKEN}: {validators}" in output
