"""Getting a message out: an RFC 5322 draft (.eml) or an mbox of them, a mailto: link, an
SMS text with its length, and SMTP for those who configured a server.

E-mails are built with the standard library's `email` package: headers with non-ASCII
text are RFC 2047 encoded, the body is UTF-8 quoted-printable, lines end in CRLF, so any
mail program reads ``Peña`` as written."""

from __future__ import annotations

import html
import mailbox
import smtplib
import ssl
import urllib.parse
import uuid
from dataclasses import dataclass
from email import policy
from email.charset import QP, Charset
from email.header import Header
from email.headerregistry import Address
from email.message import Message
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import format_datetime, formataddr, make_msgid
from pathlib import Path

from crmdesk.services import settings
from crmdesk.services.texts import translate
from crmdesk.store.models import utcnow

GSM7 = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    "ÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà")
GSM7_EXT = set("^{}\\[~]|€")


@dataclass
class SmsLength:
    characters: int
    segments: int
    encoding: str  # "GSM-7" or "UCS-2"

    def describe(self) -> str:
        parts = "1 message" if self.segments == 1 else f"{self.segments} messages"
        return f"{self.characters} characters · {parts} ({self.encoding})"


def sms_length(text: str) -> SmsLength:
    """Characters and SMS segments: 160/153 per part in GSM-7, 70/67 once any character
    needs Unicode (UCS-2; an accent like á does)."""
    if all(ch in GSM7 or ch in GSM7_EXT for ch in text):
        units = sum(2 if ch in GSM7_EXT else 1 for ch in text)
        single, multi, encoding = 160, 153, "GSM-7"
    else:
        units = sum(2 if ord(ch) > 0xFFFF else 1 for ch in text)
        single, multi, encoding = 70, 67, "UCS-2"
    segments = 1 if units <= single else -(-units // multi)
    return SmsLength(len(text), segments if text else 0, encoding)


def _address(name: str, addr: str) -> Address:
    if "@" not in addr:
        raise ValueError(translate(
            "message_delivery", "“{addr}” is not an e-mail address.").format(addr=addr))
    user, domain = addr.rsplit("@", 1)
    return Address(display_name=" ".join(name.split()), username=user, domain=domain)


def html_body(text_html: str) -> str:
    """An HTML body from text already escaped (autoescaped render): paragraphs kept."""
    paragraphs = [p.replace("\n", "<br>\n") for p in text_html.split("\n\n")]
    inner = "\n".join(f"<p>{p}</p>" for p in paragraphs if p.strip())
    return ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head>"
            f"<body style=\"font-family: sans-serif; line-height: 1.4\">\n{inner}\n"
            "</body></html>\n")


def _header(text: str) -> str | Header:
    text = " ".join(text.split())
    return text if text.isascii() else Header(text, "utf-8")


def _mailbox(name: str, addr: str) -> str:
    _address(name, addr)  # refuses what is not an address
    return formataddr((" ".join(name.split()), addr), charset="utf-8")


def email_message(subject: str, body: str, to_name: str, to_addr: str,
                  from_name: str = "", from_addr: str = "", body_html: str | None = None,
                  draft: bool = True) -> Message:
    """One e-mail: plain text (and an HTML alternative when given), UTF-8 quoted-printable,
    RFC 2047 headers. `draft` marks it unsent so that a mail program opens it for editing.

    Built with the email package's MIME classes (4× faster than EmailMessage with the
    modern policy for the same bytes on the wire)."""
    utf8 = Charset("utf-8")
    utf8.body_encoding = QP
    plain = MIMEText(body, "plain", utf8)  # type: ignore[arg-type]  # a Charset works
    msg: Message
    if body_html is not None:
        # A boundary of our own: the generator otherwise compiles a regular expression per
        # message to find one that the text does not contain.
        msg = MIMEMultipart("alternative", boundary=f"=_crmdesk_{uuid.uuid4().hex}")
        msg.attach(plain)
        msg.attach(MIMEText(html_body(body_html), "html", utf8))  # type: ignore[arg-type]
    else:
        msg = plain
    if from_addr:
        msg["From"] = _mailbox(from_name, from_addr)
    if to_addr:
        msg["To"] = _mailbox(to_name, to_addr)
    msg["Subject"] = _header(subject)  # type: ignore[assignment]  # a Header works
    msg["Date"] = format_datetime(utcnow())
    domain = from_addr.rsplit("@", 1)[-1] if "@" in from_addr else "crmdesk.invalid"
    msg["Message-ID"] = make_msgid(domain=domain)
    if draft:
        msg["X-Unsent"] = "1"  # Outlook and Thunderbird open it as a draft to send
    msg["X-Mailer"] = "crmdesk"
    return msg


_CRLF = policy.compat32.clone(linesep="\r\n")


def eml_bytes(msg: Message) -> bytes:
    return msg.as_bytes(policy=_CRLF)


def mbox_write(messages: list[Message], path: Path) -> None:
    """Many drafts in one mbox file (Thunderbird, Apple Mail and mutt import it)."""
    box = mailbox.mbox(str(path), create=True)
    try:
        box.lock()
        for msg in messages:
            box.add(mailbox.mboxMessage(msg))
        box.flush()
    finally:
        box.unlock()
        box.close()


