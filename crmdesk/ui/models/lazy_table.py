"""A read-only table over SQL: an ordered key list, rows fetched in blocks into a cache."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
KEY_ROLE = Qt.ItemDataRole.UserRole
_ROOT = QModelIndex()


class LazyTableModel(QAbstractTableModel):
    """Subclasses give the headers, `load_keys()` (ordered keys), `load_rows(keys)` and
    `cell(row, column)` (the text of one column of a fetched row)."""

    BLOCK = 100
    CACHE_ROWS = 3000
    headers: Sequence[str] = ()

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._keys: list[Hashable] = []
        self._cache: OrderedDict[Hashable, Any] = OrderedDict()

    def load_keys(self) -> list[Hashable]:
        return []

    def load_rows(self, keys: list[Hashable]) -> dict[Hashable, Any]:
        return {}

    def cell(self, row: Any, column: int) -> str:
        return ""

    def reload(self) -> None:
        self.beginResetModel()
        self._keys = self.load_keys()
        self._cache.clear()
        self.endResetModel()

    def key_at(self, row: int) -> Hashable:
        return self._keys[row]

    def row_data(self, row: int) -> Any:
        key = self._keys[row]
        if key not in self._cache:
            start = row - row % self.BLOCK
            block = [k for k in self._keys[start:start + self.BLOCK] if k not in self._cache]
            self._cache.update(self.load_rows(block))
            while len(self._cache) > self.CACHE_ROWS:
                self._cache.popitem(last=False)
        return self._cache.get(key)

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._keys)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.headers)):
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._keys):
            return None
        if role == KEY_ROLE:
            return self._keys[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                    Qt.ItemDataRole.AccessibleTextRole):
            row = self.row_data(index.row())
            return "" if row is None else self.cell(row, index.column())
        return self.extra_data(index, role)

    def extra_data(self, index: Index, role: int) -> Any:
        return None


def local_time(text_or_dt: Any, fmt: str | None = None) -> str:
    """A stored time as the user's locale writes it (3 Dec 2026 10:00), or with `fmt`."""
    import datetime as dt

    when = text_or_dt
    if isinstance(when, str):
        when = dt.datetime.fromisoformat(when.replace("Z", "+00:00"))
    if fmt is not None:
        return str(when.astimezone().strftime(fmt))
    from crmdesk.ui import when as when_text

    return f"{when_text.date_text(when)} {when_text.time_text(when)}"

