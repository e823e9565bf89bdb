"""A large import through the window (issue 17): the bulk path (indexes set aside, phone
numbers into their own search index) keeps the dialog's progress and Cancel, and the list
finds the imported numbers by any run of their digits."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt

from crmdesk.services.importing import contact_import
from crmdesk.store.db import db
from crmdesk.ui.main_window import MainWindow

ROWS = contact_import.BULK_INDEXES + 1_500
SHOTS = os.environ.get("CRMDESK_SHOTS")  # a folder: the dialog and the list are saved there


def _csv(path: Path) -> None:
    lines = ["First Name,Last Name,E-mail Address,Mobile Phone,Company"]
    lines += [f"Ana{i},García{i},ana{i}@example.com,+1 416 {200 + i // 10000} {i % 10000:04d},"
              f"{'Acme' if i % 2 else ''}" for i in range(ROWS)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _schema() -> list[tuple[str, str]]:
    return db.execute_sql("SELECT name, sql FROM sqlite_master WHERE type IN ('index', "
                          "'trigger') ORDER BY name").fetchall()


def test_a_large_import_cancelled_then_made_and_its_numbers_found(  # type: ignore[no-untyped-def]
        qtbot, book, make_window, drive, monkeypatch, tmp_path: Path) -> None:
    path = tmp_path / "many.csv"
    _csv(path)
    monkeypatch.setattr(MainWindow, "ask_open_path", lambda self, title, filters: path)
    window = make_window()
    before = _schema()
    seen: list[int] = []

    def cancel_then_import(dialog) -> None:  # type: ignore[no-untyped-def]
        qtbot.waitUntil(lambda: dialog.plan is not None, timeout=30_000)
        assert dialog.plan.count(contact_import.NEW) == ROWS
        if SHOTS:
            dialog.grab().save(str(Path(SHOTS) / "import-preview.png"))
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)  # at once
        qtbot.waitUntil(lambda: dialog.task is None and dialog.import_button.isEnabled(),
                        timeout=30_000)
        assert "nothing was written" in dialog.error.text()
        seen.append(db.execute_sql("SELECT count(*) FROM customer").fetchone()[0])
        qtbot.wait(500)  # the cancelled worker rolls back
        assert _schema() == before
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=60_000)

    drive.append(cancel_then_import)
    window.actions["import_contacts"].trigger()
    assert seen == [0]
    assert db.execute_sql("SELECT count(*) FROM customer").fetchone()[0] == ROWS
    assert _schema() == before
    view = window.customers
    view.search.setText("6200 0070")  # a run of the digits from inside the number
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=10_000)
    assert view.model.index(0, 0).data() == "García70, Ana70"

    if SHOTS:
        window.grab().save(str(Path(SHOTS) / "import-then-phone-search.png"))
