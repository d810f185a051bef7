"""The whole demo for one session: controls, both charts, the readout and the equations.

The page is one Bokeh layout so that the served app and the static export show
exactly the same models. Served, that layout is the session document's root itself, with
no Panel model around it (components/serving/server.py); the static export puts it in a
document of its own (standalone_document); only a notebook shows it through Panel, in the
pane ``__panel__`` returns.
"""

from __future__ import annotations

from functools import cached_property

import panel as pn
from bokeh.document import Document
from bokeh.layouts import column, row
from bokeh.model import Model
from bokeh.models import CustomJS, Div, InlineStyleSheet, LayoutDOM

from ...browser.accessibility import (
    add_stylesheets,
    fit_bar_labels,
    layout_stylesheet,
    scroll_boxes_callback,
    slider_labels_callback,
    unfocusable_charts_callback,
)
from ...browser.browser_js import STATIC_DIR, js_code
from ...browser.css_visuals import skip_css_visual_lookups
from ...model.state import SoftmaxState
from ...words.i18n import DEFAULT_LANGUAGE, TEXTS, Texts, is_known_language
from ..charts.equations import Equations
from ..charts.readout_table import ReadoutTable
from ..charts.sigmoid_panel import SigmoidPanel
from ..charts.softmax_chart import SoftmaxChart
from ..controls.controls import Controls
from ..controls.presets import Presets
from ..exercises.registry import EXERCISE_VIEWS
from ..exercises.tabs import Exercises
from .connection_status import ConnectionStatus
from .language import LanguageSwitch, unknown_language_notice
from .theme import ThemeToggle
from .url_state import UrlState

TITLE = TEXTS[DEFAULT_LANGUAGE]["page.title"]  # the served app's default; a page's own: SoftmaxLab.title
APP_CSS = (STATIC_DIR / "css" / "app.css").read_text(encoding="utf-8")


