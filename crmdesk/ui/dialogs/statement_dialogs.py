"""Loyalty statements from the GUI: one customer's (choose a period, save, open) and a batch
for the current list or a segment, written in a worker with a progress bar and Cancel."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.services import customer_query, customers, loyalty_ledger
from crmdesk.services.customer_query import CustomerFilter
from crmdesk.services.periods import BadPeriod, Period
from crmdesk.ui import file_dialogs, workers
from crmdesk.ui.widgets.fields import ErrorLabel
from crmdesk.ui.widgets.period_picker import PeriodPicker
from crmdesk.ui.widgets.vocabulary import number


class StatementDialog(QDialog):
    """Which period to print for one customer."""

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Loyalty statement — {customer}").format(customer=name))
        self.picker = PeriodPicker()
        self.error = ErrorLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save PDF…"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Period"), self.picker)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.chosen: Period | None = None

    def _accept(self) -> None:
        try:
            self.chosen = self.picker.period()
        except BadPeriod as exc:
            self.error.show_message(str(exc))
            return
        self.accept()


@dataclass
class BatchResult:
    written: int
    where: Path
    cancelled: bool


class BatchStatementsDialog(QDialog):
    """Statements for the customers of the current list, or of a segment."""

    #: a batch finished (how many statements, where)
    finished_batch = Signal(object)

    def __init__(self, current: CustomerFilter, current_count: int, default_dir: Path,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Loyalty statements"))
        self.setMinimumWidth(560)
        self.current = replace(current)
        self.task: workers.Task | None = None
        self.outcome: BatchResult | None = None
        self.scope_list = QRadioButton(self.tr("Customers in the current &list ({count})", "",
                                               current_count)
                                       .format(count=number(current_count)))
        self.scope_segment = QRadioButton(self.tr("Customers of the &segment"))
        self.scope_list.setChecked(True)
        self.segment = QComboBox()
        self.segment.addItems(customers.choices().segments)
        self.segment.setAccessibleName(self.tr("Segment"))
        self.segment.setEnabled(False)
        self.scope_segment.toggled.connect(self.segment.setEnabled)
        self.picker = PeriodPicker()
        self.each = QRadioButton(self.tr("One PDF per &customer, into a folder"))
        self.combined = QRadioButton(self.tr("One com&bined PDF"))
        self.each.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.each)
        group.addButton(self.combined)
        self.path = QLineEdit(str(default_dir))
        self.path.setAccessibleName(self.tr("Where to save"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        self.combined.toggled.connect(self._output_changed)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Progress"))
        self.progress.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.error = ErrorLabel()
        self.start_button = QPushButton(self.tr("&Write statements"))
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setEnabled(False)
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self._open_result)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        for button in (self.start_button, self.cancel_button, close):
            buttons.addWidget(button)
        form = QFormLayout()
        scope = QVBoxLayout()
        scope.addWidget(self.scope_list)
        segment_row = QHBoxLayout()
        segment_row.addWidget(self.scope_segment)
        segment_row.addWidget(self.segment, 1)
        scope.addLayout(segment_row)
        form.addRow(self.tr("Who"), scope)
        form.addRow(self.tr("&Period"), self.picker)
        output = QVBoxLayout()
        output.addWidget(self.each)
        output.addWidget(self.combined)
        output.addLayout(path_row)
        form.addRow(self.tr("Output"), output)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    def _output_changed(self) -> None:
        path = Path(self.path.text().strip() or Path.home())
        if self.combined.isChecked() and path.suffix.lower() != ".pdf":
            try:
                period = self.picker.period().slug
            except BadPeriod:
                period = self.tr("statements")
            self.path.setText(str(path / self.tr("Statements {period}.pdf").format(period=period)))
        elif not self.combined.isChecked() and path.suffix.lower() == ".pdf":
            self.path.setText(str(path.parent))

    def choose_path(self) -> Path | None:
        """Ask where to write (tests replace this)."""
        current = self.path.text()
        if self.combined.isChecked():
            return file_dialogs.save_file(self, self.tr("Save statements as"),
                                          current or Path.home(), self.tr("PDF (*.pdf)"))
        return file_dialogs.folder(self, self.tr("Folder for the statements"),
                                   current or Path.home())

    def _browse(self) -> None:
        chosen = self.choose_path()
        if chosen is not None:
            self.path.setText(str(chosen))

    def filter(self) -> CustomerFilter:
        if self.scope_segment.isChecked():
            return CustomerFilter(segment=self.segment.currentText())
        return replace(self.current)

    def start(self) -> None:
        try:
            period = self.picker.period()
        except BadPeriod as exc:
            self.error.show_message(str(exc))
            return
        target = Path(self.path.text().strip()).expanduser()
        combined = self.combined.isChecked()
        if not self.path.text().strip():
            self.error.show_message(self.tr("Choose where to save the statements."))
            return
        if combined and target.is_dir():
            target = target / self.tr("Statements {period}.pdf").format(period=period.slug)
        if not combined and target.exists() and not target.is_dir():
            self.error.show_message(self.tr("{path} is a file; choose a folder.").format(
                path=target))
            return
        self.error.show_message(None)
        flt = self.filter()

        def run(progress: workers.ProgressFn) -> BatchResult:
            from crmdesk.reports import statement_batch  # ReportLab: loaded when first used

            ids = customer_query.customer_ids(flt)
            loyalty_ledger.expire_due()
            if combined:
                out = statement_batch.write_combined(ids, period, target, progress)
                return BatchResult(len(ids) if out else 0, target, out is None)
            written = statement_batch.write_each(ids, period, target, progress)
            return BatchResult(len(written), target, len(written) < len(ids))

        task = workers.Task(run)
        task.signals.progress.connect(self._progress)
        task.signals.finished.connect(self._done)
        task.signals.failed.connect(self._failed)
        self.task = task
        self.progress.setRange(0, 0)
        self.progress.show()
        self.status.setText(self.tr("Writing statements…"))
        self._running(True)
        workers.start(task)

    def _running(self, on: bool) -> None:
        self.start_button.setEnabled(not on)
        self.cancel_button.setEnabled(on)
        self.open_button.setEnabled(False)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.status.setText(self.tr("{done} of {count} statement(s)", "", total).format(
            done=number(done), count=number(total)))

    def cancel(self) -> None:
        task = self.task
        if task is None:
            return
        task.cancel()
        self.task = None
        self._running(False)
        self.progress.hide()
        self.status.setText(self.tr("Cancelled. Statements already finished were kept; "
                                    "no half-written file was left."))

    def _done(self, result: BatchResult) -> None:
        self.task = None
        self.outcome = result
        self._running(False)
        self.progress.hide()
        self.status.setText(self.tr("{count} statement(s) written to {path}.", "",
                                    result.written)
                            .format(count=number(result.written), path=result.where))
        self.open_button.setEnabled(result.written > 0)
        self.finished_batch.emit(result)

    def _failed(self, exc: Exception) -> None:
        self.task = None
        self._running(False)
        self.progress.hide()
        self.status.clear()
        message = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        self.error.show_message(self.tr("The statements could not be written: {error}").format(
            error=message))

    def _open_result(self) -> None:
        if self.outcome is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.outcome.where)))

    def reject(self) -> None:
        self.cancel()
        super().reject()
