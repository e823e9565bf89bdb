"""Writing to clients: a template filled in for one person, writing hints, consent, the
file it becomes (.eml, .pdf, .txt) and the outbound interaction that records it.

Every rule of messages lives here, whoever calls (window, CLI, a batch in a worker):

* a person may write only to clients they may see, and only with the merge fields they may
  see: a field above their level is refused, never left blank;
* a client without consent to the channel, whose preferred channel is another, or who has
  no address for it is left out of a batch with the reason (one message shows a warning);
* every message prepared is logged as an outbound interaction (subject, the text, the
  template) with an audit entry, in the same transaction as its file becomes visible.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path

from crmdesk.services import access, audit, greeting, interactions, locale_text, texts
from crmdesk.services import business as business_settings
from crmdesk.services import message_delivery as delivery
from crmdesk.services import message_templates as templates
from crmdesk.services.customers import CustomerData, PostalAddress
from crmdesk.services.interactions import FollowUpData, InteractionData
from crmdesk.services.texts import QT_TRANSLATE_NOOP, translate
from crmdesk.store.db import db
from crmdesk.store.models import utcnow

Progress = Callable[[int, int], bool]
INTERACTION_CHANNEL = {"email": "email", "letter": "letter", "sms": "chat"}
CONSENT_FOR = {"email": "email", "letter": "post", "sms": "sms"}
PREFERRED = {"email": "email", "letter": "letter", "sms": "sms"}
EXTENSION = {"email": ".eml", "letter": ".pdf", "sms": ".txt"}
CHANNEL_OF_EXTENSION = {v: k for k, v in EXTENSION.items()}
_LOYALTY = {"tier", "points", "has_points", "points_expiring", "points_expiring_date"}


class MessageError(ValueError):
    """A message that cannot be made (no such customer, an empty text…): one plain line."""


@dataclass
class Shared:
    """What every message of a batch shares: read once."""

    business: business_settings.Business
    sender: str
    now: dt.datetime
    programme: object | None = None
    logo: bytes | None = None
    smtp: delivery.SmtpConfig | None = None

    @property
    def mail(self) -> delivery.SmtpConfig:
        if self.smtp is None:
            self.smtp = delivery.smtp_config()
        return self.smtp

    @classmethod
    def load(cls, now: dt.datetime | None = None) -> Shared:
        me = access.current()
        actor = audit.actor()
        sender = me.name or ("" if actor.endswith("(computer login)") else actor)
        return cls(business_settings.load(), sender, now or utcnow())


@dataclass
class Recipient:
    customer_id: int
    data: CustomerData  # what the message may use of the person (contact fields + more)
    email: str
    phone: str
    consents: set[str]
    archived: bool
    owner_name: str
    level: access.Level
    contact: CustomerData | None = None  # an organisation's contact person (greeting.addressee)

    @property
    def name(self) -> str:
        return self.data.display_name


@dataclass
class Draft:
    customer_id: int
    template: str
    channel: str
    language: str
    subject: str
    body: str
    to_name: str
    to_address: str  # e-mail address, or phone for SMS
    address_lines: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    formal: bool = True
    html: str | None = None  # the autoescaped HTML rendering of the body (e-mail)

    @property
    def length(self) -> delivery.SmsLength:
        return delivery.sms_length(self.body)


@dataclass
class Delivered:
    customer_id: int
    file: Path | None
    interaction_id: int
    follow_up_id: int | None = None


# --- who the message goes to -------------------------------------------------------------
def recipient(cid: int) -> Recipient:
    row = db.execute_sql(
        "SELECT c.given_name, c.family_name, c.preferred_name, c.salutation, c.address_form, "
        "c.language, c.company, c.occupation, c.segment, c.birthday, c.preferred_channel, "
        "c.archived_at, coalesce(s.name, ''), c.relationship_type, c.kind "
        "FROM customer c LEFT JOIN staff s ON s.id = c.owner_id WHERE c.id = ?",
        (cid,)).fetchone()
    if row is None:
        raise LookupError(translate(
            "messaging", "There is no customer {cid} in this book.").format(cid=cid))
    level = access.level(cid)
    full = level >= access.Level.STANDARD
    email = db.execute_sql("SELECT address FROM customer_email WHERE customer_id = ? "
                           "ORDER BY position LIMIT 1", (cid,)).fetchone()
    phones = db.execute_sql("SELECT label, e164 FROM customer_phone WHERE customer_id = ? "
                            "ORDER BY position", (cid,)).fetchall()
    mobile = next((p for _label, p in phones if _label == "mobile"),
                  phones[0][1] if phones else "")
    addresses = [PostalAddress(*a) for a in db.execute_sql(
        "SELECT label, street, city, region, postcode, country FROM customer_address "
        "WHERE customer_id = ? ORDER BY position", (cid,))] if full else []
    consents = {r[0] for r in db.execute_sql(
        "SELECT channel FROM customer_consent WHERE customer_id = ?", (cid,))}
    data = CustomerData(
        given_name=row[0], family_name=row[1], preferred_name=row[2], salutation=row[3],
        address_form=row[4], language="es" if row[5] == "es" else "en",
        company=row[6] if full else "", occupation=row[7] if full else "",
        segment=row[8] if full else "",
        birthday=dt.date.fromisoformat(row[9]) if row[9] and full else None,
        preferred_channel=row[10], owner=row[12], relationship_type=row[13],
        addresses=addresses, id=cid, kind=row[14] or "person")
    return Recipient(cid, data, email[0] if email else "", mobile, consents,
                     row[11] is not None, row[12], level, greeting.addressee(data))


def greeting_line(data: CustomerData, contact: CustomerData | None = None) -> str:
    """The greeting with the punctuation of the language: 'Dear Mrs Peña,' 'Estimada Sra.
    Peña:' 'Hola Lola,' (an organisation: its contact person's, greeting.addressee)."""
    text = greeting.greeting(data, contact)
    formal_spanish = data.language == "es" and text.startswith("Estimad")
    return text + (":" if formal_spanish else ",")


def _loyalty(cid: int, language: str, shared: Shared, names: set[str]) -> dict[str, object]:
    from crmdesk.services import loyalty_ledger
    from crmdesk.services.loyalty_programme import Programme, programme, tier_for

    if shared.programme is None:
        shared.programme = programme()
    prog = shared.programme
    assert isinstance(prog, Programme)
    balance = loyalty_ledger.balance(cid)
    out: dict[str, object] = {"points": locale_text.integer(balance, language),
                              "has_points": balance > 0}
    if "tier" in names:
        status = tier_for(loyalty_ledger.qualifying_points(cid, shared.now, prog), prog)
        out["tier"] = status.tier
    if names & {"points_expiring", "points_expiring_date"}:
        soon, first = loyalty_ledger.expiring(cid, shared.now, prog)
        out["points_expiring"] = locale_text.integer(soon, language) if soon else ""
        out["points_expiring_date"] = locale_text.long_date(first, language) if first else ""
    return out


def context(r: Recipient, names: set[str], shared: Shared) -> dict[str, object]:
    """The merge fields `names` for recipient `r` (only those the template uses)."""
    d, lang = r.data, r.data.language
    today = shared.now.astimezone().date()
    owner_or_me = shared.sender or r.owner_name
    ctx: dict[str, object] = {
        "greeting": greeting.greeting(d, r.contact),
        "greeting_line": greeting_line(d, r.contact),
        "first_name": greeting.first_name(d, r.contact), "preferred_name": d.preferred_name,
        "given_name": d.given_name, "family_name": d.family_name,
        "full_name": " ".join(p for p in (d.given_name, d.family_name) if p),
        "salutation": d.salutation, "formal": d.address_form != "informal",
        "informal": d.address_form == "informal", "language": lang,
        "today": locale_text.long_date(today, lang), "owner_name": r.owner_name,
        "sender": shared.sender, "business_name": shared.business.name,
        "signature": "\n".join(p for p in (owner_or_me, shared.business.name) if p),
        "email": r.email, "company": d.company, "occupation": d.occupation,
        "segment": d.segment,
        "birthday": (f"{d.birthday.day} {locale_text.month_name(d.birthday.month, lang)}"
                     if d.birthday else ""),
    }
    if names & _LOYALTY:
        ctx.update(_loyalty(r.customer_id, lang, shared, names))
    if "next_appointment" in names:
        row = db.execute_sql("SELECT min(due_at) FROM follow_up WHERE customer_id = ? AND "
                             "status = 'open' AND due_at >= ?",
                             (r.customer_id, shared.now.strftime("%Y-%m-%dT%H:%M:%SZ"))
                             ).fetchone()
        when = (dt.datetime.fromisoformat(row[0].replace("Z", "+00:00")).astimezone().date()
                if row and row[0] else None)
        ctx["next_appointment"] = templates.long_day(when, lang) if when else ""
    if "open_promise" in names:
        row = db.execute_sql("SELECT what FROM follow_up WHERE customer_id = ? AND "
                             "status = 'open' AND is_promise ORDER BY due_at LIMIT 1",
                             (r.customer_id,)).fetchone()
        what = row[0] if row else ""
        ctx["open_promise"] = what[:1].lower() + what[1:] if what else ""
    return ctx


def refuse_hidden_fields(r: Recipient, names: Iterable[str]) -> None:
    """A merge field the person may not see for this client is refused (not blank)."""
    hidden = sorted(n for n in names if n in templates.FIELD_BY_NAME
                    and templates.FIELD_BY_NAME[n].level > r.level)
    if hidden:
        me = access.current()
        fields = ", ".join(f"“{n}”" for n in hidden)
        text = translate(
            "messaging", "{me} may not use {fields} in a message to {name}: only their "
            "executive and managers may see it. Choose another template.") if me.name else \
            translate("messaging", "You may not use {fields} in a message to {name}: only their "
                      "executive and managers may see it. Choose another template.")
        raise access.AccessDenied(text.format(me=me.name, fields=fields, name=r.name))


def _language_name(code: str) -> str:
    """English / Spanish as a sentence writes it (Spanish: "inglés", lower-case)."""
    name = texts.vocabulary(templates.LANGUAGES.get(code, code))
    return name.lower() if texts.language() == "es" else name


# --- consent and the channel ---------------------------------------------------------------
def channel_problem(r: Recipient, channel: str) -> str | None:
    """Why this client should not get a message on `channel` (None: fine)."""
    if r.archived:
        return translate("messaging", "is in the Trash")
    if channel == "email" and not r.email:
        return translate("messaging", "has no e-mail address")
    if channel == "sms" and not r.phone:
        return translate("messaging", "has no phone number")
    if channel == "letter" and r.level >= access.Level.STANDARD and not r.data.addresses:
        return translate("messaging", "has no postal address")
    if CONSENT_FOR[channel] not in r.consents:
        return translate("messaging", {
            "email": QT_TRANSLATE_NOOP("messaging", "did not consent to e-mail"),
            "post": QT_TRANSLATE_NOOP("messaging", "did not consent to post"),
            "sms": QT_TRANSLATE_NOOP("messaging", "did not consent to SMS / messaging"),
        }[CONSENT_FOR[channel]])
    preferred = r.data.preferred_channel
    if preferred and preferred != PREFERRED[channel] and preferred in PREFERRED.values():
        return translate("messaging", {
            "email": QT_TRANSLATE_NOOP("messaging", "prefers e-mail"),
            "letter": QT_TRANSLATE_NOOP("messaging", "prefers letters"),
            "sms": QT_TRANSLATE_NOOP("messaging", "prefers SMS / messaging"),
        }[preferred])
    return None


def default_channel(r: Recipient, template_channel: str) -> str:
    return r.data.preferred_channel if r.data.preferred_channel in PREFERRED.values() \
        else template_channel


# --- rendering ------------------------------------------------------------------------------
def render(t: templates.TemplateText, r: Recipient, channel: str, shared: Shared,
           html: bool = False) -> Draft:
    access.require("message")
    problems = templates.problems_of(t.subject, t.body)
    if problems:
        raise MessageError(translate(
            "messaging", "Template “{name}” ({language}) cannot be used: {problems}").format(
            name=t.name, language=t.language, problems=problems[0]))
    names = t.fields
    refuse_hidden_fields(r, names)
    ctx = context(r, names, shared)
    try:
        subject = " ".join(templates.compiled(t.subject).render(ctx).split()) \
            if channel != "sms" else ""
        body = templates.compiled(t.body).render(ctx).strip()
        body_html = templates.compiled(t.body, html=True).render(ctx).strip() \
            if html and channel == "email" else None
    except Exception as exc:  # noqa: BLE001 - a stored template that no longer renders
        raise MessageError(translate(
            "messaging", "Template “{name}” ({language}) cannot be used: {exc}").format(
            name=t.name, language=t.language, exc=exc)
                           ) from exc
    from crmdesk.reports.statement_data import address_block

    return Draft(
        customer_id=r.customer_id, template=t.name, channel=channel, language=t.language,
        subject=subject, body=body, to_name=r.name,
        to_address=r.email if channel == "email" else r.phone if channel == "sms" else "",
        address_lines=address_block(r.data, r.contact) if channel == "letter" else [],
        formal=r.data.address_form != "informal", html=body_html)


def compose(cid: int, template_name: str, channel: str | None = None,
            language: str | None = None, shared: Shared | None = None) -> Draft:
    """The message `template_name` for customer `cid`, in their language (or `language`)
    on `channel` (default: their preferred channel when it is one of the three, else the
    template's). Warnings say what the person writing should know (no consent…)."""
    access.require("message")
    r = recipient(cid)
    if r.archived:
        raise MessageError(translate(
            "messaging", "{name} is in the Trash: restore them to write to them.").format(
            name=r.name))
    t = templates.find(template_name, language or r.data.language)
    if language and t.language != language:
        wanted = templates.LANGUAGES.get(language, language)
        raise MessageError(translate(
            "messaging", "Template “{name}” has no {wanted} version.").format(
            name=t.name, wanted=wanted))
    channel = channel or default_channel(r, t.channel)
    if channel not in templates.CHANNELS:
        raise MessageError(translate(
            "messaging", "Unknown channel “{channel}” (email, letter or sms).").format(
            channel=channel))
    draft = render(t, r, channel, shared or Shared.load(), html=True)
    problem = channel_problem(r, channel)
    if problem:
        draft.warnings.append(translate("messaging", "{name} {problem}.").format(
            name=r.name, problem=problem))
    if t.language != r.data.language:
        draft.warnings.append(translate(
            "messaging", "{name} reads {language}; this is the {version} version.").format(
            name=r.name, language=_language_name(r.data.language),
            version=_language_name(t.language)))
    return draft


def rerender_html(draft: Draft) -> None:
    """The HTML part follows a body edited by hand (escaped: the edit is text)."""
    draft.html = delivery.escape_html(draft.body)


# --- writing hints --------------------------------------------------------------------------
@dataclass
class Hint:
    kind: str  # "we", "greeting" or "promise"
    message: str
    line: int | None = None
    text: str = ""  # for a promise: the sentence, to become a follow-up


_I_WILL = {
    "en": re.compile(r"\b(I will|I'll|I am going to|I'm going to|I shall)\b", re.IGNORECASE),
    "es": re.compile(r"\b(voy a|(?:enviar|llamar|mandar|preparar|revisar|confirmar|buscar|"
                     r"hablar|escribir|pasar|gestionar|ocupar)(?:é|te\s+)|le\s+\w+(?:aré|eré|"
                     r"iré)|te\s+\w+(?:aré|eré|iré)|\w+(?:aré|eré|iré))\b", re.IGNORECASE),
}
_PROMISE = {
    "en": re.compile(r"\b(?:we|I)(?:'ll| will| shall| are going to| am going to)\s+"
                     r"(?:send|call|get back|forward|prepare|share|confirm|arrange|check|"
                     r"review|follow up|contact|let you know|email|e-mail|write|bring|"
                     r"book|deliver|visit)\b[^.!?\n]*", re.IGNORECASE),
    "es": re.compile(r"\b(?:(?:le|te|les|os|se|lo|la)\s+)?\w+(?:aremos|eremos|iremos|aré|eré|"
                     r"iré)\b[^.!?\n]*", re.IGNORECASE),
}
_INFORMAL_OPENING = re.compile(r"^\s*(hi|hello|hey|hola|querid[oa]s?|buenas)\b", re.IGNORECASE)
_FORMAL_OPENING = re.compile(r"^\s*(dear\s+(mr|mrs|ms|mx|dr|prof|miss)\b|estimad[oa]\s+"
                             r"(sr|sra|srta|dr|dra|d\.|dña)\b)", re.IGNORECASE)
_NOT_FUTURE = {"pare", "compare", "declare", "prepare", "care", "share", "aware", "rare"}


def hints(text: str, language: str, formal: bool | None) -> list[Hint]:
    """Advice for a message as the client will read it (never blocks anything)."""
    lang = "es" if language == "es" else "en"
    out: list[Hint] = []
    for number, line in enumerate(text.splitlines(), 1):
        match = _I_WILL[lang].search(line)
        if match and match.group(0).casefold() not in _NOT_FUTURE:
            out.append(Hint("we", f"“{match.group(0)}…”: “we” tells the client the whole "
                            "team stands behind it." if lang == "en" else
                            f"“{match.group(0)}…”: en plural (“nosotros”) el cliente sabe "
                            "que todo el equipo responde.", number))
    first = next(((n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()),
                 None)
    if first is not None and formal is not None:
        n, line = first
        if formal and _INFORMAL_OPENING.search(line):
            out.append(Hint("greeting", "This client is addressed formally: start with "
                            "{{ greeting_line }} (“Dear Mrs Peña,”).", n))
        elif not formal and _FORMAL_OPENING.search(line):
            out.append(Hint("greeting", "This client is addressed informally: start with "
                            "{{ greeting_line }} (“Hi Lola,”).", n))
    for number, line in enumerate(text.splitlines(), 1):
        for match in _PROMISE[lang].finditer(line):
            sentence = match.group(0).strip(" ,;:")
            word = sentence.split()[0].casefold() if sentence else ""
            if not sentence or word in _NOT_FUTURE:
                continue
            out.append(Hint("promise", f"“{_short(sentence)}” is a promise: add a follow-up "
                            "so that it is kept.", number, sentence))
    return out


def _short(text: str, size: int = 60) -> str:
    return text if len(text) <= size else text[:size - 1].rstrip() + "…"


def template_hints(t: templates.TemplateText) -> list[Hint]:
    """Hints on a template as written: a first line greeting by first name for everyone."""
    out = [h for h in hints(t.body, t.language, None) if h.kind != "promise"]
    first = next(((n, line) for n, line in enumerate(t.body.splitlines(), 1) if line.strip()),
                 None)
    if first and re.search(r"\b(first_name|preferred_name|given_name)\b", first[1]) \
            and "formal" not in first[1] and "greeting" not in first[1]:
        out.append(Hint("greeting", "The first line greets everyone by first name, clients "
                        "addressed formally too: use {{ greeting_line }}.", first[0]))
    return out


# --- files and the record -------------------------------------------------------------------
def email_of(draft: Draft, shared: Shared) -> Message:
    cfg = shared.mail
    return delivery.email_message(
        draft.subject, draft.body, draft.to_name, draft.to_address,
        from_name=cfg.from_name or shared.business.name, from_addr=cfg.from_address,
        body_html=draft.html)


def letter_data(draft: Draft, shared: Shared):  # type: ignore[no-untyped-def]
    from crmdesk.reports.letter_pdf import LetterData

    if shared.logo is None:
        biz = shared.business
        shared.logo = business_settings.printable_logo(
            biz.logo or business_settings.default_logo())
    return LetterData(draft.customer_id, draft.language, draft.to_name, draft.address_lines,
                      shared.business.name, shared.business.address_lines, shared.logo,
                      shared.now.astimezone().date(), draft.subject, draft.body)


def file_bytes(draft: Draft, shared: Shared) -> bytes:
    """The message as the file it is delivered in."""
    if draft.channel == "email":
        return delivery.eml_bytes(email_of(draft, shared))
    if draft.channel == "letter":
        import io

        from crmdesk.reports import letter_pdf

        buf = io.BytesIO()
        letter_pdf.render([letter_data(draft, shared)], buf)
        return buf.getvalue()
    return (draft.body + "\n").encode("utf-8")


def record(draft: Draft, file: Path | None, staff_id: int | None = None,
           follow_up: FollowUpData | None = None, how: str = "") -> tuple[int, int | None]:
    """Log the message as an outbound interaction (+ the follow-up it promises), which
    template made it, and an audit entry. Call inside the transaction of the delivery."""
    access.require_self_or_manager(staff_id)
    staff_id = staff_id if staff_id is not None else access.current().staff_id
    where = how or (file.name if file is not None else "")
    outcome = f"Template “{draft.template}” ({draft.language})" + (f", {where}" if where else "")
    note = draft.body if draft.channel != "email" or not draft.subject else draft.body
    iid, fid = interactions.log(InteractionData(
        customer_id=draft.customer_id, channel=INTERACTION_CHANNEL[draft.channel],
        direction="out", notes=note, staff_id=staff_id, subject=draft.subject[:200],
        outcome=outcome), follow_up)
    db.execute_sql("INSERT INTO message_log (interaction_id, template, language, channel, "
                   "file) VALUES (?, ?, ?, ?, ?)",
                   (iid, draft.template, draft.language, draft.channel,
                    str(file) if file is not None else how))
    kind = {"email": "e-mail", "letter": "letter", "sms": "SMS text"}[draft.channel]
    # (Not the file's name: it carries the client's name, and the trail is forever.)
    audit.record("print" if draft.channel == "letter" else "export", [draft.customer_id],
                 f"message “{draft.template}” as {kind}" + (f", {how}" if how else ""))
    return iid, fid


def record_many(drafts: list[Draft], files: list[Path], staff_id: int | None = None
                ) -> list[int]:
    """`record` for a batch: one transaction, the same entries (the interaction, which
    template made it, the audit of the export or print)."""
    access.require_self_or_manager(staff_id)
    staff_id = staff_id if staff_id is not None else access.current().staff_id
    items = [InteractionData(
        customer_id=d.customer_id, channel=INTERACTION_CHANNEL[d.channel], direction="out",
        notes=d.body, staff_id=staff_id, subject=d.subject[:200],
        outcome=f"Template “{d.template}” ({d.language}), {f.name}")
        for d, f in zip(drafts, files, strict=True)]
    with db.atomic():
        ids = interactions.log_many(items)
        db.connection().executemany(
            "INSERT INTO message_log (interaction_id, template, language, channel, file) "
            "VALUES (?, ?, ?, ?, ?)", [(iid, d.template, d.language, d.channel, str(f))
                                       for iid, d, f in zip(ids, drafts, files, strict=True)])
        kinds: dict[tuple[str, str], list[int]] = {}
        for d in drafts:
            kinds.setdefault((d.channel, d.template), []).append(d.customer_id)
        many = "one file for all" if len(set(files)) == 1 and len(files) > 1 else ""
        for (channel, template), cids in kinds.items():
            kind = {"email": "e-mail", "letter": "letter", "sms": "SMS text"}[channel]
            audit.record("print" if channel == "letter" else "export", cids,
                         f"message “{template}” as {kind}" + (f", {many}" if many else ""))
    return ids


def _write_part(target: Path, payload: bytes) -> Path:
    """`payload` in a temporary file beside `target`, readable by its owner only from the
    start; the caller renames it into place once the message is recorded."""
    part = target.with_name(f".{target.name}.part")
    fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        view = memoryview(payload)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)
    return part


def _private(part: Path) -> None:
    """The file exists, readable by its owner only, before any client data goes in."""
    part.touch(mode=0o600)
    part.chmod(0o600)


def refuse_special(target: Path) -> None:
    """Messages are written to regular files only: a device, pipe or socket of that name is
    refused (renaming a file over /dev/null would replace the device)."""
    import stat

    try:
        mode = target.lstat().st_mode
    except FileNotFoundError:
        return
    if not (stat.S_ISREG(mode) or stat.S_ISLNK(mode)):
        raise MessageError(translate(
            "messaging", "{target} is not a regular file: nothing was written.").format(
            target=target))


def _check_draft(draft: Draft) -> None:
    if not draft.body.strip():
        raise MessageError(translate("messaging", "The message has no text: nothing was written."))


def deliver(draft: Draft, out: Path, shared: Shared | None = None,
            staff_id: int | None = None, follow_up: FollowUpData | None = None) -> Delivered:
    """Write the message to `out` (private to the user) and log it, all or nothing."""
    from crmdesk.services.exporting import atomic_file

    access.require("message")
    _check_draft(draft)
    refuse_special(out)
    shared = shared or Shared.load()
    payload = file_bytes(draft, shared)
    with atomic_file(out, mode=0o600) as part:
        _private(part)
        part.write_bytes(payload)
        with db.atomic():
            iid, fid = record(draft, out, staff_id, follow_up)
    return Delivered(draft.customer_id, out, iid, fid)


def deliver_without_file(draft: Draft, how: str, staff_id: int | None = None,
                         follow_up: FollowUpData | None = None) -> Delivered:
    """Log a message handed over another way (copied as text, mailto:, sent by SMTP)."""
    access.require("message")
    _check_draft(draft)
    with db.atomic():
        iid, fid = record(draft, None, staff_id, follow_up, how=how)
    return Delivered(draft.customer_id, None, iid, fid)


def send(draft: Draft, shared: Shared | None = None, staff_id: int | None = None,
         follow_up: FollowUpData | None = None, password: str | None = None) -> Delivered:
    """Send an e-mail through the configured SMTP server, then log it. A failure raises
    SendFailed saying why; nothing is logged, the draft stays as it was."""
    if draft.channel != "email" or not draft.to_address:
        raise MessageError(translate(
            "messaging", "Only an e-mail with an address can be sent by the mail server."))
    access.require("message")
    _check_draft(draft)
    shared = shared or Shared.load()
    cfg = delivery.smtp_config()
    delivery.smtp_send(email_of(draft, shared), cfg, password)
    return deliver_without_file(draft, f"sent by {cfg.host}", staff_id, follow_up)


# --- many clients ---------------------------------------------------------------------------
@dataclass
class Excluded:
    customer_id: int
    name: str
    reason: str


@dataclass
class BulkPlan:
    template: str
    channel: str
    included: list[int]
    excluded: list[Excluded]


def plan_many(ids: list[int], template_name: str, channel: str | None = None) -> BulkPlan:
    """Who gets the message and who is left out (with the reason)."""
    access.require("message")
    t = templates.find(template_name, "en")
    channel = channel or t.channel
    if channel not in templates.CHANNELS:
        raise MessageError(translate(
            "messaging", "Unknown channel “{channel}” (email, letter or sms).").format(
            channel=channel))
    names = t.fields
    included: list[int] = []
    excluded: list[Excluded] = []
    found = _recipients_light(ids)
    for cid in ids:
        r = found.get(cid)
        if r is None:
            continue
        hidden = [n for n in names if n in templates.FIELD_BY_NAME
                  and templates.FIELD_BY_NAME[n].level > r.level]
        problem = channel_problem(r, channel)
        if hidden:
            problem = translate("messaging", "uses {fields}, which you may not see for them")\
                .format(fields=", ".join(sorted(hidden)))
        if problem:
            excluded.append(Excluded(cid, r.name, problem))
        else:
            included.append(cid)
    return BulkPlan(t.name, channel, included, excluded)


def _recipients_light(ids: list[int]) -> dict[int, Recipient]:
    """What the consent and channel rules need of many clients, a few queries per 500
    (100,000 clients are checked in about a second, not one query set each)."""
    out: dict[int, Recipient] = {}
    levels = access.levels(ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))

        def having(table: str, chunk: list[int] = chunk, marks: str = marks) -> set[int]:
            return {r[0] for r in db.execute_sql(
                f"SELECT DISTINCT customer_id FROM {table} WHERE customer_id IN ({marks})",
                chunk)}

        emails, phones, addresses = (having("customer_email"), having("customer_phone"),
                                     having("customer_address"))
        consents: dict[int, set[str]] = {}
        for cid, channel in db.execute_sql(
                f"SELECT customer_id, channel FROM customer_consent WHERE customer_id IN "
                f"({marks})", chunk):
            consents.setdefault(cid, set()).add(channel)
        for cid, given, family, preferred, archived in db.execute_sql(
                f"SELECT id, given_name, family_name, preferred_channel, archived_at FROM "
                f"customer WHERE id IN ({marks})", chunk):
            data = CustomerData(given_name=given, family_name=family,
                                preferred_channel=preferred, id=cid,
                                addresses=[PostalAddress()] if cid in addresses else [])
            out[cid] = Recipient(cid, data, "@" if cid in emails else "",
                                 "+" if cid in phones else "", consents.get(cid, set()),
                                 archived is not None, "", levels.get(cid, access.Level.FULL))
    return out


