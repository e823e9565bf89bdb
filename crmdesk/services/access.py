"""Who may do what: staff accounts, sign-in, and every permission rule in one place.

A book where no staff member has a password is a single-user book: nobody signs in and
whoever uses it may do everything. Once someone has a password, crmdesk asks who you are
(the window's sign-in, `crmdesk --user NAME`) and the services refuse what your role may
not do, whichever way they are called.

Roles (the names kept in the book): ``manager`` (owner / manager), ``executive`` and
``receptionist``. What each may see of a customer is a *level*:

* FULL — everything, notes marked private included;
* STANDARD — everything but notes marked private;
* CONTACT — the name, the form of address and how to reach them (e-mails, phones,
  preferred channel and time, language) and who looks after them: nothing else.

Managers see every customer at FULL. An executive sees FULL their own customers and
customers nobody looks after, STANDARD other executives' customers, and CONTACT the
customers under *exclusive personal assistance* of someone else (or of nobody). A
receptionist sees STANDARD, and CONTACT for every exclusive client.
"""

from __future__ import annotations

import datetime as dt
import enum
import hmac
import math
from collections.abc import Iterable
from dataclasses import dataclass

from crmdesk.services import audit, texts
from crmdesk.services.texts import QT_TRANSLATE_NOOP, translate
from crmdesk.store.db import db
from crmdesk.store.models import utcnow

ROLE_LABELS = {"manager": "Owner / manager", "executive": "Executive",
               "receptionist": "Receptionist"}
MIN_PASSWORD = 8
PIN_DIGITS = (4, 12)


class Level(enum.IntEnum):
    CONTACT = 1
    STANDARD = 2
    FULL = 3


class AccessDenied(PermissionError):
    """The signed-in person's role does not allow this (the message says so plainly).

    A PermissionError, so that every place that reports a failed file or database action
    reports a refusal the same way, in its own words."""

    plain_message = True


class SignInFailed(Exception):
    """Unknown name or wrong password (the message does not say which)."""


class SignInPaused(SignInFailed):
    """Too many failed sign-ins in a row for this name: wait `seconds` (kept in the book,
    so that neither a new window nor a loop of commands gets round it)."""

    def __init__(self, seconds: int):
        super().__init__(translate("access", "Too many failed sign-ins for this name: try "
                                   "again in {seconds} seconds.").format(seconds=seconds))
        self.seconds = seconds


#: Failed sign-ins in a row after which a name waits PAUSE_SECONDS.
ATTEMPTS_BEFORE_PAUSE = 5
PAUSE_SECONDS = 30
UNKNOWN_NAME = "(unknown name)"


@dataclass(frozen=True)
class User:
    staff_id: int | None
    name: str
    role: str

    @property
    def signed_in(self) -> bool:
        return self.staff_id is not None


SINGLE_USER = User(None, "", "manager")
_current = SINGLE_USER

