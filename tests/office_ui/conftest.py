"""The office book in the window: real windows on books synced through the test hub.

The hub fixtures are those of tests/hub (a throw-away PostgreSQL, skipped when absent);
the window fixtures those of tests/ui."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from crmdesk.ui.main_window import MainWindow
from tests.hub.conftest import hub, office, pg_server  # noqa: F401 - fixtures
from tests.ui.conftest import answers, drive, english_plurals, make_window  # noqa: F401 - fixtures
from tests.ui.conftest import qsettings as qsettings  # noqa: F401 - fixture


@pytest.fixture
def open_window(qtbot: Any, qsettings: QSettings, monkeypatch: pytest.MonkeyPatch
                ) -> Callable[..., MainWindow]:
    """The real main window on a given book; unsaved-edit prompts answer Discard."""
    from tests.office_ui.kit import window_on

    discard = QMessageBox.StandardButton.Discard
    monkeypatch.setattr(MainWindow, "ask_unsaved", lambda self: discard)
    monkeypatch.setattr(MainWindow, "ask_discard", lambda self: discard)

    def make(path: Path, passphrase: str | None = None) -> MainWindow:
        return window_on(qtbot, path, qsettings, passphrase)

    return make
