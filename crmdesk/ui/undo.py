"""Undoable user actions. The action is done by the caller first (so an error is shown
before anything is pushed); the command then only replays it through the same services."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from crmdesk.services import customers
from crmdesk.services.customers import CustomerData

Notify = Callable[[list[int]], None]
ErrorSink = Callable[[Exception], None]
Action = Callable[[], list[int]]


class ServiceCommand(QUndoCommand):
    """Replays `do` / `undo` (each returns the ids it changed) and announces the change."""

    def __init__(self, text: str, do: Action, undo: Action, notify: Notify, on_error: ErrorSink):
        super().__init__(text)
        self._do, self._undo = do, undo
        self.notify, self.on_error = notify, on_error
        self._first = True

    def _run(self, action: Action) -> None:
        try:
            ids = action()
        except Exception as exc:  # noqa: BLE001 - shown to the user, the command is dropped
            self.setObsolete(True)
            self.on_error(exc)
            return
        self.notify(ids)

    def redo(self) -> None:
        if self._first:  # already done by the caller
            self._first = False
            return
        self._run(self._do)

    def undo(self) -> None:
        self._run(self._undo)


def edit_customer(cid: int, before: CustomerData, after: CustomerData, region: str,
                  notify: Notify, on_error: ErrorSink) -> ServiceCommand:
    """A saved profile edit: undo writes back the profile as it was before."""

    def write(data: CustomerData) -> Action:
        def action() -> list[int]:
            customers.update(cid, data, region)
            return [cid]
        return action

    return ServiceCommand(QCoreApplication.translate("Undo", "Edit {display_name}")
                          .format(display_name=after.display_name), write(after), write(before),
                          notify, on_error)


def set_archived(ids: list[int], archived: bool, text: str, notify: Notify,
                 on_error: ErrorSink) -> ServiceCommand:
    """Archive (or restore) customers; undo does the opposite. Nothing is hard-deleted."""

    def move(flag: bool) -> Action:
        def action() -> list[int]:
            customers.set_archived(ids, flag)
            return ids
        return action

    return ServiceCommand(text, move(archived), move(not archived), notify, on_error)


def add_customer(cid: int, name: str, notify: Notify, on_error: ErrorSink) -> ServiceCommand:
    """A new customer: undo moves it to the Trash, redo brings it back."""
    command = set_archived([cid], False, f"Add {name}", notify, on_error)
    return command
