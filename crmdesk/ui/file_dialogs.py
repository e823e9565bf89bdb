"""Every file chooser of the window, built so that it never reads a file's contents.

Why: Qt's file dialogs show each file's type and icon, and find them by *opening* the file to
sniff its MIME type (QMimeDatabase on the contents). Closing that handle on the open book
(`book.db`, or its `-shm`) drops every POSIX lock this process holds on it — SQLite's
documented pitfall — and the next process to open and close the book then deletes our live
write-ahead log. Native dialogs (GTK's, loaded into this process) sniff files too.

So every chooser here is Qt's own dialog (never the native one) with an icon provider that
decides icons and types from the *name* alone. Nothing else in crmdesk/ui may use QFileDialog.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileInfo, QMimeDatabase
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QApplication, QFileDialog, QStyle, QWidget


class NameOnlyIconProvider(QAbstractFileIconProvider):
    """Icons and type names from the file name only: no file is ever opened."""

    def __init__(self) -> None:
        super().__init__()
        style = QApplication.style()
        self._folder = style.standardIcon(QStyle.StandardPixmap.SP_DirIcon)
        self._file = style.standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        self._drive = style.standardIcon(QStyle.StandardPixmap.SP_DriveHDIcon)
        self._mime = QMimeDatabase()

    def icon(self, which: object) -> QIcon:  # type: ignore[override]
        if isinstance(which, QFileInfo):
            if which.isRoot():
                return self._drive
            return self._folder if which.isDir() else self._file
        kind = QAbstractFileIconProvider.IconType
        if which in (kind.Folder, kind.Desktop, kind.Trashcan, kind.Network):
            return self._folder
        if which == kind.Drive:
            return self._drive
        return self._file

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return "Folder"
        mime = self._mime.mimeTypeForFile(info.fileName(), QMimeDatabase.MatchMode.MatchExtension)
        if not mime.isDefault() and mime.comment():
            return mime.comment()
        suffix = info.suffix()
        return f"{suffix.upper()} file" if suffix else "File"


_provider: NameOnlyIconProvider | None = None


def icon_provider() -> NameOnlyIconProvider:
    """One provider for all dialogs (a dialog does not own the provider it is given)."""
    global _provider
    if _provider is None:
        _provider = NameOnlyIconProvider()
    return _provider


def make_dialog(parent: QWidget | None, title: str, start: Path | str, filters: str = "",
                *, mode: str = "open") -> QFileDialog:
    """A chooser that never reads file contents. `mode`: "open", "save" or "folder";
    `start` is a folder, or (to save) a suggested file path."""
    start = Path(start)
    folder, name = (start, "") if mode != "save" or start.is_dir() else (start.parent, start.name)
    dialog = QFileDialog(parent, title, str(folder), filters)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setIconProvider(icon_provider())
    if mode == "save":
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        if name:
            dialog.selectFile(name)
    elif mode == "folder":
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    else:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return dialog


def run(dialog: QFileDialog) -> Path | None:
    """Show the dialog; the chosen path, or None when cancelled."""
    try:
        if dialog.exec() != QFileDialog.DialogCode.Accepted:
            return None
        chosen = dialog.selectedFiles()
        return Path(chosen[0]) if chosen and chosen[0] else None
    finally:
        dialog.deleteLater()


def open_file(parent: QWidget | None, title: str, folder: Path | str, filters: str) -> Path | None:
    return run(make_dialog(parent, title, folder, filters, mode="open"))


def save_file(parent: QWidget | None, title: str, suggested: Path | str,
              filters: str) -> Path | None:
    return run(make_dialog(parent, title, suggested, filters, mode="save"))


def folder(parent: QWidget | None, title: str, start: Path | str) -> Path | None:
    return run(make_dialog(parent, title, start, mode="folder"))
