"""Cold start and page weight: softmax-lab (`python app.py` and `panel serve app.py`)
against the naive Panel app (benchmarks/baseline_app.py), and the static export's size.

Per run: start the server process (t = 0), poll /liveness every 10 ms, open the page
in a fresh Chromium context (empty cache: a first visit) and record
  - ready: the server answers /liveness,
  - drawn: Bokeh's document is idle (every root view, so both charts, has painted),
  - interactive: a key press on a z slider has changed the softmax chart's data and
    the next frame has been painted (the slider works; for the baseline that includes
    the server round trip).
Bytes of the first visit come from Chromium's own network events (CDP): per HTTP
request the decoded body and what went over the wire (encodedDataLength: compressed
body + headers); websocket frames by payload, and whether the websocket negotiated
compression. The static export (`python app.py export FILE`) is measured raw and
gzipped; for scale, the baseline saved with Panel's `save(resources="inline")` too.

    .venv/bin/python benchmarks/cold_start.py [--runs 3]

Runs alternate between the apps; medians are reported. Traffic to 127.0.0.1 only.
Prints a table and one JSON line. Not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, free_port  # noqa: E402

PY = sys.executable
TARGETS = {"interactive_s": 1.5, "first_visit_wire_mb": 2.0, "export_mb": 2.0}


def panel_serve(script: str, port: int) -> list[str]:
    return [PY, "-m", "panel", "serve", script, "--address", "127.0.0.1", "--port", str(port),
            "--allow-websocket-origin", f"127.0.0.1:{port}", "--liveness"]


VARIANTS = {
    # name: (command for a port, extra environment, app path)
    "softmax-lab python app.py": (lambda port: [PY, "app.py"], lambda port: {"SOFTMAX_LAB_PORT": str(port)},
                                  "/app"),
    "softmax-lab panel serve": (lambda port: panel_serve("app.py", port), lambda port: {}, "/app"),
    "baseline panel serve": (lambda port: panel_serve("benchmarks/baseline_app.py", port), lambda port: {},
                             "/baseline_app"),
}

HOOK = """() => {
  const source = Bokeh.documents[0].get_model_by_name("softmax-chart-bars");
  source.change.connect(() => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => { window.__painted = performance.now(); };
    channel.port2.postMessage(null);
  }));
}"""


def wait_live(url: str, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except OSError:
            time.sleep(0.01)
    raise TimeoutError(url)


class Traffic:
    """First-visit bytes from Chromium's network events (CDP)."""

    def __init__(self) -> None:
        self.requests: dict[str, dict] = {}
        self.ws_received = 0
        self.ws_sent = 0
        self.ws_frames = 0
        self.ws_extensions = ""

    def attach(self, cdp) -> None:
        cdp.on("Network.responseReceived", self._response)
        cdp.on("Network.dataReceived", self._data)
        cdp.on("Network.loadingFinished", self._finished)
        cdp.on("Network.webSocketHandshakeResponseReceived", self._handshake)
        cdp.on("Network.webSocketFrameReceived", self._frame_in)
        cdp.on("Network.webSocketFrameSent", self._frame_out)
        cdp.send("Network.enable")

    def _entry(self, request_id: str) -> dict:
        return self.requests.setdefault(request_id, {"url": "", "decoded": 0, "wire": 0, "encoding": ""})

    def _response(self, event: dict) -> None:
        entry = self._entry(event["requestId"])
        entry["url"] = event["response"]["url"]
        headers = {k.lower(): v for k, v in event["response"].get("headers", {}).items()}
        entry["encoding"] = headers.get("content-encoding", "")

    def _data(self, event: dict) -> None:
        self._entry(event["requestId"])["decoded"] += event["dataLength"]

    def _finished(self, event: dict) -> None:
        self._entry(event["requestId"])["wire"] = event["encodedDataLength"]

    def _handshake(self, event: dict) -> None:
        headers = {k.lower(): v for k, v in event["response"].get("headers", {}).items()}
        self.ws_extensions = headers.get("sec-websocket-extensions", "")

    def _frame_in(self, event: dict) -> None:
        self.ws_frames += 1
        self.ws_received += len(event["response"]["payloadData"].encode())

    def _frame_out(self, event: dict) -> None:
        self.ws_sent += len(event["response"]["payloadData"].encode())

    def summary(self) -> dict:
        http = [r for r in self.requests.values() if r["url"].startswith("http")]
        biggest = sorted(http, key=lambda r: -r["decoded"])[:6]
        return {
            "http_requests": len(http),
            "http_decoded_kb": round(sum(r["decoded"] for r in http) / 1e3, 1),
            "http_wire_kb": round(sum(r["wire"] for r in http) / 1e3, 1),
            "ws_received_kb": round(self.ws_received / 1e3, 1),
            "ws_sent_kb": round(self.ws_sent / 1e3, 1),
            "ws_compression": self.ws_extensions or "none",
            "biggest": [{"url": r["url"].split("?")[0].rsplit("/", 1)[-1] or r["url"],
                         "decoded_kb": round(r["decoded"] / 1e3, 1), "wire_kb": round(r["wire"] / 1e3, 1),
                         "encoding": r["encoding"] or "identity"} for r in biggest],
        }


