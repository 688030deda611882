"""The link walk: every operation of the spec reached through the spec's own links, whatever the seed.

Schemathesis' stateful phase follows the spec's links at random: whether a run gets five links deep
(``startAiBuild`` → ``getAiBuild`` → ``generateAiBuild`` → ``getAiBuild`` → ``deployAiBuild``)
depends on the seed and the step budget. The walk draws nothing. For every operation it tries the
chains of links that end there, shortest first, each from its start, until one gets a documented
2xx from it:

* a chain starts at a *root*: an operation with no path parameter whose request (its example in
  the spec) names no other resource (``x-fastn-references``), so it needs nothing from an earlier
  call. Among chains of one length, those starting with a write come first (a create makes what
  the chain needs; a list only offers what the server holds), then document order. A read-only
  walk takes only GET operations, so its chains start at the lists (each links to the read of its
  first item, ``$response.body#/data/0/id``) and reach what the server holds;
* each later step is the target of a link from the step before, which answered the link's status.
  Schemathesis evaluates the link's parameter expressions, and its request body if it has one
  (``tests/contract/fastn_checks.py`` gives the links theirs before schemathesis reads them), on
  the previous step's response; a body the link does not give is the operation's first example in
  the spec. The fields a create must keep unique (``x-fastn-unique`` of what it answers) get a
  fresh suffix, so a walk never collides with what the server holds, a previous walk included;
* a GET whose answer has a lifecycle field (an enumeration with ``x-fastn-final``) is repeated,
  with a growing pause, until the state is final or awaits the caller (``x-fastn-awaits-caller``)
  before the next link is followed;
* a chain may pass an operation twice (poll, generate, poll again, deploy): only the server knows
  which state the next link needs, so the walk tries longer chains until one works, at most
  ``MAX_LINKS`` links long. Every attempt starts afresh from its root, so what one chain did (a
  delete, an update to ``inactive``) cannot stop another.

Operations are taken deepest first; a step that answers a documented 2xx on the way counts for its
operation too, so most operations are reached on the way to another (64 calls for the 46 of the
mock). Every request is a schemathesis ``Case`` of the run's schema, with the run's config: its
auth (``[auth.openapi.*]``), its hooks (``before_call``/``after_call`` fire for every call), and
``case.validate_response`` with the run's checks (the built-in ones and the Fastn ones).

``python -m fastn_contract.walk --url URL [--spec PATH] [--config PATH] [--read-only]`` prints one
line per operation (reached with which status through which chain, or why not) and exits 1 when a
check failed or a call could not be made, or, with writes, when an operation was not reached
(``--allow-unreached`` makes that a note: a real workspace or key may not allow everything). What
a read-only walk cannot reach (an empty workspace) is a note, never a failure.
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import re
import sys
import time
import tomllib
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import fastn_spec
import schemathesis
from jsonschema import Draft202012Validator, FormatChecker
from schemathesis.auths import AuthContext, set_on_case
from schemathesis.checks import CheckFunction
from schemathesis.config import SchemathesisConfig
from schemathesis.core import NOT_SET
from schemathesis.core.errors import InvalidStateMachine
from schemathesis.core.failures import FailureGroup
from schemathesis.core.result import Ok
from schemathesis.core.transforms import UNRESOLVABLE
from schemathesis.core.transport import Response, expand_status_code
from schemathesis.generation.stateful.state_machine import StepOutput
from schemathesis.specs.openapi.stateful import collect_transitions
from schemathesis.specs.openapi.stateful.links import OpenApiLink

MAX_LINKS = 6
"""The longest chain tried; the spec's deepest needs five links (start, poll, generate, poll, deploy)."""
MAX_ATTEMPTS = 12
"""Chains tried per operation before it is reported unreached."""
MAX_VISITS = 2
"""How often one operation may appear in a chain: twice, for a poll before and after an action."""
RATE_LIMIT_RETRIES = 5
JSON = "application/json"
# Credentials the run's config does not set come from the variables the Python client reads.
ENV_AUTH = {
    "ApiKeyAuth": ("FASTN_API_KEY", None),
    "SpaceId": ("FASTN_SPACE_ID", None),
    "TenantId": ("FASTN_TENANT_ID", ""),
    "Stage": ("FASTN_STAGE", "LIVE"),
    "CustomAuth": ("FASTN_CUSTOM_AUTH", "false"),
    "TestMode": ("FASTN_TEST_MODE", None),  # never by default: the docs forbid it with a live key
    "Realm": ("FASTN_REALM", "fastn"),
}
SENT_ONLY_WHEN_SET = frozenset({"TestMode", "Realm"})
"""Schemes whose empty variable sends no header (an empty tenant id is still sent: the workspace itself)."""

