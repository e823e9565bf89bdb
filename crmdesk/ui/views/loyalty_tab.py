"""Profile → Loyalty: balance, tier progress, expiring points, lifetime value, the points
ledger with running balance and the purchases, with the buttons that write to them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crmdesk import i18n
from crmdesk.i18n import Translatable
from crmdesk.services import access, loyalty_ledger, loyalty_programme
from crmdesk.services.loyalty_ledger import LedgerLine, PurchaseLine, Summary
from crmdesk.ui import when
from crmdesk.ui.models.list_table import Index, ListTableModel

KIND_NAMES = {"earn": QT_TRANSLATE_NOOP("LoyaltyTab", "Purchase"),
              "bonus": QT_TRANSLATE_NOOP("LoyaltyTab", "Bonus"),
              "redeem": QT_TRANSLATE_NOOP("LoyaltyTab", "Redeemed"),
              "expire": QT_TRANSLATE_NOOP("LoyaltyTab", "Expired"),
              "adjust": QT_TRANSLATE_NOOP("LoyaltyTab", "Adjustment")}


class RowsModel(ListTableModel):
    """One customer's ledger or purchases."""

    def __init__(self, headers: list[str], numeric: set[int], parent: Any = None):
        super().__init__(headers, parent)
        self.numeric = numeric
        self.rows: list[list[str]] = []
        self.keys: list[Any] = []

    def shown_count(self) -> int:
        return len(self.rows)

    def set_rows(self, rows: list[list[str]], keys: list[Any]) -> None:
        self.beginResetModel()
        self.rows, self.keys = rows, keys
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _table(model: RowsModel, name: str) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
    return view


