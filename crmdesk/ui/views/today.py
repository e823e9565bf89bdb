"""Today, the start page: follow-ups due (promises first), birthdays, clients gone quiet."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk.services import agenda
from crmdesk.store.models import utcnow

ID_ROLE = Qt.ItemDataRole.UserRole


def _table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setAccessibleName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def _item(text: str, key: int | None = None, bold: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if key is not None:
        item.setData(ID_ROLE, key)
    if bold:
        font = QFont()
        font.setBold(True)
        item.setFont(font)
    return item


class TodayView(QWidget):
    open_customer = Signal(int)
    log_call = Signal(int)
    follow_up_done = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.follow_ups = _table(["", "Due", "Customer", "What", "Assigned to"],
                                 "Follow-ups due today and overdue")
        self.birthdays = _table(["Day", "Customer", "Turns"], "Birthdays this week")
        self.quiet = _table(["Customer", "Segment", "Last contact", "Quiet for"],
                            "Customers gone quiet")
        self.done_button = QPushButton("Mark done")
        self.done_button.setToolTip("Mark the selected follow-up as done")
        self.call_button = QPushButton("Log a call…")
        self.call_button.setToolTip("Log a call with the selected quiet customer")
        self.quiet_note = QLabel()
        self.quiet_note.setEnabled(False)

        follow_box = QGroupBox("Follow-ups due (★ promises first)")
        fl = QVBoxLayout(follow_box)
        fl.addWidget(self.follow_ups)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.done_button)
        fl.addLayout(row)
        birthday_box = QGroupBox("Birthdays, today and the next 7 days")
        QVBoxLayout(birthday_box).addWidget(self.birthdays)
        quiet_box = QGroupBox("Gone quiet (longer than their segment's contact cadence)")
        ql = QVBoxLayout(quiet_box)
        ql.addWidget(self.quiet)
        row = QHBoxLayout()
        row.addWidget(self.quiet_note, 1)
        row.addWidget(self.call_button)
        ql.addLayout(row)
        lower = QHBoxLayout()
        lower.addWidget(birthday_box, 2)
        lower.addWidget(quiet_box, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(follow_box, 3)
        layout.addLayout(lower, 2)

        self.done_button.clicked.connect(self._done)
        self.call_button.clicked.connect(self._call)
        for table in (self.follow_ups, self.birthdays, self.quiet):
            table.itemActivated.connect(self._open)
        self.due_count = 0

    #: rows shown per list (a person works through a few dozen a day, not thousands)
    SHOWN = 200

    def reload(self) -> None:
        now = utcnow()
        due = agenda.due_today(now, limit=self.SHOWN)
        self.due_count = agenda.count_due_today(now) if len(due) == self.SHOWN else len(due)
        overdue = sum(1 for f in due if f.overdue)
        shown = f" (the first {len(due)} shown)" if self.due_count > len(due) else ""
        self.heading.setText(f"Today, {now.astimezone():%A %d %B}: {self.due_count:,} "
                             f"follow-ups due{shown}"
                             + (f", {overdue} overdue" if overdue and not shown else ""))
        self.follow_ups.setRowCount(len(due))
        for r, f in enumerate(due):
            late = " (overdue)" if f.overdue else ""
            self.follow_ups.setItem(r, 0, _item("★" if f.is_promise else "", f.id))
            self.follow_ups.setItem(r, 1, _item(
                f"{f.due_at.astimezone():%Y-%m-%d %H:%M}{late}", f.id, f.overdue))
            self.follow_ups.setItem(r, 2, _item(f.customer_name, f.customer_id))
            self.follow_ups.setItem(r, 3, _item(f.what, f.id, f.is_promise))
            self.follow_ups.setItem(r, 4, _item(f.assignee, f.id))
        birthdays = agenda.birthdays(limit=self.SHOWN)
        self.birthdays.setRowCount(len(birthdays))
        for r, b in enumerate(birthdays):
            day = "Today" if b.next_date == now.astimezone().date() else \
                f"{b.next_date:%a %d %b}"
            self.birthdays.setItem(r, 0, _item(day, b.customer_id, day == "Today"))
            self.birthdays.setItem(r, 1, _item(b.name, b.customer_id))
            self.birthdays.setItem(r, 2, _item(str(b.age), b.customer_id))
        quiet, total = agenda.quiet_customers(now, limit=self.SHOWN)
        self.quiet.setRowCount(len(quiet))
        for r, q in enumerate(quiet):
            last = f"{q.last_contact.astimezone():%Y-%m-%d}" if q.last_contact else "never"
            self.quiet.setItem(r, 0, _item(q.name, q.customer_id))
            self.quiet.setItem(r, 1, _item(q.segment, q.customer_id))
            self.quiet.setItem(r, 2, _item(last, q.customer_id))
            self.quiet.setItem(r, 3, _item(f"{q.days_quiet} days (every {q.cadence_days})",
                                           q.customer_id))
        self.quiet_note.setText(f"{total:,} in all; the {len(quiet)} most overdue are shown"
                                if total > len(quiet) else f"{total:,} in all")

    def selected_follow_up(self) -> int | None:
        row = self.follow_ups.currentRow()
        item = self.follow_ups.item(row, 0) if row >= 0 else None
        return item.data(ID_ROLE) if item else None

    def _done(self) -> None:
        fid = self.selected_follow_up()
        if fid is not None:
            self.follow_up_done.emit(fid)

    def _call(self) -> None:
        row = self.quiet.currentRow()
        item = self.quiet.item(row, 0) if row >= 0 else None
        if item is not None:
            self.log_call.emit(item.data(ID_ROLE))

    def _open(self, item: QTableWidgetItem) -> None:
        table = item.tableWidget()
        if table is self.follow_ups:
            cid = self.follow_ups.item(item.row(), 2).data(ID_ROLE)
        else:
            cid = item.data(ID_ROLE)
        if cid is not None:
            self.open_customer.emit(int(cid))
