"""Talking to the office hub (PostgreSQL) with psycopg 3: connecting, the hub's migrations,
enrolling staff, the checks of `crmdesk hub check`, and the link a book syncs through.

psycopg is imported here only, and this module only when a hub is used: a book that never
joins a hub never loads it.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sys
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from crmdesk.hub import schema

OWNER_ROLE = "crm_owner"
STAFF_ROLE = "crm_staff"
_ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


class HubError(Exception):
    """The hub cannot be used; the message is one sentence for people."""

    plain_message = True


def _psycopg() -> Any:
    try:
        import psycopg
    except ImportError as exc:  # pragma: no cover - a dependency
        raise HubError("psycopg (PostgreSQL support) is not installed: "
                       "pip install 'psycopg[binary]'.") from exc
    return psycopg


def parse_url(url: str) -> dict[str, str]:
    """A libpq connection string or postgresql:// URL, as its parts; anything else (and a
    password written in it) is refused with one line."""
    text = (url or "").strip()
    if not text:
        raise HubError("Give the hub's address with --hub (postgresql://HOST/DB).")
    if "://" in text and not re.match(r"^postgres(ql)?://", text):
        raise HubError(f"{text.split('://')[0]}:// is not a PostgreSQL address: use "
                       "postgresql://HOST[:PORT]/DB or a libpq string like 'host=… dbname=…'.")
    if "://" not in text and "=" not in text:
        raise HubError(f"“{text}” is not a PostgreSQL address: use postgresql://HOST/DB.")
    psycopg = _psycopg()
    try:
        parts: dict[str, str] = psycopg.conninfo.conninfo_to_dict(text)
    except psycopg.ProgrammingError as exc:
        raise HubError(f"“{text}” is not a valid PostgreSQL address "
                       f"({str(exc).strip().splitlines()[0]}).") from exc
    if parts.get("password"):
        raise HubError("A password is never taken on the command line: leave it out of the "
                       "address and use $PGPASSWORD, ~/.pgpass, or type it when asked.")
    return parts


def redact(url: str) -> str:
    """The address as kept in the book and shown: without any password."""
    parts = parse_url(url)
    host = parts.get("host", "localhost")
    port = parts.get("port", "5432")
    db = parts.get("dbname", "")
    extra = "&".join(f"{k}={v}" for k, v in sorted(parts.items())
                      if k not in {"host", "port", "dbname", "user", "password"})
    return f"postgresql://{host}:{port}/{db}" + (f"?{extra}" if extra else "")


def _describe(exc: BaseException, url: str, user: str | None) -> str:
    text = str(exc).strip()
    low = text.lower()
    where = redact(url)
    if "password authentication failed" in low:
        return f"Wrong password for {user or 'that user'} on the hub {where} (nothing changed)."
    if "no password supplied" in low:
        return (f"The hub {where} needs {user or 'the user'}'s password: set $PGPASSWORD, "
                "add it to ~/.pgpass, or run on a terminal to be asked.")
    if "not permitted to log in" in low:
        return (f"{user or 'That login'}'s access to the hub {where} was revoked (a lost "
                "laptop or a leaver): a manager can enrol them again.")
    if "does not exist" in low and "role" in low:
        return f"{user or 'That user'} is not a login on the hub {where}."
    if "does not exist" in low and "database" in low:
        return f"The hub {where} has no such database."
    if "connection refused" in low or "timeout" in low or "could not connect" in low or \
            "could not translate host" in low or "no route" in low:
        return f"The hub {where} cannot be reached; the book keeps working offline."
    if "ssl" in low:
        return f"The hub {where} refused the secure connection: {text.splitlines()[0]}"
    return f"The hub {where} refused the connection: {text.splitlines()[0]}"


#: A hub gone from the network (a laptop carried off its Wi-Fi, a server switched off) is
#: noticed within about half a minute rather than when the system gives the connection up
#: (minutes to hours): TCP keepalives on an idle or waiting connection (probes after 10 s
#: of silence, 5 s apart, 3 missed), and sent data left unacknowledged for 30 s. A live hub
#: answers the probes however long a query runs, so nothing slow is cut short.
DEAD_LINK: dict[str, int] = {"keepalives": 1, "keepalives_idle": 10, "keepalives_interval": 5,
                             "keepalives_count": 3, "tcp_user_timeout": 30_000}


def connect(url: str, user: str | None = None, *, password: str | None = None,
            ask: Callable[[str], str | None] | None = None, autocommit: bool = True) -> Any:
    """Open a connection. The password comes from `password`, $PGPASSWORD or a pgpass file
    (libpq reads both), or `ask` when the server wants one and none was found."""
    parse_url(url)
    psycopg = _psycopg()
    kwargs: dict[str, Any] = {"connect_timeout": int(os.environ.get("CRMDESK_HUB_TIMEOUT", "5")),
                              "application_name": "crmdesk", "autocommit": autocommit,
                              **DEAD_LINK}
    if psycopg.pq.version() < 120000:  # (a libpq before 12 refuses the option it lacks)
        del kwargs["tcp_user_timeout"]
    if user:
        kwargs["user"] = user
    if password:
        kwargs["password"] = password
    try:
        return psycopg.connect(url, **kwargs)
    except psycopg.OperationalError as exc:
        low = str(exc).lower()
        if ask is not None and password is None and "no password supplied" in low:
            typed = ask(f"Password for {user or 'the hub'}")
            if typed:
                return connect(url, user, password=typed, autocommit=autocommit)
        raise HubError(_describe(exc, url, user)) from exc
    except psycopg.Error as exc:
        raise HubError(_describe(exc, url, user)) from exc


def terminal_password(label: str) -> str | None:
    import getpass

    if not sys.stdin.isatty():
        return None
    return getpass.getpass(f"{label}: ")


def _errors() -> tuple[type[BaseException], ...]:
    psycopg = _psycopg()
    return (psycopg.Error,)


@contextmanager
def plain_errors(what: str) -> Iterator[None]:
    """Turn a PostgreSQL error into one line."""
    try:
        yield
    except HubError:
        raise
    except _errors() as exc:
        text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        text = text.removeprefix("crmdesk: ")
        raise HubError(f"{what}: {text}") from exc


# --- the hub's schema ------------------------------------------------------------------
def schema_version(conn: Any) -> int:
    row = conn.execute("SELECT to_regclass('crm.meta') IS NOT NULL").fetchone()
    if not row[0]:
        return 0
    try:
        got = conn.execute("SELECT value FROM crm.meta WHERE key = 'schema_version'").fetchone()
    except _errors():
        return 0
    return int(got[0]) if got else 0


def migrate(conn: Any) -> int:
    """Bring the hub to the latest schema (each step one transaction); returns the version.
    A hub written by a newer crmdesk is refused, unchanged."""
    version = schema_version(conn)
    if version > schema.LATEST:
        raise HubError(f"The hub has schema {version}, newer than this crmdesk knows "
                       f"({schema.LATEST}): upgrade crmdesk.")
    for number in range(version + 1, schema.LATEST + 1):
        with plain_errors(f"Hub migration {number} failed"), conn.transaction():
            conn.execute(schema.MIGRATIONS[number - 1])
            conn.execute("INSERT INTO crm.meta (key, value) VALUES ('schema_version', %s) "
                         "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                         (str(number),))
    return schema.LATEST


def ensure_group_roles(conn: Any) -> None:
    """The owner (nobody logs in as it) and the group every staff login belongs to."""
    with plain_errors("Cannot create the hub's roles"), conn.transaction():
        for role in (OWNER_ROLE, STAFF_ROLE):
            exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s",
                                  (role,)).fetchone()
            if not exists:
                conn.execute(f"CREATE ROLE {role} NOLOGIN NOINHERIT")
        me = conn.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user"
                          ).fetchone()
        if not me[0]:
            conn.execute(f"GRANT {OWNER_ROLE} TO current_user")


def login_name(name: str) -> str:
    """A staff member's PostgreSQL login: 'Ana García' -> 'ana_garcia'."""
    from crmdesk.services.search_index import fold

    slug = re.sub(r"[^a-z0-9_]+", "_", fold(name).lower()).strip("_") or "staff"
    if slug[0].isdigit():
        slug = f"s_{slug}"
    return slug[:63]