def file_name(draft: Draft) -> str:
    from crmdesk.reports.statement_batch import safe_stem

    stem = str(safe_stem(f"{draft.to_name} {draft.customer_id:06d} {draft.template}"))
    return stem + EXTENSION[draft.channel]


@dataclass
class BulkResult:
    written: list[Path]
    delivered: list[Delivered]
    cancelled: bool = False


CHUNK = 200  # messages logged per transaction in a batch


def write_many(ids: list[int], template_name: str, channel: str, out: Path,
               combined: bool = False, progress: Progress | None = None,
               staff_id: int | None = None, shared: Shared | None = None) -> BulkResult:
    """One file per client into folder `out` (kept when cancelled, each logged), or one
    combined file (a PDF of every letter, an mbox of every e-mail, a text file of every SMS)
    that is written - and logged - only once complete."""
    from crmdesk.services.exporting import atomic_file

    access.require("message")
    shared = shared or Shared.load()
    versions = templates.versions(template_name)
    if not versions:
        templates.find(template_name, "en")  # raises, naming the templates there are
    result = BulkResult([], [])

    def draft_for(cid: int) -> Draft:
        r = recipient(cid)
        t = versions.get(r.data.language) or versions.get("en") or next(iter(versions.values()))
        draft = render(t, r, channel, shared, html=channel == "email")
        _check_draft(draft)
        return draft

    if not combined:
        out.mkdir(parents=True, exist_ok=True, mode=0o700)  # its file names name clients
        n = 0
        for start in range(0, len(ids), CHUNK):
            batch: list[tuple[Draft, Path, Path]] = []
            try:
                for cid in ids[start:start + CHUNK]:
                    draft = draft_for(cid)
                    target = out / file_name(draft)
                    refuse_special(target)
                    batch.append((draft, target, _write_part(target, file_bytes(draft,
                                                                               shared))))
                    n += 1
                    if progress is not None and not progress(n, len(ids)):
                        result.cancelled = True
                        break
                iids = record_many([b[0] for b in batch], [b[1] for b in batch], staff_id)
                for (draft, target, part), iid in zip(batch, iids, strict=True):
                    os.replace(part, target)
                    result.written.append(target)
                    result.delivered.append(Delivered(draft.customer_id, target, iid))
            finally:
                for _draft, _target, part in batch:
                    part.unlink(missing_ok=True)
            if result.cancelled:
                break
        return result

    refuse_special(out)
    drafts: list[Draft] = []
    for n, cid in enumerate(ids, 1):
        drafts.append(draft_for(cid))
        if progress is not None and not progress(n, len(ids) + 1):
            return BulkResult([], [], cancelled=True)
    with atomic_file(out, mode=0o600) as part:
        _private(part)
        if channel == "letter":
            from crmdesk.reports import letter_pdf

            letter_pdf.render([letter_data(d, shared) for d in drafts], part)
        elif channel == "email":
            delivery.mbox_write([email_of(d, shared) for d in drafts], part)
        else:
            part.write_text("".join(f"{d.to_name} {d.to_address}\n{d.body}\n\n"
                                    for d in drafts), encoding="utf-8")
        iids = record_many(drafts, [out] * len(drafts), staff_id)
        result.delivered += [Delivered(d.customer_id, out, iid)
                             for d, iid in zip(drafts, iids, strict=True)]
    result.written.append(out)
    if progress is not None:
        progress(len(ids) + 1, len(ids) + 1)
    return result


def logged_template(interaction_id: int) -> str | None:
    row = db.execute_sql("SELECT template FROM message_log WHERE interaction_id = ?",
                         (interaction_id,)).fetchone()
    return str(row[0]) if row else None

