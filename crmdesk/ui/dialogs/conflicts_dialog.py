"""Review Conflicts: edits two devices made at the same time, and writes the hub refused.

Both values side by side with who wrote each and when; Keep mine / Keep theirs settle one
through the same service call as `crmdesk conflicts resolve`, and go on the window's undo
stack (Ctrl+Z reopens the conflict and puts the field back)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk.services import sync, sync_review
from crmdesk.store.db import DB_ERRORS, describe_error


def _when(iso: str) -> str:
    from crmdesk.ui.office_window import _local_time

    if not iso:
        return QCoreApplication.translate("conflicts_dialog", "unknown time")
    return _local_time(iso)


def sides(con: sync.Conflict) -> tuple[tuple[str, Any, str, str], tuple[str, Any, str, str]]:
    """(title, value, who, when) of 'mine' and of 'theirs'."""
    yours = QCoreApplication.translate("conflicts_dialog", "Yours")
    theirs = QCoreApplication.translate("conflicts_dialog", "Theirs")
    if con.mine == "other":
        return ((yours, con.other, con.other_by, con.other_at),
                (theirs, con.kept, con.kept_by, con.kept_at))
    if con.mine == "kept":
        return ((yours, con.kept, con.kept_by, con.kept_at),
                (theirs, con.other, con.other_by, con.other_at))
    return ((QCoreApplication.translate("conflicts_dialog", "In the book now"), con.kept,
             con.kept_by, con.kept_at),
            (QCoreApplication.translate("conflicts_dialog", "The other value"), con.other,
             con.other_by, con.other_at))


class SettleCommand(QUndoCommand):
    """A settled conflict on the undo stack (already settled when pushed)."""

    def __init__(self, done: sync_review.Settled, dialog_refresh: Any, window: Any):
        who = done.conflict.customer or QCoreApplication.translate("SettleCommand", "a record")
        text = QCoreApplication.translate("SettleCommand", "Keep mine for {customer}") \
            if done.keep == "mine" else \
            QCoreApplication.translate("SettleCommand", "Keep theirs for {customer}")
        super().__init__(text.format(customer=who))
        self.done = done
        self.refresh = dialog_refresh
        self.window = window
        self._first = True

    def _announce(self) -> None:
        office = getattr(self.window, "office", None)
        if office is not None:
            office.conflicts_settled()
        cid = self.done.conflict.customer_id
        self.window.hub.customers_changed.emit([cid] if cid is not None else [])
        self.refresh()

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        try:
            self.done = sync_review.settle(self.done.conflict.id, self.done.keep)
        except (sync.SyncError, *DB_ERRORS) as exc:
            self.setObsolete(True)
            self.window.show_error(describe_error(exc))
            return
        self._announce()

    def undo(self) -> None:
        try:
            sync_review.unsettle(self.done)
        except (sync.SyncError, *DB_ERRORS) as exc:
            self.setObsolete(True)
            self.window.show_error(describe_error(exc))
            return
        self._announce()


class ConflictsDialog(QDialog):
    def __init__(self, window: Any):
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(self.tr("Review Conflicts"))
        self.setObjectName("conflictsDialog")
        self.resize(860, 520)
        self.items: list[sync.Conflict] = []
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Customer"), self.tr("Field"),
                                              self.tr("What happened"), self.tr("When")])
        self.table.setAccessibleName(self.tr("Conflicts"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.table.currentCellChanged.connect(lambda *_a: self._show_current())
        self.show_settled = QCheckBox(self.tr("Show settled ones"))
        self.show_settled.toggled.connect(lambda _on: self.reload())

        self.sentence = QLabel()
        self.sentence.setWordWrap(True)
        self.sentence.setTextFormat(Qt.TextFormat.PlainText)
        self.sentence.setAccessibleName(self.tr("What happened"))
        self.boxes: list[tuple[QGroupBox, QPlainTextEdit, QLabel]] = []
        pair = QHBoxLayout()
        for _ in range(2):
            box = QGroupBox()
            grid = QGridLayout(box)
            text = QPlainTextEdit()
            text.setReadOnly(True)
            text.setMinimumHeight(70)
            who = QLabel()
            who.setTextFormat(Qt.TextFormat.PlainText)
            who.setWordWrap(True)
            grid.addWidget(text, 0, 0)
            grid.addWidget(who, 1, 0)
            pair.addWidget(box)
            self.boxes.append((box, text, who))
        self.boxes[0][1].setAccessibleName(self.tr("Your value"))
        self.boxes[1][1].setAccessibleName(self.tr("Their value"))
        self.keep_mine = QPushButton(self.tr("Keep &mine"))
        self.keep_mine.setToolTip(self.tr("Keep your value: it is written again and wins "
                                          "everywhere on the next sync (Ctrl+Z to undo)"))
        self.keep_theirs = QPushButton(self.tr("Keep &theirs"))
        self.keep_theirs.setToolTip(self.tr("Take the other value (Ctrl+Z to undo)"))
        self.keep_mine.clicked.connect(lambda: self.settle("mine"))
        self.keep_theirs.clicked.connect(lambda: self.settle("theirs"))
        self.undo_button = QPushButton(self.tr("&Undo"))
        self.undo_button.setToolTip(self.tr("Take back the last choice (Ctrl+Z)"))
        self.undo_button.setShortcut("Ctrl+Z")
        self.undo_button.clicked.connect(self.undo)
        choose = QHBoxLayout()
        choose.addWidget(self.undo_button)
        choose.addStretch(1)
        choose.addWidget(self.keep_mine)
        choose.addWidget(self.keep_theirs)

        detail = QWidget()
        dl = QVBoxLayout(detail)
        dl.setContentsMargins(0, 0, 0, 0)
        dl.addWidget(self.sentence)
        dl.addLayout(pair, 1)
        dl.addLayout(choose)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(detail)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        self.empty = QLabel(self.tr("No conflicts to review: every edit made it."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(split, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.show_settled)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        self.split = split
        self.reload()

    def reload(self) -> None:
        keep = self.current()
        try:
            self.items = sync.conflicts(include_resolved=self.show_settled.isChecked())
        except (sync.SyncError, *DB_ERRORS) as exc:
            self.items = []
            self.sentence.setText(describe_error(exc))
        self.table.setRowCount(len(self.items))
        for row, con in enumerate(self.items):
            what = self.tr("refused by the hub") if con.reason and not con.reason.startswith(
                "overdrawn") else self.tr("points overdrawn") if con.reason \
                else self.tr("changed on two devices")
            if con.resolved_at:
                what = self.tr("{what} · settled ({how})").format(
                    what=what, how=_resolution(con.resolution))
            for col, text in enumerate([con.customer or self.tr("(no customer)"), _field(con),
                                        what, _when(con.at)]):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.empty.setVisible(not self.items)
        self.split.setVisible(bool(self.items))
        again = next((i for i, c in enumerate(self.items) if keep and c.id == keep.id), None)
        if again is None:
            again = next((i for i, c in enumerate(self.items) if not c.resolved_at), 0)
        if self.items:
            self.table.setCurrentCell(again, 0)
        self._show_current()
        stack = self.window_.undo_stack
        self.undo_button.setEnabled(stack.canUndo() and isinstance(
            stack.command(stack.index() - 1), SettleCommand))

    def current(self) -> sync.Conflict | None:
        row = self.table.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _show_current(self) -> None:
        con = self.current()
        for box, text, who in self.boxes:
            box.setVisible(con is not None)
            text.clear()
            who.clear()
        if con is None:
            self.keep_mine.setEnabled(False)
            self.keep_theirs.setEnabled(False)
            return
        self.sentence.setText(sync_review.explain(con))
        for (box, text, who), (title, value, by, at) in zip(self.boxes, sides(con),
                                                            strict=True):
            box.setTitle(title)
            text.setPlainText(sync_review.shown(value))
            who.setText(self.tr("by {who}, {when}").format(
                who=by or self.tr("another device"), when=_when(at)))
        open_ = not con.resolved_at
        self.keep_mine.setEnabled(open_)
        self.keep_theirs.setEnabled(open_)
        unknown = con.mine == ""
        self.keep_mine.setText(self.tr("Keep the one in the &book") if unknown
                               else self.tr("Keep &mine"))
        self.keep_theirs.setText(self.tr("Keep the &other") if unknown
                                 else self.tr("Keep &theirs"))

    def settle(self, keep: str) -> None:
        con = self.current()
        if con is None or con.resolved_at:
            return
        try:
            done = sync_review.settle(con.id, keep)
        except (sync.SyncError, *DB_ERRORS) as exc:
            self.sentence.setText(describe_error(exc))
            return
        command = SettleCommand(done, self.reload, self.window_)
        self.window_.undo_stack.push(command)
        command._announce()

    def undo(self) -> None:
        stack = self.window_.undo_stack
        if stack.canUndo() and isinstance(stack.command(stack.index() - 1), SettleCommand):
            stack.undo()


def _resolution(how: str | None) -> str:
    """How a conflict was settled (sync's keys: mine, theirs, ...), in the user's language."""
    words = {"mine": QCoreApplication.translate("conflicts_dialog", "mine"),
             "theirs": QCoreApplication.translate("conflicts_dialog", "theirs")}
    return words.get(how or "", how or "")


def _field(con: sync.Conflict) -> str:
    """The table and field (the book's own names: data, not words to translate)."""
    if con.field == "*":
        return QCoreApplication.translate("conflicts_dialog", "{table} (new row)").format(
            table=con.table)
    if con.field == "_del":
        return QCoreApplication.translate("conflicts_dialog", "{table} (deleted)").format(
            table=con.table)
    return con.field.replace("_", " ")
