from typing import Literal

DataResidency = Literal["APAC", "EU", "US"]

DATA_RESIDENCY_VALUES: set[DataResidency] = {
    "APAC",
    "EU",
    "US",
}


def check_data_residency(value: str) -> DataResidency:
    if value in DATA_RESIDENCY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DATA_RESIDENCY_VALUES!r}")
