"""The fuzz corpus (tests/fuzz_corpus.py) through the Python entry points: SoftmaxState's
setters, the link's language, and the `python app.py` command line."""

from __future__ import annotations

import contextlib
import io
import math
import subprocess
import sys
from pathlib import Path

import pytest

from components.model.state import BOOK_Z_LIMIT, MAX_K, MIN_K, TAU_MAX, TAU_MIN, WIDE_Z_LIMIT, SoftmaxState
from components.serving import cli, server
from components.words.i18n import LANGUAGES, choose_language
from tests.fuzz_corpus import BAD_COMMAND_LINES, LANGS, NUMBERS, expected, is_safe

ROOT = Path(__file__).resolve().parents[1]
# Python also receives numbers as floats (from the browser, from a notebook): the same readings.
AS_FLOATS = [(value, value if math.isfinite(value) else None)
             for value in (math.nan, math.inf, -math.inf, -0.0, 1e308, -1e308, 1e-320)]
# A whole number beyond the largest float (a notebook's 10**400): too large, like the text "1e400".
AS_FLOATS += [(10**400, math.inf), (-(10**400), -math.inf)]
NON_NUMBERS = [None, [], [1.0], {}, object(), True, False, 1j]


def assert_notice(state: SoftmaxState, before: int, changed: bool) -> None:
    """A message was added when the value was changed, and only then; it is readable text."""
    added = state.notices[before:]
    if changed:
        assert len(added) == 1 and added[0].strip()
    else:
        assert added == []


@pytest.mark.parametrize(("given", "reading"), [*NUMBERS, *AS_FLOATS])
def test_every_setter_makes_a_safe_value_and_says_when_it_changed_it(given, reading):
    for limit in (BOOK_Z_LIMIT, WIDE_Z_LIMIT):
        state = SoftmaxState()
        state.set_z_limit(limit)
        before, fallback = len(state.notices), state.z[2]
        state.set_z(2, given)
        want, changed = expected(reading, -limit, limit, 0.0)
        assert state.z[2] == want and is_safe(state.z[2], -limit, limit)
        assert math.copysign(1, state.z[2]) == 1 or state.z[2] != 0  # never -0
        assert state.z[:2] == [2.5, -1.0] and fallback == 3.2  # the others untouched
        assert_notice(state, before, changed)

    state = SoftmaxState()
    state.set_tau(given)
    want, changed = expected(reading, TAU_MIN, TAU_MAX, 1.0, positive=True)
    assert state.tau == want and is_safe(state.tau, TAU_MIN, TAU_MAX)
    assert_notice(state, 0, changed)

    state = SoftmaxState()
    state.set_k(given)
    assert isinstance(state.k, int) and MIN_K <= state.k <= MAX_K
    if reading is None:
        assert state.k == 4
    else:
        assert abs(state.k - min(MAX_K, max(MIN_K, reading))) <= 0.5  # the nearest whole number
    assert_notice(state, 0, reading is None or state.k != reading)

    state = SoftmaxState()
    state.set_z_limit(given)
    assert state.z_limit in (BOOK_Z_LIMIT, WIDE_Z_LIMIT)
    assert all(is_safe(v, -state.z_limit, state.z_limit) for v in state.z)
    outputs = state.softmax_outputs
    assert all(math.isfinite(a) for a in outputs) and abs(sum(outputs) - 1) < 1e-12


@pytest.mark.parametrize("given", NON_NUMBERS, ids=repr)
def test_setters_refuse_what_is_not_a_number_at_all(given):
    state = SoftmaxState()
    state.set_z(0, given)
    state.set_tau(given)
    state.set_k(given)
    state.set_z_limit(given)
    assert (state.z[0], state.tau, state.k, state.z_limit) == (0.0, 1.0, 4, BOOK_Z_LIMIT)
    assert len(state.notices) == 3 and all(n.strip() for n in state.notices)


def test_many_bad_values_in_a_row_leave_a_working_state():
    state = SoftmaxState()
    for j, (text, _reading) in enumerate(NUMBERS * 3):
        state.set_z(j % MAX_K, text)
        state.set_tau(text)
        state.set_k(text)
    state.set_k(MAX_K)
    assert all(is_safe(v, -BOOK_Z_LIMIT, BOOK_Z_LIMIT) for v in state.z)
    outputs = state.softmax_outputs
    assert len(outputs) == MAX_K and abs(sum(outputs) - 1) < 1e-12
    state.set_z(0, -5.0)  # and it still follows good values
    low = state.softmax_outputs[0]
    state.set_z(0, "4,5")
    assert state.z[0] == 4.5 and state.softmax_outputs[0] > low


@pytest.mark.parametrize("lang", [*LANGS, *(text for text, _ in NUMBERS), None, 3, ["en"]], ids=repr)
def test_a_link_language_is_always_one_the_app_speaks(lang):
    assert choose_language(lang) in LANGUAGES


def run_main(argv: list[str]) -> tuple[int, str]:
    """`python app.py ARGS` in this process: its exit status and what it wrote to stderr."""
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        try:
            status = cli.main(argv)
        except SystemExit as exit_:  # argparse refuses with exit status 2
            status = exit_.code
    return status, err.getvalue()


@pytest.mark.parametrize("argv", BAD_COMMAND_LINES, ids=lambda argv: " ".join(argv)[:40])
def test_bad_command_lines_are_refused_with_a_message(argv, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # a relative file name that slipped through would land here
    if argv == ["serve", "--port", "abc"]:  # the port comes from the environment; the flag is unknown
        monkeypatch.setenv("SOFTMAX_LAB_PORT", "abc")
    status, err = run_main(argv)
    assert status == 2
    assert err.strip() and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("value", ["abc", "", "nan", "-1", "1e308", "0x10", "<b>x</b>", "x" * 300])
def test_bad_server_settings_stop_the_server_with_a_message(value, monkeypatch):
    monkeypatch.setenv("SOFTMAX_LAB_PORT", "0" if value == "" else value)
    monkeypatch.setenv("SOFTMAX_LAB_SESSION_LIFETIME_MS", value)
    monkeypatch.setattr(server, "serve", lambda settings: pytest.fail("served with bad settings"))
    status, err = run_main([])
    assert status == 2 and err.strip() and "Traceback" not in err


def test_bad_command_line_from_a_shell_prints_no_traceback():
    """One real process: what a user at a terminal sees."""
    result = subprocess.run([sys.executable, "app.py", "export", "x" * 300 + ".html"], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and result.stderr.strip()
