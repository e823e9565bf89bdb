"""Find duplicates (in a worker) and merge a pair, choosing field by field."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk.services import catalog, customers, duplicates
from crmdesk.services.customers import CustomerData
from crmdesk.services.duplicates import DuplicatePair
from crmdesk.ui import workers
from crmdesk.ui.widgets import vocabulary
from crmdesk.ui.widgets.fields import save_cancel
from crmdesk.ui.widgets.vocabulary import number

FIELDS = [("given_name", QT_TRANSLATE_NOOP("MergeDialog", "Given name")),
          ("family_name", QT_TRANSLATE_NOOP("MergeDialog", "Family name")),
          ("preferred_name", QT_TRANSLATE_NOOP("MergeDialog", "Preferred name")),
          ("salutation", QT_TRANSLATE_NOOP("MergeDialog", "Salutation")),
          ("birthday", QT_TRANSLATE_NOOP("MergeDialog", "Birthday")),
          ("language", QT_TRANSLATE_NOOP("MergeDialog", "Language")),
          ("company", QT_TRANSLATE_NOOP("MergeDialog", "Company")),
          ("occupation", QT_TRANSLATE_NOOP("MergeDialog", "Occupation")),
          ("segment", QT_TRANSLATE_NOOP("MergeDialog", "Segment")),
          ("stage", QT_TRANSLATE_NOOP("MergeDialog", "Stage")),
          ("relationship_type", QT_TRANSLATE_NOOP("MergeDialog", "Relationship")),
          ("owner", QT_TRANSLATE_NOOP("MergeDialog", "Owner")),
          ("preferred_channel", QT_TRANSLATE_NOOP("MergeDialog", "Preferred channel")),
          ("best_time", QT_TRANSLATE_NOOP("MergeDialog", "Best time")),
          ("life_situation", QT_TRANSLATE_NOOP("MergeDialog", "Life situation")),
          ("interests", QT_TRANSLATE_NOOP("MergeDialog", "Interests")),
          ("needs", QT_TRANSLATE_NOOP("MergeDialog", "Needs")),
          ("notes", QT_TRANSLATE_NOOP("MergeDialog", "Notes"))]


class DuplicatesDialog(QDialog):
    """Pairs found, best first; Merge… opens the merge of the selected pair."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Find duplicates"))
        self.resize(900, 560)
        self.pairs: list[DuplicatePair] = []
        self.merge_requested: DuplicatePair | None = None
        self.summary = QLabel(self.tr("Looking for duplicates…"))
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Score"), self.tr("Customer"),
                                              self.tr("Probable duplicate"), self.tr("Why")])
        self.table.setAccessibleName(self.tr("Duplicate pairs"))
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.itemSelectionChanged.connect(self._selected)
        self.table.doubleClicked.connect(lambda _i: self._merge())
        self.merge_button = QPushButton(self.tr("&Merge…"))
        self.merge_button.setEnabled(False)
        self.merge_button.setToolTip(self.tr("Combine the two customers into one (Ctrl+Z "
                                             "undoes it)"))
        self.merge_button.clicked.connect(self._merge)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.merge_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.progress)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.task: workers.Task | None = None

    def start(self) -> None:
        task = workers.Task(lambda progress: duplicates.find_pairs(progress=progress))
        task.signals.finished.connect(self._found)
        task.signals.failed.connect(lambda exc: self.summary.setText(
            self.tr("Search failed: {error}").format(error=exc)))
        self.task = workers.start(task)

    def _found(self, outcome: tuple[list[DuplicatePair], int]) -> None:
        self.task = None
        self.progress.hide()
        self.pairs, total = outcome
        if not total:
            self.summary.setText(self.tr("No duplicates found."))
        elif total > len(self.pairs):
            self.summary.setText(self.tr("{count} probable duplicate pair(s) ({shown} most "
                                         "likely shown)", "", total)
                                 .format(count=number(total), shown=number(len(self.pairs))))
        else:
            self.summary.setText(self.tr("{count} probable duplicate pair(s)", "", total)
                                 .format(count=number(total)))
        self.table.setRowCount(len(self.pairs))
        for i, pair in enumerate(self.pairs):
            for j, text in enumerate((vocabulary.percent(pair.score / 100),
                                      f"#{pair.keep} {pair.keep_name}",
                                      f"#{pair.other} {pair.other_name}",
                                      "; ".join(pair.reasons))):
                self.table.setItem(i, j, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def _selected(self) -> None:
        self.merge_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def _merge(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.merge_requested = self.pairs[rows[0].row()]
            self.accept()

    def reject(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.task = None
        super().reject()


def _shown(data: CustomerData, name: str) -> str:
    value = getattr(data, name)
    if name == "birthday":
        return value.isoformat() if value else ""
    if name == "stage":
        return vocabulary.label(str(catalog.STAGE_LABELS.get(value, value)))
    if name == "relationship_type":
        return vocabulary.label(str(catalog.RELATIONSHIP_LABELS.get(value, value)))
    if name == "language":
        return vocabulary.label(str(dict(catalog.LANGUAGES).get(value, value)))
    if name == "preferred_channel":
        return vocabulary.label(str(catalog.CONTACT_CHANNEL_LABELS.get(value, value))) \
            if value else ""
    return str(value or "").replace("\n", " ")


class MergeDialog(QDialog):
    """Two columns of values; choose for each field which one the merged customer keeps."""

    def __init__(self, keep: int, other: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.keep_id, self.other_id = keep, other
        self.keep, self.other = customers.load(keep), customers.load(other)
        self.setWindowTitle(self.tr("Merge {other} into {kept}").format(
            other=self.other.display_name, kept=self.keep.display_name))
        self.resize(760, 600)
        default = duplicates.merged_profile(self.keep, self.other)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("<b>#{keep} (kept)</b>").format(keep=keep)), 0, 1)
        grid.addWidget(QLabel(self.tr("<b>#{other} (goes to the Trash)</b>").format(
            other=other)), 0, 2)
        self.choices: dict[str, QButtonGroup] = {}
        for row, (name, source) in enumerate(FIELDS, 1):
            label = QCoreApplication.translate("MergeDialog", source)
            left, right = _shown(self.keep, name), _shown(self.other, name)
            if not left and not right:
                continue
            grid.addWidget(QLabel(label), row, 0)
            group = QButtonGroup(self)
            for column, (text, data) in enumerate(((left, self.keep), (right, self.other)), 1):
                button = QRadioButton(text[:60] or self.tr("(empty)"))
                button.setToolTip(text)
                button.setAccessibleName(self.tr("{label}: {value}").format(
                    label=label, value=text or self.tr("empty")))
                group.addButton(button, column)
                grid.addWidget(button, row, column)
                if getattr(default, name) == getattr(data, name) and group.checkedId() < 0:
                    button.setChecked(True)
                if left == right:
                    button.setEnabled(column == 1)
            self.choices[name] = group
        lists = QLabel(self.tr("E-mails, phones, addresses, consents and tags of both are kept. "
                               "Interactions, follow-ups, purchases, points and stage history "
                               "move to #{kept}. Ctrl+Z undoes the merge.").format(kept=keep))
        lists.setWordWrap(True)
        holder = QWidget()
        holder.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        buttons = save_cancel(self, self.accept)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Merge"))
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(lists)
        layout.addWidget(buttons)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def chosen(self) -> CustomerData:
        result = duplicates.merged_profile(self.keep, self.other)
        for name, group in self.choices.items():
            source = self.other if group.checkedId() == 2 else self.keep
            setattr(result, name, getattr(source, name))
        return result