# What each role may do with the book as a whole. Anything about one customer is also
# limited by the level the person has on that customer (see `level`).
PERMISSIONS: dict[str, set[str]] = {
    "manager": {"export", "print", "delete", "merge", "import", "audit", "staff",
                "settings", "backup", "restore", "encrypt", "adjust_points", "duplicates",
                "export_book", "import_book"},
    "executive": {"export", "print", "delete", "merge", "import", "adjust_points",
                  "duplicates"},
    "receptionist": set(),
}
# What a permission lets one do, in the words of a refusal ("… may not export customer
# data."): English here, translated where shown (`translate("access", WHAT[p])`).
WHAT = {
    "export": QT_TRANSLATE_NOOP("access", "export customer data"),
    "print": QT_TRANSLATE_NOOP("access", "print statements"),
    "delete": QT_TRANSLATE_NOOP("access", "delete, archive or forget customers"),
    "merge": QT_TRANSLATE_NOOP("access", "merge customers"),
    "import": QT_TRANSLATE_NOOP("access", "import contacts"),
    "audit": QT_TRANSLATE_NOOP("access", "read the audit trail"),
    "staff": QT_TRANSLATE_NOOP("access", "manage staff accounts"),
    "settings": QT_TRANSLATE_NOOP("access", "change the book's settings"),
    "backup": QT_TRANSLATE_NOOP("access", "back up the book"),
    "restore": QT_TRANSLATE_NOOP("access", "restore the book from a backup"),
    "encrypt": QT_TRANSLATE_NOOP("access", "encrypt the book or change its passphrase"),
    "adjust_points": QT_TRANSLATE_NOOP("access", "give bonuses or adjust points"),
    "duplicates": QT_TRANSLATE_NOOP("access", "look for duplicate customers"),
    "export_book": QT_TRANSLATE_NOOP("access", "export the whole book"),
    "import_book": QT_TRANSLATE_NOOP("access", "import a whole book"),
}
#: what the callers of `require_level` may be refused doing to a customer ("… may not
#: print a statement for Lola Peña"), listed for lupdate; tests/unit/test_service_texts.py
#: fails when a caller passes one that is not here
DOING = [
    QT_TRANSLATE_NOOP("access", "forget"),
    QT_TRANSLATE_NOOP("access", "merge"),
    QT_TRANSLATE_NOOP("access", "export"),
    QT_TRANSLATE_NOOP("access", "export everything about"),
    QT_TRANSLATE_NOOP("access", "record a purchase for"),
    QT_TRANSLATE_NOOP("access", "reverse a purchase of"),
    QT_TRANSLATE_NOOP("access", "give points to"),
    QT_TRANSLATE_NOOP("access", "redeem points for"),
    QT_TRANSLATE_NOOP("access", "adjust the points of"),
    QT_TRANSLATE_NOOP("access", "see the loyalty account of"),
    QT_TRANSLATE_NOOP("access", "print a meeting brief for"),
    QT_TRANSLATE_NOOP("access", "print a statement for"),
    QT_TRANSLATE_NOOP("access", "archive or restore"),
]
# Messages: everyone writes to the clients they may see (with the fields they may see, see
# services/messaging.py); managers keep the template library; a meeting brief is a print.
for _role in PERMISSIONS:
    PERMISSIONS[_role].add("message")
PERMISSIONS["manager"].add("templates")
PERMISSIONS["manager"].add("brief")
PERMISSIONS["executive"].add("brief")
WHAT.update(message=QT_TRANSLATE_NOOP("access", "write to clients"),
            templates=QT_TRANSLATE_NOOP("access", "edit the message templates"),
            brief=QT_TRANSLATE_NOOP("access", "print meeting briefs"))


# --- passwords --------------------------------------------------------------------------
def _hasher():  # type: ignore[no-untyped-def]
    import os
    import sys

    from argon2 import PasswordHasher

    # The test suite only (the switch is ignored outside pytest): cheap hashes.
    if os.environ.get("CRMDESK_FAST_HASH_FOR_TESTS") and "pytest" in sys.modules:
        return PasswordHasher(time_cost=1, memory_cost=256, parallelism=1)
    return PasswordHasher()  # argon2id, RFC 9106 low-memory profile (~0.1 s a check)


def hash_secret(secret: str) -> str:
    return str(_hasher().hash(secret))


def check_secret(stored: str | None, secret: str) -> bool:
    if not stored or not secret:
        return False
    from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

    try:
        return bool(_hasher().verify(stored, secret))
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def password_problem(password: str) -> str | None:
    if len(password) < MIN_PASSWORD:
        return translate("access", "A password needs at least {count} characters.").format(
            count=MIN_PASSWORD)
    if password.strip() != password or not password.strip():
        return translate("access", "A password cannot start or end with a space.")
    return None


def pin_problem(pin: str) -> str | None:
    low, high = PIN_DIGITS
    if not (pin.isascii() and pin.isdigit() and low <= len(pin) <= high):
        return translate("access", "A PIN is {low} to {high} digits.").format(low=low,
                                                                                high=high)
    return None


# --- accounts ---------------------------------------------------------------------------
def accounts_exist() -> bool:
    """True when someone must sign in to use the book."""
    row = db.execute_sql("SELECT 1 FROM staff WHERE password_hash IS NOT NULL AND active "
                         "LIMIT 1").fetchone()
    return row is not None


def _managers_with_password(excluding: int | None = None) -> int:
    row = db.execute_sql("SELECT count(*) FROM staff WHERE password_hash IS NOT NULL AND active "
                         "AND role = 'manager' AND id IS NOT ?", (excluding,)).fetchone()
    return int(row[0])


