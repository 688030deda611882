from typing import Literal

QuotaPeriod = Literal["day", "minute", "month"]

QUOTA_PERIOD_VALUES: set[QuotaPeriod] = {
    "day",
    "minute",
    "month",
}


def check_quota_period(value: str) -> QuotaPeriod:
    if value in QUOTA_PERIOD_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {QUOTA_PERIOD_VALUES!r}")
