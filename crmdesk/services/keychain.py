"""Remembering an encrypted book's passphrase in the operating system's keyring (macOS
Keychain, Windows Credential Locker, Secret Service on a Linux desktop), when there is one.

A headless Linux has no keyring backend: then nothing is remembered and crmdesk asks, as
it always did. Any keyring failure means "not remembered", never an error.

`keyring` is imported (and its backends probed, ~450 ms) only on the first call here, and
crmdesk calls here only for an encrypted book: a plain book never pays for it."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path

SERVICE = "crmdesk"
log = logging.getLogger(__name__)


def _keyring():  # type: ignore[no-untyped-def]
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
    except Exception:  # noqa: BLE001 - a broken keyring installation is "no keyring"
        return None
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 0) <= 0:
        return None
    return keyring


def available() -> bool:
    return _keyring() is not None


def keyring_first(book: Path, ask: Callable[[str], str | None]) -> Callable[[str], str | None]:
    """`ask` for a passphrase (as open_book_asking wants it) that first tries the one the
    keyring remembers for `book`: the keyring is consulted only once a passphrase is needed."""
    tried = False

    def asking(message: str) -> str | None:
        nonlocal tried
        if not tried:
            tried = True
            remembered = get(book)
            if remembered is not None:
                return remembered
        return ask(message)

    return asking


def _account(book: Path) -> str:
    # normcase: on Windows C:\Books\a.db and c:\books\A.DB are the same book (one entry).
    return os.path.normcase(str(Path(book).expanduser().resolve()))


def get(book: Path) -> str | None:
    ring = _keyring()
    if ring is None:
        return None
    try:
        value = ring.get_password(SERVICE, _account(book))
    except Exception as exc:  # noqa: BLE001 - locked or refused keyring: just ask
        log.info("keyring read failed: %s", exc)
        return None
    return str(value) if value else None


def remember(book: Path, passphrase: str) -> bool:
    ring = _keyring()
    if ring is None:
        return False
    try:
        ring.set_password(SERVICE, _account(book), passphrase)
    except Exception as exc:  # noqa: BLE001
        log.info("keyring write failed: %s", exc)
        return False
    return True


def forget(book: Path) -> None:
    ring = _keyring()
    if ring is None:
        return
    try:
        ring.delete_password(SERVICE, _account(book))
    except Exception as exc:  # noqa: BLE001 - nothing was remembered
        log.info("keyring delete: %s", exc)