Operation = schemathesis.APIOperation[Any, Any, Any, Any]
Case = schemathesis.Case[Any]


@dataclass(frozen=True)
class Chain:
    """A root operation and the links followed from it, in order."""

    root: Operation
    links: tuple[OpenApiLink, ...] = ()

    @property
    def target(self) -> Operation:
        return self.links[-1].target if self.links else self.root

    @property
    def steps(self) -> tuple[Operation, ...]:
        return (self.root, *(link.target for link in self.links))

    def extend(self, link: OpenApiLink) -> Chain:
        return Chain(self.root, (*self.links, link))

    def describe(self, upto: int | None = None) -> str:
        return " → ".join(operation_id(operation) for operation in self.steps[: None if upto is None else upto + 1])


@dataclass
class Outcome:
    """What the walk found for one operation."""

    operation: Operation
    status: int | None = None
    """The documented 2xx it answered first."""
    chain: str = ""
    """The chain whose last step got that answer."""
    reason: str = ""
    """Why it was not reached."""

    @property
    def reached(self) -> bool:
        return self.status is not None


@dataclass(frozen=True)
class Failure:
    """A check that failed, or a call that could not be made."""

    operation: str
    message: str


@dataclass
class WalkReport:
    """One outcome per operation (document order), every failure, the calls made and the time taken."""

    read_only: bool
    outcomes: dict[str, Outcome] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)
    calls: int = 0
    seconds: float = 0.0

    @property
    def reached(self) -> list[Outcome]:
        return [outcome for outcome in self.outcomes.values() if outcome.reached]

    @property
    def unreached(self) -> list[Outcome]:
        """The operations the walk tried and did not reach (a read-only walk's writes are not tried)."""
        return [outcome for outcome in self.walked if not outcome.reached]

    @property
    def walked(self) -> list[Outcome]:
        return [outcome for outcome in self.outcomes.values() if not self._unsent(outcome)]

    def _unsent(self, outcome: Outcome) -> bool:
        return self.read_only and outcome.operation.method.upper() != "GET"

    def passed(self, *, require_all: bool) -> bool:
        """No check failed, and (when required) every operation tried was reached."""
        return not self.failures and not (require_all and self.unreached)

    def lines(self) -> list[str]:
        """One line per operation tried; a read-only walk's writes in one line."""
        width = max((len(outcome.operation.label) for outcome in self.walked), default=0)
        out = []
        for outcome in self.walked:
            label = outcome.operation.label.ljust(width)
            if outcome.reached:
                out.append(f"  reached      {outcome.status}  {label}  via {outcome.chain}")
            else:
                out.append(f"  not reached  ---  {label}  {outcome.reason}")
        unsent = len(self.outcomes) - len(self.walked)
        if unsent:
            out.append(f"  not sent          {unsent} writes (POST, PUT, DELETE): a read-only walk")
        return out

    def summary(self) -> str:
        mode = "read-only link walk" if self.read_only else "link walk"
        failures = f"{len(self.failures)} failure{'s' * (len(self.failures) != 1)}"
        return (
            f"{mode}: {len(self.reached)}/{len(self.outcomes)} operations answered a documented 2xx, "
            f"{self.calls} calls in {self.seconds:.1f} s, {failures}"
        )


