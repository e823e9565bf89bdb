"""The office book in the main window: the background sync worker, the status-bar item,
Review Conflicts, Join Office Book… and Make This an Office Book…, the hub settings.

Nothing here touches the network on the GUI thread: the worker (`services.sync_live`) runs
in its own thread with its own book connection and reports through a queued signal; join
and hub init run in a child process (`crmdesk.hub.office_job`) that the window watches.
A book that never joined a hub starts no worker and never imports psycopg."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMenu, QToolButton

from crmdesk.i18n import Translatable
from crmdesk.services import customers
from crmdesk.store.db import DB_ERRORS, db

if TYPE_CHECKING:
    from crmdesk.services.sync_live import LiveStatus, LiveSync


class _SyncEngine:
    """services.sync, imported when first used: a book that never joined a hub opens
    without loading the sync engine (~10 ms of the start-up)."""

    def __getattr__(self, name: str) -> Any:
        from crmdesk.services import sync as engine

        return getattr(engine, name)


sync: Any = _SyncEngine()


class _Bridge(QObject):
    status = Signal(object)


class _Reporter:
    """What the worker calls with each status: it hands the status to the window's bridge
    (a queued signal) until the window closes it. Once `close` has returned the worker
    holds no Qt object, so a worker still finishing a slow connect never emits into, or
    frees, a bridge of a window that has gone."""

    def __init__(self, bridge: _Bridge):
        self._bridge: _Bridge | None = bridge
        self._lock = threading.Lock()

    def __call__(self, st: LiveStatus) -> None:
        with self._lock:
            if self._bridge is not None:
                # (With who sent it: a report queued just before a switch of book is not
                # taken for one of the next book's worker.)
                self._bridge.status.emit((self, st))

    def close(self) -> None:
        with self._lock:
            self._bridge = None


class _Status(Translatable):
    """The sync status texts (a class: lupdate files Qt plurals only from self.tr)."""

    def text(self, st: LiveStatus | None) -> str:
        parts: list[str] = []
        if st is None:
            parts.append(self.tr("Connecting to the hub…"))
        elif not st.online:
            parts.append(self.tr("Offline — needs your hub password") if st.needs_password
                         else self.tr("Offline"))
        elif st.last_sync:
            parts.append(self.tr("Synced {time}").format(time=_local_time(st.last_sync)))
        else:
            parts.append(self.tr("Online"))
        if st is not None:
            if st.unsent:
                parts.append(self.tr("%n waiting", "", st.unsent))
            if st.conflicts:
                parts.append(self.tr("%n to review", "", st.conflicts))
            if st.held:
                parts.append(self.tr("%n held back", "", st.held))
        return " · ".join(parts)


def status_text(st: LiveStatus | None, joined: bool = True) -> str:
    """"Synced 10:42 · 3 waiting · 1 to review", or "Offline · …" plainly."""
    if not joined:
        return ""
    return _Status().text(st)


def _local_time(iso: str) -> str:
    try:
        when = dt.datetime.strptime(iso, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)
    except ValueError:
        return iso
    local = when.astimezone()
    if local.date() == dt.datetime.now().astimezone().date():
        return local.strftime("%H:%M")
    return local.strftime("%d %b %H:%M")


class OfficeSync(Translatable):
    """Owned by the main window (`window.office`)."""

    def __init__(self, window: Any):
        self.w = window
        self.bridge = _Bridge()
        self.bridge.status.connect(self._on_status)
        self.live: LiveSync | None = None
        self.reporter: _Reporter | None = None
        self.thread: threading.Thread | None = None
        self.last: LiveStatus | None = None
        self.password: str | None = None  # typed this session (never stored)
        self.device_label = ""
        self._announcing = False
        self._known_conflicts = 0
        self.merged_fields: list[str] = []  # the last field-by-field merge (tests, banner)
        self.button = QToolButton()
        self.button.setAutoRaise(True)
        self.button.setAccessibleName(self.tr("Office sync status"))
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.button.clicked.connect(self.open_review)
        self.button.hide()
        window.statusBar().addPermanentWidget(self.button)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName(self.tr("Changed by someone else"))
        self.banner.setStyleSheet("QLabel { background: palette(tool-tip-base); "
                                  "color: palette(tool-tip-text); padding: 4px; }")
        self.banner.hide()
        self._build_actions()
        for signal in (window.hub.customers_changed, window.hub.interactions_changed,
                       window.hub.loyalty_changed):
            signal.connect(self._local_change)

        def on_profile() -> None:  # the profile is built after the first paint
            layout = window.profile.layout()
            if layout is not None:
                layout.insertWidget(0, self.banner)
            window.profile.customer_shown.connect(lambda _cid: self.banner.hide())

        if hasattr(window, "when_pages_built"):
            window.when_pages_built(on_profile)
        else:
            on_profile()

    # --- menus ---------------------------------------------------------------------------
    def _action(self, text: str, tip: str, slot: Any, shortcut: str = "") -> QAction:
        action = QAction(text, self.w)
        action.setStatusTip(tip)
        action.setToolTip(tip)
        if shortcut:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.w.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.actions = {
            "join": self._action(
                self.tr("&Join Office Book…"),
                self.tr(
                    "Make a new encrypted book on this computer, filled from your office's hub"
                ),
                self.join_office,
            ),
            "make": self._action(
                self.tr("&Make This an Office Book…"),
                self.tr("Share this book with the office through a PostgreSQL hub (managers)"),
                self.make_office,
            ),
            "sync_now": self._action(
                self.tr("S&ync Now"),
                self.tr("Send this book's changes to the hub and fetch the others' now"),
                self.sync_now,
                "F9",
            ),
            "review": self._action(
                self.tr("Review Con&flicts…"),
                self.tr("Edits made at the same time on two devices, and writes the hub refused"),
                self.open_review,
            ),
            "settings": self._action(
                self.tr("&Office Book…"),
                self.tr("The hub address and this device's name"),
                self.edit_settings,
            ),
            "hub_password": self._action(
                self.tr("Hub &Password…"),
                self.tr("Type your hub password for this session"),
                self.ask_hub_password,
            ),
        }
        menus = {a.menu().objectName(): a.menu() for a in self.w.menuBar().actions() if a.menu()}
        file_menu: QMenu | None = menus.get("File")
        if file_menu is not None:
            before = self.w.actions["import_contacts"]
            file_menu.insertAction(before, self.actions["join"])
            file_menu.insertAction(before, self.actions["make"])
            file_menu.insertAction(before, self.actions["sync_now"])
            file_menu.insertAction(before, self.actions["review"])
            file_menu.insertSeparator(before)
        settings_menu: QMenu | None = menus.get("Settings")
        if settings_menu is not None:
            settings_menu.addAction(self.actions["settings"])
            settings_menu.addAction(self.actions["hub_password"])
        self.update_actions()

    def update_actions(self) -> None:
        from crmdesk.services import access

        joined = self.joined()
        manager = access.can("settings")
        self.actions["make"].setEnabled(not joined and manager)
        self.actions["make"].setToolTip(
            self.tr("This book is already an office book")
            if joined
            else self.tr("Share this book with the office through a PostgreSQL hub")
            if manager
            else self.tr("Only a manager may make this an office book")
        )
        for name in ("sync_now", "review", "settings", "hub_password"):
            self.actions[name].setEnabled(joined)
        self.button.setVisible(joined)

    # --- the worker ----------------------------------------------------------------------
    @staticmethod
    def joined() -> bool:
        """Whether the open book is an office book (sync.joined, without its import)."""
        try:
            return db.execute_sql("SELECT 1 FROM sync_state WHERE id = 1").fetchone() is not None
        except Exception:  # noqa: BLE001 - an older schema has no sync_state (as sync.state)
            return False

    def start(self) -> None:
        """Start the worker when the open book is an office book."""
        self.stop()
        self.last = None
        self.update_actions()
        if not self.joined():
            return
        self._known_conflicts = sync.open_conflicts()
        with contextlib.suppress(*DB_ERRORS):
            sync.ensure_capture()
        st = sync.state()
        self.device_label = self.device_name(st.device if st else "")
        from crmdesk.services.sync_live import LiveSync

        self.reporter = _Reporter(self.bridge)
        self.live = LiveSync(
            self.w.book.path,
            self.reporter,
            password=self.password,
            device_name=self.device_label,
        )
        self.thread = threading.Thread(target=self.live.run, name="crmdesk-sync", daemon=True)
        self.thread.start()
        self._show()

    def stop(self, wait: float = 1.0) -> None:
        """Stop the worker. A sync under way is let finish for up to two seconds; once this
        returns the worker reaches no window and never touches a book again, or (a hub
        that stopped answering mid-sync) goes on only with the book it started on, which
        it pins (store.db.pinned_book). One still connecting ends on its own after its
        short connect timeout."""
        live, thread, reporter = self.live, self.thread, self.reporter
        self.live = self.thread = self.reporter = None
        if reporter is not None:
            reporter.close()  # (waits for a report being handed over)
        if live is not None:
            live.stop()
            live.released(timeout=2.0)
        if thread is not None:
            thread.join(wait)

    def device_name(self, device: str) -> str:
        value = self.w.qsettings.value(f"office/device_name/{device}", "")
        return str(value or "") or sync.device_name()

    def sync_now(self) -> None:
        if self.live is not None:
            self.live.sync_now()
            self.w.statusBar().showMessage(self.tr("Syncing with the hub…"), 3000)

    def _local_change(self, _ids: list[int]) -> None:
        if self.live is not None and not self._announcing:
            self.live.wake()

    def _on_status(self, sent: tuple[_Reporter, LiveStatus]) -> None:
        reporter, st = sent
        if self.live is None or reporter is not self.reporter:
            return  # a report from a worker that was stopped
        before = self.last
        self.last = st
        self._show()
        if st.changed or st.received:
            self._refresh(st.changed)
        known, self._known_conflicts = self._known_conflicts, st.conflicts
        if st.online and st.conflicts > known:
            new = st.conflicts - known
            self.w.statusBar().showMessage(
                self.tr("%n new conflict(s) to review: click “{button}”.", "", new).format(
                    button=self.button.text()),
                8000,
            )
        elif st.online and st.received and before is not None:
            self.w.statusBar().showMessage(
                self.tr("%n change(s) from the office.", "", st.received),
                3000,
            )

    def _show(self) -> None:
        st = self.last
        self.button.setText(status_text(st))
        tip = self.tr("Click to review conflicts.")
        if st is not None and not st.online:
            retry = self.live.retry_in if self.live is not None else 0.0
            again = (" " + self.tr("Trying again in {seconds} s (F9: now).").format(
                seconds=f"{retry:.0f}")) if retry >= 1 else ""
            tip = (st.error or self.tr("The hub cannot be reached.")) + " " + self.tr(
                "The book keeps working; changes wait here and are sent when the hub is "
                "back.") + again + " " + tip
        elif st is not None and st.online:
            tip = self.tr("Connected to the hub as {login}.").format(login=self._login()) \
                + " " + tip
        if st is not None and st.held:
            tip += " " + self.tr(
                "%n record(s) from the hub wait here, not stored yet: their customer has not "
                "arrived, or this book cannot store them as they are. Each sync tries them "
                "again.", "", st.held)
        self.button.setToolTip(tip)
        self.button.setVisible(self.joined())

    @staticmethod
    def _login() -> str:
        st = sync.state()
        return st.login if st else ""

    # --- refreshing what others changed --------------------------------------------------
    def _refresh(self, ids: list[int]) -> None:
        w = self.w
        cid = w.profile.customer_id
        if cid is not None and cid in ids and w.profile.is_dirty():
            self.merge_open_profile()
        self._announcing = True
        try:
            w.hub.customers_changed.emit(ids)
            w.hub.interactions_changed.emit(ids)
            w.hub.loyalty_changed.emit(ids)
        finally:
            self._announcing = False
        if w._on(w.board):
            w.board.reload()
        else:
            w.board.stale = True

    def merge_open_profile(self) -> None:
        """The open profile was changed elsewhere while being edited: take their fields,
        keep the ones changed here (not saved yet), and say so."""
        w = self.w
        profile = w.profile
        cid = profile.customer_id
        if cid is None or profile._original is None:
            return
        try:
            theirs, level = customers.load_visible(cid)
        except (LookupError, *DB_ERRORS):
            return
        was = profile._original
        mine = profile.current_data()
        validate = customers.validate
        was_c, mine_c = validate(was, w.region)[0], validate(mine, w.region)[0]
        theirs_c = validate(theirs, w.region)[0]
        merged = dataclasses.replace(theirs)
        kept: list[str] = []
        taken: list[str] = []
        for f in dataclasses.fields(type(mine)):
            if not f.compare:
                continue
            name = f.name
            if getattr(mine_c, name) != getattr(was_c, name):
                setattr(merged, name, getattr(mine, name))
                kept.append(name)
            elif getattr(theirs_c, name) != getattr(was_c, name):
                taken.append(name)
        if not taken:
            return
        profile.load(merged, level=level)
        profile._original = theirs  # what the book holds now: unsaved fields stay dirty
        profile._original_clean = theirs_c
        profile._changed()
        self.merged_fields = taken
        labels = dict(_FIELD_LABELS())
        names = ", ".join(labels.get(n, n.replace("_", " ")) for n in taken)
        self.banner.setText(
            self.tr(
                "Someone else changed this profile while you were editing it: their {names} "
                "{value} shown; your unsaved changes are kept. Save to keep yours."
            ).format(names=names, value="is" if len(taken) == 1 else "are")
        )
        self.banner.show()

    # --- dialogs -------------------------------------------------------------------------
    def open_review(self) -> None:
        if not self.joined():
            return
        from crmdesk.ui.dialogs.conflicts_dialog import ConflictsDialog

        dialog = ConflictsDialog(self.w)
        self.w.last_dialog = dialog
        self.w.run_dialog(dialog)

    def conflicts_settled(self) -> None:
        """After Keep mine / Keep theirs (or their undo): the status item and the rows."""
        if self.last is not None:
            self.last = dataclasses.replace(
                self.last, conflicts=sync.open_conflicts(), unsent=sync.unsent()
            )
        self._known_conflicts = sync.open_conflicts()
        self._show()
        if self.live is not None:
            self.live.wake()

    def ask_hub_password(self) -> None:
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        text, ok = QInputDialog.getText(
            self.w,
            self.tr("Hub password"),
            self.tr("Hub password for {value}:").format(value=self._login()),
            QLineEdit.EchoMode.Password,
        )
        if ok and text:
            self.set_password(text)

    def set_password(self, password: str) -> None:
        self.password = password
        if self.live is not None:
            self.live.set_password(password)

    def edit_settings(self) -> None:
        from crmdesk.ui.dialogs.office_dialogs import OfficeSettingsDialog

        st = sync.state()
        if st is None:
            return
        dialog = OfficeSettingsDialog(st.hub, self.device_label, st.device, self.w)
        self.w.last_dialog = dialog
        if not self.w.run_dialog(dialog):
            return
        from crmdesk.services import sync_live

        try:
            sync_live.set_hub_address(dialog.hub.text())
        except Exception as exc:  # noqa: BLE001 - a refusal, shown as its sentence
            self.w.show_error(str(exc))
            return
        self.w.qsettings.setValue(f"office/device_name/{st.device}", dialog.name.text().strip())
        self.start()
        self.w.statusBar().showMessage(self.tr("Office book settings saved."), 4000)

    def join_office(self) -> None:
        from crmdesk.ui.dialogs.office_dialogs import JoinDialog

        dialog = JoinDialog(self.w)
        self.w.last_dialog = dialog
        if not self.w.run_dialog(dialog) or dialog.joined_path is None:
            return
        path = dialog.joined_path
        if dialog.device_name:
            self.w.qsettings.setValue(f"office/device_name/{dialog.device}", dialog.device_name)
        self.password = dialog.password
        passphrase = dialog.passphrase
        original = self.w.ask_passphrase
        self.w.ask_passphrase = lambda _message: passphrase  # the one typed in the dialog
        # The laptop's sign-in is the hub password just typed: the person joining is signed
        # in at once (the next start asks it, offline too).
        who = str((getattr(dialog, "result_obj", None) or {}).get("sign_in") or "")
        asking = self.w.ask_sign_in

        def sign_in(message: str = "") -> bool:
            from crmdesk.services import access

            if who:
                try:
                    access.sign_in(who, dialog.password)
                    return True
                except access.SignInFailed:
                    pass
            return bool(asking(message))

        self.w.ask_sign_in = sign_in
        try:
            self.w.switch_book(Path(path))
        finally:
            self.w.ask_passphrase = original
            self.w.ask_sign_in = asking

    def make_office(self) -> None:
        from crmdesk.services import access
        from crmdesk.ui.dialogs.office_dialogs import MakeOfficeDialog

        if not access.can("settings"):
            self.w.show_error(self.tr("Only a manager may make this an office book."))
            return
        if not self.w.maybe_discard():
            return
        dialog = MakeOfficeDialog(self.w.book, self.w)
        self.w.last_dialog = dialog
        if not self.w.run_dialog(dialog) or not dialog.made:
            return
        self.password = dialog.password
        self.start()
        self.w.refresh()
        self.w.statusBar().showMessage(dialog.summary, 8000)


def _FIELD_LABELS() -> list[tuple[str, str]]:  # noqa: N802 - a constant, read late
    from crmdesk.ui.views.profile import FIELD_LABELS

    return list(FIELD_LABELS)


def install(window: Any) -> OfficeSync:
    office = OfficeSync(window)
    window.office = office
    original = window.switch_book

    def switch_book(path: Path, build_demo: bool = False) -> bool:
        office.stop()  # the worker uses the open book: never across a switch
        try:
            return bool(original(path, build_demo))
        finally:
            office.start()

    window.switch_book = switch_book
    permissions = window.apply_permissions

    def apply_permissions() -> None:
        permissions()
        office.update_actions()  # Make This an Office Book… is for managers

    window.apply_permissions = apply_permissions
    office.start()
    return office
