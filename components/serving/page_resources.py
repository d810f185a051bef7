"""The served page loads only the BokehJS files its document uses.

A Bokeh server page lists every BokehJS bundle (GL, tables, widgets) because a
server document *could* gain any model later, and Panel adds every extension of
every imported Panel model class (panel.min.js, its ES-module shim, Tabulator...).
This app's session document is one Bokeh layout with no Panel model, no table and
no WebGL plot (app.py: create_app), so those files are ~1.3 MB (0.36 MB gzipped)
of JavaScript a first visit downloads and parses for nothing
(benchmarks/cold_start.py). This wraps Panel's resource bundling for the served
page and the <script> embed (autoload.js): the files a document does not use are
left out, decided per page from the models it holds, so a view that starts using
a table, WebGL or a Panel model gets its files back automatically.

Panel's bundling walks every loaded extension and Panel class for their files: ~5 ms of CPU,
a quarter of what an arriving visitor cost the server (py-spy, benchmarks/class_arrival.py),
to find the same list for every visitor. A bundle is kept per everything it is made from that
can differ between pages (the files left out, the resources' mode and root, the page's depth
in the URL, Panel's configured files, the model classes loaded).
"""

from __future__ import annotations

import copy
from collections.abc import Hashable, Iterable
from typing import Any

import panel.io.server as panel_server
from bokeh.core.has_props import HasProps
from bokeh.model import Model
from bokeh.models import Plot
from bokeh.models.widgets.tables import TableWidget

_panel_bundle_resources = panel_server.bundle_resources


def _models(roots: Iterable[Model]) -> set[Model]:
    """Every model of ``roots``: from their document's index when they have one (a served
    page's roots always do), since a walk of the graph costs ~45 ms of CPU per session."""
    roots = list(roots)
    documents = {root.document for root in roots}
    if len(documents) == 1 and None not in documents:
        document = documents.pop()
        if set(document.roots) == set(roots):
            return set(document.models)
    return {model for root in roots for model in root.references()}


def unused_files(roots: Iterable[Model]) -> list[str]:
    """Name fragments of the JS files the document of ``roots`` does not need."""
    models = _models(roots)
    if any(type(m).__module__.startswith("panel.") for m in models):
        return []  # panel.min.js imports BokehJS's table (and other) modules: keep every file
    unused = ["/extensions/"]  # panel.min.js and every Panel extension's files
    if not any(isinstance(m, Plot) and m.output_backend == "webgl" for m in models):
        unused.append("/bokeh-gl")
    if not any(isinstance(m, TableWidget) for m in models):
        unused.append("/bokeh-tables")
    return unused


_BUNDLES: dict[Hashable, Any] = {}
_MAX_BUNDLES = 64  # a handful in practice (pages x prefixes): a bound, not a tuning


def _bundle_key(unused: list[str], resources: Any, args: tuple, kwargs: dict) -> Hashable:
    """What a bundle is made from besides the loaded code: equal keys, equal bundles."""
    from panel.config import config, panel_extension
    from panel.io.state import state

    return (
        tuple(unused), args, tuple(sorted(kwargs.items())), type(resources),
        *(repr(getattr(resources, name, None)) for name in ("mode", "root_url", "absolute", "minified",
                                                             "components", "version")),
        state.rel_path, len(HasProps.model_class_reverse_map), tuple(panel_extension._loaded_extensions),
        repr((config.css_files, config.js_files, config.js_modules, config.raw_css, config.design,
              config.theme, config.global_css)),
    )


def bundle_used_resources(roots: Any, resources: Any, *args: Any, **kwargs: Any) -> Any:
    if not roots:
        return _panel_bundle_resources(roots, resources, *args, **kwargs)
    unused = unused_files(roots)
    key = _bundle_key(unused, resources, args, kwargs)
    bundle = _BUNDLES.get(key)
    if bundle is None:
        bundle = _panel_bundle_resources(roots, resources, *args, **kwargs)
        bundle.js_files = [url for url in bundle.js_files if not any(part in str(url) for part in unused)]
        bundle.css_files = [url for url in bundle.css_files if not any(part in str(url) for part in unused)]
        if len(_BUNDLES) >= _MAX_BUNDLES:
            _BUNDLES.clear()
        _BUNDLES[key] = bundle
    kept = copy.copy(bundle)  # a page's own lists: a caller that edits them leaves the kept one alone
    for name in ("js_files", "js_raw", "css_files", "css_raw"):
        setattr(kept, name, list(getattr(bundle, name)))
    return kept


def serve_only_used_resources() -> None:
    """Install the filter for served pages and autoload.js (idempotent)."""
    panel_server.bundle_resources = bundle_used_resources