def staff_uid(name: str) -> str:
    """The uid a book gives a staff member (SQLite's lower() folds ASCII letters only)."""
    return "staff:" + "".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in name)


def enrol(conn: Any, login: str, password: str, role: str, staff_name: str) -> None:
    """Create (or update) the login role of a staff member: LOGIN, member of crm_staff,
    never superuser, owner or BYPASSRLS."""
    if not _ROLE_NAME.match(login) or login in (OWNER_ROLE, STAFF_ROLE, "postgres"):
        raise HubError(f"“{login}” cannot be a hub login (use lower-case letters, digits "
                       "and _).")
    if role not in ("manager", "executive", "receptionist"):
        raise HubError(f"“{role}” is not a role (manager, executive, receptionist).")
    if len(password) < 8:
        raise HubError("A hub password needs at least 8 characters.")
    from psycopg import sql

    with plain_errors(f"Cannot enrol {login}"), conn.transaction():
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (login,)).fetchone()
        verb = "ALTER" if exists else "CREATE"
        conn.execute(sql.SQL("{} ROLE {} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE "
                             "NOBYPASSRLS NOREPLICATION INHERIT PASSWORD {}").format(
            sql.SQL(verb), sql.Identifier(login), sql.Literal(password)))
        conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(STAFF_ROLE),
                                                       sql.Identifier(login)))
        conn.execute("SET LOCAL ROLE crm_owner")
        conn.execute(
            "INSERT INTO crm.login (rolname, staff_uid, role) VALUES (%s, %s, %s) "
            "ON CONFLICT (rolname) DO UPDATE SET staff_uid = excluded.staff_uid, "
            "role = excluded.role", (login, staff_uid(staff_name), role))
        if schema_version(conn) >= 4:
            conn.execute("UPDATE crm.login SET revoked_at = NULL WHERE rolname = %s", (login,))
        conn.execute("RESET ROLE")


