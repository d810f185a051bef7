"""What one session costs the server: softmax-lab against the naive Panel app
(benchmarks/baseline_app.py), and where our cost goes.

Part 1, served (both apps under `panel serve`, sessions dropped 1 s after they close):
N sessions opened one after the other with the websocket client of the load tests
(tests/load/bokeh_session.py: page GET, websocket, PULL-DOC), after one warm-up
session. Reports the server process's CPU time per session open, its RSS before,
with all N open (per session) and 10 s after all closed (against idle).

Part 2, in this process (softmax-lab only): building one page as create_app does
(SoftmaxLab with lazy tabs: only the first exercise tab is built) and serialising its
document (Document.to_json), median of REPEATS, cProfile's top functions, and per view:
the time its constructor took, its Bokeh models, its share of the document JSON and the
CustomJS code inlined in it; the JS modules inlined into CustomJS and how many times.
--eager-tabs measures the page with every tab built (the static export's).

    .venv/bin/python benchmarks/session_cost.py [--sessions 20] [--repeats 5] [--eager-tabs]

Prints tables and one JSON line. 127.0.0.1 only. Not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import functools
import io
import json
import os
import pstats
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.capacity import cpu_seconds, rss_mb  # noqa: E402
from tests.browser.conftest import free_port, wait_for_http  # noqa: E402
from tests.load.bokeh_session import BokehSession  # noqa: E402

APPS = {"softmax-lab": "app.py", "baseline": "benchmarks/baseline_app.py"}
# Also `python app.py`, which adds what `panel serve` cannot (gzip, the closed-session sweeper).
PYTHON_APP = "softmax-lab python app.py"


# ---- part 1: served ------------------------------------------------------------------------------

def start(script: str) -> tuple[subprocess.Popen, str, str]:
    port = free_port()
    if script == PYTHON_APP:
        command = [sys.executable, "app.py"]
        env = {**os.environ, "SOFTMAX_LAB_PORT": str(port), "SOFTMAX_LAB_SESSION_LIFETIME_MS": "1000"}
        script = "app.py"
    else:
        command = [sys.executable, "-m", "panel", "serve", script, "--address", "127.0.0.1", "--port",
                   str(port), "--allow-websocket-origin", f"127.0.0.1:{port}", "--liveness",
                   "--unused-session-lifetime", "1000", "--check-unused-sessions", "1000"]
        env = dict(os.environ)
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    wait_for_http(f"http://127.0.0.1:{port}/liveness", process=process)
    return process, f"http://127.0.0.1:{port}", f"/{Path(script).stem}"


async def served(script: str, sessions: int) -> dict:
    process, base_url, path = start(script)
    pid = process.pid
    try:
        rss_start = rss_mb(pid)
        warm = await BokehSession.open(base_url, path, timeout=120)
        warm.close()
        await asyncio.sleep(4)
        rss_idle, cpu0 = rss_mb(pid), cpu_seconds(pid)
        opened, wall = [], []
        for _ in range(sessions):
            t0 = time.perf_counter()
            opened.append(await BokehSession.open(base_url, path, timeout=120))
            wall.append(time.perf_counter() - t0)
        cpu = (cpu_seconds(pid) - cpu0) / sessions
        rss_open = rss_mb(pid)
        for session in opened:
            session.close()
        await asyncio.sleep(10)
        rss_closed = rss_mb(pid)
    finally:
        process.terminate()
        process.wait(timeout=20)
    return {
        "sessions": sessions, "cpu_ms_per_open": round(cpu * 1000, 1),
        "wall_ms_per_open_median": round(statistics.median(wall) * 1000, 1),
        "rss_start_mb": round(rss_start, 1), "rss_idle_mb": round(rss_idle, 1),
        "rss_open_mb": round(rss_open, 1), "mb_per_session": round((rss_open - rss_idle) / sessions, 2),
        "rss_closed_mb": round(rss_closed, 1),
        "closed_vs_idle_pct": round((rss_closed - rss_idle) / rss_idle * 100, 1),
    }


# ---- part 2: in process --------------------------------------------------------------------------

class Attribution:
    """Which view's constructor created each Bokeh model, and how long each constructor took."""

    def __init__(self) -> None:
        self.stack: list[str] = []
        self.owner: dict[str, str] = {}
        self.seconds: dict[str, float] = defaultdict(float)

    def wrap_model_init(self) -> None:
        from bokeh.model import Model
        original = Model.__init__
        attribution = self

        @functools.wraps(original)
        def init(model, *args, **kwargs):
            original(model, *args, **kwargs)
            attribution.owner.setdefault(model.id, attribution.stack[-1] if attribution.stack else "page")
        Model.__init__ = init

    def wrap_view(self, cls: type, label: str) -> None:
        original = cls.__init__
        attribution = self

        @functools.wraps(original)
        def init(view, *args, **kwargs):
            attribution.stack.append(label)
            started = time.perf_counter()
            try:
                original(view, *args, **kwargs)
            finally:
                attribution.stack.pop()
                attribution.seconds[label] += time.perf_counter() - started
        cls.__init__ = init


