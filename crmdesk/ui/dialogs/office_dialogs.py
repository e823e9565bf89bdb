"""File ▸ Join Office Book…, File ▸ Make This an Office Book…, Settings ▸ Office Book….

Join and make run `crmdesk.hub.office_job` in a child process (QProcess): the window never
waits on the network, progress comes back as JSON lines, Cancel stops the child (which
removes the half-filled book, or undoes the half-made office book) and the dialog checks
that nothing was left behind."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QProcess, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk import paths
from crmdesk.ui.widgets.vocabulary import number


def _password(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setAccessibleName(name)
    return edit


def _line(name: str, text: str = "", hint: str = "") -> QLineEdit:
    edit = QLineEdit(text)
    edit.setAccessibleName(name)
    if hint:
        edit.setPlaceholderText(hint)
        edit.setToolTip(hint)
    return edit


class _JobDialog(QDialog):
    """A form, then a child job with progress and Cancel."""

    action = ""
    # the button that starts the job (English source; shown translated in the subclass's
    # context)
    go_text = QT_TRANSLATE_NOOP("_JobDialog", "OK")

    def __init__(self, parent: QWidget | None):
        super().__init__(parent)
        self.form = QFormLayout()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setAccessibleName(self.tr("Message"))
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.stage = QLabel()
        self.stage.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.go = self.buttons.addButton(
            QCoreApplication.translate(type(self).__name__, self.go_text),
            QDialogButtonBox.ButtonRole.AcceptRole)
        self.go.setDefault(True)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.cancel)
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.stage)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.proc: QProcess | None = None
        self.result_obj: dict[str, Any] | None = None
        self.error = ""
        self._buffer = b""
        self.cancelled = False

    # what a subclass gives (JoinDialog, MakeOfficeDialog): the job's request, or None
    # when the form says what is missing
    def request(self) -> dict[str, Any] | None:
        self.message.setText(self.tr("Nothing to do."))
        return None

    def cleanup_after_failure(self) -> None:
        pass

    def succeeded(self, result: dict[str, Any]) -> None:
        self.result_obj = result
        self.accept()

    # the job
    def start(self) -> None:
        req = self.request()
        if req is None:
            return
        self.message.setText("")
        self.error = ""
        self.cancelled = False
        for i in range(self.form.rowCount()):
            item = self.form.itemAt(i, QFormLayout.ItemRole.FieldRole)
            if item is not None and item.widget() is not None:
                item.widget().setEnabled(False)
        self.go.setEnabled(False)
        self.progress.show()
        self.stage.setText(self.tr("Starting…"))
        proc = QProcess(self)
        program, arguments = job_command()
        proc.setProgram(program)
        proc.setArguments(arguments)
        proc.readyReadStandardOutput.connect(self._read)
        proc.finished.connect(self._finished)
        self.proc = proc
        proc.start()
        if not proc.waitForStarted(5000):
            self._failed(self.tr("crmdesk could not start the job (the Python interpreter is "
                                 "missing?)."))
            return
        proc.write((json.dumps({"action": self.action, **req}) + "\n").encode())
        proc.closeWriteChannel()

    def _read(self) -> None:
        if self.proc is None:
            return
        self._buffer += bytes(self.proc.readAllStandardOutput().data())
        while b"\n" in self._buffer:
            line, self._buffer = self._buffer.split(b"\n", 1)
            try:
                obj = json.loads(line)
            except ValueError:
                continue
            if "stage" in obj:
                records = int(obj.get("records") or 0)
                if records:
                    self.stage.setText(self.tr("{stage}… {count} record(s)", "", records)
                                       .format(stage=obj["stage"], count=number(records)))
                else:
                    self.stage.setText(self.tr("{stage}…").format(stage=obj["stage"]))
            elif obj.get("done"):
                self.result_obj = obj
            elif "error" in obj:
                self.error = str(obj["error"])

    def _finished(self, code: int, _status: Any) -> None:
        # Out of the QProcess's own signal first: what follows may close the dialog.
        QTimer.singleShot(0, lambda: self._done(code))

    def _done(self, code: int) -> None:
        self._read()
        proc, self.proc = self.proc, None
        if proc is not None:
            proc.deleteLater()
        if code == 0 and self.result_obj is not None and not self.cancelled:
            self.progress.hide()
            self.succeeded(self.result_obj)
            return
        self.cleanup_after_failure()
        if self.cancelled:
            self.reject()
            return
        self._failed(self.error or self.tr("The job stopped without saying why."))

    def _failed(self, text: str) -> None:
        self.progress.hide()
        self.stage.setText("")
        self.message.setText(text)
        for i in range(self.form.rowCount()):
            item = self.form.itemAt(i, QFormLayout.ItemRole.FieldRole)
            if item is not None and item.widget() is not None:
                item.widget().setEnabled(True)
        self.go.setEnabled(True)

    @property
    def running(self) -> bool:
        return self.proc is not None

    def cancel(self) -> None:
        """Cancel: stop the job (it cleans up after itself), else close the dialog."""
        if self.proc is None:
            self.reject()
            return
        self.cancelled = True
        self.stage.setText(self.tr("Cancelling…"))
        self.proc.terminate()  # SIGTERM: the job undoes what it started
        if not self.proc.waitForFinished(15000) and self.proc is not None:
            self.proc.kill()
            self.proc.waitForFinished(5000)

    def reject(self) -> None:
        if self.proc is not None:
            self.cancel()
            return
        super().reject()


def job_command() -> tuple[str, list[str]]:
    """How to start the office job: `python -m crmdesk.hub.office_job`, or, in a frozen app
    (the PyInstaller bundle, where sys.executable is crmdesk itself and knows no -m), the
    bundle's own entry point with --office-job (packaging/crmdesk_main.py)."""
    if getattr(sys, "frozen", False):
        return sys.executable, ["--office-job"]
    return sys.executable, ["-m", "crmdesk.hub.office_job"]