def operation_id(operation: Operation) -> str:
    raw = operation.definition.raw
    return str(raw.get("operationId") or operation.label)


def documented_2xx(operation: Operation, status: int) -> bool:
    """Whether ``status`` is a success the operation's responses list (``200``, ``2XX``)."""
    return 200 <= status < 300 and any(
        status in expand_status_code(code) for code in operation.responses.status_codes if code != "default"
    )


class _Document:
    """What the walk reads from the spec itself: examples, unique fields, references, lifecycles."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        schemes = document.get("components", {}).get("securitySchemes", {}).values()
        self.credential_headers = {
            str(scheme["name"]).lower() for scheme in map(self.resolve, schemes) if scheme.get("in") == "header"
        }

    def resolve(self, node: Any) -> Any:
        return fastn_spec.resolve(self.document, node)

    def _media(self, holder: Any) -> dict[str, Any]:
        holder = self.resolve(holder)
        media = holder.get("content", {}).get(JSON) if isinstance(holder, dict) else None
        return media if isinstance(media, dict) else {}

    def _schema(self, media: dict[str, Any]) -> dict[str, Any]:
        schema = self.resolve(media.get("schema", {}))
        return schema if isinstance(schema, dict) else {}

    def example_body(self, operation: Operation) -> Any:
        """The first example of the operation's JSON request body, or ``NOT_SET``."""
        media = self._media(operation.definition.raw.get("requestBody"))
        for example in media.get("examples", {}).values():
            value = self.resolve(example).get("value")
            if value is not None:
                return value
        return media.get("example", NOT_SET)

    def body_properties(self, operation: Operation) -> dict[str, Any]:
        properties = self._schema(self._media(operation.definition.raw.get("requestBody"))).get("properties", {})
        return {name: self.resolve(schema) for name, schema in properties.items()}

    def references(self, operation: Operation) -> set[str]:
        """The body fields naming another resource (``x-fastn-references``), directly or as a list."""
        return {
            name
            for name, schema in self.body_properties(operation).items()
            if "x-fastn-references" in schema or "x-fastn-references" in self.resolve(schema.get("items", {}))
        }

    def _answer(self, operation: Operation) -> dict[str, Any]:
        """The schema of the operation's first documented success with a JSON body."""
        for code, response in operation.definition.raw.get("responses", {}).items():
            schema = self._schema(self._media(response)) if str(code).startswith("2") else {}
            if schema:
                return schema
        return {}

    def unique_fields(self, operation: Operation) -> list[str]:
        return [str(name) for name in self._answer(operation).get("x-fastn-unique", [])]

    def lifecycle(self, operation: Operation) -> tuple[str, frozenset[str]] | None:
        """The answer's lifecycle field and the states a poll stops at (final, or awaiting the caller)."""
        for name, schema in self._answer(operation).get("properties", {}).items():
            for candidate in [schema, *self.resolve(schema).get("anyOf", [])]:
                candidate = self.resolve(candidate)
                if "x-fastn-final" in candidate:
                    return name, frozenset([*candidate["x-fastn-final"], *candidate.get("x-fastn-awaits-caller", [])])
        return None

    def parameter_example(self, operation: Operation, location: str, name: str) -> Any:
        """A required parameter's value when no link gives one: its example, or its schema's default."""
        for parameter in map(self.resolve, operation.definition.raw.get("parameters", [])):
            if parameter.get("in") == location and parameter.get("name") == name:
                if "example" in parameter:
                    return parameter["example"]
                for example in (parameter.get("examples") or {}).values():
                    return self.resolve(example).get("value")
                return self.resolve(parameter.get("schema", {})).get("default", NOT_SET)
        return NOT_SET


