from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ChatReply")


@_attrs_define
class ChatReply:
    """The AI agent's answer.

    Attributes:
        session_id (UUID): Conversation to continue with the next message.
        message_id (UUID): Identifier of this reply.
        reply (str): The answer.
        created_at (datetime.datetime): When the resource was created (RFC 3339, UTC).
    """

    session_id: UUID
    message_id: UUID
    reply: str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        session_id = str(self.session_id)

        message_id = str(self.message_id)

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
        d = dict(src_dict)
        session_id = UUID(d.pop("sessionId"))

        message_id = UUID(d.pop("messageId"))

        reply = d.pop("reply")

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        chat_reply = cls(
            session_id=session_id,
            message_id=message_id,
            reply=reply,
            created_at=created_at,
        )

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
