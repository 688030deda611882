from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..lib.fast_parsing import parse_datetime

T = TypeVar("T", bound="ChatReply")
# from_dict() makes a ChatReply the way its attrs __init__ does, without calling it.
_new = object.__new__

# The JSON keys of ChatReply's fields: from_dict() puts any other key in additional_properties.
_FIELD_KEYS = frozenset(
    {
        "sessionId",
        "messageId",
        "reply",
        "createdAt",
    }
)


@_attrs_define
class ChatReply:
    """The AI agent's answer.

    Attributes:
        session_id (str): Conversation to continue with the next message.
        message_id (str): Identifier of this reply.
        reply (str): The answer.
        created_at (datetime.datetime): When the resource was created (RFC 3339, UTC).
    """

    session_id: str
    message_id: str
    reply: str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        session_id = self.session_id

        message_id = self.message_id

        reply = self.reply

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sessionId": session_id,
                "messageId": message_id,
                "reply": reply,
                "createdAt": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict:
            src_dict = dict(src_dict)
        session_id = src_dict["sessionId"]

        message_id = src_dict["messageId"]

        reply = src_dict["reply"]

        created_at = parse_datetime(src_dict["createdAt"])

        if cls is ChatReply:
            _made = _new(cls)
            _made.session_id = session_id
            _made.message_id = message_id
            _made.reply = reply
            _made.created_at = created_at
            _made.additional_properties = {}
            chat_reply = _made
        else:
            chat_reply = cls(
                session_id,
                message_id,
                reply,
                created_at,
            )

        if len(src_dict) > 4:
            d = {k: v for k, v in src_dict.items() if k not in _FIELD_KEYS}
            chat_reply.additional_properties = d

        return chat_reply

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
