"""Quick capture (Ctrl+L): who, how, what — keyboard only, in a few seconds.

Type part of a name, e-mail or phone; ↑/↓ pick among the live matches (or the last line,
“New prospect”); Enter confirms the person; Tab through channel, direction and note;
optionally hand over to a colleague (a follow-up assigned to them); Ctrl+Enter saves.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from crmdesk.services import capture, catalog
from crmdesk.services.customers import ValidationFailed
from crmdesk.services.interactions import FollowUpData, InteractionData
from crmdesk.ui import workers
from crmdesk.ui.dialogs.interaction_dialogs import keyed_combo, staff_combo
from crmdesk.ui.widgets.fields import ErrorLabel, save_cancel

NEW = -1  # item data of the "new prospect" line


class QuickCaptureDialog(QDialog):
    def __init__(self, user_id: int | None, region: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.user_id, self.region = user_id, region
        self.result_ids: tuple[int, int, int | None] | None = None
        self.setWindowTitle("Quick capture")
        self.setMinimumWidth(560)
        self.who = QLineEdit()
        self.who.setPlaceholderText("Name, e-mail or phone digits…")
        self.who.setAccessibleName("Who")
        self.matches = QListWidget()
        self.matches.setAccessibleName("Matching customers")
        self.matches.setMaximumHeight(180)
        self.chosen = QLabel("No one chosen yet")
        self.chosen.setTextFormat(Qt.TextFormat.PlainText)
        self.channel = keyed_combo(catalog.INTERACTION_CHANNELS, "phone", "Channel")
        self.direction = keyed_combo(catalog.DIRECTIONS, "in", "Direction")
        self.note = QPlainTextEdit()
        self.note.setAccessibleName("Note")
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText("What they want, what was said")
        self.note.setMaximumHeight(100)
        self.hand_over = staff_combo(None, "No one (I handle it)")
        self.hand_over.setAccessibleName("Hand over to")
        self.follow_what = QLineEdit()
        self.follow_what.setAccessibleName("Follow-up for the colleague")
        self.follow_what.setPlaceholderText("Call back (filled from the note)")
        self.error = ErrorLabel()
        buttons = save_cancel(self, self.save)
        buttons.button(QDialogButtonBox.StandardButton.Save).setToolTip("Save (Ctrl+Enter)")
        form = QFormLayout()
        form.addRow("&Who", self.who)
        form.addRow("", self.matches)
        form.addRow("", self.chosen)
        form.addRow("&Channel", self.channel)
        form.addRow("&Direction", self.direction)
        form.addRow("&Note", self.note)
        form.addRow("&Hand over to", self.hand_over)
        form.addRow("Follow-up", self.follow_what)
        layout = QVBoxLayout(self)
        hint = QLabel("↑/↓ choose · Enter confirm · Tab next field · Ctrl+Enter save")
        hint.setEnabled(False)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter", "Ctrl+S"):
            QShortcut(QKeySequence(keys), self, activated=self.save)
        self.who.textChanged.connect(self._search)
        self.who.installEventFilter(self)
        self.matches.itemActivated.connect(lambda _item: self._confirm())
        self.hand_over.currentIndexChanged.connect(self._hand_over_changed)
        self._customer: int | None = None
        self._new_text = ""
        self.who.setFocus()
        self._warm = workers.start(workers.Task(lambda _progress: capture.warm_up()))

    # --- choosing the person --------------------------------------------------------------
    def _search(self, text: str) -> None:
        self.matches.clear()
        for match in capture.find_matches(text):
            item = QListWidgetItem(match.label)
            item.setData(Qt.ItemDataRole.UserRole, match.customer_id)
            self.matches.addItem(item)
        if text.strip():
            item = QListWidgetItem(f"+ New prospect: “{text.strip()}”")
            item.setData(Qt.ItemDataRole.UserRole, NEW)
            self.matches.addItem(item)
            self.matches.setCurrentRow(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if watched is self.who and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.matches.count():
                step = 1 if key == Qt.Key.Key_Down else -1
                row = (self.matches.currentRow() + step) % self.matches.count()
                self.matches.setCurrentRow(row)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                    not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self._confirm()
                return True
        return super().eventFilter(watched, event)

    def _confirm(self) -> None:
        item = self.matches.currentItem()
        if item is None:
            return
        cid = item.data(Qt.ItemDataRole.UserRole)
        if cid == NEW:
            self._customer, self._new_text = None, self.who.text().strip()
            self.chosen.setText(f"New prospect: {self._new_text}")
        else:
            self._customer, self._new_text = int(cid), ""
            self.chosen.setText(f"Customer: {item.text()}")
        self.channel.setFocus()

    def _hand_over_changed(self) -> None:
        if self.hand_over.currentData() is not None and not self.follow_what.text():
            first = self.note.toPlainText().strip().splitlines()
            self.follow_what.setText(f"Call back: {first[0]}" if first else "Call back")

    # --- saving -------------------------------------------------------------------------
    def save(self) -> None:
        if self._customer is None and not self._new_text:
            if self.matches.currentItem() is None:
                self.error.show_message("Type who it is, then choose them (Enter).")
                self.who.setFocus()
                return
            self._confirm()
        interaction = InteractionData(0, self.channel.currentData(),
                                      self.direction.currentData(), self.note.toPlainText(),
                                      staff_id=self.user_id)
        follow = None
        colleague = self.hand_over.currentData()
        if colleague is not None:
            what = self.follow_what.text().strip() or "Call back"
            due = dt.datetime.now(dt.UTC) + dt.timedelta(hours=2)
            follow = FollowUpData(0, what, due, assignee_id=colleague)
        try:
            self.result_ids = capture.capture(self._customer, self._new_text, interaction,
                                              follow, self.region)
        except ValidationFailed as exc:
            self.error.show_message("Not saved. " + " ".join(p.message for p in exc.problems))
            if any(p.field == "notes" for p in exc.problems):
                self.note.setFocus()
            return
        self.accept()