def find_login(conn: Any, name: str) -> tuple[str, bool]:
    """The enrolled login NAME means (a login, or a staff member's name) and whether it
    was revoked; HubError if nobody by that name is enrolled."""
    with plain_errors("Cannot read the hub's logins"), conn.transaction():
        conn.execute("SET LOCAL ROLE crm_owner")
        row = conn.execute(
            "SELECT rolname, revoked_at IS NOT NULL FROM crm.login WHERE rolname = %s "
            "OR rolname = %s ORDER BY rolname = %s DESC LIMIT 1",
            (name, login_name(name), name)).fetchone()
    if row is None:
        raise HubError(f"“{name}” is not enrolled on this hub (see `crmdesk hub check`).")
    return str(row[0]), bool(row[1])


def revoke(conn: Any, name: str) -> str:
    """A lost laptop or a leaver: the login role can no longer log in (its open sessions
    are ended too), so the next connection is refused. Re-enrolling gives access back.
    What that person's devices pushed stays; their unsent edits wait on the laptop."""
    from psycopg import sql

    migrate(conn)
    login, _revoked = find_login(conn, name)
    with plain_errors(f"Cannot revoke {login}"), conn.transaction():
        conn.execute(sql.SQL("ALTER ROLE {} NOLOGIN").format(sql.Identifier(login)))
        conn.execute("SET LOCAL ROLE crm_owner")
        conn.execute("UPDATE crm.login SET revoked_at = now() WHERE rolname = %s", (login,))
        conn.execute("RESET ROLE")
    try:  # (needs the right to signal backends; the role itself is already shut out)
        conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                     "WHERE usename = %s AND pid <> pg_backend_pid()", (login,))
    except _errors():
        pass
    return login


def reset_password(conn: Any, name: str, password: str) -> str:
    """A new password for an enrolled (not revoked) login."""
    from psycopg import sql

    migrate(conn)
    login, revoked = find_login(conn, name)
    if revoked:
        raise HubError(f"{login}'s access was revoked: enrol them again to give it back.")
    if len(password) < 8:
        raise HubError("A hub password needs at least 8 characters.")
    with plain_errors(f"Cannot reset {login}'s password"), conn.transaction():
        conn.execute(sql.SQL("ALTER ROLE {} PASSWORD {}").format(sql.Identifier(login),
                                                                sql.Literal(password)))
    return login


