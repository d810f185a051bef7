"""The spec a view's control carries into the link (components/page/link_params.py)."""

import pytest
from bokeh.models import Select, Spinner

from components.page.link_params import link_spec, link_widgets, spec_of


def test_a_spec_round_trips_through_the_tag():
    spinner = Spinner(value=7, tags=[link_spec("sampling", "seed", default=7, low=0, high=99, integer=True)])
    assert link_widgets([spinner, Select()]) == [spinner]
    assert spec_of(spinner) == {"slug": "sampling", "name": "seed", "prop": "value", "kind": "number",
                                "default": 7, "low": 0, "high": 99, "integer": True, "choices": [],
                                "off_at_end": False}


@pytest.mark.parametrize("spec", [{"kind": "number", "low": 0}, {"kind": "choice"}])
def test_a_spec_without_its_bounds_or_choices_is_refused(spec):
    with pytest.raises(ValueError):
        link_spec("sampling", "count", default=1, **spec)
