"""`make evidence` (scripts/inferences.py): the list of what the spec infers, for a live contract run to verify."""

from __future__ import annotations

import json
import subprocess
import sys

from spec_document import ROOT, SPEC, walk

SCRIPT = str(ROOT / "scripts" / "inferences.py")


def _listed() -> dict[str, dict[str, str]]:
    result = subprocess.run([sys.executable, SCRIPT, "--json"], capture_output=True, text=True, check=True)
    items = [json.loads(line) for line in result.stdout.splitlines()]
    return {item["pointer"]: item for item in items}


def test_every_inferred_element_is_listed_with_what_to_verify() -> None:
    listed = _listed()
    assert listed["#/paths/~1api~1v1~1executions~1{executionId}~1cancel/post"]["kind"] == "operation"
    revision = listed["#/components/schemas/Customer/properties/revision"]
    assert revision["kind"] == "field" and "revision" in revision["verify"]
    assert "#/components/schemas/Customer/properties/name" not in listed  # the docs show it
    assert "revoked" in listed["#/components/schemas/ConnectionStatus"]["verify"]  # an evidenced enum's own value
    assert all(item["verify"] for item in listed.values()), "every inference says what to verify"
    marked = [
        where for where, node in walk(SPEC) if isinstance(node, dict) and node.get("x-fastn-evidence") == "inferred"
    ]
    assert len([item for item in listed.values() if item["kind"] != "enum values"]) == len(marked)


def test_the_report_groups_and_counts() -> None:
    result = subprocess.run([sys.executable, SCRIPT], capture_output=True, text=True, check=True)
    total = len(_listed())
    assert "== operation (5)" in result.stdout
    assert result.stdout.rstrip().splitlines()[-1].startswith(f"{total} inferred elements in fastn.yaml: ")