@dataclass
class CheckReport:
    version: int = 0
    office: str = ""
    devices: list[dict[str, Any]] = field(default_factory=list)
    logins: list[dict[str, Any]] = field(default_factory=list)
    records: int = 0
    conflicts: int = 0
    head: int = 0
    findings: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_json(self) -> dict[str, Any]:
        return {"schema_version": self.version, "latest": schema.LATEST,
                "office": self.office, "devices": self.devices, "logins": self.logins,
                "records": self.records, "unresolved_conflicts": self.conflicts,
                "head": self.head, "findings": self.findings, "problems": self.problems,
                "ok": self.ok}


def check(conn: Any) -> CheckReport:
    """What `crmdesk hub check` says: the schema, devices and what they have not pulled,
    conflicts, and the security checks (logins are not superuser, owner or BYPASSRLS,
    staff cannot write tables directly, RLS is on and forced)."""
    rep = CheckReport()
    with plain_errors("Cannot read the hub"):
        rep.version = schema_version(conn)
        if rep.version == 0:
            rep.problems.append("No crmdesk hub here (run `crmdesk hub init --hub URL`).")
            return rep
        if rep.version > schema.LATEST:
            rep.problems.append(f"The hub has schema {rep.version}, newer than this "
                                f"crmdesk ({schema.LATEST}).")
            return rep
        rep.findings.append(f"hub schema {rep.version} (latest {schema.LATEST})")
        if rep.version < schema.LATEST:
            rep.problems.append(f"The hub's schema {rep.version} is older than this "
                                f"crmdesk's {schema.LATEST}: run `crmdesk hub upgrade`.")
        row = conn.execute("SELECT value FROM crm.meta WHERE key = 'office'").fetchone()
        rep.office = row[0] if row else ""
        rep.head = conn.execute("SELECT coalesce(max(seq), 0) FROM crm.rec").fetchone()[0]
        rep.records = conn.execute("SELECT count(*) FROM crm.rec WHERE kind <> "
                                   "'sync_conflict'").fetchone()[0]
        rep.conflicts = conn.execute(
            "SELECT count(*) FROM crm.rec WHERE kind = 'sync_conflict' AND NOT deleted "
            "AND coalesce(data ->> 'resolved_at', '') = ''").fetchone()[0]
        for uid, rolname, name, pulled, last_push, last_pull in conn.execute(
                "SELECT uid, rolname, name, pulled, last_push, last_pull FROM crm.device "
                "ORDER BY joined_at"):
            rep.devices.append({"device": uid, "login": rolname, "name": name,
                                "behind": max(0, rep.head - pulled),
                                "last_push": last_push.isoformat() if last_push else None,
                                "last_pull": last_pull.isoformat() if last_pull else None})
        rep.findings.append(f"{len(rep.devices)} device(s), {rep.records:,} records, "
                            f"{rep.conflicts} unresolved conflict(s)")
        revoked_col = "l.revoked_at IS NOT NULL" if rep.version >= 4 else "false"
        for rolname, role, sup, bypass, can_login, member, revoked in conn.execute(
                f"""SELECT l.rolname, l.role, r.rolsuper, r.rolbypassrls, r.rolcanlogin,
                          pg_has_role(l.rolname, 'crm_staff', 'MEMBER'), {revoked_col}
                   FROM crm.login l LEFT JOIN pg_roles r ON r.rolname = l.rolname
                   ORDER BY l.rolname"""):
            rep.logins.append({"login": rolname, "role": role, "superuser": bool(sup),
                               "bypassrls": bool(bypass), "can_login": bool(can_login),
                               "revoked": bool(revoked)})
            if revoked and can_login:
                rep.problems.append(f"login {rolname} was revoked but can still log in")
            if sup:
                rep.problems.append(f"login {rolname} is a superuser (it bypasses RLS)")
            if bypass:
                rep.problems.append(f"login {rolname} has BYPASSRLS")
            if can_login is None:
                rep.problems.append(f"login {rolname} is enrolled but has no role")
            elif not member:
                rep.problems.append(f"login {rolname} is not a member of crm_staff")
            owns = conn.execute(
                "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = 'crm' AND pg_has_role(%s, c.relowner, 'MEMBER')",
                (rolname,)).fetchone()[0] if can_login is not None else 0
            if owns:
                rep.problems.append(f"login {rolname} owns (or is a member of the owner of) "
                                    f"{owns} hub table(s)")
            if can_login is not None:
                for table in ("rec", "acl", "meta", "login", "device"):
                    for priv in ("INSERT", "UPDATE", "DELETE", "TRUNCATE"):
                        if conn.execute("SELECT has_table_privilege(%s, %s, %s)",
                                        (rolname, f"crm.{table}", priv)).fetchone()[0]:
                            rep.problems.append(f"login {rolname} may {priv} crm.{table} "
                                                "directly (writes must go through crm.push)")
        rep.findings.append(f"{len(rep.logins)} login(s): none superuser, owner or "
                            "BYPASSRLS" if not any("login" in p for p in rep.problems)
                            else f"{len(rep.logins)} login(s) checked")
        owner_login = conn.execute(
            "SELECT rolcanlogin FROM pg_roles WHERE rolname = 'crm_owner'").fetchone()
        if owner_login and owner_login[0]:
            rep.problems.append("crm_owner can log in: the owner bypasses RLS")
        for relname, rls, forced in conn.execute(
                "SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity FROM pg_class c "
                "JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = 'crm' AND c.relkind = 'r' ORDER BY 1"):
            if not (rls and forced):
                rep.problems.append(f"crm.{relname}: row-level security is not enabled "
                                    "and forced")
        definer_paths = conn.execute(
            "SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
            "WHERE n.nspname = 'crm' AND p.prosecdef AND (p.proconfig IS NULL OR NOT "
            "EXISTS (SELECT 1 FROM unnest(p.proconfig) s WHERE s LIKE 'search_path=%'))"
        ).fetchall()
        for (name,) in definer_paths:
            rep.problems.append(f"crm.{name} is SECURITY DEFINER without a fixed search_path")
        if not any(p.startswith("crm.") for p in rep.problems):
            rep.findings.append("row-level security enabled and forced on every hub table; "
                                "SECURITY DEFINER functions have a fixed search_path")
        leak_check(conn, rep)
        if rep.version >= schema.AUDIT_SCHEMA:
            audit_check(conn, rep)
    return rep


