from typing import Literal

TriggerType = Literal["app_event", "manual", "schedule", "webhook"]

TRIGGER_TYPE_VALUES: set[TriggerType] = {
    "app_event",
    "manual",
    "schedule",
    "webhook",
}


def check_trigger_type(value: str) -> TriggerType:
    if value in TRIGGER_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TRIGGER_TYPE_VALUES!r}")