def set_password(staff_id: int, password: str | None) -> None:
    """Give staff member `staff_id` a password (None: take it away, so they cannot sign in).

    The first password of a book goes to a manager (who can then give the others theirs);
    the last manager's password cannot be taken away while others still sign in."""
    row = db.execute_sql("SELECT name, role, active, password_hash FROM staff WHERE id = ?",
                         (staff_id,)).fetchone()
    if row is None:
        raise LookupError(translate("access", "Staff member {id} does not exist.").format(
            id=staff_id))
    name, role, active, had = row
    me = current()
    if me.signed_in and me.staff_id != staff_id:
        require("staff")
    if password is None:
        require("staff")
        if had and role == "manager" and _managers_with_password(staff_id) == 0 and \
                db.execute_sql("SELECT 1 FROM staff WHERE password_hash IS NOT NULL AND active "
                               "AND id != ?", (staff_id,)).fetchone():
            raise ValueError(translate("access", "{name} is the last manager who can sign in: "
                                       "give another manager a password first.").format(
                                           name=name))
        with db.atomic():
            db.execute_sql("UPDATE staff SET password_hash = NULL, pin_hash = NULL "
                           "WHERE id = ?", (staff_id,))
            audit.record("change", (None,), f"password removed: {name}")
        return
    problem = password_problem(password)
    if problem:
        raise ValueError(problem)
    if not accounts_exist() and role != "manager":
        raise ValueError(translate("access", "The first person to get a password must be a "
                                   "manager, so that someone can manage the others' accounts."))
    if not active:
        raise ValueError(translate("access", "{name} is no longer active.").format(name=name))
    digest = hash_secret(password)
    with db.atomic():
        db.execute_sql("UPDATE staff SET password_hash = ? WHERE id = ?", (digest, staff_id))
        audit.record("change", (None,), f"password set: {name}")


def adopt_device_account(staff_id: int, password: str) -> None:
    """The person who joins an office book on this laptop signs in here with the password
    the hub knows them by: their hash, made here, is the only one on this device (hashes
    never travel). Called once, by the join, on a new book; the book then asks everyone to
    sign in, and each works with their own role as everywhere else."""
    row = db.execute_sql("SELECT name, active FROM staff WHERE id = ?", (staff_id,)).fetchone()
    if row is None:
        raise LookupError(translate("access", "Staff member {id} does not exist.").format(
            id=staff_id))
    name, active = row
    if not active:
        raise ValueError(translate("access", "{name} is no longer active.").format(name=name))
    if not password:
        raise ValueError(translate("access", "A password is needed to sign in on this laptop."))
    digest = hash_secret(password)
    with db.atomic():
        db.execute_sql("UPDATE staff SET password_hash = ? WHERE id = ?", (digest, staff_id))
        audit.record("change", (None,), f"password set: {name} (sign-in on this laptop, "
                     "from joining the office book)")


def set_pin(staff_id: int, pin: str | None) -> None:
    """The short PIN that unlocks the window for this person (None: no PIN)."""
    me = current()
    if me.signed_in and me.staff_id != staff_id:
        require("staff")
    if pin is not None:
        problem = pin_problem(pin)
        if problem:
            raise ValueError(problem)
    digest = hash_secret(pin) if pin is not None else None
    with db.atomic():
        db.execute_sql("UPDATE staff SET pin_hash = ? WHERE id = ?", (digest, staff_id))


@dataclass
class Account:
    staff_id: int
    name: str
    role: str
    active: bool
    has_password: bool
    has_pin: bool


def accounts() -> list[Account]:
    return [Account(r[0], r[1], r[2], bool(r[3]), r[4] is not None, r[5] is not None)
            for r in db.execute_sql("SELECT id, name, role, active, password_hash, pin_hash "
                                    "FROM staff ORDER BY name")]


def sign_in_names() -> list[str]:
    return [r[0] for r in db.execute_sql(
        "SELECT name FROM staff WHERE password_hash IS NOT NULL AND active ORDER BY name")]


# --- the session ------------------------------------------------------------------------
def current() -> User:
    return _current


def _use(user: User) -> None:
    global _current
    _current = user
    audit.set_actor(user.name or None)


def _now() -> dt.datetime:
    return utcnow()


def _pause_left(who: str) -> int:
    """Seconds `who` must still wait: 0 unless their last ATTEMPTS_BEFORE_PAUSE sign-ins
    all failed, the last one less than PAUSE_SECONDS ago."""
    rows = db.execute_sql("SELECT action, at FROM audit_entry WHERE who = ? AND action IN "
                          "('sign_in', 'sign_in_failed') ORDER BY id DESC LIMIT ?",
                          (who, ATTEMPTS_BEFORE_PAUSE)).fetchall()
    if len(rows) < ATTEMPTS_BEFORE_PAUSE or any(r[0] != "sign_in_failed" for r in rows):
        return 0
    last = dt.datetime.fromisoformat(rows[0][1].replace("Z", "+00:00"))
    left = PAUSE_SECONDS - (_now() - last).total_seconds()
    return max(0, math.ceil(left))


