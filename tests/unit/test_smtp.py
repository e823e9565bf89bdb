"""Sending by SMTP to a server on 127.0.0.1: delivered and logged, or refused with the reason
and nothing logged."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import socket
import socketserver
import threading
from collections.abc import Iterator

import pytest

from crmdesk.services import message_delivery as delivery
from crmdesk.services import messaging
from crmdesk.store.book import Book
from crmdesk.store.db import db
from tests.conftest import add


class _Smtp(socketserver.StreamRequestHandler):
    """Just enough of RFC 5321 for smtplib: EHLO, MAIL, RCPT, DATA, QUIT."""

    def handle(self) -> None:
        server: _Server = self.server  # type: ignore[assignment]
        self.wfile.write(b"220 test ESMTP\r\n")
        data = False
        lines: list[bytes] = []
        while True:
            line = self.rfile.readline()
            if not line:
                return
            if data:
                if line == b".\r\n":
                    server.received.append(b"".join(lines))
                    data = False
                    self.wfile.write(b"250 queued\r\n")
                else:
                    lines.append(line[1:] if line.startswith(b"..") else line)
                continue
            verb = line[:4].upper()
            if verb == b"EHLO":
                self.wfile.write(b"250 test\r\n")
            elif verb == b"RCPT" and server.refuse:
                self.wfile.write(b"550 no such user\r\n")
            elif verb in (b"MAIL", b"RCPT", b"RSET", b"NOOP"):
                self.wfile.write(b"250 ok\r\n")
            elif verb == b"DATA":
                data = True
                self.wfile.write(b"354 go\r\n")
            elif verb == b"QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            else:
                self.wfile.write(b"502 no\r\n")


class _Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True
    received: list[bytes]
    refuse = False


@pytest.fixture
def smtp_server() -> Iterator[_Server]:
    server = _Server(("127.0.0.1", 0), _Smtp)
    server.received = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(5)


def _configure(port: int) -> None:
    delivery.save_smtp_config(delivery.SmtpConfig("127.0.0.1", port, "none", "",
                                                  "office@example.com", "Banco Ejemplo"))


def _client() -> int:
    return add("Dolores", "Peña", salutation="Sra.", language="es",
               emails=("lola@example.es",), consents={"email": dt.date.today()})


def test_send_delivers_and_logs(book: Book, smtp_server: _Server) -> None:
    _configure(smtp_server.server_address[1])
    cid = _client()
    done = messaging.send(messaging.compose(cid, "Follow-up", "email"))
    assert len(smtp_server.received) == 1
    msg = email.message_from_bytes(smtp_server.received[0], policy=email.policy.default)
    assert msg["From"].addresses[0].addr_spec == "office@example.com"
    assert msg["To"].addresses[0].display_name == "Dolores Peña"
    assert msg["X-Unsent"] is None  # a sent message is no draft
    assert messaging.logged_template(done.interaction_id) == "Follow-up"
    row = db.execute_sql("SELECT file FROM message_log").fetchone()
    assert row == ("sent by 127.0.0.1",)


def test_a_refused_or_unreachable_server_says_why_and_logs_nothing(
        book: Book, smtp_server: _Server) -> None:
    cid = _client()
    draft = messaging.compose(cid, "Follow-up", "email")
    with pytest.raises(delivery.SendFailed, match="No mail server"):
        messaging.send(draft)
    smtp_server.refuse = True
    _configure(smtp_server.server_address[1])
    with pytest.raises(delivery.SendFailed, match="refused the recipient"):
        messaging.send(draft)
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        free = s.getsockname()[1]
    _configure(free)
    with pytest.raises(delivery.SendFailed, match=f"Cannot reach 127.0.0.1:{free}"):
        messaging.send(draft)
    assert db.execute_sql("SELECT count(*) FROM interaction").fetchone()[0] == 0
    assert draft.body.startswith("Estimada Sra. Peña:")  # the message is kept as it was


def test_the_password_never_goes_into_the_book(book: Book,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from crmdesk.services.validation import InvalidValue

    kept: dict[str, str] = {}

    class Ring:
        def set_password(self, service: str, account: str, password: str) -> None:
            kept[f"{service}/{account}"] = password

        def get_password(self, service: str, account: str) -> str | None:
            return kept.get(f"{service}/{account}")

    cfg = delivery.SmtpConfig("smtp.example.com", 587, "starttls", "me", "me@example.com")
    monkeypatch.setattr(delivery, "_keyring", lambda: None)
    with pytest.raises(InvalidValue, match="no keyring"):
        delivery.save_smtp_config(cfg, "s3cret-pass")
    monkeypatch.setattr(delivery, "_keyring", lambda: Ring())
    delivery.save_smtp_config(cfg, "s3cret-pass")
    assert kept == {"crmdesk-smtp/me@smtp.example.com": "s3cret-pass"}
    assert delivery.smtp_password(delivery.smtp_config()) == "s3cret-pass"
    stored = " ".join(str(r) for r in db.execute_sql("SELECT key, value FROM setting"))
    assert "s3cret-pass" not in stored and "smtp.example.com" in stored
