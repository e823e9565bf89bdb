"""Settings ▸ Loyalty Programme: earning and tiers, the rewards catalogue, the letterhead."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crmdesk.services import business, loyalty_programme
from crmdesk.services.loyalty_programme import LoyaltyError, Programme, RewardInfo, Tier
from crmdesk.services.validation import InvalidValue
from crmdesk.store.db import db
from crmdesk.ui import file_dialogs
from crmdesk.ui.dialogs.loyalty_dialogs import COMMON_CURRENCIES
from crmdesk.ui.widgets.fields import ErrorLabel, save_cancel


def _editable_table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setAccessibleName(name)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().resizeSection(0, 220)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    return table


def _spin(low: int, high: int, value: int, name: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setValue(value)
    spin.setGroupSeparatorShown(True)
    spin.setAccessibleName(name)
    return spin


class LoyaltyProgrammeDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Loyalty programme"))
        self.setMinimumSize(560, 460)
        prog = loyalty_programme.programme()
        tabs = QTabWidget()
        tabs.addTab(self._programme_page(prog), self.tr("&Programme"))
        tabs.addTab(self._rewards_page(), self.tr("&Rewards"))
        tabs.addTab(self._letterhead_page(), self.tr("&Letterhead"))
        self.tabs = tabs
        self.error = ErrorLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(tabs, 1)
        layout.addWidget(self.error)
        layout.addWidget(save_cancel(self, self.save))

    # --- pages ----------------------------------------------------------------------------
    def _programme_page(self, prog: Programme) -> QWidget:
        self.currency = QComboBox()
        self.currency.setEditable(True)
        self.currency.addItems([prog.currency] + [c for c in COMMON_CURRENCIES
                                                  if c != prog.currency])
        self.currency.setAccessibleName(self.tr("Programme currency"))
        self.rate = QLineEdit(str(prog.points_per_unit))
        self.rate.setAccessibleName(self.tr("Points per currency unit"))
        self.rate.setToolTip(self.tr("Points earned for each unit spent; fractions are rounded "
                                     "down"))
        self.base_tier = QLineEdit(prog.base_tier)
        self.base_tier.setAccessibleName(self.tr("Starting tier name"))
        self.window = self._months(_spin(1, 120, prog.tier_window_months, self.tr("Tier window")))
        self.window.setToolTip(self.tr("Tiers count the points earned over this many recent "
                                       "months"))
        self.expiry = self._months(_spin(0, 240, prog.expiry_months, self.tr("Points expiry")))
        self.expiry.setSpecialValueText(self.tr("Never"))
        self.tiers = _editable_table([self.tr("Tier"), self.tr("Points needed")], self.tr("Tiers"))
        for tier in prog.tiers:
            self._add_tier(tier)
        form = QFormLayout()
        form.addRow(self.tr("&Currency"), self.currency)
        form.addRow(self.tr("Points per &unit"), self.rate)
        form.addRow(self.tr("&Starting tier"), self.base_tier)
        form.addRow(self.tr("Tier &window"), self.window)
        form.addRow(self.tr("Points &expire after"), self.expiry)
        return self._table_page(form, self.tr("Tiers, from the first to the highest:"),
                                self.tiers, (self.tr("Add tier"), self.tr("Remove tier")),
                                lambda: self._add_tier(Tier("", 0), edit=True))

    def _months(self, spin: QSpinBox) -> QSpinBox:
        """" month" / " months" after the number, as the value says."""
        def suffix(n: int) -> None:
            spin.setSuffix(self.tr(" month(s)", "", n))

        suffix(spin.value())
        spin.valueChanged.connect(suffix)
        return spin

    def _rewards_page(self) -> QWidget:
        self.rewards = _editable_table([self.tr("Reward"), self.tr("Points"), self.tr("Offered"),
                                        self.tr("Name in Spanish")],
                                       self.tr("Rewards catalogue"))
        for reward in loyalty_programme.rewards():
            self._add_reward(reward)
        return self._table_page(
            None, self.tr("Rewards clients can choose. Untick “Offered” to withdraw one; "
                          "statements and the history keep its name."), self.rewards,
            (self.tr("Add reward"), self.tr("Remove reward")),
            lambda: self._add_reward(RewardInfo(0, "", 100, True), edit=True))

    def _table_page(self, form: QFormLayout | None, intro: str, table: QTableWidget,
                    texts: tuple[str, str], add_row: Callable[[], None]) -> QWidget:
        """A settings page: optional fields, then an editable table with Add / Remove."""
        add, remove = QPushButton(texts[0]), QPushButton(texts[1])
        add.clicked.connect(add_row)
        remove.clicked.connect(lambda: self._remove_row(table))
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        page = QWidget()
        layout = QVBoxLayout(page)
        if form is not None:
            layout.addLayout(form)
        label = QLabel(intro)
        label.setWordWrap(True)
        layout.addWidget(label)
        layout.addWidget(table, 1)
        layout.addLayout(buttons)
        return page

    def _letterhead_page(self) -> QWidget:
        biz = business.load()
        self.logo: bytes | None = biz.logo
        self.business_name = QLineEdit(biz.name)
        self.business_name.setAccessibleName(self.tr("Business name"))
        self.business_address = QPlainTextEdit(biz.address)
        self.business_address.setAccessibleName(self.tr("Business address"))
        self.business_address.setTabChangesFocus(True)
        self.business_address.setPlaceholderText(self.tr("Street\nPostcode and city\n"
                                                         "Phone · e-mail"))
        self.logo_preview = QLabel()
        self.logo_preview.setFixedSize(96, 96)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setAccessibleName(self.tr("Logo"))
        choose = QPushButton(self.tr("Choose logo…"))
        reset = QPushButton(self.tr("Use the default logo"))
        choose.clicked.connect(self._choose_logo)
        reset.clicked.connect(lambda: self.set_logo(None))
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_preview)
        logo_row.addWidget(choose)
        logo_row.addWidget(reset)
        logo_row.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Business &name"), self.business_name)
        form.addRow(self.tr("&Address"), self.business_address)
        form.addRow(self.tr("Logo"), logo_row)
        page = QWidget()
        page.setLayout(form)
        self.set_logo(self.logo)
        return page

    # --- rows -----------------------------------------------------------------------------
    def _add_tier(self, tier: Tier, edit: bool = False) -> None:
        row = self.tiers.rowCount()
        self.tiers.insertRow(row)
        self.tiers.setItem(row, 0, QTableWidgetItem(tier.name))
        self.tiers.setCellWidget(row, 1, _spin(1, loyalty_programme.MAX_POINTS,
                                               tier.threshold or 1, self.tr("Points needed")))
        if edit:
            self.tiers.setCurrentCell(row, 0)
            self.tiers.editItem(self.tiers.item(row, 0))

    def _add_reward(self, reward: RewardInfo, edit: bool = False) -> None:
        row = self.rewards.rowCount()
        self.rewards.insertRow(row)
        item = QTableWidgetItem(reward.name)
        item.setData(Qt.ItemDataRole.UserRole, reward.id)
        self.rewards.setItem(row, 0, item)
        self.rewards.setCellWidget(row, 1, _spin(1, loyalty_programme.MAX_POINTS,
                                                 reward.points_cost, self.tr("Points")))
        offered = QTableWidgetItem()
        offered.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled
                         | Qt.ItemFlag.ItemIsSelectable)
        offered.setCheckState(Qt.CheckState.Checked if reward.active
                              else Qt.CheckState.Unchecked)
        self.rewards.setItem(row, 2, offered)
        spanish = QTableWidgetItem(reward.name_es)
        spanish.setToolTip(self.tr("What Spanish-speaking clients read on statements (empty: "
                                   "the name)"))
        self.rewards.setItem(row, 3, spanish)
        if edit:
            self.rewards.setCurrentCell(row, 0)
            self.rewards.editItem(item)

    @staticmethod
    def _remove_row(table: QTableWidget) -> None:
        row = table.currentRow()
        if row >= 0:
            table.removeRow(row)

    def choose_logo_file(self) -> Path | None:
        """Ask for an image file (tests replace this)."""
        return file_dialogs.open_file(self, self.tr("Choose a logo"), Path.home(),
                                      self.tr("Images (*.png *.jpg *.jpeg)"))

    def _choose_logo(self) -> None:
        path = self.choose_logo_file()
        if path is None:
            return
        try:
            self.set_logo(business.read_logo(path))
        except InvalidValue as exc:
            self.error.show_message(str(exc))

    def set_logo(self, data: bytes | None) -> None:
        self.logo = data
        pixmap = QPixmap()
        pixmap.loadFromData(data or business.default_logo())
        self.logo_preview.setPixmap(pixmap.scaled(
            92, 92, Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation))
        self.logo_preview.setToolTip(self.tr("Your logo") if data else self.tr("The default logo"))

    # --- saving ---------------------------------------------------------------------------
    def programme(self) -> Programme:
        tiers = []
        for row in range(self.tiers.rowCount()):
            item, spin = self.tiers.item(row, 0), self.tiers.cellWidget(row, 1)
            assert isinstance(spin, QSpinBox)
            tiers.append(Tier(item.text() if item else "", spin.value()))
        return Programme(currency=self.currency.currentText(),
                         points_per_unit=loyalty_programme.parse_points_per_unit(
                             self.rate.text()),
                         base_tier=self.base_tier.text(), tiers=tiers,
                         tier_window_months=self.window.value(),
                         expiry_months=self.expiry.value())

    def reward_rows(self) -> list[RewardInfo]:
        items = []
        for row in range(self.rewards.rowCount()):
            item, spin = self.rewards.item(row, 0), self.rewards.cellWidget(row, 1)
            offered = self.rewards.item(row, 2)
            assert isinstance(spin, QSpinBox) and item is not None
            spanish = self.rewards.item(row, 3)
            items.append(RewardInfo(int(item.data(Qt.ItemDataRole.UserRole) or 0), item.text(),
                                    spin.value(),
                                    offered is not None
                                    and offered.checkState() == Qt.CheckState.Checked,
                                    spanish.text() if spanish is not None else ""))
        return items

    def save(self) -> None:
        try:
            with db.atomic():  # all three pages, or nothing
                loyalty_programme.save_programme(self.programme())
                loyalty_programme.save_rewards(self.reward_rows())
                business.save(business.Business(self.business_name.text(),
                                                self.business_address.toPlainText(),
                                                self.logo))
        except (LoyaltyError, InvalidValue) as exc:
            self.error.show_message(str(exc))
            return
        self.accept()
