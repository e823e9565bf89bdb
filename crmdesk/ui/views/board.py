"""The lifecycle board: a column per stage, cards moved by drag and drop or Ctrl+←/→."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QKeySequence, QPainter, QPen, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk.i18n import Translatable
from crmdesk.services import customer_query, lifecycle
from crmdesk.services.customer_query import CustomerFilter
from crmdesk.services.lifecycle import Card
from crmdesk.ui import labels
from crmdesk.ui.widgets import vocabulary

MIME = "application/x-crmdesk-customers"
PAGE = 60
Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
ID_ROLE = Qt.ItemDataRole.UserRole
CARD_ROLE = Qt.ItemDataRole.UserRole + 1


class ColumnModel(Translatable, QAbstractListModel):
    """One stage's cards: ids arrive a page at a time as the list is scrolled (fetchMore)."""

    move_requested = Signal(list, str)  # customer ids, target stage

    def __init__(self, stage: str, parent: Any = None):
        super().__init__(parent)
        self.stage = stage
        self.filter = CustomerFilter()
        self.total = 0
        self._ids: list[int] = []
        self._cards: dict[int, Card] = {}

    def reload(self, flt: CustomerFilter, total: int) -> None:
        self.beginResetModel()
        self.filter, self.total = flt, total
        self._ids = lifecycle.column_ids(self.stage, flt, 0, PAGE)
        self._cards = lifecycle.cards(self._ids)
        self.endResetModel()

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def canFetchMore(self, parent: Index = _ROOT) -> bool:
        return not parent.isValid() and len(self._ids) < self.total

    def fetchMore(self, parent: Index = _ROOT) -> None:
        more = lifecycle.column_ids(self.stage, self.filter, len(self._ids), PAGE)
        more = [i for i in more if i not in self._cards]
        if not more:
            self.total = len(self._ids)  # the book changed under us: stop asking
            return
        self.beginInsertRows(_ROOT, len(self._ids), len(self._ids) + len(more) - 1)
        self._ids += more
        self._cards.update(lifecycle.cards(more))
        self.endInsertRows()

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, cid: int) -> int:
        return self._ids.index(cid) if cid in self._cards else -1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        cid = self._ids[index.row()]
        card = self._cards.get(cid)
        if role == ID_ROLE:
            return cid
        if card is None:
            return None
        if role == CARD_ROLE:
            return card
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            who = " · ".join(p for p in (card.segment, card.owner, card.tier) if p)
            days = self.tr("%n day(s) in stage", "", card.days_in_stage)
            nxt = (self.tr("next: {what}").format(what=card.next_follow_up)
                   if card.next_follow_up else self.tr("no follow-up"))
            if card.next_due is not None:
                nxt = _next_text(card)
            return f"{card.name}\n{who or '—'}\n{days}\n{nxt}"
        if role == Qt.ItemDataRole.ToolTipRole:
            stage = labels.label(lifecycle.stage_label(card.stage))
            lines = [card.name,
                     self.tr("{segment} · owner {owner}").format(
                         segment=card.segment, owner=card.owner or self.tr("nobody"))]
            if card.tier:
                lines.append(self.tr("{tier} tier · %n point(s)", "", card.points)
                             .format(tier=card.tier))
            lines.append(self.tr("%n day(s) in {stage}", "", card.days_in_stage)
                         .format(stage=stage))
            nxt = card.next_follow_up or "—"
            lines.append(self.tr("Next follow-up: {what} (overdue)").format(what=nxt)
                         if card.overdue else
                         self.tr("Next follow-up: {what}").format(what=nxt))
            lines.append(self.tr("Drag to another stage, or Ctrl+←/→"))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.FontRole and card.overdue:
            font = QFont()
            font.setBold(True)
            return font
        return None

    # --- drag and drop ----------------------------------------------------------------
    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if index.isValid():
            return (
                base
                | Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsDragEnabled
            )
        return base

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        ids = sorted({int(i.data(ID_ROLE)) for i in indexes if i.isValid()})
        data = QMimeData()
        data.setData(MIME, QByteArray(json.dumps({"stage": self.stage, "ids": ids}).encode()))
        return data

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not data.hasFormat(MIME):
            return False
        return bool(json.loads(bytes(data.data(MIME).data()).decode())["stage"] != self.stage)

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        ids = json.loads(bytes(data.data(MIME).data()).decode())["ids"]
        # The move is done by the board's owner (one transaction, undoable); the source
        # column must not delete rows itself, so the drop reports IgnoreAction-like False.
        self.move_requested.emit(ids, self.stage)
        return False


