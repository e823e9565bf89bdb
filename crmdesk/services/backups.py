"""Backups: a consistent copy taken while the book is open (SQLite's online backup API),
daily automatic ones with rotation (7 daily, 4 weekly), and a restore that checks the file
first and keeps the current book aside."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from crmdesk.services import access
from crmdesk.services.texts import translate
from crmdesk.store import encryption, migrations, sidecar
from crmdesk.store.db import (
    APPLICATION_ID,
    DB_ERRORS,
    BookError,
    describe_error,
    exclusive_access,
    is_encrypted,
)

Progress = Callable[[int, int], bool]
KEEP_DAILY = 7
KEEP_WEEKLY = 4
AUTO_PREFIX = "auto-"
_STAMP = "%Y%m%d-%H%M%S"


def backup_dir(book: Path) -> Path:
    """Backups sit beside the book, in `backups/` (the same private folder)."""
    return book.parent / "backups"


def _copy(source: Path, target: Path, progress: Progress | None = None,
          passphrase: str | None = None, check: bool = False) -> None:
    """Copy a live book page by page into `target` (temporary name, created 0600, then
    renamed). The copy of an encrypted book is encrypted with the same passphrase. With
    `check`, the finished copy must pass SQLite's quick_check before it is kept."""
    part = target.with_name(f".{target.name}.part")
    part.unlink(missing_ok=True)
    sidecar.in_progress.add(str(part))
    os.close(os.open(part, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))  # private at once
    try:
        src = encryption.connect(source, passphrase, read_only=True)
        try:
            dst = encryption.connect(part, passphrase)
            try:
                def step(_status: int, remaining: int, total: int) -> None:
                    if progress is not None and not progress(total - remaining, total):
                        raise KeyboardInterrupt  # stops the copy; handled below

                try:
                    src.backup(dst, pages=16384, progress=step)
                except KeyboardInterrupt as exc:
                    raise BookError(translate("backups", "Backup cancelled.")) from exc
                if check:
                    found = [r[0] for r in dst.execute("PRAGMA quick_check(5)")]
                    if found != ["ok"]:
                        why = " ".join("; ".join(found).split())
                        raise BookError(
                            translate(
                            "backups", "{name} is damaged ({why}): no backup was written. Run "
                            "`crmdesk check`; restore an earlier backup if needed.").format(
                            name=source.name, why=why))
            finally:
                dst.close()
        finally:
            src.close()
        os.replace(part, target)
    finally:
        part.unlink(missing_ok=True)
        sidecar.in_progress.discard(str(part))


def _record(book: Path, passphrase: str | None, action: str, detail: str) -> None:
    """The audit entry of a backup or a restore, written in the book itself whoever asked
    (window, daily backup, command line). A thread that had no connection closes the one
    this opened; a book that is not the open one is opened for it (and migrated)."""
    from crmdesk.store.book import open_book
    from crmdesk.store.db import db

    current = db.obj
    if current is not None and os.path.realpath(current.database) == os.path.realpath(book) \
            and sidecar.connections(book):  # the book open here (in this thread or another)
        had_connection = not db.is_closed()
        try:
            _record_and_anchor(action, detail)
        finally:
            if not had_connection and not db.is_closed():
                db.close()
        return
    try:
        opened = open_book(book, create=False, passphrase=passphrase)
    except BaseException:
        if current is not None:  # (a failed open may have pointed the proxy at the book)
            db.initialize(current)
        raise
    try:
        _record_and_anchor(action, detail)
    finally:
        opened.database.close()
        if current is not None and db.obj is opened.database:  # (not if another was opened)
            db.initialize(current)


def _record_and_anchor(action: str, detail: str) -> None:
    """A restore replaces the whole trail on purpose: the restored trail is anchored anew
    at once (the connection that recorded it is closed without the closing hook)."""
    from crmdesk.services import audit

    audit.record(action, [None], detail)
    if action == "restore_book":
        audit.save_anchor(force=True)


def back_up(book: Path, to: Path | None = None, progress: Progress | None = None,
            now: dt.datetime | None = None, prefix: str = "",
            passphrase: str | None = None) -> Path:
    """Copy the book (open or not) to `to`, or into its backups folder; returns the file."""
    access.require("backup")
    now = now or dt.datetime.now()
    if to is None:
        folder = backup_dir(book)
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        to = folder / f"{prefix}{book.stem}-{now.strftime(_STAMP)}.db"
    if to.resolve() == book.resolve():
        raise BookError(translate("backups", "A backup cannot replace the book itself."))
    with _open_here(book, passphrase):
        _back_up_open(book, to, progress, passphrase)
    return to


