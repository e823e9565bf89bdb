"""Import contacts: read the file in a worker, show the preview (and for a CSV file the
column mapping), then write it in a worker with a progress bar and Cancel."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk.services.importing import contact_import, csv_reader, files
from crmdesk.services.importing.contact_import import ImportPlan, ImportResult
from crmdesk.ui import workers
from crmdesk.ui.models.list_table import Index, ListTableModel
from crmdesk.ui.widgets.fields import ErrorLabel
from crmdesk.ui.widgets.vocabulary import number

SHOW = [("all", QT_TRANSLATE_NOOP("ImportDialog", "All rows")),
        ("new", QT_TRANSLATE_NOOP("ImportDialog", "New")),
        ("update", QT_TRANSLATE_NOOP("ImportDialog", "Updates")),
        ("duplicate", QT_TRANSLATE_NOOP("ImportDialog", "Probable duplicates")),
        ("rejected", QT_TRANSLATE_NOOP("ImportDialog", "Rejected")),
        ("warnings", QT_TRANSLATE_NOOP("ImportDialog", "With warnings"))]
# contact_import.KIND_LABELS in the user's language
KIND_TEXTS = {contact_import.NEW: QT_TRANSLATE_NOOP("PreviewModel", "New"),
              contact_import.UPDATE: QT_TRANSLATE_NOOP("PreviewModel", "Updates a customer"),
              contact_import.DUPLICATE: QT_TRANSLATE_NOOP("PreviewModel", "Probable duplicate"),
              contact_import.REJECTED: QT_TRANSLATE_NOOP("PreviewModel", "Rejected")}

# csv_reader.TARGETS' labels (the fields a CSV column can go to), for lupdate;
# tests/ui/test_dialogs_spanish.py fails when the reader gains one not listed here.
TARGET_TEXTS = [
    QT_TRANSLATE_NOOP("ImportDialog", "(ignore)"),
    QT_TRANSLATE_NOOP("ImportDialog", "Given name"),
    QT_TRANSLATE_NOOP("ImportDialog", "Middle name"),
    QT_TRANSLATE_NOOP("ImportDialog", "Family name"),
    QT_TRANSLATE_NOOP("ImportDialog", "Full name"),
    QT_TRANSLATE_NOOP("ImportDialog", "Preferred name / nickname"),
    QT_TRANSLATE_NOOP("ImportDialog", "Salutation"),
    QT_TRANSLATE_NOOP("ImportDialog", "Company"),
    QT_TRANSLATE_NOOP("ImportDialog", "Job title"),
    QT_TRANSLATE_NOOP("ImportDialog", "Department"),
    QT_TRANSLATE_NOOP("ImportDialog", "Birthday"),
    QT_TRANSLATE_NOOP("ImportDialog", "Notes"),
    QT_TRANSLATE_NOOP("ImportDialog", "Tags"),
    QT_TRANSLATE_NOOP("ImportDialog", "Segment"),
    QT_TRANSLATE_NOOP("ImportDialog", "E-mail (home)"),
    QT_TRANSLATE_NOOP("ImportDialog", "E-mail (work)"),
    QT_TRANSLATE_NOOP("ImportDialog", "E-mail (other)"),
    QT_TRANSLATE_NOOP("ImportDialog", "Phone (mobile)"),
    QT_TRANSLATE_NOOP("ImportDialog", "Phone (home)"),
    QT_TRANSLATE_NOOP("ImportDialog", "Phone (work)"),
    QT_TRANSLATE_NOOP("ImportDialog", "Phone (fax)"),
    QT_TRANSLATE_NOOP("ImportDialog", "Phone (other)"),
    QT_TRANSLATE_NOOP("ImportDialog", "Address (home) street"),
    QT_TRANSLATE_NOOP("ImportDialog", "Address (home) city"),
    QT_TRANSLATE_NOOP("ImportDialog", "Address (home) region"),
    QT_TRANSLATE_NOOP("ImportDialog", "Address (home) postcode"),
    QT_TRANSLATE_NOOP("ImportDialog", "Address (home) country"),
    QT_TRANSLATE_NOOP("ImportDialog", "Address (work) street"),
    QT_TRANSLATE_NOOP("ImportDialog", "Address (work) city"),
    QT_TRANSLATE_NOOP("ImportDialog", "Address (work) region"),
    QT_TRANSLATE_NOOP("ImportDialog", "Address (work) postcode"),
    QT_TRANSLATE_NOOP("ImportDialog", "Address (work) country"),
    QT_TRANSLATE_NOOP("ImportDialog", "Address (other) street"),
    QT_TRANSLATE_NOOP("ImportDialog", "Address (other) city"),
    QT_TRANSLATE_NOOP("ImportDialog", "Address (other) region"),
    QT_TRANSLATE_NOOP("ImportDialog", "Address (other) postcode"),
    QT_TRANSLATE_NOOP("ImportDialog", "Address (other) country"),
    QT_TRANSLATE_NOOP("ImportDialog", "Life situation"),
    QT_TRANSLATE_NOOP("ImportDialog", "Person or organisation"),
    QT_TRANSLATE_NOOP("ImportDialog", "Birth year"),
    QT_TRANSLATE_NOOP("ImportDialog", "Birth month"),
    QT_TRANSLATE_NOOP("ImportDialog", "Birth day"),
    QT_TRANSLATE_NOOP("ImportDialog", "Name suffix (notes)"),
    QT_TRANSLATE_NOOP("ImportDialog", "Phone (pager)"),
    QT_TRANSLATE_NOOP("ImportDialog", "Phone (main)"),
    QT_TRANSLATE_NOOP("ImportDialog", "Phone (assistant)"),
    QT_TRANSLATE_NOOP("ImportDialog", "Phone (car)"),
    QT_TRANSLATE_NOOP("ImportDialog", "Phone (work fax)"),
    QT_TRANSLATE_NOOP("ImportDialog", "Phone (home fax)"),
    QT_TRANSLATE_NOOP("ImportDialog", "Web page (notes)"),
    QT_TRANSLATE_NOOP("ImportDialog", "IM handle (notes)"),
    QT_TRANSLATE_NOOP("ImportDialog", "Connected on (notes)"),
    QT_TRANSLATE_NOOP("ImportDialog", "Assistant (notes)"),
    QT_TRANSLATE_NOOP("ImportDialog", "Manager (notes)"),
    QT_TRANSLATE_NOOP("ImportDialog", "Notes, as “Column: value”"),
    QT_TRANSLATE_NOOP("ImportDialog", "Spouse (life situation)"),
    QT_TRANSLATE_NOOP("ImportDialog", "Partner (life situation)"),
    QT_TRANSLATE_NOOP("ImportDialog", "Children (life situation)"),
    QT_TRANSLATE_NOOP("ImportDialog", "Anniversary (life situation)"),
]


class PreviewModel(ListTableModel):
    HEADERS = [QT_TRANSLATE_NOOP("PreviewModel", "Row"), QT_TRANSLATE_NOOP("PreviewModel", "Name"),
               QT_TRANSLATE_NOOP("PreviewModel", "E-mail"),
               QT_TRANSLATE_NOOP("PreviewModel", "Phone"),
               QT_TRANSLATE_NOOP("PreviewModel", "Result"),
               QT_TRANSLATE_NOOP("PreviewModel", "Reason / warnings")]

    def __init__(self, parent: Any = None):
        super().__init__(parent=parent)
        self.plan: ImportPlan | None = None
        self.shown: list[int] = []

    def shown_count(self) -> int:
        return len(self.shown)

    def set_plan(self, plan: ImportPlan | None, show: str = "all") -> None:
        self.beginResetModel()
        self.plan = plan
        rows = plan.rows if plan else []
        self.shown = [i for i, r in enumerate(rows)
                      if show == "all" or r.kind == show or (show == "warnings" and r.warnings)]
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.plan is None:
            return None
        row = self.plan.rows[self.shown[index.row()]]
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 4:
            if row.kind == contact_import.REJECTED:
                return None
            return Qt.CheckState.Checked if row.include else Qt.CheckState.Unchecked
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        data = row.clean or row.contact.data
        column = index.column()
        if column == 0:
            return row.contact.source
        if column == 1:
            return " ".join(p for p in (data.given_name, data.family_name) if p)
        if column == 2:
            return data.emails[0].value if data.emails else ""
        if column == 3:
            return data.phones[0].value if data.phones else ""
        if column == 4:
            return QCoreApplication.translate("PreviewModel", KIND_TEXTS[row.kind])
        return "; ".join(filter(None, [row.reason, *row.warnings]))

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():  # the root is not an item (qtmodeltester)
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 4 and self.plan is not None and \
                self.plan.rows[self.shown[index.row()]].kind != contact_import.REJECTED:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or self.plan is None or index.column() != 4:
            return False
        row = self.plan.rows[self.shown[index.row()]]
        row.include = Qt.CheckState(value) == Qt.CheckState.Checked
        self.dataChanged.emit(index, index)
        return True


class ImportDialog(QDialog):
    """The preview of one file; accepted once the import is written (`result`)."""

    planned = Signal()

    def __init__(self, path: Path, region: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import {name}").format(name=path.name))
        from crmdesk.ui import screen_fit

        screen_fit.fit_dialog(self, 1100, 620)  # less on a small screen
        self.path, self.region = path, region
        self.read: files.ReadFile | None = None
        self.plan: ImportPlan | None = None
        self.outcome: ImportResult | None = None
        self.task: workers.Task | None = None
        self.info = QLabel(self.tr("Reading…"))
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.TextFormat.PlainText)
        self.mapping = QTableWidget(0, 3)
        self.mapping.setHorizontalHeaderLabels([self.tr("Column"), self.tr("First value"),
                                                self.tr("Goes to")])
        self.mapping.setAccessibleName(self.tr("Column mapping"))
        self.mapping.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.mapping.verticalHeader().hide()
        self.mapping.setMaximumHeight(180)
        self.mapping.hide()
        self.apply_mapping = QPushButton(self.tr("Read again with this &mapping"))
        self.apply_mapping.clicked.connect(self._remap)
        self.apply_mapping.hide()
        self.save_mapping = QPushButton(self.tr("&Save mapping…"))
        self.save_mapping.setToolTip(self.tr("Save this mapping to use it again for files like "
                                             "this one (also with crmdesk import --mapping)"))
        self.save_mapping.clicked.connect(self._save_mapping)
        self.load_mapping = QPushButton(self.tr("Use a saved mappin&g…"))
        self.load_mapping.clicked.connect(self._load_mapping)
        for button in (self.save_mapping, self.load_mapping):
            button.hide()
        self.counts = QLabel()
        self.counts.setAccessibleName(self.tr("Summary"))
        self.show_combo = QComboBox()
        for key, label in SHOW:
            self.show_combo.addItem(QCoreApplication.translate("ImportDialog", label), key)
        self.show_combo.setAccessibleName(self.tr("Show rows"))
        self.show_combo.currentIndexChanged.connect(self._show_rows)
        self.model = PreviewModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Preview"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)
        for column, width in enumerate((120, 160, 180, 115, 150)):
            self.table.setColumnWidth(column, width)  # fixed: measuring 100,000 rows is slow
        self.duplicates = QCheckBox(self.tr("Also import the probable &duplicates as new "
                                            "customers"))
        self.duplicates.toggled.connect(self._include_duplicates)
        self.progress = QProgressBar()
        self.progress.hide()
        self.error = ErrorLabel()
        self.import_button = QPushButton(self.tr("&Import"))
        self.import_button.setDefault(True)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.counts, 1)
        top.addWidget(QLabel(self.tr("Show:")))
        top.addWidget(self.show_combo)
        buttons = QHBoxLayout()
        buttons.addWidget(self.duplicates)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(self.mapping)
        mapping_buttons = QHBoxLayout()
        mapping_buttons.addStretch(1)
        for button in (self.load_mapping, self.save_mapping, self.apply_mapping):
            mapping_buttons.addWidget(button)
        layout.addLayout(mapping_buttons)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    # --- reading and planning (worker) ---------------------------------------------------
    def start(self) -> None:
        path, region = self.path, self.region

        def work(progress: workers.ProgressFn) -> tuple[files.ReadFile, ImportPlan]:
            read = files.read_path(path)
            return read, contact_import.plan(read.contacts, path.name, region, progress)

        self._run(work, self._planned)

    def chosen_mapping(self) -> list[str]:
        return [str(self.mapping.cellWidget(i, 2).currentData())  # type: ignore[union-attr]
                for i in range(self.mapping.rowCount())]

    def _save_mapping(self) -> None:
        from crmdesk.ui import file_dialogs

        if self.read is None or self.read.table is None:
            return
        target = file_dialogs.save_file(self, self.tr("Save the column mapping"),
                                        self.path.with_suffix(".mapping.json"),
                                        self.tr("Column mappings (*.json)"))
        if target is not None:
            self.save_mapping_to(target)

    def save_mapping_to(self, target: Path) -> None:
        from crmdesk.services.importing import mappings

        assert self.read is not None
        try:
            mappings.save(target, dataclasses.replace(self.read, mapping=self.chosen_mapping()))
        except (OSError, ValueError) as exc:
            self.error.show_message(str(exc))
            return
        self.error.show_message(None)

    def _load_mapping(self) -> None:
        from crmdesk.ui import file_dialogs

        source = file_dialogs.open_file(self, self.tr("Use a saved column mapping"),
                                        self.path.parent, self.tr("Column mappings (*.json)"))
        if source is not None:
            self.load_mapping_from(source)

    def load_mapping_from(self, source: Path) -> None:
        """Set the mapping step from a saved mapping and read the file again with it."""
        from crmdesk.services.importing import mappings
        from crmdesk.services.validation import InvalidValue

        if self.read is None:
            return
        try:
            chosen = mappings.mapping_list(
                dataclasses.replace(self.read, mapping=self.chosen_mapping()),
                mappings.load(source),
                strict=False)
        except InvalidValue as exc:
            self.error.show_message(str(exc))
            return
        for i, key in enumerate(chosen):
            combo = self.mapping.cellWidget(i, 2)
            assert isinstance(combo, QComboBox)
            if combo.findData(key) < 0:
                combo.addItem(key, key)
            combo.setCurrentIndex(combo.findData(key))
        self._remap()

    def _remap(self) -> None:
        read = self.read
        if read is None:
            return
        mapping = self.chosen_mapping()
        name, region = self.path.name, self.region

        def work(progress: workers.ProgressFn) -> tuple[files.ReadFile, ImportPlan]:
            again = files.remap(read, mapping)
            return again, contact_import.plan(again.contacts, name, region, progress)

        self._run(work, self._planned)

    def _run(self, work: Any, done: Any) -> None:
        self.error.show_message(None)
        self.import_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        task = workers.Task(work)
        task.signals.progress.connect(self._progress)
        task.signals.finished.connect(done)
        task.signals.failed.connect(self._failed)
        self.task = workers.start(task)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    def _failed(self, exc: Exception) -> None:
        self.task = None
        self.progress.hide()
        self.info.setText(self.tr("{name} cannot be imported.").format(name=self.path.name))
        if isinstance(exc, contact_import.ImportCancelled):
            self.error.show_message(self.tr("Import cancelled: nothing was written."))
        else:
            self.error.show_message(str(exc))

    def _planned(self, outcome: tuple[files.ReadFile, ImportPlan]) -> None:
        self.task = None
        self.progress.hide()
        self.read, self.plan = outcome
        read = self.read
        found = len(read.contacts)
        text = (self.tr("{file}: vCard file, {count} card(s)", "", found) if read.kind == "vcard"
                else self.tr("{file}: CSV file, {count} row(s)", "", found))
        text = text.format(file=self.path.name, count=number(found))
        if read.notes:
            text = self.tr("{text} ({notes})").format(text=text, notes="; ".join(read.notes))
        self.info.setText(text + self._dropped_text())
        if read.kind == "csv" and read.table is not None and self.mapping.rowCount() == 0:
            self._fill_mapping(read)
        self._include_duplicates(self.duplicates.isChecked())
        self._show_rows()
        self.import_button.setEnabled(bool(self.plan.count(contact_import.NEW)
                                           or self.plan.count(contact_import.UPDATE)
                                           or self.plan.count(contact_import.DUPLICATE)))
        self.planned.emit()

    def _dropped_text(self) -> str:
        """What the file holds that the book will not keep, said before importing."""
        dropped = self.plan.dropped() if self.plan is not None else {}
        if not dropped:
            return ""
        shown = ", ".join(f"{what} ({number(n)})" for what, n in list(dropped.items())[:6])
        return "\n" + self.tr("Not kept: {what}").format(
            what=shown + ("…" if len(dropped) > 6 else ""))

    def _fill_mapping(self, read: files.ReadFile) -> None:
        assert read.table is not None
        first = read.table.rows[0] if read.table.rows else []
        self.mapping.setRowCount(len(read.table.headers))
        for i, header in enumerate(read.table.headers):
            self.mapping.setItem(i, 0, QTableWidgetItem(header))
            self.mapping.setItem(i, 1, QTableWidgetItem(first[i] if i < len(first) else ""))
            combo = QComboBox()
            combo.setAccessibleName(self.tr("Field for column {header}").format(header=header))
            current = read.mapping[i] if i < len(read.mapping) else ""
            if current.startswith(("google:", "section:")):
                combo.addItem(self.tr("(Google) {field}").format(field=current.split(":", 1)[1]),
                              current)
            elif current not in csv_reader.TARGETS:
                combo.addItem(current, current)
            for key, label in csv_reader.TARGETS.items():
                combo.addItem(QCoreApplication.translate("ImportDialog", label), key)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            self.mapping.setCellWidget(i, 2, combo)
        self.mapping.show()
        self.apply_mapping.show()
        self.save_mapping.show()
        self.load_mapping.show()

    def _include_duplicates(self, on: bool) -> None:
        if self.plan is None:
            return
        for row in self.plan.rows:
            if row.kind == contact_import.DUPLICATE:
                row.include = on
        self._show_rows()

    def _show_rows(self) -> None:
        self.model.set_plan(self.plan, str(self.show_combo.currentData()))
        if self.plan is not None:
            s = self.plan.summary()
            self.counts.setText(" · ".join((
                self.tr("{count} new", "", s["new"]).format(count=number(s["new"])),
                self.tr("{count} update(s) a customer", "", s["update"])
                .format(count=number(s["update"])),
                self.tr("{count} probable duplicate(s)", "", s["duplicate"])
                .format(count=number(s["duplicate"])),
                self.tr("{count} rejected", "", s["rejected"])
                .format(count=number(s["rejected"])))))

    # --- writing (worker) ----------------------------------------------------------------
    def start_import(self) -> None:
        plan = self.plan
        if plan is None:
            return
        self.cancel_button.setText(self.tr("Cancel import"))
        self._run(lambda progress: contact_import.apply(plan, progress), self._imported)

    def _imported(self, result: ImportResult) -> None:
        self.task = None
        self.outcome = result
        self.accept()

    def reject(self) -> None:
        task = self.task
        if task is not None:
            task.cancel()
            self.task = None
            self.progress.hide()
            self.cancel_button.setText(self.tr("Cancel"))
            self.error.show_message(self.tr("Cancelled: nothing was written."))
            self.import_button.setEnabled(self.plan is not None)
            return
        super().reject()
