"""Which exercise views the page shows, in tab order. One line per view."""

from __future__ import annotations

from .cross_entropy_view import CrossEntropyView
from .inverse_view import InverseView
from .jacobian_view import JacobianView
from .nonlocality_view import NonLocalityView
from .sweep_view import SweepView
from .temperature_view import TemperatureView

EXERCISE_VIEWS: tuple[type, ...] = (
    NonLocalityView,
    JacobianView,
    TemperatureView,
    SweepView,
    CrossEntropyView,
    InverseView,
)