@contextmanager
def _open_here(book: Path, passphrase: str | None) -> Iterator[None]:
    """The book connected in this thread while it is copied, as the window connects it: a
    -wal from another copy is set aside, not copied, and the last connection takes the -wal
    away when it closes. (Not through the proxy the other threads use: the window's own book
    stays theirs.)"""
    from crmdesk.store.db import connect_database, db

    current = db.obj
    if current is not None and os.path.realpath(current.database) == os.path.realpath(book) \
            and sidecar.connections(book):
        yield
        return
    held = connect_database(book, create=False, passphrase=passphrase)
    try:
        yield
    finally:
        held.close()


def _back_up_open(book: Path, to: Path, progress: Progress | None,
                  passphrase: str | None) -> None:
    try:
        _copy(book, to, progress, passphrase, check=True)
    except DB_ERRORS as exc:
        if isinstance(exc, OSError):
            raise BookError(translate(
                "backups", "Cannot write {to}: {value}").format(
                to=to, value=exc.strerror or exc)) from exc
        reason = describe_error(exc, to)
        raise BookError(reason if "disk is full" in reason.lower()
                        else f"The backup failed: {reason}") from exc
    try:
        _record(book, passphrase, "backup", str(to))
    except DB_ERRORS as exc:
        to.unlink(missing_ok=True)  # a backup is kept only with its audit entry
        raise BookError(translate(
            "backups", "The backup was not kept: {reason}").format(
            reason=describe_error(exc, book))) from exc


def _auto_backups(book: Path) -> list[tuple[dt.datetime, Path]]:
    folder = backup_dir(book)
    found = []
    for path in folder.glob(f"{AUTO_PREFIX}{book.stem}-*.db"):
        try:
            when = dt.datetime.strptime(path.stem.rsplit("-", 2)[-2] + "-"
                                        + path.stem.rsplit("-", 1)[-1], _STAMP)
        except ValueError:
            continue
        found.append((when, path))
    return sorted(found, reverse=True)


def auto_backup_due(book: Path, now: dt.datetime | None = None) -> bool:
    now = now or dt.datetime.now()
    backups = _auto_backups(book)
    return not backups or backups[0][0].date() < now.date()


def rotate(book: Path) -> list[Path]:
    """Keep the newest backup of each of the last 7 days and of the 4 weeks before; delete
    the other automatic backups. Returns what was deleted."""
    keep: set[Path] = set()
    days: set[dt.date] = set()
    weeks: set[tuple[int, int]] = set()
    for when, path in _auto_backups(book):
        if len(days) < KEEP_DAILY and when.date() not in days:
            days.add(when.date())
            keep.add(path)
        elif when.date() not in days:
            week = when.isocalendar()[:2]
            if len(weeks) < KEEP_WEEKLY and week not in weeks and \
                    all(d.isocalendar()[:2] != week for d in days):
                weeks.add(week)
                keep.add(path)
    removed = []
    for _when, path in _auto_backups(book):
        if path not in keep:
            path.unlink(missing_ok=True)
            # (and what an earlier crmdesk's check of it left beside it)
            for journal in (Path(f"{path}-wal"), Path(f"{path}-shm")):
                journal.unlink(missing_ok=True)
            removed.append(path)
    return removed


def auto_backup(book: Path, now: dt.datetime | None = None,
                passphrase: str | None = None) -> Path | None:
    """The day's automatic backup, when none was made today, then the rotation."""
    if not auto_backup_due(book, now):
        return None
    path = back_up(book, now=now, prefix=AUTO_PREFIX, passphrase=passphrase)
    rotate(book)
    return path


@dataclass
class BackupCheck:
    path: Path
    version: int
    customers: int
    taken: dt.datetime


def check(path: Path, passphrase: str | None = None) -> BackupCheck:
    """Is this file a sound crmdesk book this version can open? BookError says why not."""
    if not path.is_file():
        raise BookError(translate("backups", "No file at {path}.").format(path=path))
    encrypted = is_encrypted(path) and not _looks_foreign(path)
    if encrypted and passphrase is None:
        raise BookError(translate(
            "backups", "{name} is an encrypted book: its passphrase is needed.").format(
            name=path.name))
    try:
        conn = encryption.connect(path, passphrase if encrypted else None, read_only=True)
    except DB_ERRORS as exc:
        raise BookError(translate(
            "backups", "{name} cannot be opened: {exc}").format(name=path.name, exc=exc)) from exc
    try:
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        except DB_ERRORS as exc:
            if encrypted:
                raise BookError(translate(
                    "backups", "{name} does not open with this book's passphrase (or is not a "
                    "crmdesk book).").format(name=path.name)) from exc
            raise
        if app_id != APPLICATION_ID:
            raise BookError(translate(
                "backups", "{name} is not a crmdesk book.").format(name=path.name))
        result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if result != "ok":
            raise BookError(translate(
                "backups", "{name} is damaged ({result}).").format(name=path.name, result=result))
        version = conn.execute("SELECT version FROM schema_version").fetchone()[0]
        if version > migrations.LATEST:
            raise BookError(translate(
                "backups", "{name} was written by a newer crmdesk (schema {version}).").format(
                name=path.name, version=version))
        customers = conn.execute("SELECT count(*) FROM customer").fetchone()[0]
    except DB_ERRORS as exc:
        raise BookError(translate(
            "backups", "{name} is not a readable crmdesk book ({exc}).").format(
            name=path.name, exc=exc)) from exc
    finally:
        conn.close()
    taken = dt.datetime.fromtimestamp(path.stat().st_mtime)
    return BackupCheck(path, int(version), int(customers), taken)


