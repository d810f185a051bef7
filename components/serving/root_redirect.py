"""The server's root, /, sends a browser on to the app at /app with the link's query kept.

Bokeh's (and Panel's) root handler redirects / to the app without the query, so a link such as
http://host/?view=jacobian&K=6 opened the app at its defaults. The page writes /app links itself;
this keeps a hand-made or shortened link to the root right as well (``python app.py`` only:
under ``panel serve`` the root is Panel's)."""

from __future__ import annotations

from tornado.web import RequestHandler


class RootRedirect(RequestHandler):
    """GET / -> 302 ./app?<the same query> (relative, so a --prefix or a proxy's path is kept)."""

    def initialize(self, app: str) -> None:
        self.app = app

    def get(self) -> None:
        query = self.request.query
        self.redirect(f"./{self.app}" + (f"?{query}" if query else ""))

    def head(self) -> None:
        self.get()
