"""Drags: many changes in one frame update the charts and views once a frame, and the last value
is the one shown (static/js/callbacks/controls/dispatch.js, issue 20 target 3)."""

from __future__ import annotations

import numpy as np
from playwright.sync_api import expect

from components.model import softmax_math as sm
from tests.browser.screen import SETTLED_JS, open_app
from tests.browser.test_view_nonlocality import BOOK_Z, balance, changes

# 20 changes of z₄, each in a task of its own, as fast as a drag's pointer events can come; counts, per frame
# (a requestAnimationFrame counter), the updates of the main chart and of the Non-locality view.
BURST_JS = """async ([count, step]) => {
  const models = [...Bokeh.documents[0].all_models];
  const slider = models.find((m) => (m.css_classes ?? []).includes("z-slider-4"));
  const doc = Bokeh.documents[0];
  let frame = 0;
  let running = true;
  const tick = () => { frame += 1; if (running) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  const updates = {main: [], view: []};
  const watch = (name, into) => doc.get_model_by_name(name).properties.data.change
    .connect(() => into.push(frame));
  watch("softmax-chart-bars", updates.main);
  watch("nonlocality-softmax-bars", updates.view);
  const start = slider.value;
  document.body.dispatchEvent(new PointerEvent("pointerdown", {bubbles: true}));  // a drag
  let changed = null;
  const task = () => new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = resolve;
    channel.port2.postMessage(null);
  });
  for (let i = 1; i <= count; i++) {  // each in a task of its own, as pointer events come
    await task();
    slider.value = Math.round((start + i * step) * 10) / 10;
    changed ??= frame;
  }
  const beforeUp = updates.main.length;
  document.body.dispatchEvent(new PointerEvent("pointerup", {bubbles: true}));
  const frameDone = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  for (let i = 0; i < 5; i++) await frameDone();
  running = false;
  return {updates, last: slider.value, changed, beforeUp};
}"""


def per_frame(frames: list[int]) -> int:
    return max(frames.count(f) for f in set(frames))


def test_twenty_changes_in_a_frame_update_once_a_frame_and_show_the_last(page, served_app):
    page.set_viewport_size({"width": 1280, "height": 2200})  # the tabs on screen: the view updates
    open_app(page, f"{served_app}?z={','.join(map(str, BOOK_Z))}&view=nonlocality")
    page.wait_for_function(SETTLED_JS)
    result = page.evaluate(BURST_JS, [20, 0.1])
    updates = result["updates"]
    assert updates["main"] and updates["view"]
    during = updates["main"][:result["beforeUp"]]  # the drag; pointerup then shows its last value at once
    assert during and per_frame(during) == 1 and per_frame(updates["view"][:len(during)]) == 1
    assert len(updates["main"]) < 20  # coalesced: not one update per change
    final = [*BOOK_Z[:3], result["last"]]
    assert result["last"] == round(BOOK_Z[3] + 2.0, 1)
    bars = page.evaluate("() => Array.from(Bokeh.documents[0]"
                         ".get_model_by_name('softmax-chart-bars').data.value)")
    np.testing.assert_allclose(bars, sm.softmax(final), atol=1e-12)
    expect(page.locator(".z-input-4 input")).to_have_value(f"{result['last']:.1f}")
    # One movement of z₄, from the values before the burst: nothing of it lost to coalescing.
    da = sm.softmax(final) - sm.softmax(BOOK_Z)
    np.testing.assert_allclose(np.subtract(*(np.array(changes(page, "nonlocality-softmax-bars")[k])
                                             for k in ("value", "base"))), da, atol=1e-12)
    assert balance(page)["moved-change"] == round(da[3], 3)


def test_a_single_change_is_applied_in_its_own_frame(page, served_app):
    """The first change after a painted frame runs at once: coalescing adds no latency to a key press."""
    open_app(page, served_app)
    main_only = BURST_JS.replace('"nonlocality-softmax-bars"', '"softmax-chart-bars"')  # no tab shown
    result = page.evaluate(main_only, [1, 0.1])
    assert result["updates"]["main"] == [result["changed"]]  # once, in the frame of the change
