"""GUI bootstrap: QApplication, settings, theme, the book, the main window."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from crmdesk import APP_NAME, __version__

_STARTED = time.perf_counter()


def _install_excepthook() -> None:
    """A refusal that escaped a handler is shown as the sentence it is, not lost on stderr;
    anything else still reaches stderr as before."""
    previous = sys.excepthook

    def hook(kind, value, tb):  # type: ignore[no-untyped-def]
        from crmdesk.services.access import AccessDenied

        if isinstance(value, AccessDenied):
            from PySide6.QtCore import QCoreApplication
            from PySide6.QtWidgets import QApplication, QMessageBox

            QMessageBox.warning(QApplication.activeWindow(),
                                QCoreApplication.translate("App", "Not allowed"), str(value))
            return
        previous(kind, value, tb)

    sys.excepthook = hook


def run_gui(book_path: Path) -> int:
    from PySide6.QtCore import QCoreApplication, QSettings, QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication, QMessageBox

    from crmdesk import paths
    from crmdesk.store.book import open_book_asking
    from crmdesk.store.db import BookError
    from crmdesk.ui.dialogs.passphrase import ask_passphrase
    from crmdesk.ui.main_window import MainWindow
    from crmdesk.ui.theme import apply_theme

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("crmdesk")
    app.setWindowIcon(QIcon(str(paths.resource("crmdesk.svg"))))
    qsettings = QSettings()
    from crmdesk import i18n

    i18n.install(app, i18n.chosen(qsettings))  # before any window: every text translated
    apply_theme(app, str(qsettings.value("ui/theme", "system")))
    from crmdesk.ui.widgets import wheel_guard

    wheel_guard.install()  # the sign-in and passphrase dialogs come before the main window
    from crmdesk.store import sidecar

    try:  # one window per book: a second one is refused (the command line is not)
        sidecar.take_window(book_path)
    except sidecar.BookInUse as exc:
        print(f"crmdesk: {exc}", file=sys.stderr)
        QMessageBox.warning(None, "crmdesk", str(exc))
        return 1
    try:
        from crmdesk.services import keychain

        # The keyring (slow to load) only if the book turns out to be encrypted.
        book = open_book_asking(book_path, keychain.keyring_first(
            book_path, lambda message: ask_passphrase(None, message)))
    except BookError as exc:
        QMessageBox.critical(None, "crmdesk", str(exc))
        print(f"crmdesk: {exc}", file=sys.stderr)
        return 1
    from crmdesk.services import access

    if access.accounts_exist():
        from crmdesk.ui.dialogs.sign_in import SignInDialog

        if SignInDialog(book.path.name).exec() != SignInDialog.DialogCode.Accepted:
            return 0
    _install_excepthook()
    window = MainWindow(book, qsettings, offer_demo=not os.environ.get("CRMDESK_NO_DEMO_OFFER"))
    window.show()
    for warning in book.warnings:
        QMessageBox.warning(window, "crmdesk", warning)
    if book.backup is not None:
        window.statusBar().showMessage(
            QCoreApplication.translate(
                "App", "The book was upgraded; a copy of the old version is at {path}")
            .format(path=book.backup), 10000)
    if os.environ.get("CRMDESK_EXIT_AFTER_SHOW"):
        # Used by benchmarks: report the time to the first shown window, then to its first
        # paint and to the book's data read into it (My day filled), then quit.
        def shown() -> None:
            print(f"shown_after_s={time.perf_counter() - _STARTED:.3f} "
                  f"shown_at={time.time():.4f} "
                  f"keyring_imported={'keyring' in sys.modules}", flush=True)
            loaded()

        def loaded() -> None:
            if window.loading or window.first_paint_at is None:
                QTimer.singleShot(2, loaded)
                return
            print(f"painted_at={window.first_paint_at:.4f} loaded_at={time.time():.4f} "
                  f"cpu_painted={window.first_paint_cpu:.4f} cpu_loaded={time.process_time():.4f} "
                  f"numpy_imported_when_loaded={'numpy' in sys.modules}", flush=True)
            app.quit()
        QTimer.singleShot(0, shown)
    code = int(app.exec())
    # Let background reads finish (each is short and cancellable) before Qt objects go away.
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().clear()
    QThreadPool.globalInstance().waitForDone(3000)
    return code
