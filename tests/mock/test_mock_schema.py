"""The mock's JSON Schema plumbing: formats, the ECMA regex dialect, request/response views, details."""

from __future__ import annotations

from datetime import UTC

import pytest
from fastn_mock._schema import (
    ecma_pattern,
    error_details,
    is_date_time,
    is_email,
    is_uri,
    is_uri_reference,
    is_uuid,
    make_validator,
    request_view,
    response_view,
)
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.provisional import urls


@pytest.mark.parametrize(
    ("check", "valid", "invalid"),
    [
        (
            is_uuid,
            ["3f1c2a9e-8b4d-4e2f-9a61-0c5d7e8f9a10", "3F1C2A9E-8B4D-4E2F-9A61-0C5D7E8F9A10"],
            [
                "3f1c2a9e8b4d4e2f9a610c5d7e8f9a10",
                "3f1c2a9e-8b4d-4e2f-9a61-0c5d7e8f9a1",
                "g23e4567-e89b-42d3-a456-426614174000",
            ],
        ),
        (
            is_date_time,
            ["2026-11-02T09:30:00Z", "2026-11-02t09:30:00.123456z", "2024-02-29T23:59:60+05:30"],
            [
                "2026-11-02",
                "2026-02-30T00:00:00Z",
                "2026-11-02T24:00:00Z",
                "2026-11-02T09:30:00",
                "2026-11-02 09:30:00Z",
            ],
        ),
        (
            is_email,
            ["it-admin@acme.example", "a.b+c@sub.example.com", '"quoted local"@example.com', "x@[192.168.0.1]"],
            ["plain", "@example.com", "a@", "a b@example.com", "a..b@example.com", "a@-example.com", "a@exa_mple.com"],
        ),
        (
            is_uri,
            [
                "https://cdn.example/icon.png?size=2#top",
                "urn:isbn:0451450523",
                "mailto:a@b.example",
                "http://[::1]:8080/",
            ],
            [
                "/relative/path",
                "http://exa mple.com",
                "1http://x",
                "https://x/%zz",
                "http://x/<>",
                "https://x.example\n",
            ],
        ),
        (is_uri_reference, ["/api/v1/executions/1", "?q=1", "https://x.example"], ["a b", "a:b:/c%", "/a\n"]),
    ],
)
def test_formats(check, valid: list[str], invalid: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert [v for v in valid if not check(v)] == []
    assert [v for v in invalid if check(v)] == []


@given(st.emails())
def test_every_generated_email_is_accepted(email: str) -> None:
    assert is_email(email)


@given(st.uuids())
def test_every_generated_uuid_is_accepted(value: object) -> None:
    assert is_uuid(str(value))


@given(st.datetimes(timezones=st.just(UTC)))
def test_every_generated_timestamp_is_accepted(moment: object) -> None:
    assert is_date_time(moment.isoformat())  # type: ignore[attr-defined]


@given(urls())
def test_every_generated_url_is_accepted(url: str) -> None:
    assert is_uri(url)


def test_patterns_use_the_ecma_dialect() -> None:
    cron = ecma_pattern(r"^\S+( \S+){4,5}$")
    assert cron.search("0 2 * * *")
    assert cron.search("a\x1db c d e f")  # U+001D is not white space in ECMA 262 (it is for Python's \s)
    assert not cron.search("a\u3000b c d e f")  # U+3000 is, in both
    slug = ecma_pattern(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
    assert slug.search("acme-customer")
    assert not slug.search("acme\n")  # Python's $ would match before the newline
    assert not ecma_pattern(r"^\d+$").search("٣")  # ECMA \d is ASCII only


def test_views_forbid_read_only_in_requests_and_write_only_in_responses() -> None:
    schema = {
        "type": "object",
        "required": ["id", "value"],
        "properties": {"id": {"type": "string", "readOnly": True}, "value": {"type": "string", "writeOnly": True}},
    }
    request, response = make_validator(request_view(schema)), make_validator(response_view(schema))
    assert request.is_valid({"value": "x"})
    assert not request.is_valid({"value": "x", "id": "1"})
    assert response.is_valid({"id": "1"})
    assert not response.is_valid({"id": "1", "value": "x"})


def test_details_name_each_field() -> None:
    validator = make_validator(
        {
            "type": "object",
            "additionalProperties": False,
            "required": ["a", "b"],
            "properties": {"a": {"type": "string", "maxLength": 2}, "b": {"type": "integer"}},
        }
    )
    details = error_details(validator.iter_errors({"a": "long", "z": 1}))
    assert sorted((d["field"], d["code"]) for d in details) == [
        ("/a", "maxLength"),
        ("/b", "required"),
        ("/z", "additionalProperties"),
    ]
    assert error_details(validator.iter_errors({"a": 1, "b": 1}), prefix="query.a")[0]["field"] == "query.a"


def test_details_are_clipped_to_the_spec_s_limits() -> None:
    validator = make_validator({"type": "array", "items": {"type": "string", "maxLength": 1}})
    details = error_details(validator.iter_errors(["x" * 5000] * 300))
    assert len(details) == 100
    assert all(len(d["message"]) <= 1000 for d in details)
