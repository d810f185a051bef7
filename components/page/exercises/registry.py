"""Which exercise views the page shows, in tab order. One line per view."""

from __future__ import annotations

from .base import ExerciseView
from .cross_entropy_view import CrossEntropyView
from .inverse_view import InverseView
from .jacobian_view import JacobianView
from .nonlocality_view import NonLocalityView
from .sampling_view import SamplingView
from .sweep_view import SweepView
from .temperature_view import TemperatureView

EXERCISE_VIEWS: tuple[type[ExerciseView], ...] = (
    NonLocalityView,
    JacobianView,
    TemperatureView,
    SweepView,
    CrossEntropyView,
    InverseView,
    SamplingView,
)
