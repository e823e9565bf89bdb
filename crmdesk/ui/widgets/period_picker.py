"""Pick a statement period: a month, a quarter, a year or two dates."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QSpinBox, QWidget

from crmdesk.services import locale_text, periods
from crmdesk.services.periods import Period


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class PeriodPicker(QWidget):
    """Kind (month / quarter / year / dates) and the matching fields; last month by default."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, today: dt.date | None = None):
        super().__init__(parent)
        default = periods.last_month(today)
        self.kind = QComboBox()
        for key, label in (("month", self.tr("Month")), ("quarter", self.tr("Quarter")),
                           ("year", self.tr("Year")), ("range", self.tr("From – to"))):
            self.kind.addItem(label, key)
        self.kind.setAccessibleName(self.tr("Period kind"))
        self.month = QComboBox()
        for n in range(1, 13):
            self.month.addItem(locale_text.month_name(n), n)
        self.month.setCurrentIndex(default.first.month - 1)
        self.month.setAccessibleName(self.tr("Month"))
        self.quarter = QComboBox()
        for q in range(1, 5):
            self.quarter.addItem(self.tr("Q{q}").format(q=q), q)
        self.quarter.setCurrentIndex((default.first.month - 1) // 3)
        self.quarter.setAccessibleName(self.tr("Quarter"))
        self.year = QSpinBox()
        self.year.setRange(1970, 2100)
        self.year.setValue(default.first.year)
        self.year.setAccessibleName(self.tr("Year"))
        self.first = QDateEdit(_qdate(default.first))
        self.last = QDateEdit(_qdate(default.last))
        for edit, name in ((self.first, self.tr("From")), (self.last, self.tr("To"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setAccessibleName(name)
        self.dash = QLabel("–")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.kind, self.month, self.quarter, self.year, self.first, self.dash,
                       self.last):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        for signal in (self.month.currentIndexChanged, self.quarter.currentIndexChanged,
                       self.year.valueChanged, self.first.dateChanged, self.last.dateChanged):
            signal.connect(lambda *_a: self.changed.emit())
        self._kind_changed()
        self.setFocusProxy(self.kind)

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.month.setVisible(kind == "month")
        self.quarter.setVisible(kind == "quarter")
        self.year.setVisible(kind in ("month", "quarter", "year"))
        for widget in (self.first, self.dash, self.last):
            widget.setVisible(kind == "range")
        self.changed.emit()

    def set_kind(self, kind: str) -> None:
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))

    def period(self) -> Period:
        """The chosen period (raises periods.BadPeriod for dates the wrong way round)."""
        kind, year = self.kind.currentData(), self.year.value()
        if kind == "month":
            return periods.parse_period(f"{year}-{self.month.currentData():02d}")
        if kind == "quarter":
            return periods.parse_period(f"{year}-Q{self.quarter.currentData()}")
        if kind == "year":
            return periods.parse_period(str(year))
        return periods.between(_pydate(self.first.date()), _pydate(self.last.date()))