def unique_variant(value: str, schema: dict[str, Any], token: str) -> str | None:
    """``value`` made unique with ``token`` in a form its schema accepts (a slug, a key, a name, an e-mail)."""
    limit = schema.get("maxLength")
    room = len(value) if not isinstance(limit, int) else max(1, min(len(value), limit - len(token) - 1))
    stem = value[:room]
    local, at, domain = value.partition("@")
    candidates = [f"{local}-{token}@{domain}"] if at else []
    candidates += [f"{stem}-{token}", f"{stem}_{token}", f"{stem}_{token.upper()}"]
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    return next((candidate for candidate in candidates if validator.is_valid(candidate)), None)


class Walker:
    """Walks one loaded schema: its base URL (or ASGI app), config, auth and hooks as loaded."""

    def __init__(
        self,
        schema: schemathesis.BaseSchema,
        *,
        read_only: bool = False,
        poll_timeout: float = 60.0,
        excluded_checks: Sequence[CheckFunction] = (),
    ) -> None:
        self.read_only = read_only
        self.poll_timeout = poll_timeout
        self.excluded_checks = list(excluded_checks)
        self.spec = _Document(schema.raw_schema)
        self.report = WalkReport(read_only=read_only)
        self.operations: list[Operation] = []
        for result in schema.get_all_operations():
            if isinstance(result, Ok):
                self.operations.append(result.ok())
            else:
                self.report.failures.append(Failure("(the spec)", f"an operation could not be read: {result.err()}"))
        self.walked = [op for op in self.operations if not read_only or op.method.upper() == "GET"]
        try:
            transitions = collect_transitions(self.walked)
        except InvalidStateMachine as exc:
            raise ValueError(f"the spec's links are invalid: {exc}") from None
        self.outgoing = {label: list(entry.outgoing) for label, entry in transitions.operations.items()}
        roots = [op for op in self.walked if self._is_root(op)]
        self.roots = sorted(roots, key=lambda op: (op.method.upper() == "GET", self.walked.index(op)))

    def _is_root(self, operation: Operation) -> bool:
        if list(operation.path_parameters):
            return False
        body = self.spec.example_body(operation)
        return not (isinstance(body, dict) and self.spec.references(operation) & set(body))

    def chains(self) -> Iterator[Chain]:
        """Every chain of at most ``MAX_LINKS`` links from a root, shortest first."""
        frontier = [Chain(root) for root in self.roots]
        for _ in range(MAX_LINKS + 1):
            yield from frontier
            frontier = [
                chain.extend(link)
                for chain in frontier
                for link in self.outgoing.get(chain.target.label, [])
                if chain.steps.count(link.target) < MAX_VISITS
            ]

    def run(self) -> WalkReport:
        started = time.monotonic()
        for operation in self.operations:
            self.report.outcomes[operation.label] = Outcome(operation)
        candidates: dict[str, list[Chain]] = {op.label: [] for op in self.walked}
        for chain in self.chains():
            if len(candidates[chain.target.label]) < MAX_ATTEMPTS:
                candidates[chain.target.label].append(chain)
        # The deepest first: their chains pass through, and so reach, most of the others.
        order = sorted(self.walked, key=lambda op: -len(candidates[op.label][0].links) if candidates[op.label] else 0)
        for operation in order:
            outcome = self.report.outcomes[operation.label]
            if not candidates[operation.label]:
                outcome.reason = (
                    "no chain of GET operations leads to it from a list"
                    if self.read_only
                    else "no chain of the spec's links leads to it from an operation without a path id"
                )
            for tried, chain in enumerate(candidates[operation.label], start=1):
                if outcome.reached:
                    break
                why = self._follow(chain)
                if why is not None and not outcome.reached:
                    others = f" ({tried} chains tried, the last shown)" if tried > 1 else ""
                    outcome.reason = f"{chain.describe()}: {why}{others}"
        self.report.seconds = time.monotonic() - started
        return self.report

    def _follow(self, chain: Chain) -> str | None:
        """Send a chain's requests; ``None`` when its last step answered a documented 2xx, else why not."""
        output: StepOutput | None = None
        for index, operation in enumerate(chain.steps):
            link = chain.links[index - 1] if index else None
            case = self._case(operation, link, output)
            if isinstance(case, str):
                return case
            response = self._send(operation, case, chain, index)
            if response is None:
                return f"{operation_id(operation)} could not be called"
            output = StepOutput(response, case)
            if index == len(chain.links):
                if documented_2xx(operation, response.status_code):
                    return None
                return f"{operation_id(operation)} answered {response.status_code}"
            following = chain.links[index]
            if response.status_code not in expand_status_code(following.status_code):
                return (
                    f"{operation_id(operation)} answered {response.status_code}, not the {following.status_code} "
                    f"its link to {operation_id(following.target)} starts from"
                )
            output = self._poll(operation, output, chain, index)
        raise AssertionError("unreachable: a chain's last step returns")  # pragma: no cover

    def _poll(self, operation: Operation, output: StepOutput, chain: Chain, index: int) -> StepOutput:
        """Repeat a GET of long-running work until its state is final or awaits the caller."""
        lifecycle = self.spec.lifecycle(operation) if operation.method.upper() == "GET" else None
        if lifecycle is None:
            return output
        name, stops = lifecycle
        deadline = time.monotonic() + self.poll_timeout
        pause = 0.05
        while time.monotonic() < deadline:
            body = _json(output.response)
            if not isinstance(body, dict) or body.get(name) in stops:
                return output
            time.sleep(pause)
            pause = min(pause * 2, 5.0)
            again = self._new_case(operation, path_parameters=dict(output.case.path_parameters))
            response = self._send(operation, again, chain, index)
            if response is None or not documented_2xx(operation, response.status_code):
                return output
            output = StepOutput(response, again)
        return output

    def _case(self, operation: Operation, link: OpenApiLink | None, output: StepOutput | None) -> Case | str:
        """The step's request as a schemathesis case, or why it cannot be made."""
        values: dict[str, dict[str, Any]] = {"path_parameters": {}, "query": {}, "headers": {}, "cookies": {}}
        body: Any = self.spec.example_body(operation)
        if link is not None and output is not None:
            transition = link.extract(output)
            for container, extracted in transition.parameters.items():
                for name, parameter in extracted.items():
                    value = parameter.value.ok() if isinstance(parameter.value, Ok) else None
                    if value is None or value is UNRESOLVABLE:
                        return (
                            f"{operation_id(link.source)}'s answer has nothing at {parameter.definition} "
                            f"for {operation_id(operation)}'s {name}"
                        )
                    values[container][name] = value
            linked = transition.request_body
            if linked is not None and isinstance(linked.value, Ok) and linked.value.ok() is not UNRESOLVABLE:
                merge = link.merge_body and isinstance(body, dict) and isinstance(linked.value.ok(), dict)
                body = {**body, **linked.value.ok()} if merge else linked.value.ok()
        for parameter in operation.path_parameters:
            if parameter.name not in values["path_parameters"]:
                return f"no link gives {operation_id(operation)}'s {parameter.name}"
        for location, parameters, container in (
            ("query", operation.query, "query"),
            ("header", operation.headers, "headers"),
        ):
            for parameter in parameters:
                given = values[container]
                if parameter.name.lower() in self.spec.credential_headers or parameter.name in given:
                    continue  # the run's auth sets the credentials
                if parameter.is_required:
                    example = self.spec.parameter_example(operation, location, parameter.name)
                    if example is NOT_SET:
                        return f"{operation_id(operation)}'s required {location} {parameter.name} has no example"
                    given[parameter.name] = example
        if operation.method.upper() == "POST" and isinstance(body, dict):
            body = self._unique(operation, body)
        return self._new_case(
            operation,
            body=body,
            path_parameters=values["path_parameters"],
            query=values["query"],
            headers=values["headers"],
            cookies=values["cookies"],
        )

    def _new_case(
        self,
        operation: Operation,
        *,
        body: Any = NOT_SET,
        path_parameters: dict[str, Any] | None = None,
        query: dict[str, Any] | None = None,
        headers: dict[str, Any] | None = None,
        cookies: dict[str, Any] | None = None,
    ) -> Case:
        case = operation.Case(
            path_parameters=path_parameters,
            query=query,
            headers=headers,
            cookies=cookies,
            body=body,
            media_type=None if body is NOT_SET else JSON,
        )
        set_on_case(case, AuthContext(operation=operation, app=operation.app), None)
        return case

    def _unique(self, operation: Operation, body: dict[str, Any]) -> dict[str, Any]:
        properties = self.spec.body_properties(operation)
        token = uuid.uuid4().hex[:8]
        body = dict(body)
        for name in self.spec.unique_fields(operation):
            if isinstance(body.get(name), str):
                body[name] = unique_variant(body[name], properties.get(name, {}), token) or body[name]
        return body

    def _send(self, operation: Operation, case: Case, chain: Chain, index: int) -> Response | None:
        """Call, check with the run's checks, record; a 429 is waited out and sent again."""
        if self.read_only and operation.method.upper() != "GET":  # pragma: no cover  (its chains hold GETs only)
            raise AssertionError(f"a read-only walk must not send {operation.label}")
        for attempt in range(RATE_LIMIT_RETRIES + 1):
            try:
                response = case.call()
            except Exception as exc:  # a connection error, a timeout: the chain cannot go on
                self.report.failures.append(Failure(operation.label, f"{type(exc).__name__}: {exc}"))
                return None
            self.report.calls += 1
            try:
                case.validate_response(response, excluded_checks=self.excluded_checks)
            except FailureGroup as group:
                self.report.failures.append(Failure(operation.label, f"(walking {chain.describe()})\n{group.message}"))
            outcome = self.report.outcomes[operation.label]
            if not outcome.reached and documented_2xx(operation, response.status_code):
                outcome.status, outcome.chain, outcome.reason = response.status_code, chain.describe(index), ""
            if response.status_code != 429 or attempt == RATE_LIMIT_RETRIES:
                break
            time.sleep(_retry_after(response))
        return response


