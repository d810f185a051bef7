"""What every exercise view shares."""

from __future__ import annotations

from ...browser.browser_js import STATIC_DIR

# The page's CSS and the parts every view's own stylesheet uses (verdicts, equations).
SHARED_VIEW_CSS = (STATIC_DIR / "css" / "app.css").read_text(encoding="utf-8") + """
.verdict { margin: 0.2em 0; }
.verdict .ok { color: var(--lab-good, #1b7a3a); font-weight: 700; }
.verdict .warn { color: var(--warn); font-weight: 700; }
.explanation math { font-size: 1.15rem; }
"""