def one_run(browser: Browser, variant: str) -> dict:
    command, extra_env, app_path = VARIANTS[variant]
    port = free_port()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    traffic = Traffic()
    traffic.attach(context.new_cdp_session(page))
    env = {**os.environ, **extra_env(port)}
    started = time.perf_counter()
    process = subprocess.Popen(command(port), cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        wait_live(f"http://127.0.0.1:{port}/liveness", process)
        ready = time.perf_counter() - started
        page.goto(f"http://127.0.0.1:{port}{app_path}")
        handle = page.locator(".z-slider-4 .noUi-handle")
        handle.wait_for(timeout=60_000)
        page.wait_for_function(
            "() => window.Bokeh !== undefined && Bokeh.documents.length > 0 && Bokeh.documents[0].is_idle",
            timeout=60_000, polling=10)
        drawn = time.perf_counter() - started
        page.evaluate(HOOK)
        handle.focus()
        handle.press("ArrowRight")
        page.wait_for_function("() => window.__painted !== undefined", timeout=30_000, polling=10)
        interactive = time.perf_counter() - started
        page.wait_for_timeout(500)  # late requests (fonts, images) of the first visit
        weight = traffic.summary()
    finally:
        context.close()
        process.terminate()
        process.wait(timeout=20)
    weight["first_visit_wire_kb"] = round(weight["http_wire_kb"] + weight["ws_received_kb"], 1)
    weight["first_visit_decoded_kb"] = round(weight["http_decoded_kb"] + weight["ws_received_kb"], 1)
    return {"ready_s": round(ready, 3), "drawn_s": round(drawn, 3), "interactive_s": round(interactive, 3),
            **weight}


def export_sizes() -> dict:
    with tempfile.TemporaryDirectory() as folder:
        ours = Path(folder) / "demo.html"
        started = time.perf_counter()
        subprocess.run([PY, "app.py", "export", str(ours)], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        export_s = time.perf_counter() - started
        baseline = Path(folder) / "baseline.html"
        subprocess.run([PY, "-c", (
            "import sys; sys.path.insert(0, '.');"
            "from benchmarks.baseline_app import create_baseline;"
            f"create_baseline().save({str(baseline)!r}, resources='inline')")],
            cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        result = {}
        for name, path in (("softmax-lab", ours), ("baseline", baseline)):
            data = path.read_bytes()
            gzipped = len(gzip.compress(data))
            result[name] = {"mb": round(len(data) / 1e6, 3), "gzip_mb": round(gzipped / 1e6, 3)}
        result["softmax-lab"]["export_command_s"] = round(export_s, 2)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    runs: dict[str, list[dict]] = {name: [] for name in VARIANTS}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(args.runs):
            for name in VARIANTS:
                runs[name].append(one_run(browser, name))
        browser.close()
    exports = export_sizes()
    medians = {}
    for name, rows in runs.items():
        keys = ("ready_s", "drawn_s", "interactive_s", "http_requests", "http_decoded_kb", "http_wire_kb",
                "ws_received_kb", "first_visit_decoded_kb", "first_visit_wire_kb")
        medians[name] = {key: statistics.median(r[key] for r in rows) for key in keys}
    base = medians["baseline panel serve"]
    print(f"{'app':<26} {'ready s':>7} {'drawn s':>7} {'inter. s':>8} {'reqs':>4} {'decoded KB':>10} "
          f"{'wire KB':>8} {'of it ws':>8}")
    for name, m in medians.items():
        print(f"{name:<26} {m['ready_s']:>7.2f} {m['drawn_s']:>7.2f} {m['interactive_s']:>8.2f} "
              f"{m['http_requests']:>4g} {m['first_visit_decoded_kb']:>10.0f} "
              f"{m['first_visit_wire_kb']:>8.0f} {m['ws_received_kb']:>8.0f}")
    for name, m in medians.items():
        if name.startswith("softmax-lab"):
            print(f"{name}: interactive {m['interactive_s']:.2f} s (baseline {base['interactive_s']:.2f}, "
                  f"ratio {m['interactive_s'] / base['interactive_s']:.2f}, target <= 1.5 s: "
                  f"{'met' if m['interactive_s'] <= 1.5 else 'NOT met'}); first visit on the wire "
                  f"{m['first_visit_wire_kb'] / 1e3:.2f} MB "
                  f"(baseline {base['first_visit_wire_kb'] / 1e3:.2f}, "
                  f"target <= 2 MB: {'met' if m['first_visit_wire_kb'] <= 2000 else 'NOT met'})")
    print("biggest first-visit files (softmax-lab, python app.py, last run):")
    for item in runs["softmax-lab python app.py"][-1]["biggest"]:
        print(f"  {item['url']:<40} {item['decoded_kb']:>8} KB decoded {item['wire_kb']:>8} KB wire "
              f"({item['encoding']})")
    ours_export = exports["softmax-lab"]
    print(f"static export: {ours_export['mb']} MB ({ours_export['gzip_mb']} MB gzipped; target <= 2 MB: "
          f"{'met' if ours_export['mb'] <= 2 else 'NOT met'}); baseline .save(inline): "
          f"{exports['baseline']['mb']} MB")
    machine = {"machine": platform.machine(), "cpus": os.cpu_count(), "python": platform.python_version(),
               "chromium_args": CHROMIUM_ARGS}
    print(json.dumps({"benchmark": "cold_start", "machine": machine, "targets": TARGETS, "medians": medians,
                      "runs": runs, "export": exports}))


if __name__ == "__main__":
    main()
