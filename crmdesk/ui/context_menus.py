"""Right-click menus on the customer list, the board's cards, My day's rows and the agenda:
the same actions as the menus (open, log interaction, add follow-up, write to — when the
book can write messages —, move stage, archive), through the same window methods and so the
same service rules; what the role may not do is greyed with the reason.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QMenu, QTableWidget

from crmdesk.i18n import Translatable
from crmdesk.services import customers, lifecycle
from crmdesk.ui import labels


class _Plurals(Translatable):
    """The texts with a count (lupdate files Qt plurals only from a class's self.tr)."""

    def archive(self, n: int) -> str:
        return self.tr("Archive %n customer(s)", "", n)


def _name(cid: int) -> str:
    try:
        return customers.load_visible(cid)[0].display_name
    except LookupError:
        return f"customer {cid}"


def add_follow_up_for(window, cid: int) -> None:  # type: ignore[no-untyped-def]
    from crmdesk.ui.dialogs.interaction_dialogs import FollowUpDialog

    name = _name(cid)
    dialog = FollowUpDialog(cid, name, window.current_user(), window)
    window.last_dialog = dialog
    if window.run_dialog(dialog):
        window.hub.interactions_changed.emit([cid])
        window.statusBar().showMessage(
            QCoreApplication.translate("ContextMenus", "Follow-up added for {name}").format(
                name=name
            ),
            4000,
        )


def archive(window, ids: list[int]) -> None:  # type: ignore[no-untyped-def]
    if (
        window.profile.customer_id in ids
        and window.profile.is_dirty()
        and not window.maybe_discard()
    ):
        return
    window._archive(ids, True)


def write_to(window, cid: int) -> None:  # type: ignore[no-untyped-def]
    window.show_customer(cid)
    window.actions["write_to"].trigger()


def fill(
    window,
    menu: QMenu,
    ids: list[int],
    stages: bool = True,  # type: ignore[no-untyped-def]
    current_stage: str | None = None,
) -> None:
    """Add the customer actions for `ids` to `menu`."""
    menu.setToolTipsVisible(True)
    one = ids[0] if len(ids) == 1 else None
    if one is not None:
        menu.addAction(
            QCoreApplication.translate("ContextMenus", "Open"), lambda: window.show_customer(one)
        )
        menu.addAction(
            QCoreApplication.translate("ContextMenus", "Log interaction…"),
            lambda: window._log_dialog(one, _name(one)),
        )
        menu.addAction(
            QCoreApplication.translate("ContextMenus", "Add follow-up…"),
            lambda: add_follow_up_for(window, one),
        )
        if "write_to" in window.actions:  # the messages composer, where the book has it
            menu.addAction(
                QCoreApplication.translate("ContextMenus", "Write to…"),
                lambda: write_to(window, one),
            )
    if stages:
        move = menu.addMenu(QCoreApplication.translate("ContextMenus", "Move to stage"))
        for key, label in labels.pairs(lifecycle.stages()):
            if key != current_stage:
                move.addAction(label, lambda k=key: window.move_customers(ids, k))
    menu.addSeparator()
    what = QCoreApplication.translate("ContextMenus", "Archive") if one is not None else \
        _Plurals().archive(len(ids))
    action = menu.addAction(what, lambda: archive(window, ids))
    allowed = window.allowed("archive")
    action.setEnabled(allowed)
    action.setToolTip(
        QCoreApplication.translate("ContextMenus", "Move to the Trash (Ctrl+Z undoes)")
        if allowed
        else window.actions["archive"].toolTip()
    )


def _popup(window, menu: QMenu, widget, pos: QPoint) -> None:  # type: ignore[no-untyped-def]
    window.last_context_menu = menu
    if not getattr(window, "context_menus_silent", False):  # tests read the menu instead
        menu.popup(widget.mapToGlobal(pos))


def list_menu(window, pos: QPoint) -> QMenu | None:  # type: ignore[no-untyped-def]
    table = window.customers.table
    index = table.indexAt(pos)
    if index.isValid() and not table.selectionModel().isRowSelected(index.row()):
        window.customers.select_id(window.customers.model.id_at(index.row()))
    ids = window.customers.selected_ids()
    if not ids:
        return None
    menu = QMenu(window)
    fill(window, menu, ids)
    _popup(window, menu, table.viewport(), pos)
    return menu


def today_menu(window, table: QTableWidget, pos: QPoint) -> QMenu | None:  # type: ignore[no-untyped-def]
    view = window.today
    row = table.rowAt(pos.y())
    if row < 0:
        return None
    table.selectRow(row)
    cid = view.customer_at(table, row)
    if cid is None:
        return None
    menu = QMenu(window)
    if table is view.follow_ups:
        fid = view.selected_follow_up()
        if fid is not None:
            menu.addAction(QCoreApplication.translate("ContextMenus", "Mark done"), view._done)
            menu.addSeparator()
    fill(window, menu, [cid])
    _popup(window, menu, table.viewport(), pos)
    return menu


def agenda_menu(window, day_list, pos: QPoint) -> QMenu | None:  # type: ignore[no-untyped-def]
    from crmdesk.ui.views.agenda_view import CID_ROLE, FID_ROLE

    item = day_list.itemAt(pos)
    if item is None:
        return None
    cid, fid = int(item.data(CID_ROLE)), int(item.data(FID_ROLE))
    menu = QMenu(window)
    menu.addAction(
        QCoreApplication.translate("ContextMenus", "Mark done"), lambda: window.follow_up_done(fid)
    )
    if day_list.day is not None:
        import datetime as dt

        for label, days in ((QCoreApplication.translate("ContextMenus", "Move to the next day"), 1),
                            (QCoreApplication.translate("ContextMenus", "Move a week later"), 7)):
            target = day_list.day + dt.timedelta(days=days)
            menu.addAction(label, lambda t=target: window.reschedule([fid], t))
    menu.addSeparator()
    fill(window, menu, [cid])
    _popup(window, menu, day_list.viewport(), pos)
    return menu


def install(window) -> None:  # type: ignore[no-untyped-def]
    table = window.customers.table
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    table.customContextMenuRequested.connect(lambda pos: list_menu(window, pos))
    for widget in (
        window.today.follow_ups,
        window.today.meetings,
        window.today.birthdays,
        window.today.quiet,
    ):
        widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        widget.customContextMenuRequested.connect(lambda pos, w=widget: today_menu(window, w, pos))
    window.board.extend_menu = lambda menu, ids: fill(window, menu, ids, stages=False)
    agenda = getattr(window, "agenda", None)
    if agenda is not None:
        agenda.list_created = lambda day_list: _agenda_list(window, day_list)


def _agenda_list(window, day_list: QAbstractItemView) -> None:  # type: ignore[no-untyped-def]
    day_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    day_list.customContextMenuRequested.connect(lambda pos: agenda_menu(window, day_list, pos))