def mailto(to_addr: str, subject: str, body: str) -> str:
    """A mailto: link that any mail program opens as a new message (RFC 6068)."""
    query = urllib.parse.urlencode({"subject": subject, "body": body.replace("\n", "\r\n")},
                                   quote_via=urllib.parse.quote)
    return f"mailto:{urllib.parse.quote(to_addr, safe='@')}?{query}"


# --- SMTP -----------------------------------------------------------------------------------
@dataclass
class SmtpConfig:
    host: str = ""
    port: int = 587
    security: str = "starttls"  # starttls, ssl or none
    username: str = ""
    from_address: str = ""
    from_name: str = ""

    @property
    def configured(self) -> bool:
        return bool(self.host and self.from_address)


KEYRING_SERVICE = "crmdesk-smtp"


def smtp_config() -> SmtpConfig:
    try:
        port = int(settings.get("smtp_port", "587") or 587)
    except ValueError:
        port = 587
    return SmtpConfig(settings.get("smtp_host"), port,
                      settings.get("smtp_security", "starttls") or "starttls",
                      settings.get("smtp_username"), settings.get("smtp_from_address"),
                      settings.get("smtp_from_name"))


def save_smtp_config(cfg: SmtpConfig, password: str | None = None) -> None:
    """The server in the book's settings; the password only in the OS keyring."""
    from crmdesk.services import access
    from crmdesk.services.validation import InvalidValue, normalise_email
    from crmdesk.store.db import db

    access.require("settings")
    if cfg.security not in ("starttls", "ssl", "none"):
        raise InvalidValue(translate("message_delivery", "Security is starttls, ssl or none."))
    if not 0 < cfg.port < 65536:
        raise InvalidValue(translate("message_delivery", "The port is a number from 1 to 65535."))
    sender = normalise_email(cfg.from_address) if cfg.from_address.strip() else ""
    with db.atomic():
        for key, value in (("smtp_host", cfg.host.strip()), ("smtp_port", str(cfg.port)),
                           ("smtp_security", cfg.security),
                           ("smtp_username", cfg.username.strip()),
                           ("smtp_from_address", sender),
                           ("smtp_from_name", " ".join(cfg.from_name.split()))):
            settings.put(key, value)
    if password:
        keyring = _keyring()
        if keyring is None:
            raise InvalidValue(translate(
                "message_delivery", "There is no keyring on this computer to keep the password "
                "in; crmdesk will ask for it when sending."))
        keyring.set_password(KEYRING_SERVICE, f"{cfg.username}@{cfg.host}", password)


def _keyring():  # type: ignore[no-untyped-def]
    """keyring, imported only when a message is sent (importing it costs ~450 ms)."""
    from crmdesk.services import keychain

    return keychain._keyring()


def smtp_password(cfg: SmtpConfig) -> str | None:
    keyring = _keyring()
    if keyring is None or not cfg.username:
        return None
    try:
        value = keyring.get_password(KEYRING_SERVICE, f"{cfg.username}@{cfg.host}")
    except Exception:  # noqa: BLE001 - a broken keyring means "no password kept"
        return None
    return str(value) if value is not None else None


class SendFailed(Exception):
    """The server refused or could not be reached; the message says why (it is kept)."""


def smtp_send(msg: Message, cfg: SmtpConfig, password: str | None = None,
              timeout: float = 20.0) -> None:
    if not cfg.configured:
        raise SendFailed(translate(
            "message_delivery", "No mail server is set up (Settings ▸ Mail Server…)."))
    if password is None and cfg.username:
        password = smtp_password(cfg)
    del msg["X-Unsent"]
    try:
        context = ssl.create_default_context()
        server: smtplib.SMTP
        if cfg.security == "ssl":
            server = smtplib.SMTP_SSL(cfg.host, cfg.port, timeout=timeout, context=context)
        else:
            server = smtplib.SMTP(cfg.host, cfg.port, timeout=timeout)
        with server:
            if cfg.security == "starttls":
                server.starttls(context=context)
            if cfg.username:
                if password is None:
                    raise SendFailed(translate(
                        "message_delivery", "The password for {username} on {host} is not kept "
                        "on this computer: enter it in Settings ▸ Mail "
                        "Server….").format(username=cfg.username, host=cfg.host))
                server.login(cfg.username, password)
            server.send_message(msg)
    except SendFailed:
        raise
    except smtplib.SMTPAuthenticationError as exc:
        raise SendFailed(translate(
            "message_delivery", "{host} refused the user name or password ({smtp_code}).").format(
            host=cfg.host, smtp_code=exc.smtp_code)
                         ) from exc
    except smtplib.SMTPRecipientsRefused as exc:
        raise SendFailed(translate(
            "message_delivery", "{host} refused the recipient {value}.").format(
            host=cfg.host, value=', '.join(exc.recipients))) from exc
    except smtplib.SMTPException as exc:
        raise SendFailed(translate(
            "message_delivery", "{host} did not take the message: {exc}").format(
            host=cfg.host, exc=exc)) from exc
    except ssl.SSLError as exc:
        raise SendFailed(translate(
            "message_delivery", "The secure connection to {host} failed: {reason}.").format(
            host=cfg.host, reason=exc.reason)) from exc
    except OSError as exc:
        raise SendFailed(translate(
            "message_delivery", "Cannot reach {host}:{port}: {value}.").format(
            host=cfg.host, port=cfg.port, value=exc.strerror or exc)) from exc


def escape_html(text: str) -> str:
    return html.escape(text, quote=True)
