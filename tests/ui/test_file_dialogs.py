"""File dialogs never read the open book: the process keeps its SQLite locks (issue item 1).

Qt's dialogs sniff each listed file's type by opening it; closing that handle on book.db drops
every POSIX lock the process holds on the file, and the next process that opens and closes the
book deletes our live write-ahead log.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QFileSystemModel

from crmdesk.services import customer_query
from crmdesk.store.book import Book
from crmdesk.ui import file_dialogs
from crmdesk.ui.main_window import MainWindow
from tests.conftest import add

pytestmark = pytest.mark.skipif(not Path("/proc/locks").exists(), reason="needs /proc/locks")


def our_locks(book: Path) -> list[str]:
    """This process's POSIX locks on the book file and its -shm, as 'name TYPE start-end'."""
    inodes = {os.stat(p).st_ino: p.name for p in book.parent.glob(book.name + "*")}
    found = []
    for line in Path("/proc/locks").read_text().splitlines():
        fields = line.split()
        if "->" in fields or "POSIX" not in fields:
            continue
        at = fields.index("POSIX")
        pid, inode = int(fields[at + 3]), int(fields[at + 4].split(":")[2])
        if pid == os.getpid() and inode in inodes:
            found.append(f"{inodes[inode]} {fields[at + 2]} {fields[at + 5]}-{fields[at + 6]}")
    return sorted(found)


def populate_and_cancel(qtbot, dialog: QFileDialog, folder: Path) -> None:  # type: ignore[no-untyped-def]
    """Show the dialog on `folder`, wait until every file there is listed with its type
    (what makes Qt sniff contents), then cancel."""
    dialog.setDirectory(str(folder))
    dialog.setNameFilter("All files (*)")
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    dialog.show()
    model = dialog.findChild(QFileSystemModel)
    assert model is not None
    dirs_only = dialog.testOption(QFileDialog.Option.ShowDirsOnly)
    names = {p.name for p in folder.iterdir() if p.is_dir() or not dirs_only}

    def typed() -> bool:
        root = model.index(str(folder))
        listed = {model.index(r, 0, root).data(): model.type(model.index(r, 0, root))
                  for r in range(model.rowCount(root))}
        return names <= set(listed) and all(listed[n] for n in names)

    qtbot.waitUntil(typed, timeout=5000)
    qtbot.wait(50)
    dialog.reject()


def other_process_reads(book: Path) -> int:
    """Another process opens the book, counts customers and closes it (as `crmdesk agenda`)."""
    code = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
            "print(c.execute('select count(*) from customer').fetchone()[0]); c.close()")
    out = subprocess.run([sys.executable, "-c", code, str(book)], capture_output=True,
                         text=True, check=True, timeout=30)
    return int(out.stdout)


@pytest.mark.parametrize("mode", ["open", "save", "folder"])
def test_a_dialog_on_the_books_folder_keeps_the_books_locks(qtbot, book: Book, mode) -> None:  # type: ignore[no-untyped-def]
    add("Dolores", "Pena")
    add("Ines", "Carvalho")
    (book.path.parent / "statements").mkdir()
    wal = book.path.with_name(book.path.name + "-wal")
    before = our_locks(book.path)
    assert before and wal.exists()
    dialog = file_dialogs.make_dialog(None, "Choose", book.path.parent, "crmdesk books (*.db)",
                                      mode=mode)
    qtbot.addWidget(dialog)
    populate_and_cancel(qtbot, dialog, book.path.parent)
    assert our_locks(book.path) == before
    assert other_process_reads(book.path) == 2
    assert wal.exists(), "another process deleted the live write-ahead log"
    assert customer_query.count() == 2


def test_file_dialogs_are_qts_own_and_name_only(qtbot, book: Book) -> None:  # type: ignore[no-untyped-def]
    dialog = file_dialogs.make_dialog(None, "Save", book.path.parent / "x.pdf", "PDF (*.pdf)",
                                      mode="save")
    qtbot.addWidget(dialog)
    assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
    assert isinstance(dialog.iconProvider(), file_dialogs.NameOnlyIconProvider)
    assert dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave
    assert Path(dialog.directory().absolutePath()) == book.path.parent
    assert dialog.selectedFiles() == [str(book.path.parent / "x.pdf")]


def test_every_chooser_of_the_window_goes_through_file_dialogs(qtbot, book: Book, make_window,  # type: ignore[no-untyped-def]
                                                               monkeypatch) -> None:
    from crmdesk.ui.dialogs.loyalty_settings import LoyaltyProgrammeDialog
    from crmdesk.ui.dialogs.statement_dialogs import BatchStatementsDialog

    add("Dolores", "Pena")
    window: MainWindow = make_window()
    before = our_locks(book.path)
    shown: list[str] = []

    def run(dialog: QFileDialog) -> None:
        shown.append(dialog.windowTitle())
        assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
        assert isinstance(dialog.iconProvider(), file_dialogs.NameOnlyIconProvider)
        populate_and_cancel(qtbot, dialog, book.path.parent)
        dialog.deleteLater()
        return None

    monkeypatch.setattr(file_dialogs, "run", run)
    window.open_book_dialog()
    window.new_book()
    window.export_ics()
    assert window.ask_open_path("Import contacts", "vCard (*.vcf)") is None
    assert window.ask_save_path("Back up the book", book.path.parent / "b.db", "*.db") is None
    assert window.ask_folder("Where to save everything", book.path.parent) is None
    assert window.ask_statement_path(book.path.parent / "s.pdf") is None
    batch = BatchStatementsDialog(window.customers.current_filter(), 1, book.path.parent, window)
    qtbot.addWidget(batch)
    assert batch.choose_path() is None
    batch.combined.setChecked(True)
    assert batch.choose_path() is None
    logo = LoyaltyProgrammeDialog(window)
    qtbot.addWidget(logo)
    assert logo.choose_logo_file() is None
    assert shown == ["Open client book", "New client book", "Export follow-ups to your calendar",
                     "Import contacts", "Back up the book", "Where to save everything",
                     "Save loyalty statement", "Folder for the statements",
                     "Save statements as", "Choose a logo"]
    assert our_locks(book.path) == before
    assert other_process_reads(book.path) == 1
    assert book.path.with_name(book.path.name + "-wal").exists()
    assert window.book.path == book.path


def test_nothing_else_in_the_window_uses_qfiledialog() -> None:
    ui = Path(file_dialogs.__file__).parent
    users = [str(p.relative_to(ui)) for p in ui.rglob("*.py")
             if "QFileDialog" in p.read_text(encoding="utf-8") and p.name != "file_dialogs.py"]
    assert users == []
