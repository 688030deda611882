"""The error generated endpoint modules raise for an undocumented status (``errors.UnexpectedStatus``).

It is defined with every other exception of the client in ``fastn_client.lib.errors``; this
module only gives it the name the generated code uses.
"""

from .lib.errors import UnexpectedStatus

__all__ = ["UnexpectedStatus"]
