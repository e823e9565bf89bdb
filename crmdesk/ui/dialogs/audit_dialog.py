"""The audit trail: who viewed, changed, exported or printed which customer; filter by
customer and person; verify that no entry was changed or removed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk.services import audit
from crmdesk.ui.widgets import vocabulary
from crmdesk.ui.widgets.vocabulary import number


class AuditDialog(QDialog):
    def __init__(self, customer_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Audit trail"))
        self.resize(900, 560)
        self.customer = QSpinBox()
        self.customer.setRange(0, 2_000_000_000)
        self.customer.setSpecialValueText(self.tr("All customers"))
        self.customer.setPrefix("#")
        self.customer.setValue(customer_id or 0)
        self.customer.setAccessibleName(self.tr("Customer number"))
        self.person = QComboBox()
        self.person.addItem(self.tr("Everybody"), "")
        for name in audit.people():
            self.person.addItem(name, name)
        self.person.setAccessibleName(self.tr("Person"))
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What"),
                                              self.tr("Customer"), self.tr("Detail")])
        self.table.setAccessibleName(self.tr("Audit entries"))
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verdict = QLabel()
        self.verdict.setTextFormat(Qt.TextFormat.PlainText)
        verify = QPushButton(self.tr("&Verify the chain"))
        verify.setToolTip(self.tr("Recompute every entry's hash: a changed or removed entry "
                                  "shows"))
        verify.clicked.connect(self.verify)
        self.office_button = QPushButton(self.tr("&Office trail"))
        self.office_button.setToolTip(self.tr(
            "Every device's trail as the office hub keeps it, each chain verified "
            "(managers only)"))
        self.office_button.clicked.connect(self.show_office)
        from crmdesk.services import sync

        self.office_button.setVisible(sync.joined())
        self._office_task: object | None = None
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Customer")))
        filters.addWidget(self.customer)
        filters.addWidget(QLabel(self.tr("Person")))
        filters.addWidget(self.person, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.verdict, 1)
        buttons.addWidget(verify)
        buttons.addWidget(self.office_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.customer.valueChanged.connect(self.reload)
        self.person.currentIndexChanged.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        found = audit.entries(self.customer.value() or None, str(self.person.currentData()))
        self.table.setRowCount(len(found))
        for row, e in enumerate(found):
            whom = f"#{e.customer_id} {e.customer}".strip() if e.customer_id is not None \
                else self.tr("the book")
            for column, text in enumerate((f"{e.at.astimezone():%Y-%m-%d %H:%M}", e.who,
                                           vocabulary.label(audit.ACTIONS.get(e.action,
                                                                              e.action)), whom,
                                           e.detail)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def verify(self) -> None:
        result = audit.verify()
        if result.ok:
            self.verdict.setText(self.tr("The trail is intact: {count} entry(ies), none changed "
                                         "or removed.", "", result.entries)
                                 .format(count=number(result.entries)))
        else:
            self.verdict.setText(self.tr("Tampered with: {problems}").format(
                problems="; ".join(result.problems[:3])))

    def show_office(self) -> None:
        """Read the office's trail from the hub off the GUI thread; the table then shows
        every device's entries (who, on which device) and the verdict each chain's."""
        from crmdesk.services import sync_live
        from crmdesk.ui import workers

        office = getattr(self.parent(), "office", None)
        password = getattr(office, "password", None)
        self.office_button.setEnabled(False)
        self.verdict.setText(self.tr("Reading the office's trail from the hub…"))
        task = workers.Task(lambda _progress: sync_live.office_audit(password))
        task.signals.finished.connect(self._office_read)
        task.signals.failed.connect(self._office_failed)
        self._office_task = workers.start(task)

    def _office_failed(self, exc: object) -> None:
        self.office_button.setEnabled(True)
        self.verdict.setText(self.tr("The office's trail could not be read: {reason}").format(
            reason=str(exc)))

    def _office_read(self, trail: object) -> None:
        from crmdesk.services.sync import OfficeAudit

        self.office_button.setEnabled(True)
        assert isinstance(trail, OfficeAudit)
        found = trail.entries[-2000:]
        self.table.setRowCount(len(found))
        for row, e in enumerate(reversed(found)):
            who = self.tr("{who} on {device}").format(
                who=e["who"] or e["login"], device=e["device_name"] or e["device"])
            for column, text in enumerate((str(e["at"] or ""), who, vocabulary.label(
                    audit.ACTIONS.get(str(e["action"]), str(e["action"]))),
                    e["customer"] or self.tr("the book"), e["detail"])):
                self.table.setItem(row, column, QTableWidgetItem(str(text)))
        self.table.resizeColumnsToContents()
        if trail.problems:
            self.verdict.setText(self.tr("The office's trail was tampered with: {problems}")
                                 .format(problems="; ".join(trail.problems[:3])))
        else:
            self.verdict.setText(self.tr(
                "Every device's trail is intact: {count} device(s), {entries} entries in all.",
                "", trail.devices).format(count=number(trail.devices),
                                          entries=number(len(trail.entries))))
