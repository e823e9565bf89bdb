"""Message templates: the library kept in the book, the merge fields, and the template engine.

Templates are Jinja2, compiled in a sandboxed environment (a template cannot reach Python
objects: no attributes of functions, no ``__class__``, no imports) with StrictUndefined, so
an unknown field is an error found when the template is checked - as it is typed in the
editor - never a blank in a letter. Values from the book are data: Jinja never evaluates
them, so a name like ``{{ 7*7 }}`` prints as typed. The HTML version of an e-mail is
rendered with autoescaping on.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

import jinja2
import jinja2.meta
from jinja2.sandbox import SandboxedEnvironment

from crmdesk.services import access, audit, texts
from crmdesk.services.customers import Problem, ValidationFailed
from crmdesk.services.texts import translate
from crmdesk.store.db import db
from crmdesk.store.models import utcnow

CHANNELS: dict[str, str] = {"email": "E-mail", "letter": "Letter", "sms": "SMS / chat"}
LANGUAGES: dict[str, str] = {"en": "English", "es": "Spanish"}
PURPOSES: dict[str, str] = {
    "follow_up": "Follow-up", "birthday": "Birthday", "thank_you": "Thank you",
    "reactivation": "Reactivation", "document_request": "Document request",
    "appointment": "Appointment", "announcement": "Segment announcement", "other": "Other",
}
MAX_NAME = 80
MAX_BODY = 20_000


@dataclass(frozen=True)
class MergeField:
    name: str
    description: str
    level: access.Level  # the least a person must see of the client to use it
    example: object = ""


_C, _S = access.Level.CONTACT, access.Level.STANDARD
FIELDS: list[MergeField] = [
    MergeField("greeting", "How to address the person: Dear Mrs Peña / Hi Lola / "
               "Estimada Sra. Peña", _C, "Dear Mrs Peña"),
    MergeField("greeting_line", "The greeting with its punctuation: “Dear Mrs Peña,” / "
               "“Estimada Sra. Peña:”", _C, "Dear Mrs Peña,"),
    MergeField("first_name", "Preferred name, else given name", _C, "Lola"),
    MergeField("preferred_name", "Preferred name (may be empty)", _C, "Lola"),
    MergeField("given_name", "Given name", _C, "Dolores"),
    MergeField("family_name", "Family name", _C, "Peña"),
    MergeField("full_name", "Given and family name", _C, "Dolores Peña"),
    MergeField("salutation", "Mr, Mrs, Dr, Sra.…", _C, "Mrs"),
    MergeField("formal", "True when the client is addressed formally", _C, True),
    MergeField("informal", "True when the client is addressed informally", _C, False),
    MergeField("language", "en or es", _C, "en"),
    MergeField("today", "Today's date in the client's language", _C, "1 December 2026"),
    MergeField("owner_name", "The client's executive", _C, "Ana Ruiz"),
    MergeField("signature", "Who signs: the executive (or you) and the business", _C,
               "Ana Ruiz\nBanco Ejemplo"),
    MergeField("sender", "You (the person writing)", _C, "Ana Ruiz"),
    MergeField("business_name", "The business name of the letterhead", _C, "Banco Ejemplo"),
    MergeField("email", "The client's first e-mail address", _C, "lola@example.es"),
    MergeField("company", "Company", _S, "Peña Arquitectos"),
    MergeField("occupation", "Occupation", _S, "Architect"),
    MergeField("segment", "Segment (VIP, Premium…)", _S, "VIP"),
    MergeField("tier", "Loyalty tier", _S, "Gold"),
    MergeField("points", "Points balance, as written in the client's language", _S, "1,246"),
    MergeField("has_points", "True when the client has points", _S, True),
    MergeField("points_expiring", "Points expiring in the next 90 days", _S, "120"),
    MergeField("points_expiring_date", "When the first of them expire", _S, "3 March 2027"),
    MergeField("next_appointment", "The next open follow-up's date (empty if none)", _S,
               "Friday 4 December 2026"),
    MergeField("open_promise", "The oldest open promise made to the client (empty if none)",
               _S, "send the fund prospectus"),
    MergeField("birthday", "Birthday (day and month)", _S, "10 March"),
]
FIELD_BY_NAME = {f.name: f for f in FIELDS}


def sample_context() -> dict[str, object]:
    return {f.name: f.example for f in FIELDS}


MAX_OUTPUT = 20_000  # characters one operation of a template may build


class _Environment(SandboxedEnvironment):
    """The sandbox, plus: no power operator, no multiplication that builds a huge string
    or list, and only the filters a message needs (not `safe`, which would let client data
    through unescaped in HTML, nor `center`, `format` or `indent`, which can build a string
    of any size)."""

    intercepted_binops = frozenset(["*", "**"])

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**":
            raise jinja2.exceptions.SecurityError(translate(
                "message_templates", "the power operator is not available"))
        sized = [v for v in (left, right) if isinstance(v, str | list | tuple)]
        if sized:
            other = right if sized[0] is left else left
            if isinstance(other, int) and len(sized[0]) * other > MAX_OUTPUT:
                raise jinja2.exceptions.SecurityError(translate(
                    "message_templates", "that would build too long a text"))
        return super().call_binop(context, operator, left, right)


# What a message template is made of: text, fields, conditions, filters. No loops, macros,
# method calls or attributes: nothing a manager types can make every message take forever.
_N = jinja2.nodes
ALLOWED: set[type] = {_N.Template, _N.Output, _N.TemplateData, _N.Name, _N.Const, _N.If,
                      _N.CondExpr, _N.And, _N.Or, _N.Not, _N.Compare, _N.Operand, _N.Filter,
                      _N.Test, _N.Concat, _N.Add, _N.Sub, _N.Mul, _N.Neg, _N.Pos,
                      _N.Keyword}
NOT_AVAILABLE = {"For": "Loops", "Macro": "Macros", "CallBlock": "Calls", "Call": "Calls",
                 "Getattr": "Attributes", "Getitem": "Attributes and indexes",
                 "Include": "Other templates", "Import": "Other templates",
                 "FromImport": "Other templates", "Extends": "Other templates",
                 "Assign": "Variables", "AssignBlock": "Variables", "With": "Variables",
                 "FilterBlock": "Filter blocks", "Pow": "Powers", "Slice": "Slices",
                 "List": "Lists", "Dict": "Dictionaries", "Tuple": "Tuples"}

FILTERS = {"upper", "lower", "capitalize", "title", "trim", "default", "d", "e", "escape",
           "truncate", "replace", "length", "count", "first", "last", "join", "round", "int",
           "string", "abs", "wordcount"}


def _env(html: bool) -> SandboxedEnvironment:
    return _ENVS[html]


_ENVS = {
    flag: _Environment(undefined=jinja2.StrictUndefined, autoescape=flag,
                       keep_trailing_newline=False, trim_blocks=False,
                       extensions=[], auto_reload=False, cache_size=0)
    for flag in (False, True)
}
for _e in _ENVS.values():
    _e.globals.clear()  # no range(), dict(), lipsum(), cycler(): data and conditions only
    for _name in [n for n in _e.filters if n not in FILTERS]:
        del _e.filters[_name]


@dataclass
class TemplateProblem:
    part: str  # "subject" or "body"
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.part}, line {self.line}" if self.line else self.part
        return f"{where}: {self.message}"


def _line_of(source: str, name: str) -> int | None:
    pattern = re.compile(r"\b" + re.escape(name) + r"\b")
    for number, line in enumerate(source.splitlines(), 1):
        if "{" in line and pattern.search(line):
            return number
    return None


def _template_line(tb: TracebackType | None) -> int | None:
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def referenced(source: str) -> frozenset[str]:
    """The merge fields a template uses (empty if it does not parse)."""
    return _referenced(source)


@functools.lru_cache(maxsize=512)
def _referenced(source: str) -> frozenset[str]:
    try:
        return frozenset(jinja2.meta.find_undeclared_variables(_env(False).parse(source)))
    except jinja2.TemplateSyntaxError:
        return frozenset()


def check_part(part: str, source: str) -> list[TemplateProblem]:
    """Syntax errors, unknown fields and errors of a trial rendering, each with its line."""
    if len(source) > MAX_BODY:
        return [TemplateProblem(part, None, f"Too long (at most {MAX_BODY:,} characters).")]
    env = _env(False)
    try:
        tree = env.parse(source)
        used = jinja2.meta.find_undeclared_variables(tree)
    except jinja2.TemplateSyntaxError as exc:  # and unknown filters
        return [TemplateProblem(part, exc.lineno, exc.message or "syntax error")]
    refused = [(node, NOT_AVAILABLE.get(type(node).__name__, type(node).__name__))
               for node in tree.find_all(jinja2.nodes.Node) if type(node) not in ALLOWED]
    if refused:
        node, what = refused[0]
        return [TemplateProblem(part, getattr(node, "lineno", None),
                                f"{what} are not available in a message template (fields, "
                                "{% if %}…{% else %}…{% endif %} and filters are).")]
    unknown = sorted(used - FIELD_BY_NAME.keys())
    if unknown:
        return [TemplateProblem(part, _line_of(source, name),
                                f"Unknown field “{name}” (the fields are listed beside "
                                "the editor).") for name in unknown]
    try:
        env.from_string(source).render(sample_context())
    except jinja2.exceptions.SecurityError as exc:
        return [TemplateProblem(part, _template_line(exc.__traceback__),
                                f"Not allowed in a template: {exc}")]
    except Exception as exc:  # noqa: BLE001 - any failure is the template's, shown as text
        return [TemplateProblem(part, _template_line(exc.__traceback__), str(exc))]
    return []


def check(subject: str, body: str, channel: str = "email") -> list[TemplateProblem]:
    problems = check_part("subject", subject) + check_part("body", body)
    if not body.strip():
        problems.append(TemplateProblem("body", None, "The message has no text."))
    if "\n" in subject.strip():
        problems.append(TemplateProblem("subject", 2, "A subject is one line."))
    return problems


@functools.lru_cache(maxsize=256)
def problems_of(subject: str, body: str) -> tuple[TemplateProblem, ...]:
    """`check`, remembered: a stored template is checked again before it is used (a book
    imported from a file may hold anything), once."""
    return tuple(check(subject, body))


@functools.lru_cache(maxsize=256)
def compiled(source: str, html: bool = False) -> jinja2.Template:
    """The template compiled once (checked templates only reach here)."""
    return _env(html).from_string(source)


# --- the library ----------------------------------------------------------------------------
@dataclass
class TemplateText:
    name: str
    language: str
    channel: str
    subject: str
    body: str
    purpose: str = "other"
    id: int | None = field(default=None, compare=False)
    updated_at: str = field(default="", compare=False)
    updated_by: str = field(default="", compare=False)

    @property
    def fields(self) -> set[str]:
        return set(referenced(self.subject) | referenced(self.body))


@dataclass
class TemplateInfo:
    name: str
    purpose: str
    channel: str
    languages: list[str]


_COLUMNS = "id, name, language, purpose, channel, subject, body, updated_at, updated_by"


def _row(r: Iterable[Any]) -> TemplateText:
    tid, name, language, purpose, channel, subject, body, updated_at, updated_by = r
    return TemplateText(name, language, channel, subject, body, purpose, tid, updated_at,
                        updated_by)


def list_templates() -> list[TemplateInfo]:
    out: dict[str, TemplateInfo] = {}
    for name, language, purpose, channel in db.execute_sql(
            "SELECT name, language, purpose, channel FROM message_template "
            "ORDER BY name COLLATE NOCASE, language"):
        info = out.setdefault(name.casefold(), TemplateInfo(name, purpose, channel, []))
        info.languages.append(language)
    return list(out.values())


def versions(name: str) -> dict[str, TemplateText]:
    return {r[2]: _row(r) for r in db.execute_sql(
        f"SELECT {_COLUMNS} FROM message_template WHERE name = ? ORDER BY language",
        (" ".join(name.split()),))}


def find(name: str, language: str) -> TemplateText:
    """The version of template `name` in `language`, else its other version; LookupError
    naming the templates there are when there is no such template."""
    found = versions(name)
    if not found:
        names = ", ".join(t.name for t in list_templates()) or "none"
        raise LookupError(translate(
            "message_templates", "There is no template “{name}” (templates: {names}).").format(
            name=name, names=names))
    return found.get(language) or found.get("en") or next(iter(found.values()))


def validate(t: TemplateText) -> list[Problem]:
    problems: list[Problem] = []
    name = " ".join(t.name.split())
    if not name:
        problems.append(Problem("name", translate("message_templates", "A template needs a name.")))
    elif len(name) > MAX_NAME:
        problems.append(Problem("name", translate(
            "message_templates", "The name is too long (at most {limit}).").format(
            limit=MAX_NAME)))
    if t.language not in LANGUAGES:
        problems.append(Problem("language", translate(
            "message_templates", "Unknown language “{language}” (en or es).").format(
            language=t.language)))
    if t.channel not in CHANNELS:
        problems.append(Problem("channel", translate(
            "message_templates", "Unknown channel “{channel}” (email, letter or sms).").format(
            channel=t.channel)))
    if t.purpose not in PURPOSES:
        problems.append(Problem("purpose", translate(
            "message_templates", "Unknown purpose “{purpose}”.").format(purpose=t.purpose)))
    problems += [Problem(p.part, str(p)) for p in check(t.subject, t.body, t.channel)]
    return problems


def save(t: TemplateText) -> int:
    """Create or replace the `language` version of template `name` (managers only).
    Purpose and channel are the template's, shared by its versions."""
    access.require("templates")
    problems = validate(t)
    if problems:
        raise ValidationFailed(problems)
    name = " ".join(t.name.split())
    now = utcnow().strftime("%Y-%m-%dT%H:%M:%SZ")
    with db.atomic():
        if t.id is not None:
            old = db.execute_sql("SELECT name FROM message_template WHERE id = ?",
                                 (t.id,)).fetchone()
            if old is None:
                raise LookupError(translate(
                    "message_templates", "Template {id} no longer exists.").format(id=t.id))
            clash = db.execute_sql("SELECT id FROM message_template WHERE name = ? AND "
                                   "language = ? AND id != ?", (name, t.language, t.id)
                                   ).fetchone()
            if clash:
                raise ValidationFailed([Problem("name", translate(
                    "message_templates", "“{name}” already has a {language} version.").format(
                    name=name, language=texts.vocabulary(LANGUAGES[t.language])))])
            db.execute_sql("UPDATE message_template SET name = ?, language = ?, purpose = ?, "
                           "channel = ?, subject = ?, body = ?, updated_at = ?, updated_by = ? "
                           "WHERE id = ?", (name, t.language, t.purpose, t.channel,
                                            t.subject.strip(), t.body, now, audit.actor(),
                                            t.id))
            if old[0] != name:  # the other versions follow a rename
                db.execute_sql("UPDATE message_template SET name = ? WHERE name = ?",
                               (name, old[0]))
            tid = t.id
        else:
            db.execute_sql(
                "INSERT INTO message_template (name, language, purpose, channel, subject, "
                "body, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (name, language) DO UPDATE SET purpose = excluded.purpose, "
                "channel = excluded.channel, subject = excluded.subject, body = excluded.body, "
                "updated_at = excluded.updated_at, updated_by = excluded.updated_by",
                (name, t.language, t.purpose, t.channel, t.subject.strip(), t.body, now,
                 audit.actor()))
            tid = int(db.execute_sql("SELECT id FROM message_template WHERE name = ? AND "
                                     "language = ?", (name, t.language)).fetchone()[0])
        db.execute_sql("UPDATE message_template SET purpose = ?, channel = ? WHERE name = ?",
                       (t.purpose, t.channel, name))
        audit.record("change", (None,), f"message template “{name}” ({t.language}) saved")
    compiled.cache_clear()
    return tid


def delete(name: str, language: str | None = None) -> int:
    """Remove a template (or one of its versions); returns how many versions went."""
    access.require("templates")
    with db.atomic():
        if language is None:
            cur = db.execute_sql("DELETE FROM message_template WHERE name = ?", (name,))
        else:
            cur = db.execute_sql("DELETE FROM message_template WHERE name = ? AND language = ?",
                                 (name, language))
        count = int(cur.rowcount)
        if count:
            audit.record("change", (None,), f"message template “{name}” deleted")
    return count


def to_json(t: TemplateText) -> dict[str, object]:
    return {"name": t.name, "language": t.language, "purpose": t.purpose,
            "channel": t.channel, "subject": t.subject, "body": t.body,
            "fields": sorted(t.fields), "updated_at": t.updated_at,
            "updated_by": t.updated_by}


def long_day(day: dt.date, language: str) -> str:
    """Friday 4 December 2026 / viernes 4 de diciembre de 2026."""
    from crmdesk.services import locale_text

    names = {"en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                    "Sunday"],
             "es": ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"]}
    weekday = names["es" if language == "es" else "en"][day.weekday()]
    return f"{weekday} {locale_text.long_date(day, language)}"
