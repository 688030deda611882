from typing import Literal

BuildKind = Literal["connector", "workflow"]

BUILD_KIND_VALUES: set[BuildKind] = {
    "connector",
    "workflow",
}


def check_build_kind(value: str) -> BuildKind:
    if value in BUILD_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {BUILD_KIND_VALUES!r}")
