"""Typed argument validators of the command line: every value a script or a person types is
checked where it is read, and a bad one is one line (argparse's `type=` error, exit code 2).

Ids are positive and fit SQLite's 64-bit integers, counts have sane bounds, dates lie within
1900..2200 (so that the arithmetic on them cannot overflow), text is real text (bytes that are
not UTF-8 arrive from the shell as lone surrogates and are refused), and paths name what they
must: a book is a regular file or nothing yet, an input is a regular file (a pipe is never
opened), an output is a regular file, nothing yet, or (where allowed) a folder."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import select
import stat
from collections.abc import Callable
from pathlib import Path

MAX_ID = 2**63 - 1
FIRST_DAY = dt.date(1900, 1, 1)
LAST_DAY = dt.date(2200, 12, 31)
MAX_DAYS = 3660
MAX_SECRET = 64 * 1024  # bytes read of a passphrase file
_INTEGER = re.compile(r"[+-]?[0-9]+")
Type = Callable[[str], object]


class PathArg(str):
    """A path as typed: may hold undecodable bytes (surrogateescape), as file names may."""


def _bad(message: str) -> argparse.ArgumentTypeError:
    return argparse.ArgumentTypeError(message)


def shown(text: str, limit: int = 40) -> str:
    """A value as it can be printed in an error line (no control characters, no lone
    surrogates, not too long)."""
    safe = "".join(ch if ch.isprintable() else
                   f"\\x{ord(ch) - 0xDC00:02x}" if "\udc80" <= ch <= "\udcff" else
                   repr(ch)[1:-1] for ch in text)
    return safe if len(safe) <= limit else safe[:limit - 1] + "…"


def text_problem(value: str) -> str | None:
    """Why a text argument is not usable text, or None."""
    if "\x00" in value:
        return "holds a NUL character"
    lone = next((ch for ch in value if "\ud800" <= ch <= "\udfff"), None)
    if lone is not None:
        byte = f" (byte 0x{ord(lone) - 0xDC00:02X})" if "\udc80" <= lone <= "\udcff" else ""
        return f"is not valid UTF-8 text{byte}"
    return None


def storable(value: str) -> str:
    """Text SQLite and JSON accept: a file name's undecodable bytes as \\udcff escapes."""
    return value.encode("utf-8", "backslashreplace").decode("utf-8")


def text(value: str) -> str:
    problem = text_problem(value)
    if problem:
        raise _bad(f"“{shown(value)}” {problem}")
    return value


def integer(lo: int, hi: int, what: str = "a whole number") -> Type:
    """A whole number lo..hi, written with ASCII digits (no '1_000', no '1e3')."""
    def parse(value: str) -> int:
        raw = value.strip()
        if not _INTEGER.fullmatch(raw) or len(raw) > 40:
            raise _bad(f"“{shown(value)}” is not {what}")
        number = int(raw)
        if not lo <= number <= hi:
            raise _bad(f"{number if len(raw) <= 24 else shown(raw)} is out of range "
                       f"({lo:,}..{hi:,})")
        return number
    parse.__name__ = what
    return parse


record_id = integer(1, MAX_ID, "an id (a positive whole number)")
days = integer(0, MAX_DAYS, "a number of days")
limit = integer(1, 1_000_000, "a number of rows")
jobs = integer(1, 64, "a number of processes")
seed = integer(-MAX_ID, MAX_ID, "a whole number")
customers = integer(1, 1_000_000, "a number of customers")
points = integer(-MAX_ID, MAX_ID, "a number of points")


def _in_range(day: dt.date, value: str) -> None:
    if not FIRST_DAY <= day <= LAST_DAY:
        raise _bad(f"{shown(value)} is out of range ({FIRST_DAY:%Y}..{LAST_DAY:%Y})")


def day(value: str) -> str:
    """YYYY-MM-DD within 1900..2200; the text is handed on as typed."""
    text(value)
    try:
        parsed = dt.date.fromisoformat(value.strip())
    except ValueError:
        raise _bad(f"“{shown(value)}” is not a date (use YYYY-MM-DD)") from None
    _in_range(parsed, value)
    return value


def due(value: str) -> str:
    """YYYY-MM-DD or YYYY-MM-DDTHH:MM within 1900..2200."""
    text(value)
    try:
        parsed = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        raise _bad(f"“{shown(value)}” is not a date (use YYYY-MM-DD or "
                   "YYYY-MM-DDTHH:MM)") from None
    _in_range(parsed.date(), value)
    return value


def period(value: str) -> str:
    """YYYY-MM, YYYY-Qn or YYYY within 1900..2200."""
    from crmdesk.services import periods

    text(value)
    try:
        found = periods.parse_period(value)
    except periods.BadPeriod as exc:
        raise _bad(str(exc).rstrip(".")) from None
    except ValueError:  # a year 0 and the like
        raise _bad(f"{shown(value)} is out of range ({FIRST_DAY:%Y}..{LAST_DAY:%Y})") from None
    _in_range(found.first, value)
    _in_range(found.last, value)
    return value


