"""The customer list model: an ordered id list from SQL, rows fetched in blocks on demand."""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from crmdesk.services import (
    catalog,
    customer_query,
    lifecycle,
    locale_text,
    loyalty_ledger,
    loyalty_programme,
)
from crmdesk.services.customer_query import CustomerFilter
from crmdesk.services.validation import format_phone
from crmdesk.store.models import utcnow
from crmdesk.ui import workers
from crmdesk.ui.widgets import vocabulary

Index = QModelIndex | QPersistentModelIndex

# (header, row tuple position, sort key or None when the column is not sortable); the header
# is the English source text, shown through header_text() in the user's language.
COLUMNS: list[tuple[str, int, str | None]] = [
    (QT_TRANSLATE_NOOP("CustomerTableModel", "Name"), 0, "name"),
    (QT_TRANSLATE_NOOP("CustomerTableModel", "Preferred"), 3, None),
    (QT_TRANSLATE_NOOP("CustomerTableModel", "Company"), 4, "company"),
    (QT_TRANSLATE_NOOP("CustomerTableModel", "E-mail"), 9, None),
    (QT_TRANSLATE_NOOP("CustomerTableModel", "Phone"), 10, None),
    (QT_TRANSLATE_NOOP("CustomerTableModel", "Stage"), 5, "stage"),
    (QT_TRANSLATE_NOOP("CustomerTableModel", "Segment"), 6, "segment"),
    (QT_TRANSLATE_NOOP("CustomerTableModel", "Relationship"), 7, "relationship"),
    (QT_TRANSLATE_NOOP("CustomerTableModel", "Owner"), 8, "owner"),
    (QT_TRANSLATE_NOOP("CustomerTableModel", "Tags"), 12, None),
    (QT_TRANSLATE_NOOP("CustomerTableModel", "Tier"), 15, None),
    (QT_TRANSLATE_NOOP("CustomerTableModel", "Points"), 13, "points"),
    (QT_TRANSLATE_NOOP("CustomerTableModel", "Lifetime value"), 14, None),
    (QT_TRANSLATE_NOOP("CustomerTableModel", "Last 12 months"), 16, None),
    (QT_TRANSLATE_NOOP("CustomerTableModel", "Updated"), 11, "updated"),
    # Appended (saved column layouts stay valid); the list shows them beside the name.
    (QT_TRANSLATE_NOOP("CustomerTableModel", "Last contact"), 17, "last_contact"),
    (QT_TRANSLATE_NOOP("CustomerTableModel", "Next follow-up"), 18, "next_follow_up"),
]


def header_text(column: int) -> str:
    """The header of COLUMNS[column] in the user's language."""
    return QCoreApplication.translate("CustomerTableModel", COLUMNS[column][0])
_NUMERIC = {13, 14, 16}
BLOCK = 50
FIRST_PAGE = 300
REST_DELAY_MS = 150
CACHE_ROWS = 4000
ID_ROLE = Qt.ItemDataRole.UserRole
_ROOT = QModelIndex()


