"""The one exception of the package."""

from __future__ import annotations


class SpecError(Exception):
    """The document cannot be read as this project reads it; the message names the place.

    Places are JSON pointers into the document (``#/paths/~1api~1v1~1customers/get``) or, for
    problems the YAML parser finds, ``<file>: line N``.
    """