def _looks_foreign(path: Path) -> bool:
    """A file that is neither plain SQLite nor big enough to be an encrypted book."""
    try:
        return path.stat().st_size < 4096
    except OSError:
        return True


def restore(book: Path, source: Path, now: dt.datetime | None = None,
            passphrase: str | None = None) -> Path:
    """Replace the (closed) book by a checked copy of `source`; the current book is kept
    aside and its path returned. The book must not be open in this process, and the restore
    is refused while another program has it open (its writes would be lost). An encrypted
    book stays encrypted: a plain backup is encrypted with the book's passphrase on the way
    in. The restore is recorded in the audit trail of the restored book."""
    access.require("restore")
    with exclusive_access(book, "Restoring a backup"):
        check(source, passphrase)
        now = now or dt.datetime.now()
        aside = book.with_name(f"{book.name}.before-restore-{now.strftime(_STAMP)}")
        current_key = passphrase if book.exists() and is_encrypted(book) else None
        source_key = passphrase if is_encrypted(source) and not _looks_foreign(source) else None
        if book.exists():
            _copy(book, aside, passphrase=current_key)  # a clean single file, WAL folded in
        incoming = book.with_name(f".{book.name}.restoring")
        plain = book.with_name(f".{book.name}.restoring-plain")
        try:
            if current_key is not None and source_key is None:
                _copy(source, plain)  # a backup from before the book was encrypted
                encryption.export_encrypted(plain, incoming, current_key)
                encryption.verify(incoming, current_key)
            else:
                _copy(source, incoming, passphrase=source_key)
            for suffix in ("-wal", "-shm"):
                Path(f"{book}{suffix}").unlink(missing_ok=True)
            os.replace(incoming, book)
        finally:
            incoming.unlink(missing_ok=True)
            plain.unlink(missing_ok=True)
        _record(book, current_key or source_key, "restore_book", f"from {source}")
    return aside


def size_text(path: Path) -> str:
    size = path.stat().st_size
    return f"{size / 1e6:.1f} MB" if size >= 1e5 else f"{size / 1e3:.0f} kB"



def trail_problem(newest: int = 3) -> str | None:
    """Backups anchor the audit trail too: the newest backup of this book taken since its
    last restore holds the trail as it was then, so the book must still hold that backup's
    last entry, unchanged (a cut of the trail's end shows even where this computer keeps
    no anchor of its own). None: nothing wrong, or no backup to compare with."""
    from crmdesk.services import audit
    from crmdesk.store.db import db

    if db.obj is None:
        return None
    book = Path(db.obj.database)
    ident = audit.book_id(create=False)
    folder = backup_dir(book)
    if ident is None or not folder.is_dir():
        return None
    row = db.execute_sql("SELECT max(at) FROM audit_entry WHERE action = 'restore_book'")\
        .fetchone()
    restored = row[0] if row else None
    try:
        found = sorted(((p.stat().st_mtime, p) for p in folder.glob(f"*{book.stem}-*.db")
                        if p.is_file()), reverse=True)
    except OSError:
        return None
    passphrase = getattr(db.obj, "passphrase", None)
    for mtime, path in found[:newest]:
        taken = dt.datetime.fromtimestamp(mtime, dt.UTC)
        if restored and taken.strftime("%Y-%m-%dT%H:%M:%SZ") < restored:
            return None  # taken before the book was replaced by a restore: not comparable
        key = passphrase if is_encrypted(path) else None
        try:
            conn = encryption.connect(path, key, read_only=True)
            try:
                ids = conn.execute("SELECT value FROM setting WHERE key = 'book_id'").fetchone()
                if ids is None or ids[0] != ident:
                    continue  # another book's backup in the same folder
                last = conn.execute("SELECT count(*), max(id) FROM audit_entry").fetchone()
                count, last_id = int(last[0]), last[1]
                if last_id is None:
                    return None
                digest = conn.execute("SELECT hash FROM audit_entry WHERE id = ?",
                                      (last_id,)).fetchone()[0]
            finally:
                conn.close()
        except DB_ERRORS:
            continue  # unreadable with this book's key, or not a book: ask the next one
        mine = db.execute_sql("SELECT hash FROM audit_entry WHERE id = ?",
                              (last_id,)).fetchone()
        if mine is None or mine[0] != digest:
            return (f"the backup {path.name} ({taken.astimezone():%Y-%m-%d %H:%M}) holds "
                    f"{count:,} entries up to entry {last_id}; the book no longer holds that "
                    "entry as it was: entries were removed or rewritten since")
        return None
    return None
