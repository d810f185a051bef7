"""Which exercise views the page shows, in tab order. One line per view."""

from __future__ import annotations

from components.cross_entropy_view import CrossEntropyView
from components.inverse_view import InverseView
from components.jacobian_view import JacobianView
from components.nonlocality_view import NonLocalityView
from components.sweep_view import SweepView
from components.temperature_view import TemperatureView

EXERCISE_VIEWS: tuple[type, ...] = (
    NonLocalityView,
    JacobianView,
    TemperatureView,
    SweepView,
    CrossEntropyView,
    InverseView,
)