class SoftmaxLab(pn.viewable.Viewer):
    """One session's demo: builds every view once around a SoftmaxState."""

    def __init__(
        self, state: SoftmaxState | None = None, *, sync_to_python: bool = True,
        follow_page_url: bool = True, lang: str = DEFAULT_LANGUAGE, language_switch: bool = True,
        view: str | None = None, lazy_tabs: bool = False, **params,
    ) -> None:
        """``lang``: a code or alias of components/words/i18n.py; anything else gives English and a notice.
        ``language_switch``: False where reloading in another language cannot work (the static export).
        ``view``: the slug of the exercise tab shown first (the link's ?view=; unknown: the first).
        ``lazy_tabs``: build the other tabs' views when first opened (Exercises): only a served
        page can, where a server builds them; the static export and notebooks build every tab."""
        super().__init__(**params)
        self.texts = Texts(lang)
        self.lang = self.texts.lang
        self.title = self.texts("page.title")
        self.state = state if state is not None else SoftmaxState()
        self.state.lang = self.lang
        self.controls = Controls(self.state, sync_to_python=sync_to_python, texts=self.texts)
        self.presets = Presets(self.controls)
        self.softmax_chart = SoftmaxChart(self.controls.context)
        self.sigmoid_panel = SigmoidPanel(self.controls.context)
        self.readout = ReadoutTable(self.controls.context)
        self.equations = Equations(self.texts)
        slugs = [view_class.slug for view_class in EXERCISE_VIEWS]
        # Ten bars at a phone's width: value labels go upright; one callback for the page's charts.
        fit_labels = fit_bar_labels([self.softmax_chart.chart, self.sigmoid_panel.chart])
        self.exercises = Exercises(
            self.controls.context, EXERCISE_VIEWS, active=slugs.index(view) if view in slugs else 0,
            lazy=lazy_tabs, dress=self._dress_late_view, fit_labels=fit_labels,
        )
        self.connection = ConnectionStatus(self.texts)
        self._whole_page = follow_page_url
        # Before the link: the link carries the theme (the toggle's tags say it).
        self.theme = ThemeToggle(self.texts, whole_page=follow_page_url)
        self.url_state = UrlState(self.controls, self.exercises, follow_page_url=follow_page_url,
                                  theme_toggle=self.theme.button)
        self.language = LanguageSwitch(
            self.texts, self.url_state, switchable=language_switch and follow_page_url,
            notice="" if is_known_language(lang) else unknown_language_notice(str(lang), self.texts),
        )
        self.model = self._layout()
        self._models = self.model.references()  # walked once: every walk costs ~50 ms a session
        self._stylesheets = (layout_stylesheet(), self.theme.stylesheet)
        add_stylesheets(self._models, *self._stylesheets)
        self.theme.wire(self.model)

    def _dress_late_view(self, models: list[Model], styled: bool = False,
                         ) -> tuple[list[CustomJS], list[CustomJS]]:
        """What the page gives the models of a view built after load (a lazy tab) that it gave
        its own at build and attach: the stylesheets; then, as callbacks for the browser to run
        when the view arrives, the current theme at once and, once rendered, what
        document_ready ran for the page (slider handle names, focusable scroll boxes, charts out
        of the Tab order). ``styled``: a view of this page's document, styled with the page; it
        gets the page's own load callbacks again (they reach every model of the page), not copies,
        and ``models`` is not read."""
        if styled:
            return [self._theme_follow], list(self._load_dress)
        add_stylesheets(models, *self._stylesheets)
        return [self.theme.follow()], [slider_labels_callback(models), scroll_boxes_callback(models),
                                       unfocusable_charts_callback(models)]

    @cached_property
    def _theme_follow(self) -> CustomJS:
        return self.theme.follow()

    @cached_property
    def _load_dress(self) -> tuple[CustomJS, ...]:
        """What document_ready runs for the page's models (slider handle names, focusable scroll
        boxes, charts out of the Tab order); a held view runs it again when it arrives."""
        return (slider_labels_callback(self._models, log_sliders=(self.controls.log_tau_slider,)),
                scroll_boxes_callback(self._models), unfocusable_charts_callback(self._models))

    def _layout(self) -> LayoutDOM:
        stylesheet = InlineStyleSheet(css=APP_CSS)
        # The heading's markup is the page's; the words are the translation's (lang: the book's title
        # is italic in English, between 《》 and upright in Chinese: static/css/app.css).
        intro = Div(text=(f"<h1>softmax-lab <span class='subtitle'>{self.texts('page.subtitle')}</span></h1>"
                          f"<p class='lead' lang='{self.lang}'>{self.texts('page.lead')}</p>"),
                    sizing_mode="stretch_width", css_classes=["intro"])
        for div in [intro, *self._divs()]:
            div.stylesheets = [*div.stylesheets, stylesheet]
        left = column(
            self.controls.model, self.presets.model, self.url_state.copy_button, self.controls.notice,
            self.equations.model,
            width=420, css_classes=["left-column"],
        )
        charts = row(self.softmax_chart.model, self.sigmoid_panel.model, sizing_mode="stretch_width",
                     css_classes=["chart-pair"])
        right = column(charts, self.readout.model, sizing_mode="stretch_width", css_classes=["right-column"])
        # static/css/layout.css stacks left above right on narrow screens (and wraps the chart pair).
        body = row(left, right, sizing_mode="stretch_width", css_classes=["page-body"])
        # The exercise tabs go full width below, not inside the right column: Bokeh 3.9 leaves
        # plots in Tabs nested that deep with a zero-size layout (seen with this page).
        # Page-wide settings, top right: the theme (and the language switch).
        tools = row(*self.language.models, self.theme.button, css_classes=["page-tools"],
                    styles={"justify-content": "flex-end"}, sizing_mode="stretch_width")
        page = column(
            self.connection.model, tools, intro, body, self.exercises.model,
            sizing_mode="stretch_width", css_classes=["softmax-lab"], html_attributes={"role": "main"},
        )
        return page

    def _divs(self) -> list[Div]:
        """Every Div of the views, to share one stylesheet among them."""
        return [
            self.controls.notice, self.equations.model, self.readout.model,
            self.softmax_chart.heading, self.sigmoid_panel.heading, self.sigmoid_panel.explanation,
            self.connection.message, self.language.notice,
        ]

    def attach(self, document: Document) -> None:
        """Browser behaviour that belongs to the page's document (restoring the URL state)."""
        # Each callback added to a model already in a document makes Bokeh re-walk the whole
        # model graph; frozen, it walks once at the end (1.9 -> 0.4 s of CPU per session).
        with document.models.freeze():
            self.url_state.attach(document)
            self.exercises.attach(document)
            self.connection.attach(document)
            self.language.attach(document, whole_page=self._whole_page)
            self.theme.attach(document)
            document.js_on_event("document_ready", *self._load_dress)
            skip_css_visual_lookups(document, self.softmax_chart.chart)
            # Last: the views draw their first state after the page's own load callbacks.
            document.js_on_event("document_ready", js_code(
                "shell/first_render.js", renders=list(self.controls.input_callbacks),
                k_slider=self.controls.k_slider))

    def standalone_document(self) -> Document:
        """A document of the whole page, for the static export."""
        document = Document(title=self.title)
        self.attach(document)
        document.add_root(self.model)
        return document

    def __panel__(self) -> pn.viewable.Viewable:
        return PagePane(self.model, lab=self, sizing_mode="stretch_width")


class PagePane(pn.pane.Bokeh):
    """The page in a notebook cell: Panel's Bokeh pane, which also gives the cell's document what
    the served page's has (``SoftmaxLab.attach``: the first render, tab labels, theme), once."""

    def __init__(self, object: LayoutDOM, *, lab: SoftmaxLab, **params) -> None:
        super().__init__(object, **params)
        self._lab = lab
        self._attached_to: Document | None = None

    def _get_model(self, doc: Document, root: Model | None = None, parent: Model | None = None,
                   comm: object | None = None) -> Model:
        if self._attached_to is None:  # a model joins one document: a second display reuses it
            self._lab.attach(doc)
            self._attached_to = doc
        return super()._get_model(doc, root, parent, comm)
