"""Which exercise views the page shows, in tab order. One line per view."""

from __future__ import annotations

from .bandit_view import BanditView
from .base import ExerciseView
from .cross_entropy_view import CrossEntropyView
from .decoding_view import DecodingView
from .inverse_view import InverseView
from .jacobian_view import JacobianView
from .nonlocality_view import NonLocalityView
from .relatives_view import RelativesView
from .sampling_view import SamplingView
from .sweep_view import SweepView
from .temperature_view import TemperatureView
from .training_view import TrainingView

EXERCISE_VIEWS: tuple[type[ExerciseView], ...] = (
    NonLocalityView,
    JacobianView,
    TemperatureView,
    SweepView,
    CrossEntropyView,
    InverseView,
    SamplingView,
    DecodingView,
    BanditView,
    TrainingView,
    RelativesView,
)
