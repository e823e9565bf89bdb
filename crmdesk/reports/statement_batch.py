"""Many statements at once: one PDF per customer into a folder, or one combined PDF.

Every file is written under a temporary name and renamed when complete, so a cancelled or
failed batch never leaves a half-written PDF behind."""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

from crmdesk.reports import statement_pdf
from crmdesk.reports.statement_data import BatchContext, gather
from crmdesk.reports.statement_text import words
from crmdesk.services import access, audit
from crmdesk.services.exporting import atomic_file
from crmdesk.services.periods import Period
from crmdesk.store.db import db

Progress = Callable[[int, int], bool]
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]+')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
             *(f"LPT{i}" for i in range(1, 10))}
MAX_STEM = 120


def safe_stem(text: str) -> str:
    """A file name stem that Windows, macOS and Linux all accept."""
    text = unicodedata.normalize("NFC", text)
    text = _UNSAFE.sub("_", text)
    text = " ".join(text.split()).strip(" .")
    if text.split(".")[0].upper() in _RESERVED:
        text = f"_{text}"
    return text[:MAX_STEM].rstrip(" .") or "statement"


def statement_name(cid: int, period: Period) -> str:
    row = db.execute_sql("SELECT family_name, given_name FROM customer WHERE id = ?",
                         (cid,)).fetchone()
    name = " ".join(p for p in (row or ("", "")) if p) or "Customer"
    return f"{safe_stem(f'{name} {cid:06d} {period.slug}')}.pdf"


def _atomic_file(target: Path) -> contextlib.AbstractContextManager[Path]:
    return atomic_file(target, mode=0o600)


def _printed(ids: list[int], period: Period, what: str = "loyalty statement") -> None:
    """Every statement written is a print in the audit trail (one entry per customer, one
    transaction for a batch), whoever asked for it: the window, the CLI or a worker."""
    if ids:
        audit.record("print", ids, f"{what} {period.slug}")


def write_one(cid: int, period: Period, out: Path, ctx: BatchContext | None = None,
              _audited: bool = True) -> Path:
    access.require("print")
    access.require_level([cid], access.Level.STANDARD, "print a statement for")
    data = gather(cid, period, ctx or BatchContext.load())
    with _atomic_file(out) as part:
        statement_pdf.render_one(data, part)
    if _audited:
        _printed([cid], period)
    return out


def write_each(ids: list[int], period: Period, folder: Path,
               progress: Progress | None = None, ctx: BatchContext | None = None,
               _audited: bool = True) -> list[Path]:
    """One PDF per customer into `folder`; stops (keeping the finished files) when
    `progress` returns False."""
    access.require("print")
    access.require_level(ids, access.Level.STANDARD, "print a statement for")
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)  # file names name clients
    ctx = ctx or BatchContext.load()
    written = []
    done: list[int] = []
    try:
        for n, cid in enumerate(ids, 1):
            written.append(write_one(cid, period, folder / statement_name(cid, period), ctx,
                                     _audited=False))
            done.append(cid)
            if progress is not None and not progress(n, len(ids)):
                break
    finally:
        if _audited:
            _printed(done, period, "loyalty statements")
    return written


def write_combined(ids: list[int], period: Period, out: Path,
                   progress: Progress | None = None, ctx: BatchContext | None = None
                   ) -> Path | None:
    """All statements in one PDF (each numbered 'page X of Y' on its own). None when
    cancelled: then no file is left."""
    access.require("print")
    access.require_level(ids, access.Level.STANDARD, "print a statement for")
    ctx = ctx or BatchContext.load()
    language = "en"
    title = f"{words(language)['title']}s {period.label(language)}"
    cancelled = False

    def step(n: int) -> bool:
        nonlocal cancelled
        cancelled = progress is not None and not progress(n, len(ids))
        return not cancelled

    statements = (gather(cid, period, ctx) for cid in ids)
    try:
        with _atomic_file(out) as part:
            statement_pdf.render(statements, part, title=title,
                                 author=ctx.business.name or "crmdesk",
                                 subject=words(language)["subject"], each=step)
            if cancelled:
                raise _Cancelled
    except _Cancelled:
        return None
    _printed(ids, period, "loyalty statements (one PDF)")
    return out


class _Cancelled(Exception):
    """Unwinds the temporary file of a cancelled combined PDF."""


# --- several processes (CLI --jobs) --------------------------------------------------------
_worker_ctx: BatchContext | None = None


def _worker_start(book: str, passphrase: str | None) -> None:
    global _worker_ctx
    from crmdesk.store.book import open_book

    open_book(book, create=False, passphrase=passphrase)
    _worker_ctx = BatchContext.load()


def _worker_chunk(ids: list[int], period: Period, folder: str) -> list[str]:
    # The parent process records the prints of the whole batch.
    return [str(p) for p in write_each(ids, period, Path(folder), ctx=_worker_ctx,
                                       _audited=False)]


def write_each_parallel(book: Path, ids: list[int], period: Period, folder: Path, jobs: int,
                        progress: Progress | None = None,
                        passphrase: str | None = None) -> list[Path]:
    """`write_each` spread over `jobs` processes, each with its own connection."""
    access.require("print")
    access.require_level(ids, access.Level.STANDARD, "print a statement for")
    if jobs <= 1 or len(ids) < 40:
        return write_each(ids, period, folder, progress)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)  # file names name clients
    size = max(10, min(100, len(ids) // (jobs * 4)))
    chunks = [ids[i:i + size] for i in range(0, len(ids), size)]
    written: list[Path] = []
    done: list[int] = []
    try:
        _run_chunks(book, chunks, period, folder, jobs, len(ids), written, done, progress,
                    passphrase)
    finally:
        _printed(done, period, "loyalty statements")
    return written


def _run_chunks(book: Path, chunks: list[list[int]], period: Period, folder: Path, jobs: int,
                total: int, written: list[Path], done: list[int], progress: Progress | None,
                passphrase: str | None) -> None:
    with ProcessPoolExecutor(jobs, mp_context=get_context("spawn"),
                             initializer=_worker_start,
                             initargs=(str(book), passphrase)) as pool:
        futures = [pool.submit(_worker_chunk, chunk, period, str(folder)) for chunk in chunks]
        for chunk, future in zip(chunks, futures, strict=True):
            paths = future.result()
            written += [Path(p) for p in paths]
            done += chunk[:len(paths)]
            if progress is not None and not progress(len(written), total):
                for other in futures:
                    other.cancel()
                break
