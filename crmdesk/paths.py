"""Where things live: the default book in the platform's user data dir, and bundled resources."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from crmdesk import APP_NAME

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def data_dir() -> Path:
    """The user data folder for crmdesk (not created here)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_book_path() -> Path:
    """The book to open when no --db is given: $CRMDESK_DB, else the user data dir."""
    env = os.environ.get("CRMDESK_DB")
    if env:
        return Path(env).expanduser()
    return data_dir() / "book.db"


def resource(name: str) -> Path:
    return RESOURCES / name
