"""Asking for a book's passphrase (the characters are never shown)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget


def ask_passphrase(parent: QWidget | None, message: str, title: str | None = None
                   ) -> str | None:
    """The passphrase typed, or None when cancelled."""
    if title is None:
        title = QCoreApplication.translate("passphrase", "Encrypted book")
    text, ok = QInputDialog.getText(parent, title, message, QLineEdit.EchoMode.Password)
    return text if ok else None


def ask_new_passphrase(parent: QWidget | None, title: str) -> str | None:
    """A new passphrase typed twice the same (None when cancelled or different)."""
    first = ask_passphrase(parent, QCoreApplication.translate(
        "passphrase", "New passphrase (without it the book cannot be opened):"), title)
    if first is None:
        return None
    second = ask_passphrase(parent, QCoreApplication.translate(
        "passphrase", "The same passphrase again:"), title)
    return first if second == first else None
