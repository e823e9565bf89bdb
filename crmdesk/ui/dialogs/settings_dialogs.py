"""Settings of the book: staff members, and the contact cadence per segment."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk.i18n import Translatable
from crmdesk.services import access, agenda, catalog, customers, lifecycle, staff
from crmdesk.services.staff import StaffMember
from crmdesk.ui import labels
from crmdesk.ui.widgets.fields import ErrorLabel, save_cancel


class StaffDialog(Translatable, QDialog):
    """The staff list: names, roles (executive, receptionist, manager), active or not."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Staff members"))
        self.setMinimumWidth(480)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Role"), self.tr("Active"), self.tr("Signs in")]
        )
        self.table.setAccessibleName(self.tr("Staff members"))
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().resizeSection(0, 220)
        self._fill()
        probe = QComboBox()  # "receptionist" whole in its box
        probe.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        probe.addItems([labels.label(key) for key in catalog.STAFF_ROLES])
        self.table.setColumnWidth(1, probe.sizeHint().width() + 16)
        self.table.resizeColumnToContents(2)
        self.setMinimumWidth(max(480, min(self.table.horizontalHeader().length() + 40, 900)))
        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(self.tr("New staff member's name"))
        self.new_name.setAccessibleName(self.tr("New staff member's name"))
        self.new_role = QComboBox()
        for key in catalog.STAFF_ROLES:  # shown translated, stored as the key
            self.new_role.addItem(labels.label(key), key)
        self.new_role.setAccessibleName(self.tr("Role of the new staff member"))
        add = QPushButton(self.tr("Add"))
        add.setToolTip(self.tr("Add this person to the list (Enter)"))
        add.clicked.connect(self._add_new)
        self.new_name.installEventFilter(self)
        self.add_button = add
        adder = QHBoxLayout()
        adder.addWidget(self.new_name, 1)
        adder.addWidget(self.new_role)
        adder.addWidget(add)
        self.error = ErrorLabel()
        buttons = save_cancel(self, self.save)
        self.password_button = QPushButton(self.tr("Set &Password…"))
        self.password_button.setToolTip(
            self.tr(
                "Let the selected person sign in with a password (the first one goes to a manager)"
            )
        )
        self.password_button.clicked.connect(lambda: self._set_secret(pin=False))
        self.pin_button = QPushButton(self.tr("Set P&IN…"))
        self.pin_button.setToolTip(self.tr("A short PIN that unlocks the window for them"))
        self.pin_button.clicked.connect(lambda: self._set_secret(pin=True))
        self.remove_button = QPushButton(self.tr("&Remove Password"))
        self.remove_button.setToolTip(self.tr("The selected person can no longer sign in"))
        self.remove_button.clicked.connect(self._remove_password)
        accounts = QHBoxLayout()
        for button in (self.password_button, self.pin_button, self.remove_button):
            accounts.addWidget(button)
        accounts.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Owners of customers, assignees of follow-ups and authors "
                    "of "
                    "interactions. Untick Active for someone who left. Once "
                    "someone has a password, everyone signs in and sees what "
                    "their role allows."
                )
            )
        )
        layout.addWidget(self.table)
        layout.addLayout(accounts)
        layout.addLayout(adder)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        # Enter in the name field adds the person; it must not press the default Save.
        if (
            watched is self.new_name
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._add_new()
            return True
        return super().eventFilter(watched, event)

    def _add_new(self) -> None:
        name = " ".join(self.new_name.text().split())
        if not name:
            self.error.show_message(self.tr("Type the new staff member's name first."))
            return
        self._add_row(StaffMember(0, name, str(self.new_role.currentData()), True))
        self.new_name.clear()
        self.error.show_message(None)
        self.new_name.setFocus()

    def _fill(self) -> None:
        row = self.table.currentRow()
        current = self.table.item(row, 0) if row >= 0 else None
        keep = current.text() if current is not None else None
        self.table.setRowCount(0)
        signs_in = {a.staff_id: a for a in access.accounts()}
        for member in staff.list_staff(include_inactive=True):
            self._add_row(member)
            account = signs_in.get(member.id)
            text = (
                "—"
                if account is None or not account.has_password
                else ("password + PIN" if account.has_pin else "password")
            )
            item = QTableWidgetItem(text)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.table.setItem(self.table.rowCount() - 1, 3, item)
            if member.name == keep:  # the person selected stays selected
                self.table.selectRow(self.table.rowCount() - 1)

    def _selected(self) -> tuple[int, str] | None:
        """The selected person (saving the list first if they are new)."""
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        if item is None:
            self.error.show_message(self.tr("Select a staff member first."))
            return None
        name = " ".join(item.text().split())
        if not item.data(Qt.ItemDataRole.UserRole):
            try:
                staff.save_all(self.rows())
            except (ValueError, access.AccessDenied) as exc:
                self.error.show_message(str(exc))
                return None
            self._fill()
        sid = staff.find(name)
        return (sid, name) if sid is not None else None

    def ask_new_secret(self, who: str, pin: bool) -> str | None:
        """A new password or PIN typed twice (tests replace this)."""
        from crmdesk.ui.dialogs.sign_in import NewSecretDialog

        dialog = NewSecretDialog(who, pin, self)
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _set_secret(self, pin: bool) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        sid, name = chosen
        secret = self.ask_new_secret(name, pin)
        if secret is None:
            return
        try:
            if pin:
                access.set_pin(sid, secret)
            else:
                access.set_password(sid, secret)
        except (ValueError, access.AccessDenied) as exc:
            self.error.show_message(str(exc))
            return
        self.error.show_message(None)
        self._fill()

    def _remove_password(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        try:
            access.set_password(chosen[0], None)
        except (ValueError, access.AccessDenied) as exc:
            self.error.show_message(str(exc))
            return
        self.error.show_message(None)
        self._fill()

    def _add_row(self, member: StaffMember) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        name = QTableWidgetItem(member.name)
        name.setData(Qt.ItemDataRole.UserRole, member.id)
        self.table.setItem(row, 0, name)
        role = QComboBox()
        role.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for key in catalog.STAFF_ROLES:
            role.addItem(labels.label(key), key)
        role.setCurrentIndex(max(0, role.findData(member.role)))
        self.table.setCellWidget(row, 1, role)
        active = QCheckBox()
        active.setChecked(member.active)
        self.table.setCellWidget(row, 2, active)

    def rows(self) -> list[StaffMember]:
        found = []
        for row in range(self.table.rowCount()):
            name = self.table.item(row, 0)
            role = self.table.cellWidget(row, 1)
            active = self.table.cellWidget(row, 2)
            assert isinstance(role, QComboBox) and isinstance(active, QCheckBox)
            if name is None or not (name.text().strip() or name.data(Qt.ItemDataRole.UserRole)):
                continue
            found.append(
                StaffMember(
                    int(name.data(Qt.ItemDataRole.UserRole) or 0),
                    name.text(),
                    str(role.currentData()),
                    active.isChecked(),
                )
            )
        return found

    def save(self) -> None:
        try:
            staff.save_all(self.rows())
        except (ValueError, access.AccessDenied) as exc:
            self.error.show_message(str(exc))
            return
        self.accept()


class CadenceDialog(Translatable, QDialog):
    """How often each segment expects contact; beyond that a client shows as gone quiet."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Contact cadence"))
        current = agenda.cadence()
        self.spins: dict[str, QSpinBox] = {}
        form = QFormLayout()
        for segment in dict.fromkeys(customers.segments() + list(current)):
            spin = QSpinBox()
            spin.setRange(0, 3650)
            spin.setSuffix(self.tr(" days"))
            spin.setSpecialValueText(self.tr("no cadence"))
            spin.setValue(current.get(segment, 0))
            spin.setAccessibleName(self.tr("Cadence for {segment}").format(segment=segment))
            self.spins[segment] = spin
            form.addRow(segment, spin)
        buttons = save_cancel(self, self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Contact each client of a segment at least every…")))
        layout.addLayout(form)
        layout.addWidget(buttons)

    def save(self) -> None:
        agenda.set_cadence({k: s.value() for k, s in self.spins.items() if s.value() > 0})
        self.accept()


class StagesDialog(Translatable, QDialog):
    """Rename the lifecycle stages and change their order on the board."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Lifecycle stages"))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Stages"))
        for key, label in lifecycle.stages():
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        up = QPushButton(self.tr("Move up"))
        down = QPushButton(self.tr("Move down"))
        up.clicked.connect(lambda: self.shift(-1))
        down.clicked.connect(lambda: self.shift(1))
        self.error = ErrorLabel()
        buttons = save_cancel(self, self.save)
        side = QVBoxLayout()
        side.addWidget(up)
        side.addWidget(down)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(side)
        self.reactivation = QSpinBox()
        self.reactivation.setRange(1, 3650)
        self.reactivation.setSuffix(self.tr(" days"))
        self.reactivation.setValue(lifecycle.reactivation_days())
        self.reactivation.setAccessibleName(self.tr("Propose Reactivation after"))
        self.reactivation.setToolTip(
            self.tr(
                "Customers with no interaction for this long are "
                "proposed "
                "for Reactivation on the board"
            )
        )
        reactivation = QFormLayout()
        reactivation.addRow(self.tr("Propose Reactivation after"), self.reactivation)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Double-click (or F2) a stage to rename it; the order is "
                    "the "
                    "board's, left to right."
                )
            )
        )
        layout.addLayout(row)
        layout.addLayout(reactivation)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def shift(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)

    def stages(self) -> list[tuple[str, str]]:
        return [
            (str(self.list.item(i).data(Qt.ItemDataRole.UserRole)), self.list.item(i).text())
            for i in range(self.list.count())
        ]

    def save(self) -> None:
        try:
            lifecycle.save_settings(self.stages(), self.reactivation.value())
        except ValueError as exc:
            self.error.show_message(str(exc))
            return
        self.accept()