class JoinDialog(_JobDialog):
    """Join Office Book…: a new encrypted book on this computer, filled from the hub."""

    action = "join"
    go_text = QT_TRANSLATE_NOOP("JoinDialog", "&Join")

    def __init__(self, parent: QWidget | None):
        super().__init__(parent)
        from crmdesk.services import sync

        self.setWindowTitle(self.tr("Join Office Book"))
        self.setObjectName("joinOfficeDialog")
        self.intro.setText(self.tr("Make a book on this computer filled from your office's "
                                   "hub: what you may see, encrypted with a passphrase of your "
                                   "own. It keeps working without a network and syncs when it "
                                   "can."))
        self.hub = _line(self.tr("Hub address"), hint="postgresql://hub.office.example/crm")
        self.login = _line(self.tr("Your hub login"),
                           hint=self.tr("the login your manager enrolled you as"))
        self.password_edit = _password(self.tr("Hub password"))
        self.name = _line(self.tr("This device's name"), sync.device_name())
        self.name.setToolTip(self.tr("How this computer is listed on the hub (crmdesk hub "
                                     "check)"))
        self.path_edit = _line(self.tr("New book file"), str(self._free_path()))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        path_row = QWidget()
        row = QHBoxLayout(path_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.passphrase_edit = _password(self.tr("New passphrase"))
        self.passphrase_edit.setToolTip(self.tr("Encrypts the book on this computer; asked "
                                                "when the book opens"))
        self.again = _password(self.tr("The passphrase again"))
        self.form.addRow(self.tr("Hub &address:"), self.hub)
        self.form.addRow(self.tr("Your hub &login:"), self.login)
        self.form.addRow(self.tr("Hub pass&word:"), self.password_edit)
        self.form.addRow(self.tr("This &device's name:"), self.name)
        self.form.addRow(self.tr("New book &file:"), path_row)
        self.form.addRow(self.tr("New pass&phrase:"), self.passphrase_edit)
        self.form.addRow(self.tr("Passphrase a&gain:"), self.again)
        self.joined_path: Path | None = None
        self.password = ""
        self.passphrase = ""
        self.device = ""
        self.device_name = ""
        self._created: Path | None = None
        self.resize(560, self.sizeHint().height())

    @staticmethod
    def _free_path() -> Path:
        folder = paths.data_dir()
        for n in range(1, 100):
            candidate = folder / ("office.db" if n == 1 else f"office-{n}.db")
            if not candidate.exists():
                return candidate
        return folder / "office.db"

    def _browse(self) -> None:
        from crmdesk.ui import file_dialogs

        chosen = file_dialogs.save_file(self, self.tr("New office book"), paths.data_dir(),
                                        self.tr("crmdesk books (*.db)"))
        if chosen is not None:
            self.path_edit.setText(str(chosen))

    def request(self) -> dict[str, Any] | None:
        from crmdesk.hub.client import HubError, parse_url

        try:
            parse_url(self.hub.text())
        except HubError as exc:
            self.message.setText(str(exc))
            self.hub.setFocus()
            return None
        problems = []
        if not self.login.text().strip():
            problems.append((self.login, self.tr("Give your hub login.")))
        path = Path(self.path_edit.text().strip()).expanduser()
        if not self.path_edit.text().strip():
            problems.append((self.path_edit, self.tr("Choose the new book's file.")))
        elif path.exists():
            problems.append((self.path_edit, self.tr("{path} already exists: choose a new "
                                                     "file.").format(path=path)))
        if not self.passphrase_edit.text():
            problems.append((self.passphrase_edit, self.tr("An office book on a laptop is "
                                                           "always encrypted: choose a "
                                                           "passphrase.")))
        elif self.passphrase_edit.text() != self.again.text():
            problems.append((self.again, self.tr("The two passphrases differ.")))
        if problems:
            widget, text = problems[0]
            self.message.setText(text)
            widget.setFocus()
            return None
        self._created = path
        self.password = self.password_edit.text()
        self.passphrase = self.passphrase_edit.text()
        self.device_name = " ".join(self.name.text().split())[:60]
        return {"hub": self.hub.text().strip(), "login": self.login.text().strip(),
                "password": self.password, "passphrase": self.passphrase,
                "db": str(path), "device_name": self.device_name}

    def cleanup_after_failure(self) -> None:
        """A cancelled or failed join leaves no half book (the job removes it; this
        checks, should the job have been killed)."""
        path = self._created
        if path is None:
            return
        for suffix in ("", "-wal", "-shm", ".sync-lock"):
            Path(str(path) + suffix).unlink(missing_ok=True)

    def succeeded(self, result: dict[str, Any]) -> None:
        self.joined_path = Path(result["db"])
        self.device = str(result.get("device") or "")
        super().succeeded(result)


class MakeOfficeDialog(_JobDialog):
    """Make This an Office Book…: the hub's roles and schema, the manager's login, this
    book uploaded as the office's first device (`crmdesk hub init`)."""

    action = "init"
    go_text = QT_TRANSLATE_NOOP("MakeOfficeDialog", "&Make Office Book")

    def __init__(self, book: Any, parent: QWidget | None):
        super().__init__(parent)
        from crmdesk.hub.client import login_name
        from crmdesk.services import access

        self.book = book
        self.setWindowTitle(self.tr("Make This an Office Book"))
        self.setObjectName("makeOfficeDialog")
        me = access.current()
        self.staff = me.name or "Manager"  # a staff name on the hub, not a text
        self.intro.setText(self.tr(
            "Share {book} with your office through a PostgreSQL hub. The hub gets its schema "
            "and roles, you get a hub login, and this book is uploaded as the office's first "
            "device; colleagues then use File ▸ Join Office Book… on their laptops.")
            .format(book=book.path.name))
        self.admin = _line(self.tr("Hub administrator address"),
                           hint="postgresql://postgres@hub.office.example/crm")
        self.admin_password = _password(self.tr("Administrator password"))
        self.admin_password.setToolTip(self.tr("Used once, for this set-up; never stored"))
        self.login = _line(self.tr("Your hub login"), login_name(self.staff))
        self.password_edit = _password(self.tr("Your new hub password"))
        self.again = _password(self.tr("Your new hub password again"))
        self.form.addRow(self.tr("Hub &administrator address:"), self.admin)
        self.form.addRow(self.tr("Administrator pass&word:"), self.admin_password)
        self.form.addRow(self.tr("Your hub &login:"), self.login)
        self.form.addRow(self.tr("Your new hub &password:"), self.password_edit)
        self.form.addRow(self.tr("The same password a&gain:"), self.again)
        self.password = ""
        self.made = False
        self.summary = ""
        self.resize(580, self.sizeHint().height())

    def request(self) -> dict[str, Any] | None:
        from crmdesk.hub.client import HubError, parse_url

        try:
            parse_url(self.admin.text())
        except HubError as exc:
            self.message.setText(str(exc))
            self.admin.setFocus()
            return None
        if len(self.password_edit.text()) < 8:
            self.message.setText(self.tr("Your hub password needs at least 8 characters."))
            self.password_edit.setFocus()
            return None
        if self.password_edit.text() != self.again.text():
            self.message.setText(self.tr("The two passwords differ."))
            self.again.setFocus()
            return None
        self.password = self.password_edit.text()
        return {"admin_url": self.admin.text().strip(),
                "admin_password": self.admin_password.text(),
                "login": self.login.text().strip(), "password": self.password,
                "staff": self.staff, "db": str(self.book.path),
                "passphrase": self.book.passphrase or ""}

    def succeeded(self, result: dict[str, Any]) -> None:
        self.made = True
        records = int(result.get("records") or 0)
        self.summary = self.tr("{book} is now an office book: {count} record(s) uploaded; it "
                               "syncs as {login}.", "", records).format(
            book=self.book.path.name, count=number(records), login=result.get("login"))
        super().succeeded(result)


class OfficeSettingsDialog(QDialog):
    """Settings ▸ Office Book…: the hub address and this device's name."""

    def __init__(self, hub: str, name: str, device: str, parent: QWidget | None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Office Book"))
        self.setObjectName("officeSettingsDialog")
        self.hub = _line(self.tr("Hub address"), hub, hint="postgresql://hub.office.example/crm")
        self.hub.setToolTip(self.tr("Where the office's hub is; change it when the server "
                                    "moves (another office's hub is refused before anything "
                                    "is sent)"))
        self.name = _line(self.tr("This device's name"), name)
        self.name.setToolTip(self.tr("How this computer is called in the window and when it "
                                     "joins"))
        device_label = QLabel(device)
        device_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        device_label.setAccessibleName(self.tr("Device id"))
        form = QFormLayout()
        form.addRow(self.tr("Hub &address:"), self.hub)
        form.addRow(self.tr("This &device's name:"), self.name)
        form.addRow(self.tr("Device id:"), device_label)
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def _save(self) -> None:
        from crmdesk.hub.client import HubError, parse_url

        try:
            parse_url(self.hub.text())
        except HubError as exc:
            self.message.setText(str(exc))
            self.hub.setFocus()
            return
        self.accept()
