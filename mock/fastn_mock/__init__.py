"""A stateful mock of the Fastn API, driven by ``openapi/fastn.yaml``.

Run it with ``python -m fastn_mock`` (see ``mock/README.md``), or use it in-process::

    import httpx
    from fastn_mock import DEFAULT_API_KEY, create_app

    app = create_app()
    client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://mock")
    await client.get("/api/v1/customers", headers={"x-fastn-api-key": DEFAULT_API_KEY})

The public surface is this module's ``__all__``; everything in the ``_``-modules is internal.
"""

from fastn_spec import SpecError

from ._app import MockApp, create_app
from ._clock import Clock, ManualClock, SystemClock
from ._config import DEFAULT_PORT, DEFAULT_RATE_LIMIT, MockConfig, default_spec_path
from ._deviations import DEVIATIONS
from ._faults import DroppedConnection, FaultSettings, ScriptedFault
from ._server import uvicorn_config
from ._store import (
    DEFAULT_API_KEY,
    DEFAULT_SPACE_ID,
    OTHER_API_KEY,
    OTHER_SPACE_ID,
    VIEWER_API_KEY,
    KeySeed,
)

__all__ = [
    "DEFAULT_API_KEY",
    "DEFAULT_PORT",
    "DEFAULT_RATE_LIMIT",
    "DEFAULT_SPACE_ID",
    "DEVIATIONS",
    "OTHER_API_KEY",
    "OTHER_SPACE_ID",
    "VIEWER_API_KEY",
    "Clock",
    "DroppedConnection",
    "FaultSettings",
    "KeySeed",
    "ManualClock",
    "MockApp",
    "MockConfig",
    "ScriptedFault",
    "SpecError",
    "SystemClock",
    "create_app",
    "default_spec_path",
    "uvicorn_config",
]