def sign_in(name: str, password: str) -> User:
    """Check the password of staff member `name` and make them the current user.

    A known name and an unknown one cost the same (one argon2 check, against a dummy hash
    of the same parameters when there is no account), so that timing does not tell which
    names exist. Failures go into the audit trail (the name, or "(unknown name)" — never
    what was typed as a password); after ATTEMPTS_BEFORE_PAUSE of them in a row a name
    waits PAUSE_SECONDS, whichever window or command asks."""
    name = " ".join(name.split())
    row = db.execute_sql("SELECT id, name, role, password_hash FROM staff WHERE name = ? "
                         "AND active", (name,)).fetchone()
    stored = row[3] if row and row[3] else None
    who = str(row[1]) if stored else _unknown(name)
    left = _pause_left(who)
    if left:
        raise SignInPaused(left)
    matches = check_secret(stored or _dummy_hash(), password)
    if not (stored and matches):
        with db.atomic("IMMEDIATE"):
            audit.record("sign_in_failed", (None,), "", who=who)
        left = _pause_left(who)
        if left:
            raise SignInPaused(left)
        raise SignInFailed(translate("access", "Unknown name or wrong password."))
    user = User(int(row[0]), row[1], row[2])
    _use(user)
    with db.atomic():
        audit.record("sign_in", (None,), "")
    return user


def _unknown(name: str) -> str:
    """How a sign-in with a name that has no account is recorded: not the text typed (it
    may be a password typed in the wrong field), but a short keyed digest of it, so that
    each such name has its own count and pause, exactly like a real one."""
    import hashlib

    key = audit.book_id() or ""
    digest = hashlib.sha256(f"{key}\x1f{name.casefold()}".encode()).hexdigest()[:10]
    return f"{UNKNOWN_NAME} {digest}"


def _dummy_hash() -> str:
    """A well-formed argon2id hash with this hasher's parameters that no password matches:
    checking it costs exactly what checking a real one does (and nothing is hashed)."""
    import base64

    hasher = _hasher()
    salt = base64.b64encode(b"crmdesk-no-user!"[:hasher.salt_len].ljust(hasher.salt_len, b"!"))
    digest = base64.b64encode(b"\x00" * hasher.hash_len)
    return (f"$argon2id$v=19$m={hasher.memory_cost},t={hasher.time_cost},"
            f"p={hasher.parallelism}${salt.decode().rstrip('=')}${digest.decode().rstrip('=')}")


def resume(user: User) -> None:
    """Go back to a session that was signed in before (a sign-in as someone else was
    cancelled, or another book failed to open)."""
    _use(user)


def sign_out() -> None:
    _use(SINGLE_USER)


def reset() -> None:
    """Forget the session (a book closed or another one opened)."""
    _use(SINGLE_USER)


def unlock(secret: str, book_passphrase: str | None = None) -> bool:
    """Whether `secret` unlocks the window: the signed-in person's password or PIN, or,
    in a book without accounts, the book's passphrase."""
    me = current()
    if me.signed_in:
        row = db.execute_sql("SELECT password_hash, pin_hash FROM staff WHERE id = ?",
                             (me.staff_id,)).fetchone()
        return row is not None and (check_secret(row[1], secret)
                                    or check_secret(row[0], secret))
    if book_passphrase is not None:
        return hmac.compare_digest(secret.encode(), book_passphrase.encode())
    return True


# --- permissions ------------------------------------------------------------------------
def require_self_or_manager(staff_id: int | None) -> None:
    """Someone signed in records things under their own name; only a manager may record
    them for someone else (a call taken on a colleague's behalf)."""
    me = current()
    if me.signed_in and me.role != "manager" and staff_id not in (None, me.staff_id):
        raise AccessDenied(translate("access", "{name} may record things only under their own "
                                     "name.").format(name=me.name))


def own_name(staff_id: int | None, allowed: int | None = None) -> int | None:
    """Who a record is written under: a signed-in person other than a manager records only
    as themselves (no name given: theirs); `allowed` is an author the record already has."""
    me = current()
    if staff_id is not None and staff_id == allowed:
        return staff_id
    require_self_or_manager(staff_id)
    if staff_id is None and me.signed_in:
        return me.staff_id
    return staff_id


