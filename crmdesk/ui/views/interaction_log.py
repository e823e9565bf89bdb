"""The interaction log: every contact, filterable by dates, channel, staff, direction, text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crmdesk.i18n import Translatable
from crmdesk.services import catalog, interaction_query, response_times, staff
from crmdesk.services.interaction_query import InteractionFilter
from crmdesk.ui import labels, workers
from crmdesk.ui.models.lazy_table import LazyTableModel, local_time
from crmdesk.ui.widgets.fields import OptionalDateEdit
from crmdesk.ui.widgets.flow import FlowLayout


class InteractionTableModel(LazyTableModel):
    headers = ("When", "Customer", "Channel", "Direction", "Staff", "Subject", "Notes")

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self.headers = (self.tr("When"), self.tr("Customer"), self.tr("Channel"),
                        self.tr("Direction"), self.tr("Staff"), self.tr("Subject"),
                        self.tr("Notes"))
        self.filter = InteractionFilter()

    def load_keys(self) -> list[Hashable]:
        return list(interaction_query.interaction_ids(self.filter))

    def load_rows(self, keys: list[Hashable]) -> dict[Hashable, Any]:
        return dict(interaction_query.rows_by_id([int(str(k)) for k in keys]))

    def cell(self, row: tuple[Any, ...], column: int) -> str:
        if column == 0:
            return local_time(row[1])
        if column == 2:
            return labels.label(catalog.INTERACTION_CHANNEL_LABELS.get(row[3], row[3]))
        if column == 3:
            return labels.label(catalog.DIRECTION_LABELS.get(row[4], row[4]))
        value = {1: row[2], 4: row[5], 5: row[6], 6: row[7]}[column]
        return " ".join(str(value).split())

    def customer_at(self, row: int) -> int | None:
        data = self.row_data(row)
        return int(data[8]) if data else None


class InteractionLogView(Translatable, QWidget):
    customer_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = InteractionTableModel(self)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search subjects, notes and outcomes"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search interactions"))
        self.since = OptionalDateEdit()
        self.since.setAccessibleName(self.tr("From date"))
        self.since.setToolTip(self.tr("From this day (blank: from the beginning)"))
        self.until = OptionalDateEdit()
        self.until.setAccessibleName(self.tr("To date"))
        self.until.setToolTip(self.tr("Up to this day, included (blank: until now)"))
        self.channel = QComboBox()
        self.channel.addItem(self.tr("Any channel"), "")
        for key, label in labels.pairs(catalog.INTERACTION_CHANNELS):
            self.channel.addItem(label, key)
        self.channel.setAccessibleName(self.tr("Filter by channel"))
        self.direction = QComboBox()
        self.direction.addItem(self.tr("In and out"), "")
        for key, label in labels.pairs(catalog.DIRECTIONS):
            self.direction.addItem(label, key)
        self.direction.setAccessibleName(self.tr("Filter by direction"))
        self.staff = QComboBox()
        self.staff.setAccessibleName(self.tr("Filter by staff member"))
        self.count = QLabel()
        self.response = QLabel()
        self.response.setTextFormat(Qt.TextFormat.PlainText)
        self.response.setWordWrap(True)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Interactions"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in enumerate((120, 170, 110, 80, 120, 180)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count)
        filter_bar = QWidget()
        # wraps onto a second row in a narrow window (Spanish labels are longer)
        filters = FlowLayout(filter_bar)
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(QLabel(self.tr("From")))
        filters.addWidget(self.since)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.until)
        for combo in (self.channel, self.direction, self.staff):
            filters.addWidget(combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(filter_bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.response)
        self.search.textChanged.connect(self.apply)
        for combo in (self.channel, self.direction, self.staff):
            combo.currentIndexChanged.connect(self.apply)
        self.since.changed.connect(self.apply)
        self.until.changed.connect(self.apply)
        self.table.activated.connect(self._activated)

    def refresh_staff(self) -> None:
        current = self.staff.currentData()
        self.staff.blockSignals(True)
        self.staff.clear()
        self.staff.addItem(self.tr("Anyone"), None)
        for member in staff.list_staff(include_inactive=True):
            self.staff.addItem(member.name, member.id)
        self.staff.setCurrentIndex(max(0, self.staff.findData(current)))
        self.staff.blockSignals(False)

    def set_dates(self, since: dt.date | None, until: dt.date | None) -> None:
        self.since.set_date(since)
        self.until.set_date(until)

    def apply(self) -> None:
        self.model.filter = InteractionFilter(
            since=self.since.date(), until=self.until.date(),
            channel=self.channel.currentData(), staff_id=self.staff.currentData(),
            direction=self.direction.currentData(), text=self.search.text())
        self.model.reload()
        self.count.setText(self.tr("%n interaction(s)", "", self.model.rowCount()))

    #: the book changed since this view was last read (it is read when shown)
    stale = True

    def reload(self) -> None:
        self.stale = False
        self.refresh_staff()
        self.apply()
        # Over the whole log this takes a second or more on a big book: off the GUI thread.
        if self._task is not None:
            self._task.cancel()
        self.response.setText(self.tr("Response times: computing…"))
        task = workers.Task(lambda _progress: response_times.per_staff())
        task.signals.finished.connect(self._show_response_times)
        self._task = workers.start(task)

    _task: workers.Task | None = None

    def _show_response_times(self, by_staff: dict[str, response_times.Summary]) -> None:
        self._task = None
        if by_staff:
            parts = [self.tr("{name}: {mean} average, {median} median ({answered})").format(
                name=name, mean=response_times.describe(s.mean_seconds),
                median=response_times.describe(s.median_seconds), answered=s.answered)
                for name, s in by_staff.items()]
            self.response.setText(self.tr("Response times — ") + "; ".join(parts))
        else:
            self.response.setText(self.tr("Response times appear once inbound contacts are "
                                          "answered."))

    def _activated(self, index: QModelIndex) -> None:
        cid = self.model.customer_at(index.row())
        if cid is not None:
            self.customer_requested.emit(cid)

