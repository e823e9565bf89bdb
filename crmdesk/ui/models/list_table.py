"""A small read-only table over rows already in memory (a ledger, an import preview)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex


class ListTableModel(QAbstractTableModel):
    """Row count from `shown_count()`, fixed column headers.

    HEADERS are English source texts (QT_TRANSLATE_NOOP with the subclass's name as context),
    shown in the user's language."""

    HEADERS: list[str] = []

    def __init__(self, headers: list[str] | None = None, parent: Any = None):
        super().__init__(parent)
        self.headers = headers or [QCoreApplication.translate(type(self).__name__, text)
                                  for text in self.HEADERS]

    #: how many rows are shown (each model knows where its rows are)
    shown_count: Callable[[], int]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt default
        return 0 if parent.isValid() else self.shown_count()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt default
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None
