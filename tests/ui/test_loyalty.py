"""The Loyalty tab, its dialogs, statements and the programme settings, driven through the
real widgets; each test checks what the window shows and what the book holds."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QSpinBox

from crmdesk.services import loyalty_ledger, loyalty_programme
from crmdesk.services.loyalty_programme import RewardInfo
from crmdesk.store.db import db
from crmdesk.ui.main_window import MainWindow
from crmdesk.ui.models.customer_table import COLUMNS
from tests.conftest import add

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _save(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    button = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _entries(cid: int) -> list[tuple[str, int]]:
    return db.execute_sql("SELECT kind, points FROM points_entry WHERE customer_id = ? "
                          "ORDER BY id", (cid,)).fetchall()


def _open_loyalty(qtbot, make_window, cid: int):  # type: ignore[no-untyped-def]
    window = make_window()
    window.show_customer(cid)
    qtbot.mouseClick(window.detail_tabs.tabBar(), Qt.MouseButton.LeftButton,
                     pos=window.detail_tabs.tabBar().tabRect(
                         window.detail_tabs.indexOf(window.loyalty)).center())
    assert window.detail_tabs.currentWidget() is window.loyalty
    return window


def test_record_a_purchase_with_keys_then_move_to_conversion(  # type: ignore[no-untyped-def]
        qtbot, book, make_window, drive, monkeypatch) -> None:
    cid = add("Dolores", "Peña", preferred_name="Lola", stage="acquisition")
    window = _open_loyalty(qtbot, make_window, cid)
    assert window.loyalty.balance.text() == "0"
    asked: list[str] = []
    monkeypatch.setattr(MainWindow, "ask_conversion",
                        lambda self, name: asked.append(name) or QMessageBox.StandardButton.Yes)

    def typo_then_amount(dialog) -> None:  # type: ignore[no-untyped-def]
        qtbot.keyClicks(dialog.amount, "12.505")
        assert dialog.error.isVisible() and "two decimals" in dialog.error.text()
        _save(qtbot, dialog)
        assert dialog.isVisible()  # refused: nothing written
        assert _entries(cid) == []
        dialog.amount.clear()
        qtbot.keyClicks(dialog.amount, "125.50")
        assert dialog.hint.text() == "$125.50 earns 125 points."
        qtbot.keyClicks(dialog.description, 'Watch <b>strap</b> & "case"')
        qtbot.keyClick(dialog.description, Qt.Key.Key_Return)

    drive.append(typo_then_amount)
    qtbot.keyClick(window.customers.table, Qt.Key.Key_B, CTRL_SHIFT)
    assert _entries(cid) == [("earn", 125)]
    assert db.execute_sql("SELECT amount_cents, currency, description FROM purchase"
                          ).fetchall() == [(125_50, "USD", 'Watch <b>strap</b> & "case"')]
    assert window.loyalty.balance.text() == "125"
    assert window.loyalty.ledger_model.rows[0][2] == 'Purchase $125.50 · Watch <b>strap</b> ' \
        '& "case"'
    # The first purchase proposed Conversion; accepting moved the customer (undoable).
    assert asked == ["Dolores Peña"]
    assert db.execute_sql("SELECT stage FROM customer WHERE id = ?", (cid,)).fetchone() == \
        ("conversion",)
    # The list shows the points and the lifetime value.
    model = window.customers.model
    row = model.row_of(cid)
    points_col = [c[0] for c in COLUMNS].index("Points")
    value_col = [c[0] for c in COLUMNS].index("Lifetime value")
    assert model.index(row, points_col).data() == "125"
    assert model.index(row, value_col).data() == "$125.50"
    recent_col = [c[0] for c in COLUMNS].index("Last 12 months")
    assert model.index(row, recent_col).data() == "$125.50"


def test_redeem_refused_when_short_then_spent_on_a_reward(  # type: ignore[no-untyped-def]
        qtbot, book, make_window, drive) -> None:
    cid = add("Ben", "Carter")
    loyalty_programme.save_rewards([RewardInfo(0, "Coffee", 100, True),
                                    RewardInfo(0, "Spa day", 8_000, True)])
    loyalty_ledger.record_purchase(cid, 150_00)
    window = _open_loyalty(qtbot, make_window, cid)

    def too_much(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.reward.setCurrentIndex(1)  # Spa day, 8,000
        assert "not enough points" in dialog.reward.currentText()
        assert "7,850 points short" in dialog.error.text()
        _save(qtbot, dialog)
        assert dialog.isVisible() and "needs 8,000 (7,850 short)" in dialog.error.text()
        dialog.reject()

    def coffee(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.reward.setCurrentIndex(0)
        assert dialog.hint.text() == "50 points will be left."
        _save(qtbot, dialog)

    drive.extend([too_much, coffee])
    qtbot.mouseClick(window.loyalty.redeem_button, Qt.MouseButton.LeftButton)
    assert _entries(cid) == [("earn", 150)]
    qtbot.mouseClick(window.loyalty.redeem_button, Qt.MouseButton.LeftButton)
    assert _entries(cid) == [("earn", 150), ("redeem", -100)]
    assert window.loyalty.balance.text() == "50"
    assert window.loyalty.ledger_model.rows[0][1:] == ["Redeemed", "Reward: Coffee", "-100", "50"]


def test_adjust_needs_a_reason_and_reverse_a_purchase(  # type: ignore[no-untyped-def]
        qtbot, book, make_window, drive) -> None:
    cid = add("Eve", "Okafor")
    loyalty_ledger.record_purchase(cid, 80_00, description="Dinner")
    window = _open_loyalty(qtbot, make_window, cid)

    def adjust(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.adjust.setChecked(True)
        dialog.points.setValue(-30)
        _save(qtbot, dialog)
        assert dialog.isVisible() and "reason" in dialog.error.text()
        qtbot.keyClicks(dialog.reason, "Voucher counted twice")
        assert dialog.hint.text() == "New balance: 50 points."
        _save(qtbot, dialog)

    drive.append(adjust)
    qtbot.mouseClick(window.loyalty.points_button, Qt.MouseButton.LeftButton)
    assert _entries(cid) == [("earn", 80), ("adjust", -30)]

    window.loyalty.lists.setCurrentIndex(1)
    view = window.loyalty.purchases
    assert not window.loyalty.reverse_button.isEnabled()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(window.loyalty.purchase_model.index(0, 2)).center())
    assert window.loyalty.reverse_button.isEnabled()

    def reverse(dialog) -> None:  # type: ignore[no-untyped-def]
        qtbot.keyClicks(dialog.reason, "Returned")
        _save(qtbot, dialog)

    drive.append(reverse)
    qtbot.mouseClick(window.loyalty.reverse_button, Qt.MouseButton.LeftButton)
    # Only the 50 unspent points could be taken back.
    assert _entries(cid) == [("earn", 80), ("adjust", -30), ("earn", -50)]
    assert [r[4] for r in window.loyalty.purchase_model.rows] == ["Reversal", "Reversed"]
    assert window.loyalty.balance.text() == "0"


def test_statement_from_the_profile_is_saved_and_opened(  # type: ignore[no-untyped-def]
        qtbot, book, make_window, drive, monkeypatch, tmp_path: Path) -> None:
    cid = add("<b>Bob", "& Co</b>", salutation="Mr")
    loyalty_ledger.record_purchase(cid, 42_00, on=dt.date.today().replace(day=1))
    window = _open_loyalty(qtbot, make_window, cid)
    opened: list[Path] = []
    monkeypatch.setattr(MainWindow, "ask_statement_path", lambda self, suggested: tmp_path
                        / suggested.name)
    monkeypatch.setattr(MainWindow, "open_document", lambda self, path: opened.append(path))

    def this_month(dialog) -> None:  # type: ignore[no-untyped-def]
        today = dt.date.today()
        dialog.picker.month.setCurrentIndex(today.month - 1)
        dialog.picker.year.setValue(today.year)
        buttons = dialog.findChild(QDialogButtonBox)
        qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Save),
                         Qt.MouseButton.LeftButton)

    drive.append(this_month)
    qtbot.keyClick(window.customers.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert len(opened) == 1 and opened[0].suffix == ".pdf"
    assert opened[0].name == f"& Co_b_ _b_Bob {cid:06d} {dt.date.today():%Y-%m}.pdf"
    text = PdfReader(opened[0]).pages[0].extract_text()
    assert "Dear Mr & Co</b>," in text and "+42" in text


def test_batch_statements_in_a_worker_with_progress(  # type: ignore[no-untyped-def]
        qtbot, book, make_window, drive, tmp_path: Path) -> None:
    for i in range(6):
        add("Batch", f"Client{i}", segment="VIP" if i % 2 else "Standard")
    window = make_window()
    window.customers.set_filter(window.customers.current_filter().__class__(segment="VIP"))
    folder = tmp_path / "statements"
    seen: dict[str, object] = {}

    def run(dialog) -> None:  # type: ignore[no-untyped-def]
        assert "(3)" in dialog.scope_list.text()
        dialog.path.setText(str(folder))
        with qtbot.waitSignal(dialog.finished_batch, timeout=20_000) as blocker:
            qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
            assert dialog.cancel_button.isEnabled()
        seen["result"] = blocker.args[0]
        assert "3 statements written" in dialog.status.text()
        assert dialog.open_button.isEnabled()
        dialog.reject()

    drive.append(run)
    window.actions["batch_statements"].trigger()
    assert seen["result"].written == 3  # type: ignore[attr-defined]
    assert len(list(folder.glob("*.pdf"))) == 3
    assert not list(folder.glob(".*"))


def test_programme_settings_dialog_saves_tiers_rewards_and_letterhead(  # type: ignore[no-untyped-def]
        qtbot, book, make_window, drive, tmp_path: Path) -> None:
    cid = add("Tia", "Tier")
    loyalty_ledger.record_purchase(cid, 600_00)
    window = make_window()
    row = window.customers.model.row_of(cid)
    tier_col = [c[0] for c in COLUMNS].index("Tier")
    assert window.customers.model.index(row, tier_col).data() == "Member"
    logo = tmp_path / "logo.png"
    logo.write_bytes((Path(__file__).resolve().parents[2] / "crmdesk" / "resources" / "logo.png")
                     .read_bytes())
    bad = tmp_path / "logo.txt"
    bad.write_text("not an image")

    def edit(dialog) -> None:  # type: ignore[no-untyped-def]
        spin = dialog.tiers.cellWidget(0, 1)
        assert isinstance(spin, QSpinBox)
        spin.setValue(500)                      # Silver from 500 points
        dialog.expiry.setValue(12)
        dialog._add_reward(RewardInfo(0, "Tea", 50, True))
        row = dialog.rewards.rowCount() - 1
        dialog.rewards.item(row, 3).setText("Té")   # its name for Spanish clients
        dialog.choose_logo_file = lambda: bad
        dialog._choose_logo()
        assert "not a PNG or JPEG" in dialog.error.text()
        dialog.choose_logo_file = lambda: logo
        dialog._choose_logo()
        dialog.business_name.setText("Casa Øster")
        _save(qtbot, dialog)

    drive.append(edit)
    window.actions["loyalty_programme"].trigger()
    prog = loyalty_programme.programme()
    assert prog.tiers[0].threshold == 500 and prog.expiry_months == 12
    assert [(r.name, r.name_es) for r in loyalty_programme.rewards()] == [("Tea", "Té")]
    assert window.customers.model.index(row, tier_col).data() == "Silver"
    from crmdesk.services import business

    assert business.load().name == "Casa Øster" and business.load().logo == logo.read_bytes()


def test_programme_settings_refuse_tiers_out_of_order(  # type: ignore[no-untyped-def]
        qtbot, book, make_window, drive) -> None:
    window = make_window()

    def edit(dialog) -> None:  # type: ignore[no-untyped-def]
        spin = dialog.tiers.cellWidget(1, 1)
        spin.setValue(100)  # Gold below Silver
        _save(qtbot, dialog)
        assert dialog.isVisible() and "rise" in dialog.error.text()
        dialog.reject()

    drive.append(edit)
    window.actions["loyalty_programme"].trigger()
    assert loyalty_programme.programme().tiers[1].threshold == 5_000


def test_cancelled_batch_keeps_finished_files_and_no_half_written_one(  # type: ignore[no-untyped-def]
        qtbot, book, make_window, drive, tmp_path: Path) -> None:
    for i in range(120):
        add("Many", f"Client{i:03d}")
    window = make_window()
    folder = tmp_path / "out"

    def run(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.path.setText(str(folder))
        with qtbot.waitSignal(dialog.progress.valueChanged, timeout=20_000):
            qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
        assert "Cancelled" in dialog.status.text()
        assert dialog.start_button.isEnabled()
        dialog.reject()

    drive.append(run)
    window.actions["batch_statements"].trigger()
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(20_000)
    written = list(folder.glob("*.pdf"))
    assert 0 < len(written) < 120
    assert not list(folder.glob(".*part"))
    for pdf in written:
        assert len(PdfReader(pdf).pages) == 1


def test_undo_and_redo_of_ledger_writes_are_correcting_entries(  # type: ignore[no-untyped-def]
        qtbot, book, make_window, drive) -> None:
    cid = add("Una", "Doe", stage="growth")
    loyalty_programme.save_rewards([RewardInfo(0, "Coffee", 20, True)])
    window = _open_loyalty(qtbot, make_window, cid)

    def buy(dialog) -> None:  # type: ignore[no-untyped-def]
        qtbot.keyClicks(dialog.amount, "30")
        _save(qtbot, dialog)

    def coffee(dialog) -> None:  # type: ignore[no-untyped-def]
        _save(qtbot, dialog)

    drive.extend([buy, coffee])
    qtbot.mouseClick(window.loyalty.purchase_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.loyalty.redeem_button, Qt.MouseButton.LeftButton)
    assert _entries(cid) == [("earn", 30), ("redeem", -20)]
    assert window.actions["undo"].text() == "&Undo Redeem “Coffee” for Una Doe"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    table = window.customers.table
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _entries(cid)[-1] == ("adjust", 20)
    assert window.loyalty.balance.text() == "30"
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _entries(cid)[-1] == ("earn", -30)  # the purchase reversed, not deleted
    assert db.execute_sql("SELECT amount_cents FROM purchase ORDER BY id").fetchall() == \
        [(30_00,), (-30_00,)]
    assert window.loyalty.balance.text() == "0"
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL_SHIFT)  # redo: bought again
    assert _entries(cid)[-1] == ("earn", 30) and loyalty_ledger.balance(cid) == 30
    assert loyalty_ledger.check_balances() == []
