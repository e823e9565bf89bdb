"""The customer list: search-as-you-type, filters, sortable columns and a live count."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crmdesk import i18n
from crmdesk.i18n import Translatable
from crmdesk.services import catalog, customer_query, customers, lifecycle, spelling
from crmdesk.services.customer_query import CustomerFilter
from crmdesk.ui import labels
from crmdesk.ui.models.customer_table import COLUMNS, ID_ROLE, CustomerTableModel
from crmdesk.ui.widgets.highlight import HighlightDelegate

#: the name order is read into memory this long after the list is made (after start-up)
WARM_AFTER_MS = 2000
#: the columns whose matched words are drawn in bold
HIGHLIGHTED = ("Name", "Preferred", "Company", "E-mail", "Phone", "Tags")


class SearchBox(QLineEdit):
    """The search field: Esc clears it (and only then reaches the window's Esc action);
    Down goes into the list (`down_pressed`)."""

    down_pressed = Signal()

    def event(self, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.ShortcutOverride and self.text()
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt naming
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown) \
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.down_pressed.emit()
            return
        super().keyPressEvent(event)


class CustomerListView(Translatable, QWidget):
    """A search box, filter bar and the lazy table. `archived=True` makes it the Trash."""

    current_changed = Signal(object)  # customer id or None
    activated = Signal(int)
    filter_changed = Signal()
    counts_changed = Signal()
    #: the book changed while another page was shown: refresh when shown again
    stale = False

    def __init__(self, archived: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.archived = archived
        self.model = CustomerTableModel(CustomerFilter(archived=archived), self)
        if not archived:  # searches sort their hits in memory once the name order is read
            QTimer.singleShot(WARM_AFTER_MS, self.model.warm_name_order)

        self.search = SearchBox()
        self.search.setPlaceholderText(
            self.tr("Search name, e-mail, phone, company, tag or notes  (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search archived customers") if archived
                                      else self.tr("Search customers"))
        self.search.setToolTip(self.tr("Type any part of a name, e-mail, phone (digits), company, "
                                       "tag "
                               "or note; results update as you type, best match first. "
                               "Enter opens the first, Down goes into the list, Esc clears."))
        self.order = QComboBox()
        for key, label in labels.pairs(customer_query.SORT_CHOICES):
            self.order.addItem(label, key)
        self.order.setAccessibleName(self.tr("Sort order"))
        self.order.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.order.setToolTip(self.tr("Order of the list: best match first (name order without "
                                      "search "
                              "text), or by a column (a click on a column header does too)"))
        self.suggestion = QLabel()
        self.suggestion.setAccessibleName(self.tr("Spelling suggestion"))
        self.suggestion.setTextFormat(Qt.TextFormat.RichText)
        self.suggestion.setWordWrap(True)
        self.suggestion.setToolTip(self.tr("Click or press Enter in the search box to search for "
                                           "it"))
        self.suggestion.hide()
        self._suggested: list[str] = []
        self.stage = self._filter_combo(
            self.tr("All stages"), labels.pairs(lifecycle.stages()), self.tr("Filter by stage")
        )
        self.segment = self._filter_combo(self.tr("All segments"), [], self.tr("Filter by segment"))
        self.relationship = self._filter_combo(
            self.tr("All relationships"),
            labels.pairs(catalog.RELATIONSHIP_TYPES),
            self.tr("Filter by relationship type"),
        )
        self.owner = self._filter_combo(self.tr("Any owner"), [], self.tr("Filter by owner"))
        self.tag = self._filter_combo(self.tr("Any tag"), [], self.tr("Filter by tag"))
        self.consent = self._filter_combo(
            self.tr("Any consent"),
            [(k, self.tr("Agreed to {channel}").format(channel=v.lower()))
             for k, v in labels.pairs(catalog.CONSENT_CHANNELS)],
            self.tr(
                "Only customers who agreed to marketing on a channel (for a mailing, export "
                "the "
                "list filtered so)"
            ),
        )

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Archived customers list") if archived
                                     else self.tr("Customers list"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(  # rows with breathing room
            self.table.fontMetrics().height() + 14
        )
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        # Best match first: no column carries the sort indicator.
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.model.set_sort(customer_query.RELEVANCE)
        widths = [190, 90, 150, 230, 140, 100, 90, 170, 120, 140, 130]
        for column, width in enumerate(widths[: len(COLUMNS)]):
            header.resizeSection(column, width)
        for logical in (len(COLUMNS) - 2, len(COLUMNS) - 1):  # Last contact, Next follow-up
            header.resizeSection(logical, 120 if logical == len(COLUMNS) - 2 else 160)
            header.moveSection(header.visualIndex(logical), 1 + logical - (len(COLUMNS) - 2))
        header.sortIndicatorChanged.connect(self._sort_indicator_changed)
        self.highlight = HighlightDelegate(self.table)
        for column, (title, _pos, _key) in enumerate(COLUMNS):
            if title in HIGHLIGHTED:
                self.table.setItemDelegateForColumn(column, self.highlight)

        self.count_label = QLabel()
        self.count_label.setAccessibleName(self.tr("Customer count"))
        #: the name of who works now (the main window provides it), for "My clients"
        self.me: Callable[[], str] = lambda: ""
        self.mine = QCheckBox(self.tr("My clients"))
        self.mine.setAccessibleName(self.tr("Only my clients"))
        self.mine.setToolTip(self.tr("Only the customers you look after (owner = you)"))
        if archived:  # (setVisible(True) on a widget without a parent yet opens a window)
            self.mine.setVisible(False)
        # An empty result says what was searched and offers to clear it.
        self.no_match = QLabel()
        self.no_match.setWordWrap(True)
        self.no_match.setTextFormat(Qt.TextFormat.PlainText)
        self.no_match.setAccessibleName(self.tr("No customers match"))
        self.clear_button = QPushButton(self.tr("Clear search and filters"))
        self.clear_button.setToolTip(self.tr("Show every customer again"))
        self.no_match_bar = QWidget()
        bar = QHBoxLayout(self.no_match_bar)
        bar.setContentsMargins(0, 4, 0, 4)
        bar.addWidget(self.no_match, 1)
        bar.addWidget(self.clear_button)
        self.no_match_bar.hide()

        from crmdesk.ui.widgets.flow import FlowLayout

        self.filter_bar = QWidget()  # wraps onto a second row rather than cut "All stag"
        filters = FlowLayout(self.filter_bar)
        for combo in (
            self.stage,
            self.segment,
            self.relationship,
            self.owner,
            self.tag,
            self.consent,
        ):
            filters.addWidget(combo)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.mine)
        top.addWidget(self.order)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.suggestion)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.no_match_bar)
        self._build_restriction_bar(layout)
        layout.addWidget(self.table, 1)
        self.mine.toggled.connect(self._mine_toggled)
        self.clear_button.clicked.connect(self.clear_filters)

        self.search.textChanged.connect(self._apply)
        self.search.returnPressed.connect(self._enter_pressed)
        self.search.down_pressed.connect(self._into_list)
        self.suggestion.linkActivated.connect(self.search.setText)
        self.order.currentIndexChanged.connect(self._order_chosen)
        for combo in (
            self.stage,
            self.segment,
            self.relationship,
            self.owner,
            self.tag,
            self.consent,
        ):
            combo.currentIndexChanged.connect(self._apply)
        self.table.activated.connect(self._activated)
        self.model.modelReset.connect(self._update_count)
        self.model.modelReset.connect(self._suggestion_later)
        self._suggestion_due = False
        self._connect_selection()

    @staticmethod
    def _filter_combo(everything: str, items: list[tuple[str, str]], name: str) -> QComboBox:
        combo = QComboBox()
        combo.addItem(everything, "")
        for key, label in items:
            combo.addItem(label, key)
        combo.setAccessibleName(name)
        combo.setToolTip(name)
        # Wide enough for its "All …" entry, whole; a narrow window wraps the filter bar.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(max(9, len(everything) + 1))
        return combo

    def _connect_selection(self) -> None:
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)

    # --- filter ---------------------------------------------------------------------------
    def set_stage_choices(self, stages: list[tuple[str, str]]) -> None:
        current = self.stage.currentData()
        self.stage.blockSignals(True)
        while self.stage.count() > 1:
            self.stage.removeItem(1)
        for key, label in stages:
            self.stage.addItem(label, key)
        self.stage.setCurrentIndex(max(0, self.stage.findData(current)))
        self.stage.blockSignals(False)

    def refresh_choices(self, choices: customers.Choices | None = None) -> None:
        """Reload the segment, owner and tag lists (keeps the selection)."""
        choices = choices or customers.choices()
        for combo, items in (
            (self.segment, choices.segments),
            (self.owner, choices.owners),
            (self.tag, choices.tags),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for item in items:
                combo.addItem(item, item)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def current_filter(self) -> CustomerFilter:
        return CustomerFilter(
            text=self.search.text(),
            stage=self.stage.currentData(),
            segment=self.segment.currentData(),
            relationship=self.relationship.currentData(),
            owner=self.owner.currentData(),
            tag=self.tag.currentData(),
            consent=self.consent.currentData(),
            archived=self.archived,
            sort=self.model.filter.sort,
            descending=self.model.filter.descending,
            extra=dict(self.restriction),
        )

    # --- the customers behind a figure (canvas, dashboards) --------------------------------
    #: {"ids": [...], "label": "..."} while the list shows the customers behind a figure
    restriction: dict[str, object] = {}

    def _build_restriction_bar(self, layout: QVBoxLayout) -> None:
        self.restriction = {}
        self.restriction_label = QLabel()
        self.restriction_label.setWordWrap(True)
        self.restriction_label.setAccessibleName(self.tr("Showing the customers behind a figure"))
        self.show_all_button = QPushButton(self.tr("Show All Customers"))
        self.show_all_button.setToolTip(
            self.tr("Leave the customers behind the figure and show the whole list again")
        )
        self.show_all_button.clicked.connect(self.clear_restriction)
        bar = QHBoxLayout()
        bar.addWidget(self.restriction_label, 1)
        bar.addWidget(self.show_all_button)
        self.restriction_bar = QWidget()
        self.restriction_bar.setLayout(bar)
        bar.setContentsMargins(0, 0, 0, 0)
        self.restriction_bar.hide()
        layout.addWidget(self.restriction_bar)

    def restrict_to(self, ids: list[int], label: str) -> None:
        """Show only `ids` (the customers behind a figure), with `label` saying which; the
        search and filters still narrow them."""
        self.restriction = {"ids": list(ids), "label": label}
        self.restriction_label.setText(
            self.tr("Showing the %n customer(s) behind: {label}", "", len(ids)).format(label=label)
        )
        self.restriction_bar.show()
        self._apply()

    def clear_restriction(self) -> None:
        if self.restriction:
            self.restriction = {}
            self.restriction_bar.hide()
            self._apply()

    def _filter_widgets(self) -> list[QWidget]:
        """The search box, then the filter combos, in the order they stand."""
        return [self.search, self.stage, self.segment, self.relationship, self.owner,
                self.tag, self.consent]

    def set_filter(self, flt: CustomerFilter) -> None:
        """Show a saved view: put its values in the widgets and query once."""
        self.restriction = dict(flt.extra) if flt.extra.get("ids") is not None else {}
        self.restriction_bar.setVisible(bool(self.restriction))
        widgets = self._filter_widgets()
        for widget in widgets:
            widget.blockSignals(True)
        self.search.setText(flt.text)
        for combo, value in (
            (self.stage, flt.stage),
            (self.segment, flt.segment),
            (self.relationship, flt.relationship),
            (self.owner, flt.owner),
            (self.tag, flt.tag),
            (self.consent, flt.consent),
        ):
            index = combo.findData(value)
            if index < 0 and value:
                combo.addItem(value, value)
                index = combo.count() - 1
            combo.setCurrentIndex(max(index, 0))
        for widget in widgets:
            widget.blockSignals(False)
        self.model.filter.sort, self.model.filter.descending = flt.sort, flt.descending
        self._show_order()
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        order = Qt.SortOrder.DescendingOrder if flt.descending else Qt.SortOrder.AscendingOrder
        header.setSortIndicator(self.model.sort_column(), order)
        header.blockSignals(False)
        self._apply()

    def _mine_toggled(self, on: bool) -> None:
        name = self.me() if on else ""
        if on and not name:
            self.mine.blockSignals(True)
            self.mine.setChecked(False)
            self.mine.blockSignals(False)
            self.mine.setToolTip(self.tr("Choose who you are under “You:” first"))
            return
        if name and self.owner.findData(name) < 0:
            self.owner.addItem(name, name)
        self.owner.setCurrentIndex(max(0, self.owner.findData(name)))

    def follow_me(self) -> None:
        """Who works changed: "My clients" now means theirs."""
        if self.mine.isChecked():
            self._mine_toggled(True)
        else:
            self._sync_mine()

    def clear_filters(self) -> None:
        widgets = self._filter_widgets()
        for widget in widgets:
            widget.blockSignals(True)
        self.search.clear()
        for combo in widgets[1:]:
            combo.setCurrentIndex(0)  # type: ignore[attr-defined]
        for widget in widgets:
            widget.blockSignals(False)
        self._apply()

    def _sync_mine(self) -> None:
        me = self.me()
        self.mine.blockSignals(True)
        self.mine.setChecked(bool(me) and self.owner.currentData() == me)
        self.mine.blockSignals(False)
        if me:
            self.mine.setToolTip(
                self.tr("Only the customers {me} looks after (owner = {me})").format(me=me)
            )

    def _apply(self) -> None:
        self._sync_mine()
        keep = self.current_id()
        self.highlight.set_search("" if self.archived else self.search.text())
        self.model.set_filter(self.current_filter())
        self._reselect(keep)
        self.filter_changed.emit()

    def _sort_indicator_changed(self, column: int, order: Qt.SortOrder) -> None:
        if COLUMNS[column][2] is None:
            # Not sortable in SQL: put the indicator back where the sort really is.
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            real = (
                Qt.SortOrder.DescendingOrder
                if self.model.filter.descending
                else Qt.SortOrder.AscendingOrder
            )
            header.setSortIndicator(self.model.sort_column(), real)
            header.blockSignals(False)
        self._show_order()
        keep = self.current_id()
        self._reselect(keep)
        self.filter_changed.emit()

    def _describe_filter(self) -> str:
        flt = self.current_filter()
        parts = [f"“{flt.text.strip()}”"] if flt.text.strip() else []
        for label, combo in (
            (self.tr("stage"), self.stage),
            (self.tr("segment"), self.segment),
            (self.tr("relationship"), self.relationship),
            (self.tr("owner"), self.owner),
            (self.tr("tag"), self.tag),
            (self.tr("consent"), self.consent),
        ):
            if combo.currentData():
                parts.append(f"{label} {combo.currentText()}")
        return ", ".join(parts)

    def _order_chosen(self) -> None:
        key = self.order.currentData() or customer_query.RELEVANCE
        keep = self.current_id()
        self.model.set_sort(key)
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(self.model.sort_column(), Qt.SortOrder.AscendingOrder)
        header.blockSignals(False)
        self._reselect(keep)
        self.filter_changed.emit()

    def sort_best_match(self) -> None:
        """Order by best match again (a new window starts so, whatever the saved columns)."""
        self.order.setCurrentIndex(self.order.findData(customer_query.RELEVANCE))
        self._order_chosen()

    def _show_order(self) -> None:
        """The sort choice shows the model's sort (after a header click or a saved view)."""
        self.order.blockSignals(True)
        self.order.setCurrentIndex(max(0, self.order.findData(self.model.filter.sort)))
        self.order.blockSignals(False)

    # --- keys -----------------------------------------------------------------------------
    def _into_list(self) -> None:
        """Down in the search box: into the list, on the first hit unless one is chosen."""
        if not self.model.rowCount():
            return
        if not self.table.currentIndex().isValid():
            self.select_id(self.model.id_at(0))
        self.table.setFocus(Qt.FocusReason.TabFocusReason)

    def _enter_pressed(self) -> None:
        """Enter in the search box opens the first hit; with none, takes the suggestion."""
        if self.model.rowCount():
            cid = self.model.id_at(0)
            self.select_id(cid)
            self.activated.emit(cid)
        else:
            self._update_suggestion()  # (one may still be on its way)
            if self._suggested:
                self.search.setText(self._suggested[0])

    def _suggestion_later(self) -> None:
        """The list is repainted first: "Did you mean …?" (rapidfuzz over the book's name
        words, a few searches) comes right after, in the same turn of the event loop, not
        in the keystroke's repaint. What was offered for the text before goes at once."""
        self._suggested = []
        self.suggestion.hide()
        if not self._suggestion_due:
            self._suggestion_due = True
            QTimer.singleShot(0, self, self._update_suggestion)

    def _update_suggestion(self) -> None:
        if not self._suggestion_due:
            return
        self._suggestion_due = False
        flt = self.model.filter
        self._suggested = (
            spelling.did_you_mean(flt, self.model.rowCount()) if flt.text.strip() else []
        )
        if not self._suggested:
            self.suggestion.hide()
            return
        from html import escape

        links = ", ".join(
            f'<a href="{escape(text, quote=True)}"><i>{escape(text)}</i></a>'
            for text in self._suggested
        )
        self.suggestion.setText(self.tr("Did you mean {links}?").format(links=links))
        self.suggestion.setAccessibleDescription(
            self.tr("Did you mean {words}? Enter searches for the first.").format(
                words=", ".join(self._suggested)))
        self.suggestion.show()

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        searched = self._describe_filter()
        if shown == 0 and searched:
            no_match = (self.tr("No customers in the Trash match {searched}.") if self.archived
                        else self.tr("No customers on the list match {searched}."))
            self.no_match.setText(no_match.format(searched=searched))
            self.no_match_bar.show()
        else:
            self.no_match_bar.hide()
        if self.archived:
            count = self.tr("%n archived customer(s)", "", total)
        else:
            count = self.tr("%n customer(s)", "", total)
        if shown != total:
            count = self.tr("{shown} of {count}").format(shown=i18n.integer(shown), count=count)
        self.count_label.setText(count)

    # --- selection ------------------------------------------------------------------------
    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex().row()]
        return [self.model.id_at(r) for r in rows]

    def select_id(self, cid: int | None, *, load: bool = True) -> bool:
        row = self.model.row_of(cid, load=load) if cid is not None else -1
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        return True

    def _reselect(self, cid: int | None) -> None:
        if not self.select_id(cid, load=False):
            self.current_changed.emit(None)

    def refresh(self, changed: list[int]) -> None:
        keep = self.current_id()
        self.model.refresh(changed)
        self._update_count()
        self.counts_changed.emit()
        if keep is not None and self.current_id() != keep:
            self._reselect(keep)

    def reload(self, choices: customers.Choices | None = None) -> None:
        keep = self.current_id()
        self.refresh_choices(choices)
        self.model.set_filter(self.current_filter(), recount=True)
        self._reselect(keep)

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.current_changed.emit(current.data(ID_ROLE) if current.isValid() else None)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.activated.emit(index.data(ID_ROLE))
