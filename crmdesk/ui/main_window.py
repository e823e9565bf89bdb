"""The main window: navigation pane, customer list + profile, Trash, menus and toolbar."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QRect, QSettings, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QGuiApplication,
    QIcon,
    QShowEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QComboBox,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk import paths
from crmdesk.services import (
    audit,
    customer_query,
    customers,
    lifecycle,
    saved_views,
    settings,
)
from crmdesk.services.customers import ValidationFailed
from crmdesk.services.validation import InvalidValue
from crmdesk.store.book import Book
from crmdesk.store.db import DB_ERRORS, describe_error
from crmdesk.ui import analytics_pages, icons, undo
from crmdesk.ui.account_actions import AccountActions
from crmdesk.ui.actions import build_actions
from crmdesk.ui.book_actions import BookActions
from crmdesk.ui.contact_actions import ContactActions
from crmdesk.ui.data_actions import DataActions
from crmdesk.ui.events import EventHub
from crmdesk.ui.lifecycle_actions import LifecycleActions
from crmdesk.ui.loyalty_actions import LoyaltyActions
from crmdesk.ui.message_actions import MessageActions
from crmdesk.ui.views.today import TodayView
from crmdesk.ui.widgets import vocabulary, wheel_guard


class MainWindow(BookActions, ContactActions, LifecycleActions, LoyaltyActions,
                 DataActions, AccountActions, MessageActions, QMainWindow):
    def __init__(self, book: Book, qsettings: QSettings | None = None, offer_demo: bool = False):
        super().__init__()
        wheel_guard.install()  # only a focused field takes the mouse wheel
        self.book = book
        self.qsettings = qsettings or QSettings()
        self.hub = EventHub(self)
        self._views: dict[tuple[int, str], float] = {}
        self.save_refusal: str | None = None  # why the last save was refused
        self._shown_once = False
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
            "about": self.about, "quick_capture": self.quick_capture,
            "log_interaction": self.log_interaction, "add_follow_up": self.add_follow_up,
            "export_ics": self.export_ics, "staff": self.manage_staff,
            "cadence": self.edit_cadence, "funnel": self.show_funnel,
            "stages": self.edit_stages, "record_purchase": self.record_purchase,
            "redeem_points": self.redeem_points, "adjust_points": self.adjust_points,
            "statement": self.customer_statement, "batch_statements": self.batch_statements,
            "loyalty_programme": self.edit_loyalty_programme,
            "import_contacts": self.import_contacts, "undo_import": self.undo_earlier_import,
            "export_vcf": lambda: self.export_list("vcf"),
            "export_csv": lambda: self.export_list("csv"), "export_book": self.export_book,
            "export_xlsx": lambda: self.export_list("xlsx"),
            "export_google_csv": lambda: self.export_list("google"),
            "export_outlook_csv": lambda: self.export_list("outlook"),
            "back_up": self.back_up_now, "restore_backup": self.restore_backup,
            "duplicates": self.find_duplicates, "encrypt_book": self.encrypt_book,
            "change_passphrase": self.change_passphrase, "audit": self.show_audit,
            "export_customer_data": self.export_customer_data,
            "forget_customer": self.forget_customer, "lock": self.lock_window,
            "switch_user": self.switch_user, "my_password": self.change_my_password,
            "lock_after": self.edit_lock_after,
            "remember_passphrase": self.toggle_remember_passphrase,
        })
        self.today = TodayView()
        self.today.person = self.current_user  # My day is the day of who works now
        self.pages = QStackedWidget()
        # My day is the first page; the others (the customer list and profile, the board, the
        # interaction log, the Trash) are built on first use (_build_pages): right after the
        # first paint, or at once when something asks for one of them.
        self.pages.addWidget(self.today)
        for _ in range(4):
            self.pages.addWidget(QWidget())

        self.nav = QTreeWidget()
        self.nav.setHeaderHidden(True)
        self.nav.setAccessibleName(self.tr("Navigation"))
        self.nav.setRootIsDecorated(True)
        self.nav.setMinimumWidth(150)
        self.nav.setToolTip(self.tr("Views of the book; saved views sit under Customers"))
        self.nav_today = QTreeWidgetItem([self.tr("My day")])
        self.nav_today.setData(0, icons.NAV_KEY_ROLE, "My day")
        self.nav_today.setData(0, Qt.ItemDataRole.UserRole, ("page", 0))
        self.nav_customers = QTreeWidgetItem([self.tr("Customers")])
        self.nav_customers.setData(0, icons.NAV_KEY_ROLE, "Customers")
        self.nav_customers.setData(0, Qt.ItemDataRole.UserRole, ("page", 1))
        self.nav_board = QTreeWidgetItem([self.tr("Lifecycle board")])
        self.nav_board.setData(0, icons.NAV_KEY_ROLE, "Lifecycle board")
        self.nav_board.setData(0, Qt.ItemDataRole.UserRole, ("page", 2))
        self.nav_interactions = QTreeWidgetItem([self.tr("Interactions")])
        self.nav_interactions.setData(0, icons.NAV_KEY_ROLE, "Interactions")
        self.nav_interactions.setData(0, Qt.ItemDataRole.UserRole, ("page", 3))
        self.nav_trash = QTreeWidgetItem([self.tr("Trash")])
        self.nav_trash.setData(0, icons.NAV_KEY_ROLE, "Trash")
        self.nav_trash.setData(0, Qt.ItemDataRole.UserRole, ("page", 4))
        self.nav.addTopLevelItems([self.nav_today, self.nav_customers, self.nav_board,
                                   self.nav_interactions, self.nav_trash])
        self.nav.currentItemChanged.connect(self._nav_changed)

        self.outer = QSplitter(Qt.Orientation.Horizontal)
        self.outer.addWidget(self.nav)
        self.outer.addWidget(self.pages)
        self.outer.setStretchFactor(1, 1)
        self.outer.setSizes([180, 1180])
        self.lock_page = QLabel(self.tr("crmdesk is locked."))
        self.lock_page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.lock_page.setAccessibleName(self.tr("Locked"))
        self.central_stack = QStackedWidget()
        self.central_stack.addWidget(self.outer)
        self.central_stack.addWidget(self.lock_page)
        self.setCentralWidget(self.central_stack)

        self._build_menus()
        self.install_message_actions()  # Write to…, Print Brief, Message Templates…
        self.book_label = QLabel()
        self.statusBar().addPermanentWidget(self.book_label)

        self.hub.customers_changed.connect(self._customers_changed)
        self.hub.interactions_changed.connect(self._interactions_changed)
        for signal in (self.hub.interactions_changed, self.hub.loyalty_changed):
            signal.connect(lambda ids: self.summary_view.customer_id in ids
                           and self.summary_view.reload())
        self.hub.loyalty_changed.connect(self._loyalty_changed)
        self.hub.programme_changed.connect(self._programme_changed)
        self.today.open_customer.connect(self.show_customer)
        self.today.log_call.connect(self.log_call)
        self.today.follow_up_done.connect(self.follow_up_done)
        self.today.capture_requested.connect(self.quick_capture)
        self.today.import_requested.connect(self.import_contacts)
        self.today.scope_changed.connect(lambda _s: self._update_nav_counts())
        self.undo_stack.canUndoChanged.connect(self.actions["undo"].setEnabled)
        self.undo_stack.canRedoChanged.connect(self.actions["redo"].setEnabled)
        self.undo_stack.undoTextChanged.connect(
            lambda t: self.actions["undo"].setText(self.tr("&Undo {t}")
                                                   .format(t=t) if t else self.tr("&Undo")))
        self.undo_stack.redoTextChanged.connect(
            lambda t: self.actions["redo"].setText(self.tr("&Redo {t}")
                                                   .format(t=t) if t else self.tr("&Redo")))
        self.actions["undo"].setEnabled(False)
        self.actions["redo"].setEnabled(False)
        self.actions["save"].setEnabled(False)
        from crmdesk.ui.lock import WindowLock

        self.window_lock = WindowLock(self)
        from crmdesk.ui import reminders

        self.reminder_center = reminders.install(self)
        from crmdesk.ui import agenda_actions

        agenda_actions.install(self)
        self.window_lock.locked_changed.connect(
            lambda locked: None if locked else self.reminder_center.unlocked())
        # Nothing but the first paint before the window shows: the book's data (My day, the
        # lists, reminders, expiry, the automatic backup) is read right after it (see
        # finish_loading), or at once when something needs it sooner.
        self.loading = True
        self.statusBar().showMessage(self.tr("Reading the book…"))
        self.nav.setCurrentItem(self.nav_today)
        self.actions["remember_passphrase"].setCheckable(True)
        self.menuBar().actions()[0].menu().aboutToShow.connect(self.refresh_remember_passphrase)
        self.apply_permissions()
        analytics_pages.install(self)  # the relationship canvas and dashboards
        from crmdesk.ui import office_window

        office_window.install(self)  # the office book: sync worker, status item, dialogs

        from crmdesk.ui import chrome

        chrome.install(self)  # icons, steady toolbar labels, Help (F1, Ctrl+/), About

    #: the pages built on first use (see _build_pages)
    LAZY_PAGES = frozenset({"customers", "profile", "timeline", "loyalty", "summary_view",
                            "detail_tabs", "splitter", "trash", "restore_button", "trash_page",
                            "board", "interaction_log", "agenda", "reschedule"})

    def __getattr__(self, name: str) -> Any:
        """A page not built yet is built when first asked for (only names not found)."""
        if name in MainWindow.LAZY_PAGES and not self.__dict__.get("_pages_building"):
            self._build_pages()
            return self.__dict__[name]
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    @property
    def pages_built(self) -> bool:
        return bool(self.__dict__.get("_pages_built"))

    def when_pages_built(self, call: Any) -> None:
        """Run `call()` as the pages are built (at once if they are)."""
        if self.pages_built or self.__dict__.get("_pages_building"):
            call()
        else:
            self.__dict__.setdefault("_page_hooks", []).append(call)

    def _build_pages(self) -> None:
        """The customer list and profile, the board, the interaction log and the Trash: not
        needed for the first paint (the window opens on My day), so built right after it
        (finish_loading) or when first asked for, with their connections and saved state."""
        if self.__dict__.get("_pages_built") or self.__dict__.get("_pages_building"):
            return
        self._pages_building = True
        from crmdesk.ui.views.board import BoardView
        from crmdesk.ui.views.customer_list import CustomerListView
        from crmdesk.ui.views.interaction_log import InteractionLogView
        from crmdesk.ui.views.loyalty_tab import LoyaltyTab
        from crmdesk.ui.views.profile import ProfileEditor
        from crmdesk.ui.views.summary import SummaryView
        from crmdesk.ui.views.timeline import TimelineView

        self.customers = CustomerListView(archived=False)
        self.customers.me = lambda: (self.user_combo.currentText()
                                     if self.user_combo.currentData() is not None else "")
        self.profile = ProfileEditor(self.region)
        self.customers.setMinimumWidth(320)
        self.timeline = TimelineView()
        self.loyalty = LoyaltyTab()
        self.summary_view = SummaryView()
        self.detail_tabs = QTabWidget()
        # read first, edit on demand
        self.detail_tabs.addTab(self.summary_view, self.tr("S&ummary"))
        self.detail_tabs.addTab(self.profile, self.tr("&Profile"))
        self.detail_tabs.addTab(self.timeline, self.tr("Ti&meline"))
        self.detail_tabs.addTab(self.loyalty, self.tr("Lo&yalty"))
        self.detail_tabs.setMinimumWidth(380)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.customers)
        self.splitter.addWidget(self.detail_tabs)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([700, 560])

        self.trash = CustomerListView(archived=True)
        restore = QPushButton(self.tr("Restore selected"))
        restore.setToolTip(self.tr("Bring the selected customers back to the customer list"))
        restore.clicked.connect(self.restore_selected)
        trash_page = QWidget()
        trash_layout = QVBoxLayout(trash_page)
        hint = QLabel(self.tr("Archived customers stay here, with everything the book knows about "
                      "them. Restore brings them back to the list."))
        hint.setWordWrap(True)
        trash_layout.addWidget(hint)
        trash_layout.addWidget(self.trash, 1)
        trash_layout.addWidget(restore, 0, Qt.AlignmentFlag.AlignRight)
        self.restore_button = restore

        self.board = BoardView()
        self.interaction_log = InteractionLogView()
        self.trash_page = trash_page
        for index, page in enumerate((self.splitter, self.board, self.interaction_log,
                                      trash_page), start=1):
            placeholder = self.pages.widget(index)
            self.pages.insertWidget(index, page)
            self.pages.removeWidget(placeholder)
            placeholder.deleteLater()
        self.customers.current_changed.connect(self._customer_selected)
        self.customers.activated.connect(self._open_profile)
        self.trash.activated.connect(lambda _cid: self.restore_selected())
        self.profile.save_button.clicked.connect(self.save)
        self.profile.revert_button.clicked.connect(self.cancel_edit)
        self.profile.dirty_changed.connect(self._dirty_changed)
        self.timeline.log_requested.connect(self.log_interaction)
        self.timeline.follow_up_requested.connect(self.add_follow_up)
        self.timeline.edit_requested.connect(self.edit_interaction)
        self.timeline.done_requested.connect(self.follow_up_done)
        self.profile.customer_shown.connect(self.loyalty.show_customer)
        self.profile.customer_shown.connect(self.summary_view.show_customer)
        self.summary_view.edit_requested.connect(self.edit_section)
        self.loyalty.purchase_requested.connect(self.record_purchase)
        self.loyalty.redeem_requested.connect(self.redeem_points)
        self.loyalty.points_requested.connect(self.adjust_points)
        self.loyalty.statement_requested.connect(self.customer_statement)
        self.loyalty.reverse_requested.connect(self.reverse_purchase)
        self.interaction_log.customer_requested.connect(self.show_customer)
        self.board.move_requested.connect(self.move_customers)
        self.board.reason_move_requested.connect(self.move_customers)
        self.board.open_customer.connect(self.show_customer)
        self.board.suggestion_accepted.connect(
            lambda cid: self.move_customers(
                [cid], "reactivation",
                self.tr("Suggested: no interaction for {days} days")
                .format(days=lifecycle.reactivation_days())))
        self.board.suggestion_dismissed.connect(self.dismiss_suggestion)
        for call in self.__dict__.pop("_page_hooks", []):  # pages of other modules (Agenda)
            call()
        from crmdesk.ui import context_menus

        context_menus.install(self)
        s = self.qsettings
        for key, restore in (
            ("window/splitter", self.splitter.restoreState),
            ("window/columns", self.customers.table.horizontalHeader().restoreState),
        ):
            value = s.value(key)
            if value is not None:
                restore(value)
        self.customers.sort_best_match()  # saved columns carry a sort indicator: not kept
        self._pages_built = True
        self._pages_building = False
        self.apply_permissions()

    def _build_menus(self) -> None:
        a = self.actions
        menus: list[tuple[str, list[str | None]]] = [
            (
                self.tr("&File"),
                [
                    "new_book",
                    "open_book",
                    "open_demo",
                    None,
                    "import_contacts",
                    "undo_import",
                    "export_vcf",
                    "export_csv",
                    "export_xlsx",
                    "export_google_csv",
                    "export_outlook_csv",
                    "export_book",
                    None,
                    "back_up",
                    "restore_backup",
                    None,
                    "encrypt_book",
                    "change_passphrase",
                    "remember_passphrase",
                    None,
                    "lock",
                    "switch_user",
                    "my_password",
                    None,
                    "quit",
                ],
            ),
            (
                self.tr("&Edit"),
                [
                    "undo",
                    "redo",
                    None,
                    "new_customer",
                    "save",
                    "revert",
                    None,
                    "archive",
                    "restore",
                    None,
                    "duplicates",
                    None,
                    "export_customer_data",
                    "forget_customer",
                ],
            ),
            (
                self.tr("&Contact"),
                ["quick_capture", "log_interaction", "add_follow_up", None, "export_ics"],
            ),
            (
                self.tr("&Loyalty"),
                [
                    "record_purchase",
                    "redeem_points",
                    "adjust_points",
                    None,
                    "statement",
                    "batch_statements",
                ],
            ),
            (
                self.tr("&View"),
                ["find", "refresh", None, "save_view", "delete_view", None, "funnel"],
            ),
            (
                self.tr("&Settings"),
                [
                    "staff",
                    "stages",
                    "cadence",
                    "loyalty_programme",
                    "region",
                    None,
                    "lock_after",
                    "audit",
                ],
            ),
            (self.tr("&Help"), ["about"]),
        ]
        keys = ["File", "Edit", "Contact", "Loyalty", "View", "Settings", "Help"]
        for key, (title, names) in zip(keys, menus, strict=True):
            menu = self.menuBar().addMenu(title)
            menu.setObjectName(key)  # found by this name whatever the language
            for name in names:
                if name is None:
                    menu.addSeparator()
                else:
                    menu.addAction(a[name])
        theme_menu = self.menuBar().actions()[4].menu().addMenu(self.tr("&Theme"))
        theme_names = {
            "system": self.tr("&System"),
            "light": self.tr("&Light"),
            "dark": self.tr("&Dark"),
        }
        for name in ("system", "light", "dark"):
            action = QAction(theme_names[name], self)
            action.setCheckable(True)
            action.setData(name)
            action.triggered.connect(lambda _c=False, n=name: self.set_theme(n))
            theme_menu.addAction(action)
        self.theme_menu = theme_menu
        from crmdesk.ui import language_menu

        language_menu.install(self, self.menuBar().actions()[5].menu())  # Settings ▸ Language
        toolbar = self.toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for name in (
            "new_customer",
            "save",
            "archive",
            None,
            "quick_capture",
            "log_interaction",
            None,
            "undo",
            "redo",
            None,
            "refresh",
        ):
            if name is None:
                toolbar.addSeparator()
            else:
                toolbar.addAction(a[name])
        self.user_combo = QComboBox()
        self.user_combo.setAccessibleName(self.tr("Current user"))
        self.user_combo.setToolTip(self.tr("Who is using crmdesk: interactions you log are yours"))
        self.user_combo.setMinimumContentsLength(12)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        you = QLabel(self.tr("You: "))
        you.setObjectName("youLabel")
        toolbar.addWidget(you)
        toolbar.addWidget(self.user_combo)
        self.user_combo.currentIndexChanged.connect(self._user_changed)
        for action in a.values():
            self.addAction(action)  # shortcuts work whatever has the focus

    # --- navigation -----------------------------------------------------------------------
    def _nav_changed(self, item: QTreeWidgetItem | None, _prev: Any = None) -> None:
        if item is None:
            return
        if item is not self.nav_today:  # another page is wanted before the first paint
            self.finish_loading()
            self._build_pages()
        if not self.pages_built:  # My day, before the first paint: nothing else to do
            self.pages.setCurrentIndex(0)
            return
        kind, value = item.data(0, Qt.ItemDataRole.UserRole)
        if kind == "page":
            self.pages.setCurrentIndex(value)
            if self._on(self.interaction_log) and self.interaction_log.stale:
                self.interaction_log.reload()  # read when first looked at
            if self._on(self.board):
                self.board.stale = False
                self.board.set_filter(self.customers.current_filter())
            if self._on(self.splitter) and self.customers.stale:
                self.customers.stale = False
                self.customers.refresh([])
        elif kind == "view":
            self.pages.setCurrentWidget(self.splitter)
            try:
                self.customers.set_filter(saved_views.load(value))
            except LookupError as exc:
                self.show_error(str(exc))
                return
            self.statusBar().showMessage(
                self.tr("Showing saved view “{value}”").format(value=value), 4000
            )
        on_trash = self._on(self.trash_page)
        self.actions["restore"].setEnabled(on_trash and self.allowed("restore"))
        self.actions["archive"].setEnabled(self._on(self.splitter) and self.allowed("archive"))

    def _rebuild_saved_views(self) -> None:
        self.nav_customers.takeChildren()
        for name in saved_views.names():
            child = QTreeWidgetItem([name])
            child.setData(0, Qt.ItemDataRole.UserRole, ("view", name))
            child.setToolTip(0, self.tr("Saved view: {name}").format(name=name))
            self.nav_customers.addChild(child)
        self.nav_customers.setExpanded(True)

    def _on(self, page: QWidget) -> bool:
        return self.pages.currentWidget() is page

    def _update_nav_counts(self) -> None:
        self.nav_today.setText(
            0, self.tr("My day ({due_count})").format(
                due_count=vocabulary.number(self.today.due_count))
        )
        self.nav_customers.setText(
            0, self.tr("Customers ({total})").format(
                total=vocabulary.number(self.customers.model.total))
        )
        self.nav_trash.setText(0, self.tr("Trash ({total})").format(
            total=vocabulary.number(self.trash.model.total)))

    def save_view(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save view"), self.tr("Name for this view:"))
        if not ok:
            return
        try:
            saved_views.save(name, self.customers.current_filter())
        except ValueError as exc:
            self.show_error(str(exc))
            return
        self._rebuild_saved_views()
        self.statusBar().showMessage(
            self.tr("Saved view “{value}”").format(value=name.strip()), 4000
        )

    def delete_view(self) -> None:
        item = self.nav.currentItem()
        data = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        if not data or data[0] != "view":
            self.statusBar().showMessage(
                self.tr("Select a saved view in the navigation pane first."), 4000
            )
            return
        saved_views.delete(data[1])
        self.nav.setCurrentItem(self.nav_customers)
        self._rebuild_saved_views()
        self.statusBar().showMessage(
            self.tr("Deleted saved view “{value}”").format(value=data[1]), 4000
        )

    # --- editing --------------------------------------------------------------------------
    def ask_unsaved(self) -> QMessageBox.StandardButton:
        """Save, Discard or Cancel for unsaved profile edits (tests replace this)."""
        changed = self.profile.changed_fields()
        what = (
            "\n\n" + self.tr("Changed: {fields}.").format(fields=", ".join(changed))
            if changed
            else ""
        )
        return QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("Save your changes to {display_name}?{what}").format(
                display_name=self.profile.current_data().display_name, what=what
            ),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )

    def ask_discard(self) -> QMessageBox.StandardButton:
        """Discard or Cancel, when Esc would drop unsaved edits (tests replace this)."""
        return QMessageBox.question(
            self,
            self.tr("Discard changes"),
            self.tr("Discard your unsaved changes?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )

    def ask_save_refused(self, reason: str) -> QMessageBox.StandardButton:
        """Saving on the way out was refused: say why; Discard or Cancel (tests replace this)."""
        return QMessageBox.warning(
            self,
            self.tr("Not saved"),
            self.tr(
                "Your changes to {display_name} cannot be saved.\n\n{reason}\n\nDiscard them, "
                "or Cancel to go back and correct them?"
            ).format(display_name=self.profile.current_data().display_name, reason=reason),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )

    def maybe_discard(self) -> bool:
        """True when it is fine to replace what the profile shows."""
        if not self.pages_built or not self.profile.is_dirty():
            return True
        answer = self.ask_unsaved()
        if answer == QMessageBox.StandardButton.Save:
            if self.save():
                return True
            reason = self.save_refusal or self.tr("The profile could not be saved.")
            return self.ask_save_refused(reason) == QMessageBox.StandardButton.Discard
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
            data, seen = customers.load_visible(cid)
            self.profile.load(data, level=seen)
            self.timeline.show_customer(cid, data.display_name)
            self._record_view(cid)
        except LookupError:
            self.profile.load(None)
            self.timeline.show_customer(None)
        except DB_ERRORS as exc:
            self.show_error(describe_error(exc))

    VIEW_AGAIN_AFTER_S = 600

    def _record_view(self, cid: int) -> None:
        """A profile shown is a profile seen: in the audit trail, once per person and
        customer every ten minutes (scrolling through the list is not ten views)."""
        import time

        key = (cid, audit.actor())
        now = time.monotonic()
        if now - self._views.get(key, -1e9) < self.VIEW_AGAIN_AFTER_S:
            return
        self._views[key] = now
        try:
            audit.viewed([cid])  # also throttled in the book, for every caller
        except DB_ERRORS as exc:
            self.statusBar().showMessage(describe_error(exc, self.book.path), 8000)

    def show_audit(self) -> None:
        from crmdesk.ui.dialogs.audit_dialog import AuditDialog

        dialog = AuditDialog(self.profile.customer_id, self)
        self.last_dialog = dialog
        self.run_dialog(dialog)

    def edit_section(self, key: str) -> None:
        """Summary ▸ Edit (or a double-click on a section): open that part of the form."""
        if key in ("follow_ups", "contacts"):
            self.detail_tabs.setCurrentWidget(self.timeline)
            return
        if key == "loyalty":
            self.detail_tabs.setCurrentWidget(self.loyalty)
            return
        field = {
            "person": self.profile.given,
            "about": self.profile.life,
            "relationship": self.profile.stage,
        }.get(key, self.profile.given)
        self.detail_tabs.setCurrentWidget(self.profile)
        scroll = self.profile.findChild(QScrollArea)
        if scroll is not None:
            scroll.ensureWidgetVisible(field)
        field.setFocus()

    def _open_profile(self, cid: int) -> None:
        if self.profile.customer_id != cid:
            self._customer_selected(cid)
        self.detail_tabs.setCurrentWidget(self.profile)
        self.profile.given.setFocus()
        self.profile.given.selectAll()

    def new_customer(self) -> None:
        if not self._on(self.splitter):
            self.nav.setCurrentItem(self.nav_customers)
        self.detail_tabs.setCurrentWidget(self.profile)
        if not self.maybe_discard():
            return
        choices = customers.choices()
        self.profile.set_choices(choices.segments, choices.owners)
        self.profile.load(None, new=True)
        self.profile.given.setFocus()
        self.statusBar().showMessage(
            self.tr("New customer: fill in the profile and press Ctrl+S."), 5000
        )

    def save(self) -> bool:
        """Store the profile; returns False (with the reasons shown) when it cannot."""
        self.save_refusal = None
        if not self.profile.is_open or not self.profile.is_dirty():
            return True
        data = self.profile.current_data()
        try:
            if self.profile.is_new:
                cid = customers.create(data, self.region)
                self.undo_stack.push(
                    undo.add_customer(cid, data.display_name, self._announce, self._command_failed)
                )
                done = self.tr("Added {name}")
            else:
                cid = self.profile.customer_id
                assert cid is not None
                before = customers.load(cid)
                customers.update(cid, data, self.region)
                self.undo_stack.push(
                    undo.edit_customer(
                        cid, before, data, self.region, self._announce, self._command_failed
                    )
                )
                done = self.tr("Saved {name}")
        except ValidationFailed as exc:
            self.save_refusal = " ".join(self.profile.show_problems(exc.problems))
            self.statusBar().showMessage(self.tr("Not saved: ") + exc.problems[0].message, 8000)
            return False
        except DB_ERRORS as exc:
            self.save_refusal = describe_error(exc, self.book.path)
            self.show_error(self.save_refusal)
            return False
        data, seen = customers.load_visible(cid)
        self.profile.load(data, level=seen)
        self._announce([cid])
        self.customers.select_id(cid)
        self.statusBar().showMessage(done.format(name=data.display_name), 5000)
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
            self.statusBar().showMessage(self.tr("Changes discarded"), 3000)

    def archive_selected(self) -> None:
        if not self._on(self.splitter):
            return
        ids = self.customers.selected_ids()
        if not ids:
            self.statusBar().showMessage(self.tr("Select the customers to archive first."), 4000)
            return
        if self.profile.customer_id in ids and self.profile.is_dirty() and not self.maybe_discard():
            return
        self._archive(ids, True)

    def restore_selected(self) -> None:
        ids = self.trash.selected_ids()
        if not ids:
            self.statusBar().showMessage(self.tr("Select the customers to restore first."), 4000)
            return
        self._archive(ids, False)

    def _archive(self, ids: list[int], archived: bool) -> None:
        names = customer_query.rows_by_id(ids[:1])
        first = names.get(ids[0])
        label = f"{first[1]} {first[2]}".strip() if first else f"#{ids[0]}"
        what = label if len(ids) == 1 else self.tr("%n customer(s)", "", len(ids))
        text = (self.tr("Archive {what}") if archived else self.tr("Restore {what}")).format(
            what=what
        )
        try:
            customers.set_archived(ids, archived)
        except ValidationFailed as exc:  # a merged-away customer of an office book
            self.show_error(str(exc))
            return
        except DB_ERRORS as exc:
            self.show_error(describe_error(exc, self.book.path))
            return
        self.undo_stack.push(
            undo.set_archived(ids, archived, text, self._announce, self._command_failed)
        )
        self._announce(ids)
        done = (
            self.tr("Moved to Trash: {what}. Ctrl+Z to undo.")
            if archived
            else self.tr("Restored: {what}. Ctrl+Z to undo.")
        )
        self.statusBar().showMessage(done.format(what=what), 6000)

    def undo(self) -> None:
        if self.undo_stack.canUndo() and self.maybe_discard():
            self.undo_stack.undo()

    def redo(self) -> None:
        if self.undo_stack.canRedo() and self.maybe_discard():
            self.undo_stack.redo()

    def _announce(self, ids: list[int]) -> None:
        self.hub.customers_changed.emit(ids)

    def _command_failed(self, exc: Exception) -> None:
        self.show_error(
            describe_error(exc, self.book.path) if isinstance(exc, DB_ERRORS) else str(exc)
        )

    def _customers_changed(self, ids: list[int]) -> None:
        self.customers.refresh(ids)
        self.trash.refresh(ids)
        choices = customers.choices()
        self.customers.refresh_choices(choices)
        self.trash.refresh_choices(choices)
        self._update_nav_counts()
        cid = self.profile.customer_id
        # An empty list means "many changed" (an import, its undo): show again what is open.
        if (cid in ids or (not ids and cid is not None)) and not self.profile.is_dirty():
            self._show_customer(cid)
            if self.profile.is_archived and self._on(self.splitter):
                self.profile.load(None)  # it went to the Trash

    def _dirty_changed(self, dirty: bool) -> None:
        self.actions["save"].setEnabled(dirty)
        self.setWindowModified(dirty)

    def focus_search(self) -> None:
        if self._on(self.today) or self._on(self.interaction_log):
            if self._on(self.interaction_log):
                self.interaction_log.search.setFocus()
                return
            self.nav.setCurrentItem(self.nav_customers)
        view = self.trash if self._on(self.trash_page) else self.customers
        view.search.setFocus()
        view.search.selectAll()

    def refresh(self) -> None:
        self.customers.reload()
        self.trash.reload()
        self.today.reload()
        self.interaction_log.stale = True
        if self._on(self.interaction_log):
            self.interaction_log.reload()
        self.timeline.reload()
        self._rebuild_saved_views()
        self._update_nav_counts()
        self.statusBar().showMessage(self.tr("Reloaded from the book"), 2000)

    def choose_region(self) -> None:
        code, ok = QInputDialog.getText(
            self,
            self.tr("Default phone region"),
            self.tr("Two-letter region for numbers typed without +country code (e.g. US, GB, ES):"),
            text=self.region,
        )
        if not ok:
            return
        try:
            settings.set_default_region(code)
        except InvalidValue as exc:
            self.show_error(str(exc))
            return
        self.region = self.profile.region = settings.default_region()
        self.profile.phones.revalidate()
        self.statusBar().showMessage(
            self.tr("Phone numbers now default to region {region}").format(region=self.region), 4000
        )

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
        from crmdesk.ui.help_window import show_about

        show_about(self)  # versions and licences

    def show_error(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)
        box = QMessageBox(
            QMessageBox.Icon.Warning, "crmdesk", message, QMessageBox.StandardButton.Ok, self
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.open()
        self.last_error = message

    last_error = ""

    # --- window state ---------------------------------------------------------------------
    def _update_title(self) -> None:
        self.setWindowTitle(self.tr("{name}[*] — crmdesk").format(name=self.book.path.name))

    def _restore_state(self) -> None:
        s = self.qsettings
        geometry = s.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self._first_size()
        self._clamp_to_screen()
        for key, restore in (
            ("window/state", self.restoreState),
            ("window/outer", self.outer.restoreState),
        ):  # (the profile splitter and the list's columns: with their pages, _build_pages)
            value = s.value(key)
            if value is not None:
                restore(value)
        theme = str(s.value("ui/theme", "system"))
        for action in self.theme_menu.actions():
            action.setChecked(action.data() == theme)

    #: the first window's largest size: 90 % of a 1920 × 1080 screen (the profile beside
    #: the list, My day in columns); a 4K screen gets no wall of empty rows
    DEFAULT_SIZE = (1728, 972)

    def available_geometry(self) -> QRect:
        """The part of the screen the window may use, without panels (tests replace this)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return QRect(0, 0, 1360, 760)
        return screen.availableGeometry()

    def _first_size(self) -> None:
        """No saved geometry: 90 % of the screen, at most the usual size, centred; on a
        small screen (a 1024 × 600 laptop) all of it, as every pixel counts there."""
        area = self.available_geometry()
        share = 1.0 if area.width() < 1280 or area.height() < 720 else 0.9
        width = min(self.DEFAULT_SIZE[0], int(area.width() * share))
        height = min(self.DEFAULT_SIZE[1], int(area.height() * share))
        self.resize(width, height)
        self.move(area.x() + (area.width() - width) // 2, area.y() + (area.height() - height) // 2)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt naming
        super().showEvent(event)
        if not self._shown_once:  # the window frame is known now: keep it on the screen
            self._shown_once = True
            self._clamp_to_screen()
            # in case no repaint comes (a window shown minimised or off-screen)
            QTimer.singleShot(self.LOAD_AT_THE_LATEST_MS, self, self.finish_loading)

    #: the book's data is read after the first paint, or after this long shown at the latest
    LOAD_AT_THE_LATEST_MS = 400
    #: when (time.time()) the window first painted itself (benchmarks report it)
    first_paint_at: float | None = None
    first_paint_cpu = 0.0  # and the CPU time of the process by then

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if getattr(self, "loading", False) and event.type() == QEvent.Type.UpdateRequest:
            # the window has just painted itself (the first time): now read the book
            if self.first_paint_at is None:
                import time

                self.first_paint_at = time.time()
                self.first_paint_cpu = time.process_time()
            QTimer.singleShot(0, self, self.finish_loading)
        return bool(handled)

    def finish_loading(self) -> None:
        """Read the book's data into the window (once, after the first paint; at once when a
        page or an action needs it sooner)."""
        if not getattr(self, "loading", False):
            return
        self.loading = False
        self.window_lock.watch_input()  # (not before the first paint: see watch_input)
        self._load_book_data()
        if self.statusBar().currentMessage() == self.tr("Reading the book…"):
            self.statusBar().clearMessage()

    def _clamp_to_screen(self) -> None:
        """A geometry saved on a bigger screen (or another monitor) is brought inside."""
        area = self.available_geometry()
        if self.isMaximized() or self.isFullScreen():
            return
        frame = self.frameGeometry()
        extra_w, extra_h = frame.width() - self.width(), frame.height() - self.height()
        width = min(self.width(), area.width() - extra_w)
        height = min(self.height(), area.height() - extra_h)
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
        frame = self.frameGeometry()
        x = min(max(frame.x(), area.x()), area.x() + area.width() - frame.width())
        y = min(max(frame.y(), area.y()), area.y() + area.height() - frame.height())
        if (x, y) != (frame.x(), frame.y()):
            self.move(x, y)

    def save_state(self) -> None:
        s = self.qsettings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("window/outer", self.outer.saveState())
        if self.pages_built:  # (never built: what was saved before stays)
            s.setValue("window/splitter", self.splitter.saveState())
            s.setValue("window/columns", self.customers.table.horizontalHeader().saveState())
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt naming
        if not self.maybe_discard():
            event.ignore()
            return
        self.save_state()
        office = getattr(self, "office", None)
        if office is not None:
            office.stop()  # the sync worker ends with the window
        event.accept()
