"""Opening, creating and switching books, and the demo book."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QMessageBox,
    QProgressDialog,
)

from crmdesk import paths
from crmdesk.i18n import Translatable
from crmdesk.services import (
    access,
    customer_query,
    customers,
    keychain,
    settings,
)
from crmdesk.store import sidecar
from crmdesk.store.book import open_book, open_book_asking
from crmdesk.store.db import BookError, db, describe_error
from crmdesk.ui import file_dialogs, workers

DEMO_CUSTOMERS = 500


class BookActions(Translatable):
    """Opening, creating and switching books, and the demo book.

    Part of MainWindow, which provides the widgets and helpers used here.
    """

    # --- book -----------------------------------------------------------------------------
    def _load_book_data(self) -> None:
        self.region = settings.default_region()
        self.profile.region = self.region
        choices = customers.choices()
        self.customers.reload(choices)
        self.trash.reload(choices)
        self.profile.set_choices(choices.segments, choices.owners)
        self._rebuild_saved_views()
        self._refresh_users()
        self.today.reload()
        self.reminder_center.start(self.current_user())  # missed reminders first
        self.interaction_log.stale = True
        if self._on(self.interaction_log):
            self.interaction_log.reload()
        self._update_nav_counts()
        self.book_label.setText(str(self.book.path))
        self.book_label.setToolTip(self.tr("The book file open now"))
        self.run_expiry()
        if not os.environ.get("CRMDESK_NO_AUTO_BACKUP"):
            self.auto_backup()

    def switch_book(self, path: Path, build_demo: bool = False) -> bool:
        if not self.maybe_discard():
            return False
        old = self.book
        same = Path(path).resolve() == old.path.resolve()
        try:
            if not same:
                sidecar.take_window(path)  # refused when another window has that book
            # Another book: the keyring (slow to load) only if it turns out to be encrypted.
            ask = self.ask_passphrase if same else keychain.keyring_first(path,
                                                                          self.ask_passphrase)
            book = open_book_asking(path, ask, known=old.passphrase if same else None)
        except (BookError, sidecar.BookInUse) as exc:
            if not same:
                sidecar.release_window(path)
            db.initialize(old.database)  # keep working on the book that was open
            self.show_error(str(exc))
            return False
        before = access.current()
        access.reset()
        if access.accounts_exist() and not self.ask_sign_in():
            if old.database is not book.database:
                book.database.close()
            db.initialize(old.database)  # keep working on the book that was open, as before
            access.resume(before)
            if not same:
                sidecar.release_window(path)
            return False
        if old.database is not book.database:
            old.database.close()
        if not same:
            sidecar.release_window(old.path)
        for warning in book.warnings:
            self.show_error(warning)
        self.book = book
        self.undo_stack.clear()
        self.profile.load(None)
        self.timeline.show_customer(None)  # (a customer of the book before may not be here)
        self._load_book_data()
        self.apply_permissions()
        self.window_lock.reload_setting()
        self._update_title()
        self.qsettings.setValue("book/last", str(path))
        if build_demo and customer_query.count() + customer_query.count(True) == 0:
            self._build_demo()
        self.statusBar().showMessage(self.tr("Opened {path}").format(path=path), 5000)
        return True

    def new_book(self) -> None:
        target = file_dialogs.save_file(self, self.tr("New client book"), paths.data_dir(),
                                        self.tr("crmdesk books (*.db)"))
        if target is not None:
            if target.exists():
                self.show_error(self.tr("{target} already exists; choose a new name.")
                                .format(target=target))
                return
            self.switch_book(target)

    def open_book_dialog(self) -> None:
        chosen = file_dialogs.open_file(self, self.tr("Open client book"), paths.data_dir(),
                                        self.tr("crmdesk books (*.db);;All files (*)"))
        if chosen is not None:
            self.switch_book(chosen)

    def open_demo_book(self) -> None:
        self.switch_book(paths.data_dir() / "demo.db", build_demo=True)

    def ask_passphrase(self, message: str) -> str | None:
        """A book's passphrase, or None (tests replace this)."""
        from crmdesk.ui.dialogs.passphrase import ask_passphrase

        return ask_passphrase(self, message)

    def ask_new_passphrase(self, title: str) -> str | None:
        """A new passphrase typed twice, or None (tests replace this)."""
        from crmdesk.ui.dialogs.passphrase import ask_new_passphrase

        return ask_new_passphrase(self, title)

    def encrypt_book(self) -> None:
        """Encrypt the open book in place (a verified encrypted copy replaces it)."""
        from crmdesk.store import encryption

        if not access.can("encrypt"):
            self.show_error(self.tr("{name} may not encrypt the book.")
                            .format(name=access.current().name))
            return
        if self.book.encrypted:
            self.show_error(self.tr("{name} is already encrypted; use Change Passphrase to change "
                                    "its key.").format(name=self.book.path.name))
            return
        if not self.maybe_discard():
            return
        passphrase = self.ask_new_passphrase(self.tr("Encrypt this book"))
        if not passphrase:
            self.statusBar().showMessage(self.tr("Not encrypted: no passphrase, or the two "
                                                 "differed."),
                                         6000)
            return
        self._rewrite_closed(lambda path: encryption.encrypt_book(path, passphrase),
                             passphrase, self.tr("The book is encrypted. Backups made before "
                                                 "now are not: delete them if they must stay "
                                                 "private."))

    def change_passphrase(self) -> None:
        from crmdesk.store import encryption

        old = self.book.passphrase
        if not access.can("encrypt"):
            self.show_error(self.tr("{name} may not change the book's passphrase.")
                            .format(name=access.current().name))
            return
        if old is None:
            self.show_error(self.tr("{name} is not encrypted: use Encrypt Book first.")
                            .format(name=self.book.path.name))
            return
        if not self.maybe_discard():
            return
        new = self.ask_new_passphrase(self.tr("Change the passphrase"))
        if not new:
            self.statusBar().showMessage(self.tr("Passphrase unchanged."), 4000)
            return
        self._rewrite_closed(lambda path: encryption.rekey_book(path, old, new), new,
                             self.tr("The passphrase was changed."))

    def _rewrite_closed(self, change: Callable[[Path], None], passphrase: str,
                        done: str) -> None:
        """Close the book and `change` its file in a worker (encrypting 100,000 customers
        takes ~30 s), then open it again — as it was if the change failed."""
        path = self.book.path
        before = self.book.passphrase
        office = getattr(self, "office", None)
        if office is not None:
            office.stop()  # (the sync worker's own connection would keep the book open)
        self.book.database.close()
        dialog = QProgressDialog(
            self.tr("Rewriting the book… (a large book takes a while)"), "", 0, 0, self
        )
        dialog.setCancelButton(None)  # a half-rewritten book is never kept anyway
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)

        def finished(_result: object) -> None:
            dialog.close()
            self.book = open_book(path, create=False, passphrase=passphrase)
            self._after_reopen()
            self.statusBar().showMessage(done, 10000)

        def failed(exc: Exception) -> None:
            dialog.close()
            self.book = open_book(path, create=False, passphrase=before)
            self._after_reopen()
            self.show_error(self.tr("Nothing was changed: {exc}").format(exc=exc))

        task = workers.Task(lambda _progress: change(path), uses_book=False)
        task.signals.finished.connect(finished)
        task.signals.failed.connect(failed)
        self.rewrite_task = workers.start(task)

    rewrite_task: workers.Task | None = None

    def _after_reopen(self) -> None:
        office = getattr(self, "office", None)
        if office is not None:
            office.start()  # (an office book syncs again)
        self.undo_stack.clear()
        self.profile.load(None)
        self.timeline.show_customer(None)  # (a customer of the book before may not be here)
        self._load_book_data()
        self._update_title()
        if self.book.passphrase and keychain.get(self.book.path) is not None:
            keychain.remember(self.book.path, self.book.passphrase)  # a new passphrase
        self.apply_permissions()

    def _offer_demo(self) -> None:
        if customer_query.count() + customer_query.count(True) > 0:
            return
        if self.qsettings.value("demo/offered", False, type=bool):
            return
        self.qsettings.setValue("demo/offered", True)
        choice = self.ask_welcome()
        if choice == "demo":
            self.open_demo_book()
        elif choice == "import":
            self.import_contacts()

    def ask_welcome(self) -> str:
        """On an empty book: "import", "demo" or "empty" (tests replace this)."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Welcome to crmdesk"),
            self.tr(
                "This client book is empty.\n\nBring in your contacts from a "
                "phone, Outlook, Gmail or a spreadsheet (vCard or CSV), or "
                "explore a demo book of {DEMO_CUSTOMERS} sample clients first "
                "(your own book stays as it is; File ▸ Open Book brings you "
                "back)."
            ).format(DEMO_CUSTOMERS=DEMO_CUSTOMERS),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        contacts = box.addButton(self.tr("Import contacts…"), QMessageBox.ButtonRole.AcceptRole)
        demo_button = box.addButton(self.tr("Explore the demo"), QMessageBox.ButtonRole.YesRole)
        box.addButton(self.tr("Start empty"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        clicked = box.clickedButton()
        return "demo" if clicked is demo_button else "import" if clicked is contacts else "empty"

    def _build_demo(self) -> None:
        from crmdesk.services import demo

        dialog = QProgressDialog(
            self.tr("Building the demo book…"), self.tr("Cancel"), 0, DEMO_CUSTOMERS, self
        )
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        task = workers.Task(lambda progress: demo.build_demo(DEMO_CUSTOMERS, 7, progress))
        task.signals.progress.connect(lambda done, _total: dialog.setValue(done))
        dialog.canceled.connect(task.cancel)

        def finished(_result: object) -> None:
            dialog.reset()
            self._load_book_data()
            self.statusBar().showMessage(self.tr("Demo book ready: explore freely."), 5000)

        def failed(exc: object) -> None:
            dialog.reset()
            self.show_error(describe_error(exc) if isinstance(exc, Exception) else str(exc))

        task.signals.finished.connect(finished)
        task.signals.failed.connect(failed)
        self._demo_task = workers.start(task)
