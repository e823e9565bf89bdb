"""Profile → Timeline: everything that happened with this customer, newest first."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crmdesk.i18n import Translatable
from crmdesk.services import catalog, lifecycle, response_times, texts, timeline
from crmdesk.services.timeline import Entry
from crmdesk.ui import labels
from crmdesk.ui.models.lazy_table import KEY_ROLE, Index, LazyTableModel, local_time
from crmdesk.ui.widgets.flow import FlowLayout


class TimelineModel(LazyTableModel):
    headers = ("When (due)", "What happened", "Staff")

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self.headers = (self.tr("When (due)"), self.tr("What happened"), self.tr("Staff"))
        self.customer_id: int | None = None
        self.kind = ""
        self.channel = ""

    def load_keys(self) -> list[Hashable]:
        if self.customer_id is None:
            return []
        return list(timeline.entry_keys(self.customer_id, self.kind, self.channel))

    def load_rows(self, keys: list[Hashable]) -> dict[Hashable, Any]:
        return dict(timeline.entries(keys))  # type: ignore[arg-type]

    def cell(self, row: Entry, column: int) -> str:
        if column == 1:
            return f"{row.title}\n{' '.join(row.detail.split())}"
        return local_time(row.when) if column == 0 else row.staff

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            row = self.row_data(index.row())  # the whole note, however long
            return None if row is None else f"{row.title}\n\n{row.detail}"
        return super().data(index, role)

    def extra_data(self, index: Index, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole:
            row = self.row_data(index.row())
            if row is not None and row.promise and row.status == "open":
                font = QFont()
                font.setBold(True)
                return font
        return None


class TimelineView(Translatable, QWidget):
    log_requested = Signal()
    follow_up_requested = Signal()
    edit_requested = Signal(int)  # interaction id
    done_requested = Signal(int)  # follow-up id

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = TimelineModel(self)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Everything"), "")
        for key, label in timeline.KINDS:
            self.kind.addItem(texts.translate("timeline", label), key)
        self.kind.setAccessibleName(self.tr("Show kind"))
        self.channel = QComboBox()
        self.channel.addItem(self.tr("Any channel"), "")
        for key, label in labels.pairs(catalog.INTERACTION_CHANNELS):
            self.channel.addItem(label, key)
        self.channel.setAccessibleName(self.tr("Show channel"))
        self.log_button = QPushButton(self.tr("Log interaction…"))
        self.log_button.setToolTip(self.tr("Record a call, visit, e-mail… with this customer "
                                           "(Ctrl+I)"))
        self.follow_button = QPushButton(self.tr("Add follow-up…"))
        self.follow_button.setToolTip(self.tr("Something to do for this customer, or a promise "
                                              "made"))
        self.done_button = QPushButton(self.tr("Mark done"))
        self.done_button.setToolTip(self.tr("Mark the selected follow-up as done"))
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Timeline"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Two lines a row (what, then the note), a fixed height so nothing is measured.
        vertical = self.table.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.table.fontMetrics().lineSpacing() * 2 + 10)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(0, 120)
        header.resizeSection(2, 110)
        self.summary.setWordWrap(True)
        # The selected entry in full (a row shows two lines; the rest is here).
        self.full_text = QLabel()
        self.full_text.setTextFormat(Qt.TextFormat.PlainText)
        self.full_text.setWordWrap(True)
        self.full_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.full_text.setAccessibleName(self.tr("The selected entry in full"))
        self.full_text.setMaximumHeight(self.fontMetrics().lineSpacing() * 12)
        button_bar = QWidget()
        # wraps onto a second row when the pane is narrow (Spanish labels are longer):
        # a button is never cut
        buttons = FlowLayout(button_bar)
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.log_button)
        buttons.addWidget(self.follow_button)
        buttons.addWidget(self.done_button)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Show")))
        filters.addWidget(self.kind)
        filters.addWidget(self.channel)
        filters.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(button_bar)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.full_text)
        self.kind.currentIndexChanged.connect(self._filter)
        self.channel.currentIndexChanged.connect(self._filter)
        self.log_button.clicked.connect(self.log_requested)
        self.follow_button.clicked.connect(self.follow_up_requested)
        self.done_button.clicked.connect(self._done)
        self.table.activated.connect(self._activated)
        self.table.selectionModel().currentRowChanged.connect(self._show_full)
        self.model.modelReset.connect(self._cleared)
        self.name = ""
        self.show_customer(None)

    def show_customer(self, customer_id: int | None, name: str = "") -> None:
        self.model.customer_id = customer_id
        self.name = name
        for widget in (self.log_button, self.follow_button, self.done_button, self.kind,
                       self.channel):
            widget.setEnabled(customer_id is not None)
        self.reload()

    def reload(self) -> None:
        self.model.reload()
        cid = self.model.customer_id
        if cid is None:
            self.summary.setText(self.tr("Select a customer to see their timeline."))
            return
        stats = response_times.per_customer(cid)
        entries = self.tr("%n item(s)", "", self.model.rowCount())
        text = self.tr("{name}: {entries}").format(name=self.name, entries=entries) \
            if self.name else entries
        if stats.answered:
            text += " · " + self.tr("we answer in {mean} on average (median {median})").format(
                mean=response_times.describe(stats.mean_seconds),
                median=response_times.describe(stats.median_seconds))
        if stats.waiting:
            text += " · " + self.tr("%n inbound contact(s) not answered yet", "", stats.waiting)
        stays = lifecycle.time_in_stage(cid)
        path = " → ".join(
            self.tr("{stage} {days} d").format(
                stage=labels.label(lifecycle.stage_label(s.stage)), days=s.days)
            for s in stays)
        text += "\n" + self.tr("In {stage} for %n day(s)", "", stays[-1].days).format(
            stage=labels.label(lifecycle.stage_label(stays[-1].stage)))
        if len(stays) > 1:
            text += " " + self.tr("(time in stage: {path})").format(path=path)
        self.summary.setText(text)

    def _cleared(self) -> None:
        self.full_text.setText("")
        self.done_button.setEnabled(False)

    def _show_full(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.row_data(current.row()) if current.isValid() else None
        # Mark done only for an open follow-up (no second click closing it again).
        self.done_button.setEnabled(
            row is not None and row.kind == "follow_up" and row.status == "open"
        )
        self.full_text.setText(
            "" if row is None else f"{local_time(row.when)} · {row.title}\n{row.detail}"
        )

    def _filter(self) -> None:
        self.model.kind = self.kind.currentData()
        self.model.channel = self.channel.currentData()
        self.reload()

    def selected_key(self) -> tuple[str, int] | None:
        index = self.table.currentIndex()
        key = index.data(KEY_ROLE) if index.isValid() else None
        return key if isinstance(key, tuple) else None

    def _done(self) -> None:
        key = self.selected_key()
        if key and key[0] == "follow_up":
            self.done_requested.emit(key[1])

    def _activated(self, index: QModelIndex) -> None:
        key = index.data(KEY_ROLE)
        if isinstance(key, tuple) and key[0] == "interaction":
            self.edit_requested.emit(key[1])
