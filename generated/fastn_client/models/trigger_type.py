from typing import Literal

TriggerType = Literal["cron", "event", "manual", "webhook"]

TRIGGER_TYPE_VALUES: set[TriggerType] = {
    "cron",
    "event",
    "manual",
    "webhook",
}


def check_trigger_type(value: str) -> TriggerType:
    if value in TRIGGER_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TRIGGER_TYPE_VALUES!r}")
