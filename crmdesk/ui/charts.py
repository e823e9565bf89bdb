"""Charts drawn with QPainter: grouped and stacked bars, lines and a funnel, for the
dashboards. Hover shows the value, a click (or Enter) asks for the customers behind a point,
the colours read on light and dark palettes, and *Copy as Image* puts the chart on the
clipboard. Measured against QtCharts and pyqtgraph in benchmarks/bench_charts.py."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QImage,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QMenu, QSizePolicy, QToolTip, QWidget

from crmdesk.i18n import Translatable
from crmdesk.services.dashboard import Chart
from crmdesk.ui.widgets import vocabulary

# Okabe & Ito's colour-blind-safe set: distinct on white and on a dark grey alike.
SERIES_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
                  "#F0E442", "#999999"]
# Okabe & Ito's yellow has too little contrast on white (1.3:1): a darker gold there.
ON_LIGHT = {"#F0E442": "#A89A00"}
# Promises: kept on time, late, overdue, not yet due.
MEANING_COLOURS = {"kept_on_time": "#009E73", "kept_late": "#E69F00", "overdue": "#D55E00",
                   "open": "#999999"}

Formatter = Callable[[float | None, str], str]


def _local(text: str) -> str:
    """A number written the English way (1,234.5, 45%) as the window's language writes it
    (1.234,5 and 45 % in Spanish)."""
    if vocabulary.ui_language() != "es":
        return text
    text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text.replace("%", "\u00a0%")


def default_format(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "%":
        return _local(f"{value:.0%}")
    if unit == "money":
        return _local(f"{value / 100:,.2f}")
    if unit in ("h", "days", "score"):
        suffix = {"h": " h", "days": " d", "score": ""}[unit]
        return _local(f"{value:,.1f}") + suffix
    return _local(f"{value:,.0f}")


AXIS_SUFFIX = {"h": " h", "days": " d"}


def _axis_format(value: float, unit: str) -> str:
    """An axis label: the unit of hours and days beside the number (money: its currency is
    in the chart's title)."""
    if unit == "%":
        return _local(f"{value:.0%}")
    if unit == "money":
        value /= 100
    suffix = AXIS_SUFFIX.get(unit, "") if value else ""
    if abs(value) >= 1_000_000:
        return _local(f"{value / 1_000_000:,.1f}") + f" M{suffix}"
    if abs(value) >= 10_000:
        return _local(f"{value / 1000:,.0f}") + f" k{suffix}"
    return _local(f"{value:,.0f}" if value == int(value) else f"{value:,.1f}") + suffix


def nice_ceiling(value: float) -> float:
    """A round number at or above `value` for the top of the axis (1, 2, 2.5, 5 × 10^n)."""
    if value <= 0:
        return 1.0
    exp = math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        top = step * 10 ** exp
        if top >= value * 0.999:
            return float(top)
    return float(10 ** (exp + 1))


#: the widest a bar gets (one or two categories on a wide chart stay bars, not walls)
MAX_BAR_PX = 90

#: the slant of x-axis labels too long to stand level, and the longest such a label gets
SLANT_DEGREES = 35
SLANT_MAX_PX = 120


def category_layout(fm: QFontMetrics, labels: list[str], slot: float) -> tuple[int, int]:
    """How the labels along the x axis fit: (lines, every) — on one line if each fits its
    slot, else wrapped onto two lines if each fits so, else slanted (lines 0), every
    `every`-th one where even slanted labels would touch."""
    room = max(slot - 6, 1)
    if all(fm.horizontalAdvance(t) <= room for t in labels):
        return 1, 1
    if all(_wrapped_lines(fm, t, room) <= 2 for t in labels):
        return 2, 1
    needed = fm.height() / math.sin(math.radians(SLANT_DEGREES))
    return 0, max(1, math.ceil(needed / max(slot, 1)))


def slanted_height(fm: QFontMetrics, labels: list[str]) -> float:
    """The height slanted labels take below the axis."""
    longest = min(max(fm.horizontalAdvance(t) for t in labels), SLANT_MAX_PX)
    a = math.radians(SLANT_DEGREES)
    return longest * math.sin(a) + fm.height() * math.cos(a)


def balanced(fm: QFontMetrics, text: str, width: float) -> str:
    """`text` broken at the space nearest its middle when both halves fit `width` (every
    label of a two-line axis breaks alike: "Dec↵2025", not only the widest ones)."""
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    for i in sorted(spaces, key=lambda i: abs(i - len(text) / 2)):
        head, tail = text[:i], text[i + 1:]
        if max(fm.horizontalAdvance(head), fm.horizontalAdvance(tail)) <= width:
            return f"{head}\n{tail}"
    return text


def _wrapped_lines(fm: QFontMetrics, text: str, width: float) -> int:
    lines, current = 0, ""
    for word in text.split():
        if fm.horizontalAdvance(word) > width:
            return 99
        trial = f"{current} {word}".strip()
        if current and fm.horizontalAdvance(trial) > width:
            lines, current = lines + 1, word
        else:
            current = trial
    return lines + (1 if current else 0)


@dataclass
class Hit:
    rect: QRectF
    series: int
    category: int


class ChartView(Translatable, QWidget):
    """Draws one `services.dashboard.Chart`. `point_activated(category, series)` asks for
    the customers behind a bar or point (keys, as the service understands them)."""

    point_activated = Signal(str, str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.chart: Chart | None = None
        self.format: Formatter = default_format
        self.hits: list[Hit] = []
        self.hover: Hit | None = None
        self.selected: int = -1  # index into hits, for the keyboard
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(320, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.copy_action = QAction(self.tr("&Copy as Image"), self)
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.copy_action.triggered.connect(self.copy_image)
        self.addAction(self.copy_action)
        self.setToolTip(self.tr("Hover for values; click a bar or point to see its customers; "
                        "right-click to copy as an image"))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        return QSize(560, 300)

    def set_chart(self, chart: Chart | None) -> None:
        self.chart = chart
        self.hover = None
        self.selected = -1
        self.setAccessibleName(chart.title if chart else self.tr("Chart"))
        self.setAccessibleDescription(self.describe())
        self.update()

    def describe(self) -> str:
        """The chart in words (for screen readers and the tooltip of an empty chart)."""
        c = self.chart
        if c is None:
            return ""
        parts = []
        for s in c.series:
            values = [f"{label} {self.format(v, c.unit)}"
                      for (_k, label), v in zip(c.categories, s.values, strict=False)
                      if v not in (None, 0)]
            if values:
                parts.append(f"{s.name}: " + ", ".join(values))
        return "; ".join(parts) or self.tr("No data in this period.")

    # --- drawing ----------------------------------------------------------------------------
    def colour(self, index: int) -> QColor:
        c = self.chart
        key = c.series[index].key if c else ""
        name = MEANING_COLOURS.get(key, SERIES_COLOURS[index % len(SERIES_COLOURS)])
        base = self.palette().color(QPalette.ColorRole.Base)
        if base.lightness() > 128:  # on a light background the yellow reads as a darker gold
            name = ON_LIGHT.get(name, name)
        return QColor(name)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt naming
        painter = QPainter(self)
        try:
            self.render_to(painter, QRectF(self.rect()), self.palette())
        finally:
            painter.end()

    def render_to(self, painter: QPainter, area: QRectF, palette: QPalette) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(area, palette.color(QPalette.ColorRole.Base))
        text = palette.color(QPalette.ColorRole.Text)
        faint = QColor(text)
        faint.setAlpha(50)
        self.hits = []
        c = self.chart
        font = QFont(self.font())
        painter.setFont(font)
        fm = QFontMetrics(font)
        if c is None:
            return
        values = [v for s in c.series for v in s.values if v is not None]
        if not c.categories or not any(values):
            painter.setPen(text)
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, self.tr("No data in this period."))
            return
        # Legend along the top.
        x, y = area.left() + 8, area.top() + 6
        legend_h = fm.height() + 6
        if len(c.series) > 1 or c.kind == "funnel":
            for i, s in enumerate(c.series):
                w = fm.horizontalAdvance(s.name) + 26
                if x + w > area.right() - 8:
                    x, y = area.left() + 8, y + legend_h
                painter.fillRect(QRectF(x, y + 3, 12, fm.height() - 6), self.colour(i))
                painter.setPen(text)
                painter.drawText(QPointF(x + 16, y + fm.ascent()), s.name)
                x += w
            y += legend_h
        if c.kind == "funnel":
            self._funnel(painter, QRectF(area.left() + 8, y + 4, area.width() - 16,
                                         area.bottom() - y - 12), fm, text)
            return
        if c.kind == "stacked":
            top = max((sum(s.values[i] or 0 for s in c.series)
                       for i in range(len(c.categories))), default=0.0)
        else:
            top = max(values, default=0.0)
        top = nice_ceiling(float(top)) if c.unit != "%" else 1.0
        mantissa = top / 10 ** math.floor(math.log10(top))
        ticks = 5 if round(mantissa, 3) in (2.5, 5.0) else 4  # round steps: 0.5, 1, 2.5…
        label_w = max(fm.horizontalAdvance(_axis_format(top * k / ticks, c.unit))
                      for k in range(ticks + 1)) + 10
        n = len(c.categories)
        slot = (area.width() - label_w - 20) / n
        names = [lbl for _k, lbl in c.categories]
        lines, every = category_layout(fm, names, slot)
        below = fm.height() * lines if lines else slanted_height(fm, names)
        plot = QRectF(area.left() + label_w + 6, y + 6, area.width() - label_w - 20,
                      area.bottom() - y - below - fm.height() - 14)
        if plot.height() < 40 or plot.width() < 60:
            return
        for k in range(ticks + 1):  # grid and axis labels
            gy = plot.bottom() - plot.height() * k / ticks
            painter.setPen(QPen(faint, 1))
            painter.drawLine(QPointF(plot.left(), gy), QPointF(plot.right(), gy))
            painter.setPen(text)
            label = _axis_format(top * k / ticks, c.unit)
            painter.drawText(QRectF(area.left(), gy - fm.height() / 2, label_w, fm.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
        painter.setPen(text)
        for i, (_key, label) in enumerate(c.categories):
            if i % every:
                continue
            if lines == 0:  # slanted, hanging from its tick
                shown = fm.elidedText(label, Qt.TextElideMode.ElideRight, SLANT_MAX_PX)
                w = fm.horizontalAdvance(shown)
                painter.save()
                painter.translate(plot.left() + slot * (i + 0.5) + fm.ascent() / 3,
                                  plot.bottom() + 4)
                painter.rotate(-SLANT_DEGREES)
                painter.drawText(QRectF(-w - 2, 0, w + 2, fm.height()),
                                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, shown)
                painter.restore()
                continue
            box = QRectF(plot.left() + i * slot - slot * (every - 1) / 2, plot.bottom() + 4,
                         slot * every, fm.height() * lines)
            if lines == 1:
                shown = fm.elidedText(label, Qt.TextElideMode.ElideRight, int(box.width() - 4))
                painter.drawText(box, Qt.AlignmentFlag.AlignHCenter, shown)
            else:
                painter.drawText(box.adjusted(2, 0, -2, 0), Qt.AlignmentFlag.AlignHCenter
                                 | Qt.TextFlag.TextWordWrap,
                                 balanced(fm, label, box.width() - 4))

        def ypos(v: float) -> float:
            return plot.bottom() - plot.height() * min(v, top) / top

        if c.kind == "line":
            for si, s in enumerate(c.series):
                pen = QPen(self.colour(si), 2.2)
                painter.setPen(pen)
                path = QPainterPath()
                started = False
                points = []
                for i, v in enumerate(s.values):
                    if v is None:
                        started = False
                        continue
                    pt = QPointF(plot.left() + slot * (i + 0.5), ypos(float(v)))
                    points.append((i, pt))
                    if started:
                        path.lineTo(pt)
                    else:
                        path.moveTo(pt)
                        started = True
                painter.drawPath(path)
                painter.setBrush(self.colour(si))
                for i, pt in points:
                    r = 5.0 if self._is_hot(si, i) else 3.2
                    painter.drawEllipse(pt, r, r)
                    self.hits.append(Hit(QRectF(pt.x() - 7, pt.y() - 7, 14, 14), si, i))
                painter.setBrush(Qt.BrushStyle.NoBrush)
        else:
            groups = 1 if c.kind == "stacked" else len(c.series)
            bar_w = max(2.0, min(slot * 0.72 / groups, MAX_BAR_PX))
            inset = (slot - bar_w * groups) / 2  # the bars of a category, centred
            for i in range(n):
                base = plot.bottom()
                for si, s in enumerate(c.series):
                    v = s.values[i]
                    if v is None or v == 0:
                        continue
                    h = plot.height() * min(float(v), top) / top
                    if c.kind == "stacked":
                        rect = QRectF(plot.left() + slot * i + inset, base - h, bar_w, h)
                        base -= h
                    else:
                        rect = QRectF(plot.left() + slot * i + inset + bar_w * si,
                                      plot.bottom() - h, bar_w - 1, h)
                    colour = self.colour(si)
                    if self._is_hot(si, i):
                        colour = colour.lighter(125)
                    painter.fillRect(rect, colour)
                    self.hits.append(Hit(rect, si, i))
        if self.hasFocus() and 0 <= self.selected < len(self.hits):
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 2,
                                Qt.PenStyle.DashLine))
            painter.drawRect(self.hits[self.selected].rect.adjusted(-2, -2, 2, 2))

    def _funnel(self, painter: QPainter, area: QRectF, fm: QFontMetrics, text: QColor) -> None:
        c = self.chart
        assert c is not None
        n = len(c.categories)
        label_w = max(fm.horizontalAdvance(lbl) for _k, lbl in c.categories) + 12
        values = [float(v or 0) for s in c.series for v in s.values]
        top = max(values) or 1.0
        row_h = area.height() / max(n, 1)
        bars = len(c.series)
        width = area.width() - label_w - 60
        for i, (_key, label) in enumerate(c.categories):
            y = area.top() + i * row_h
            painter.setPen(text)
            painter.drawText(QRectF(area.left(), y, label_w - 6, row_h),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
            bar_h = max(3.0, row_h * 0.8 / bars)
            for si, s in enumerate(c.series):
                v = float(s.values[i] or 0)
                if not v:
                    continue
                w = width * v / top
                centre = area.left() + label_w + width / 2
                rect = QRectF(centre - w / 2, y + row_h * 0.1 + si * bar_h, max(w, 1), bar_h - 1)
                colour = self.colour(si)
                if self._is_hot(si, i):
                    colour = colour.lighter(125)
                painter.fillRect(rect, colour)
                if s.values[i]:
                    self.hits.append(Hit(rect, si, i))
                    if si == 0:
                        painter.setPen(text)
                        painter.drawText(QPointF(area.left() + label_w + width + 6,
                                                 rect.center().y() + fm.ascent() / 2 - 1),
                                         self.format(s.values[i], c.unit))

    def _is_hot(self, series: int, category: int) -> bool:
        h = self.hover
        return h is not None and (h.series, h.category) == (series, category)

    # --- interaction ------------------------------------------------------------------------
    def hit_at(self, pos: QPointF) -> Hit | None:
        for hit in reversed(self.hits):
            if hit.rect.adjusted(-2, -2, 2, 2).contains(pos):
                return hit
        return None

    def tooltip_for(self, hit: Hit) -> str:
        c = self.chart
        assert c is not None
        s = c.series[hit.series]
        label = c.categories[hit.category][1]
        value = self.format(s.values[hit.category], c.unit)
        name = f"{s.name} · " if len(c.series) > 1 else ""
        return f"{name}{label}: {value}\n" + self.tr("Click to see the customers")

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt naming
        hit = self.hit_at(event.position())
        if (hit and self.hover and (hit.series, hit.category) ==
                (self.hover.series, self.hover.category)):
            return
        self.hover = hit
        self.setCursor(Qt.CursorShape.PointingHandCursor if hit else Qt.CursorShape.ArrowCursor)
        if hit:
            QToolTip.showText(event.globalPosition().toPoint(), self.tooltip_for(hit), self)
        else:
            QToolTip.hideText()
        self.update()

    def leaveEvent(self, _event: object) -> None:  # noqa: N802 - Qt naming
        self.hover = None
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt naming
        if event.button() == Qt.MouseButton.LeftButton:
            hit = self.hit_at(event.position())
            if hit:
                self.activate(hit)

    def activate(self, hit: Hit) -> None:
        c = self.chart
        if c is None:
            return
        self.point_activated.emit(c.categories[hit.category][0], c.series[hit.series].key)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt naming
        if self.hits and event.key() in (Qt.Key.Key_Right, Qt.Key.Key_Left):
            step = 1 if event.key() == Qt.Key.Key_Right else -1
            self.selected = (self.selected + step) % len(self.hits)
            hit = self.hits[self.selected]
            self.hover = hit
            QToolTip.showText(self.mapToGlobal(hit.rect.center().toPoint()),
                              self.tooltip_for(hit), self)
            self.update()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                0 <= self.selected < len(self.hits):
            self.activate(self.hits[self.selected])
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt naming
        self.update()
        super().focusOutEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt naming
        menu = QMenu(self)
        menu.addAction(self.copy_action)
        hit = self.hit_at(QPointF(event.pos()))
        if hit:
            show = menu.addAction(self.tr("Show the Customers Behind This"))
            show.triggered.connect(lambda: self.activate(hit))
        menu.exec(event.globalPos())

    def image(self, scale: float = 2.0) -> QImage:
        """The chart with its title as an image (twice the size on screen, for a sharp
        paste), on the window's palette."""
        size = self.size() if self.width() > 50 else QSize(720, 360)
        font = QFont(self.font())
        font.setBold(True)
        title_h = QFontMetrics(font).height() + 10 if self.chart else 0
        img = QImage(int(size.width() * scale), int((size.height() + title_h) * scale),
                     QImage.Format.Format_ARGB32)
        img.setDevicePixelRatio(scale)
        palette = self.palette()
        hits, painter = self.hits, QPainter(img)
        try:
            painter.fillRect(QRectF(0, 0, size.width(), title_h),
                             palette.color(QPalette.ColorRole.Base))
            if self.chart:
                painter.setFont(font)
                painter.setPen(palette.color(QPalette.ColorRole.Text))
                painter.drawText(QRectF(8, 4, size.width() - 16, title_h - 4),
                                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                                 self.chart.title)
            self.render_to(painter, QRectF(0, title_h, size.width(), size.height()), palette)
        finally:
            painter.end()
            self.hits = hits  # where the bars are on screen, for the mouse
        return img

    def copy_image(self) -> None:
        QGuiApplication.clipboard().setImage(self.image())
