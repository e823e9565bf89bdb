"""Quick capture (Ctrl+L): who, how, what — keyboard only, in a few seconds.

Type part of a name, e-mail or phone; ↑/↓ pick among the live matches (or the last line,
“New prospect”); Enter confirms the person — the top match only when it fits what was typed
(capture.default_choice), else the new prospect, who gets a phone and an owner; Tab through
channel, direction and note; optionally hand over to a colleague (a follow-up assigned to
them, due in the next working hour); Ctrl+Enter saves.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDateTimeEdit,
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
from crmdesk.services.validation import InvalidValue, normalise_phone
from crmdesk.ui import workers
from crmdesk.ui.dialogs.interaction_dialogs import (
    from_qdatetime,
    keyed_combo,
    staff_combo,
    to_qdatetime,
)
from crmdesk.ui.widgets.fields import ErrorLabel, save_cancel

NEW = -1  # item data of the "new prospect" line


class QuickCaptureDialog(QDialog):
    def __init__(self, user_id: int | None, region: str, parent: QWidget | None = None,
                 clock: Callable[[], dt.datetime] | None = None):
        super().__init__(parent)
        self.user_id, self.region = user_id, region
        #: local, aware "now" (tests give their own)
        self.clock = clock or (lambda: dt.datetime.now().astimezone())
        self.result_ids: tuple[int, int, int | None] | None = None
        self.setWindowTitle(self.tr("Quick capture"))
        self.setMinimumWidth(560)
        self.who = QLineEdit()
        self.who.setPlaceholderText(self.tr("Name, e-mail or phone digits…"))
        self.who.setAccessibleName(self.tr("Who"))
        self.matches = QListWidget()
        self.matches.setAccessibleName(self.tr("Matching customers"))
        self.matches.setMaximumHeight(180)
        self.chosen = QLabel(self.tr("No one chosen yet"))
        self.chosen.setTextFormat(Qt.TextFormat.PlainText)
        self.prospect_phone = QLineEdit()
        self.prospect_phone.setAccessibleName(self.tr("Phone of the new prospect"))
        self.prospect_phone.setPlaceholderText(self.tr("Their phone number (optional)"))
        self.phone_error = ErrorLabel()
        self.prospect_owner = staff_combo(None, self.tr("No one yet"))
        self.prospect_owner.setAccessibleName(self.tr("Owner of the new prospect"))
        self.prospect_owner.setToolTip(self.tr("Who looks after the new prospect (by default "
                                               "the colleague you hand over to)"))
        self._owner_chosen = False
        self.channel = keyed_combo(catalog.INTERACTION_CHANNELS, "phone", self.tr("Channel"))
        self.direction = keyed_combo(catalog.DIRECTIONS, "in", self.tr("Direction"))
        self.note = QPlainTextEdit()
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(self.tr("What they want, what was said"))
        self.note.setMaximumHeight(100)
        self.hand_over = staff_combo(None, self.tr("No one (I handle it)"))
        self.hand_over.setAccessibleName(self.tr("Hand over to"))
        self.follow_what = QLineEdit()
        self.follow_what.setAccessibleName(self.tr("Follow-up for the colleague"))
        self.follow_what.setPlaceholderText(self.tr("Call back (filled from the note)"))
        self.due = QDateTimeEdit()
        self.due.setAccessibleName(self.tr("Follow-up due"))
        self.due.setDisplayFormat("ddd yyyy-MM-dd HH:mm")
        self.due.setCalendarPopup(True)
        self.due.setToolTip(self.tr("When the colleague should have done it (the next working "
                                    "hour by default)"))
        self.error = ErrorLabel()
        buttons = save_cancel(self, self.save)
        buttons.button(QDialogButtonBox.StandardButton.Save).setToolTip(
            self.tr("Save (Ctrl+Enter)"))
        form = QFormLayout()
        form.addRow(self.tr("&Who"), self.who)
        form.addRow("", self.matches)
        form.addRow("", self.chosen)
        form.addRow(self.tr("&Phone"), self.prospect_phone)
        form.addRow("", self.phone_error)
        form.addRow(self.tr("&Owner"), self.prospect_owner)
        form.addRow(self.tr("&Channel"), self.channel)
        form.addRow(self.tr("&Direction"), self.direction)
        form.addRow(self.tr("&Note"), self.note)
        form.addRow(self.tr("&Hand over to"), self.hand_over)
        form.addRow(self.tr("Follow-up"), self.follow_what)
        form.addRow(self.tr("D&ue"), self.due)
        self._form = form
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("↑/↓ choose · Enter confirm · Tab next field · Ctrl+Enter save"))
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
        self.prospect_owner.activated.connect(self._owner_picked)
        self.prospect_phone.textChanged.connect(self._check_phone)
        for first, second in ((self.who, self.prospect_phone),
                              (self.prospect_phone, self.prospect_owner),
                              (self.prospect_owner, self.channel), (self.channel, self.direction),
                              (self.direction, self.note), (self.note, self.hand_over),
                              (self.hand_over, self.follow_what), (self.follow_what, self.due)):
            QWidget.setTabOrder(first, second)
        self._show_prospect_fields(False)
        self._form.setRowVisible(self.due, False)
        self._customer: int | None = None
        self._new_text = ""
        self._found: list[capture.Match] = []
        self.who.setFocus()
        self._warm = workers.start(workers.Task(lambda _progress: capture.warm_up()))

    # --- choosing the person --------------------------------------------------------------
    def _search(self, text: str) -> None:
        self.matches.clear()
        self._found = capture.find_matches(text)
        for match in self._found:
            item = QListWidgetItem(match.label)
            item.setData(Qt.ItemDataRole.UserRole, match.customer_id)
            self.matches.addItem(item)
        if text.strip():
            found = [self.matches.item(i) for i in range(self.matches.count())]
            item = QListWidgetItem(self.tr("+ New prospect: “{name}”").format(name=text.strip()))
            item.setData(Qt.ItemDataRole.UserRole, NEW)
            self.matches.addItem(item)
            # Enter takes the top match only when it fits what was typed; else a newcomer.
            default = capture.default_choice(self._found)
            self.matches.setCurrentRow(len(found) if default is None else default)

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
            self.chosen.setText(self.tr("New prospect: {name}").format(name=self._new_text))
            self._show_prospect_fields(True)
            self.prospect_phone.setFocus()
        else:
            self._customer, self._new_text = int(cid), ""
            self.chosen.setText(self.tr("Customer: {name}").format(name=item.text()))
            self._show_prospect_fields(False)
            self.channel.setFocus()

    def _show_prospect_fields(self, shown: bool) -> None:
        for widget in (self.prospect_phone, self.prospect_owner):
            self._form.setRowVisible(widget, shown)
        self._form.setRowVisible(self.phone_error, shown and bool(self.phone_error.text()))

    def _check_phone(self, text: str) -> None:
        message = None
        if text.strip():
            try:
                normalise_phone(text, self.region)
            except InvalidValue as exc:
                message = str(exc)
        self.phone_error.show_message(message)
        self._form.setRowVisible(self.phone_error, bool(message))

    def _owner_picked(self) -> None:
        self._owner_chosen = True

    def _hand_over_changed(self) -> None:
        colleague = self.hand_over.currentData()
        if colleague is not None and not self.follow_what.text():
            first = self.note.toPlainText().strip().splitlines()
            self.follow_what.setText(self.tr("Call back: {note}").format(note=first[0]) if first
                                     else self.tr("Call back"))
        if colleague is not None and not self._form.isRowVisible(self.due):
            self.due.setDateTime(to_qdatetime(capture.handover_due(self.clock())))
        self._form.setRowVisible(self.due, colleague is not None)
        if not self._owner_chosen:  # the new prospect is theirs, unless chosen otherwise
            self.prospect_owner.setCurrentIndex(max(0, self.prospect_owner.findData(colleague)))

    # --- saving -------------------------------------------------------------------------
    def save(self) -> None:
        if self._customer is None and not self._new_text:
            if self.matches.currentItem() is None:
                self.error.show_message(self.tr("Type who it is, then choose them (Enter)."))
                self.who.setFocus()
                return
            self._confirm()
        interaction = InteractionData(0, self.channel.currentData(),
                                      self.direction.currentData(), self.note.toPlainText(),
                                      staff_id=self.user_id)
        follow = None
        colleague = self.hand_over.currentData()
        if colleague is not None:
            what = self.follow_what.text().strip() or self.tr("Call back")
            due = from_qdatetime(self.due.dateTime())
            follow = FollowUpData(0, what, due, assignee_id=colleague)
        new = self._customer is None
        try:
            self.result_ids = capture.capture(
                self._customer, self._new_text, interaction, follow, self.region,
                phone=self.prospect_phone.text() if new else "",
                owner_id=self.prospect_owner.currentData() if new else None)
        except ValidationFailed as exc:
            self.error.show_message(self.tr("Not saved. {problems}").format(
                problems=" ".join(p.message for p in exc.problems)))
            if any(p.field == "notes" for p in exc.problems):
                self.note.setFocus()
            elif any(p.field == "phones" for p in exc.problems):
                self._check_phone(self.prospect_phone.text())
                self.prospect_phone.setFocus()
            return
        self.accept()
