"""softmax-lab: serve the demo, or export it as one HTML file (components/serving/cli.py).

    python app.py                  serve on http://127.0.0.1:5006/app
    python app.py export demo.html write the self-contained, offline page
    panel serve app.py             the same app under Panel's own command line
"""

from __future__ import annotations

import sys

if __name__ == "__main__":
    from components.serving.cli import main, use_system_allocator

    use_system_allocator(sys.argv[1:])  # re-executes once, before Panel is imported
    sys.exit(main(sys.argv[1:]))
elif __name__.startswith("bokeh_app"):  # panel serve app.py: one page per session
    from components.serving.server import create_app

    create_app()
