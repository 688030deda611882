from typing import Literal

AuthMethod = Literal["api_key", "basic", "bearer", "custom", "none", "oauth2"]

AUTH_METHOD_VALUES: set[AuthMethod] = {
    "api_key",
    "basic",
    "bearer",
    "custom",
    "none",
    "oauth2",
}


def check_auth_method(value: str) -> AuthMethod:
    if value in AUTH_METHOD_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {AUTH_METHOD_VALUES!r}")
