"""The relationship canvas and the dashboards as PDF, on the statements' letterhead (logo,
business name and address, "page X of Y"). Charts are ReportLab drawings (vector), table
cells plain strings: text from the book is never read as markup."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from crmdesk.reports import cjk
from crmdesk.reports.statement_pdf import BOLD, FONT, INK, MUTED, RULE, STRIPE, _fit, register_fonts
from crmdesk.services import access, audit, business, canvas, catalog, lifecycle
from crmdesk.services.canvas import Canvas, SegmentRow
from crmdesk.services.canvas_export import private_open
from crmdesk.services.dashboard import GROUPS, Chart, Dashboard
from crmdesk.services.exporting import atomic_file

PAGE_W, PAGE_H = landscape(A4)
MARGIN = 15 * mm
TOP, BOTTOM = 34 * mm, 18 * mm
WIDTH = PAGE_W - 2 * MARGIN
SERIES = [colors.HexColor(c) for c in ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9",
                                       "#D55E00", "#F0E442", "#999999")]
MEANING = {"kept_on_time": "#009E73", "kept_late": "#E69F00", "overdue": "#D55E00",
           "open": "#999999"}


class _Letterhead(rl_canvas.Canvas):
    """Logo, business name and address on every page; the report's title and 'page X of
    Y' at the foot once the page count is known."""

    title = ""
    subtitle = ""
    logo: ImageReader | None = None
    business_name = ""
    business_lines: list[str] = []

    def __init__(self, *args: Any, **kwargs: Any):
        kwargs["initialFontName"] = kwargs.get("initialFontName") or FONT
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - ReportLab naming
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        for number, state in enumerate(self._pages, 1):
            self.__dict__.update(state)
            self._decorate(number, len(self._pages))
            rl_canvas.Canvas.showPage(self)
        rl_canvas.Canvas.save(self)

    def _decorate(self, page: int, pages: int) -> None:
        top = PAGE_H - 10 * mm
        size = 15 * mm
        if self.logo is not None:
            self.drawImage(self.logo, MARGIN, top - size, size, size, preserveAspectRatio=True,
                           anchor="sw", mask="auto")
        x = PAGE_W - MARGIN
        self.setFillColor(INK)
        # Every string through cjk.draw: Korean, Japanese or Chinese in a font that has it.
        cjk.draw(self, x, top - 4 * mm, _fit(self.business_name, 120 * mm, BOLD, 12), BOLD, 12,
                 right=True)
        self.setFillColor(MUTED)
        for i, line in enumerate(self.business_lines[:3]):
            cjk.draw(self, x, top - 8.5 * mm - i * 3.6 * mm, _fit(line, 120 * mm, FONT, 8),
                     FONT, 8, right=True)
        self.setFillColor(INK)
        cjk.draw(self, MARGIN + size + 5 * mm, top - 6 * mm,
                 _fit(self.title, 120 * mm, BOLD, 15), BOLD, 15)
        self.setFillColor(MUTED)
        cjk.draw(self, MARGIN + size + 5 * mm, top - 11 * mm,
                 _fit(self.subtitle, 140 * mm, FONT, 9), FONT, 9)
        rule_y = top - size - 3 * mm
        self.setStrokeColor(RULE)
        self.setLineWidth(0.6)
        self.line(MARGIN, rule_y, PAGE_W - MARGIN, rule_y)
        self.line(MARGIN, BOTTOM - 5 * mm, PAGE_W - MARGIN, BOTTOM - 5 * mm)
        self.setFont(FONT, 7.5)
        left = " · ".join(p for p in (self.business_name, self.title, self.subtitle) if p)
        cjk.draw(self, MARGIN, BOTTOM - 9 * mm, _fit(left, WIDTH * 0.8, FONT, 7.5), FONT, 7.5)
        self.drawRightString(PAGE_W - MARGIN, BOTTOM - 9 * mm, f"page {page} of {pages}")


