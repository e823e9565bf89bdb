"""Settings of the book: staff members, and the contact cadence per segment."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk.services import agenda, catalog, customers, staff
from crmdesk.services.staff import StaffMember
from crmdesk.ui.widgets.fields import ErrorLabel


class StaffDialog(QDialog):
    """The staff list: names, roles (executive, receptionist, manager), active or not."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Staff members")
        self.setMinimumWidth(480)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["Name", "Role", "Active"])
        self.table.setAccessibleName("Staff members")
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().resizeSection(0, 220)
        for member in staff.list_staff(include_inactive=True):
            self._add_row(member)
        add = QPushButton("Add staff member")
        add.clicked.connect(lambda: self._add_row(StaffMember(0, "", "executive", True), True))
        self.error = ErrorLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Owners of customers, assignees of follow-ups and authors of "
                                "interactions. Untick Active for someone who left."))
        layout.addWidget(self.table)
        layout.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _add_row(self, member: StaffMember, edit: bool = False) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        name = QTableWidgetItem(member.name)
        name.setData(Qt.ItemDataRole.UserRole, member.id)
        self.table.setItem(row, 0, name)
        role = QComboBox()
        role.addItems(catalog.STAFF_ROLES)
        role.setCurrentText(member.role)
        self.table.setCellWidget(row, 1, role)
        active = QCheckBox()
        active.setChecked(member.active)
        self.table.setCellWidget(row, 2, active)
        if edit:
            self.table.setCurrentCell(row, 0)
            self.table.editItem(name)

    def rows(self) -> list[StaffMember]:
        found = []
        for row in range(self.table.rowCount()):
            name = self.table.item(row, 0)
            role = self.table.cellWidget(row, 1)
            active = self.table.cellWidget(row, 2)
            assert isinstance(role, QComboBox) and isinstance(active, QCheckBox)
            if name is None or not (name.text().strip() or name.data(Qt.ItemDataRole.UserRole)):
                continue
            found.append(StaffMember(int(name.data(Qt.ItemDataRole.UserRole) or 0), name.text(),
                                     role.currentText(), active.isChecked()))
        return found

    def save(self) -> None:
        try:
            staff.save_all(self.rows())
        except ValueError as exc:
            self.error.show_message(str(exc))
            return
        self.accept()


class CadenceDialog(QDialog):
    """How often each segment expects contact; beyond that a client shows as gone quiet."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Contact cadence")
        current = agenda.cadence()
        self.spins: dict[str, QSpinBox] = {}
        form = QFormLayout()
        for segment in dict.fromkeys(customers.segments() + list(current)):
            spin = QSpinBox()
            spin.setRange(0, 3650)
            spin.setSuffix(" days")
            spin.setSpecialValueText("no cadence")
            spin.setValue(current.get(segment, 0))
            spin.setAccessibleName(f"Cadence for {segment}")
            self.spins[segment] = spin
            form.addRow(segment, spin)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Contact each client of a segment at least every…"))
        layout.addLayout(form)
        layout.addWidget(buttons)

    def save(self) -> None:
        agenda.set_cadence({k: s.value() for k, s in self.spins.items() if s.value() > 0})
        self.accept()