def audit_check(conn: Any, rep: CheckReport) -> None:
    """Every device's audit trail as the hub keeps it: each chain verifies (each entry's
    hash over what it says, each link to the one before, no entry missing)."""
    from crmdesk.services.sync import verify_audit_chain

    chains = entries = 0
    broken: list[str] = []
    with conn.transaction():
        conn.execute("SET LOCAL ROLE crm_owner")
        chain: list[dict[str, Any]] = []
        device = None
        for (data,) in conn.execute(
                "SELECT data FROM crm.rec WHERE kind = 'audit_entry' "
                "ORDER BY data ->> 'device', (data ->> 'seq')::bigint"):
            if data.get("device") != device:
                if chain:
                    broken += [f"{device}: {p}" for p in verify_audit_chain(chain)]
                chain, device = [], data.get("device")
                chains += 1
            chain.append(data)
            entries += 1
        if chain:
            broken += [f"{device}: {p}" for p in verify_audit_chain(chain)]
    for line in broken[:20]:
        rep.problems.append(f"audit trail of device {line}")
    if len(broken) > 20:
        rep.problems.append(f"… and {len(broken) - 20} more audit trail problems")
    if not broken:
        rep.findings.append(f"audit trails: {chains} device(s), {entries:,} entries, every "
                            "chain verifies")


