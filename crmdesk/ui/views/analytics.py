"""The relationship canvas and the dashboards in the window. Figures are computed by the
services in a worker (never on the GUI thread); a click on a figure or a chart shows the
customers behind it in the customer list."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from crmdesk import i18n
from crmdesk.i18n import Translatable
from crmdesk.services import access, canvas, catalog, dashboard, lifecycle, staff, texts
from crmdesk.services.canvas import Canvas, Scope, SegmentRow
from crmdesk.services.dashboard import GROUPS, Chart, Dashboard
from crmdesk.ui import labels, workers
from crmdesk.ui.charts import ChartView, default_format
from crmdesk.ui.theme import is_dark
from crmdesk.ui.widgets import vocabulary
from crmdesk.ui.widgets.flow import FlowLayout


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class ScopeBar(Translatable, QWidget):
    """From / to / owner, and the buttons of the page."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        default = Scope.default()
        self.first = QDateEdit(_qdate(default.first))
        self.last = QDateEdit(_qdate(default.last))
        for edit, name in ((self.first, "From"), (self.last, "To")):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setAccessibleName(self.tr("Period {value}").format(value=name.lower()))
            edit.setToolTip(self.tr("{name}: the period's {value} day (included)")
                            .format(name=name, value='first' if name == 'From' else 'last'))
        self.owner = QComboBox()
        self.owner.setAccessibleName(self.tr("Owner"))
        self.owner.setToolTip(self.tr("Only the customers this staff member looks after"))
        self.reload_owners()
        self.status = QLabel()
        self.status.setAccessibleName(self.tr("Status"))
        self.cancel = QPushButton(self.tr("Cancel"))
        self.cancel.setToolTip(self.tr("Stop computing"))
        self.cancel.hide()
        self.layout_ = FlowLayout(self)  # wraps onto a second row in a narrow window
        for widget in (
            QLabel(self.tr("From")),
            self.first,
            QLabel(self.tr("to")),
            self.last,
            QLabel(self.tr("Owner")),
            self.owner,
        ):
            self.layout_.addWidget(widget)
        self.layout_.addWidget(self.status, 1)
        self.layout_.addWidget(self.cancel)
        self.first.dateChanged.connect(self.changed)
        self.last.dateChanged.connect(self.changed)
        self.owner.currentIndexChanged.connect(self.changed)

    def add_button(self, text: str, tip: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.clicked.connect(lambda _c=False: slot())
        self.layout_.addWidget(button)
        return button

    def reload_owners(self) -> None:
        current = self.owner.currentData() or ""
        self.owner.blockSignals(True)
        self.owner.clear()
        self.owner.addItem(self.tr("Everyone"), "")
        for member in staff.list_staff(include_inactive=True):
            self.owner.addItem(member.name, member.name)
        self.owner.setCurrentIndex(max(0, self.owner.findData(current)))
        self.owner.blockSignals(False)

    def scope(self) -> Scope:
        return Scope(
            _pydate(self.first.date()), _pydate(self.last.date()), self.owner.currentData() or ""
        )

    def set_scope(self, scope: Scope) -> None:
        for w in (self.first, self.last, self.owner):
            w.blockSignals(True)
        self.first.setDate(_qdate(scope.first))
        self.last.setDate(_qdate(scope.last))
        self.owner.setCurrentIndex(max(0, self.owner.findData(scope.owner)))
        for w in (self.first, self.last, self.owner):
            w.blockSignals(False)
        self.changed.emit()


class _Page(Translatable, QWidget):
    """What both pages share: the scope bar, a worker with Cancel, stale marking, and the
    customers behind a figure."""

    show_customers = Signal(list, str)  # customer ids, what they are behind
    export_requested = Signal(str)  # 'pdf' or 'csv'
    failed = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.bar = ScopeBar()
        self.bar.changed.connect(self.reload)
        self.bar.cancel.clicked.connect(self.cancel)
        self.task: workers.Task | None = None
        self.stale = True
        self.generation = 0
        self.refused = QLabel()
        self.refused.setWordWrap(True)
        self.refused.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.refused.hide()

    def run(
        self, work: Callable[[], Any], done: Callable[[Any], None], message: str = "Computing…"
    ) -> None:
        self.cancel()
        self.generation += 1
        generation = self.generation
        self.bar.status.setText(message)
        self.bar.cancel.show()

        def in_worker(progress: workers.ProgressFn) -> Any:
            from crmdesk.services import canvas_columns

            # The first time, reading the log into memory takes seconds at a million
            # interactions: say how far it is (Cancel stops it).
            with canvas_columns.reporting(progress):
                return work()

        task = workers.Task(in_worker)
        task.signals.progress.connect(
            lambda done, total: (
                generation == self.generation
                and self.bar.status.setText(
                    self.tr("Reading the book's history into memory (once)… {value:.0%}").format(
                        value=done / total
                    )
                    if total
                    else message
                )
            )
        )

        def finished(result: Any) -> None:
            if generation != self.generation:
                return
            self.task = None
            self.bar.cancel.hide()
            self.bar.status.setText("")
            done(result)

        def failed(exc: object) -> None:
            if generation != self.generation:
                return
            self.task = None
            self.bar.cancel.hide()
            self.bar.status.setText("")
            self.failed.emit(str(exc))

        task.signals.finished.connect(finished)
        task.signals.failed.connect(failed)
        self.task = workers.start(task)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.task = None
            self.generation += 1
            self.bar.cancel.hide()
            self.bar.status.setText(self.tr("Cancelled."))

    def wait(self, timeout_ms: int = 30_000) -> bool:
        """For tests: wait until the current computation has been shown."""
        from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QThreadPool

        deadline = QDeadlineTimer(timeout_ms)
        while self.task is not None and not deadline.hasExpired():
            QThreadPool.globalInstance().waitForDone(20)
            QCoreApplication.processEvents()
        QCoreApplication.processEvents()
        return self.task is None

    def allowed(self) -> bool:
        ok = access.can("analytics")
        if not ok:
            me = access.current()
            role = labels.label(access.ROLE_LABELS.get(me.role, me.role)).lower()
            self.refused.setText(
                self.tr(
                    "The relationship canvas and the dashboards are for "
                    "managers and executives, not for your role ({role})."
                ).format(role=role)
            )
        self.refused.setVisible(not ok)
        return ok

    def drill(self, find: Callable[[], list[int]], label: str) -> None:
        self.run(
            find, lambda ids: self.show_customers.emit(list(ids), label),
            self.tr("Finding the customers…"),
        )

    #: Each page computes its figures again (in a worker) for the current filters.
    reload: Callable[[], None]


# --- the canvas ---------------------------------------------------------------------------------
def _fmt_hours(value: float | None) -> str:
    return default_format(value, "h")


def _share(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


class CanvasView(_Page):
    """One card per segment: who they are, channels, response, satisfaction, promises,
    what the relationship costs against what they bring."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.result: Canvas | None = None
        self.pdf_button = self.bar.add_button(
            self.tr("Export PDF…"),
            self.tr("The canvas as a PDF on the statements' letterhead"),
            lambda: self.export_requested.emit("pdf"),
        )
        self.csv_button = self.bar.add_button(
            self.tr("Export CSV…"),
            self.tr("The canvas as a spreadsheet"),
            lambda: self.export_requested.emit("csv"),
        )
        self.costs_button = self.bar.add_button(
            self.tr("Costs…"),
            self.tr("Hourly cost per role, default duration per channel, answer target"),
            lambda: self.export_requested.emit("costs"),
        )
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setAccessibleName(self.tr("Relationship canvas"))
        self.browser.setFrameShape(QFrame.Shape.NoFrame)
        self.browser.anchorClicked.connect(lambda url: self._anchor(url.toString()))
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(self.refused)
        layout.addWidget(self.browser, 1)
        self._columns = 0

    def reload(self) -> None:
        self.stale = False
        if not self.allowed():
            self._show(None)
            return
        scope = self.bar.scope()
        self.run(lambda: canvas.compute(scope), self._show)

    def columns(self) -> int:
        """Cards side by side: one per 340 px of the page (from the page's own width: the
        browser inside is laid out only after a hidden page is shown at a new size)."""
        return max(1, min(4, (self.width() - 40) // 340))

    def _show(self, result: Canvas | None) -> None:
        self.result = result
        for button in (self.pdf_button, self.csv_button):
            button.setEnabled(result is not None and access.can("export"))
        self.costs_button.setEnabled(access.can("settings"))
        self.browser.setVisible(result is not None)
        if result is None:
            self.browser.clear()
            return
        self._columns = self.columns()
        self.browser.setHtml(self.page_html(result, self._columns))

    def page_html(self, result: Canvas, columns: int) -> str:
        palette = self.palette()
        dark = is_dark(palette)
        warn = "#ffb74d" if dark else "#a04000"
        link = "#7fb2ff" if dark else "#1f5fa8"
        muted = palette.color(QPalette.ColorRole.PlaceholderText).name()
        card_bg = palette.color(QPalette.ColorRole.AlternateBase).name()
        me = access.current()
        who = (
            ""
            if me.role == "manager"
            else self.tr(" Counted: the customers you may see beyond name and contact.")
        )
        mismatches = [r.mismatch() for r in result.rows if r.mismatch()]
        head = f"<p style='color:{muted}'>" + html.escape(self.tr(
            "{scope} · money in {currency} · customers in the book today; period figures "
            "include archived and forgotten customers.{who} Click a figure to see its "
            "customers.").format(scope=result.scope.label(), currency=result.currency,
                                 who=who)) + "</p>"
        if mismatches:
            head += "".join(
                f"<p style='color:{warn}; margin:0'>⚠ {html.escape(m)}</p>" for m in mismatches if m
            )
        cells = [
            self._card_html(row, result, row is result.total, warn, muted, i)
            for i, row in enumerate([*result.rows, result.total])
        ]
        rows = []
        for start in range(0, len(cells), columns):
            chunk = cells[start : start + columns]
            chunk += [""] * (columns - len(chunk))
            rows.append(
                "<tr>"
                + "".join(
                    f"<td width='{100 // columns}%' valign='top' "
                    f"style='background:{card_bg if c else 'transparent'}; padding:8px'>{c}</td>"
                    for c in chunk
                )
                + "</tr>"
            )
        return (
            f"<html><head><style>a {{ color:{link}; text-decoration:none; }}"
            f" h3 {{ margin:0 }} .m {{ color:{muted} }}</style></head><body>{head}"
            "<table width='100%' cellspacing='8' cellpadding='0'>"
            + "".join(rows)
            + "</table></body></html>"
        )

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        if self.result is not None and self.columns() != self._columns:
            self._show(self.result)

    def _segment_title(self, r: SegmentRow, total: bool) -> str:
        """A card's title: the segment as typed; the totals and the customers with no segment
        in the window's language."""
        if total:
            return self.tr("(all segments)")
        return r.segment or self.tr("(no segment)")

    def _card_html(
        self, r: SegmentRow, c: Canvas, total: bool, warn: str, muted: str, index: int
    ) -> str:
        e = html.escape

        def link(figure: str, key: str, text: str) -> str:
            return f"<a href='seg{index}/{e(figure)}/{e(key)}'>{text}</a>"

        cur = e(c.currency)
        stage_labels = dict(labels.pairs(lifecycle.stages()))
        def channel(key: str) -> str:
            return labels.label(canvas.channel_label(key))

        parts = [
            f"<h3 style='margin:0'>{e(self._segment_title(r, total))}</h3>",
            link("customers", "", self.tr("<b>%n</b> customer(s)", "", r.customers)),
        ]

        def line(title: str, body: str) -> None:
            parts.append(f"<br><span class='m'>{e(title)}</span> {body}")

        rel = " · ".join(
            link(
                "relationship", k,
                f"{e(labels.label(catalog.RELATIONSHIP_LABELS.get(k, k)))} {vocabulary.number(n)}"
            )
            for k, n in sorted(r.relationship_types.items(), key=lambda kv: -kv[1])
        )
        line(self.tr("Relationships:"), rel or "—")
        shares = r.stage_shares
        line(
            self.tr("Stages:"),
            " · ".join(
                link("stage", k, f"{e(stage_labels.get(k, k))} {shares.get(k, 0):.0%}")
                for k in stage_labels
                if r.stages.get(k)
            )
            or "—",
        )
        used = " · ".join(
            link("channel", k, f"{e(channel(k))} {n / r.interactions:.0%}")
            for k, n in sorted(r.channels_used.items(), key=lambda kv: -kv[1])
        )
        line(
            self.tr("Contacts ({interactions}):").format(
                interactions=vocabulary.number(r.interactions)),
            used or self.tr("none in the period"),
        )
        pref = " · ".join(
            link("preferred", k, f"{e(channel(k))} {vocabulary.number(n)}")
            for k, n in sorted(r.channels_preferred.items(), key=lambda kv: -kv[1])
        )
        line(self.tr("Prefer:"), pref or "—")
        if r.mismatch() and not total:
            share = r.on_preferred_channel / r.with_preference if r.with_preference else 0
            parts.append(
                f"<br><span style='color:{warn}'>"
                + e(self.tr("Only {share} of contacts on the channel the client prefers")
                    .format(share=f"{share:.0%}")) + "</span>"
            )
        target = c.settings.answer_target_hours
        line(
            self.tr("Answer:"),
            link("inbound", "", self.tr("median {hours}").format(
                hours=_fmt_hours(r.response_median_hours)))
            + self.tr(", p90 {fmt_hours}, {share} within {target} h").format(
                fmt_hours=_fmt_hours(r.response_p90_hours),
                share=_share(r.answered_within(target)),
                target=target,
            )
            + (" · " + link("unanswered", "", self.tr("%n waiting", "", r.unanswered))
               if r.unanswered else ""),
        )
        if r.satisfaction is None:
            sat = "—"
        else:
            trend = r.satisfaction_trend
            arrow = (
                ""
                if trend is None
                else (
                    f" ▲ {trend:+.1f}"
                    if trend > 0.05
                    else f" ▼ {trend:+.1f}"
                    if trend < -0.05
                    else " ="
                )
            )
            sat = (
                link("rated", "", f"{r.satisfaction:.1f} / 5{arrow}")
                + " " + self.tr("(%n rating(s))", "", r.satisfaction_count)
            )
        line(self.tr("Satisfaction:"), sat)
        p = r.promises
        if p.due:
            prom = (
                self.tr("<b>{share}</b> kept on time of %n due", "", p.due).format(
                    share=_share(p.on_time_share))
                + (
                    " · " + link("promises_late", "", self.tr("%n late", "", p.kept_late))
                    if p.kept_late
                    else ""
                )
                + (
                    " · "
                    + link(
                        "promises_overdue",
                        "",
                        f"<span style='color:{warn}'>"
                        + self.tr("%n overdue", "", p.overdue) + "</span>",
                    )
                    if p.overdue
                    else ""
                )
            )
        else:
            prom = self.tr("none due in the period")
        line(self.tr("Promises:"), prom)
        defaulted = (
            " " + self.tr("({hours} h by channel defaults)").format(
                hours=vocabulary.decimal(r.minutes_defaulted / 60))
            if r.minutes_defaulted
            else ""
        )
        line(self.tr("Staff time:"),
             link("in_touch", "", f"{vocabulary.decimal(r.staff_hours)} h") + e(defaulted))
        def money(cents: int | None) -> str:  # 12,345.67 / 12.345,67
            text = canvas.money_text(cents)
            return text.translate(str.maketrans(",.", ".,")) if i18n.language() == "es" else text

        per = money(r.cost_per_customer_cents) if r.customers else ""
        line(
            self.tr("Cost:"),
            link("in_touch", "", f"<b>{e(money(r.cost_cents))} {cur}</b>")
            + (self.tr(" · {e} per customer").format(e=e(per)) if per else ""),
        )
        ratio = (
            " · " + self.tr("{ratio} × its cost").format(
                ratio=vocabulary.decimal(r.bought_in_period_cents / r.cost_cents))
            if r.cost_cents else ""
        )
        bought = e(money(r.bought_in_period_cents))
        line(self.tr("Bought in the period:"), link("bought", "", f"{bought} {cur}") + ratio)
        others = ", ".join(f"{e(k)} {e(money(v))}" for k, v in r.other_currencies_cents.items())
        line(
            self.tr("Lifetime value:"),
            link("customers", "", f"<b>{e(money(r.lifetime_value_cents))} {cur}</b>")
            + self.tr(" · last 12 months {e}").format(e=e(money(r.last_12_months_cents)))
            + (self.tr(" · also {others}").format(others=others) if others else ""),
        )
        liability = round(r.points_outstanding * c.settings.point_value_cents)
        line(
            self.tr("Points outstanding:"),
            self.tr("{points_outstanding} (worth {e} {cur})").format(
                points_outstanding=vocabulary.number(r.points_outstanding),
                e=e(money(liability)), cur=cur
            ),
        )
        return "".join(parts)

    def _anchor(self, href: str) -> None:
        """seg<i>/<figure>/<key>: the figure of the i-th card (the last is the total)."""
        if self.result is None:
            return
        where, _, rest = href.partition("/")
        figure, _, key = rest.partition("/")
        rows = [*self.result.rows, self.result.total]
        try:
            row = rows[int(where.removeprefix("seg"))]
        except (ValueError, IndexError):
            return
        from urllib.parse import unquote

        self._open(None if row is self.result.total else row.label, figure, unquote(key))

    def _open(self, segment: str | None, figure: str, key: str) -> None:
        scope = self.bar.scope()
        names = {
            "customers": "customers",
            "relationship": "relationship",
            "stage": "stage",
            "channel": "contacted on",
            "preferred": "prefer",
            "in_touch": "in touch in the period",
            "unanswered": "waiting for an answer",
            "inbound": "wrote or called in the period",
            "rated": "rated a contact",
            "promises_late": "promises kept late",
            "promises_overdue": "promises overdue",
            "bought": "bought in the period",
        }
        label_key = {
            "relationship": labels.label(catalog.RELATIONSHIP_LABELS.get(key, key)),
            "stage": dict(labels.pairs(lifecycle.stages())).get(key, key),
            "channel": canvas.channel_label(key),
            "preferred": canvas.channel_label(key),
        }.get(figure, "")
        label = " · ".join(
            p
            for p in (
                segment or "all segments",
                names.get(figure, figure),
                label_key,
                scope.label(),
            )
            if p
        )
        self.drill(lambda: canvas.customers_behind(scope, segment, figure, key), label)


# --- the dashboards -----------------------------------------------------------------------------
class ChartCard(Translatable, QFrame):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)  # a long title wraps: the card stays as narrow as its chart
        self.view = ChartView()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setAccessibleName(self.tr("Chart note"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.note)

    def set_chart(self, chart: Chart) -> None:
        self.title.setText(chart.title)
        self.view.set_chart(chart)
        self.note.setText(chart.note)
        self.note.setVisible(bool(chart.note))


class DashboardView(_Page):
    """Tabs of charts; each tab's figures are computed when it is first shown."""

    #: a chart grows with the window up to this height (on a large screen, two charts of
    #: a tab do not stretch to fill it: the page scrolls instead)
    CARD_MAX_HEIGHT = 460

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.pdf_button = self.bar.add_button(
            self.tr("Export PDF…"),
            self.tr("Every chart as a PDF on the statements' letterhead"),
            lambda: self.export_requested.emit("pdf"),
        )
        self.csv_button = self.bar.add_button(
            self.tr("Export CSV…"),
            self.tr("The figures behind every chart"),
            lambda: self.export_requested.emit("csv"),
        )
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Dashboards"))
        self.cards: dict[str, list[ChartCard]] = {}
        self.boards: dict[str, Dashboard] = {}
        self.loaded: dict[str, Scope] = {}
        for key, label in GROUPS:
            page = QWidget()
            grid = QGridLayout(page)
            grid.setSpacing(10)
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setWidget(page)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            self.tabs.addTab(scroll, texts.translate("dashboard", label))
            self.cards[key] = []
            page.setProperty("group", key)
        self.tabs.currentChanged.connect(lambda _i: self.reload())
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(self.refused)
        layout.addWidget(self.tabs, 1)

    def current_group(self) -> str:
        return GROUPS[max(0, self.tabs.currentIndex())][0]

    def invalidate(self) -> None:
        self.loaded.clear()
        self.stale = True

    def reload(self) -> None:
        self.stale = False
        ok = self.allowed()
        self.tabs.setVisible(ok)
        for button in (self.pdf_button, self.csv_button):
            button.setEnabled(ok and access.can("export"))
        if not ok:
            return
        group, scope = self.current_group(), self.bar.scope()
        if self.loaded.get(group) == scope:
            return
        self.run(
            lambda: dashboard.compute(scope, only={group}),
            lambda board: self._show(group, scope, board),
        )

    def _show(self, group: str, scope: Scope, board: Dashboard) -> None:
        self.loaded[group] = scope
        self.boards[group] = board
        scroll = self.tabs.widget([k for k, _ in GROUPS].index(group))
        assert isinstance(scroll, QScrollArea)
        page = scroll.widget()
        grid = page.layout()
        assert isinstance(grid, QGridLayout)
        cards = self.cards[group]
        while len(cards) < len(board.charts):
            card = ChartCard()
            card.setMinimumHeight(280)
            card.setMaximumHeight(self.CARD_MAX_HEIGHT)
            card.view.point_activated.connect(lambda cat, ser, c=card: self._open(c, cat, ser))
            grid.addWidget(card, len(cards) // 2, len(cards) % 2)
            cards.append(card)
        for card, chart in zip(cards, board.charts, strict=False):
            card.set_chart(chart)
        rows = (len(cards) + 1) // 2
        for row in range(rows + 1):  # charts grow to their limit, what is left stays below
            grid.setRowStretch(row, 1)

    def charts(self) -> list[ChartCard]:
        return [card for cards in self.cards.values() for card in cards]

    def _open(self, card: ChartCard, category: str, series: str) -> None:
        chart = card.view.chart
        if chart is None:
            return
        scope = self.bar.scope()
        cat_label = dict(chart.categories).get(category, category)
        ser_label = next((s.name for s in chart.series if s.key == series), "")
        label = " · ".join(
            p
            for p in (
                chart.title,
                cat_label,
                ser_label if len(chart.series) > 1 else "",
                scope.label(),
            )
            if p
        )
        self.drill(lambda: dashboard.customers_behind(scope, chart.key, category, series), label)

    def all_charts(self) -> Callable[[], Dashboard]:
        scope = self.bar.scope()
        return lambda: dashboard.compute(scope)
