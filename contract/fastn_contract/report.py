"""The evidence report: what a run confirmed, contradicted and never exercised, and what was new.

`build` turns an `Observer`'s tallies into one JSON document (its schema is
``report.schema.json``, beside this module) ordered so the news comes first:

1. ``contradicted``: elements the service contradicted, each with what was observed and the
   request ids that showed it;
2. ``unknown``: what the service sent that the spec does not list (fields, enumeration values,
   headers, statuses);
3. ``confirmed`` and ``unexercised``: the rest, every element of the spec in one of the two.

`markdown` is the short human summary of the same document. `write` puts both under a folder
(``reports/evidence.json`` and ``reports/evidence.md`` by default).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

from .elements import Element
from .observer import Observation, Observer

SCHEMA_PATH: Final = Path(__file__).with_name("report.schema.json")
FORMAT: Final = "fastn-evidence-report/1"
EVIDENCE_ORDER: Final = {"inferred": 0, "sdk": 1, "docs": 2, "seed": 3}


def _observation(observation: Observation) -> dict[str, Any]:
    return {
        "observed": observation.observed,
        "message": observation.message,
        "requestId": observation.request_id,
        "operation": observation.operation,
        "exchange": observation.exchange,
        "at": observation.at,
    }


def _element(element: Element) -> dict[str, Any]:
    found: dict[str, Any] = {
        "pointer": element.pointer,
        "kind": element.kind,
        "name": element.name,
        "evidence": element.evidence,
    }
    if element.evidence_from != element.pointer:
        found["evidenceFrom"] = element.evidence_from
    if element.verify:
        found["verify"] = element.verify
    return found


def build(observer: Observer, *, target: str = "", spec: str = "") -> dict[str, Any]:
    """The report of everything ``observer`` has seen."""
    contradicted: list[dict[str, Any]] = []
    confirmed: list[dict[str, Any]] = []
    unexercised: list[dict[str, Any]] = []
    for element in observer.index:
        tally = observer.tallies.get(element.pointer)
        if tally is not None and (tally.contradicted or observer.key_scheme_refused(element.pointer)):
            contradicted.append(
                {
                    **_element(element),
                    "count": tally.contradicted or tally.sent,
                    "observations": [_observation(o) for o in tally.examples],
                }
            )
        elif tally is not None and tally.confirmed:
            confirmed.append({**_element(element), "count": tally.confirmed, "requestId": tally.confirmed_by})
        else:
            entry = _element(element)
            if tally is not None and tally.sent:
                entry["note"] = f"exercised {tally.sent} time(s), never with an answer that could confirm it"
            unexercised.append(entry)
    contradicted.sort(key=lambda e: (EVIDENCE_ORDER.get(e["evidence"], 9), e["pointer"]))
    unknown = [
        {
            "kind": key.kind,
            "where": key.where,
            "name": key.name,
            "value": key.value,
            "count": tally.contradicted,
            "observations": [_observation(o) for o in tally.examples],
        }
        for key, tally in sorted(observer.unknowns.items(), key=lambda kv: (kv[0].kind, kv[0].where, kv[0].name))
    ]
    document = observer.document
    version = str(document.get("info", {}).get("version", ""))
    counts = Counter(e.evidence for e in observer.index)
    return {
        "format": FORMAT,
        "generatedAt": datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
        "spec": {"path": spec, "version": version},
        "target": target,
        "exchanges": {
            "total": observer.exchanges,
            "unmatched": observer.unmatched,
            "bodiesNotJudged": observer.not_judged,
        },
        "summary": {
            "elements": len(observer.index.elements),
            "byEvidence": dict(sorted(counts.items())),
            "contradicted": len(contradicted),
            "unknown": len(unknown),
            "confirmed": len(confirmed),
            "unexercised": len(unexercised),
            "inferredConfirmed": sum(1 for e in confirmed if e["evidence"] == "inferred"),
            "inferredContradicted": sum(1 for e in contradicted if e["evidence"] == "inferred"),
        },
        "contradicted": contradicted,
        "unknown": unknown,
        "probes": list(observer.probes),
        "confirmed": confirmed,
        "unexercised": unexercised,
    }


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _contradiction_row(entry: Mapping[str, Any], first: Mapping[str, Any]) -> str:
    return (
        f"| {entry['kind']} `{_cell(entry['name'])}` | {entry['evidence']} | `{_cell(first.get('observed', ''))}` "
        f"| {_cell(first.get('message', ''))} ({entry['count']}x) | {first.get('requestId', '')} |"
    )


def _unknown_row(entry: Mapping[str, Any], first: Mapping[str, Any]) -> str:
    return (
        f"| {entry['kind']} | `{_cell(entry['name'])}` | `{_cell(entry['value'])}` | {entry['count']}x "
        f"| {first.get('requestId', '')} |"
    )


def _table(title: str, columns: tuple[str, ...], rows: list[str], limit: int) -> list[str]:
    """A Markdown section: its first ``limit`` rows, and how many more the JSON holds; nothing if empty."""
    if not rows:
        return []
    lines = [f"## {title}", "", "| " + " | ".join(columns) + " |", "|" + " --- |" * len(columns), *rows[:limit]]
    if len(rows) > limit:
        lines.append(f"| … {len(rows) - limit} more in the JSON report |" + " |" * (len(columns) - 1))
    return [*lines, ""]


def markdown(report: Mapping[str, Any], *, limit: int = 40) -> str:
    """A short summary for people: the contradictions and unknowns first, then the counts."""
    summary = report["summary"]
    lines = [
        "# Evidence report",
        "",
        f"Spec {report['spec']['version']} against `{report['target'] or 'recorded traffic'}`, "
        f"{report['exchanges']['total']} exchanges ({report['exchanges']['unmatched']} matched no operation). "
        f"Of {summary['elements']} elements: **{summary['contradicted']} contradicted**, "
        f"{summary['confirmed']} confirmed ({summary['inferredConfirmed']} of them inferred), "
        f"{summary['unexercised']} never exercised; **{summary['unknown']} things the spec does not know**.",
        "",
    ]
    contradicted = [
        _contradiction_row(entry, entry["observations"][0] if entry["observations"] else {})
        for entry in report["contradicted"]
    ]
    lines += _table("Contradicted", ("element", "evidence", "observed", "why", "request"), contradicted, limit)
    unknown = [
        _unknown_row(entry, entry["observations"][0] if entry["observations"] else {}) for entry in report["unknown"]
    ]
    lines += _table("Not in the spec", ("kind", "where", "value", "seen", "request"), unknown, limit)
    if report["probes"]:
        lines += ["## Probes", ""]
        lines += [f"- {p['name']}: **{p['verdict']}**. {p['detail']}" for p in report["probes"]]
        lines.append("")
    by_kind: Counter[tuple[str, str]] = Counter()
    for state in ("confirmed", "unexercised"):
        for entry in report[state]:
            by_kind[(entry["kind"], state)] += 1
    kinds = sorted({kind for kind, _ in by_kind})
    lines += ["## Coverage", "", "| kind | confirmed | never exercised |", "| --- | --- | --- |"]
    lines += [f"| {kind} | {by_kind[(kind, 'confirmed')]} | {by_kind[(kind, 'unexercised')]} |" for kind in kinds]
    lines.append("")
    return "\n".join(lines)


def write(report: Mapping[str, Any], folder: Path, stem: str = "evidence") -> tuple[Path, Path]:
    """Write ``<stem>.json`` and ``<stem>.md`` under ``folder``; return both paths."""
    folder.mkdir(parents=True, exist_ok=True)
    as_json = folder / f"{stem}.json"
    as_markdown = folder / f"{stem}.md"
    as_json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    as_markdown.write_text(markdown(report), encoding="utf-8")
    return as_json, as_markdown


def schema() -> dict[str, Any]:
    """The JSON Schema every report validates against."""
    loaded: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return loaded
