"""Bringing contacts in and taking the book out: import, export, backups, duplicates."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox, QProgressDialog

from crmdesk.i18n import Translatable
from crmdesk.services import access, customer_query, customers
from crmdesk.store.db import DB_ERRORS, BookError, close_database, describe_error
from crmdesk.ui import file_dialogs, undo, when, workers
from crmdesk.ui.widgets import vocabulary


class DataActions(Translatable):
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
        dialog = QProgressDialog(title, self.tr("Cancel"), 0, 0, self)
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
            self.statusBar().showMessage(self.tr("{title} — cancelled; nothing was left half done.")
                                         .format(title=title),
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
            self.tr("Import contacts"),
            self.tr("Contacts (*.vcf *.vcard *.csv *.txt *.json);;All files (*)"),
        )
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
        title = self.tr("Import of {name}, %n customer(s)", "",
                        result.created + result.updated).format(name=path.name)

        def again() -> list[int]:
            state["id"] = contact_import.apply(plan).import_id
            return []

        def back() -> list[int]:
            contact_import.undo_import(state["id"])
            return []

        self.undo_stack.push(
            undo.ServiceCommand(
                title, again, back, self._announce, self._command_failed
            )
        )
        self._announce([])
        self.statusBar().showMessage(
            self.tr(
                "Imported {created} new and updated {updated} customers from {name}. "
                "Ctrl+Z undoes the whole import."
            ).format(created=vocabulary.number(result.created),
                     updated=vocabulary.number(result.updated), name=path.name),
            8000,
        )

    def undo_earlier_import(self) -> None:
        from crmdesk.services.importing import contact_import

        done = contact_import.imports()
        if not done:
            self.statusBar().showMessage(self.tr("No import to undo."), 4000)
            return
        items = [f"{i.created_at.astimezone():%Y-%m-%d %H:%M} — {i.title}" for i in done]
        chosen = self.ask_choice(
            self.tr("Undo an import"), self.tr("Take back this import as a whole:"), items
        )
        if chosen is None:
            return
        try:
            report = contact_import.undo_import(done[chosen].id)
        except (LookupError, *DB_ERRORS) as exc:
            self.show_error(str(exc))
            return
        self._announce([])
        kept = ("; " + self.tr("%n kept because they were edited since", "", len(report.kept))
                if report.kept else "")
        trash = (", " + self.tr("%n with newer records moved to the Trash", "", report.to_trash)
                 if report.to_trash else "")
        self.statusBar().showMessage(
            self.tr(
                "Undid the {title}: {removed} removed{trash}, {restored} restored{kept}."
            ).format(
                title=done[chosen].title,
                removed=vocabulary.number(report.removed),
                trash=trash,
                restored=vocabulary.number(report.restored),
                kept=kept,
            ),
            8000,
        )

    def import_book_file(self, path: Path) -> None:
        from crmdesk.services import exporting
        from crmdesk.services.importing import files

        try:
            raw = files.read_regular(path)  # a pipe or a device is refused, never opened
        except files.UnreadableFile as exc:
            self.show_error(str(exc))
            return
        if not exporting.is_book_export(raw[:200]):
            self.show_error(self.tr("{name} is not a crmdesk book export.").format(name=path.name))
            return

        def work(progress: workers.ProgressFn) -> dict[str, int]:
            return exporting.import_book(raw, progress, path.name)

        def done(counts: dict[str, int]) -> None:
            self._announce([])
            self._load_book_data()
            self.statusBar().showMessage(
                self.tr("Book imported from {name}: %n customer(s).", "",
                        counts.get("customer", 0)).format(name=path.name),
                8000,
            )

        self.run_with_progress(
            self.tr("Importing the book {name}…").format(name=path.name), work, done
        )

    # --- export ---------------------------------------------------------------------------
    def export_list(self, fmt: str = "vcf") -> None:
        from crmdesk.services import exporting

        flt = self.customers.current_filter()
        suffix, filters = {
            "vcf": (".vcf", "vCard 4.0 (*.vcf)"),
            "csv": (".csv", "CSV, spreadsheet-safe (*.csv)"),
            "xlsx": (".xlsx", "Spreadsheet (*.xlsx)"),
            "google": ("-google.csv", "CSV for Google Contacts (*.csv)"),
            "outlook": ("-outlook.csv", "CSV for Outlook (*.csv)"),
        }[fmt]
        target = self.ask_save_path(
            self.tr("Export the customers of this list"),
            self._documents() / f"customers-{exporting.stamp()}{suffix}",
            filters,
        )
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

        self.run_with_progress(
            self.tr("Exporting to {name}…").format(name=target.name),
            work,
            lambda n: self.statusBar().showMessage(
                self.tr("%n customer(s) exported to {target}", "", n).format(target=target), 8000
            ),
        )

    def export_book(self) -> None:
        from crmdesk.services import exporting

        target = self.ask_save_path(
            self.tr("Export the whole book"),
            self._documents() / f"{self.book.path.stem}-{exporting.stamp()}.json",
            self.tr("crmdesk book (*.json)"),
        )
        if target is None:
            return
        self.run_with_progress(
            self.tr("Exporting the book to {name}…").format(name=target.name),
            lambda progress: exporting.export_book(target, progress),
            lambda counts: self.statusBar().showMessage(
                self.tr("Whole book written to {target}: %n customer(s)", "",
                        counts["customer"]).format(target=target),
                8000,
            ),
        )

    # --- backups --------------------------------------------------------------------------
    def back_up_now(self) -> None:
        from crmdesk.services import backups, exporting

        folder = backups.backup_dir(self.book.path)
        target = self.ask_save_path(
            self.tr("Back up the book"),
            folder / f"{self.book.path.stem}-{exporting.stamp()}.db",
            self.tr("crmdesk book (*.db)"),
        )
        if target is None:
            return
        book, passphrase = self.book.path, self.book.passphrase
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.run_with_progress(
            self.tr("Backing up…"),
            lambda progress: backups.back_up(book, target, progress, passphrase=passphrase),
            lambda path: self.statusBar().showMessage(
                self.tr("Backed up to {path} ({value})").format(
                    path=path, value=backups.size_text(path)
                ),
                8000,
            ),
        )

    def auto_backup(self) -> None:
        """The day's automatic backup, in the background (at most one a day, rotated)."""
        from crmdesk.services import backups

        book, passphrase = self.book.path, self.book.passphrase
        if not backups.auto_backup_due(book):
            return
        task = workers.Task(
            lambda _progress: backups.auto_backup(book, passphrase=passphrase), uses_book=False
        )
        task.signals.finished.connect(
            lambda path: (
                path
                and self.statusBar().showMessage(
                    self.tr("Daily backup written to {path}").format(path=path), 5000
                )
            )
        )
        task.signals.failed.connect(
            lambda exc: self.statusBar().showMessage(
                self.tr("The daily backup failed: {exc}").format(exc=exc), 10000
            )
        )
        self.backup_task = workers.start(task)

    backup_task: workers.Task | None = None

    def restore_backup(self) -> None:
        from crmdesk.services import backups

        source = self.ask_open_path(
            self.tr("Restore from a backup"), self.tr("crmdesk books (*.db);;All (*)")
        )
        if source is None or not self.maybe_discard():
            return
        passphrase = self.book.passphrase
        try:
            info = backups.check(source, passphrase)
        except BookError as exc:
            self.show_error(str(exc))
            return
        if not self.ask_yes(
            self.tr("Restore from a backup"),
            self.tr(
                "Replace the book by {name} (%n customer(s), saved {taken})? The current "
                "book is kept beside it, so nothing is lost.", "", info.customers
            ).format(name=source.name, taken=when.stamp(info.taken)),
        ):
            return
        path = self.book.path
        office = getattr(self, "office", None)
        if office is not None:
            office.stop()  # (the sync worker's own connection would keep the book open)
        close_database()
        self.book.database.close()

        def work(_progress: workers.ProgressFn) -> Path:
            return backups.restore(path, source, passphrase=passphrase)

        def done(aside: Path) -> None:
            self.switch_book(path)
            self.statusBar().showMessage(
                self.tr("Restored from {name}. The book it replaced is kept as {name2}.").format(
                    name=source.name, name2=aside.name
                ),
                10000,
            )

        def failed(exc: Exception) -> None:
            self.switch_book(path)
            self.show_error(self.tr("Restore failed; the book is unchanged. {exc}").format(exc=exc))

        # The book is closed meanwhile: a modal progress dialog keeps the window out of use.
        dialog = QProgressDialog(self.tr("Restoring…"), "", 0, 0, self)
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
            self.statusBar().showMessage(self.tr("Select a customer first."), 4000)
            return
        folder = self.ask_folder(
            self.tr("Where to save everything about this customer"), self._documents()
        )
        if folder is None:
            return
        try:
            json_path, pdf_path = privacy.write_pack(cid, folder)
        except access.AccessDenied as exc:
            self.show_error(str(exc))
            return
        except (OSError, *DB_ERRORS) as exc:
            self.show_error(self.tr("Could not write the pack: {exc}").format(exc=exc))
            return
        self.statusBar().showMessage(
            self.tr("Saved {name} and {name2} in {folder}").format(
                name=json_path.name, name2=pdf_path.name, folder=folder
            ),
            8000,
        )

    def forget_customer(self) -> None:
        from crmdesk.services import privacy

        cid = self.profile.customer_id
        if cid is None:
            self.statusBar().showMessage(self.tr("Select a customer first."), 4000)
            return
        name = self.profile.current_data().display_name
        if not self.ask_yes(
            self.tr("Forget this customer"),
            self.tr(
                "Erase everything that identifies {name} (#{cid}): names, "
                "contact details, notes, the text of interactions and "
                "purchases. Counts and totals stay, anonymised. This cannot "
                "be undone."
            ).format(name=name, cid=cid),
        ):
            return
        try:
            privacy.forget(cid)
        except (LookupError, *DB_ERRORS) as exc:
            self.show_error(str(exc))
            return
        self.undo_stack.clear()  # nothing before this can be undone onto erased data
        self.profile.load(None)
        self._announce([cid])
        self.run_with_progress(
            self.tr("Clearing the erased data from the file…"),
            lambda _progress: privacy.purge_freed_space(),
            lambda _r: self.statusBar().showMessage(
                self.tr("#{cid} was forgotten.").format(cid=cid), 8000
            ),
        )

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
        self.undo_stack.push(
            undo.ServiceCommand(
                self.tr("Merge into {name}").format(name=name),
                again,
                back,
                self._announce,
                self._command_failed,
            )
        )
        self._announce([keep, other])
        self.show_customer(keep)
        self.statusBar().showMessage(
            self.tr("Merged into {name}. Ctrl+Z to undo.").format(name=name), 6000
        )
