"""Editors for any number of labelled e-mails, phones and postal addresses."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.services.customers import ContactPoint, PostalAddress
from crmdesk.services.validation import InvalidValue
from crmdesk.ui.widgets.fields import ErrorLabel


def _label_combo(labels: list[str], current: str) -> QComboBox:
    combo = QComboBox()
    combo.setEditable(True)
    combo.addItems(labels)
    combo.setCurrentText(current)
    combo.setToolTip(QCoreApplication.translate("contact_rows", "Label, e.g. home or work"))
    combo.setAccessibleName(QCoreApplication.translate("contact_rows", "Label"))
    combo.setMaximumWidth(110)
    return combo


class _PointRow(QWidget):
    def __init__(self, labels: list[str], point: ContactPoint, noun: str):
        super().__init__()
        self.label = _label_combo(labels, point.label or labels[0])
        self.value = QLineEdit(point.value)
        self.value.setCursorPosition(0)
        self.value.setAccessibleName(noun)
        self.value.setPlaceholderText(noun)
        self.remove = QToolButton()
        self.remove.setText("✕")
        self.remove.setToolTip(self.tr("Remove this {noun}").format(noun=noun.lower()))
        self.remove.setAccessibleName(self.tr("Remove {noun}").format(noun=noun.lower()))
        self.error = ErrorLabel()
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.label, 0, 0)
        grid.addWidget(self.value, 0, 1)
        grid.addWidget(self.remove, 0, 2)
        grid.addWidget(self.error, 1, 1, 1, 2)


class _RowList(QWidget):
    """A column of removable rows with an "Add …" button under them."""

    changed = Signal()

    def __init__(self, add_text: str):
        super().__init__()
        self.rows: list[Any] = []
        self._box = QVBoxLayout()
        self._box.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton(add_text)
        self.add_button.setToolTip(self.tr("{action} (another one)").format(action=add_text))
        self.add_button.clicked.connect(lambda: self.add_row(focus=True))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self._box)
        bar = QHBoxLayout()
        bar.addWidget(self.add_button)
        bar.addStretch(1)
        outer.addLayout(bar)

    def add_row(self, value: Any = None, focus: bool = False) -> Any:
        return None  # each editor makes its own rows

    def _clear(self) -> None:
        for row in self.rows:
            row.setParent(None)
            row.deleteLater()
        self.rows = []

    def _append(self, row: QWidget, focus_widget: QWidget, focus: bool) -> None:
        row.remove.clicked.connect(lambda _c=False, r=row: self.remove_row(r))
        self.rows.append(row)
        self._box.addWidget(row)
        # A child added to a shown widget is shown only later, by a queued event: now.
        row.setVisible(self.isVisible() or not self.isHidden())
        if focus:
            focus_widget.setFocus()
        self.changed.emit()

    def remove_row(self, row: QWidget) -> None:
        self.rows.remove(row)
        row.setParent(None)
        row.deleteLater()
        self.changed.emit()


class ContactPointsEditor(_RowList):
    """Rows of (label, value) with validation as you type; `check` raises InvalidValue."""

    def __init__(self, noun: str, labels: list[str], check: Callable[[str], str],
                 display: Callable[[str], str] = str):
        super().__init__(QCoreApplication.translate("ContactPointsEditor", "Add {noun}")
                         .format(noun=noun.lower()))
        self.noun, self.labels, self.check, self.display = noun, labels, check, display

    def set_points(self, points: list[ContactPoint]) -> None:
        self._clear()
        for point in points:
            self.add_row(ContactPoint(point.label, self.display(point.value)))
        if not points:
            self.add_row()

    def add_row(self, point: ContactPoint | None = None, focus: bool = False) -> _PointRow:
        row = _PointRow(self.labels, point or ContactPoint(self.labels[0], ""), self.noun)
        row.value.textChanged.connect(lambda _t, r=row: self._validate(r))
        row.label.currentTextChanged.connect(lambda _t: self.changed.emit())
        self._append(row, row.value, focus)
        return row

    def _validate(self, row: _PointRow) -> None:
        text = row.value.text().strip()
        message = None
        if text:
            try:
                self.check(text)
            except InvalidValue as exc:
                message = str(exc)
        row.error.show_message(message)
        row.value.setProperty("invalid", bool(message))
        from crmdesk.ui.theme import dress

        dress(row.value)  # the red border (or none)
        self.changed.emit()

    def revalidate(self) -> None:
        for row in self.rows:
            self._validate(row)

    def points(self) -> list[ContactPoint]:
        return [ContactPoint(r.label.currentText().strip(), r.value.text().strip())
                for r in self.rows if r.value.text().strip()]

    def row_for_point(self, index: int) -> _PointRow | None:
        """The row of the `index`-th value in points() (blank rows are skipped there)."""
        filled = [r for r in self.rows if r.value.text().strip()]
        return filled[index] if 0 <= index < len(filled) else None

    def errors(self) -> list[str]:
        return [r.error.text() for r in self.rows if r.error.text()]


class _AddressRow(QWidget):
    FIELDS = [("street", QT_TRANSLATE_NOOP("_AddressRow", "Street and number")),
              ("city", QT_TRANSLATE_NOOP("_AddressRow", "City")),
              ("postcode", QT_TRANSLATE_NOOP("_AddressRow", "Postcode")),
              ("region", QT_TRANSLATE_NOOP("_AddressRow", "Region / state")),
              ("country", QT_TRANSLATE_NOOP("_AddressRow", "Country"))]

    def __init__(self, labels: list[str], address: PostalAddress):
        super().__init__()
        self.label = _label_combo(labels, address.label or labels[0])
        self.edits: dict[str, QLineEdit] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 6)
        grid.addWidget(self.label, 0, 0)
        for i, (name, source) in enumerate(self.FIELDS):
            text = QCoreApplication.translate("_AddressRow", source)
            edit = QLineEdit(getattr(address, name))
            edit.setPlaceholderText(text)
            edit.setAccessibleName(text)
            self.edits[name] = edit
            if name == "street":
                grid.addWidget(edit, 0, 1, 1, 2)
            else:
                grid.addWidget(edit, 1 + (i - 1) // 2, 1 + (i - 1) % 2)
        self.remove = QToolButton()
        self.remove.setText("✕")
        self.remove.setToolTip(self.tr("Remove this address"))
        self.remove.setAccessibleName(self.tr("Remove address"))
        grid.addWidget(self.remove, 0, 3)

    def address(self) -> PostalAddress:
        return PostalAddress(self.label.currentText().strip(),
                             **{k: e.text().strip() for k, e in self.edits.items()})


class AddressesEditor(_RowList):
    def __init__(self, labels: list[str]):
        super().__init__(QCoreApplication.translate("AddressesEditor", "Add address"))
        self.labels = labels

    def set_addresses(self, addresses: list[PostalAddress]) -> None:
        self._clear()
        for address in addresses:
            self.add_row(address)

    def add_row(self, address: PostalAddress | None = None, focus: bool = False) -> _AddressRow:
        row = _AddressRow(self.labels, address or PostalAddress(self.labels[0]))
        for edit in row.edits.values():
            edit.textChanged.connect(lambda _t: self.changed.emit())
        row.label.currentTextChanged.connect(lambda _t: self.changed.emit())
        self._append(row, row.edits["street"], focus)
        return row

    def addresses(self) -> list[PostalAddress]:
        return [a for a in (r.address() for r in self.rows) if not a.is_blank()]