def can(permission: str) -> bool:
    return permission in PERMISSIONS.get(current().role, set())


def require(permission: str) -> None:
    if not can(permission):
        me = current()
        role = texts.vocabulary(ROLE_LABELS.get(me.role, me.role)).lower()
        what = translate("access", WHAT.get(permission, permission))
        if me.name:
            raise AccessDenied(translate("access", "{name} ({role}) may not {what}.").format(
                name=me.name, role=role, what=what))
        raise AccessDenied(translate("access", "You ({role}) may not {what}.").format(
            role=role, what=what))


def _level(role: str, staff_id: int | None, relationship: str, owner_id: int | None) -> Level:
    if role == "manager":
        return Level.FULL
    exclusive = relationship == "exclusive"
    if role == "executive":
        if owner_id is not None and owner_id == staff_id:
            return Level.FULL
        if exclusive:
            return Level.CONTACT
        return Level.FULL if owner_id is None else Level.STANDARD
    return Level.CONTACT if exclusive else Level.STANDARD


def levels(ids: Iterable[int]) -> dict[int, Level]:
    """The level of the current person on each customer (missing ids are left out)."""
    ids = list(ids)
    me = current()
    if me.role == "manager":
        return {cid: Level.FULL for cid in ids}
    out: dict[int, Level] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        for cid, relationship, owner_id in db.execute_sql(
                f"SELECT id, relationship_type, owner_id FROM customer WHERE id IN ({marks})",
                chunk):
            out[cid] = _level(me.role, me.staff_id, relationship, owner_id)
    return out


def level(cid: int) -> Level:
    return levels([cid]).get(cid, Level.FULL)


def restricted_ids(ids: Iterable[int]) -> set[int]:
    """Those of `ids` the current person may see only at CONTACT level."""
    if current().role == "manager":
        return set()
    return {cid for cid, lv in levels(ids).items() if lv == Level.CONTACT}


def sees_private_notes(cid: int) -> bool:
    return level(cid) == Level.FULL


def require_level(ids: Iterable[int], needed: Level, doing: str) -> None:
    """Refuse when the current person's level on any of `ids` is below `needed`."""
    below = [cid for cid, lv in levels(ids).items() if lv < needed]
    if below:
        me = current()
        names = db.execute_sql(
            "SELECT trim(given_name || ' ' || family_name) FROM customer WHERE id = ?",
            (below[0],)).fetchone()
        who = names[0] if names else translate("access", "customer {id}").format(id=below[0])
        doing = translate("access", doing)
        if len(below) > 1:
            text = translate("access", "{name} may not {doing} {who} (and {more} more): only "
                             "their executive and managers may.") if me.name else \
                translate("access", "You may not {doing} {who} (and {more} more): only their "
                          "executive and managers may.")
        else:
            text = translate("access", "{name} may not {doing} {who}: only their executive "
                             "and managers may.") if me.name else \
                translate("access", "You may not {doing} {who}: only their executive and "
                          "managers may.")
        raise AccessDenied(text.format(name=me.name, doing=doing, who=who,
                                       more=len(below) - 1))


def contact_only_sql(alias: str = "c") -> str:
    """A SQL condition true for the customers the current person sees at CONTACT level."""
    me = current()
    if me.role == "manager":
        return "0"
    if me.role == "executive":
        return (f"({alias}.relationship_type = 'exclusive' AND "
                f"{alias}.owner_id IS NOT {int(me.staff_id or 0)})")
    return f"{alias}.relationship_type = 'exclusive'"


def search_columns() -> str | None:
    """The FTS columns the current person's searches may match (None: all). Notes are
    searched by managers only, so a search cannot reveal a note one may not read."""
    return None if current().role == "manager" else "{name emails phones company tags}"


# --- the relationship canvas and dashboards ---------------------------------------------
# Figures about the whole book (what relationships cost, what segments bring) are for
# managers and executives; an executive's figures count only the customers they may see
# beyond name and contact (see `analytics_scope_sql`). A receptionist is not offered them.
PERMISSIONS["manager"].add("analytics")
PERMISSIONS["executive"].add("analytics")
WHAT["analytics"] = "see the relationship canvas and dashboards"


def analytics_scope_sql(alias: str = "c") -> str:
    """A SQL condition true for the customers the current person's canvas and dashboards
    count: everyone for a manager; for an executive, all but others' exclusive clients."""
    return f"NOT ({contact_only_sql(alias)})"
