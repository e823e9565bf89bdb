"""Messages and meeting briefs in the window: Write to… (Ctrl+Shift+M) from the list, a
profile, Today or the board; Print Brief (Ctrl+Shift+P); briefs for tomorrow's meetings;
Settings ▸ Message Templates… and Mail Server…."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QStandardPaths, Qt
from PySide6.QtGui import QAction, QGuiApplication, QIcon, QKeySequence
from PySide6.QtWidgets import QListView, QStyle, QTableWidget

from crmdesk.i18n import Translatable
from crmdesk.services import access
from crmdesk.store.db import DB_ERRORS, describe_error
from crmdesk.ui import file_dialogs
from crmdesk.ui.account_actions import ACTION_PERMISSIONS

ACTION_PERMISSIONS.update(print_brief="brief", briefs_tomorrow="brief", mail_server="settings")

_SPECS = [
    ("write_to", QT_TRANSLATE_NOOP("MessageActions", "&Write to…"), "Ctrl+Shift+M",
     QT_TRANSLATE_NOOP("MessageActions",
                       "Write to the selected customers from a template: e-mail, letter or SMS "
                       "(Ctrl+Shift+M)"),
     "&Contact"),
    ("write_to_list", QT_TRANSLATE_NOOP("MessageActions", "Write to Everyone in the Li&st…"), "",
     QT_TRANSLATE_NOOP("MessageActions",
                       "Write to every customer the list shows now (its search, filters or "
                       "saved view)"),
     "&Contact"),
    ("print_brief", QT_TRANSLATE_NOOP("MessageActions", "Print &Brief…"), "Ctrl+Shift+P",
     QT_TRANSLATE_NOOP("MessageActions",
                       "A one-page brief of the selected customer, before a meeting "
                       "(Ctrl+Shift+P)"),
     "&Contact"),
    ("briefs_tomorrow",
     QT_TRANSLATE_NOOP("MessageActions", "Briefs for &Tomorrow's Meetings…"), "",
     QT_TRANSLATE_NOOP("MessageActions",
                       "One page for every customer with something due tomorrow, in one PDF"),
     "&Contact"),
    ("message_templates", QT_TRANSLATE_NOOP("MessageActions", "Message &Templates…"), "",
     QT_TRANSLATE_NOOP("MessageActions",
                       "The templates messages start from (managers edit, everyone uses)"),
     "&Settings"),
    ("mail_server", QT_TRANSLATE_NOOP("MessageActions", "&Mail Server…"), "",
     QT_TRANSLATE_NOOP("MessageActions",
                       "The SMTP server that sends e-mails (the password stays in the system "
                       "keyring)"),
     "&Settings"),
]


class MessageActions(Translatable):
    """Part of MainWindow, which provides the widgets and helpers used here."""

    def install_message_actions(self) -> None:
        self: Any
        menus = {a.menu().objectName(): a.menu() for a in self.menuBar().actions() if a.menu()}
        added: set[str] = set()
        for name, text, shortcut, tip, menu_title in _SPECS:
            action = QAction(QCoreApplication.translate("MessageActions", text), self)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            tip = QCoreApplication.translate("MessageActions", tip)
            action.setToolTip(tip)
            action.setStatusTip(tip)
            action.triggered.connect(getattr(self, name))
            self.actions[name] = action
            self.addAction(action)  # the shortcut works whatever has the focus
            menu = menus.get(menu_title.replace("&", ""))
            if menu is not None:
                if menu_title not in added:
                    menu.addSeparator()
                    added.add(menu_title)
                menu.addAction(action)
        self.actions["write_to"].setIcon(QIcon.fromTheme(
            "mail-message-new",
            self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView)))
        self.when_pages_built(  # the board is built after the first paint
            lambda: self.board.write_column_requested.connect(self.write_to_column))
        toolbar_actions = self.toolbar.actions()
        after = toolbar_actions.index(self.actions["log_interaction"]) + 1
        before = toolbar_actions[after] if after < len(toolbar_actions) else None
        self.toolbar.insertAction(before, self.actions["write_to"])

    # --- who -------------------------------------------------------------------------------
    def message_targets(self) -> list[int]:
        """The customers the command is about, on the page shown: the list's selection (or
        the profile's customer), the board's selected cards, Today's selected row."""
        self: Any
        page = self.pages.currentWidget()
        if page is self.board:
            ids: list[int] = []
            for _header, view, _model in self.board.columns.values():
                assert isinstance(view, QListView)
                ids += sorted({int(i.data(Qt.ItemDataRole.UserRole))
                               for i in view.selectionModel().selectedIndexes()})
            return list(dict.fromkeys(ids))
        if page is self.today:
            tables = [self.today.follow_ups, self.today.birthdays, self.today.quiet]
            focused = next((t for t in tables if t.hasFocus()), None)
            for table in ([focused] if focused else []) + tables:
                cid = self._today_customer(table)
                if cid is not None:
                    return [cid]
            return []
        if page is self.splitter:
            ids = self.customers.selected_ids()
            if ids:
                return list(ids)
        cid = self.profile.customer_id
        return [cid] if cid is not None else []

    @staticmethod
    def _today_customer(table: QTableWidget) -> int | None:
        row = table.currentRow()
        if row < 0:
            return None
        column = 2 if table.columnCount() == 5 else 0  # follow-ups: the customer column
        item = table.item(row, column)
        value = item.data(Qt.ItemDataRole.UserRole) if item else None
        return int(value) if value is not None else None

    def messages_dir(self) -> Path:
        self: Any
        saved = str(self.qsettings.value("messages/dir", ""))
        if saved and Path(saved).is_dir():
            return Path(saved)
        docs = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(docs or Path.home()) / "crmdesk messages"

    def ask_message_path(self, title: str, suggested: Path, filters: str) -> Path | None:
        """Where to save a message (tests replace this)."""
        return file_dialogs.save_file(self, title, suggested, filters)  # type: ignore[arg-type]

    def ask_message_folder(self, title: str, start: Path) -> Path | None:
        return file_dialogs.folder(self, title, start)  # type: ignore[arg-type]

    # --- write to -------------------------------------------------------------------------
    def write_to(self) -> None:
        self: Any
        ids = self.message_targets()
        if not ids:
            self.statusBar().showMessage(self.tr("Select one or more customers first."), 4000)
            return
        self._compose(ids)

    def write_to_list(self) -> None:
        self: Any
        from crmdesk.services import customer_query

        if self.pages.currentWidget() is not self.splitter:
            self.nav.setCurrentItem(self.nav_customers)
        ids = customer_query.customer_ids(self.customers.current_filter())
        if not ids:
            self.statusBar().showMessage(self.tr("The list is empty: nobody to write to."), 4000)
            return
        self._compose(ids)

    def write_to_column(self, stage: str) -> None:
        """Everyone in a board column (with the board's filters), not only the cards
        loaded so far."""
        self: Any
        from crmdesk.services import lifecycle

        ids = lifecycle.column_ids(stage, self.board.filter, 0, 1_000_000)
        if ids:
            self._compose(ids)

    def _compose(self, ids: list[int]) -> None:
        self: Any
        from crmdesk.ui.dialogs.composer import ComposerDialog

        dialog = ComposerDialog(ids, self.current_user(), self, self.ask_message_path,
                                self.open_document, self.messages_dir(),
                                str(self.qsettings.value("messages/template", "")))
        self.last_dialog = dialog
        self.run_dialog(dialog)
        if dialog.delivered or dialog.batch is not None:
            self.qsettings.setValue("messages/template", dialog.template)
        if dialog.delivered:
            self.hub.interactions_changed.emit([d.customer_id for d in dialog.delivered])
            self.statusBar().showMessage(dialog.info_label.text(), 6000)
        if dialog.batch is not None:
            self.write_many(*dialog.batch)

    def write_many(self, ids: list[int], template: str, channel: str, combined: bool) -> None:
        self: Any
        from crmdesk.services import messaging

        start = self.messages_dir()
        if combined:
            ext = {"letter": ".pdf", "email": ".mbox", "sms": ".txt"}[channel]
            target = self.ask_message_path(
                self.tr("Save every message in one file"), start / f"{template}{ext}",
                {"letter": "PDF (*.pdf)", "email": "Mailbox (*.mbox)",
                 "sms": "Text (*.txt)"}[channel])
            if target is not None and target.suffix.lower() != ext:
                target = target.with_name(target.name + ext)
        else:
            target = self.ask_message_folder(self.tr("Folder for the messages (one file per "
                                                     "client)"),
                                             start)
        if target is None:
            return
        staff_id = self.current_user()
        shared = messaging.Shared.load()

        def work(progress: Any) -> messaging.BulkResult:
            return messaging.write_many(ids, template, channel, target, combined, progress,
                                        staff_id, shared)

        def done(result: messaging.BulkResult) -> None:
            self.hub.interactions_changed.emit([d.customer_id for d in result.delivered])
            where = target if combined else target
            self.qsettings.setValue("messages/dir", str(target.parent if combined else target))
            self.statusBar().showMessage(
                self.tr("%n message(s) written to {where} and logged.", "",
                        len(result.delivered)).format(where=where), 8000)
            self.last_batch = result
            if result.written:
                self.open_document(target)

        self.run_with_progress(self.tr("Writing %n message(s)…", "", len(ids)), work, done)

    last_batch: Any = None

    # --- briefs ---------------------------------------------------------------------------
    def print_brief(self) -> None:
        self: Any
        ids = self.message_targets()[:1]
        if not ids:
            self.statusBar().showMessage(self.tr("Select a customer first."), 4000)
            return
        from crmdesk.services import meeting_brief

        try:
            name = meeting_brief.file_name(ids[0])
        except LookupError as exc:
            self.show_error(str(exc))
            return
        self._write_briefs(ids, self.messages_dir() / name)

    def briefs_tomorrow(self) -> None:
        self: Any
        from crmdesk.services import meeting_brief

        ids = meeting_brief.tomorrow_ids()
        if not ids:
            self.statusBar().showMessage(
                self.tr("Nothing is due tomorrow: no briefs to print."), 5000)
            return
        self._write_briefs(ids, self.messages_dir() / "Briefs for tomorrow.pdf")

    def _write_briefs(self, ids: list[int], suggested: Path) -> Path | None:
        self: Any
        from crmdesk.reports import brief_pdf
        from crmdesk.services import meeting_brief

        target = self.ask_message_path(
            self.tr("Save the meeting brief"), suggested, self.tr("PDF (*.pdf)")
        )
        if target is None:
            return None
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            meeting_brief.write(ids, target, brief_pdf.render)
        except access.AccessDenied as exc:
            self.show_error(str(exc))
            return None
        except (LookupError, ValueError) as exc:
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
        self.qsettings.setValue("messages/dir", str(target.parent))
        self.statusBar().showMessage(
            self.tr("%n brief(s) saved: {target}", "", len(ids)).format(target=target), 6000)
        self.open_document(target)
        return target

    # --- settings -------------------------------------------------------------------------
    def message_templates(self) -> None:
        self: Any
        from crmdesk.ui.dialogs.template_editor import TemplateLibraryDialog

        cid = self.profile.customer_id
        dialog = TemplateLibraryDialog(cid, self)
        self.last_dialog = dialog
        self.run_dialog(dialog)

    def mail_server(self) -> None:
        self: Any
        from crmdesk.ui.dialogs.template_editor import MailServerDialog

        dialog = MailServerDialog(self)
        self.last_dialog = dialog
        self.run_dialog(dialog)
