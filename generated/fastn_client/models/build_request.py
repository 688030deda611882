from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.build_kind import BUILD_KIND_VALUES, BuildKind, check_build_kind
from ..types import UNSET, Unset

T = TypeVar("T", bound="BuildRequest")
# from_dict() makes a BuildRequest the way its attrs __init__ does, without calling it.
_new = object.__new__


@_attrs_define
class BuildRequest:
    """What the AI should build.

    Attributes:
        kind (BuildKind): What an AI build produces.
        prompt (str): Plain-language description of the connector or workflow.
        name (str | Unset): Name for the result; generated if omitted.
    """

    kind: BuildKind
    prompt: str
    name: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind: str = self.kind

        prompt = self.prompt

        name = self.name

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "prompt": prompt,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict:
            src_dict = dict(src_dict)
        kind = src_dict["kind"]
        if kind not in BUILD_KIND_VALUES:
            kind = check_build_kind(kind)

        prompt = src_dict["prompt"]

        name = src_dict.get("name", UNSET)

        if cls is BuildRequest:
            _made = _new(cls)
            _made.kind = kind
            _made.prompt = prompt
            _made.name = name
            build_request = _made
        else:
            build_request = cls(
                kind,
                prompt,
                name,
            )

        return build_request