def json_sizes(node, own: dict[str, int]) -> None:
    """own[id] = a model definition's serialised length minus the definitions nested in it."""
    if isinstance(node, dict):
        if node.get("type") == "object" and "id" in node and "attributes" in node:
            own[node["id"]] = len(json.dumps(node, separators=(",", ":"))) - nested_definitions(node)
        for value in node.values():
            json_sizes(value, own)
    elif isinstance(node, list):
        for value in node:
            json_sizes(value, own)


def nested_definitions(node) -> int:
    """Length of the model definitions nested inside node (not node itself)."""
    total = 0
    values = node.values() if isinstance(node, dict) else node if isinstance(node, list) else []
    for value in values:
        if isinstance(value, dict) and value.get("type") == "object" and "attributes" in value:
            total += len(json.dumps(value, separators=(",", ":")))
        elif isinstance(value, (dict, list)):
            total += nested_definitions(value)
    return total


def in_process(repeats: int, lazy_tabs: bool = True) -> dict:
    import panel as pn  # noqa: F401  (imported before timing: the server has it loaded too)
    from bokeh.core.json_encoder import serialize_json
    from bokeh.document import Document
    from bokeh.models import CustomJS
    from components.page.shell.page.shell import page as page_module

    from benchmarks.baseline_app import create_baseline
    from components.browser.browser_js import STATIC_DIR
    from components.page.exercises.registry import EXERCISE_VIEWS

    def build() -> Document:
        """As create_app builds a session's page (attach, then the root)."""
        document = Document()
        lab = page_module.SoftmaxLab(lazy_tabs=lazy_tabs)
        lab.attach(document)
        document.add_root(lab.model)
        return document

    def build_baseline() -> Document:
        document = Document()
        document.add_root(create_baseline().get_root(document))
        return document

    build()  # warm: imports, caches
    timings: dict[str, list[float]] = defaultdict(list)
    for _ in range(repeats):
        for name, builder in (("softmax-lab", build), ("baseline", build_baseline)):
            t0 = time.perf_counter()
            document = builder()
            t1 = time.perf_counter()
            document.to_json()
            t2 = time.perf_counter()
            timings[f"{name} build"].append(t1 - t0)
            timings[f"{name} to_json"].append(t2 - t1)
    medians = {key: round(statistics.median(values) * 1000, 1) for key, values in timings.items()}

    profiler = cProfile.Profile()
    profiler.enable()
    build().to_json()
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    profile_top = []
    total = stats.total_tt
    for sort in ("tottime", "cumulative"):
        ordered = sorted(stats.stats.items(), key=lambda item: -item[1][2 if sort == "tottime" else 3])
        for (filename, line, function), (_cc, calls, tottime, cumtime, _callers) in ordered[:14]:
            where = f"{Path(filename).parent.name}/{Path(filename).name}:{line}({function})"
            profile_top.append({"sort": sort, "where": where, "calls": calls,
                                "tottime_ms": round(tottime * 1000, 1),
                                "cumtime_ms": round(cumtime * 1000, 1)})

    attribution = Attribution()
    attribution.wrap_model_init()
    views = {
        "controls": page_module.Controls, "presets": page_module.Presets,
        "softmax chart": page_module.SoftmaxChart, "sigmoid panel": page_module.SigmoidPanel,
        "readout table": page_module.ReadoutTable, "equations": page_module.Equations,
        "exercises (tabs)": page_module.Exercises, "connection status": page_module.ConnectionStatus,
        "url state": page_module.UrlState,
        **{f"tab: {cls.slug}": cls for cls in EXERCISE_VIEWS},
    }
    for label, cls in views.items():
        attribution.wrap_view(cls, label)
    document = build()
    text = serialize_json(document.to_json())  # what the server sends on PULL-DOC
    own: dict[str, int] = {}
    json_sizes(json.loads(text), own)
    per_view: dict[str, dict] = defaultdict(
        lambda: {"models": 0, "json_kb": 0.0, "customjs": 0, "code_kb": 0.0})
    for model in document.models:
        row = per_view[attribution.owner.get(model.id, "page")]
        row["models"] += 1
        row["json_kb"] += own.get(model.id, 0) / 1e3
        if isinstance(model, CustomJS):
            row["customjs"] += 1
            row["code_kb"] += len(json.dumps(model.code)) / 1e3
    for label, row in per_view.items():
        row["build_ms"] = round(attribution.seconds.get(label, 0.0) * 1000, 1)
        row["json_kb"] = round(row["json_kb"], 1)
        row["code_kb"] = round(row["code_kb"], 1)
    inlined = {}
    for path in sorted(STATIC_DIR.rglob("*.js")):
        module = json.dumps(path.read_text(encoding="utf-8"))[1:-1]
        probe = module[:400]
        if probe:
            count = text.count(probe)
            inlined[path.name] = {"kb": round(len(module) / 1e3, 1), "times": count,
                                  "total_kb": round(count * len(module) / 1e3, 1)}
    return {
        "lazy_tabs": lazy_tabs, "median_ms": medians, "doc_json_kb": round(len(text) / 1e3, 1),
        "models": len(document.models),
        "profile_total_ms": round(total * 1000, 1), "profile_top": profile_top,
        "per_view": dict(sorted(per_view.items(), key=lambda item: -item[1]["json_kb"])),
        "inlined_js_modules": inlined,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--skip-served", action="store_true")
    parser.add_argument("--python-app", action="store_true", help="also serve ours with python app.py")
    parser.add_argument("--eager-tabs", action="store_true",
                        help="in process: build every exercise tab (the static export's page)")
    args = parser.parse_args()
    served_results = {}
    if not args.skip_served:
        apps = {**APPS, PYTHON_APP: PYTHON_APP} if args.python_app else APPS
        for name, script in apps.items():
            served_results[name] = asyncio.run(served(script, args.sessions))
    local = in_process(args.repeats, lazy_tabs=not args.eager_tabs)

    if served_results:
        ours, base = served_results["softmax-lab"], served_results["baseline"]
        print(f"{'served, per session':<34} {'softmax-lab':>12} {'baseline':>10} {'ratio':>6} {'target':>12}")
        rows = [("server CPU per open, ms", "cpu_ms_per_open", "<= 0.5x"),
                ("wall per open (median), ms", "wall_ms_per_open_median", ""),
                ("RSS idle, MB", "rss_idle_mb", ""), ("RSS with N open, MB", "rss_open_mb", ""),
                ("MB per open session", "mb_per_session", "<= 0.8 MB"),
                ("RSS 10 s after close, MB", "rss_closed_mb", ""),
                ("after close vs idle, %", "closed_vs_idle_pct", "<= 10 %")]
        for label, key, target in rows:
            ratio = ours[key] / base[key] if base[key] else float("nan")
            print(f"{label:<34} {ours[key]:>12} {base[key]:>10} {ratio:>6.2f} {target:>12}")
        if PYTHON_APP in served_results:
            print(f"{PYTHON_APP}: {served_results[PYTHON_APP]}")
    m = local["median_ms"]
    tabs = "every tab built" if args.eager_tabs else "lazy tabs, as served"
    print(f"\nin process ({tabs}; median of {args.repeats}): softmax-lab build {m['softmax-lab build']} ms "
          f"+ to_json {m['softmax-lab to_json']} ms; baseline build {m['baseline build']} ms + to_json "
          f"{m['baseline to_json']} ms; document {local['doc_json_kb']} KB, {local['models']} models")
    print(f"\n{'view':<26} {'build ms':>8} {'models':>6} {'JSON KB':>8} {'CustomJS':>8} {'code KB':>8}")
    for label, row in local["per_view"].items():
        print(f"{label:<26} {row['build_ms']:>8} {row['models']:>6} {row['json_kb']:>8} {row['customjs']:>8} "
              f"{row['code_kb']:>8}")
    print("\nJS modules inlined into CustomJS code:")
    for name, row in local["inlined_js_modules"].items():
        print(f"  {name:<22} {row['kb']:>6} KB x {row['times']:>3} = {row['total_kb']:>7} KB")
    print(f"\ncProfile of one build + to_json ({local['profile_total_ms']} ms under the profiler), "
          "top by tottime:")
    for item in [p for p in local["profile_top"] if p["sort"] == "tottime"][:10]:
        print(f"  {item['tottime_ms']:>7} ms {item['calls']:>7} calls  {item['where']}")
    print("top by cumulative:")
    for item in [p for p in local["profile_top"] if p["sort"] == "cumulative"][:14]:
        print(f"  {item['cumtime_ms']:>7} ms {item['calls']:>7} calls  {item['where']}")
    print(json.dumps({"benchmark": "session_cost", "cpus": os.cpu_count(), "served": served_results,
                      "in_process": local}))


if __name__ == "__main__":
    main()
