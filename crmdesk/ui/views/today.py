"""My day, the start page: my follow-ups and promises due (promises first), my meetings,
my clients' birthdays and my clients gone quiet; a switch shows the team's or the
unassigned ones. An empty book says how to begin."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk.i18n import Translatable
from crmdesk.services import catalog, myday
from crmdesk.store.models import utcnow
from crmdesk.ui import labels, theme, when

ID_ROLE = Qt.ItemDataRole.UserRole


def _table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setAccessibleName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 14)
    table.setAlternatingRowColors(True)
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


class TodayView(Translatable, QWidget):
    open_customer = Signal(int)
    log_call = Signal(int)
    follow_up_done = Signal(int)
    capture_requested = Signal()
    import_requested = Signal()
    scope_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        #: who "my" is (the main window gives the person signed in or chosen under You:)
        self.person: Callable[[], int | None] = lambda: None
        #: the clock (tests inject one)
        self.clock: Callable[[], object] = utcnow
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.scope = QComboBox()
        for key, label in labels.pairs(myday.SCOPES.items()):
            self.scope.addItem(label, key)
        self.scope.setAccessibleName(self.tr("Whose day"))
        self.scope.setToolTip(self.tr("My day: follow-ups assigned to me and my clients' ones "
                                      "nobody "
                              "took; the team's day: everyone's; not yet assigned: the "
                              "hand-over queue"))
        self.follow_ups = _table(
            ["", self.tr("Due"), self.tr("Customer"), self.tr("What"), self.tr("Assigned to")],
            self.tr("Follow-ups due today and overdue"),
        )
        self.meetings = _table(
            [
                self.tr("Time"),
                self.tr("Customer"),
                self.tr("Channel"),
                self.tr("Subject"),
                self.tr("With"),
            ],
            self.tr("Meetings today"),
        )
        self.birthdays = _table(
            [self.tr("Day"), self.tr("Customer"), self.tr("Turns")], self.tr("Birthdays this week")
        )
        self.quiet = _table(
            [
                self.tr("Customer"),
                self.tr("Segment"),
                self.tr("Last contact"),
                self.tr("Quiet for"),
            ],
            self.tr("Customers gone quiet"),
        )
        self.done_button = QPushButton(self.tr("Mark done"))
        self.done_button.setToolTip(self.tr("Mark the selected follow-up as done (Ctrl+Z undoes)"))
        self.call_button = QPushButton(self.tr("Log a call…"))
        self.call_button.setToolTip(self.tr("Log a call with the selected quiet customer"))
        self.quiet_note = QLabel()
        self.quiet_note.setEnabled(False)

        self.follow_box = QGroupBox(self.tr("Follow-ups due (★ promises first)"))
        fl = QVBoxLayout(self.follow_box)
        fl.addWidget(self.follow_ups)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.done_button)
        fl.addLayout(row)
        meeting_box = QGroupBox(self.tr("Meetings today"))
        meeting_box.setToolTip(self.tr("In-person and video contacts logged today"))
        QVBoxLayout(meeting_box).addWidget(self.meetings)
        self.birthday_box = QGroupBox(self.tr("Birthdays"))
        self.birthday_box.setToolTip(self.tr("Birthdays today and in the next 7 days"))
        QVBoxLayout(self.birthday_box).addWidget(self.birthdays)
        self.quiet_box = QGroupBox(self.tr("Gone quiet"))
        self.quiet_box.setToolTip(
            self.tr(
                "No interaction for longer than their segment's contact "
                "cadence (Settings ▸ Contact Cadence)"
            )
        )
        ql = QVBoxLayout(self.quiet_box)
        ql.addWidget(self.quiet)
        row = QHBoxLayout()
        row.addWidget(self.quiet_note, 1)
        row.addWidget(self.call_button)
        ql.addLayout(row)
        self.follow_ups.horizontalHeader().setSectionResizeMode(
            3, QHeaderView.ResizeMode.Stretch
        )  # what must be done gets the room
        self.follow_ups.horizontalHeader().setStretchLastSection(False)
        self.meeting_box = meeting_box
        content = QWidget()
        self.grid = QGridLayout(content)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.wide: bool | None = None
        self._arrange(False)

        # An empty day teaches how to begin.
        self.empty_text = QLabel()
        self.empty_text.setWordWrap(True)
        self.empty_text.setAccessibleName(self.tr("Nothing to do today"))
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.capture_button = QPushButton(self.tr("Log a call or visit…  (Ctrl+L)"))
        self.capture_button.setToolTip(
            self.tr(
                "Quick capture: type a name, pick the client or "
                "create "
                "a new prospect, write what was said"
            )
        )
        self.import_button = QPushButton(self.tr("Import contacts…  (Ctrl+Shift+I)"))
        self.import_button.setToolTip(
            self.tr(
                "Bring in contacts from a phone, Outlook, Gmail or a spreadsheet (vCard or CSV)"
            )
        )
        empty = QWidget()
        el = QVBoxLayout(empty)
        el.addStretch(1)
        el.addWidget(self.empty_text)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.capture_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        el.addLayout(buttons)
        el.addStretch(2)
        self.body = QStackedWidget()
        self.body.addWidget(content)
        self.body.addWidget(empty)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(QLabel(self.tr("Show:")))
        top.addWidget(self.scope)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.body, 1)

        self.done_button.clicked.connect(self._done)
        self.call_button.clicked.connect(self._call)
        self.capture_button.clicked.connect(self.capture_requested)
        self.import_button.clicked.connect(self.import_requested)
        self.scope.currentIndexChanged.connect(self._scope_changed)
        for table in (self.follow_ups, self.meetings, self.birthdays, self.quiet):
            table.itemActivated.connect(self._open)
        self.due_count = 0
        self.day: myday.Day | None = None

    #: from this width on, the follow-ups take the left and the rest stand in a column
    WIDE = 1400

    def _arrange(self, wide: bool) -> None:
        """Narrow: the follow-ups above, meetings, birthdays and quiet clients side by side
        below. Wide (a 1920 px screen): the follow-ups on the left, the others in a column
        on the right, so that each list has the height to show its rows."""
        if wide == self.wide:
            return
        self.wide = wide
        grid = self.grid
        for i in range(4):
            grid.setRowStretch(i, 0)
            grid.setColumnStretch(i, 0)
        if wide:
            grid.addWidget(self.follow_box, 0, 0, 3, 1)
            for row, box in enumerate((self.meeting_box, self.birthday_box, self.quiet_box)):
                grid.addWidget(box, row, 1)
                grid.setRowStretch(row, (2, 2, 3)[row])
            grid.setColumnStretch(0, 3)
            grid.setColumnStretch(1, 2)
        else:
            grid.addWidget(self.follow_box, 0, 0, 1, 3)
            for column, box in enumerate((self.meeting_box, self.birthday_box, self.quiet_box)):
                grid.addWidget(box, 1, column)
                grid.setColumnStretch(column, (3, 2, 4)[column])
            grid.setRowStretch(0, 3)
            grid.setRowStretch(1, 2)

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().resizeEvent(event)
        self._arrange(self.width() >= self.WIDE)

    #: rows shown per list (a person works through a few dozen a day, not thousands)
    SHOWN = 200

    def current_scope(self) -> str:
        return str(self.scope.currentData())

    def set_scope(self, scope: str) -> None:
        self.scope.setCurrentIndex(max(0, self.scope.findData(scope)))

    def _scope_changed(self) -> None:
        self.reload()
        self.scope_changed.emit(self.current_scope())

    def reload(self) -> None:
        now = self.clock()
        assert isinstance(now, dt.datetime)
        day = self.day = myday.day(self.current_scope(), self.person(), now, self.SHOWN)
        due = day.follow_ups
        self.due_count = day.due_count
        overdue = day.overdue
        if day.scope == "mine":
            who = (
                self.tr("{name}'s day").format(name=day.staff_name)
                if day.staff_name
                else self.tr("Today (choose who you are under You: to see your own)")
            )
        else:
            who = labels.label(myday.SCOPES[day.scope])
        heading = self.tr("{who}, {day}: %n follow-up(s) due", "", self.due_count).format(
            who=who, day=when.long_day(now))
        if self.due_count > len(due):
            heading += " " + self.tr("(the first %n shown)", "", len(due))
        elif overdue:
            heading += self.tr(", %n overdue", "", overdue)
        self.heading.setText(heading)
        self.follow_ups.setRowCount(len(due))
        for r, f in enumerate(due):
            star = _item("★" if f.is_promise else "", f.id)
            star.setToolTip(self.tr("A promise made to the client") if f.is_promise else "")
            self.follow_ups.setItem(r, 0, star)
            due_item = _item(when.due_text(f.due_at, now), f.id, f.overdue)
            due_item.setToolTip(when.exact(f.due_at))
            if f.overdue:  # the words say it; the theme's warning colour repeats it
                due_item.setForeground(theme.warning_brush())
            self.follow_ups.setItem(r, 1, due_item)
            self.follow_ups.setItem(r, 2, _item(f.customer_name, f.customer_id))
            self.follow_ups.setItem(r, 3, _item(f.what, f.id, f.is_promise))
            self.follow_ups.setItem(r, 4, _item(f.assignee or self.tr("(nobody yet)"), f.id))
            self.follow_ups.item(r, 3).setToolTip(f.what)
        self.meetings.setRowCount(len(day.meetings))
        for r, m in enumerate(day.meetings):
            self.meetings.setItem(r, 0, _item(when.time_text(m.happened_at), m.customer_id))
            self.meetings.setItem(r, 1, _item(m.customer_name, m.customer_id))
            self.meetings.setItem(
                r,
                2,
                _item(
                    labels.label(catalog.INTERACTION_CHANNEL_LABELS.get(m.channel, m.channel)),
                    m.customer_id,
                ),
            )
            self.meetings.setItem(r, 3, _item(m.subject, m.customer_id))
            self.meetings.setItem(r, 4, _item(m.staff, m.customer_id))
        birthdays = day.birthdays
        self.birthdays.setRowCount(len(birthdays))
        for r, b in enumerate(birthdays):
            today = b.next_date == now.astimezone().date()
            day_text = (
                self.tr("Today")
                if today
                else self.tr("Tomorrow")
                if b.next_date == now.astimezone().date() + dt.timedelta(days=1)
                else when.short_day(b.next_date)
            )
            self.birthdays.setItem(r, 0, _item(day_text, b.customer_id, today))
            self.birthdays.setItem(r, 1, _item(b.name, b.customer_id))
            self.birthdays.setItem(r, 2, _item(str(b.age), b.customer_id))
        quiet, total = day.quiet, day.quiet_total
        self.quiet.setRowCount(len(quiet))
        for r, q in enumerate(quiet):
            last = when.past_text(q.last_contact, now) if q.last_contact else self.tr("never")
            self.quiet.setItem(r, 0, _item(q.name, q.customer_id))
            self.quiet.setItem(r, 1, _item(q.segment, q.customer_id))
            self.quiet.setItem(r, 2, _item(last, q.customer_id))
            self.quiet.setItem(
                r,
                3,
                _item(self.tr("{quiet} (every {cadence})").format(
                    quiet=when.days_text(q.days_quiet), cadence=q.cadence_days), q.customer_id),
            )
        self.quiet_note.setText(
            self.tr("%n in all; the {n} most overdue are shown", "", total).format(n=len(quiet))
            if total > len(quiet)
            else self.tr("%n in all", "", total)
        )
        self._show_empty_state(day)

    def _show_empty_state(self, day: myday.Day) -> None:
        if not day.empty:
            self.body.setCurrentIndex(0)
            return
        if day.scope == "mine" and myday.any_customers():
            self.empty_text.setText(
                self.tr(
                    "Nothing due for you today: no follow-ups, meetings, birthdays or quiet "
                    "clients. Switch “Show” to the team's day, or log a call with Ctrl+L."
                )
            )
        elif myday.any_customers():
            self.empty_text.setText(
                self.tr(
                    "{value}: nothing due today. Log a call or a visit with Ctrl+L; a "
                    "follow-up you add shows here on its day."
                ).format(value=labels.label(myday.SCOPES[day.scope]))
            )
        else:
            self.empty_text.setText(
                self.tr(
                    "Your book is empty. Log the first call or walk-in with Ctrl+L (type a "
                    "name: a "
                    "new client is created as you go), or import your contacts from a phone, "
                    "Outlook or a spreadsheet. Follow-ups and promises due, birthdays and clients "
                    "gone quiet will show here every morning."
                )
            )
        self.body.setCurrentIndex(1)

    def selected_follow_up(self) -> int | None:
        row = self.follow_ups.currentRow()
        item = self.follow_ups.item(row, 0) if row >= 0 else None
        return item.data(ID_ROLE) if item else None

    def take_follow_up_row(self, fid: int) -> None:
        """Take a follow-up off the list at once (it is being marked done)."""
        for row in range(self.follow_ups.rowCount()):
            item = self.follow_ups.item(row, 0)
            if item is not None and item.data(ID_ROLE) == fid:
                self.follow_ups.removeRow(row)
                self.due_count = max(0, self.due_count - 1)
                return

    def _done(self) -> None:
        fid = self.selected_follow_up()
        if fid is not None:
            self.take_follow_up_row(fid)
            self.follow_up_done.emit(fid)

    def _call(self) -> None:
        row = self.quiet.currentRow()
        item = self.quiet.item(row, 0) if row >= 0 else None
        if item is not None:
            self.log_call.emit(item.data(ID_ROLE))

    def customer_at(self, table: QTableWidget, row: int) -> int | None:
        column = 2 if table is self.follow_ups else 0
        item = table.item(row, column)
        value = item.data(ID_ROLE) if item is not None else None
        return int(value) if value is not None else None

    def _open(self, item: QTableWidgetItem) -> None:
        cid = self.customer_at(item.tableWidget(), item.row())
        if cid is not None:
            self.open_customer.emit(int(cid))
