"""Next-token decoding (components/model/decoding.py): the exact rules, mpmath, and hypothesis properties."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from components.model import decoding
from components.model import softmax_math as sm
from tests import reference

BOOK_Z = [2.5, -1.0, 3.2, 0.5]

logits = st.lists(st.floats(min_value=-1e3, max_value=1e3), min_size=1, max_size=10)
# Few distinct values: ties are common, which is where the rules matter.
tied_logits = st.lists(st.sampled_from([-2.0, 0.0, 0.5, 1.0, 3.0]), min_size=1, max_size=10)
temperatures = st.floats(min_value=0.05, max_value=20)
fractions = st.floats(min_value=0, max_value=1)
top_ks = st.one_of(st.none(), st.integers(min_value=1, max_value=12))


def test_every_stage_on_the_book_vector():
    got = decoding.decode(BOOK_Z, 0.7, top_k=3, top_p=0.9, min_p=0.05)
    np.testing.assert_allclose(got.scaled, np.array(BOOK_Z) / 0.7, rtol=1e-15)
    np.testing.assert_allclose(got.probabilities, sm.softmax(BOOK_Z, 0.7), rtol=1e-15)
    assert got.order.tolist() == [2, 0, 3, 1]
    assert got.kept_top_k.tolist() == [True, False, True, True]  # z_1 = -1 is the 4th
    # Over the three kept: a = (0.264, 0.719, 0.0152) / 0.998: 0.720 + 0.265 >= 0.9 keeps two.
    assert got.kept_top_p.tolist() == [True, False, True, False]
    assert got.kept.tolist() == [True, False, True, False]
    assert got.cut_by == (None, "top-k", None, "top-p")
    np.testing.assert_allclose(got.final, reference.softmax([2.5, -1000.0, 3.2, -1000.0], 0.7)
                               * np.array([1, 0, 1, 0]), rtol=1e-14, atol=1e-300)


def test_min_p_cuts_below_its_ratio_of_the_most_likely():
    a = sm.softmax(BOOK_Z)  # (0.315, 0.009, 0.633, 0.043)
    got = decoding.decode(BOOK_Z, min_p=0.05)  # threshold 0.0317
    assert got.kept.tolist() == [True, False, True, True]
    assert got.cut_by == (None, "min-p", None, None)
    assert np.all(a[got.kept] >= 0.05 * a.max())


def test_ties_go_to_the_lower_index():
    z = [1.0, 3.0, 3.0, 1.0, 3.0]
    assert decoding.likelihood_order(z).tolist() == [1, 2, 4, 0, 3]
    assert decoding.decode(z, top_k=2).kept.tolist() == [False, True, True, False, False]
    assert decoding.decode([0.0] * 4, top_p=0.5).kept.tolist() == [True, True, False, False]
    assert decoding.greedy(z) == 1
    # min-p = 1 keeps every token tied for the top, and only those.
    assert decoding.decode(z, min_p=1.0).kept.tolist() == [False, True, True, False, True]


def test_stages_that_are_off_keep_everything():
    for kwargs in ({}, {"top_k": None}, {"top_k": 4}, {"top_k": 99}, {"top_p": 1.0}, {"min_p": 0.0}):
        got = decoding.decode(BOOK_Z, **kwargs)
        assert got.kept.all() and got.cut_by == (None,) * 4
        np.testing.assert_allclose(got.final, sm.softmax(BOOK_Z), rtol=1e-15)


def test_top_p_zero_keeps_the_most_likely_token_only():
    assert decoding.decode(BOOK_Z, top_p=0.0).kept.tolist() == [False, False, True, False]


def test_low_tau_and_large_logits_stay_finite_and_one_hot():
    for z in ([1000.0, -1000.0, 0.0, 999.0], [1e308, -1e308, 0.0]):
        got = decoding.decode(z, 0.05, top_p=0.9, min_p=0.1)
        assert got.kept.tolist() == [True] + [False] * (len(z) - 1)
        assert got.final.tolist() == [1.0] + [0.0] * (len(z) - 1)
        assert np.all(np.isfinite(got.scaled))
    # Ties of logits underflowed to a = 0 are still ordered by logit: top-k 2 keeps the second logit.
    got = decoding.decode([1000.0, -1000.0, 0.0], 0.05, top_k=2)
    assert got.probabilities[1:].tolist() == [0.0, 0.0] and got.kept.tolist() == [True, False, True]


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"top_k": 0}, "top-k"), ({"top_k": 1.5}, "top-k"), ({"top_k": True}, "top-k"),
    ({"top_p": 1.5}, "top-p"), ({"top_p": -0.1}, "top-p"), ({"top_p": np.nan}, "top-p"),
    ({"min_p": 2.0}, "min-p"), ({"min_p": np.inf}, "min-p"), ({"tau": 0.0}, "tau"),
])
def test_bad_controls_are_refused_with_a_message(kwargs, message):
    with pytest.raises(ValueError, match=message):
        decoding.decode(BOOK_Z, **kwargs)


@settings(max_examples=300, deadline=None)
@given(st.one_of(logits, tied_logits), temperatures, top_ks, fractions, fractions)
def test_kept_set_is_non_empty_and_final_is_a_distribution_proportional_to_a(z, tau, top_k, top_p, min_p):
    got = decoding.decode(z, tau, top_k, top_p, min_p)
    assert got.kept.any() and got.kept[decoding.greedy(z)]  # the most likely token always survives
    assert np.all(np.isfinite(got.final)) and np.all(got.final >= 0)
    assert abs(got.final.sum() - 1) <= 1e-12
    assert np.all(got.final[~got.kept] == 0)
    # The final distribution is softmax over the kept tokens (mpmath, 60 digits).
    kept = np.flatnonzero(got.kept)
    np.testing.assert_allclose(got.final[kept], reference.softmax(np.asarray(z)[kept].tolist(), tau),
                               rtol=1e-12, atol=1e-300)
    # Stages only ever cut, and each cut token names the first stage that cut it.
    assert np.all(got.kept <= got.kept_top_p) and np.all(got.kept_top_p <= got.kept_top_k)
    for j, why in enumerate(got.cut_by):
        assert (why is None) == bool(got.kept[j])
    assert got.kept_top_k.sum() == min(top_k or len(z), len(z))


@settings(max_examples=300, deadline=None)
@given(st.one_of(logits, tied_logits), temperatures, top_ks, fractions, fractions, fractions)
def test_kept_sets_are_nested_monotone_in_p_min_p_and_k(z, tau, top_k, p1, p2, min_p):
    low, high = sorted((p1, p2))
    small, large = decoding.decode(z, tau, top_k, low, min_p), decoding.decode(z, tau, top_k, high, min_p)
    assert np.all(small.kept_top_p <= large.kept_top_p)
    assert np.all(small.kept <= large.kept)
    fewer, more = decoding.decode(z, tau, top_k, min_p=high), decoding.decode(z, tau, top_k, min_p=low)
    assert np.all(fewer.kept <= more.kept)
    if top_k is not None and top_k > 1:
        assert np.all(decoding.decode(z, tau, top_k - 1).kept <= decoding.decode(z, tau, top_k).kept)


@settings(max_examples=300, deadline=None)
@given(st.one_of(logits, tied_logits), temperatures, fractions)
def test_top_p_keeps_the_smallest_most_likely_set_reaching_p(z, tau, top_p):
    got = decoding.decode(z, tau, top_p=top_p)
    a = got.probabilities
    kept = np.flatnonzero(got.kept_top_p)
    assume(top_p < 1)
    # Most likely: no cut token has a higher logit than a kept one.
    cut = np.flatnonzero(~got.kept_top_p)
    if cut.size:
        assert np.max(np.asarray(z)[cut]) <= np.min(np.asarray(z)[kept])
    # Reaches p, and without its least likely member it would not (to rounding).
    assert a[kept].sum() >= top_p - 1e-12
    least = got.order[kept.size - 1]
    assert a[kept].sum() - a[least] < top_p + 1e-12


@settings(max_examples=200, deadline=None)
@given(st.one_of(logits, tied_logits), temperatures, fractions, fractions)
def test_greedy_equals_argmax(z, tau, top_p, min_p):
    got = decoding.decode(z, tau, top_k=1, top_p=top_p, min_p=min_p)
    assert np.flatnonzero(got.kept).tolist() == [int(np.argmax(z))] == [decoding.greedy(z)]
    assert got.final[int(np.argmax(z))] == 1.0
    # tau at the page's minimum: the greedy token is the most likely, and almost surely drawn once
    # the runner-up is 2 below (a ratio of e^-40, under a float's resolution next to 1).
    lowest = decoding.decode(z, 0.05)
    assert lowest.final[decoding.greedy(z)] == lowest.final.max()
    runner_up = sorted(z)[-2] if len(z) > 1 else -np.inf
    if max(z) - runner_up >= 2:
        assert lowest.final[decoding.greedy(z)] == 1.0
