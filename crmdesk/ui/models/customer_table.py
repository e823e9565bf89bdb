"""The customer list model: an ordered id list from SQL, rows fetched in blocks on demand."""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from crmdesk.services import catalog, customer_query
from crmdesk.services.customer_query import CustomerFilter
from crmdesk.services.validation import format_phone

Index = QModelIndex | QPersistentModelIndex

# (header, row tuple position, sort key or None when the column is not sortable)
COLUMNS: list[tuple[str, int, str | None]] = [
    ("Name", 0, "name"),
    ("Preferred", 3, None),
    ("Company", 4, "company"),
    ("E-mail", 9, None),
    ("Phone", 10, None),
    ("Stage", 5, "stage"),
    ("Segment", 6, "segment"),
    ("Relationship", 7, "relationship"),
    ("Owner", 8, "owner"),
    ("Tags", 12, None),
    ("Updated", 11, "updated"),
]
BLOCK = 200
CACHE_ROWS = 4000
ID_ROLE = Qt.ItemDataRole.UserRole


class CustomerTableModel(QAbstractTableModel):
    def __init__(self, flt: CustomerFilter | None = None, parent: Any = None):
        super().__init__(parent)
        self._filter = flt or CustomerFilter()
        self._ids: list[int] = []
        self._cache: OrderedDict[int, tuple[Any, ...]] = OrderedDict()
        self._loaded = False
        self.total = 0

    # --- querying -------------------------------------------------------------------------
    @property
    def filter(self) -> CustomerFilter:
        return self._filter

    def set_filter(self, flt: CustomerFilter) -> None:
        self._filter = flt
        self.reload()

    def reload(self) -> None:
        """Re-run the id query; the row cache is dropped."""
        self.beginResetModel()
        self._ids = customer_query.customer_ids(self._filter)
        self._cache.clear()
        self.total = customer_query.count(archived=self._filter.archived)
        self._loaded = True
        self.endResetModel()

    def refresh(self, changed: list[int]) -> None:
        """After a write: keep the model if the id list is unchanged, else reset it."""
        ids = customer_query.customer_ids(self._filter)
        self.total = customer_query.count(archived=self._filter.archived)
        if ids != self._ids:
            self.beginResetModel()
            self._ids = ids
            self._cache.clear()
            self.endResetModel()
            return
        for cid in changed:
            self._cache.pop(cid, None)
        rows = [r for r in (self.row_of(cid) for cid in changed) if r >= 0]
        if rows:
            self.dataChanged.emit(self.index(min(rows), 0),
                                  self.index(max(rows), len(COLUMNS) - 1))

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, cid: int) -> int:
        try:
            return self._ids.index(cid)
        except ValueError:
            return -1

    def _row(self, row: int) -> tuple[Any, ...]:
        cid = self._ids[row]
        cached = self._cache.get(cid)
        if cached is not None:
            self._cache.move_to_end(cid)
            return cached
        start = row - row % BLOCK
        block = [i for i in self._ids[start:start + BLOCK] if i not in self._cache]
        for key, value in customer_query.rows_by_id(block).items():
            self._cache[key] = value
        while len(self._cache) > CACHE_ROWS:
            self._cache.popitem(last=False)
        return self._cache.get(cid) or (cid,) + ("",) * 12

    # --- Qt model API ---------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return COLUMNS[section][0]
            if role == Qt.ItemDataRole.ToolTipRole:
                sortable = COLUMNS[section][2] is not None
                return f"Click to sort by {COLUMNS[section][0].lower()}" if sortable else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                        Qt.ItemDataRole.AccessibleTextRole):
            return None
        row = self._row(index.row())
        return self._display(row, index.column())

    @staticmethod
    def _display(row: tuple[Any, ...], column: int) -> str:
        pos = COLUMNS[column][1]
        if pos == 0:
            return f"{row[2]}, {row[1]}" if row[1] and row[2] else str(row[1] or row[2] or "")
        value = row[pos]
        if value is None:
            return ""
        if pos == 5:
            return catalog.STAGE_LABELS.get(value, value)
        if pos == 7:
            return catalog.RELATIONSHIP_LABELS.get(value, value)
        if pos == 10:
            return format_phone(value)
        if pos == 11 and value:
            when = dt.datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone()
            return when.strftime("%Y-%m-%d %H:%M")
        return str(value)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column][2] if 0 <= column < len(COLUMNS) else None
        descending = order == Qt.SortOrder.DescendingOrder
        if key is None or (key, descending) == (self._filter.sort, self._filter.descending):
            return
        self._filter.sort = key
        self._filter.descending = descending
        if self._loaded:
            self.reload()

    def sort_column(self) -> int:
        for i, (_, _, key) in enumerate(COLUMNS):
            if key == self._filter.sort:
                return i
        return 0