def _letterhead(title: str, subtitle: str) -> type[_Letterhead]:
    biz = business.load()
    logo = ImageReader(io.BytesIO(business.printable_logo(biz.logo or business.default_logo())))
    return type("Letterhead", (_Letterhead,), {
        "title": title, "subtitle": subtitle, "logo": logo,
        "business_name": biz.name or "crmdesk", "business_lines": biz.address_lines})


def _build(story: list[Flowable], out: Path, title: str, subtitle: str) -> None:
    register_fonts()
    maker = _letterhead(title, subtitle)
    with atomic_file(out, 0o600) as part, private_open(part) as fh:
        doc = BaseDocTemplate(fh, pagesize=landscape(A4), leftMargin=MARGIN,
                              rightMargin=MARGIN, topMargin=TOP, bottomMargin=BOTTOM,
                              title=title, author=maker.business_name, subject=subtitle,
                              creator="crmdesk", invariant=1)
        frame = Frame(MARGIN, BOTTOM, WIDTH, PAGE_H - TOP - BOTTOM, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        doc.build(story, canvasmaker=maker)


def _subtitle(scope: canvas.Scope, currency: str) -> str:
    return f"{scope.label()} · money in {currency}"


# --- the canvas -------------------------------------------------------------------------------
def _hours(v: float | None) -> str:
    return "—" if v is None else f"{v:,.1f} h"


def _share(v: float | None) -> str:
    return "—" if v is None else f"{v:.0%}"


def _counts(counts: dict[str, int], labels: dict[str, str], total: int | None = None) -> str:
    items = sorted(counts.items(), key=lambda kv: -kv[1])
    if total:
        return "\n".join(f"{labels.get(k, k)} {n / total:.0%}" for k, n in items[:4])
    return "\n".join(f"{labels.get(k, k)} {n:,}" for k, n in items[:4]) or "—"


SHORT_RELATIONSHIP = {"personal": "Personal", "exclusive": "Exclusive",
                      "self_service": "Self-service", "automated": "Automated",
                      "community": "Community", "co_creation": "Co-creation"}
SHORT_CHANNEL = {"chat": "Chat", "sms": "SMS", "portal": "Portal", "automated": "Automated",
                 "social": "Social media", "video": "Video", "in_person": "In person"}


def figure_rows(c: Canvas) -> list[tuple[str, list[str]]]:
    """(figure, one text per segment and the total) — the canvas as a table."""
    rows = [*c.rows, c.total]
    target = c.settings.answer_target_hours
    stage_labels = dict(lifecycle.stages())
    channel_labels = {**catalog.CONTACT_CHANNEL_LABELS, **catalog.INTERACTION_CHANNEL_LABELS,
                      **SHORT_CHANNEL}

    def each(fn: Any) -> list[str]:
        return [fn(r) for r in rows]

    def sat(r: SegmentRow) -> str:
        if r.satisfaction is None:
            return "—"
        trend = r.satisfaction_trend
        arrow = "" if trend is None else (f" ▲{trend:+.1f}" if trend > 0.05 else
                                          f" ▼{trend:+.1f}" if trend < -0.05 else " =")
        return f"{r.satisfaction:.1f} / 5{arrow}"

    def promises(r: SegmentRow) -> str:
        p = r.promises
        if not p.due:
            return "—"
        return (f"{_share(p.on_time_share)} on time\n{p.kept_late} late, {p.overdue} overdue"
                f" of {p.due}")

    def value(r: SegmentRow) -> str:
        text = canvas.money_text(r.lifetime_value_cents)
        others = ", ".join(f"{k} {canvas.money_text(v)}"
                           for k, v in r.other_currencies_cents.items())
        return f"{text}\n+ {others}" if others else text

    def ratio(r: SegmentRow) -> str:
        if not r.cost_cents:
            return "—"
        return f"{r.bought_in_period_cents / r.cost_cents:,.1f} ×"

    return [
        ("Customers", each(lambda r: f"{r.customers:,}")),
        ("Relationship types", each(lambda r: _counts(r.relationship_types, SHORT_RELATIONSHIP))),
        ("Lifecycle stages", each(lambda r: _counts(r.stages, stage_labels, r.customers))),
        ("Channels used", each(lambda r: _counts(r.channels_used, channel_labels,
                                                 r.interactions))),
        ("Channels preferred", each(lambda r: _counts(r.channels_preferred, channel_labels))),
        ("Contacts in the period", each(lambda r: f"{r.interactions:,}")),
        ("Response median / p90", each(lambda r: f"{_hours(r.response_median_hours)} / "
                                                 f"{_hours(r.response_p90_hours)}")),
        (f"Answered within {target} h", each(lambda r: _share(r.answered_within(target)))),
        ("Satisfaction and trend", each(sat)),
        ("Promises kept on time", each(promises)),
        ("Staff time", each(lambda r: f"{r.staff_hours:,.1f} h")),
        ("Cost", each(lambda r: canvas.money_text(r.cost_cents))),
        ("Cost per customer", each(lambda r: canvas.money_text(r.cost_per_customer_cents))),
        ("Bought in the period", each(lambda r: canvas.money_text(r.bought_in_period_cents))),
        ("Bought per unit of cost", each(ratio)),
        ("Lifetime value", each(value)),
        ("Last 12 months", each(lambda r: canvas.money_text(r.last_12_months_cents))),
        ("Points outstanding", each(lambda r: f"{r.points_outstanding:,}")),
    ]


def canvas_story(c: Canvas) -> list[Flowable]:
    register_fonts()
    rows = figure_rows(c)
    names = [r.label for r in [*c.rows, c.total]]
    story: list[Flowable] = []
    per_page = 5
    for start in range(0, len(names), per_page):
        cols = list(range(start, min(start + per_page, len(names))))
        data = [["", *[_cell(_fit(names[i], 44 * mm, BOLD, 9), BOLD, 9) for i in cols]]]
        data += [[label, *[values[i] for i in cols]] for label, values in rows]
        first = 48 * mm
        table = Table(data, colWidths=[first] + [(WIDTH - first) / len(cols)] * len(cols),
                      repeatRows=1)
        table.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), FONT, 7.6),
            ("FONT", (0, 0), (-1, 0), BOLD, 9),
            ("FONT", (0, 1), (0, -1), BOLD, 7.6),
            ("TEXTCOLOR", (0, 0), (-1, -1), INK),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, STRIPE]),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 2.2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
        ]))
        story += [table, Spacer(1, 5 * mm)]
    notes = [r.mismatch() for r in c.rows if r.mismatch()]
    prefs = c.settings
    costs = ", ".join(f"{role} {canvas.money_text(cents)}/h"
                      for role, cents in sorted(prefs.hourly_cost_cents.items()))
    notes.append(f"Staff time: logged durations, or the channel's default where none was "
                 f"logged. Cost per hour: {costs}. Customers: in the book today; period "
                 "figures include archived and forgotten customers.")
    story.append(_NoteBlock([n for n in notes if n]))
    return story