#: What a staff login may read of a record, written apart from the RLS policy (an
#: independent oracle): the levels of services/access.py. Parameters: role, staff uid.
_ALLOWED = """
  r.lvl <> 'audit' AND (
    r.cust IS NULL OR r.lvl IN ('contact', 'open') OR %(role)s = 'manager'
    OR (CASE
          WHEN %(role)s = 'executive' AND a.owner = %(staff)s THEN 3
          WHEN coalesce(a.exclusive, false) THEN 1
          WHEN %(role)s = 'executive' AND a.owner IS NULL THEN 3
          ELSE 2 END) = 3
    OR ((CASE WHEN coalesce(a.exclusive, false) THEN 1 ELSE 2 END) = 2
        AND NOT (r.lvl = 'notes' AND coalesce(a.private_notes, false))))
"""


def leak_check(conn: Any, rep: CheckReport) -> None:
    """As each enrolled staff login (SET SESSION AUTHORIZATION: the policies judge the
    session's user), select every hub table: nothing above that person's level may come
    back. Needs a superuser; without one the check says so."""
    from psycopg import sql

    sup = conn.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user"
                       ).fetchone()
    if not (sup and sup[0]):
        rep.findings.append("leak check skipped: it needs a superuser's connection")
        return
    checked = 0
    for login in [x for x in rep.logins if x.get("can_login") and not x.get("revoked")]:
        with conn.transaction():
            conn.execute("SET LOCAL ROLE crm_owner")
            row = conn.execute("SELECT role, staff_uid FROM crm.login WHERE rolname = %s",
                               (login["login"],)).fetchone()
            conn.execute("RESET ROLE")
            if row is None:
                continue
            role, staff = row
            # (LOCAL: back to the administrator when this transaction ends, whatever
            # happens in it.)
            conn.execute(sql.SQL("SET LOCAL SESSION AUTHORIZATION {}").format(
                sql.Identifier(login["login"])))
            leaked = conn.execute(
                "SELECT count(*) FROM crm.rec r LEFT JOIN crm.acl a ON a.cust = r.cust "
                f"WHERE NOT ({_ALLOWED})", {"role": role, "staff": staff}).fetchone()[0]
            for table in ("login", "device"):
                if conn.execute("SELECT has_table_privilege(current_user, %s, 'SELECT')",
                                (f"crm.{table}",)).fetchone()[0] and conn.execute(
                        f"SELECT count(*) FROM crm.{table}").fetchone()[0]:
                    rep.problems.append(f"login {login['login']} can read crm.{table}")
        if leaked:
            rep.problems.append(f"login {login['login']} ({role}) can read {leaked:,} hub "
                                "record(s) above their level")
        checked += 1
    rep.findings.append(f"leak check: as each of {checked} staff login(s), nothing above "
                        "their level can be read" if not any("above their level" in p
                                                             for p in rep.problems)
                        else "leak check: see the problems")


def new_office_id() -> str:
    return str(uuid.uuid4())


def office_of(conn: Any) -> str:
    row = conn.execute("SELECT value FROM crm.meta WHERE key = 'office'").fetchone()
    return row[0] if row else ""


def set_office(conn: Any, office: str) -> None:
    with conn.transaction():
        conn.execute("SET LOCAL ROLE crm_owner")
        conn.execute("INSERT INTO crm.meta (key, value) VALUES ('office', %s) "
                     "ON CONFLICT (key) DO NOTHING", (office,))


#: The snapshot a laptop joins with: every live record its login may see (row-level
#: security decides which; kinds the laptop did not ask for are skipped as they arrive).
SNAPSHOT_SQL = "SELECT kind, uid, data::text, seq FROM crm.rec WHERE NOT deleted"


