"""Staff accounts in the window: signing in, what each role's menus offer, the lock."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog

from crmdesk.i18n import Translatable
from crmdesk.services import access, keychain
from crmdesk.store.db import DB_ERRORS, describe_error
from crmdesk.ui import labels, lock

#: The window's actions that need a permission of the role (see services/access.py).
ACTION_PERMISSIONS = {
    "export_vcf": "export", "export_csv": "export", "export_ics": "export",
    "export_xlsx": "export",
    "export_google_csv": "export", "export_outlook_csv": "export",
    "export_customer_data": "export", "export_book": "export_book", "statement": "print",
    "batch_statements": "print", "archive": "delete", "restore": "delete",
    "forget_customer": "delete", "duplicates": "duplicates", "import_contacts": "import",
    "undo_import": "import", "back_up": "backup", "restore_backup": "restore",
    "encrypt_book": "encrypt", "change_passphrase": "encrypt", "staff": "staff",
    "stages": "settings", "cadence": "settings", "loyalty_programme": "settings",
    "region": "settings", "lock_after": "settings", "audit": "audit",
    "adjust_points": "adjust_points",
}


class AccountActions(Translatable):
    """Signing in, permissions on menus, and the lock.

    Part of MainWindow, which provides the widgets and helpers used here.
    """

    def ask_sign_in(self, message: str = "") -> bool:
        """Ask who is using the book (tests drive the dialog); True once signed in."""
        from crmdesk.ui.dialogs.sign_in import SignInDialog

        dialog = SignInDialog(self.book.path.name, self, message)
        self.last_dialog = dialog
        return bool(self.run_dialog(dialog))

    def allowed(self, name: str) -> bool:
        permission = ACTION_PERMISSIONS.get(name)
        return permission is None or access.can(permission)

    def apply_permissions(self) -> None:
        """Menus offer what the person signed in may do; the rest is greyed with the why."""
        me = access.current()
        role = labels.label(access.ROLE_LABELS.get(me.role, me.role)).lower()
        for name, permission in ACTION_PERMISSIONS.items():
            action = self.actions[name]
            spec_tip = action.statusTip().split(" — not for")[0]
            if access.can(permission):
                action.setToolTip(spec_tip)
                if name not in ("archive", "restore"):  # these follow the page shown
                    action.setEnabled(True)
            else:
                action.setEnabled(False)
                action.setToolTip(self.tr("{spec_tip} — not for your role ({role})")
                                  .format(spec_tip=spec_tip, role=role))
        built = getattr(self, "pages_built", True)  # (the pages come after the first paint)
        on_list = built and self.pages.currentWidget() is self.splitter
        on_trash = built and self.pages.currentWidget() is self.trash_page
        self.actions["archive"].setEnabled(on_list and access.can("delete"))
        self.actions["restore"].setEnabled(on_trash and access.can("delete"))
        if built:
            self.restore_button.setEnabled(access.can("delete"))
            self.loyalty.set_permissions(access.can("print"), access.can("adjust_points"))
        self.actions["switch_user"].setEnabled(access.accounts_exist())
        self.actions["my_password"].setEnabled(me.signed_in)
        # Whether there is a keyring, and what it holds, is asked when the File menu opens
        # (refresh_remember_passphrase): loading keyring costs ~450 ms, not for every start.
        remember = self.actions["remember_passphrase"]
        remember.setEnabled(self.book.encrypted)
        if not self.book.encrypted:
            remember.setChecked(False)

    def refresh_remember_passphrase(self) -> None:
        """File ▸ Remember Passphrase: enabled when the book is encrypted and the computer has
        a keyring, checked when the keyring holds this book's passphrase."""
        remember = self.actions["remember_passphrase"]
        if not self.book.encrypted:
            remember.setEnabled(False)
            remember.setChecked(False)
            return
        available = keychain.available()
        remember.setEnabled(available)
        remember.setChecked(available and keychain.get(self.book.path) is not None)
        if not available:
            remember.setToolTip(self.tr("No system keyring on this computer: the passphrase is "
                                        "asked "
                                "each time"))

    def switch_user(self) -> None:
        """Sign in as someone else (the one signed in now stays if it is cancelled)."""
        if not self.maybe_discard():
            return
        before = access.current()
        if not self.ask_sign_in(self.tr("Sign in as:")):
            access.resume(before)
            return
        self.after_sign_in()

    def after_sign_in(self) -> None:
        self._views.clear()
        self._refresh_users()
        self.apply_permissions()
        self.refresh()
        self.reminder_center.start(self.current_user())  # the new person's promises
        me = access.current()
        if me.signed_in:
            self.statusBar().showMessage(
                self.tr("Signed in as {name} ({value})")
                .format(name=me.name,
                        value=labels.label(access.ROLE_LABELS.get(me.role, me.role))), 5000)

    def change_my_password(self) -> None:
        me = access.current()
        if not me.signed_in or me.staff_id is None:
            return
        choice = self.ask_secret_kind()
        if choice is None:
            return
        secret = self.ask_new_secret(me.name, pin=choice == "pin")
        if secret is None:
            return
        try:
            if choice == "pin":
                access.set_pin(me.staff_id, secret)
            else:
                access.set_password(me.staff_id, secret)
        except (ValueError, access.AccessDenied) as exc:
            self.show_error(str(exc))
            return
        except DB_ERRORS as exc:
            self.show_error(describe_error(exc, self.book.path))
            return
        self.statusBar().showMessage(
            self.tr("Your PIN was changed") if choice == "pin"
            else self.tr("Your password was changed"),
            5000,
        )

    def ask_secret_kind(self) -> str | None:
        """'password' or 'pin' (tests replace this)."""
        items = [self.tr("Password (to sign in)"), self.tr("PIN (to unlock the window)")]
        text, ok = QInputDialog.getItem(
            self, self.tr("Change"), self.tr("What do you want to change?"), items, 0, False
        )
        return None if not ok else ("pin" if text == items[1] else "password")

    def ask_new_secret(self, who: str, pin: bool = False) -> str | None:
        """A new password or PIN typed twice (tests replace this)."""
        from crmdesk.ui.dialogs.sign_in import NewSecretDialog

        dialog = NewSecretDialog(who, pin, self)
        self.last_dialog = dialog
        return dialog.value() if self.run_dialog(dialog) else None

    def toggle_remember_passphrase(self) -> None:
        remember = self.actions["remember_passphrase"]
        passphrase = self.book.passphrase
        # What the keyring holds decides (the check mark may not have been refreshed yet).
        if passphrase is not None and keychain.get(self.book.path) is None:
            remember.setChecked(True)
            if keychain.remember(self.book.path, passphrase):
                self.statusBar().showMessage(
                    self.tr(
                        "The passphrase is kept in the system "
                        "keyring: "
                        "this book opens without asking here"
                    ),
                    6000,
                )
            else:
                remember.setChecked(False)
                self.show_error(self.tr("The system keyring refused to keep the passphrase."))
        else:
            remember.setChecked(False)
            keychain.forget(self.book.path)
            self.statusBar().showMessage(self.tr("The passphrase is no longer remembered"), 5000)

    def lock_window(self) -> None:
        self.window_lock.lock()

    def edit_lock_after(self) -> None:
        minutes, ok = QInputDialog.getInt(
            self,
            self.tr("Lock after idle time"),
            self.tr(
                "Lock the window after this many minutes without keyboard or mouse (0: never):"
            ),
            lock.idle_minutes(),
            0,
            24 * 60,
        )
        if not ok:
            return
        try:
            lock.set_idle_minutes(minutes)
        except (ValueError, access.AccessDenied) as exc:
            self.show_error(str(exc))
            return
        self.window_lock.reload_setting()
        self.statusBar().showMessage(
            self.tr("The window locks after {minutes} idle minutes").format(minutes=minutes)
            if minutes
            else self.tr("The window no longer locks by itself"),
            5000,
        )
