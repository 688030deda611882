"""The package's logging switch: ``FASTN_LOG=info`` or ``FASTN_LOG=debug``.

Everything the runtime logs goes to the ``fastn_client`` logger, which, like any library's,
prints nothing until the application configures logging. ``FASTN_LOG`` does that for the
package alone, in the spirit of openai-python's ``OPENAI_LOG``: set it and import
``fastn_client``, and its lines go to standard error::

    [2026-12-01 10:00:00 - fastn_client:142 - INFO] Pacing GET /api/v1/customers: waiting 57.00 s ...

``info`` shows what a caller would notice (a wait over a second, a delete found done by an
earlier attempt); ``debug`` also every retry and pacing decision. Requests are named by method
and path only: never headers, where the key travels, nor the query string.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping

from .constants import LOG_ENV, LOGGER_NAME, LONG_WAIT

__all__ = ["setup_logging", "wait_level"]

_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO}
_FORMAT = "[%(asctime)s - %(name)s:%(lineno)d - %(levelname)s] %(message)s"


class _Handler(logging.StreamHandler):  # type: ignore[type-arg]
    """The handler ``FASTN_LOG`` installs (a class of its own, so it is installed once)."""


def wait_level(delay: float) -> int:
    """The level of a line announcing a wait: INFO when a caller would notice it (over ``LONG_WAIT``), else DEBUG."""
    return logging.INFO if delay > LONG_WAIT else logging.DEBUG


def setup_logging(environ: Mapping[str, str] | None = None) -> None:
    """Apply ``FASTN_LOG`` (from ``environ``, default ``os.environ``); called when ``fastn_client`` is imported.

    An unknown value is reported once, as a warning, and otherwise ignored.
    """
    env = os.environ if environ is None else environ
    value = env.get(LOG_ENV, "").strip().lower()
    if not value:
        return
    logger = logging.getLogger(LOGGER_NAME)
    level = _LEVELS.get(value)
    if level is None:
        logger.warning("%s=%r is not one of %s: ignored", LOG_ENV, value, ", ".join(_LEVELS))
        return
    if not any(isinstance(handler, _Handler) for handler in logger.handlers):
        handler = _Handler(sys.stderr)
        handler.setFormatter(logging.Formatter(_FORMAT, datefmt="%Y-%m-%d %H:%M:%S"))
        logger.addHandler(handler)
    logger.setLevel(level)
