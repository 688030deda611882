"""``python -m fastn_mock``: flags and variables reach the app, the key is printed, bad setups exit 2."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fastn_mock import DEFAULT_API_KEY, DEFAULT_SPACE_ID, MockApp
from fastn_mock import __main__ as cli


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Captures what would be served instead of starting uvicorn."""
    captured: dict[str, Any] = {}

    def fake_run(app: MockApp, **kwargs: Any) -> None:
        captured["app"] = app
        captured.update(kwargs)

    monkeypatch.setattr("uvicorn.run", fake_run)
    for name in ("MOCK_PORT", "MOCK_RATE_LIMIT", "FASTN_API_KEY", "FASTN_SPACE_ID", "FASTN_SPEC", "MOCK_FAULT_RATE"):
        monkeypatch.delenv(name, raising=False)
    return captured


def test_defaults(served: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([]) == 0
    assert (served["host"], served["port"]) == ("127.0.0.1", 4010)
    out = capsys.readouterr().out
    assert f"x-fastn-api-key: {DEFAULT_API_KEY}" in out
    assert DEFAULT_SPACE_ID in out
    assert "46 operations" in out
    assert served["app"].config.rate_limit == 600


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
    assert "x-fastn-api-key: fsk_live_mine" in out
    assert "rate limit off" in out


def test_a_missing_spec_exits_2(served: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--spec", str(tmp_path / "nope.yaml")]) == 2
    assert "cannot start" in capsys.readouterr().err
    assert "app" not in served


def test_bad_fault_flags_exit_2(served: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--fault-rate", "3"]) == 2
    assert "cannot start" in capsys.readouterr().err
