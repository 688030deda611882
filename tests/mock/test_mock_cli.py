"""``python -m fastn_mock``: flags and variables reach the app and uvicorn, no key is printed, bad setups exit 2."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fastn_mock import DEFAULT_API_KEY, DEFAULT_SPACE_ID, MockApp
from fastn_mock import __main__ as cli


def test_defaults(served: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([]) == 0
    assert (served["host"], served["port"]) == ("127.0.0.1", 4010)
    out = capsys.readouterr().out
    assert "x-fastn-api-key: the built-in owner key (see --help)" in out
    assert DEFAULT_SPACE_ID in out
    assert "47 operations" in out
    assert served["app"].config.rate_limit == 600
    assert (served["timeout_keep_alive"], served["limit_concurrency"]) == (5, 256)
    assert served["http"].header_timeout == 10


def test_the_start_up_banner_never_prints_a_key(
    served: dict[str, Any], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Not even a few characters: with the prefix listApiKeys shows, they would rebuild a short key.
    assert cli.main([]) == 0
    out = capsys.readouterr().out
    assert "fsk" not in out  # no key is shown, not even its beginning
    monkeypatch.setenv("FASTN_API_KEY", "fsk_live_0123456789abcdef")
    assert cli.main([]) == 0
    out = capsys.readouterr().out
    assert "x-fastn-api-key: $FASTN_API_KEY   " in out
    assert "cdef" not in out and "fsk_live" not in out


def test_help_lists_the_built_in_test_keys(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    assert f"{DEFAULT_API_KEY} ({DEFAULT_SPACE_ID}, owner)" in capsys.readouterr().out.replace("\n", " ")


def test_connection_limits_come_from_flags_and_variables(
    served: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MOCK_HEADER_TIMEOUT", "3")
    monkeypatch.setenv("MOCK_MAX_CONNECTIONS", "0")
    assert cli.main(["--body-timeout", "2.5", "--keep-alive-timeout", "7"]) == 0
    config = served["app"].config
    assert (config.header_timeout, config.body_timeout, config.keep_alive_timeout) == (3.0, 2.5, 7)
    assert (served["http"].header_timeout, served["timeout_keep_alive"], served["limit_concurrency"]) == (3.0, 7, None)


def test_environment_and_flags(
    served: dict[str, Any], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MOCK_PORT", "4999")
    monkeypatch.setenv("FASTN_API_KEY", "fsk_live_mine")
    monkeypatch.setenv("FASTN_SPACE_ID", "11111111-2222-4333-8444-555555555555")
    script = json.dumps([{"path": "/api/v1/customers", "status": 503, "count": 2}])
    args = ["--rate-limit", "0", "--fault-rate", "0.1", "--fault-statuses", "500", "--fault-script", script]
    assert cli.main(args) == 0
    app: MockApp = served["app"]
    assert served["port"] == 4999
    assert app.config.rate_limit == 0
    assert (app.config.faults.error_rate, app.config.faults.error_statuses) == (0.1, (500,))
    assert app.config.faults.script[0].count == 2
    out = capsys.readouterr().out
    assert "fsk_live_mine" not in out
    assert "rate limit off" in out


def test_a_missing_spec_exits_2(served: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--spec", str(tmp_path / "nope.yaml")]) == 2
    assert "cannot start" in capsys.readouterr().err
    assert "app" not in served


def test_bad_fault_flags_exit_2(served: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--fault-rate", "3"]) == 2
    assert "cannot start" in capsys.readouterr().err


def test_a_non_positive_timeout_exits_2(served: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--body-timeout", "0"]) == 2
    assert "body_timeout must be a positive number" in capsys.readouterr().err
    assert "app" not in served
