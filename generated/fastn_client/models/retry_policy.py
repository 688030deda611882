from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="RetryPolicy")
# from_dict() makes a RetryPolicy the way its attrs __init__ does, without calling it.
_new = object.__new__


@_attrs_define
class RetryPolicy:
    """How failed steps are retried. Defaults are those of the Fastn docs.

    Attributes:
        max_attempts (int | Unset): Attempts in all, the first included. Default: 3.
        initial_interval_ms (int | Unset): Delay before the first retry. Default: 5000.
        backoff_coefficient (float | Unset): Multiplier applied to the delay after each retry. Default: 2.0.
        max_interval_ms (int | Unset): Upper bound of the delay. Default: 60000.
    """

    max_attempts: int | Unset = 3
    initial_interval_ms: int | Unset = 5000
    backoff_coefficient: float | Unset = 2.0
    max_interval_ms: int | Unset = 60000

    def to_dict(self) -> dict[str, Any]:
        max_attempts = self.max_attempts

        initial_interval_ms = self.initial_interval_ms

        backoff_coefficient = self.backoff_coefficient

        max_interval_ms = self.max_interval_ms

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if max_attempts is not UNSET:
            field_dict["maxAttempts"] = max_attempts
        if initial_interval_ms is not UNSET:
            field_dict["initialIntervalMs"] = initial_interval_ms
        if backoff_coefficient is not UNSET:
            field_dict["backoffCoefficient"] = backoff_coefficient
        if max_interval_ms is not UNSET:
            field_dict["maxIntervalMs"] = max_interval_ms

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict:
            src_dict = dict(src_dict)
        max_attempts = src_dict.get("maxAttempts", UNSET)

        initial_interval_ms = src_dict.get("initialIntervalMs", UNSET)

        backoff_coefficient = src_dict.get("backoffCoefficient", UNSET)

        max_interval_ms = src_dict.get("maxIntervalMs", UNSET)

        if cls is RetryPolicy:
            _made = _new(cls)
            _made.max_attempts = max_attempts
            _made.initial_interval_ms = initial_interval_ms
            _made.backoff_coefficient = backoff_coefficient
            _made.max_interval_ms = max_interval_ms
            retry_policy = _made
        else:
            retry_policy = cls(
                max_attempts,
                initial_interval_ms,
                backoff_coefficient,
                max_interval_ms,
            )

        return retry_policy