def _json(response: Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


def _retry_after(response: Response) -> float:
    values = response.headers.get("retry-after") or []
    value = values[0] if values else ""
    return min(float(value), 60.0) if re.fullmatch(r"\d+(\.\d+)?", value) else 1.0


def walk(
    schema: schemathesis.BaseSchema,
    *,
    read_only: bool = False,
    poll_timeout: float = 60.0,
    excluded_checks: Sequence[CheckFunction] = (),
) -> WalkReport:
    """Reach every operation of ``schema`` through its links (see the module doc) and report.

    ``excluded_checks`` are left out of the run's checks, as ``case.validate_response`` takes them.
    """
    return Walker(schema, read_only=read_only, poll_timeout=poll_timeout, excluded_checks=excluded_checks).run()


# --- command line -------------------------------------------------------------------------------


def load_config(path: Path | None) -> SchemathesisConfig:
    """The run's config (default: ``schemathesis.toml`` here or above), credentials from the environment if absent.

    A relative ``hooks`` path is looked for beside the config file first, so that the walk loads the
    run's hooks (``tests/contract/fastn_checks.py``: the links' bodies) from any directory.
    """
    if path is None:
        found = SchemathesisConfig.discover().config_path
        path = Path(found) if found else None
    data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8")) if path else {}
    base = path.resolve().parent if path else Path.cwd()
    hooks = data.get("hooks")
    if isinstance(hooks, str) and not Path(hooks).is_absolute() and (base / hooks).exists():
        data["hooks"] = str(base / hooks)
    schemes = data.setdefault("auth", {}).setdefault("openapi", {})
    for scheme, (variable, default) in ENV_AUTH.items():
        value = os.environ.get(variable, default)
        if scheme not in schemes and value is not None and (value or scheme not in SENT_ONLY_WHEN_SET):
            schemes[scheme] = {"api_key": value}
    return SchemathesisConfig.from_dict(data, base_dir=str(base))


def load_schema(spec: Path, url: str, config: SchemathesisConfig) -> schemathesis.BaseSchema:
    config.projects.override.update(base_url=url.rstrip("/"))
    return schemathesis.openapi.from_path(spec, config=config)


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 or ``localhost``: a server on this machine."""
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return host.lower() == "localhost"


def refuse_writes(url: str, confirmed: str, *, confirm: str, read_only: str) -> str | None:
    """Why writes to ``url`` are refused (its host is not loopback, nor named in ``confirmed``), or ``None``.

    ``confirm`` says how to name the host (``{host}`` is replaced), ``read_only`` how to run without writes.
    """
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return f"refusing writes to {url!r}: not a URL"
    if is_loopback(host) or (host and confirmed == host):
        return None
    return (
        f"refusing writes to {url}: {host} is not a loopback host (127.0.0.0/8, ::1, localhost), and writes create,\n"
        f"change and delete data in the workspace of the key (customers, workflows, API keys, secrets...).\n"
        f"If that workspace is there to be written to, set {confirm.format(host=host)} as well; to check the server\n"
        f"without changing anything, {read_only}."
    )


def main(argv: Sequence[str] | None = None, out: Callable[[str], None] = print) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m fastn_contract.walk",
        description="Reach every operation of the spec through its links, checking every answer with schemathesis.",
    )
    parser.add_argument("--url", required=True, help="the server's base URL, e.g. http://127.0.0.1:4010")
    parser.add_argument("--spec", type=Path, default=Path("openapi/fastn.yaml"), help="default: openapi/fastn.yaml")
    parser.add_argument(
        "--config",
        type=Path,
        help="schemathesis config (default: schemathesis.toml here or above); credentials it does not set come "
        "from FASTN_API_KEY, FASTN_SPACE_ID, FASTN_TENANT_ID, FASTN_STAGE, FASTN_CUSTOM_AUTH",
    )
    parser.add_argument("--read-only", action="store_true", help="GET operations only, in chains from the lists")
    parser.add_argument(
        "--allow-unreached", action="store_true", help="an operation not reached is a note, not a failure"
    )
    parser.add_argument("--poll-timeout", type=float, default=60.0, help="seconds to poll long-running work")
    parser.add_argument(
        "--confirm-writes", metavar="HOST", default="", help="allow writes to this host, which is not loopback"
    )
    args = parser.parse_args(argv)
    refusal = refuse_writes(
        args.url, args.confirm_writes, confirm="--confirm-writes {host}", read_only="use --read-only"
    )
    if refusal and not args.read_only:
        out(refusal)
        return 2
    report = walk(
        load_schema(args.spec, args.url, load_config(args.config)),
        read_only=args.read_only,
        poll_timeout=args.poll_timeout,
    )
    for line in report.lines():
        out(line)
    for failure in report.failures:
        out(f"\nfailure, {failure.operation}: {failure.message}")
    out(report.summary())
    require_all = not (args.read_only or args.allow_unreached)
    if report.unreached and not require_all:
        reached = "nothing" if not report.reached else f"{len(report.reached)} operations"
        out(f"note: the walk reached {reached}; what the server holds (or allows) decides the rest, not a failure")
    if report.unreached and require_all:
        out(f"{len(report.unreached)} operation(s) not reached: the spec's links and examples must reach every one")
    return 0 if report.passed(require_all=require_all) else 1


if __name__ == "__main__":
    sys.exit(main())