class HubLink:
    """A book's connection to the hub as its staff login: hello, push, pull, ack.

    Tests replace it by a wrapper that cuts, delays or fails calls mid-batch."""

    def __init__(self, conn: Any):
        self.conn = conn

    @classmethod
    def open(cls, url: str, login: str, *, password: str | None = None,
             ask: Callable[[str], str | None] | None = None) -> HubLink:
        return cls(connect(url, login, password=password, ask=ask))

    def close(self) -> None:
        with contextlib.suppress(Exception):  # closing a broken link is best effort
            self.conn.close()

    def hello(self, device: str, name: str, proto: int) -> dict[str, Any]:
        with plain_errors("The hub refused this book"):
            row = self.conn.execute("SELECT crm.hello(%s, %s, %s)",
                                    (device, name, proto)).fetchone()
        return dict(row[0])

    def push(self, proto: int, device: str, items: list[dict[str, Any]]) -> dict[str, Any]:
        with plain_errors("The hub refused the push"):
            row = self.conn.execute("SELECT crm.push(%s, %s, %s::jsonb)",
                                    (proto, device, json.dumps(items))).fetchone()
        return dict(row[0])

    def pull(self, after: int, limit: int) -> list[tuple[Any, ...]]:
        with plain_errors("The hub refused the pull"):
            return list(self.conn.execute("SELECT * FROM crm.pull(%s, %s)", (after, limit)))

    def access_changes(self, after: int) -> list[str]:
        """The customers whose access changed after a cursor (hub schema 6)."""
        with plain_errors("The hub refused the pull"):
            return [r[0] for r in self.conn.execute("SELECT * FROM crm.access_changes(%s)",
                                                    (after,))]

    def audit_trail(self) -> list[tuple[str, str, str, dict[str, Any]]]:
        """Every device's audit entries, in chain order (a manager's login only)."""
        with plain_errors("The hub refused the audit trail"):
            return [(r[0], r[1] or "", r[2] or "", dict(r[3])) for r in self.conn.execute(
                "SELECT * FROM crm.audit_trail()")]

    def customer_rows(self, custs: list[str]) -> list[tuple[Any, ...]]:
        """Every record of these customers this login may see now (RLS applied)."""
        with plain_errors("The hub refused the pull"):
            return list(self.conn.execute("SELECT * FROM crm.customer_rows(%s)", (custs,)))

    def snapshot_rows(self, kind: str, after: str, limit: int) -> list[tuple[Any, ...]]:
        with plain_errors("The hub refused the snapshot"):
            return list(self.conn.execute("SELECT * FROM crm.snapshot(%s, %s, %s)",
                                          (kind, after, limit)))

    def snapshot_records(self, kinds: list[str], batch: int
                         ) -> Iterator[tuple[str, list[tuple[str, str, int]]]]:
        """Every live record of these kinds, streamed with COPY in one statement and
        handed out in blocks of up to `batch` records of one kind (call inside
        `snapshot()`).

        One statement for all kinds, which reads the table once, sequentially: one
        statement per kind read it seventeen times, each compiled by PostgreSQL's JIT
        (half a second apiece). The statement names no kind: with row-level security
        the planner prices the policy's subplans per row and took the primary key's index
        (kind, uid) for a condition on kind, a random walk over the whole table three
        times slower than reading it in order, even with index scans disabled. Kinds
        this crmdesk does not know (a newer hub's) are skipped here, as before."""
        wanted = set(kinds)
        with plain_errors("The hub refused the snapshot"):
            self.conn.execute("SET LOCAL jit = off")
            with self.conn.cursor().copy(f"COPY ({SNAPSHOT_SQL}) TO STDOUT") as copy:
                copy.set_types(["text", "text", "text", "int8"])
                blocks: dict[str, list[tuple[str, str, int]]] = {}
                for kind, uid, data, seq in copy.rows():
                    block = blocks.get(kind)
                    if block is None:
                        if kind not in wanted:
                            continue
                        block = blocks[kind] = []
                    block.append((uid, data, seq))
                    if len(block) >= batch:
                        yield kind, block
                        blocks[kind] = []
                for kind, block in blocks.items():
                    if block:
                        yield kind, block
            self.conn.execute("RESET jit")  # (the rest of the transaction plans as usual)

    def head(self) -> int:
        with plain_errors("Cannot read the hub"):
            return int(self.conn.execute("SELECT coalesce(max(seq), 0) FROM crm.rec"
                                         ).fetchone()[0])

    def ack(self, device: str, upto: int) -> None:
        with plain_errors("The hub refused the acknowledgement"):
            self.conn.execute("SELECT crm.ack(%s, %s)", (device, upto))

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Pulls inside this block read one consistent snapshot of the hub."""
        psycopg = _psycopg()
        self.conn.autocommit = False
        self.conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        try:
            with self.conn.transaction():
                yield
        finally:
            self.conn.autocommit = True
