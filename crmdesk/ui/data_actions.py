"""Bringing contacts in and taking the book out: import, export, backups, duplicates."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox, QProgressDialog

from crmdesk.services import access, customer_query, customers
from crmdesk.store.db import DB_ERRORS, BookError, close_database, describe_error
from crmdesk.ui import file_dialogs, undo, workers


class DataActions:
    """Import, export, backups and duplicates. Part of MainWindow."""

    # --- hooks the tests replace ----------------------------------------------------------
    def ask_open_path(self, title: str, filters: str) -> Path | None:
        return file_dialogs.open_file(self, title, self._documents(), filters)

    def ask_save_path(self, title: str, suggested: Path, filters: str) -> Path | None:
        return file_dialogs.save_file(self, title, suggested, filters)

    def ask_yes(self, title: str, text: str) -> bool:
        return QMessageBox.question(self, title, text) == QMessageBox.StandardButton.Yes

    def ask_choice(self, title: str, label: str, items: list[str]) -> int | None:
        item, ok = QInputDialog.getItem(self, title, label, items, 0, False)
        return items.index(item) if ok and item in items else None

    @staticmethod
    def _documents() -> Path:
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(docs or Path.home())

    # --- background work with a progress dialog -------------------------------------------
    def run_with_progress(self, title: str, work: Any, done: Any) -> workers.Task:
        """Run `work(progress)` in a worker behind a progress dialog with Cancel."""
        dialog = QProgressDialog(title, "Cancel", 0, 0, self)
        dialog.setWindowTitle("crmdesk")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        task = workers.Task(work)

        def progress(n: int, total: int) -> None:
            dialog.setMaximum(max(1, total))
            dialog.setValue(min(n, total))

        def finished(result: Any) -> None:
            dialog.reset()
            dialog.close()
            done(result)

        def failed(exc: Exception) -> None:
            dialog.reset()
            dialog.close()
            message = describe_error(exc, self.book.path) if isinstance(exc, DB_ERRORS) \
                else str(exc)
            self.show_error(message)

        def cancelled() -> None:
            task.cancel()
            self.statusBar().showMessage(f"{title} — cancelled; nothing was left half done.",
                                         6000)

        task.signals.progress.connect(progress)
        task.signals.finished.connect(finished)
        task.signals.failed.connect(failed)
        dialog.canceled.connect(cancelled)
        self.last_task = workers.start(task)
        return task

    last_task: workers.Task | None = None

    # --- import ---------------------------------------------------------------------------
    def import_contacts(self, path: Path | None = None) -> None:
        from crmdesk.services.importing import contact_import
        from crmdesk.ui.dialogs.import_dialog import ImportDialog

        path = path or self.ask_open_path(
            "Import contacts", "Contacts (*.vcf *.vcard *.csv *.txt *.json);;All files (*)")
        if path is None or not self.maybe_discard():
            return
        if path.suffix.lower() == ".json":
            self.import_book_file(path)
            return
        dialog = ImportDialog(path, self.region, self)
        self.last_dialog = dialog
        dialog.start()
        if not self.run_dialog(dialog) or dialog.outcome is None or dialog.plan is None:
            return
        result, plan = dialog.outcome, dialog.plan
        state = {"id": result.import_id}
        title = f"import of {path.name}, {result.created + result.updated:,} customers"

        def again() -> list[int]:
            state["id"] = contact_import.apply(plan).import_id
            return []

        def back() -> list[int]:
            contact_import.undo_import(state["id"])
            return []

        self.undo_stack.push(undo.ServiceCommand(title.capitalize(), again, back,
                                                 self._announce, self._command_failed))
        self._announce([])
        self.statusBar().showMessage(
            f"Imported {result.created:,} new and updated {result.updated:,} customers from "
            f"{path.name}. Ctrl+Z undoes the whole import.", 8000)

    def undo_earlier_import(self) -> None:
        from crmdesk.services.importing import contact_import

        done = contact_import.imports()
        if not done:
            self.statusBar().showMessage("No import to undo.", 4000)
            return
        items = [f"{i.created_at.astimezone():%Y-%m-%d %H:%M} — {i.title}" for i in done]
        chosen = self.ask_choice("Undo an import", "Take back this import as a whole:", items)
        if chosen is None:
            return
        try:
            report = contact_import.undo_import(done[chosen].id)
        except (LookupError, *DB_ERRORS) as exc:
            self.show_error(str(exc))
            return
        self._announce([])
        kept = f"; {len(report.kept)} kept because they were edited since" if report.kept else ""
        trash = f", {report.to_trash} with newer records moved to the Trash" \
            if report.to_trash else ""
        self.statusBar().showMessage(
            f"Undid the {done[chosen].title}: {report.removed:,} removed{trash}, "
            f"{report.restored:,} restored{kept}.", 8000)

    def import_book_file(self, path: Path) -> None:
        from crmdesk.services import exporting
        from crmdesk.services.importing import files

        try:
            raw = files.read_regular(path)  # a pipe or a device is refused, never opened
        except files.UnreadableFile as exc:
            self.show_error(str(exc))
            return
        if not exporting.is_book_export(raw[:200]):
            self.show_error(f"{path.name} is not a crmdesk book export.")
            return

        def work(progress: workers.ProgressFn) -> dict[str, int]:
            return exporting.import_book(raw, progress, path.name)

        def done(counts: dict[str, int]) -> None:
            self._announce([])
            self._load_book_data()
            self.statusBar().showMessage(
                f"Book imported from {path.name}: {counts.get('customer', 0):,} customers.", 8000)

        self.run_with_progress(f"Importing the book {path.name}…", work, done)

    # --- export ---------------------------------------------------------------------------
    def export_list(self, fmt: str = "vcf") -> None:
        from crmdesk.services import exporting

        flt = self.customers.current_filter()
        suffix, filters = {"vcf": (".vcf", "vCard 4.0 (*.vcf)"),
                           "csv": (".csv", "CSV, spreadsheet-safe (*.csv)"),
                           "xlsx": (".xlsx", "Spreadsheet (*.xlsx)"),
                           "google": ("-google.csv", "CSV for Google Contacts (*.csv)"),
                           "outlook": ("-outlook.csv", "CSV for Outlook (*.csv)")}[fmt]
        target = self.ask_save_path("Export the customers of this list",
                                    self._documents() / f"customers-{exporting.stamp()}{suffix}",
                                    filters)
        if target is None:
            return
        layout = "crmdesk" if fmt == "csv" else fmt

        def work(progress: workers.ProgressFn) -> int:
            ids = customer_query.customer_ids(flt)
            if fmt == "vcf":
                return exporting.export_vcards(ids, target, progress)
            if fmt == "xlsx":
                from crmdesk.services import xlsx_export

                return xlsx_export.export_xlsx(ids, target, progress)
            return exporting.export_csv(ids, target, progress, layout=layout)

        self.run_with_progress(f"Exporting to {target.name}…", work, lambda n: (
            self.statusBar().showMessage(f"{n:,} customers exported to {target}", 8000)))

    def export_book(self) -> None:
        from crmdesk.services import exporting

        target = self.ask_save_path("Export the whole book",
                                    self._documents() / f"{self.book.path.stem}-"
                                    f"{exporting.stamp()}.json", "crmdesk book (*.json)")
        if target is None:
            return
        self.run_with_progress(
            f"Exporting the book to {target.name}…",
            lambda progress: exporting.export_book(target, progress),
            lambda counts: self.statusBar().showMessage(
                f"Whole book written to {target}: {counts['customer']:,} customers", 8000))

    # --- backups --------------------------------------------------------------------------
    def back_up_now(self) -> None:
        from crmdesk.services import backups, exporting

        folder = backups.backup_dir(self.book.path)
        target = self.ask_save_path("Back up the book", folder / f"{self.book.path.stem}-"
                                    f"{exporting.stamp()}.db", "crmdesk book (*.db)")
        if target is None:
            return
        book, passphrase = self.book.path, self.book.passphrase
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.run_with_progress(
            "Backing up…", lambda progress: backups.back_up(book, target, progress,
                                                           passphrase=passphrase),
            lambda path: self.statusBar().showMessage(
                f"Backed up to {path} ({backups.size_text(path)})", 8000))

    def auto_backup(self) -> None:
        """The day's automatic backup, in the background (at most one a day, rotated)."""
        from crmdesk.services import backups

        book, passphrase = self.book.path, self.book.passphrase
        if not backups.auto_backup_due(book):
            return
        task = workers.Task(lambda _progress: backups.auto_backup(book, passphrase=passphrase),
                            uses_book=False)
        task.signals.finished.connect(lambda path: path and self.statusBar().showMessage(
            f"Daily backup written to {path}", 5000))
        task.signals.failed.connect(lambda exc: self.statusBar().showMessage(
            f"The daily backup failed: {exc}", 10000))
        self.backup_task = workers.start(task)

    backup_task: workers.Task | None = None

    def restore_backup(self) -> None:
        from crmdesk.services import backups

        source = self.ask_open_path("Restore from a backup", "crmdesk books (*.db);;All (*)")
        if source is None or not self.maybe_discard():
            return
        passphrase = self.book.passphrase
        try:
            info = backups.check(source, passphrase)
        except BookError as exc:
            self.show_error(str(exc))
            return
        if not self.ask_yes("Restore from a backup",
                            f"Replace the book by {source.name} ({info.customers:,} customers, "
                            f"saved {info.taken:%Y-%m-%d %H:%M})? The current book is kept "
                            "beside it, so nothing is lost."):
            return
        path = self.book.path
        close_database()
        self.book.database.close()

        def work(_progress: workers.ProgressFn) -> Path:
            return backups.restore(path, source, passphrase=passphrase)

        def done(aside: Path) -> None:
            self.switch_book(path)
            self.statusBar().showMessage(f"Restored from {source.name}. The book it replaced "
                                         f"is kept as {aside.name}.", 10000)

        def failed(exc: Exception) -> None:
            self.switch_book(path)
            self.show_error(f"Restore failed; the book is unchanged. {exc}")

        # The book is closed meanwhile: a modal progress dialog keeps the window out of use.
        dialog = QProgressDialog("Restoring…", "", 0, 0, self)
        dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(200)
        task = workers.Task(work, uses_book=False)
        task.signals.finished.connect(lambda aside: (dialog.close(), done(aside)))
        task.signals.failed.connect(lambda exc: (dialog.close(), failed(exc)))
        self.last_task = workers.start(task)

    # --- privacy rights -------------------------------------------------------------------
    def ask_folder(self, title: str, suggested: Path) -> Path | None:
        """A folder to write into (tests replace this)."""
        return file_dialogs.folder(self, title, suggested)

    def export_customer_data(self) -> None:
        from crmdesk.services import privacy

        cid = self.profile.customer_id
        if cid is None:
            self.statusBar().showMessage("Select a customer first.", 4000)
            return
        folder = self.ask_folder("Where to save everything about this customer",
                                 self._documents())
        if folder is None:
            return
        try:
            json_path, pdf_path = privacy.write_pack(cid, folder)
        except access.AccessDenied as exc:
            self.show_error(str(exc))
            return
        except (OSError, *DB_ERRORS) as exc:
            self.show_error(f"Could not write the pack: {exc}")
            return
        self.statusBar().showMessage(f"Saved {json_path.name} and {pdf_path.name} in {folder}",
                                     8000)

    def forget_customer(self) -> None:
        from crmdesk.services import privacy

        cid = self.profile.customer_id
        if cid is None:
            self.statusBar().showMessage("Select a customer first.", 4000)
            return
        name = self.profile.current_data().display_name
        if not self.ask_yes("Forget this customer",
                            f"Erase everything that identifies {name} (#{cid}): names, "
                            "contact details, notes, the text of interactions and purchases. "
                            "Counts and totals stay, anonymised. This cannot be undone."):
            return
        try:
            privacy.forget(cid)
        except (LookupError, *DB_ERRORS) as exc:
            self.show_error(str(exc))
            return
        self.undo_stack.clear()  # nothing before this can be undone onto erased data
        self.profile.load(None)
        self._announce([cid])
        self.run_with_progress("Clearing the erased data from the file…",
                               lambda _progress: privacy.purge_freed_space(),
                               lambda _r: self.statusBar().showMessage(
                                   f"#{cid} was forgotten.", 8000))

    # --- duplicates -----------------------------------------------------------------------
    def find_duplicates(self) -> None:
        from crmdesk.ui.dialogs.duplicates_dialog import DuplicatesDialog

        dialog = DuplicatesDialog(self)
        self.last_dialog = dialog
        dialog.start()
        if self.run_dialog(dialog) and dialog.merge_requested is not None:
            pair = dialog.merge_requested
            self.merge_customers(pair.keep, pair.other)

    def merge_customers(self, keep: int, other: int) -> None:
        from crmdesk.services import duplicates
        from crmdesk.ui.dialogs.duplicates_dialog import MergeDialog

        if not self.maybe_discard():
            return
        dialog = MergeDialog(keep, other, self)
        self.last_dialog = dialog
        if not self.run_dialog(dialog):
            return
        chosen = dialog.chosen()
        try:
            record = duplicates.merge(keep, other, chosen)
        except (LookupError, ValueError, *DB_ERRORS) as exc:
            self.show_error(str(exc))
            return
        state = {"record": record}

        def again() -> list[int]:
            state["record"] = duplicates.merge(keep, other, chosen)
            return [keep, other]

        def back() -> list[int]:
            duplicates.unmerge(state["record"])
            return [keep, other]

        name = customers.load(keep).display_name
        self.undo_stack.push(undo.ServiceCommand(f"Merge into {name}", again, back,
                                                 self._announce, self._command_failed))
        self._announce([keep, other])
        self.show_customer(keep)
        self.statusBar().showMessage(f"Merged into {name}. Ctrl+Z to undo.", 6000)