class LoyaltyTab(Translatable, QWidget):
    EMPTY_TEXT = QT_TRANSLATE_NOOP("LoyaltyTab", "Select a customer to see their loyalty points.")
    purchase_requested = Signal()
    redeem_requested = Signal()
    points_requested = Signal()
    statement_requested = Signal()
    reverse_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.customer_id: int | None = None
        self.summary: Summary | None = None
        self._window = 12
        self.balance = QLabel("—")
        self.balance.setObjectName("loyaltyBalance")
        self.balance.setAccessibleName(self.tr("Points balance"))
        font = self.balance.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.balance.setFont(font)
        self.tier = QLabel()
        self.tier.setAccessibleName(self.tr("Tier"))
        self.tier.setTextFormat(Qt.TextFormat.PlainText)
        bold = self.tier.font()
        bold.setBold(True)
        self.tier.setFont(bold)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(10)
        self.progress.setAccessibleName(self.tr("Progress to the next tier"))
        self.next_tier = QLabel()
        self.next_tier.setAccessibleName(self.tr("Points to the next tier"))
        self.expiring = QLabel()
        self.expiring.setAccessibleName(self.tr("Points expiring soon"))
        self.value = QLabel()
        self.value.setAccessibleName(self.tr("Lifetime value"))
        self.value.setWordWrap(True)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Points")), 0, 0)
        grid.addWidget(self.balance, 1, 0, 2, 1)
        grid.addWidget(self.tier, 0, 1)
        grid.addWidget(self.progress, 1, 1)
        grid.addWidget(self.next_tier, 2, 1)
        grid.addWidget(self.expiring, 3, 1)
        grid.setColumnStretch(1, 1)
        self.tier.setWordWrap(True)  # a narrow pane wraps rather than cuts

        self.purchase_button = QPushButton(self.tr("Record &purchase…"))
        self.purchase_button.setToolTip(
            self.tr("Record a purchase; it earns points (Ctrl+Shift+B)"))
        self.redeem_button = QPushButton(self.tr("&Redeem…"))
        self.redeem_button.setToolTip(self.tr("Spend points on a reward"))
        self.points_button = QPushButton(self.tr("Bonus / ad&just…"))
        self.points_button.setToolTip(
            self.tr("Give bonus points or correct the balance, with a reason")
        )
        self.statement_button = QPushButton(self.tr("&Statement…"))
        self.statement_button.setToolTip(self.tr("A PDF loyalty statement for a period (Ctrl+P)"))
        from crmdesk.ui.widgets.flow import FlowLayout

        button_bar = QWidget()  # the buttons wrap onto a second row in a narrow pane
        buttons = FlowLayout(button_bar)
        for button, signal in (
            (self.purchase_button, self.purchase_requested),
            (self.redeem_button, self.redeem_requested),
            (self.points_button, self.points_requested),
            (self.statement_button, self.statement_requested),
        ):
            button.clicked.connect(signal.emit)
            buttons.addWidget(button)

        self.ledger_model = RowsModel([self.tr("Date"), self.tr("Type"), self.tr("Description"),
                                       self.tr("Points"), self.tr("Balance")], {3, 4})
        self.ledger = _table(self.ledger_model, self.tr("Points ledger"))
        self.purchase_model = RowsModel(
            [self.tr("Date"), self.tr("Amount"), self.tr("Description"), self.tr("Points"),
             self.tr("Status")], {1, 3}
        )
        self.purchases = _table(self.purchase_model, self.tr("Purchases"))
        self.reverse_button = QPushButton(self.tr("Re&verse purchase…"))
        self.reverse_button.setToolTip(
            self.tr("Take back a purchase (returned, cancelled): a new entry, the history stays")
        )
        self.reverse_button.setEnabled(False)
        self.reverse_button.clicked.connect(self._reverse)
        self.purchases.selectionModel().selectionChanged.connect(self._purchase_selected)
        purchases_page = QWidget()
        purchases_layout = QVBoxLayout(purchases_page)
        purchases_layout.setContentsMargins(0, 0, 0, 0)
        purchases_layout.addWidget(self.purchases, 1)
        purchases_layout.addWidget(self.reverse_button, 0, Qt.AlignmentFlag.AlignRight)
        self.lists = QTabWidget()
        self.lists.addTab(self.ledger, self.tr("Points &ledger"))
        self.lists.addTab(purchases_page, self.tr("P&urchases"))

        self.empty = QLabel(self.tr(self.EMPTY_TEXT))
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addLayout(grid)
        layout.addWidget(self.value)  # in the column, where a wrapped line gets its height
        layout.addWidget(button_bar)
        layout.addWidget(self.lists, 1)
        self._set_enabled(False)

    may_print = True
    may_adjust = True

    def set_permissions(self, may_print: bool, may_adjust: bool) -> None:
        """What the role of the person signed in allows (buttons stay greyed otherwise)."""
        self.may_print, self.may_adjust = may_print, may_adjust
        self._set_enabled(self.lists.isEnabled())

    def _set_enabled(self, on: bool) -> None:
        for widget in (self.purchase_button, self.redeem_button, self.lists):
            widget.setEnabled(on)
        self.points_button.setEnabled(on and self.may_adjust)
        self.statement_button.setEnabled(on and self.may_print)
        self.empty.setVisible(not on)

    def show_customer(self, customer_id: int | None) -> None:
        self.customer_id = customer_id
        self.reload()

    def reload(self) -> None:
        cid = self.customer_id
        if cid is None:
            self.empty.setText(self.tr(self.EMPTY_TEXT))
            self.summary = None
            self.balance.setText("—")
            for label in (self.tier, self.next_tier, self.expiring, self.value):
                label.clear()
            self.progress.setValue(0)
            self.ledger_model.set_rows([], [])
            self.purchase_model.set_rows([], [])
            self._set_enabled(False)
            return
        try:
            prog = loyalty_programme.programme()
            self._window = prog.tier_window_months
            summary = self.summary = loyalty_ledger.summary(cid, prog=prog)
        except LookupError:
            self.show_customer(None)
            return
        except access.AccessDenied:
            self.show_customer(None)
            self.customer_id = cid
            self.empty.setText(
                self.tr("The loyalty account of this client is for their executive and managers.")
            )
            return
        self._set_enabled(True)
        self._show_summary(summary)
        _opening, lines = loyalty_ledger.ledger(cid)
        lines.reverse()  # newest first, as a bank shows it
        self.ledger_model.set_rows(
            [self._ledger_row(line) for line in lines], [line.id for line in lines]
        )
        bought = loyalty_ledger.purchases(cid)
        self.purchase_model.set_rows([self._purchase_row(p) for p in bought], bought)
        self.reverse_button.setEnabled(False)

    def _show_summary(self, s: Summary) -> None:
        self.balance.setText(i18n.integer(s.balance))
        status = s.status
        self.tier.setText(
            self.tr("Tier: {tier} · %n point(s) earned in {window} months", "",
                    status.qualifying).format(tier=status.tier, window=self._window)
        )
        self.progress.setValue(int(status.progress * 1000))
        if status.next_tier:
            self.next_tier.setText(
                self.tr("%n more point(s) to {next_tier} ({qualifying} of {next_threshold})", "",
                        status.to_next).format(
                    next_tier=status.next_tier,
                    qualifying=i18n.integer(status.qualifying),
                    next_threshold=i18n.integer(status.next_threshold),
                )
            )
        else:
            self.next_tier.setText(self.tr("The programme's highest tier"))
        self.progress.setToolTip(self.next_tier.text())
        if s.expiring and s.expiring_first:
            self.expiring.setText(
                self.tr("%n point(s) expire in the next 90 days (first on {day}).", "",
                        s.expiring).format(day=when.date_text(s.expiring_first))
            )
        else:
            self.expiring.setText(self.tr("No points expire in the next 90 days."))
        value = self.tr("Lifetime value {lifetime} · last 12 months {last} · %n purchase(s)", "",
                        s.purchases).format(lifetime=i18n.money(s.lifetime_cents, s.currency),
                                            last=i18n.money(s.last_12m_cents, s.currency))
        others = ", ".join(i18n.money(v, c) for c, v in sorted(s.other_currencies.items()))
        self.value.setText(
            value + (self.tr(" (also {others})").format(others=others) if others else "")
        )

    def _ledger_row(self, line: LedgerLine) -> list[str]:
        kind = self.tr("Reversal") if line.reversal else QCoreApplication.translate(
            "LoyaltyTab", KIND_NAMES.get(line.kind, line.kind))
        who = f" — {line.staff}" if line.staff else ""
        return [
            when.stamp(line.when),
            kind,
            line.describe(i18n.language()) + who,  # the window's language
            ("+" if line.points > 0 else "") + i18n.integer(line.points),
            i18n.integer(line.balance),
        ]

    def _purchase_row(self, p: PurchaseLine) -> list[str]:
        status = self.tr("Reversed") if p.reversed else self.tr("Reversal") if p.reverses_id \
            else ""
        return [
            when.date_text(p.on),
            i18n.money(p.amount_cents, p.currency),
            p.description,
            ("+" if p.points > 0 else "") + i18n.integer(p.points) if p.points else "",
            status,
        ]

    def selected_purchase(self) -> PurchaseLine | None:
        rows = self.purchases.selectionModel().selectedRows()
        if not rows:
            return None
        line = self.purchase_model.keys[rows[0].row()]
        return line if isinstance(line, PurchaseLine) else None

    def _purchase_selected(self, *_args: object) -> None:
        line = self.selected_purchase()
        self.reverse_button.setEnabled(bool(line and line.amount_cents > 0 and not line.reversed))

    def _reverse(self) -> None:
        line = self.selected_purchase()
        if line is not None:
            self.reverse_requested.emit(line.id)
