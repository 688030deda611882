"""Contains all the data models used in inputs/outputs (each module imported when a name of it is first used)"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .color import Color
    from .error import Error
    from .widget import Widget
    from .widget_create import WidgetCreate
    from .widget_list import WidgetList

# Where each name lives: ".customer" for Customer.
_MODULES = {
    "Color": ".color",
    "Error": ".error",
    "Widget": ".widget",
    "WidgetCreate": ".widget_create",
    "WidgetList": ".widget_list",
}


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_MODULES})


__all__ = (
    "Color",
    "Error",
    "Widget",
    "WidgetCreate",
    "WidgetList",
)
