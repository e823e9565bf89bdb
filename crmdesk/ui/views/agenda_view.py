"""The agenda: today, tomorrow, this week, next week or a month calendar, with follow-ups
and promises on their due time. Drag one to another day to reschedule it (same time of
day; Ctrl+Z undoes); double-click opens the client."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QMimeData, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from crmdesk.i18n import Translatable
from crmdesk.services import schedule
from crmdesk.services.agenda import DueFollowUp
from crmdesk.store.models import utcnow
from crmdesk.ui import labels, when

MIME = "application/x-crmdesk-follow-up"
FID_ROLE = Qt.ItemDataRole.UserRole
CID_ROLE = Qt.ItemDataRole.UserRole + 1


class DayList(Translatable, QListWidget):
    """The follow-ups of one day; a drop of follow-ups from another day moves them here."""

    dropped = Signal(list, object)  # follow-up ids, the day (dt.date)

    def __init__(self, day: dt.date | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.day = day  # None: the overdue list (nothing can be moved into the past)
        self.setDragEnabled(True)
        self.setAcceptDrops(day is not None)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop
                             if day is not None else QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setWordWrap(True)
        self.setSpacing(2)
        self.setAlternatingRowColors(True)
        self.setAccessibleName(self.tr("Follow-ups on {day}")
                               .format(day=when.long_day(day)) if day else self.tr("Overdue"))

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt naming
        return [MIME]

    def mimeData(self, items: Sequence[QListWidgetItem]) -> QMimeData:  # noqa: N802
        mime = QMimeData()
        ids = [int(i.data(FID_ROLE)) for i in items]
        mime.setData(MIME, json.dumps({"ids": ids, "from": str(self.day)}).encode())
        return mime

    @staticmethod
    def ids_of(mime: QMimeData) -> list[int]:
        if not mime.hasFormat(MIME):
            return []
        try:
            spec = json.loads(bytes(mime.data(MIME).data()).decode())
            return [int(i) for i in spec["ids"]]
        except (ValueError, KeyError, TypeError):
            return []

    def _wanted(self, mime: QMimeData) -> bool:
        return self.day is not None and bool(self.ids_of(mime))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if self._wanted(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        if self._wanted(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        ids = self.ids_of(event.mimeData())
        if self.day is None or not ids:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)  # the view reloads; Qt removes nothing
        event.accept()
        self.dropped.emit(ids, self.day)


def _item(f: DueFollowUp, with_day: bool = False) -> QListWidgetItem:
    due = f.due_at.astimezone()
    stamp = (when.stamp(due) if with_day else when.time_text(due))
    star = "★ " if f.is_promise else ""
    item = QListWidgetItem(f"{stamp} {star}{f.what} — {f.customer_name}")
    item.setData(FID_ROLE, f.id)
    item.setData(CID_ROLE, f.customer_id)
    item.setToolTip(
        (QCoreApplication.translate("AgendaView", "Promise due {when}\n{what}\nfor {customer_name}")
         if f.is_promise else QCoreApplication.translate(
             "AgendaView", "Follow-up due {when}\n{what}\nfor {customer_name}")).format(
            when=when.exact(due),
            what=f.what,
            customer_name=f.customer_name,
        )
        + (
            QCoreApplication.translate("AgendaView", "\nassigned to {assignee}").format(
                assignee=f.assignee
            )
            if f.assignee
            else ""
        )
        + QCoreApplication.translate(
            "AgendaView", "\n\nDrag to another day to reschedule; double-click opens the client"
        )
    )
    if f.is_promise or f.overdue:
        font = QFont()
        font.setBold(True)
        item.setFont(font)
    return item


class AgendaView(Translatable, QWidget):
    open_customer = Signal(int)
    reschedule_requested = Signal(list, object)  # ids, dt.date

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.person: Callable[[], int | None] = lambda: None
        self.clock: Callable[[], dt.datetime] = utcnow
        self.anchor: dt.date | None = None  # the day the range is around (None: today)
        self.range = QComboBox()
        for key, label in labels.pairs(schedule.RANGES.items()):
            self.range.addItem(label, key)
        self.range.setCurrentIndex(self.range.findData("week"))
        self.range.setAccessibleName(self.tr("Agenda range"))
        self.scope = QComboBox()
        for key, label in (
            ("mine", self.tr("Mine")),
            ("team", self.tr("The team's")),
            ("unassigned", self.tr("Not yet assigned")),
        ):
            self.scope.addItem(label, key)
        self.scope.setAccessibleName(self.tr("Whose agenda"))
        self.scope.setToolTip(self.tr("Mine: assigned to me, or my clients' ones nobody took"))
        self.previous = QPushButton("◀")
        self.previous.setToolTip(self.tr("Earlier"))
        self.previous.setAccessibleName(self.tr("Earlier"))
        self.next = QPushButton("▶")
        self.next.setToolTip(self.tr("Later"))
        self.next.setAccessibleName(self.tr("Later"))
        self.back = QPushButton(self.tr("Today"))
        self.back.setToolTip(self.tr("Back to the range around today"))
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        self.hint = QLabel(
            self.tr(
                "Drag a follow-up to another day to reschedule it (Ctrl+Z "
                "undoes); "
                "double-click to open the client."
            )
        )
        self.hint.setEnabled(False)
        self.hint.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        for widget in (self.previous, self.back, self.next, self.range, self.scope):
            top.addWidget(widget)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setSpacing(6)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.grid_host)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        layout.addWidget(scroll, 1)
        self.lists: dict[dt.date | None, DayList] = {}
        self.range.currentIndexChanged.connect(lambda: self._go(None))
        self.scope.currentIndexChanged.connect(self.reload)
        self.previous.clicked.connect(lambda: self._step(-1))
        self.next.clicked.connect(lambda: self._step(1))
        self.back.clicked.connect(lambda: self._go(None))
        self.stale = True
        #: called with each day's list as it is made (the window adds its right-click menu)
        self.list_created: Callable[[DayList], None] | None = None

    def today(self) -> dt.date:
        return self.clock().astimezone().date()

    def set_range(self, key: str) -> None:
        self.range.setCurrentIndex(max(0, self.range.findData(key)))

    def _go(self, anchor: dt.date | None) -> None:
        self.anchor = anchor
        self.reload()

    def _step(self, direction: int) -> None:
        key = str(self.range.currentData())
        base = self.anchor or self.today()
        if key in ("today", "tomorrow"):
            self._go(base + dt.timedelta(days=direction))
        elif key in ("week", "next_week"):
            self._go(base + dt.timedelta(days=7 * direction))
        else:
            month = base.replace(day=15) + dt.timedelta(days=31 * direction)
            self._go(month.replace(day=1))

    def reload(self) -> None:
        self.stale = False
        key = str(self.range.currentData())
        today = self.today()
        days = schedule.span(key, self.anchor or today)
        now = self.clock()
        by_day = schedule.follow_ups(days, str(self.scope.currentData()), self.person(), now)
        while self.grid.count():
            child = self.grid.takeAt(0)
            widget = child.widget() if child is not None else None
            if widget is not None:
                widget.deleteLater()
        self.lists = {}
        month = key == "month"
        shown = days.first if not month else (self.anchor or today).replace(day=1)
        if key in ("today", "tomorrow"):
            self.title.setText(when.long_date(days.first))
        elif month:
            self.title.setText(when.month_year(shown))
        else:
            self.title.setText(f"{when.day_month(days.first)} – {when.date_text(days.last)}")
        column_offset = 0
        if days.first <= today <= days.last and not month:
            late = schedule.overdue(str(self.scope.currentData()), self.person(), now)
            if late:
                self._cell(None, self.tr("Overdue"), late, 0, 0, True)
                column_offset = 1
        for i, day in enumerate(days.days):
            row, col = (i // 7, i % 7) if month else (0, i + column_offset)
            label = self.tr("Today") if day == today else when.short_day(day)
            if month and day.month != shown.month:
                label = f"({when.day_month(day)})"
            self._cell(day, label, by_day.get(day, []), row, col, day == today)

    def _cell(
        self,
        day: dt.date | None,
        title: str,
        items: list[DueFollowUp],
        row: int,
        col: int,
        bold: bool,
    ) -> None:
        box = QGroupBox(f"{title} ({len(items)})" if items else title)
        if bold:
            font = box.font()
            font.setBold(True)
            box.setFont(font)
        day_list = DayList(day)
        for f in items:
            day_list.addItem(_item(f, with_day=day is None))
        day_list.setMinimumHeight(90)
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(2, 2, 2, 2)
        box_layout.addWidget(day_list)
        day_list.dropped.connect(self.reschedule_requested)
        day_list.itemActivated.connect(self._open)
        self.grid.addWidget(box, row, col)
        self.lists[day] = day_list
        if self.list_created is not None:
            self.list_created(day_list)

    def _open(self, item: QListWidgetItem) -> None:
        self.open_customer.emit(int(item.data(CID_ROLE)))
