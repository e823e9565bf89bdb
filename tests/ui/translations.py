"""Install a catalogue of crmdesk/resources/translations in a test (compiled into a temporary
folder with pyside6-lrelease; the package's own loader is crmdesk.i18n, this only helps tests).
The UI tests run with the English plural forms installed, as the app does (conftest.py)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

TRANSLATIONS = Path(__file__).resolve().parents[2] / "crmdesk" / "resources" / "translations"


def lrelease() -> str:
    beside = Path(sys.executable).with_name("pyside6-lrelease")
    return str(beside) if beside.exists() else (shutil.which("pyside6-lrelease") or "")


@contextmanager
def catalogue(tmp_path: Path, name: str = "dialogs_es") -> Iterator[QTranslator]:
    """`name`.ts compiled into `tmp_path` and installed on the running application (above the
    catalogues installed before), removed afterwards."""
    qm = tmp_path / f"{name}.qm"
    subprocess.run([lrelease(), "-silent", str(TRANSLATIONS / f"{name}.ts"), "-qm", str(qm)],
                   check=True)
    translator = QTranslator()
    assert translator.load(str(qm)), qm
    app = QCoreApplication.instance()
    assert app is not None
    app.installTranslator(translator)
    try:
        yield translator
    finally:
        app.removeTranslator(translator)
