"""Contains all the data models used in inputs/outputs"""

from .color import Color
from .error import Error
from .widget import Widget
from .widget_create import WidgetCreate
from .widget_list import WidgetList

__all__ = (
    "Color",
    "Error",
    "Widget",
    "WidgetCreate",
    "WidgetList",
)
