"""Where things live: the default book in the platform's user data dir, and the resources
shipped inside the package (everything under crmdesk/resources: fonts, logo, icons, help,
translations, templates), found through importlib.resources so an installed wheel, a zipped
package and a PyInstaller bundle find them as well as a checkout does. Resource names use
'/' on every platform ("fonts/DejaVuSans.ttf"), never os.sep."""

from __future__ import annotations

import atexit
import contextlib
import functools
import os
import shutil
import tempfile
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


@functools.cache
def resource_dir(name: str) -> Path:
    """A real folder for a shipped resource folder (e.g. "translations" for QTranslator,
    "help" for a help browser's search path). In a normal install, a checkout or a bundle it
    is the folder in the package; from a zipped package, a temporary copy of the whole tree
    kept until the process ends (importlib.resources.as_file takes folders only from 3.12)."""
    found = _traversable(name)
    if isinstance(found, Path):
        if not found.is_dir():
            raise NotADirectoryError(f"No resource folder {name!r} in the package.")
        return found
    if not found.is_dir():
        raise NotADirectoryError(f"No resource folder {name!r} in the package.")
    target = Path(tempfile.mkdtemp(prefix="crmdesk-resources-"))
    _extracted.callback(shutil.rmtree, target, ignore_errors=True)
    _copy_tree(found, target)
    return target


def _copy_tree(source: Traversable, target: Path) -> None:
    for item in source.iterdir():
        if item.is_dir():
            (target / item.name).mkdir()
            _copy_tree(item, target / item.name)
        else:
            (target / item.name).write_bytes(item.read_bytes())


def resource_names(name: str = "") -> list[str]:
    """Every shipped resource file under `name` ("" = all), as '/'-joined names."""
    top = _traversable(name) if name else resources.files("crmdesk").joinpath("resources")
    prefix = f"{name}/" if name else ""
    out: list[str] = []

    def walk(folder: Traversable, path: str) -> None:
        for item in folder.iterdir():
            if item.name == "__pycache__":
                continue
            if item.is_dir():
                walk(item, f"{path}{item.name}/")
            else:
                out.append(f"{path}{item.name}")

    walk(top, prefix)
    return sorted(out)
