"""Interactions, follow-ups, quick capture, staff and the current user."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
)

from crmdesk.i18n import Translatable
from crmdesk.services import (
    access,
    agenda,
    audit,
    customers,
    interactions,
    staff,
)
from crmdesk.services.interactions import InteractionData
from crmdesk.store.db import DB_ERRORS
from crmdesk.store.models import utcnow
from crmdesk.ui import file_dialogs, labels, undo


class ContactActions(Translatable):
    """Interactions, follow-ups, quick capture, staff and the current user.

    Part of MainWindow, which provides the widgets and helpers used here.
    """

    # --- contacts: interactions, follow-ups, quick capture --------------------------------
    def current_user(self) -> int | None:
        value = self.user_combo.currentData()
        return int(value) if value is not None else None

    def _refresh_users(self) -> None:
        me = access.current()
        if me.signed_in:  # the person who signed in, and nobody else
            self.user_combo.blockSignals(True)
            self.user_combo.clear()
            self.user_combo.addItem(me.name, me.staff_id)
            self.user_combo.setEnabled(False)
            self.user_combo.setToolTip(
                self.tr(
                    "Signed in as {name} ({value}); File ▸ Sign In as Someone Else… to hand over"
                ).format(
                    name=me.name,
                    value=labels.label(access.ROLE_LABELS.get(me.role, me.role)).lower(),
                )
            )
            self.user_combo.blockSignals(False)
            return
        self.user_combo.setEnabled(True)
        self.user_combo.setToolTip(self.tr("Who is using crmdesk: interactions you log are yours"))
        wanted = str(self.qsettings.value("user/current", ""))
        self.user_combo.blockSignals(True)
        self.user_combo.clear()
        self.user_combo.addItem(self.tr("(choose)"), None)
        for member in staff.list_staff():
            self.user_combo.addItem(member.name, member.id)
        self.user_combo.setCurrentIndex(max(0, self.user_combo.findText(wanted)))
        self.user_combo.blockSignals(False)
        audit.set_actor(
            self.user_combo.currentText() if self.user_combo.currentData() is not None else None
        )

    def _user_changed(self) -> None:
        audit.set_actor(
            self.user_combo.currentText() if self.user_combo.currentData() is not None else None
        )
        if self.user_combo.currentData() is not None:
            self.qsettings.setValue("user/current", self.user_combo.currentText())
            self.statusBar().showMessage(
                self.tr("Working as {value}").format(value=self.user_combo.currentText()), 3000
            )
        self.today.reload()  # My day follows who works
        self.customers.follow_me()
        self.reminder_center.start(self.current_user())
        self._update_nav_counts()

    def show_customer(self, cid: int) -> None:
        """Go to the customer list with `cid` selected and its profile shown."""
        self.nav.setCurrentItem(self.nav_customers)
        if not self.customers.select_id(cid):
            self.customers.search.clear()
            self.customers.select_id(cid)
        if self.profile.customer_id != cid and self.maybe_discard():
            self._show_customer(cid)

    def _selected_customer(self) -> tuple[int, str] | None:
        cid = self.profile.customer_id
        if cid is None:
            self.statusBar().showMessage(self.tr("Select a customer first."), 4000)
            return None
        return cid, self.profile.current_data().display_name

    def log_interaction(self) -> None:
        chosen = self._selected_customer()
        if chosen is not None:
            self._log_dialog(chosen[0], chosen[1])

    def log_call(self, cid: int) -> None:
        data = customers.load(cid)
        self._log_dialog(cid, data.display_name, channel="phone", direction="out")

    def _log_dialog(
        self,
        cid: int,
        name: str,
        existing: InteractionData | None = None,
        channel: str = "phone",
        direction: str = "out",
    ) -> None:
        from crmdesk.ui.dialogs.interaction_dialogs import LogInteractionDialog

        dialog = LogInteractionDialog(
            cid, name, self.current_user(), existing, channel, direction, self
        )
        self.last_dialog = dialog
        if self.run_dialog(dialog):
            self.hub.interactions_changed.emit([cid])
            self.statusBar().showMessage(self.tr("Logged for {name}").format(name=name), 4000)

    def edit_interaction(self, iid: int) -> None:
        existing = interactions.load(iid)
        name = customers.load(existing.customer_id).display_name
        self._log_dialog(existing.customer_id, name, existing)

    def add_follow_up(self) -> None:
        from crmdesk.ui.dialogs.interaction_dialogs import FollowUpDialog

        chosen = self._selected_customer()
        if chosen is None:
            return
        dialog = FollowUpDialog(chosen[0], chosen[1], self.current_user(), self)
        self.last_dialog = dialog
        if self.run_dialog(dialog):
            self.hub.interactions_changed.emit([chosen[0]])
            self.statusBar().showMessage(
                self.tr("Follow-up added for {value}").format(value=chosen[1]), 4000
            )

    def follow_up_done(self, fid: int) -> None:
        try:
            current = interactions.load_follow_up(fid)
            if current.status != "open":  # a second click, another window, a reminder
                self.statusBar().showMessage(
                    self.tr("Already {status}: {what}").format(
                        status=current.status, what=current.what
                    ),
                    5000,
                )
                self.hub.interactions_changed.emit([current.customer_id])
                return
            before = interactions.set_follow_up_status(fid, "done")
        except (LookupError, *DB_ERRORS) as exc:
            self.show_error(str(exc))
            self.today.reload()  # the row taken off at once comes back
            return
        follow = interactions.load_follow_up(fid)

        def set_status(status: str) -> undo.Action:
            def action() -> list[int]:
                interactions.set_follow_up_status(fid, status)
                return [follow.customer_id]

            return action

        self.undo_stack.push(
            undo.ServiceCommand(
                self.tr("Mark “{what}” done").format(what=follow.what),
                set_status("done"),
                set_status(before),
                self.hub.interactions_changed.emit,
                self._command_failed,
            )
        )
        self.hub.interactions_changed.emit([follow.customer_id])
        self.statusBar().showMessage(
            self.tr("Done: {what}. Ctrl+Z to undo.").format(what=follow.what), 5000
        )

    def quick_capture(self) -> None:
        from crmdesk.ui.dialogs.quick_capture import QuickCaptureDialog

        dialog = QuickCaptureDialog(self.current_user(), self.region, self)
        self.last_dialog = dialog
        if self.run_dialog(dialog) and dialog.result_ids is not None:
            cid = dialog.result_ids[0]
            self.hub.customers_changed.emit([cid])
            self.hub.interactions_changed.emit([cid])
            self.statusBar().showMessage(self.tr("Contact logged."), 4000)

    def run_dialog(self, dialog: QDialog) -> bool:
        """Show a dialog modally; True when it was accepted (tests drive it instead)."""
        from crmdesk.ui import screen_fit

        screen_fit.prepare(dialog)  # long labels wrap; no larger than the screen
        return dialog.exec() == QDialog.DialogCode.Accepted

    def _interactions_changed(self, ids: list[int]) -> None:
        self.today.reload()
        self.interaction_log.stale = True
        if self._on(self.interaction_log):
            self.interaction_log.reload()
        if self._on(self.board):
            self.board.reload()
        if self.timeline.model.customer_id in ids:
            self.timeline.reload()
        self._update_nav_counts()

    def export_ics(self) -> None:
        name = file_dialogs.save_file(
            self,
            self.tr("Export follow-ups to your calendar"),
            Path.home() / "follow-ups.ics",
            self.tr("iCalendar (*.ics)"),
        )
        if name is None:
            return
        from crmdesk.services.calendar_export import write_ics  # icalendar: ~90 ms

        now = utcnow()
        items = agenda.open_follow_ups(agenda.end_of_local_day(now, 90), now)
        try:
            write_ics(items, Path(name), self.book.path.stem)
        except access.AccessDenied as exc:
            self.show_error(str(exc))
            return
        except OSError as exc:
            self.show_error(
                str(exc)
                if getattr(exc, "plain_message", False)
                else self.tr("Could not write {name}: {value}").format(
                    name=name, value=exc.strerror or exc
                )
            )
            return
        self.statusBar().showMessage(
            self.tr("%n follow-up(s) exported to {name}", "", len(items)).format(name=name), 5000
        )

    def manage_staff(self) -> None:
        from crmdesk.ui.dialogs.settings_dialogs import StaffDialog

        dialog = StaffDialog(self)
        self.last_dialog = dialog
        accepted = self.run_dialog(dialog)
        if access.accounts_exist() and not access.current().signed_in:
            # The first password was just given: from now on the book asks who works.
            if self.ask_sign_in(self.tr("The book now has staff accounts. Sign in to go on:")):
                self.after_sign_in()
        elif not access.accounts_exist() and access.current().signed_in:
            access.sign_out()
            self.after_sign_in()
        if accepted:
            self._refresh_users()
            choices = customers.choices()
            self.customers.refresh_choices(choices)
            self.profile.set_choices(choices.segments, choices.owners)
            self.interaction_log.refresh_staff()

    def edit_cadence(self) -> None:
        from crmdesk.ui.dialogs.settings_dialogs import CadenceDialog

        if self.run_dialog(CadenceDialog(self)):
            self.today.reload()
            self._update_nav_counts()

    last_dialog: QDialog | None = None