def _cell(text: str, font: str, size: float) -> Any:
    """A table cell: the plain string, or, when it holds text DejaVu cannot draw, a
    Paragraph with that text (escaped) in a CJK font."""
    if not cjk.needs_fallback(text, font):
        return text
    style = ParagraphStyle(f"cell-{font}-{size}", fontName=font, fontSize=size,
                           leading=size * 1.2, textColor=INK)
    return Paragraph(cjk.markup(text, font), style)


class _NoteBlock(Flowable):
    """Notes as plain text (never markup), each wrapped at word boundaries."""

    def __init__(self, notes: list[str]):
        super().__init__()
        self.notes = notes
        self.lines: list[str] = []

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.lines = [line for note in self.notes
                      for line in simpleSplit(note, FONT, 8, avail_width)]
        return avail_width, 4.2 * mm * len(self.lines) + 2 * mm

    def draw(self) -> None:
        c = self.canv
        c.setFont(FONT, 8)
        c.setFillColor(MUTED)
        for i, line in enumerate(self.lines):
            cjk.draw(c, 0, 4.2 * mm * (len(self.lines) - i - 1) + 1 * mm, line, FONT, 8)


def write_canvas_pdf(c: Canvas, out: Path) -> None:
    access.require("analytics")
    access.require("export")
    _build(canvas_story(c), out, "Relationship canvas", _subtitle(c.scope, c.currency))
    audit.record("export", [None], f"relationship canvas PDF {out.name}")


