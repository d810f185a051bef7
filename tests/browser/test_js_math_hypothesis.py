"""The JS twin of the math (static/js/lib/softmax_math.js, run in Chromium) on hypothesis-generated cases,
the same strategies as tests/test_math.py uses for numpy: |z/tau| up to 1e6 and beyond, any
finite input. Each example is evaluated in one module-scoped page and compared with numpy
(components/model/softmax_math.py): no NaN or inf, sums to 1 within 1e-12, shift invariance, agreement.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from components.browser.browser_js import MATH_JS_SOURCE
from components.model import softmax_math as sm
from tests.browser.conftest import page_with_script
from tests.browser.test_js_math import EVALUATE_ALL, assert_agree
from tests.test_math import any_finite, temperatures, vectors

# One page (a module-scoped fixture) serves every example; ~120 examples a test keep it ~10 s.
SHARED_PAGE = settings(max_examples=120, deadline=None)


@pytest.fixture(scope="module")
def js_math(browser):
    with page_with_script(browser, MATH_JS_SOURCE) as page:
        yield page


@SHARED_PAGE
@given(vectors, temperatures)
def test_js_agrees_with_numpy_on_generated_vectors(js_math, z, tau):
    """|z| up to 1e6 and tau from 1e-3: |z/tau| up to 1e9; every function of the JS twin."""
    got = js_math.evaluate(EVALUATE_ALL, [{"z": z, "tau": tau}])[0]
    assert_agree({"z": z, "tau": tau}, got)
    a = np.asarray(got["softmax"])
    assert np.all(np.isfinite(a)) and np.all(a >= 0) and abs(a.sum() - 1) <= 1e-12


@SHARED_PAGE
@given(st.lists(any_finite, min_size=1, max_size=12), st.floats(min_value=1e-300, max_value=1e300))
def test_js_softmax_is_a_distribution_for_any_finite_input(js_math, z, tau):
    a = np.asarray(js_math.evaluate("([z, tau]) => SoftmaxMath.softmax(z, tau)", [z, tau]))
    assert np.all(np.isfinite(a)) and np.all(a >= 0)
    assert abs(a.sum() - 1) <= 1e-12
    assert a[int(np.argmax(z))] == a.max()
    np.testing.assert_allclose(a, sm.softmax(z, tau), rtol=1e-12, atol=1e-300)


@SHARED_PAGE
@given(vectors, st.floats(min_value=-1e3, max_value=1e3), temperatures)
def test_js_softmax_is_invariant_to_adding_a_constant(js_math, z, shift, tau):
    shifted = [v + shift for v in z]
    a, b = js_math.evaluate("([z, s, tau]) => [SoftmaxMath.softmax(z, tau), SoftmaxMath.softmax(s, tau)]",
                            [z, shifted, tau])
    np.testing.assert_allclose(b, a, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(b, sm.softmax(shifted, tau), rtol=1e-12, atol=1e-300)
