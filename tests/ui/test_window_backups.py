"""The window's backups and restores go through the service, which audits them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QThreadPool

from crmdesk.services import backups
from crmdesk.store.db import db
from crmdesk.ui.main_window import MainWindow
from tests.conftest import add


def _audited(action: str) -> list[str]:
    return [r[0] for r in db.execute_sql("SELECT detail FROM audit_entry WHERE action = ? "
                                         "ORDER BY id", (action,))]


def test_the_window_audits_backups_the_daily_one_and_restores(  # type: ignore[no-untyped-def]
        qtbot, book, make_window, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.delenv("CRMDESK_NO_AUTO_BACKUP", raising=False)
    add("Ana", "Ruiz")
    window = make_window()
    folder = backups.backup_dir(book.path)
    qtbot.waitUntil(lambda: len(list(folder.glob("auto-book-*.db"))) == 1, timeout=10_000)
    QThreadPool.globalInstance().waitForDone(5_000)
    [daily] = folder.glob("auto-book-*.db")
    assert _audited("backup") == [str(daily)]
    saved = tmp_path / "saved.db"
    monkeypatch.setattr(MainWindow, "ask_save_path", lambda self, title, suggested, f: saved)
    window.actions["back_up"].trigger()
    qtbot.waitUntil(saved.exists, timeout=10_000)
    QThreadPool.globalInstance().waitForDone(5_000)
    assert _audited("backup") == [str(daily), str(saved)]
    monkeypatch.setattr(MainWindow, "ask_open_path", lambda self, title, filters: saved)
    monkeypatch.setattr(MainWindow, "ask_yes", lambda self, title, text: True)
    window.actions["restore_backup"].trigger()
    qtbot.waitUntil(lambda: "Restored from saved.db" in window.statusBar().currentMessage(),
                    timeout=10_000)
    assert _audited("restore_book") == [f"from {saved}"]
