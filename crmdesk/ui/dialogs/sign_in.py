"""Signing in to a book with staff accounts, choosing a password or PIN, and the lock."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.services import access
from crmdesk.ui.widgets.fields import ErrorLabel

#: Wrong attempts after which the dialog waits before it accepts another one.
ATTEMPTS_BEFORE_PAUSE = 5
PAUSE_MS = 30_000


def _secret_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    return field


class SignInDialog(QDialog):
    """Who you are: a name from the book's accounts and that person's password."""

    def __init__(self, book_name: str, parent: QWidget | None = None, message: str = ""):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign in — {book}").format(book=book_name))
        self.setMinimumWidth(380)
        self.who = QComboBox()
        self.who.setAccessibleName(self.tr("Your name"))
        self.who.addItems(access.sign_in_names())
        self.password = _secret_field(self.tr("Password"))
        self.error = ErrorLabel()
        self.failures = 0
        intro = QLabel(message or self.tr("{book} is shared by several people: say who you "
                                          "are.").format(book=book_name))
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.who)
        form.addRow(self.tr("&Password"), self.password)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Sign In"))
        self.buttons.accepted.connect(self.try_sign_in)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.password.setFocus()

    def try_sign_in(self) -> None:
        try:
            access.sign_in(self.who.currentText(), self.password.text())
        except access.SignInFailed as exc:  # the pause after failures is the service's
            self.failures += 1
            self.password.clear()
            self.password.setFocus()
            self.error.show_message(str(exc))
            if isinstance(exc, access.SignInPaused):
                self.buttons.setEnabled(False)
                # A timer of the dialog's own: it goes with the dialog if that closes first.
                QTimer.singleShot(exc.seconds * 1000, self.buttons,
                                  lambda: self.buttons.setEnabled(True))
            return
        self.accept()


def _pause(buttons: QDialogButtonBox | QPushButton, error: ErrorLabel) -> None:
    buttons.setEnabled(False)
    error.show_message(QCoreApplication.translate(
        "sign_in", "{attempts} wrong attempts: wait {seconds} seconds before the next one.")
        .format(attempts=ATTEMPTS_BEFORE_PAUSE, seconds=PAUSE_MS // 1000))
    QTimer.singleShot(PAUSE_MS, buttons, lambda: buttons.setEnabled(True))  # goes with them


class NewSecretDialog(QDialog):
    """A new password (or PIN) typed twice, checked as it is typed."""

    def __init__(self, who: str, pin: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.pin = pin
        if pin:
            self.setWindowTitle(self.tr("New PIN for {who}").format(who=who))
            self.first = _secret_field(self.tr("New PIN"))
            self.second = _secret_field(self.tr("The same PIN again"))
        else:
            self.setWindowTitle(self.tr("New password for {who}").format(who=who))
            self.first = _secret_field(self.tr("New password"))
            self.second = _secret_field(self.tr("The same password again"))
        if pin:
            for field in (self.first, self.second):
                field.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.error = ErrorLabel()
        hint = QLabel(self.tr("A PIN of {low} to {high} digits unlocks the window after it "
                              "locked itself.").format(low=access.PIN_DIGITS[0],
                                                       high=access.PIN_DIGITS[1]) if pin else
                      self.tr("At least {count} characters. It is kept only as an argon2 hash: "
                              "nobody can read it back, so choose one you will remember.")
                      .format(count=access.MIN_PASSWORD))
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&New PIN") if pin else self.tr("&New password"), self.first)
        form.addRow(self.tr("&Again"), self.second)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        for field in (self.first, self.second):
            field.textChanged.connect(self._check)
        self._check()

    def problem(self) -> str | None:
        text = self.first.text()
        problem = access.pin_problem(text) if self.pin else access.password_problem(text)
        if problem:
            return problem
        if text != self.second.text():
            return self.tr("The two differ.")
        return None

    def _check(self) -> None:
        problem = self.problem()
        started = bool(self.first.text())
        self.error.show_message(problem if started else None)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(problem is None)

    def value(self) -> str:
        return self.first.text()


class LockDialog(QDialog):
    """In front of a locked window: the password or PIN of the person signed in (or the
    book's passphrase) unlocks it. It cannot be closed any other way."""

    def __init__(self, check: object, who: str, hint: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._check = check
        self.setWindowTitle(self.tr("crmdesk is locked"))
        self.setMinimumWidth(400)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        self.unlocked = False
        title = QLabel(self.tr("Locked — {who}").format(who=who) if who else self.tr("Locked"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        self.hint = QLabel(hint)
        self.hint.setWordWrap(True)
        self.secret = _secret_field(self.tr("Password or PIN"))
        self.secret.setVisible(bool(check))
        self.error = ErrorLabel()
        self.failures = 0
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.secret.returnPressed.connect(self.try_unlock)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.hint)
        layout.addWidget(self.secret)
        layout.addWidget(self.error)
        layout.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignRight)

    def try_unlock(self) -> None:
        check = self._check
        if callable(check) and not check(self.secret.text()):
            self.failures += 1
            self.secret.clear()
            self.error.show_message(self.tr("That does not unlock it."))
            if self.failures % ATTEMPTS_BEFORE_PAUSE == 0:
                _pause(self.unlock_button, self.error)
            return
        self.unlocked = True
        self.secret.clear()
        self.accept()

    def reject(self) -> None:  # Esc does not unlock
        if self.unlocked:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt naming
        if not self.unlocked:
            event.ignore()
            return
        super().closeEvent(event)
