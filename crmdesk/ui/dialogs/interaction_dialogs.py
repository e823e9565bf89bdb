"""Dialogs to log (or edit) an interaction and to add a follow-up / promise."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDateTime, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from crmdesk.services import access, catalog, interactions, staff
from crmdesk.services.customers import ValidationFailed
from crmdesk.services.interactions import FollowUpData, InteractionData
from crmdesk.ui.widgets import vocabulary
from crmdesk.ui.widgets.fields import ErrorLabel, save_cancel


def staff_combo(current: int | None, none_label: str = "—") -> QComboBox:
    combo = QComboBox()
    combo.addItem(none_label, None)
    for member in staff.list_staff():
        combo.addItem(QCoreApplication.translate("interaction_dialogs", "{name} ({role})")
                      .format(name=member.name, role=vocabulary.role_word(member.role)),
                      member.id)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


def keyed_combo(items: list[tuple[str, str]], current: str, name: str) -> QComboBox:
    combo = QComboBox()
    for key, label in vocabulary.items(items):
        combo.addItem(label, key)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    combo.setAccessibleName(name)
    return combo


def to_qdatetime(when: dt.datetime) -> QDateTime:
    local = when.astimezone()
    return QDateTime.fromSecsSinceEpoch(int(local.timestamp()))


def from_qdatetime(value: QDateTime) -> dt.datetime:
    return dt.datetime.fromtimestamp(value.toSecsSinceEpoch(), dt.UTC)


def default_due() -> dt.datetime:
    """Tomorrow at 10:00 local time."""
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    return dt.datetime(tomorrow.year, tomorrow.month, tomorrow.day, 10).astimezone()


class FollowUpFields(QWidget):
    """What / due / promise / assignee, shared by both dialogs."""

    def __init__(self, assignee: int | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.what = QLineEdit()
        self.what.setAccessibleName(self.tr("Follow-up: what must be done"))
        self.what.setPlaceholderText(self.tr("e.g. Send the fee table"))
        self.due = QDateTimeEdit(to_qdatetime(default_due()))
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.due.setAccessibleName(self.tr("Due"))
        self.promise = QCheckBox(self.tr("This is a promise made to the client"))
        self.promise.setToolTip(self.tr("Promises are what a client remembers: they are listed "
                                        "first"))
        self.assignee = staff_combo(assignee, self.tr("Me / nobody in particular"))
        self.assignee.setAccessibleName(self.tr("Assigned to"))
        self.warning = ErrorLabel()
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Wh&at"), self.what)
        form.addRow(self.tr("D&ue"), self.due)
        form.addRow("", self.promise)
        form.addRow(self.tr("Assigned &to"), self.assignee)
        form.addRow("", self.warning)
        self.due.dateTimeChanged.connect(self._check_due)

    def _check_due(self) -> None:
        past = from_qdatetime(self.due.dateTime()) < dt.datetime.now(dt.UTC)
        self.warning.show_message(self.tr("The due date is past: it will show as overdue.")
                                  if past else None)

    def data(self, customer_id: int) -> FollowUpData:
        return FollowUpData(customer_id, self.what.text(), from_qdatetime(self.due.dateTime()),
                            self.promise.isChecked(), self.assignee.currentData())


class LogInteractionDialog(QDialog):
    """Log a new interaction (optionally with a follow-up) or edit a logged one."""

    def __init__(self, customer_id: int, customer_name: str, user_id: int | None,
                 existing: InteractionData | None = None, channel: str = "phone",
                 direction: str = "out", parent: QWidget | None = None):
        super().__init__(parent)
        self.customer_id = customer_id
        self.existing = existing
        self.saved: tuple[int, int | None] | None = None
        title = (self.tr("Edit interaction — {customer}") if existing
                 else self.tr("Log interaction — {customer}"))
        self.setWindowTitle(title.format(customer=customer_name))
        data = existing or InteractionData(customer_id, channel, direction, "",
                                           staff_id=user_id)
        self.channel = keyed_combo(catalog.INTERACTION_CHANNELS, data.channel,
                                   self.tr("Channel"))
        self.direction = keyed_combo(catalog.DIRECTIONS, data.direction, self.tr("Direction"))
        self.when = QDateTimeEdit(to_qdatetime(data.happened_at))
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setAccessibleName(self.tr("When"))
        self.duration = QSpinBox()
        self.duration.setRange(0, 24 * 60)
        self.duration.setSuffix(self.tr(" min"))
        self.duration.setSpecialValueText("—")
        self.duration.setValue(data.duration_min or 0)
        self.duration.setAccessibleName(self.tr("Duration"))
        self.staff = staff_combo(data.staff_id)
        self.staff.setAccessibleName(self.tr("Staff member"))
        me = access.current()
        if me.signed_in and me.role != "manager":  # one records under one's own name
            self.staff.setCurrentIndex(max(0, self.staff.findData(
                data.staff_id if existing else me.staff_id)))
            self.staff.setEnabled(False)
            self.staff.setToolTip(self.tr("{name} records things under their own name.")
                                  .format(name=me.name))
        self.subject = QLineEdit(data.subject)
        self.subject.setAccessibleName(self.tr("Subject"))
        self.notes = QPlainTextEdit(data.notes)
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("What was said or done"))
        self.outcome = QLineEdit(data.outcome)
        self.outcome.setAccessibleName(self.tr("Outcome"))
        self.satisfaction = QComboBox()
        self.satisfaction.addItem("—", None)
        for n in range(1, 6):
            self.satisfaction.addItem("★" * n, n)
        self.satisfaction.setCurrentIndex(max(0, self.satisfaction.findData(data.satisfaction)))
        self.satisfaction.setAccessibleName(self.tr("Client satisfaction"))
        form = QFormLayout()
        form.addRow(self.tr("&Channel"), self.channel)
        form.addRow(self.tr("&Direction"), self.direction)
        form.addRow(self.tr("&When"), self.when)
        form.addRow(self.tr("Duration"), self.duration)
        form.addRow(self.tr("Staff"), self.staff)
        form.addRow(self.tr("&Subject"), self.subject)
        form.addRow(self.tr("&Notes"), self.notes)
        form.addRow(self.tr("&Outcome"), self.outcome)
        form.addRow(self.tr("Satisfaction"), self.satisfaction)
        self.follow_box = QGroupBox(self.tr("Add a follow-up"))
        self.follow_box.setCheckable(True)
        self.follow_box.setChecked(False)
        self.follow = FollowUpFields(None)
        box_layout = QVBoxLayout(self.follow_box)
        box_layout.addWidget(self.follow)
        self.follow_box.setVisible(existing is None)
        self.error = ErrorLabel()
        buttons = save_cancel(self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.follow_box)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.notes.setFocus()

    def interaction(self) -> InteractionData:
        return InteractionData(
            self.customer_id, self.channel.currentData(), self.direction.currentData(),
            self.notes.toPlainText(), from_qdatetime(self.when.dateTime()),
            self.staff.currentData(), self.duration.value() or None, self.subject.text(),
            self.outcome.text(), self.satisfaction.currentData())

    def save(self) -> None:
        data = self.interaction()
        follow = self.follow.data(self.customer_id) if self.follow_box.isChecked() else None
        try:
            if self.existing is not None and self.existing.id is not None:
                interactions.edit(self.existing.id, data)
                self.saved = (self.existing.id, None)
            else:
                self.saved = interactions.log(data, follow)
        except ValidationFailed as exc:
            self.error.show_message(self.tr("Not saved. {problems}").format(
                problems=" ".join(p.message for p in exc.problems)))
            return
        except access.AccessDenied as exc:
            self.error.show_message(self.tr("Not saved. {exc}").format(exc=exc))
            return
        self.accept()


class FollowUpDialog(QDialog):
    def __init__(self, customer_id: int, customer_name: str, assignee: int | None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.customer_id = customer_id
        self.saved: int | None = None
        self.setWindowTitle(self.tr("Follow-up — {customer}").format(customer=customer_name))
        self.fields = FollowUpFields(assignee)
        self.error = ErrorLabel()
        buttons = save_cancel(self, self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.fields.what.setFocus(Qt.FocusReason.OtherFocusReason)

    def save(self) -> None:
        try:
            self.saved = interactions.add_follow_up(self.fields.data(self.customer_id))
        except ValidationFailed as exc:
            self.error.show_message(self.tr("Not saved. {problems}").format(
                problems=" ".join(p.message for p in exc.problems)))
            return
        self.accept()