# --- the dashboards -----------------------------------------------------------------------------
def _fmt(unit: str) -> Any:
    def fmt(v: float) -> str:
        if unit == "%":
            return f"{v:.0%}"
        if unit == "money":
            v /= 100
        if abs(v) >= 1_000_000:
            return f"{v / 1_000_000:,.1f}M"
        if abs(v) >= 10_000:
            return f"{v / 1000:,.0f}k"
        return f"{v:,.0f}" if v == int(v) else f"{v:,.1f}"
    return fmt


def _font_for(text: str, font: str = FONT) -> str:
    """A drawing's String has one font: DejaVu, or, for a name DejaVu has no glyphs for (a
    Korean staff member, a Japanese reward), a CJK font that has them."""
    return font if not cjk.needs_fallback(text, font) else cjk.cid_font(text)


def chart_drawing(chart: Chart, width: float, height: float) -> Drawing:
    """One chart as a ReportLab drawing: title, legend, bars or lines, notes. Names typed by
    the business (categories, series) are drawn in a font that has their glyphs."""
    d = Drawing(width, height)
    d.add(String(0, height - 11, _fit(chart.title, width, BOLD, 9.5),
                 fontName=_font_for(chart.title, BOLD), fontSize=9.5, fillColor=INK))
    lines: list[str] = []
    if chart.note:  # two lines at most, the second cut if need be
        lines = simpleSplit(chart.note, FONT, 7, width)
        if len(lines) > 2:
            lines = [lines[0], _fit(" ".join(lines[1:]), width, FONT, 7)]
        for i, line in enumerate(lines):
            d.add(String(0, 2 + 8 * (len(lines) - 1 - i), line, fontName=_font_for(line),
                         fontSize=7, fillColor=MUTED))
    values = [v for s in chart.series for v in s.values if v is not None]
    if not chart.categories or not any(values):
        d.add(String(width / 2, height / 2, "No data in this period.", fontName=FONT,
                     fontSize=8, fillColor=MUTED, textAnchor="middle"))
        return d
    data = [[float(v) if v is not None else None for v in s.values] for s in chart.series]
    labels = [lbl for _k, lbl in chart.categories]
    plot: Any
    if chart.kind == "funnel":
        plot = HorizontalBarChart()
        plot.data = [list(reversed([v or 0 for v in row])) for row in data]
        plot.categoryAxis.categoryNames = list(reversed(labels))
        plot.x, plot.y, plot.width, plot.height = 70, 22, width - 90, height - 60
    elif chart.kind == "line":
        plot = HorizontalLineChart()
        plot.data = data  # gaps (None) stay gaps
        plot.categoryAxis.categoryNames = labels
        plot.x, plot.y, plot.width, plot.height = 40, 44, width - 50, height - 80
        for i in range(len(data)):
            plot.lines[i].strokeWidth = 1.6
    else:
        plot = VerticalBarChart()
        plot.data = [[v or 0 for v in row] for row in data]
        plot.categoryAxis.categoryNames = labels
        plot.x, plot.y, plot.width, plot.height = 40, 44, width - 50, height - 80
        if len(labels) < 4:
            plot.groupSpacing = 40
        if chart.kind == "stacked":
            plot.categoryAxis.style = "stacked"
        plot.barSpacing = 0.5
    if len(lines) > 1:  # room for the note's second line under the axis labels
        plot.y += 8
        plot.height -= 8
    for i, s in enumerate(chart.series):
        colour = colors.HexColor(MEANING[s.key]) if s.key in MEANING else SERIES[i % len(SERIES)]
        if chart.kind == "line":
            plot.lines[i].strokeColor = colour
        else:
            plot.bars[i].fillColor = colour
            plot.bars[i].strokeColor = None
    value_axis = plot.valueAxis
    value_axis.labels.fontName = FONT
    value_axis.labels.fontSize = 6.5
    value_axis.labelTextFormat = _fmt(chart.unit)
    value_axis.valueMin = 0
    if chart.unit == "%":
        value_axis.valueMax = 1
    cat = plot.categoryAxis
    cat.labels.fontName = FONT
    cat.labels.fontSize = 6.5
    shown = list(reversed(labels)) if chart.kind == "funnel" else labels
    for i, label in enumerate(shown):
        if (name := _font_for(label)) != FONT:
            cat.labels[i].fontName = name
    if chart.kind != "funnel" and (len(labels) > 6 or max(map(len, labels)) * len(labels) > 70):
        cat.labels.angle = 30
        cat.labels.boxAnchor = "ne"
    d.add(plot)
    if len(chart.series) > 1:
        legend = Legend()
        legend.x, legend.y = 0, height - 20
        legend.alignment = "right"
        legend.columnMaximum = 1
        legend.deltax = 8
        legend.dxTextSpace = 3
        legend.fontName = _font_for("".join(s.name for s in chart.series[:8]))
        legend.fontSize = 6.5
        legend.boxAnchor = "nw"
        legend.dx = legend.dy = 6
        items = []
        for i, s in enumerate(chart.series[:8]):
            colour = colors.HexColor(MEANING[s.key]) if s.key in MEANING else \
                SERIES[i % len(SERIES)]
            items.append((colour, _fit(s.name, 90, FONT, 6.5)))
        legend.colorNamePairs = items
        legend.columnMaximum = 1
        legend.variColumn = 1
        # one row: as many columns as series
        legend.columnMaximum = 1
        legend.subCols.minWidth = 0
        d.add(legend)
    return d


