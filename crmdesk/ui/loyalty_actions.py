"""Purchases, points, rewards, loyalty statements and the programme's settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMessageBox

from crmdesk import i18n
from crmdesk.i18n import Translatable
from crmdesk.services import access, catalog, loyalty_ledger
from crmdesk.services.periods import Period
from crmdesk.store.db import DB_ERRORS, describe_error
from crmdesk.ui import file_dialogs, labels, undo

# The dialogs are imported where they are opened: the window starts faster without them.

_STAGE_ORDER = [key for key, _ in catalog.STAGES]


class LoyaltyActions(Translatable):
    """Purchases, points, rewards, loyalty statements and the programme's settings.

    Part of MainWindow, which provides the widgets and helpers used here.
    """

    def _loyalty_customer(self) -> tuple[int, str] | None:
        chosen = self._selected_customer()
        if chosen is not None and self.profile.is_new:
            self.statusBar().showMessage(self.tr("Save the new customer first."), 4000)
            return None
        return chosen

    def record_purchase(self) -> None:
        chosen = self._loyalty_customer()
        if chosen is None:
            return
        cid, name = chosen
        from crmdesk.ui.dialogs.loyalty_dialogs import PurchaseDialog

        dialog = PurchaseDialog(cid, name, self.current_user(), self)
        self.last_dialog = dialog
        if not self.run_dialog(dialog) or dialog.outcome is None:
            return
        result = dialog.outcome
        request = dialog.request()
        state = {"purchase": result.purchase_id}

        def again() -> list[int]:
            state["purchase"] = loyalty_ledger.record_purchase(cid, **request).purchase_id
            return [cid]

        def take_back() -> list[int]:
            loyalty_ledger.reverse_purchase(state["purchase"], "Recorded by mistake (undone)",
                                            self.current_user())
            return [cid]

        money = i18n.money(request["amount_cents"], request["currency"].upper())
        self._push_ledger(self.tr("Purchase {money} for {name}").format(money=money, name=name),
                          again, take_back)
        self.hub.loyalty_changed.emit([cid])
        self.statusBar().showMessage(
            self.tr("Purchase recorded for {name}: +%n point(s). Ctrl+Z to undo.", "",
                    result.points).format(name=name), 5000)
        self._suggest_conversion(cid, name, result.first_purchase, result.stage)

    def _push_ledger(self, text: str, do: undo.Action, revert: undo.Action) -> None:
        """Undo and redo of ledger writes are new, correcting entries: the ledger itself is
        never edited, and the client's statement shows both."""
        self.undo_stack.push(undo.ServiceCommand(text, do, revert, self.hub.loyalty_changed.emit,
                                                 self._command_failed))

    def _suggest_conversion(self, cid: int, name: str, first: bool, stage: str) -> None:
        """A first purchase is what Conversion means: offer the move (undoable)."""
        if not first or stage not in ("knowledge", "acquisition"):
            return
        if self.ask_conversion(name) == QMessageBox.StandardButton.Yes:
            self.move_customers([cid], "conversion", "First purchase")

    def ask_conversion(self, name: str) -> QMessageBox.StandardButton:
        """Yes / No: move a customer to Conversion after their first purchase (tests
        replace this)."""
        from crmdesk.services import lifecycle

        label = labels.label(lifecycle.stage_label("conversion"))
        return QMessageBox.question(
            self,
            self.tr("First purchase"),
            self.tr("This is {name}'s first purchase. Move them to {label}?").format(
                name=name, label=label
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )

    def redeem_points(self) -> None:
        chosen = self._loyalty_customer()
        if chosen is None:
            return
        cid, name = chosen
        from crmdesk.ui.dialogs.loyalty_dialogs import RedeemDialog

        dialog = RedeemDialog(cid, name, loyalty_ledger.balance(cid), self.current_user(), self)
        self.last_dialog = dialog
        if not self.run_dialog(dialog):
            return
        points, reward = dialog.redeemed
        what = f"“{reward}”" if reward else self.tr("%n point(s)", "", points)

        def again() -> list[int]:
            loyalty_ledger.redeem(cid, points, reward, self.current_user())
            return [cid]

        def give_back() -> list[int]:
            loyalty_ledger.adjust(cid, points, f"Redemption of {what} undone", self.current_user())
            return [cid]

        self._push_ledger(self.tr("Redeem {what} for {name}").format(what=what, name=name),
                          again, give_back)
        self.hub.loyalty_changed.emit([cid])
        self.statusBar().showMessage(
            self.tr("Redeemed {what} for {name}. Ctrl+Z to undo.").format(what=what, name=name),
            5000,
        )

    def adjust_points(self) -> None:
        chosen = self._loyalty_customer()
        if chosen is None:
            return
        cid, name = chosen
        from crmdesk.ui.dialogs.loyalty_dialogs import PointsDialog

        dialog = PointsDialog(cid, name, loyalty_ledger.balance(cid), self.current_user(), self)
        self.last_dialog = dialog
        if not self.run_dialog(dialog):
            return
        points, reason = dialog.points.value(), dialog.reason.text()
        bonus = dialog.bonus.isChecked()
        kind = self.tr("Bonus") if bonus else self.tr("Adjustment")

        def again() -> list[int]:
            if bonus:
                loyalty_ledger.add_bonus(cid, points, reason, self.current_user())
            else:
                loyalty_ledger.adjust(cid, points, reason, self.current_user())
            return [cid]

        def counter() -> list[int]:
            loyalty_ledger.adjust(cid, -points, f"{kind} undone: {reason}", self.current_user())
            return [cid]

        self._push_ledger(self.tr("{kind} of {points} points for {name}").format(
            kind=kind, points=f"{points:+,}", name=name), again, counter)
        self.hub.loyalty_changed.emit([cid])
        self.statusBar().showMessage(
            self.tr("{kind} of {points:+,} points for {name}. Ctrl+Z to undo.").format(
                kind=kind, points=points, name=name
            ),
            5000,
        )

    def reverse_purchase(self, purchase_id: int) -> None:
        cid = self.loyalty.customer_id
        if cid is None:
            return
        line = next((p for p in loyalty_ledger.purchases(cid) if p.id == purchase_id), None)
        if line is None:
            return
        from crmdesk.ui.dialogs.loyalty_dialogs import ReverseDialog

        dialog = ReverseDialog(line, self.current_user(), self)
        self.last_dialog = dialog
        if self.run_dialog(dialog) and dialog.outcome is not None:
            self.hub.loyalty_changed.emit([cid])
            self.statusBar().showMessage(
                self.tr("Purchase reversed: %n point(s) taken back.", "",
                        -dialog.outcome.points),
                5000,
            )

    # --- statements -----------------------------------------------------------------------
    def statements_dir(self) -> Path:
        saved = str(self.qsettings.value("statements/dir", ""))
        if saved and Path(saved).is_dir():
            return Path(saved)
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(docs or Path.home()) / "crmdesk statements"

    def ask_statement_path(self, suggested: Path) -> Path | None:
        """Where to save one statement (tests replace this)."""
        return file_dialogs.save_file(
            self, self.tr("Save loyalty statement"), suggested, self.tr("PDF (*.pdf)")
        )

    def open_document(self, path: Path) -> None:
        """Open a written PDF or folder in the desktop's viewer (tests replace this)."""
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def customer_statement(self) -> None:
        chosen = self._loyalty_customer()
        if chosen is None:
            return
        cid, name = chosen
        from crmdesk.ui.dialogs.statement_dialogs import StatementDialog

        dialog = StatementDialog(name, self)
        self.last_dialog = dialog
        if not self.run_dialog(dialog) or dialog.chosen is None:
            return
        self.write_statement(cid, dialog.chosen)

    def write_statement(self, cid: int, period: Period) -> Path | None:
        from crmdesk.reports import statement_batch  # ReportLab: ~150 ms, only when used

        folder = self.statements_dir()
        target = self.ask_statement_path(folder / statement_batch.statement_name(cid, period))
        if target is None:
            return None
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            loyalty_ledger.expire_due(customer_ids=[cid])
            statement_batch.write_one(cid, period, target)
        except access.AccessDenied as exc:
            self.show_error(str(exc))
            return None
        except OSError as exc:
            self.show_error(
                self.tr("Could not write {target}: {value}").format(
                    target=target, value=exc.strerror or exc
                )
            )
            return None
        except DB_ERRORS as exc:
            self.show_error(describe_error(exc, self.book.path))
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.qsettings.setValue("statements/dir", str(target.parent))
        self.statusBar().showMessage(
            self.tr("Statement saved: {target}").format(target=target), 6000
        )
        self.open_document(target)
        return target

    def batch_statements(self) -> None:
        from crmdesk.ui.dialogs.statement_dialogs import BatchStatementsDialog

        model = self.customers.model
        dialog = BatchStatementsDialog(
            self.customers.current_filter(), model.rowCount(), self.statements_dir(), self
        )
        dialog.finished_batch.connect(
            lambda result: self.statusBar().showMessage(
                self.tr("%n statement(s) written to {where}", "", result.written).format(
                    where=result.where),
                8000,
            )
        )
        self.last_dialog = dialog
        self.run_dialog(dialog)

    def edit_loyalty_programme(self) -> None:
        from crmdesk.ui.dialogs.loyalty_settings import LoyaltyProgrammeDialog

        dialog = LoyaltyProgrammeDialog(self)
        self.last_dialog = dialog
        if self.run_dialog(dialog):
            self.hub.programme_changed.emit()
            self.statusBar().showMessage(self.tr("Loyalty programme saved."), 4000)

    # --- keeping views in step ------------------------------------------------------------
    def _loyalty_changed(self, ids: list[int]) -> None:
        if self.loyalty.customer_id is not None and (not ids or self.loyalty.customer_id in ids):
            self.loyalty.reload()
        self.customers.model.refresh(ids)
        if self._on(self.board):
            self.board.reload()

    def _programme_changed(self) -> None:
        self.customers.model.programme_changed()
        self.loyalty.reload()
        if self._on(self.board):
            self.board.reload()

    def run_expiry(self) -> None:
        """Points whose time ran out since the last run (cheap: incremental)."""
        try:
            count = loyalty_ledger.expire_due()
        except DB_ERRORS as exc:
            self.statusBar().showMessage(describe_error(exc, self.book.path), 8000)
            return
        if count:
            self.hub.loyalty_changed.emit([])
            self.statusBar().showMessage(
                self.tr("Points expired for %n customer(s).", "", count),
                6000,
            )