class CardDelegate(QStyledItemDelegate):
    """Draws each customer as a card: the name and the tier chip, the owner's avatar and
    name with the segment, the days in the stage, and the next follow-up with when it is
    due — an overdue one in the theme's warning colour *and* in words ("3 days overdue")."""

    PAD = 8
    AVATAR = 20
    LINES = 4

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        spacing = option.fontMetrics.lineSpacing()
        height = 2 * self.PAD + spacing * (self.LINES - 1) + max(spacing, self.AVATAR) + 6
        return QSize(180, height + 4)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        card = index.data(CARD_ROLE)
        if not isinstance(card, Card):
            super().paint(painter, option, index)
            return
        from crmdesk.ui import theme
        from crmdesk.ui.widgets import avatar

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = option.rect.adjusted(3, 2, -3, -2)
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        fill = palette.highlight().color() if selected else theme.colour("card")
        border = theme.colour("focus") if focused else theme.colour("card_border")
        painter.setPen(QPen(border, 2 if focused else 1))
        painter.setBrush(fill)
        painter.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        ink = palette.highlightedText().color() if selected else theme.colour("text")
        muted = ink if selected else theme.colour("muted")
        inner = rect.adjusted(self.PAD, self.PAD - 2, -self.PAD, -self.PAD)
        base_font = QFont(option.font)
        metrics = QFontMetrics(base_font)
        spacing = metrics.lineSpacing()
        y = inner.top()
        # 1. name, tier chip on the right
        chip_w = 0
        if card.tier:
            chip_font = QFont(base_font)
            chip_font.setPointSizeF(max(6.0, base_font.pointSizeF() * 0.85))
            chip_metrics = QFontMetrics(chip_font)
            chip_w = chip_metrics.horizontalAdvance(card.tier) + 12
            chip = QRectF(inner.right() - chip_w, y + 1, chip_w, spacing - 2)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(theme.colour("chip"))
            painter.drawRoundedRect(chip, chip.height() / 2, chip.height() / 2)
            painter.setPen(theme.colour("chip_text"))
            painter.setFont(chip_font)
            painter.drawText(chip, int(Qt.AlignmentFlag.AlignCenter), card.tier)
        name_font = QFont(base_font)
        name_font.setBold(True)
        painter.setFont(name_font)
        painter.setPen(ink)
        name_w = inner.width() - (chip_w + 6 if chip_w else 0)
        painter.drawText(
            QRect(inner.left(), y, name_w, spacing),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            QFontMetrics(name_font).elidedText(card.name, Qt.TextElideMode.ElideRight, name_w),
        )
        y += spacing + 3
        # 2. the owner's avatar and name, the segment
        painter.setFont(base_font)
        line_h = max(spacing, self.AVATAR)
        text_x = inner.left()
        if card.owner:
            avatar.paint(
                painter,
                QRectF(inner.left(), y + (line_h - self.AVATAR) / 2, self.AVATAR, self.AVATAR),
                card.owner,
            )
            text_x += self.AVATAR + 6
        owner = card.owner or QCoreApplication.translate("Board", "no owner")
        who = " · ".join(p for p in (owner, card.segment) if p)
        painter.setPen(ink if card.owner else muted)
        width = inner.right() - text_x
        painter.drawText(
            QRect(text_x, y, width, line_h),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            metrics.elidedText(who, Qt.TextElideMode.ElideRight, width),
        )
        y += line_h + 3
        # 3. days in the stage
        painter.setPen(muted)
        painter.drawText(
            QRect(inner.left(), y, inner.width(), spacing),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            metrics.elidedText(
                _days_in_stage(card.days_in_stage), Qt.TextElideMode.ElideRight, inner.width()
            ),
        )
        y += spacing
        # 4. the next follow-up, with its date; overdue in words and in the warning colour
        text = _next_text(card)
        if card.overdue and not selected:
            painter.setPen(theme.colour("warning"))
            bold = QFont(base_font)
            bold.setBold(True)
            painter.setFont(bold)
        else:
            painter.setPen(ink if card.next_due else muted)
        painter.drawText(
            QRect(inner.left(), y, inner.width(), spacing),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, inner.width()),
        )
        painter.restore()


def _days_in_stage(days: int) -> str:
    from crmdesk.ui import when

    return QCoreApplication.translate("Board", "{days} in this stage").format(
        days=when.days_text(days)
    )


def _next_text(card: Card) -> str:
    """ "⚠ 3 days overdue · Send the fee table", "Next: tomorrow 10:00 · Call", or none."""
    from crmdesk.ui import when

    if card.next_due is None:
        return (
            QCoreApplication.translate("Board", "No follow-up planned")
            if not card.next_follow_up
            else card.next_follow_up
        )
    due = when.due_text(card.next_due)
    if card.overdue:
        return f"⚠ {due} · {card.next_what}"
    return QCoreApplication.translate("Board", "Next: {due} · {what}").format(
        due=due, what=card.next_what
    )


