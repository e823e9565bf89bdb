"""Backups: a consistent copy taken while the book is open (SQLite's online backup API),
daily automatic ones with rotation (7 daily, 4 weekly), and a restore that checks the file
first and keeps the current book aside."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from crmdesk.store import migrations
from crmdesk.store.db import APPLICATION_ID, BookError

Progress = Callable[[int, int], bool]
KEEP_DAILY = 7
KEEP_WEEKLY = 4
AUTO_PREFIX = "auto-"
_STAMP = "%Y%m%d-%H%M%S"


def backup_dir(book: Path) -> Path:
    """Backups sit beside the book, in `backups/` (the same private folder)."""
    return book.parent / "backups"


def _copy(source: Path, target: Path, progress: Progress | None = None) -> None:
    """Copy a live SQLite file page by page into `target` (temporary name, then renamed)."""
    part = target.with_name(f".{target.name}.part")
    part.unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(part)
    try:
        def step(_status: int, remaining: int, total: int) -> None:
            if progress is not None and not progress(total - remaining, total):
                raise KeyboardInterrupt  # stops the copy; handled below

        try:
            src.backup(dst, pages=16384, progress=step)
        except KeyboardInterrupt as exc:
            raise BookError("Backup cancelled.") from exc
        dst.close()
        os.chmod(part, 0o600)
        os.replace(part, target)
    finally:
        src.close()
        dst.close()
        part.unlink(missing_ok=True)


def back_up(book: Path, to: Path | None = None, progress: Progress | None = None,
            now: dt.datetime | None = None, prefix: str = "") -> Path:
    """Copy the book (open or not) to `to`, or into its backups folder; returns the file."""
    now = now or dt.datetime.now()
    if to is None:
        folder = backup_dir(book)
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        to = folder / f"{prefix}{book.stem}-{now.strftime(_STAMP)}.db"
    if to.resolve() == book.resolve():
        raise BookError("A backup cannot replace the book itself.")
    try:
        _copy(book, to, progress)
    except sqlite3.Error as exc:
        raise BookError(f"The backup failed: {exc}") from exc
    except OSError as exc:
        raise BookError(f"Cannot write {to}: {exc.strerror or exc}") from exc
    return to


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
            removed.append(path)
    return removed


def auto_backup(book: Path, now: dt.datetime | None = None) -> Path | None:
    """The day's automatic backup, when none was made today, then the rotation."""
    if not auto_backup_due(book, now):
        return None
    path = back_up(book, now=now, prefix=AUTO_PREFIX)
    rotate(book)
    return path


@dataclass
class BackupCheck:
    path: Path
    version: int
    customers: int
    taken: dt.datetime


def check(path: Path) -> BackupCheck:
    """Is this file a sound crmdesk book this version can open? BookError says why not."""
    if not path.is_file():
        raise BookError(f"No file at {path}.")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise BookError(f"{path.name} cannot be opened: {exc}") from exc
    try:
        if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            raise BookError(f"{path.name} is not a crmdesk book.")
        result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if result != "ok":
            raise BookError(f"{path.name} is damaged ({result}).")
        version = conn.execute("SELECT version FROM schema_version").fetchone()[0]
        if version > migrations.LATEST:
            raise BookError(f"{path.name} was written by a newer crmdesk (schema {version}).")
        customers = conn.execute("SELECT count(*) FROM customer").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise BookError(f"{path.name} is not a readable crmdesk book ({exc}).") from exc
    finally:
        conn.close()
    taken = dt.datetime.fromtimestamp(path.stat().st_mtime)
    return BackupCheck(path, int(version), int(customers), taken)


def restore(book: Path, source: Path, now: dt.datetime | None = None) -> Path:
    """Replace the (closed) book by a checked copy of `source`; the current book is kept
    aside and its path returned. The book must not be open in this process."""
    check(source)
    now = now or dt.datetime.now()
    aside = book.with_name(f"{book.name}.before-restore-{now.strftime(_STAMP)}")
    if book.exists():
        _copy(book, aside)  # a clean single file, WAL folded in
    incoming = book.with_name(f".{book.name}.restoring")
    try:
        _copy(source, incoming)
        for suffix in ("-wal", "-shm"):
            Path(f"{book}{suffix}").unlink(missing_ok=True)
        os.replace(incoming, book)
    finally:
        incoming.unlink(missing_ok=True)
    return aside


def size_text(path: Path) -> str:
    size = path.stat().st_size
    return f"{size / 1e6:.1f} MB" if size >= 1e5 else f"{size / 1e3:.0f} kB"

