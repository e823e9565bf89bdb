"""Screenshots of the dialogs area in Spanish (issue 20), light and dark, each dialog at the
size it takes on a 1024×600 screen:

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.ui.dialog_shots docs/es

(The catalogue is compiled into a temporary folder and installed, as tests/ui/translations.py
does in the tests; the book is a throw-away one with a few clients.)"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
import tests.conftest  # noqa: E402, F401 - the test environment (fast hashes, no demo offer)


def main(out: Path) -> None:
    from PySide6.QtCore import QLocale, QSize, Qt
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication, QDialog

    from crmdesk.services import staff, sync, sync_review
    from crmdesk.store.book import open_book
    from crmdesk.ui import theme
    from tests.conftest import add
    from tests.ui.translations import catalogue

    app = QApplication.instance() or QApplication(sys.argv)
    QLocale.setDefault(QLocale(QLocale.Language.Spanish, QLocale.Country.Spain))
    folder = Path(tempfile.mkdtemp(prefix="crmdesk-shots-"))
    open_book(folder / "libro.db")
    staff.add("Eva Martín", "executive")
    today = dt.date.today()
    lola = add("Dolores", "Peña", region="ES", preferred_name="Lola", salutation="Sra.",
               language="es", emails=("lola@example.es",), phones=("+34 612 34 56 78",),
               consents={"email": today, "sms": today}, preferred_channel="email")
    ana = add("Ana", "Ruiz", region="ES", language="es", emails=("ana@example.es",),
              consents={"email": today})
    pablo = add("Pablo", "Gil", region="ES", language="es")
    csv = folder / "contactos.csv"
    csv.write_text("Nombre,Apellidos,E-mail,Teléfono\nLola,Peña,lola@example.es,612345678\n"
                   "Marta,Sanz,marta@example,\nJuan,López,juan@example.es,+34 699 11 22 33\n",
                   encoding="utf-8")

    class Window(QDialog):  # what ConflictsDialog asks of the main window
        def __init__(self) -> None:
            super().__init__()
            self.undo_stack = QUndoStack(self)

    conflict = sync.Conflict(7, "customer", lola, "Lola Peña", "occupation", "Abogada",
                             "Notaria", "Eva Martín", "Rita", "2026-11-30T10:00:00Z",
                             "2026-11-30T10:02:00Z", "", "2026-11-30T10:05:00Z", None, None,
                             "kept")
    sync.conflicts = lambda include_resolved=False: [conflict]  # type: ignore[assignment]
    sync_review.explain = lambda con: ("Eva Martín y Rita cambiaron la profesión de Lola Peña "
                                       "a la vez en dos equipos.")

    def quick() -> QDialog:
        from crmdesk.ui.dialogs.quick_capture import QuickCaptureDialog

        d = QuickCaptureDialog(None, "ES")
        d.who.setText("Lo")
        return d

    def interaction() -> QDialog:
        from crmdesk.ui.dialogs.interaction_dialogs import LogInteractionDialog

        d = LogInteractionDialog(lola, "Lola Peña", None)
        d.follow_box.setChecked(True)
        return d

    def importing() -> QDialog:
        from crmdesk.ui.dialogs.import_dialog import ImportDialog

        d = ImportDialog(csv, "ES")
        d.start()
        for _ in range(200):
            app.processEvents()
            if d.plan is not None:
                break
            import time

            time.sleep(0.02)
        return d

    def redeem() -> QDialog:
        from crmdesk.ui.dialogs.loyalty_dialogs import RedeemDialog

        d = RedeemDialog(lola, "Lola Peña", 1, None)
        d.reward.setCurrentIndex(d.reward.count() - 1)
        d.points.setValue(3)
        return d

    def programme() -> QDialog:
        from crmdesk.ui.dialogs.loyalty_settings import LoyaltyProgrammeDialog

        return LoyaltyProgrammeDialog()

    def conflicts() -> QDialog:
        from crmdesk.ui.dialogs.conflicts_dialog import ConflictsDialog

        return ConflictsDialog(Window())

    def join() -> QDialog:
        from crmdesk.ui.dialogs.office_dialogs import JoinDialog

        return JoinDialog(None)

    def composer() -> QDialog:
        from crmdesk.ui.dialogs.composer import ComposerDialog

        return ComposerDialog([lola, ana, pablo], None)

    def templates() -> QDialog:
        from crmdesk.ui.dialogs.template_editor import TemplateLibraryDialog

        return TemplateLibraryDialog(lola)

    shots: list[tuple[str, Callable[[], QDialog]]] = [
        ("quick-capture", quick), ("log-interaction", interaction), ("import", importing),
        ("redeem", redeem), ("loyalty-programme", programme), ("conflicts", conflicts),
        ("join-office-book", join), ("composer", composer), ("templates", templates)]
    out.mkdir(parents=True, exist_ok=True)
    room = QSize(1024 - 24, 600 - 56)  # a 1024×600 screen less the window frame and a panel
    from PySide6.QtCore import QLibraryInfo, QTranslator

    qt_own = QTranslator()  # Qt's own texts (Save, Cancel, …), as the app loads them
    if qt_own.load(QLocale(), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath
                                                               .TranslationsPath)):
        app.installTranslator(qt_own)
    with catalogue(folder):
        for dark in (False, True):
            theme.apply_theme(app, "dark" if dark else "light")
            for name, make in shots:
                dialog = make()
                if not dialog.testAttribute(Qt.WidgetAttribute.WA_Resized):
                    dialog.adjustSize()  # as exec() shows a dialog nobody sized
                dialog.resize(dialog.size().boundedTo(room).expandedTo(dialog.minimumSizeHint()))
                dialog.show()
                for _ in range(5):
                    app.processEvents()
                path = out / f"{name}-{'dark' if dark else 'light'}-1024x600.png"
                dialog.grab().save(str(path))
                print(path, dialog.width(), "×", dialog.height())
                dialog.done(0)
                dialog.deleteLater()
                app.processEvents()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/es"))
