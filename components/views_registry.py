"""Which exercise views the page shows, in tab order. One line per view."""

from __future__ import annotations

from components.jacobian_view import JacobianView
from components.nonlocality_view import NonLocalityView

EXERCISE_VIEWS: tuple[type, ...] = (
    NonLocalityView,
    JacobianView,
)