class _ChartFlowable(Flowable):
    def __init__(self, chart: Chart, width: float, height: float):
        super().__init__()
        self.drawing = chart_drawing(chart, width, height)
        self.width, self.height = width, height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.drawing.drawOn(self.canv, 0, 0)


def dashboard_story(board: Dashboard) -> list[Flowable]:
    register_fonts()
    story: list[Flowable] = []
    half = (WIDTH - 10 * mm) / 2
    height = 64 * mm
    titles = dict(GROUPS)
    for group, _label in GROUPS:
        charts = [c for c in board.charts if c.group == group]
        if not charts:
            continue
        for start in range(0, len(charts), 2):
            pair = charts[start:start + 2]
            cells = [_ChartFlowable(c, half, height) for c in pair]
            table = Table([cells], colWidths=[half + 10 * mm, half])
            table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0),
                                       ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                       ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            parts: list[Flowable] = [_Heading(titles[group])] if start == 0 else []
            story.append(KeepTogether([*parts, table, Spacer(1, 3 * mm)]))
    return story


class _Heading(Flowable):
    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return avail_width, 8 * mm

    def draw(self) -> None:
        self.canv.setFont(BOLD, 11.5)
        self.canv.setFillColor(INK)
        self.canv.drawString(0, 2.5 * mm, self.text)


def write_dashboard_pdf(board: Dashboard, out: Path) -> None:
    access.require("analytics")
    access.require("export")
    _build(dashboard_story(board), out, "Dashboards", _subtitle(board.scope, board.currency))
    audit.record("export", [None], f"dashboards PDF {out.name}")
