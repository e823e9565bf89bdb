"""Record a purchase, redeem points, give a bonus or adjust, reverse a purchase."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from crmdesk.services import locale_text, loyalty_ledger, loyalty_programme
from crmdesk.services.loyalty_ledger import PurchaseResult
from crmdesk.services.loyalty_programme import LoyaltyError, Programme
from crmdesk.ui.widgets.fields import ErrorLabel, save_cancel
from crmdesk.ui.widgets.vocabulary import number, ui_language

COMMON_CURRENCIES = ["EUR", "USD", "GBP", "CHF", "CAD", "AUD", "MXN", "JPY", "PLN", "SEK",
                     "NOK", "DKK"]


class _LoyaltyDialog(QDialog):
    """Shared frame: a form, a live hint, the error line and Save / Cancel."""

    def __init__(self, title: str, user_id: int | None, parent: QWidget | None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.user_id = user_id
        self.form = QFormLayout()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setAccessibleName(self.tr("What this will do"))
        self.error = ErrorLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addWidget(save_cancel(self, self.save))
        self.setMinimumWidth(420)

    def save(self) -> None:
        try:
            self.store()
        except LoyaltyError as exc:
            self.error.show_message(str(exc))
            return
        self.accept()

    #: writes the entry (each dialog its own kind); LoyaltyError says why it cannot
    store: Callable[[], None]


class PurchaseDialog(_LoyaltyDialog):
    def __init__(self, customer_id: int, name: str, user_id: int | None,
                 parent: QWidget | None = None):
        super().__init__(QCoreApplication.translate("PurchaseDialog",
                                                    "Record purchase — {customer}")
                         .format(customer=name), user_id, parent)
        self.customer_id = customer_id
        self.outcome: PurchaseResult | None = None
        self.programme: Programme = loyalty_programme.programme()
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("e.g. 125.50"))
        self.amount.setAccessibleName(self.tr("Amount"))
        self.amount.setToolTip(self.tr("The amount paid, with up to two decimals"))
        self.currency = QComboBox()
        self.currency.setEditable(True)
        self.currency.addItems([self.programme.currency] + [
            c for c in COMMON_CURRENCIES if c != self.programme.currency])
        self.currency.setAccessibleName(self.tr("Currency"))
        today = dt.date.today()
        self.date = QDateEdit(QDate(today.year, today.month, today.day))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setMaximumDate(QDate(today.year, today.month, today.day))
        self.date.setAccessibleName(self.tr("Date of purchase"))
        self.description = QLineEdit()
        self.description.setAccessibleName(self.tr("Description"))
        self.description.setPlaceholderText(self.tr("What was bought (printed on the "
                                                    "statement)"))
        self.form.addRow(self.tr("&Amount"), self.amount)
        self.form.addRow(self.tr("&Currency"), self.currency)
        self.form.addRow(self.tr("&Date"), self.date)
        self.form.addRow(self.tr("D&escription"), self.description)
        self.amount.textChanged.connect(self._preview)
        self.currency.currentTextChanged.connect(self._preview)
        self._preview()
        self.amount.setFocus()

    def _cents(self) -> int:
        return loyalty_programme.parse_amount(self.amount.text())

    def _preview(self) -> None:
        if not self.amount.text().strip():
            per = self.programme.points_per_unit  # a Decimal: 1, 10, 0.5
            shown = str(per) if ui_language() == "en" else str(per).replace(".", ",")
            self.hint.setText(self.tr("Earns {count} point(s) per {currency} spent.", "",
                                      1 if per == 1 else 2)
                              .format(count=shown, currency=self.programme.currency))
            self.error.show_message(None)
            return
        try:
            cents = self._cents()
        except LoyaltyError as exc:
            self.hint.setText("")
            self.error.show_message(str(exc))
            return
        self.error.show_message(None)
        currency = self.currency.currentText().strip().upper()
        if currency != self.programme.currency:
            self.hint.setText(self.tr("Purchases in {currency} are recorded but earn no points "
                                      "(the programme counts {programme_currency}).")
                              .format(currency=currency,
                                      programme_currency=self.programme.currency))
        else:
            points = self.programme.earn(cents)
            self.hint.setText(self.tr("{amount} earns {count} point(s).", "", points).format(
                amount=locale_text.money(cents, currency, ui_language()), count=number(points)))

    def request(self) -> dict[str, Any]:
        """The purchase as keyword arguments of `loyalty_ledger.record_purchase`."""
        value = self.date.date()
        return {"amount_cents": self._cents(),
                "on": dt.date(value.year(), value.month(), value.day()),
                "currency": self.currency.currentText(),
                "description": self.description.text(), "staff_id": self.user_id}

    def store(self) -> None:
        self.outcome = loyalty_ledger.record_purchase(self.customer_id, **self.request())


class RedeemDialog(_LoyaltyDialog):
    def __init__(self, customer_id: int, name: str, balance: int, user_id: int | None,
                 parent: QWidget | None = None):
        super().__init__(QCoreApplication.translate("RedeemDialog", "Redeem points — {customer}")
                         .format(customer=name), user_id, parent)
        self.customer_id, self.balance = customer_id, balance
        self.saved: int | None = None
        self.redeemed: tuple[int, str] = (0, "")
        self.reward = QComboBox()
        self.reward.setAccessibleName(self.tr("Reward"))
        for reward in loyalty_programme.rewards(active_only=True):
            cost = reward.points_cost
            text = (self.tr("{reward} — {count} point(s)", "", cost) if cost <= balance
                    else self.tr("{reward} — {count} point(s)  (not enough points)", "", cost))
            self.reward.addItem(text.format(reward=reward.name, count=number(cost)),
                                (reward.name, reward.points_cost))
        self.reward.addItem(self.tr("Other: points only"), ("", 0))
        self.points = QSpinBox()
        self.points.setRange(1, loyalty_programme.MAX_POINTS)
        self.points.setGroupSeparatorShown(True)
        self.points.setAccessibleName(self.tr("Points to redeem"))
        self.form.addRow(QLabel(self.tr("Balance: {count} point(s)", "", balance)
                                .format(count=number(balance))))
        self.form.addRow(self.tr("&Reward"), self.reward)
        self.form.addRow(self.tr("&Points"), self.points)
        self.reward.currentIndexChanged.connect(self._reward_changed)
        self.points.valueChanged.connect(self._preview)
        self._reward_changed()
        self.reward.setFocus()

    def _reward_changed(self) -> None:
        name, cost = self.reward.currentData()
        self.points.setEnabled(not name)
        if name:
            self.points.setValue(cost)
        self._preview()

    def _preview(self) -> None:
        left = self.balance - self.points.value()
        if left < 0:
            self.hint.setText("")
            self.error.show_message(self.tr("{count} point(s) short: the balance is {balance}.",
                                            "", -left)
                                    .format(count=number(-left), balance=number(self.balance)))
        else:
            self.error.show_message(None)
            self.hint.setText(self.tr("{count} point(s) will be left.", "", left)
                              .format(count=number(left)))

    def store(self) -> None:
        name, _cost = self.reward.currentData()
        self.saved = loyalty_ledger.redeem(self.customer_id, self.points.value(), name,
                                           staff_id=self.user_id)
        self.redeemed = (self.points.value(), name)


class PointsDialog(_LoyaltyDialog):
    """A bonus (points given) or an adjustment (a correction, up or down)."""

    def __init__(self, customer_id: int, name: str, balance: int, user_id: int | None,
                 parent: QWidget | None = None):
        super().__init__(QCoreApplication.translate("PointsDialog",
                                                    "Bonus or adjustment — {customer}")
                         .format(customer=name), user_id, parent)
        self.customer_id, self.balance = customer_id, balance
        self.saved: int | None = None
        self.bonus = QRadioButton(self.tr("&Bonus: points given as a thank-you"))
        self.adjust = QRadioButton(self.tr("&Adjustment: correct the balance (up or down)"))
        self.bonus.setChecked(True)
        self.points = QSpinBox()
        self.points.setRange(-loyalty_programme.MAX_POINTS, loyalty_programme.MAX_POINTS)
        self.points.setValue(100)
        self.points.setGroupSeparatorShown(True)
        self.points.setAccessibleName(self.tr("Points"))
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setPlaceholderText(self.tr("Required: the client reads it on the statement"))
        self.form.addRow(QLabel(self.tr("Balance: {count} point(s)", "", balance)
                                .format(count=number(balance))))
        self.form.addRow(self.bonus)
        self.form.addRow(self.adjust)
        self.form.addRow(self.tr("&Points"), self.points)
        self.form.addRow(self.tr("&Reason"), self.reason)
        for signal in (self.bonus.toggled, self.points.valueChanged):
            signal.connect(self._preview)
        self._preview()
        self.points.setFocus()

    def _preview(self) -> None:
        points = self.points.value()
        if self.bonus.isChecked() and points <= 0:
            self.hint.setText(self.tr("A bonus adds points; to take points away choose "
                                      "Adjustment."))
            return
        total = self.balance + points
        self.hint.setText(self.tr("New balance: {count} point(s).", "", total)
                          .format(count=number(total)))

    def store(self) -> None:
        if self.bonus.isChecked():
            if self.points.value() <= 0:
                raise LoyaltyError(self.tr("A bonus adds points; to take points away choose "
                                           "Adjustment."))
            self.saved = loyalty_ledger.add_bonus(self.customer_id, self.points.value(),
                                                  self.reason.text(), self.user_id)
        else:
            self.saved = loyalty_ledger.adjust(self.customer_id, self.points.value(),
                                               self.reason.text(), self.user_id)


class ReverseDialog(_LoyaltyDialog):
    def __init__(self, purchase: loyalty_ledger.PurchaseLine, user_id: int | None,
                 parent: QWidget | None = None):
        super().__init__(QCoreApplication.translate("ReverseDialog", "Reverse purchase"),
                         user_id, parent)
        self.purchase = purchase
        self.outcome: PurchaseResult | None = None
        what = purchase.description or self.tr("purchase")
        language = ui_language()
        self.form.addRow(QLabel(self.tr("{date}: {what}, {amount}").format(
            date=locale_text.short_date(purchase.on, language), what=what,
            amount=locale_text.money(purchase.amount_cents, purchase.currency, language))))
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setPlaceholderText(self.tr("e.g. Item returned"))
        self.form.addRow(self.tr("&Reason"), self.reason)
        self.hint.setText(self.tr("Takes back the {count} point(s) it earned (as far as they "
                                  "are unspent). The purchase stays in the history.", "",
                                  purchase.points).format(count=number(purchase.points)))
        self.reason.setFocus()

    def store(self) -> None:
        self.outcome = loyalty_ledger.reverse_purchase(self.purchase.id, self.reason.text(),
                                                      self.user_id)
