"""Moving customers between lifecycle stages, suggestions, the funnel and stage settings."""

from __future__ import annotations

from typing import Any

from crmdesk.i18n import Translatable
from crmdesk.services import (
    customers,
    lifecycle,
)
from crmdesk.store.db import DB_ERRORS, describe_error
from crmdesk.ui import labels, undo


class LifecycleActions(Translatable):
    """Moving customers between lifecycle stages, suggestions, the funnel and stage settings.

    Part of MainWindow, which provides the widgets and helpers used here.
    """

    def move_customers(self, ids: list[int], stage: str, reason: str = "") -> None:
        """Move customers to another stage: one transaction, recorded, undoable."""
        try:
            moves = lifecycle.move(ids, stage, self.current_user(), reason)
        except (LookupError, ValueError, *DB_ERRORS) as exc:
            self.show_error(describe_error(exc) if isinstance(exc, DB_ERRORS) else str(exc))
            return
        if not moves:
            return
        done: dict[str, Any] = {
            "moves": moves, "pairs": [(m.customer_id, m.from_stage, m.to_stage) for m in moves]}

        def redo() -> list[int]:
            done["moves"] = lifecycle.redo_moves(done["moves"], self.current_user())
            done["pairs"] = [(m.customer_id, m.from_stage, m.to_stage) for m in done["moves"]]
            return [m.customer_id for m in done["moves"]]

        def revert() -> list[int]:
            lifecycle.undo_moves(done["moves"])
            done["pairs"] = [(m.customer_id, m.to_stage, m.from_stage) for m in done["moves"]]
            return [m.customer_id for m in done["moves"]]

        label = labels.label(lifecycle.stage_label(stage))
        what = self.tr("%n customer(s)", "", len(moves)) if len(moves) > 1 else \
            customers.load(moves[0].customer_id).display_name
        self.undo_stack.push(undo.ServiceCommand(
            self.tr("Move {what} to {label}").format(what=what, label=label), redo, revert,
            lambda _ids: self._announce_move(done["pairs"]), self._command_failed))
        self._announce_move(done["pairs"])
        if self._on(self.board):
            self.board.focus_card(moves[0].customer_id, stage)
        self.statusBar().showMessage(self.tr("Moved {what} to {label}. Ctrl+Z to undo.")
                                     .format(what=what, label=label), 5000)

    def _announce_move(self, pairs: list[tuple[int, str, str]]) -> None:
        """Moves touch few things: two board columns, the profile and timeline of the
        customer shown, and the customer list (read again when next shown)."""
        ids = [cid for cid, _a, _b in pairs]
        if self._on(self.board):
            self.board.apply_moves(pairs)
        else:
            self.board.stale = True
        if self._on(self.splitter):
            self.customers.refresh(ids)
        else:
            self.customers.stale = True
        cid = self.profile.customer_id
        if cid in ids and not self.profile.is_dirty():
            self._show_customer(cid)

    def dismiss_suggestion(self, cid: int) -> None:
        lifecycle.dismiss(cid)
        self.board.reload()
        self.statusBar().showMessage(self.tr("Suggestion dismissed until the next contact."), 4000)

    def show_funnel(self) -> None:
        from crmdesk.ui.dialogs.funnel import FunnelDialog

        self.last_dialog = FunnelDialog(self)
        self.last_dialog.show()

    def edit_stages(self) -> None:
        from crmdesk.ui.dialogs.settings_dialogs import StagesDialog

        if self.run_dialog(StagesDialog(self)):
            self.board.rebuild()
            self.profile.set_stages(labels.pairs(lifecycle.stages()))
            self.customers.set_stage_choices(labels.pairs(lifecycle.stages()))
            self.customers.model.reload()
