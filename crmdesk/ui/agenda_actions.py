"""The Agenda page of the main window, and rescheduling by drag (undoable)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QTreeWidgetItem, QWidget

from crmdesk.i18n import Translatable
from crmdesk.services import access, interactions, schedule
from crmdesk.store.db import DB_ERRORS, describe_error
from crmdesk.ui import icons, undo, when
from crmdesk.ui.views.agenda_view import AgendaView


class _Plurals(Translatable):
    """The texts with a count (lupdate files Qt plurals only from a class's self.tr)."""

    def follow_ups(self, n: int) -> str:
        return self.tr("%n follow-up(s)", "", n)


def install(window) -> None:  # type: ignore[no-untyped-def]
    """The Agenda's navigation entry now; its page (and what it does) with the window's other
    pages, right after the first paint (window.when_pages_built)."""
    # An empty widget holds the page's place in the stack (so the navigation entry has its
    # index) until _build puts the real Agenda there, right after the first paint.
    stand_in = QWidget()
    index = window.pages.addWidget(stand_in)
    item = QTreeWidgetItem([QCoreApplication.translate("AgendaActions", "Agenda")])
    item.setData(0, icons.NAV_KEY_ROLE, "Agenda")
    item.setData(0, Qt.ItemDataRole.UserRole, ("page", index))
    item.setToolTip(0, QCoreApplication.translate("AgendaActions", "Today, tomorrow, this week, "
                                                                   "next week, a month: drag to "
                                                                   "reschedule"))
    window.nav.insertTopLevelItem(window.nav.indexOfTopLevelItem(window.nav_today) + 1, item)
    window.nav_agenda = item
    # My day's scope where the person left it (My day is the first page: before the paint)
    today = window.today
    today.scope.blockSignals(True)
    today.set_scope(str(window.qsettings.value("myday/scope", "mine")))
    today.scope.blockSignals(False)
    today.scope_changed.connect(lambda scope: window.qsettings.setValue("myday/scope", scope))
    window.when_pages_built(lambda: _build(window, index, item))


def _build(window, index: int, item: QTreeWidgetItem) -> AgendaView:  # type: ignore[no-untyped-def]
    view = AgendaView()
    view.person = window.current_user
    stand_in = window.pages.widget(index)
    window.pages.insertWidget(index, view)
    window.pages.removeWidget(stand_in)
    stand_in.deleteLater()

    def on_page(current: QTreeWidgetItem | None, _previous: object = None) -> None:
        if current is item and view.stale:
            view.reload()

    def changed(_ids: list[int]) -> None:
        if window.pages.currentWidget() is view:
            view.reload()
        else:
            view.stale = True

    def reschedule(ids: list[int], day: dt.date) -> None:
        moves: list[tuple[int, dt.datetime, dt.datetime, int, str]] = []
        try:
            for fid in ids:
                follow = interactions.load_follow_up(fid)
                new = schedule.moved_to(follow.due_at, day)
                old = schedule.reschedule(fid, new)
                if old != new:
                    moves.append((fid, old, new, follow.customer_id, follow.what))
        except (LookupError, ValueError, access.AccessDenied, *DB_ERRORS) as exc:
            for fid, old, _new, _cid, _what in reversed(moves):  # all or nothing
                schedule.reschedule(fid, old)
            window.show_error(describe_error(exc, window.book.path)
                              if isinstance(exc, DB_ERRORS) else str(exc))
            view.reload()
            return
        if not moves:
            return
        cids = sorted({m[3] for m in moves})

        def apply(which: int) -> undo.Action:
            def action() -> list[int]:
                for move in moves:
                    schedule.reschedule(move[0], move[which])
                return cids
            return action

        what = f"“{moves[0][4]}”" if len(moves) == 1 else _Plurals().follow_ups(len(moves))
        window.undo_stack.push(undo.ServiceCommand(
            QCoreApplication.translate("AgendaActions", "Reschedule {what}")
            .format(what=what), apply(2), apply(1), window.hub.interactions_changed.emit,
            window._command_failed))
        window.hub.interactions_changed.emit(cids)
        window.statusBar().showMessage(
            QCoreApplication.translate(
                "AgendaActions", "Moved {what} to {day}. Ctrl+Z to undo."
            ).format(what=what, day=when.short_day(day)),
            6000,
        )

    # Where the person left it: the range and whose agenda (window state, QSettings).
    # (without reading the agenda: that waits until the page is first shown, it is stale)
    for combo in (view.range, view.scope):
        combo.blockSignals(True)
    view.set_range(str(window.qsettings.value("agenda/range", "week")))
    view.scope.setCurrentIndex(
        max(0, view.scope.findData(str(window.qsettings.value("agenda/scope", "mine"))))
    )
    for combo in (view.range, view.scope):
        combo.blockSignals(False)
    view.range.currentIndexChanged.connect(
        lambda: window.qsettings.setValue("agenda/range", view.range.currentData())
    )
    view.scope.currentIndexChanged.connect(
        lambda: window.qsettings.setValue("agenda/scope", view.scope.currentData())
    )
    view.open_customer.connect(window.show_customer)
    view.reschedule_requested.connect(reschedule)
    window.hub.interactions_changed.connect(changed)
    window.nav.currentItemChanged.connect(on_page)
    window.agenda = view
    window.reschedule = reschedule
    if window.nav.currentItem() is item:  # built on the way to it
        view.reload()
    return view
