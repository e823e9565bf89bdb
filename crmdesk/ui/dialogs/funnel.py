"""The funnel report: how customers moved from each stage to the next over a period."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crmdesk.services import lifecycle
from crmdesk.ui.widgets import vocabulary
from crmdesk.ui.widgets.vocabulary import number


class FunnelDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Funnel report"))
        self.resize(640, 360)
        today = QDate.currentDate()
        self.since = QDateEdit(today.addYears(-1))
        self.until = QDateEdit(today)
        for edit, name in ((self.since, self.tr("From")), (self.until, self.tr("To"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setAccessibleName(name)
            edit.dateChanged.connect(self.refresh)
        self.model = QStandardItemModel(0, 5, self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("Stage"), self.tr("Entered"), self.tr("Moved to next"), self.tr("Conversion"),
             self.tr("Median days in stage")])
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Funnel"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.note = QLabel()
        self.note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        period = QHBoxLayout()
        period.addWidget(QLabel(self.tr("From")))
        period.addWidget(self.since)
        period.addWidget(QLabel(self.tr("to")))
        period.addWidget(self.until)
        period.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(period)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.refresh()

    def _day(self, edit: QDateEdit, end: bool = False) -> dt.datetime:
        d = edit.date()
        day = dt.date(d.year(), d.month(), d.day()) + dt.timedelta(days=1 if end else 0)
        return dt.datetime(day.year, day.month, day.day).astimezone()

    def refresh(self) -> None:
        since, until = self._day(self.since), self._day(self.until, end=True)
        if since >= until:
            self.note.setText(self.tr("The start of the period must come before its end."))
            self.model.setRowCount(0)
            return
        rows = lifecycle.funnel(since, until)
        self.model.setRowCount(0)
        for r in rows:
            rate = vocabulary.percent(r.conversion) if r.conversion is not None else "—"
            days = vocabulary.decimal(r.median_days) if r.median_days is not None else "—"
            self.model.appendRow([QStandardItem(text) for text in (
                vocabulary.label(r.label), number(r.entered), number(r.moved_on), rate, days)])
        self.note.setText(self.tr("Entered: customers who came into the stage in the period "
                                  "(moved into it, or added in it). Moved to next and "
                                  "conversion: of those, how many then moved on to the next "
                                  "stage before the period ended. Median days: how long those "
                                  "who left the stage in the period had stayed."))
