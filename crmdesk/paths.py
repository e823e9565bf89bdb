"""Where things live: the default book in the platform's user data dir, and the resources
shipped inside the package (fonts, logo, icon), found through importlib.resources so an
installed wheel finds them as well as a checkout."""

from __future__ import annotations

import atexit
import contextlib
import functools
import os
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import platformdirs

from crmdesk import APP_NAME

_extracted = contextlib.ExitStack()
atexit.register(_extracted.close)


def data_dir() -> Path:
    """The user data folder for crmdesk (not created here)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_book_path() -> Path:
    """The book to open when no --db is given: $CRMDESK_DB, else the user data dir."""
    env = os.environ.get("CRMDESK_DB")
    if env:
        return Path(env).expanduser()
    return data_dir() / "book.db"


def _traversable(name: str) -> Traversable:
    return resources.files("crmdesk").joinpath("resources", *name.split("/"))


def resource_bytes(name: str) -> bytes:
    """The content of a shipped resource, e.g. "logo.png"."""
    return _traversable(name).read_bytes()


@functools.cache
def resource(name: str) -> Path:
    """A real file name for a shipped resource (e.g. "fonts/DejaVuSans.ttf"), for the APIs that
    want one (ReportLab's fonts, QIcon). In a normal install this is the file in the package;
    from a zipped package it is a temporary copy kept until the process ends."""
    return _extracted.enter_context(resources.as_file(_traversable(name)))
