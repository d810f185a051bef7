"""Outside input becomes a safe value and a message, never an exception."""

from __future__ import annotations

import math

import pytest

from components.model.state import BOOK_Z, TAU_MAX, TAU_MIN, Z_MAX, Z_MIN, SoftmaxState


@pytest.mark.parametrize(("typed", "expected", "noticed"), [
    ("1.5", 1.5, False), (2, 2.0, False), (-0.0, 0.0, False),
    (12, Z_MAX, True), (-1e308, Z_MIN, True), ("1e308", Z_MAX, True),
])
def test_z_is_clamped_into_the_slider_range(typed, expected, noticed):
    state = SoftmaxState()
    state.set_z(3, typed)
    assert state.z[3] == expected
    assert math.copysign(1, state.z[3]) == 1 or expected < 0  # never a -0.0 on screen
    assert bool(state.notices) == noticed


@pytest.mark.parametrize("typed", ["abc", "", None, "nan", float("nan"), float("inf"), "-inf", True])
def test_z_that_is_not_a_number_becomes_zero_with_a_notice(typed):
    state = SoftmaxState()
    state.set_z(0, typed)
    assert state.z[0] == 0.0
    assert "not a finite number" in state.notices[-1]


@pytest.mark.parametrize(("typed", "expected"), [
    (0.5, 0.5), ("2", 2.0), (1e-9, TAU_MIN), (1e308, TAU_MAX), (0, 1.0), (-3, 1.0), ("x", 1.0),
])
def test_tau_is_positive_and_clamped(typed, expected):
    state = SoftmaxState()
    state.set_tau(typed)
    assert state.tau == expected


def test_reset_returns_to_the_book_and_outputs_follow_state():
    state = SoftmaxState()
    state.set_z(3, 5)
    state.set_tau(0.1)
    assert state.softmax_outputs[3] > 0.5
    state.reset()
    assert state.active_z == list(BOOK_Z) and state.tau == 1.0 and state.notices == []
    assert [round(v, 3) for v in state.softmax_outputs] == [0.315, 0.009, 0.633, 0.043]


def test_two_states_do_not_share_their_lists():
    first, second = SoftmaxState(), SoftmaxState()
    first.set_z(0, -4)
    assert second.z[0] == BOOK_Z[0]


@pytest.mark.parametrize(("typed", "expected", "noticed"), [
    (4, 4, False), ("7", 7, False), (1, 2, True), (99, 10, True), ("x", 4, True),
    (2.5, 3, True), (3.5, 4, True),  # halves round up, as the browser rounds a link's ?K=
])
def test_number_of_outputs_is_a_whole_number_from_2_to_10(typed, expected, noticed):
    state = SoftmaxState()
    state.set_k(typed)
    assert state.k == expected and len(state.active_z) == expected
    assert len(state.softmax_outputs) == expected
    assert bool(state.notices) == noticed


def test_narrowing_the_range_clamps_inputs_into_it():
    state = SoftmaxState()
    state.set_z_limit(1000)
    state.set_z(0, 999)
    assert state.z[0] == 999
    state.set_z_limit(5)
    assert state.z[0] == 5.0
    state.set_z(1, -999)
    assert state.z[1] == -5.0 and state.notices


def test_narrowing_the_range_says_which_inputs_it_moved():
    """As the page's notice does (tests/browser/test_controls.py): which z, from what to what."""
    state = SoftmaxState()
    state.set_z_limit(1000)
    state.set_z(0, 999.5)
    state.set_z(3, -7.25)
    state.set_z_limit(1000)  # widening, or no change: nothing moved, nothing said
    assert state.notices == []
    state.set_z_limit(5)
    assert state.z[:4] == [5.0, -1.0, 3.2, -5.0]
    assert state.notices == [
        "The range is now −5 to 5, so the values outside it were moved to its nearest end: "
        "z1 999.5 → 5, z4 −7.25 → −5."]
    state.set_z_limit(5)
    assert len(state.notices) == 1
    chinese = SoftmaxState(lang="zh-Hant")
    chinese.set_z_limit(1000)
    chinese.set_z(1, 12)
    chinese.set_z_limit(5)
    assert chinese.notices == ["範圍現在是 −5 到 5，因此超出範圍的值已移到最近的端點：z2 12 → 5。"]


@pytest.mark.parametrize(("typed", "expected"), [
    ("−2", -2.0), ("−2,5", -2.5), ("1e−3", 0.001), ("−1E−2", -0.01), ("−0", 0.0),
])
def test_the_unicode_minus_is_a_minus_sign(typed, expected):
    """Issue 19 item 9: U+2212, which the page itself prints, is read as the browser reads it."""
    state = SoftmaxState()
    state.set_z(0, typed)
    assert state.z[0] == expected and math.copysign(1, state.z[0]) == math.copysign(1, expected or 1)
    assert state.notices == []


@pytest.mark.parametrize(("typed", "z", "tau", "k"), [
    ("1e400", Z_MAX, TAU_MAX, 10), ("9" * 5000, Z_MAX, TAU_MAX, 10), ("-1e309", Z_MIN, 1.0, 2),
    ("−1e400", Z_MIN, 1.0, 2),
])
def test_a_number_too_large_for_a_float_is_clamped_and_called_too_large(typed, z, tau, k):
    """Issue 19 item 10: 1e400 is a number, too large, not "not a number": the nearest bound is used."""
    state = SoftmaxState()
    state.set_z(0, typed)
    state.set_tau(typed)
    state.set_k(typed)
    assert (state.z[0], state.tau, state.k) == (z, tau, k)
    z_notice, tau_notice, k_notice = state.notices
    assert "too large" in z_notice and f"so {z:g} is used" in z_notice
    assert ("too large" in tau_notice) == (tau == TAU_MAX) and "too large" in k_notice
    # Quoted as typed, and shortened as the browser shortens it.
    assert all(typed[:40] in notice and (len(typed) <= 40 or typed[:41] not in notice)
               for notice in state.notices)
    chinese = SoftmaxState(lang="zh-Hant")
    chinese.set_z(0, typed)
    assert "太大" in chinese.notices[0]


def test_refused_text_is_quoted_as_typed():
    """Issue 19 item 10: "3,2,1" is quoted back as typed, not as "3.2,1"."""
    state = SoftmaxState()
    state.set_z(0, "3,2,1")
    assert state.z[0] == 0.0 and "'3,2,1'" in state.notices[0]