class CustomerTableModel(QAbstractTableModel):
    """`rowCount` is the number of hits; `_ids` holds them in order. A broad search (thousands
    of hits) shows its first page at once and the rest of the ids arrive from a worker."""

    #: the full id list is in (after a two-phase load)
    completed = Signal()

    def __init__(self, flt: CustomerFilter | None = None, parent: Any = None):
        super().__init__(parent)
        self._filter = flt or CustomerFilter()
        self._ids: list[int] = []
        self._count = 0
        self._complete = True
        self._generation = 0
        # id -> the row's display strings (None until first shown), and its raw values
        self._cache: OrderedDict[int, list[str | None]] = OrderedDict()
        self._raw: dict[int, tuple[Any, ...]] = {}
        self._loaded = False
        self._total: int | None = None
        self._programme: loyalty_programme.Programme | None = None
        self.now = utcnow()  # "overdue" is relative to when the rows were read

    # --- querying -------------------------------------------------------------------------
    @property
    def filter(self) -> CustomerFilter:
        return self._filter

    @property
    def total(self) -> int:
        """Customers on this shelf whatever the filter (cached until the next write)."""
        if self._total is None:
            self._total = customer_query.count(archived=self._filter.archived)
        return self._total

    def set_filter(self, flt: CustomerFilter, *, recount: bool = False) -> None:
        """Show what `flt` selects; `recount` also refreshes the shelf total."""
        if recount or flt.archived != self._filter.archived:
            self._total = None
        self._filter = flt
        self.reload()

    def _cancel_pending(self) -> None:
        self._generation += 1
        task = getattr(self, "_task", None)
        if task is not None:
            task.cancel()
            self._task = None

    def programme_changed(self) -> None:
        """Tiers or currency changed: the loyalty columns are formatted again."""
        self._programme = None
        self._cache.clear()
        self._raw.clear()
        if self._count:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self._count - 1, len(COLUMNS) - 1))

    @property
    def programme(self) -> loyalty_programme.Programme:
        if self._programme is None:
            self._programme = loyalty_programme.programme()
        return self._programme

    def reload(self) -> None:
        """Re-run the id query; the row cache is dropped."""
        self._cancel_pending()
        flt = self._filter
        hits = (customer_query.text_only_count(flt, self.total)
                if flt.sort in ("name", customer_query.RELEVANCE) else None)
        self.beginResetModel()
        self._cache.clear()
        self._raw.clear()
        if hits is not None and hits > customer_query.FIRST_PAGE_THRESHOLD:
            if customer_query.ranked(flt):
                self._ids = customer_query.first_page_ranked(flt, FIRST_PAGE)
            else:
                self._ids = customer_query.first_page(flt, FIRST_PAGE, hits, self.total)
            self._count = hits
            self._complete = False
            # Start the rest a little later: while someone types, each key replaces the
            # query, and a fetch started at once would only compete with the repaint.
            generation, frozen = self._generation, replace(flt)
            QTimer.singleShot(REST_DELAY_MS, lambda: self._fetch_rest(generation, frozen))
        else:
            self._set_all(customer_query.customer_ids(flt))
        self._loaded = True
        self.endResetModel()
        if flt.text.strip() and not flt.archived:
            QTimer.singleShot(REST_DELAY_MS, self.warm_name_order)

    def warm_name_order(self) -> None:
        """Read the list's name order into memory off the GUI thread (name_order: searches
        then sort their hits in an array), or again after a name changed; nothing when it is
        up to date or already being read."""
        if self._filter.archived or getattr(self, "_warming", None) is not None:
            return

        def build(_progress: Any) -> None:
            from crmdesk.services import name_order

            name_order.build()

        task = workers.Task(build)
        task.signals.finished.connect(self._warmed)
        task.signals.failed.connect(self._warmed)
        self._warming: workers.Task | None = workers.start(task)

    def _warmed(self, _result: object = None) -> None:
        self._warming = None

    def _set_all(self, ids: list[int]) -> None:
        self._ids = ids
        self._count = len(ids)
        self._complete = True

    def _fetch_rest(self, generation: int, flt: CustomerFilter) -> None:
        if generation != self._generation:
            return  # replaced by a newer query before it started
        task = workers.Task(lambda _progress: customer_query.customer_ids(flt))
        task.signals.finished.connect(lambda ids: self._rest_arrived(generation, ids))
        self._task = workers.start(task)  # keep the runnable alive while it runs

    def _rest_arrived(self, generation: int, ids: list[int]) -> None:
        if generation != self._generation or self._complete:
            return  # a newer query replaced this one
        shown = len(self._ids)
        if len(ids) != self._count or ids[:shown] != self._ids:
            self.beginResetModel()  # the book changed meanwhile
            self._cache.clear()
            self._raw.clear()
            self._set_all(ids)
            self.endResetModel()
        else:
            self._set_all(ids)
            if shown < len(ids):
                self.dataChanged.emit(self.index(shown, 0),
                                      self.index(len(ids) - 1, len(COLUMNS) - 1))
        self.completed.emit()

    @property
    def complete(self) -> bool:
        return self._complete

    def ensure_complete(self) -> None:
        """Fetch the whole id list now (when a row past the first page is needed at once)."""
        if not self._complete:
            self._cancel_pending()
            self._set_all(customer_query.customer_ids(self._filter))

    def refresh(self, changed: list[int]) -> None:
        """After a write: keep the model if the id list is unchanged, else reset it."""
        self._total = None
        if not self._complete:
            self.reload()
            return
        ids = customer_query.customer_ids(self._filter)
        if ids != self._ids:
            self.beginResetModel()
            self._cancel_pending()
            self._set_all(ids)
            self._cache.clear()
            self._raw.clear()
            self.endResetModel()
            return
        for cid in changed:
            self._cache.pop(cid, None)
            self._raw.pop(cid, None)
        rows = [r for r in (self.row_of(cid) for cid in changed) if r >= 0]
        if rows:
            self.dataChanged.emit(self.index(min(rows), 0),
                                  self.index(max(rows), len(COLUMNS) - 1))

    def id_at(self, row: int) -> int:
        if row >= len(self._ids):
            self.ensure_complete()
        return self._ids[row]

    def row_of(self, cid: int, *, load: bool = True) -> int:
        """The row showing customer `cid` (-1 if the filter hides it). With load=False a
        two-phase load is not forced: only the rows already known are searched."""
        try:
            return self._ids.index(cid)
        except ValueError:
            if self._complete or not load:
                return -1
        self.ensure_complete()
        return self.row_of(cid)

    def _row(self, row: int) -> list[str | None]:
        """The display strings of a row; cells are formatted when first asked for."""
        if row >= len(self._ids):
            self.ensure_complete()
        cid = self._ids[row]
        cached = self._cache.get(cid)
        if cached is not None:
            self._cache.move_to_end(cid)
            return cached
        start = row - row % BLOCK
        block = [i for i in self._ids[start:start + BLOCK] if i not in self._cache]
        prog = self.programme
        now = utcnow()
        since = loyalty_ledger.ts(loyalty_ledger.add_months(now, -prog.tier_window_months))
        year_ago = loyalty_ledger.add_months(now, -12).astimezone().date().isoformat()
        rows = customer_query.rows_by_id(block, prog.currency, since, year_ago)
        self.now = now
        if self._filter.text.strip():  # show the e-mail or phone the search matched
            for key, (email, phone) in customer_query.matched_contacts(
                    list(rows), self._filter.text).items():
                row = list(rows[key])
                row[9] = email or row[9]
                row[10] = phone or row[10]
                rows[key] = tuple(row)
        for key, value in rows.items():
            self._raw[key] = value
            self._cache[key] = [None] * len(COLUMNS)
        while len(self._cache) > CACHE_ROWS:
            old, _ = self._cache.popitem(last=False)
            self._raw.pop(old, None)
        return self._cache.get(cid) or [""] * len(COLUMNS)

    def _cell(self, row: int, column: int) -> str:
        cells = self._row(row)
        text = cells[column]
        if text is None:
            raw = self._raw.get(self._ids[row])
            text = self._display(raw, column) if raw else ""
            cells[column] = text
        return text

    # --- Qt model API ---------------------------------------------------------------------
    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return header_text(section)
            if role == Qt.ItemDataRole.ToolTipRole:
                sortable = COLUMNS[section][2] is not None
                return self.tr("Click to sort by {column}").format(
                    column=header_text(section).lower()) if sortable else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._count:
            return None
        if role == ID_ROLE:
            return self.id_at(index.row())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if COLUMNS[index.column()][1] in _NUMERIC:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == Qt.ItemDataRole.DecorationRole and COLUMNS[index.column()][1] == 0:
            from PySide6.QtGui import QGuiApplication

            from crmdesk.ui.widgets import avatar  # initials on the colour of the name

            screen = QGuiApplication.primaryScreen()
            return avatar.pixmap(self._cell(index.row(), index.column()), 22,
                                 screen.devicePixelRatio() if screen is not None else 1.0)
        if role == Qt.ItemDataRole.ForegroundRole and COLUMNS[index.column()][1] == 18:
            from crmdesk.ui import theme

            self._cell(index.row(), index.column())  # reads the row's block when not in memory
            raw = self._raw.get(self._ids[index.row()])
            due = raw[18] if raw else None
            overdue = bool(due) and dt.datetime.fromisoformat(
                str(due).replace("Z", "+00:00")) < self.now
            return theme.warning_brush() if overdue else None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                        Qt.ItemDataRole.AccessibleTextRole):
            return None
        if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[index.column()][1] in (11, 17, 18):
            return self._exact(index.row(), COLUMNS[index.column()][1])
        return self._cell(index.row(), index.column())

    def _exact(self, row: int, pos: int) -> str | None:
        """The exact date and time behind a relative one, for the tooltip."""
        self._cell(row, 0)  # reads the row's block when it is not in memory yet
        raw = self._raw.get(self._ids[row])
        value = raw[pos] if raw else None
        if not value:
            return None
        from crmdesk.ui import when as when_text

        return when_text.exact(dt.datetime.fromisoformat(str(value).replace("Z", "+00:00")))

    def _display(self, row: tuple[Any, ...], column: int) -> str:
        pos = COLUMNS[column][1]
        if pos in (13, 15) and row[13] is None:  # not shown to this person
            return ""
        if pos == 15:
            return loyalty_programme.tier_for(int(row[15] or 0), self.programme).tier
        if pos in (14, 16):
            return locale_text.money(row[pos], self.programme.currency) if row[pos] else ""
        if pos == 13:
            return vocabulary.number(int(row[13]))
        if pos == 0:
            return f"{row[2]}, {row[1]}" if row[1] and row[2] else str(row[1] or row[2] or "")
        value = row[pos]
        if value is None:
            return ""
        if pos == 5:
            return vocabulary.label(lifecycle.stage_label(value))
        if pos == 7:
            return vocabulary.label(catalog.RELATIONSHIP_LABELS.get(value, value))
        if pos == 10:
            return format_phone(value)
        if pos in (11, 17, 18) and value:  # in the user's locale, relative where it helps
            from crmdesk.ui import when as when_text

            when = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
            if pos == 18:
                return when_text.due_text(when, self.now)
            return when_text.past_text(when, self.now) if pos == 17 else \
                when_text.date_text(when) + " " + when_text.time_text(when)
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

    def set_sort(self, key: str, descending: bool = False) -> None:
        """Order by `key` (one of customer_query.SORT_CHOICES: "relevance" is best match)."""
        if (key, descending) == (self._filter.sort, self._filter.descending):
            return
        self._filter.sort, self._filter.descending = key, descending
        if self._loaded:
            self.reload()

    def sort_column(self) -> int:
        """The column the list is sorted by (-1: best match, no column)."""
        if self._filter.sort == customer_query.RELEVANCE:
            return -1
        for i, (_, _, key) in enumerate(COLUMNS):
            if key == self._filter.sort:
                return i
        return 0
