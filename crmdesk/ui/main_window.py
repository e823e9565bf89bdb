"""The main window: navigation pane, customer list + profile, Trash, menus and toolbar."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import peewee
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QUndoStack
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk import __version__, paths
from crmdesk.services import customer_query, customers, demo, saved_views, settings
from crmdesk.services.customers import ValidationFailed
from crmdesk.services.validation import InvalidValue
from crmdesk.store.book import Book, open_book
from crmdesk.store.db import BookError, db, describe_error
from crmdesk.ui import undo, workers
from crmdesk.ui.actions import build_actions
from crmdesk.ui.events import EventHub
from crmdesk.ui.views.customer_list import CustomerListView
from crmdesk.ui.views.profile import ProfileEditor

DB_ERRORS = (peewee.DatabaseError, sqlite3.DatabaseError, OSError)
DEMO_CUSTOMERS = 500


class MainWindow(QMainWindow):
    def __init__(self, book: Book, qsettings: QSettings | None = None, offer_demo: bool = False):
        super().__init__()
        self.book = book
        self.qsettings = qsettings or QSettings()
        self.hub = EventHub(self)
        self.undo_stack = QUndoStack(self)
        self.region = settings.default_region()
        self.setWindowIcon(QIcon(str(paths.resource("crmdesk.svg"))))
        self._build()
        self._restore_state()
        self._update_title()
        if offer_demo:
            QTimer.singleShot(0, self._offer_demo)

    # --- construction ---------------------------------------------------------------------
    def _build(self) -> None:
        self.actions = build_actions(self, {
            "new_book": self.new_book, "open_book": self.open_book_dialog,
            "open_demo": self.open_demo_book, "quit": self.close,
            "new_customer": self.new_customer, "save": self.save, "revert": self.cancel_edit,
            "archive": self.archive_selected, "restore": self.restore_selected,
            "undo": self.undo, "redo": self.redo, "find": self.focus_search,
            "refresh": self.refresh, "save_view": self.save_view,
            "delete_view": self.delete_view, "region": self.choose_region,
            "about": self.about,
        })
        self.customers = CustomerListView(archived=False)
        self.profile = ProfileEditor(self.region)
        self.profile.setMinimumWidth(380)
        self.customers.setMinimumWidth(320)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.customers)
        self.splitter.addWidget(self.profile)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([700, 560])

        self.trash = CustomerListView(archived=True)
        restore = QPushButton("Restore selected")
        restore.setToolTip("Bring the selected customers back to the customer list")
        restore.clicked.connect(self.restore_selected)
        trash_page = QWidget()
        trash_layout = QVBoxLayout(trash_page)
        hint = QLabel("Archived customers stay here, with everything the book knows about "
                      "them. Restore brings them back to the list.")
        hint.setWordWrap(True)
        trash_layout.addWidget(hint)
        trash_layout.addWidget(self.trash, 1)
        trash_layout.addWidget(restore, 0, Qt.AlignmentFlag.AlignRight)
        self.restore_button = restore

        self.pages = QStackedWidget()
        self.pages.addWidget(self.splitter)
        self.pages.addWidget(trash_page)

        self.nav = QTreeWidget()
        self.nav.setHeaderHidden(True)
        self.nav.setAccessibleName("Navigation")
        self.nav.setRootIsDecorated(True)
        self.nav.setMinimumWidth(150)
        self.nav.setToolTip("Views of the book; saved views sit under Customers")
        self.nav_customers = QTreeWidgetItem(["Customers"])
        self.nav_customers.setData(0, Qt.ItemDataRole.UserRole, ("page", 0))
        self.nav_trash = QTreeWidgetItem(["Trash"])
        self.nav_trash.setData(0, Qt.ItemDataRole.UserRole, ("page", 1))
        self.nav.addTopLevelItems([self.nav_customers, self.nav_trash])
        self.nav.currentItemChanged.connect(self._nav_changed)

        self.outer = QSplitter(Qt.Orientation.Horizontal)
        self.outer.addWidget(self.nav)
        self.outer.addWidget(self.pages)
        self.outer.setStretchFactor(1, 1)
        self.outer.setSizes([180, 1180])
        self.setCentralWidget(self.outer)

        self._build_menus()
        self.book_label = QLabel()
        self.statusBar().addPermanentWidget(self.book_label)

        self.customers.current_changed.connect(self._customer_selected)
        self.customers.activated.connect(self._open_profile)
        self.trash.activated.connect(lambda _cid: self.restore_selected())
        self.profile.save_button.clicked.connect(self.save)
        self.profile.revert_button.clicked.connect(self.cancel_edit)
        self.profile.dirty_changed.connect(self._dirty_changed)
        self.hub.customers_changed.connect(self._customers_changed)
        self.undo_stack.canUndoChanged.connect(self.actions["undo"].setEnabled)
        self.undo_stack.canRedoChanged.connect(self.actions["redo"].setEnabled)
        self.undo_stack.undoTextChanged.connect(
            lambda t: self.actions["undo"].setText(f"&Undo {t}" if t else "&Undo"))
        self.undo_stack.redoTextChanged.connect(
            lambda t: self.actions["redo"].setText(f"&Redo {t}" if t else "&Redo"))
        self.actions["undo"].setEnabled(False)
        self.actions["redo"].setEnabled(False)
        self.actions["save"].setEnabled(False)
        self._load_book_data()
        self.nav.setCurrentItem(self.nav_customers)

    def _build_menus(self) -> None:
        a = self.actions
        menus: list[tuple[str, list[str | None]]] = [
            ("&File", ["new_book", "open_book", "open_demo", None, "quit"]),
            ("&Edit", ["undo", "redo", None, "new_customer", "save", "revert", None,
                       "archive", "restore"]),
            ("&View", ["find", "refresh", None, "save_view", "delete_view"]),
            ("&Settings", ["region"]),
            ("&Help", ["about"]),
        ]
        for title, names in menus:
            menu = self.menuBar().addMenu(title)
            for name in names:
                if name is None:
                    menu.addSeparator()
                else:
                    menu.addAction(a[name])
        theme_menu = self.menuBar().actions()[2].menu().addMenu("&Theme")
        for name in ("system", "light", "dark"):
            action = QAction(name.capitalize(), self)
            action.setCheckable(True)
            action.setData(name)
            action.triggered.connect(lambda _c=False, n=name: self.set_theme(n))
            theme_menu.addAction(action)
        self.theme_menu = theme_menu
        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("mainToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for name in ("new_customer", "save", "archive", None, "undo", "redo", None, "refresh"):
            if name is None:
                toolbar.addSeparator()
            else:
                toolbar.addAction(a[name])
        for action in a.values():
            self.addAction(action)  # shortcuts work whatever has the focus

    # --- book -----------------------------------------------------------------------------
    def _load_book_data(self) -> None:
        self.region = settings.default_region()
        self.profile.region = self.region
        choices = customers.choices()
        self.customers.reload(choices)
        self.trash.reload(choices)
        self.profile.set_choices(choices.segments, choices.owners)
        self._rebuild_saved_views()
        self._update_nav_counts()
        self.book_label.setText(str(self.book.path))
        self.book_label.setToolTip("The book file open now")

    def switch_book(self, path: Path, build_demo: bool = False) -> bool:
        if not self.maybe_discard():
            return False
        old = self.book
        try:
            book = open_book(path)
        except BookError as exc:
            db.initialize(old.database)  # keep working on the book that was open
            self.show_error(str(exc))
            return False
        if old.database is not book.database:
            old.database.close()
        self.book = book
        self.undo_stack.clear()
        self.profile.load(None)
        self._load_book_data()
        self._update_title()
        self.qsettings.setValue("book/last", str(path))
        if build_demo and customer_query.count() + customer_query.count(True) == 0:
            self._build_demo()
        self.statusBar().showMessage(f"Opened {path}", 5000)
        return True

    def new_book(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "New client book", str(paths.data_dir()),
                                              "crmdesk books (*.db)")
        if name:
            target = Path(name)
            if target.exists():
                self.show_error(f"{target} already exists; choose a new name.")
                return
            self.switch_book(target)

    def open_book_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Open client book", str(paths.data_dir()),
                                              "crmdesk books (*.db);;All files (*)")
        if name:
            self.switch_book(Path(name))

    def open_demo_book(self) -> None:
        self.switch_book(paths.data_dir() / "demo.db", build_demo=True)

    def _offer_demo(self) -> None:
        if customer_query.count() + customer_query.count(True) > 0:
            return
        if self.qsettings.value("demo/offered", False, type=bool):
            return
        self.qsettings.setValue("demo/offered", True)
        answer = QMessageBox.question(
            self, "Welcome to crmdesk",
            "This client book is empty.\n\nWould you like to explore a demo book of "
            f"{DEMO_CUSTOMERS} sample clients first? Your own book stays as it is; you can "
            "come back to it with File ▸ Open Book.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.open_demo_book()

    def _build_demo(self) -> None:
        dialog = QProgressDialog("Building the demo book…", "Cancel", 0, DEMO_CUSTOMERS, self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        task = workers.Task(lambda progress: demo.build_demo(DEMO_CUSTOMERS, 7, progress))
        task.signals.progress.connect(lambda done, _total: dialog.setValue(done))
        dialog.canceled.connect(task.cancel)

        def finished(_result: object) -> None:
            dialog.reset()
            self._load_book_data()
            self.statusBar().showMessage("Demo book ready: explore freely.", 5000)

        def failed(exc: object) -> None:
            dialog.reset()
            self.show_error(describe_error(exc) if isinstance(exc, Exception) else str(exc))

        task.signals.finished.connect(finished)
        task.signals.failed.connect(failed)
        self._demo_task = workers.start(task)

    # --- navigation -----------------------------------------------------------------------
    def _nav_changed(self, item: QTreeWidgetItem | None, _prev: Any = None) -> None:
        if item is None:
            return
        kind, value = item.data(0, Qt.ItemDataRole.UserRole)
        if kind == "page":
            self.pages.setCurrentIndex(value)
        elif kind == "view":
            self.pages.setCurrentIndex(0)
            try:
                self.customers.set_filter(saved_views.load(value))
            except LookupError as exc:
                self.show_error(str(exc))
                return
            self.statusBar().showMessage(f"Showing saved view “{value}”", 4000)
        on_trash = self.pages.currentIndex() == 1
        self.actions["restore"].setEnabled(on_trash)
        self.actions["archive"].setEnabled(not on_trash)

    def _rebuild_saved_views(self) -> None:
        self.nav_customers.takeChildren()
        for name in saved_views.names():
            child = QTreeWidgetItem([name])
            child.setData(0, Qt.ItemDataRole.UserRole, ("view", name))
            child.setToolTip(0, f"Saved view: {name}")
            self.nav_customers.addChild(child)
        self.nav_customers.setExpanded(True)

    def _update_nav_counts(self) -> None:
        self.nav_customers.setText(0, f"Customers ({self.customers.model.total:,})")
        self.nav_trash.setText(0, f"Trash ({self.trash.model.total:,})")

    def save_view(self) -> None:
        name, ok = QInputDialog.getText(self, "Save view", "Name for this view:")
        if not ok:
            return
        try:
            saved_views.save(name, self.customers.current_filter())
        except ValueError as exc:
            self.show_error(str(exc))
            return
        self._rebuild_saved_views()
        self.statusBar().showMessage(f"Saved view “{name.strip()}”", 4000)

    def delete_view(self) -> None:
        item = self.nav.currentItem()
        data = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        if not data or data[0] != "view":
            self.statusBar().showMessage("Select a saved view in the navigation pane first.",
                                         4000)
            return
        saved_views.delete(data[1])
        self.nav.setCurrentItem(self.nav_customers)
        self._rebuild_saved_views()
        self.statusBar().showMessage(f"Deleted saved view “{data[1]}”", 4000)

    # --- editing --------------------------------------------------------------------------
    def ask_unsaved(self) -> QMessageBox.StandardButton:
        """Save, Discard or Cancel for unsaved profile edits (tests replace this)."""
        return QMessageBox.question(
            self, "Unsaved changes",
            f"Save your changes to {self.profile.current_data().display_name}?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)

    def ask_discard(self) -> QMessageBox.StandardButton:
        """Discard or Cancel, when Esc would drop unsaved edits (tests replace this)."""
        return QMessageBox.question(
            self, "Discard changes", "Discard your unsaved changes?",
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)

    def maybe_discard(self) -> bool:
        """True when it is fine to replace what the profile shows."""
        if not self.profile.is_dirty():
            return True
        answer = self.ask_unsaved()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def _customer_selected(self, cid: int | None) -> None:
        if cid is None:
            if self.profile.is_open and not self.profile.is_dirty() and not self.profile.is_new:
                self.profile.load(None)
            return
        if cid == self.profile.customer_id:
            return
        if not self.maybe_discard():
            self.customers.select_id(self.profile.customer_id)
            return
        self._show_customer(cid)

    def _show_customer(self, cid: int) -> None:
        try:
            self.profile.load(customers.load(cid))
        except LookupError:
            self.profile.load(None)
        except DB_ERRORS as exc:
            self.show_error(describe_error(exc))

    def _open_profile(self, cid: int) -> None:
        if self.profile.customer_id != cid:
            self._customer_selected(cid)
        self.profile.given.setFocus()
        self.profile.given.selectAll()

    def new_customer(self) -> None:
        if self.pages.currentIndex() != 0:
            self.nav.setCurrentItem(self.nav_customers)
        if not self.maybe_discard():
            return
        choices = customers.choices()
        self.profile.set_choices(choices.segments, choices.owners)
        self.profile.load(None, new=True)
        self.profile.given.setFocus()
        self.statusBar().showMessage("New customer: fill in the profile and press Ctrl+S.", 5000)

    def save(self) -> bool:
        """Store the profile; returns False (with the reasons shown) when it cannot."""
        if not self.profile.is_open or not self.profile.is_dirty():
            return True
        data = self.profile.current_data()
        try:
            if self.profile.is_new:
                cid = customers.create(data, self.region)
                self.undo_stack.push(undo.add_customer(
                    cid, data.display_name, self._announce, self._command_failed))
                verb = "Added"
            else:
                cid = self.profile.customer_id
                assert cid is not None
                before = customers.load(cid)
                customers.update(cid, data, self.region)
                self.undo_stack.push(undo.edit_customer(
                    cid, before, data, self.region, self._announce, self._command_failed))
                verb = "Saved"
        except ValidationFailed as exc:
            self.profile.show_problems(exc.problems)
            self.statusBar().showMessage("Not saved: " + exc.problems[0].message, 8000)
            return False
        except DB_ERRORS as exc:
            self.show_error(describe_error(exc, self.book.path))
            return False
        self.profile.load(customers.load(cid))
        self._announce([cid])
        self.customers.select_id(cid)
        self.statusBar().showMessage(f"{verb} {data.display_name}", 5000)
        return True

    def cancel_edit(self) -> None:
        """Esc: drop unsaved edits (after asking), or leave a blank new-customer form."""
        if not self.profile.is_open:
            return
        was_dirty = self.profile.is_dirty()
        if was_dirty and self.ask_discard() != QMessageBox.StandardButton.Discard:
            return
        if self.profile.is_new or self.profile.customer_id is None:
            current = self.customers.current_id()
            self.profile.load(None)
            if current is not None:
                self._show_customer(current)
        else:
            self._show_customer(self.profile.customer_id)
        if was_dirty:
            self.statusBar().showMessage("Changes discarded", 3000)

    def archive_selected(self) -> None:
        if self.pages.currentIndex() != 0:
            return
        ids = self.customers.selected_ids()
        if not ids:
            self.statusBar().showMessage("Select the customers to archive first.", 4000)
            return
        if self.profile.customer_id in ids and self.profile.is_dirty() and \
                not self.maybe_discard():
            return
        self._archive(ids, True)

    def restore_selected(self) -> None:
        ids = self.trash.selected_ids()
        if not ids:
            self.statusBar().showMessage("Select the customers to restore first.", 4000)
            return
        self._archive(ids, False)

    def _archive(self, ids: list[int], archived: bool) -> None:
        names = customer_query.rows_by_id(ids[:1])
        first = names.get(ids[0])
        label = f"{first[1]} {first[2]}".strip() if first else f"#{ids[0]}"
        what = label if len(ids) == 1 else f"{len(ids):,} customers"
        text = f"{'Archive' if archived else 'Restore'} {what}"
        try:
            customers.set_archived(ids, archived)
        except DB_ERRORS as exc:
            self.show_error(describe_error(exc, self.book.path))
            return
        self.undo_stack.push(undo.set_archived(ids, archived, text, self._announce,
                                               self._command_failed))
        self._announce(ids)
        verb = "Moved to Trash" if archived else "Restored"
        self.statusBar().showMessage(f"{verb}: {what}. Ctrl+Z to undo.", 6000)

    def undo(self) -> None:
        if self.undo_stack.canUndo() and self.maybe_discard():
            self.undo_stack.undo()

    def redo(self) -> None:
        if self.undo_stack.canRedo() and self.maybe_discard():
            self.undo_stack.redo()

    def _announce(self, ids: list[int]) -> None:
        self.hub.customers_changed.emit(ids)

    def _command_failed(self, exc: Exception) -> None:
        self.show_error(describe_error(exc, self.book.path)
                        if isinstance(exc, DB_ERRORS) else str(exc))

    def _customers_changed(self, ids: list[int]) -> None:
        self.customers.refresh(ids)
        self.trash.refresh(ids)
        choices = customers.choices()
        self.customers.refresh_choices(choices)
        self.trash.refresh_choices(choices)
        self._update_nav_counts()
        cid = self.profile.customer_id
        if cid in ids and not self.profile.is_dirty():
            self._show_customer(cid)
            if self.profile.is_archived and self.pages.currentIndex() == 0:
                self.profile.load(None)  # it went to the Trash

    def _dirty_changed(self, dirty: bool) -> None:
        self.actions["save"].setEnabled(dirty)
        self.setWindowModified(dirty)

    def focus_search(self) -> None:
        view = self.trash if self.pages.currentIndex() == 1 else self.customers
        view.search.setFocus()
        view.search.selectAll()

    def refresh(self) -> None:
        self.customers.reload()
        self.trash.reload()
        self._rebuild_saved_views()
        self._update_nav_counts()
        self.statusBar().showMessage("Reloaded from the book", 2000)

    def choose_region(self) -> None:
        code, ok = QInputDialog.getText(
            self, "Default phone region",
            "Two-letter region for numbers typed without +country code (e.g. US, GB, ES):",
            text=self.region)
        if not ok:
            return
        try:
            settings.set_default_region(code)
        except InvalidValue as exc:
            self.show_error(str(exc))
            return
        self.region = self.profile.region = settings.default_region()
        self.profile.phones.revalidate()
        self.statusBar().showMessage(f"Phone numbers now default to region {self.region}", 4000)

    def set_theme(self, name: str) -> None:
        from PySide6.QtWidgets import QApplication

        from crmdesk.ui.theme import apply_theme

        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, name)
        self.qsettings.setValue("ui/theme", name)
        for action in self.theme_menu.actions():
            action.setChecked(action.data() == name)

    def about(self) -> None:
        QMessageBox.about(self, "About crmdesk",
                          f"crmdesk {__version__}\n\nAn offline-first client book for people "
                          "who give personal assistance.\n\nBook: " + str(self.book.path))

    def show_error(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)
        box = QMessageBox(QMessageBox.Icon.Warning, "crmdesk", message,
                          QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.open()
        self.last_error = message

    last_error = ""

    # --- window state ---------------------------------------------------------------------
    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.book.path.name}[*] — crmdesk")

    def _restore_state(self) -> None:
        s = self.qsettings
        geometry = s.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1360, 760)
        for key, restore in (("window/state", self.restoreState),
                             ("window/splitter", self.splitter.restoreState),
                             ("window/outer", self.outer.restoreState),
                             ("window/columns",
                              self.customers.table.horizontalHeader().restoreState)):
            value = s.value(key)
            if value is not None:
                restore(value)
        theme = str(s.value("ui/theme", "system"))
        for action in self.theme_menu.actions():
            action.setChecked(action.data() == theme)

    def save_state(self) -> None:
        s = self.qsettings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("window/splitter", self.splitter.saveState())
        s.setValue("window/outer", self.outer.saveState())
        s.setValue("window/columns", self.customers.table.horizontalHeader().saveState())
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt naming
        if not self.maybe_discard():
            event.ignore()
            return
        self.save_state()
        event.accept()

