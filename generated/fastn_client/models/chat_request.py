from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ChatRequest")
# from_dict() makes a ChatRequest the way its attrs __init__ does, without calling it.
_new = object.__new__


@_attrs_define
class ChatRequest:
    """A message to the AI agent.

    Attributes:
        message (str): What to ask.
        session_id (str | Unset): Continue this conversation; omit to start one. 422 `VALIDATION_ERROR` if unknown.
    """

    message: str
    session_id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        message = self.message

        session_id = self.session_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "message": message,
            }
        )
        if session_id is not UNSET:
            field_dict["sessionId"] = session_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict:
            src_dict = dict(src_dict)
        message = src_dict["message"]

        session_id = src_dict.get("sessionId", UNSET)

        if cls is ChatRequest:
            _made = _new(cls)
            _made.message = message
            _made.session_id = session_id
            chat_request = _made
        else:
            chat_request = cls(
                message,
                session_id,
            )

        return chat_request