# --- paths ------------------------------------------------------------------------------------
def _stat(value: str) -> os.stat_result | None:
    """os.stat of a path (None: nothing there yet); a loop or a bad name is one line."""
    if not value or "\x00" in value:
        raise _bad(f"“{shown(value)}” is not a file name")
    try:
        return os.stat(Path(value).expanduser())
    except FileNotFoundError:
        return None
    except NotADirectoryError:
        raise _bad(f"{shown(value, 80)}: a part of the path is not a folder") from None
    except OSError as exc:
        raise _bad(f"{shown(value, 80)}: {exc.strerror or exc}") from None


def _kind(st: os.stat_result) -> str:
    mode = st.st_mode
    return ("a folder" if stat.S_ISDIR(mode) else "a pipe" if stat.S_ISFIFO(mode)
            else "a socket" if stat.S_ISSOCK(mode) else "a device")


def path(value: str) -> PathArg:
    """Any path (checked where it is used, e.g. each file of an import on its own)."""
    if not value or "\x00" in value:
        raise _bad(f"“{shown(value)}” is not a file name")
    return PathArg(value)


def book(value: str) -> PathArg:
    """The book: a regular file, or nothing yet (it is created)."""
    st = _stat(value)
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise _bad(f"{shown(value, 80)} is {_kind(st)}, not a book file")
    return PathArg(value)


def in_file(value: str) -> PathArg:
    """A file to read: it must exist and be a regular file (a pipe is never opened)."""
    st = _stat(value)
    if st is None:
        raise _bad(f"{shown(value, 80)}: no such file")
    if not stat.S_ISREG(st.st_mode):
        raise _bad(f"{shown(value, 80)} is {_kind(st)}, not a regular file")
    return PathArg(value)


def secret_file(value: str) -> PathArg:
    """A passphrase file: a regular file, or a pipe (`--passphrase-file <(pass show x)`),
    never a folder or a device; read by read_secret."""
    st = _stat(value)
    if st is None:
        raise _bad(f"{shown(value, 80)}: no such file")
    if not (stat.S_ISREG(st.st_mode) or stat.S_ISFIFO(st.st_mode)):
        raise _bad(f"{shown(value, 80)} is {_kind(st)}, not a file")
    return PathArg(value)


def out_file(value: str) -> PathArg:
    """A file to write: a regular file (replaced whole) or nothing yet."""
    st = _stat(value)
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise _bad(f"{shown(value, 80)} is {_kind(st)}, not a regular file: "
                   "nothing would be written")
    return PathArg(value)


def out_place(value: str) -> PathArg:
    """Where to write: a regular file, a folder, or nothing yet."""
    st = _stat(value)
    if st is not None and not (stat.S_ISREG(st.st_mode) or stat.S_ISDIR(st.st_mode)):
        raise _bad(f"{shown(value, 80)} is {_kind(st)}: give a file or a folder")
    return PathArg(value)


def read_secret(path: str, timeout: float = 10.0) -> str:
    """The first line of a passphrase file, or ValueError with one sentence. A pipe is
    opened without blocking: one with nobody writing is empty, not a hang."""
    where = Path(path).expanduser()
    try:
        fd = os.open(where, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise ValueError(f"Cannot read a passphrase from {shown(path, 80)}: "
                         f"{exc.strerror or exc}.") from None
    try:
        st = os.fstat(fd)
        if not (stat.S_ISREG(st.st_mode) or stat.S_ISFIFO(st.st_mode)):
            raise ValueError(f"{shown(path, 80)} is {_kind(st)}, not a passphrase file.")
        raw = _read_some(fd, MAX_SECRET, timeout)
    except OSError as exc:
        raise ValueError(f"Cannot read a passphrase from {shown(path, 80)}: "
                         f"{exc.strerror or exc}.") from None
    finally:
        os.close(fd)
    first = raw.split(b"\n", 1)[0].rstrip(b"\r")
    if b"\x00" in first:
        raise ValueError(f"The passphrase file {shown(path, 80)} holds a NUL byte: it is not "
                         "a text file with the passphrase on its first line.")
    try:
        secret = first.decode("utf-8")
    except UnicodeDecodeError:
        raise ValueError(f"The passphrase in {shown(path, 80)} is not UTF-8 text.") from None
    if not secret:
        raise ValueError(f"The first line of {shown(path, 80)} is empty: no passphrase.")
    return secret


def _read_some(fd: int, size: int, timeout: float) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while total < size:
        try:
            chunk = os.read(fd, size - total)
        except BlockingIOError:  # a pipe with a writer that has not written yet
            ready, _, _ = select.select([fd], [], [], timeout)
            if not ready:
                raise OSError("nothing was written into it") from None
            continue
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        if b"\n" in chunk:
            break
    return b"".join(chunks)


def column_map(value: str) -> tuple[str, str]:
    """--map COLUMN=FIELD of import: the column's header (or number) and a known field."""
    from crmdesk.services.importing import mappings
    from crmdesk.services.validation import InvalidValue

    try:
        return mappings.parse_pair(value)
    except InvalidValue as exc:
        raise _bad(str(exc)) from exc