class BoardView(Translatable, QWidget):
    #: the book changed while another page was shown: re-read when shown again
    stale = False
    move_requested = Signal(list, str)  # customer ids, target stage
    reason_move_requested = Signal(list, str, str)  # ids, target stage, reason
    open_customer = Signal(int)
    suggestion_accepted = Signal(int)
    suggestion_dismissed = Signal(int)
    write_column_requested = Signal(str)  # stage: write to everyone in that column

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.filter = CustomerFilter()
        self.filter_label = QLabel()
        self.filter_label.setWordWrap(True)
        self.filter_label.setEnabled(False)
        self.columns: dict[str, tuple[QLabel, QListView, ColumnModel]] = {}
        self.row = QHBoxLayout()
        self.row.setSpacing(8)
        holder = QWidget()
        holder.setLayout(self.row)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        self.suggestions = QListWidget()
        self.suggestions.setAccessibleName(self.tr("Suggested moves"))
        self.suggestions.setMaximumHeight(110)
        self.suggest_label = QLabel()
        self.accept_button = QPushButton(self.tr("Move to Reactivation"))
        self.accept_button.setToolTip(self.tr("Accept the suggestion for the selected customer"))
        self.dismiss_button = QPushButton(self.tr("Dismiss"))
        self.dismiss_button.setToolTip(self.tr("Not now: ask again only after a new contact"))
        bar = QHBoxLayout()
        bar.addWidget(self.suggest_label, 1)
        bar.addWidget(self.accept_button)
        bar.addWidget(self.dismiss_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_label)
        layout.addWidget(scroll, 1)
        layout.addLayout(bar)
        layout.addWidget(self.suggestions)
        self.accept_button.clicked.connect(lambda: self._suggestion(self.suggestion_accepted))
        self.dismiss_button.clicked.connect(lambda: self._suggestion(self.suggestion_dismissed))
        self.suggestions.itemActivated.connect(
            lambda item: self.open_customer.emit(int(item.data(ID_ROLE)))
        )
        self._build_columns()

    def _build_columns(self) -> None:
        while self.row.count():
            item = self.row.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.columns.clear()
        for key, label in labels.pairs(lifecycle.stages()):
            header = QLabel(label)
            font = header.font()
            font.setBold(True)
            header.setFont(font)
            view = QListView()
            model = ColumnModel(key, view)
            view.setModel(model)
            view.setAccessibleName(self.tr("{label} column").format(label=label))
            view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
            view.setDragEnabled(True)
            view.setAcceptDrops(True)
            view.setDropIndicatorShown(True)
            view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
            view.setDefaultDropAction(Qt.DropAction.MoveAction)
            view.setUniformItemSizes(True)
            view.setSpacing(2)
            view.setItemDelegate(CardDelegate(view))
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            view.setMinimumWidth(230)  # a card shows a whole name and its chip
            model.move_requested.connect(self.move_requested)
            view.activated.connect(lambda index: self.open_customer.emit(int(index.data(ID_ROLE))))
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.customContextMenuRequested.connect(
                lambda pos, v=view, k=key: self._menu(v, k, pos)
            )
            for keys, step in (("Ctrl+Right", 1), ("Ctrl+Left", -1)):
                shortcut = QShortcut(QKeySequence(keys), view)
                shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
                shortcut.activated.connect(lambda v=view, k=key, s=step: self._step(v, k, s))
            column = QVBoxLayout()
            column.addWidget(header)
            column.addWidget(view, 1)
            box = QWidget()
            box.setLayout(column)
            self.row.addWidget(box, 1)
            self.columns[key] = (header, view, model)

    def rebuild(self) -> None:
        """Stage names or order changed in the settings."""
        self._build_columns()
        self.reload()

    def set_filter(self, flt: CustomerFilter) -> None:
        self.filter = replace(flt, stage="", archived=False)
        parts = [
            f"search “{flt.text}”" if flt.text else "",
            flt.segment and f"segment {flt.segment}",
            flt.owner and f"owner {flt.owner}",
            flt.tag and f"tag {flt.tag}",
            flt.relationship and "one relationship type",
        ]
        shown = ", ".join(p for p in parts if p)
        self.filter_label.setText(
            self.tr(
                "Showing customers matching {shown} (filters are shared with the Customers page)"
            ).format(shown=shown)
            if shown
            else self.tr("All customers (filters on the Customers page apply here too)")
        )
        self.reload()

    def reload(self) -> None:
        counts = lifecycle.column_counts(self.filter)
        for key, (header, _view, model) in self.columns.items():
            count = vocabulary.number(counts.get(key, 0))
            header.setText(f"{labels.label(lifecycle.stage_label(key))} ({count})")
            model.reload(self.filter, counts.get(key, 0))
        self._reload_suggestions()

    def apply_moves(self, pairs: list[tuple[int, str, str]]) -> None:
        """After moves (customer, from, to) of cards that were on this board: shift the
        counts and re-read only the columns involved (a full reload reads all six)."""
        touched: set[str] = set()
        for _cid, source, target in pairs:
            for stage, delta in ((source, -1), (target, 1)):
                if stage in self.columns:
                    model = self.columns[stage][2]
                    model.total = max(0, model.total + delta)
                    touched.add(stage)
        for stage in touched:
            header, _view, model = self.columns[stage]
            count = vocabulary.number(model.total)
            header.setText(f"{labels.label(lifecycle.stage_label(stage))} ({count})")
            model.reload(self.filter, model.total)
        if any(
            target == "reactivation" or source == "reactivation" for _c, source, target in pairs
        ):
            self._reload_suggestions()

    def _reload_suggestions(self) -> None:
        days = lifecycle.reactivation_days()
        ids, total = lifecycle.reactivation_suggestions(days=days)
        self.suggestions.clear()
        rows = customer_query.rows_by_id(ids)
        for cid in ids:
            row = rows.get(cid)
            if row is None:
                continue
            item = QListWidgetItem(
                self.tr("{given} {family} — {stage}, no contact for {days}+ days").format(
                    given=row[1],
                    family=row[2],
                    stage=labels.label(lifecycle.stage_label(row[5])),
                    days=days,
                )
            )
            item.setData(ID_ROLE, cid)
            self.suggestions.addItem(item)
        self.suggest_label.setText(
            self.tr(
                "Suggested for Reactivation: %n customer(s) with no interaction for {days} days",
                "",
                total,
            ).format(days=days)
            if total
            else self.tr("No suggestions.")
        )
        for button in (self.accept_button, self.dismiss_button):
            button.setEnabled(bool(total))

    def _suggestion(self, signal: Any) -> None:
        item = self.suggestions.currentItem() or self.suggestions.item(0)
        if item is not None:
            signal.emit(int(item.data(ID_ROLE)))

    def _step(self, view: QListView, stage: str, step: int) -> None:
        target = lifecycle.neighbour(stage, step)
        ids = self._selected(view)
        if target is not None and ids:
            self.move_requested.emit(ids, target)

    def _selected(self, view: QListView) -> list[int]:
        ids = sorted({int(i.data(ID_ROLE)) for i in view.selectionModel().selectedIndexes()})
        if not ids and view.currentIndex().isValid():
            ids = [int(view.currentIndex().data(ID_ROLE))]
        return ids

    def _menu(self, view: QListView, stage: str, pos: QPoint) -> None:
        """Right-click: move the selected cards to any stage, saying why."""
        ids = self._selected(view)
        if not ids:
            return
        menu = QMenu(self)
        for key, label in labels.pairs(lifecycle.stages()):
            if key != stage:
                action = menu.addAction(self.tr("Move to {label}…").format(label=label))
                action.triggered.connect(lambda _c=False, k=key: self.ask_reason(ids, k))
        menu.addSeparator()
        write = menu.addAction(
            self.tr("Write to Everyone in {value}…").format(
                value=labels.label(lifecycle.stage_label(stage))
            )
        )
        write.triggered.connect(lambda _c=False: self.write_column_requested.emit(stage))
        if self.extend_menu is not None:  # the window's customer actions (open, log…)
            menu.addSeparator()
            self.extend_menu(menu, ids)
        if not self.menus_silent:
            menu.popup(view.viewport().mapToGlobal(pos))
        self.last_menu = menu

    def ask_reason(self, ids: list[int], stage: str) -> None:
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Move"),
            self.tr("Why move to {value}? (optional)").format(
                value=labels.label(lifecycle.stage_label(stage))
            ),
        )
        if ok:
            self.reason_move_requested.emit(ids, stage, reason)

    last_menu: QMenu | None = None
    extend_menu: Callable[[QMenu, list[int]], None] | None = None
    menus_silent = False  # tests read the menu instead of showing it

    def focus_card(self, cid: int, stage: str) -> None:
        """Select the card of `cid` in its column (after a keyboard move)."""
        _header, view, model = self.columns[stage]
        row = model.row_of(cid)
        if row >= 0:
            view.setCurrentIndex(model.index(row, 0))
            view.setFocus()
