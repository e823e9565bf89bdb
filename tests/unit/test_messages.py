"""Messages from templates: greetings, the sandbox, hostile data, consent, the record kept."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import itertools
from email.header import decode_header, make_header
from pathlib import Path

import pytest

from crmdesk.services import access, catalog, greeting, messaging
from crmdesk.services import message_templates as templates
from crmdesk.services.customers import CustomerData, PostalAddress, ValidationFailed
from crmdesk.store import migrations
from crmdesk.store.book import Book, open_book
from crmdesk.store.db import close_database, db
from tests.conftest import add

HOSTILE = '<b>&"Peña"{{ 7*7 }}{% for x in y %}<script>alert(1)</script>=cmd|calc'
TODAY = dt.date.today()
ALL_CONSENTS = {"email": TODAY, "post": TODAY, "sms": TODAY}


def _lola(**extra: object) -> int:
    fields: dict[str, object] = dict(
        preferred="Lola", salutation="Sra.", language="es", emails=("lola@example.es",),
        phones=("+34 612 34 56 78",), consents=dict(ALL_CONSENTS),
        addresses=[PostalAddress("home", "Calle Mayor 1", "Madrid", "", "28001", "España")])
    fields.update(extra)
    preferred = str(fields.pop("preferred"))
    return add("Dolores", "Peña", region="ES", preferred_name=preferred, **fields)


# --- the greeting -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("salutation", "form", "language", "given", "family", "preferred"),
    list(itertools.product(catalog.SALUTATIONS, ["formal", "informal"], ["en", "es"],
                           ["Dolores", ""], ["Peña", ""], ["Lola", ""])))
def test_greeting_for_every_combination(salutation: str, form: str, language: str, given: str,
                                        family: str, preferred: str) -> None:
    data = CustomerData(given_name=given, family_name=family, preferred_name=preferred,
                        salutation=salutation, address_form=form, language=language)
    text = greeting.greeting(data)
    line = messaging.greeting_line(data)
    assert text and "None" not in text and "  " not in text and text == text.strip()
    assert line.startswith(text) and line[-1] in ",:"
    words = text.split()
    if not (given or family or preferred):
        return  # a customer always has a name; nothing more to promise here
    if form == "informal" or not (given or family):
        assert words[0] == ("Hola" if language == "es" else "Hi")
        assert words[-1] == (preferred or given or family)
        assert line.endswith(",")
        return
    surname = family or given
    assert words[-1] == surname
    if language == "es":
        assert words[0] in ("Estimado", "Estimada", "Estimado/a") and line.endswith(":")
        if salutation in ("Mrs", "Ms", "Sra.", "Srta.", "Dra."):
            assert words[0] == "Estimada"
        if salutation == "Mrs":
            assert "Sra." in words
    else:
        assert words[0] == "Dear" and line.endswith(",")
        if salutation:
            assert salutation in words
        else:
            assert text == "Dear " + " ".join(p for p in (given, family) if p)


def test_greetings_as_the_client_reads_them() -> None:
    def g(**kw: str) -> str:
        return messaging.greeting_line(CustomerData(**kw))  # type: ignore[arg-type]

    assert g(given_name="Dolores", family_name="Peña", salutation="Mrs") == "Dear Mrs Peña,"
    assert g(given_name="Dolores", family_name="Peña", preferred_name="Lola",
             address_form="informal") == "Hi Lola,"
    assert g(given_name="Dolores", family_name="Peña", salutation="Sra.",
             language="es") == "Estimada Sra. Peña:"
    assert g(given_name="Dolores", family_name="Peña", preferred_name="Lola",
             address_form="informal", language="es") == "Hola Lola,"


# --- the template engine ------------------------------------------------------------------
def test_unknown_fields_and_syntax_errors_come_with_their_line(book: Book) -> None:
    problems = templates.check("Hello {{ frist_name }}", "line one\n\n{% if formal %}\nno end")
    assert [(p.part, p.line) for p in problems] == [("subject", 1), ("body", 3)]
    assert "frist_name" in problems[0].message
    problems = templates.check("", "ok\n{{ greeting }}\n{{ greting }}")
    assert [(p.part, p.line) for p in problems] == [("body", 3)]
    assert templates.check("Hi {{ first_name }}", "{{ greeting_line }}\n\nText") == []


@pytest.mark.parametrize("source", [
    "{{ greeting.__class__.__mro__[1].__subclasses__() }}",
    "{{ greeting|attr('__class__') }}",
    "{{ ''.__class__.__base__ }}",
    "{{ greeting.format.__globals__ }}",
    "{{ cycler.__init__.__globals__.os }}",
    "{{ range(10) }}",
    "{{ self.__init__.__globals__ }}",
    "{{ 'x' * 999999999 }}",
    "{{ greeting * 99999999 }}",
    "{{ 9 ** 9 ** 9 }}",
    "{{ greeting|center(999999999) }}",
    "{{ '%999999999s'|format(greeting) }}",
    "{{ first_name|safe }}",
    "{{ greeting|attr('upper') }}",
    "{{ greeting.center(999999999) }}",
    "{% for a in greeting %}{% for b in greeting %}{{ a }}{% endfor %}{% endfor %}",
    "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}",
    "{% include 'x' %}",
    "{{ greeting[0] }}",
])
def test_a_template_cannot_reach_python_objects(book: Book, source: str) -> None:
    problems = templates.check("", f"x\n{source}")
    assert problems, source
    with pytest.raises(ValidationFailed):
        templates.save(templates.TemplateText("Evil", "en", "email", "x", source))


def test_hostile_client_data_prints_literally(book: Book, tmp_path: Path) -> None:
    cid = _lola(preferred=HOSTILE, company=HOSTILE, address_form="informal")
    t = templates.TemplateText("Hostile", "es", "email", "Para {{ first_name }}",
                               "{{ greeting_line }}\n{{ company }}\n{{ first_name }}")
    templates.save(t)
    draft = messaging.compose(cid, "Hostile", "email")
    assert draft.body == f"Hola {HOSTILE},\n{HOSTILE}\n{HOSTILE}"
    assert "49" not in draft.body and draft.subject == f"Para {HOSTILE}"
    assert draft.html is not None and "<script>" not in draft.html
    assert "&lt;script&gt;" in draft.html
    out = messaging.deliver(draft, tmp_path / "m.eml")
    parsed = email.message_from_bytes((tmp_path / "m.eml").read_bytes(),
                                      policy=email.policy.default)
    assert parsed["Subject"] == f"Para {HOSTILE}"
    plain = parsed.get_body(("plain",))
    assert plain is not None and HOSTILE in plain.get_content()
    html_part = parsed.get_body(("html",))
    assert html_part is not None and "<script>" not in html_part.get_content()
    assert out.interaction_id


def test_eml_parses_back_with_two_parsers(book: Book, tmp_path: Path) -> None:
    cid = _lola(salutation="Sra.")
    draft = messaging.compose(cid, "Follow-up", "email")
    messaging.deliver(draft, tmp_path / "m.eml")
    raw = (tmp_path / "m.eml").read_bytes()
    assert raw.isascii()  # every header encoded, the body quoted-printable
    assert (tmp_path / "m.eml").stat().st_mode & 0o077 == 0
    modern = email.message_from_bytes(raw, policy=email.policy.default)
    assert modern["To"].addresses[0].display_name == "Dolores Peña"
    assert modern["To"].addresses[0].addr_spec == "lola@example.es"
    assert modern["Subject"] == "Seguimiento de nuestra conversación"
    assert modern["Message-ID"] and modern["Date"] and modern["X-Unsent"] == "1"
    body = modern.get_body(("plain",))
    assert body is not None and body.get_content_charset() == "utf-8"
    assert body.get_content().replace("\r\n", "\n").startswith("Estimada Sra. Peña:\n\n")
    # The legacy parser (compat32) and RFC 2047 decoding by hand, as older mail programs do.
    legacy = email.message_from_bytes(raw)
    assert str(make_header(decode_header(legacy["To"]))) == "Dolores Peña <lola@example.es>"
    assert str(make_header(decode_header(legacy["Subject"]))) == \
        "Seguimiento de nuestra conversación"
    plain = next(p for p in legacy.walk() if p.get_content_type() == "text/plain")
    assert plain.get_payload(decode=True).decode(plain.get_content_charset()).startswith(
        "Estimada Sra. Peña:")


def test_sms_text_and_its_length(book: Book, tmp_path: Path) -> None:
    cid = _lola(address_form="informal", language="en")
    draft = messaging.compose(cid, "Appointment", "sms")
    assert draft.body.startswith("Hi Lola, ") and draft.subject == ""
    assert draft.to_address == "+34612345678"
    assert draft.length.encoding == "GSM-7" and draft.length.segments == 1
    messaging.deliver(draft, tmp_path / "a.txt")
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == draft.body + "\n"
    from crmdesk.services.message_delivery import sms_length

    assert sms_length("a" * 160).segments == 1 and sms_length("a" * 161).segments == 2
    assert sms_length("Peña á").encoding == "UCS-2" and sms_length("ñ" * 70).segments == 1
    assert sms_length("á" * 71).segments == 2 and sms_length("€").characters == 1


def test_each_message_logs_one_outbound_interaction_with_its_template(
        book: Book, tmp_path: Path) -> None:
    cid = _lola()
    before = db.execute_sql("SELECT count(*) FROM interaction").fetchone()[0]
    done = messaging.deliver(messaging.compose(cid, "Thank you", "letter"), tmp_path / "l.pdf")
    rows = db.execute_sql("SELECT customer_id, channel, direction, subject, notes, outcome "
                          "FROM interaction WHERE id > 0").fetchall()
    assert len(rows) == before + 1
    cust, channel, direction, subject, notes, outcome = rows[-1]
    assert (cust, channel, direction, subject) == (cid, "letter", "out", "Gracias")
    assert notes.startswith("Estimada Sra. Peña:") and "Thank you" in outcome
    assert messaging.logged_template(done.interaction_id) == "Thank you"
    actions = [r[0] for r in db.execute_sql(
        "SELECT action FROM audit_entry WHERE customer_id = ? ORDER BY id", (cid,))]
    assert actions[-1] == "print"
    messaging.deliver(messaging.compose(cid, "Follow-up", "email"), tmp_path / "m.eml")
    assert db.execute_sql("SELECT action FROM audit_entry ORDER BY id DESC LIMIT 1"
                          ).fetchone()[0] == "export"


def test_a_failed_delivery_leaves_neither_file_nor_record(book: Book, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    cid = _lola()
    draft = messaging.compose(cid, "Follow-up", "email")
    before = db.execute_sql("SELECT count(*) FROM interaction").fetchone()[0]

    def boom(*_a: object, **_k: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(messaging.audit, "record", boom)
    with pytest.raises(RuntimeError):
        messaging.deliver(draft, tmp_path / "m.eml")
    assert list(tmp_path.iterdir()) == [] or not any(
        p.name.endswith(".eml") for p in tmp_path.iterdir())
    assert db.execute_sql("SELECT count(*) FROM interaction").fetchone()[0] == before


def test_conditional_parts_follow_the_client(book: Book) -> None:
    from crmdesk.services import loyalty_ledger

    formal = _lola(language="en", salutation="Mrs")
    informal = add("Tom", "Baker", preferred_name="Tommy", address_form="informal",
                   consents=dict(ALL_CONSENTS))
    loyalty_ledger.add_bonus(formal, 1_246, "Welcome")
    a = messaging.compose(formal, "Birthday", "email")
    b = messaging.compose(informal, "Birthday", "email")
    assert a.body.startswith("Dear Mrs Peña,") and "You have 1,246 points" in a.body
    assert b.body.startswith("Hi Tommy,") and "points" not in b.body
    assert "Warm wishes" in a.body


def test_writing_hints() -> None:
    kinds = [h.kind for h in messaging.hints("Hi Lola,\n\nI will send the papers.", "en", True)]
    assert kinds == ["we", "greeting", "promise"]
    promise = [h for h in messaging.hints("We will call you on Monday.", "en", None)
               if h.kind == "promise"]
    assert promise and promise[0].text == "We will call you on Monday"
    es = messaging.hints("Estimada Sra. Peña:\n\nTe llamaremos el lunes.", "es", False)
    assert [h.kind for h in es] == ["greeting", "promise"]
    assert messaging.hints("Dear Mrs Peña,\n\nThank you for coming.", "en", True) == []
    t = templates.TemplateText("x", "en", "email", "", "Hi {{ first_name }},\n\nText")
    assert [h.kind for h in messaging.template_hints(t)] == ["greeting"]


# --- many clients -------------------------------------------------------------------------
def test_consent_is_respected_in_bulk(book: Book, tmp_path: Path) -> None:
    yes = _lola()
    no_consent = add("Ana", "Sin", emails=("ana@example.com",))
    other_channel = add("Bea", "Carta", emails=("bea@example.com",), preferred_channel="letter",
                        consents=dict(ALL_CONSENTS))
    no_address = add("Cai", "Nadie", consents=dict(ALL_CONSENTS))
    plan = messaging.plan_many([yes, no_consent, other_channel, no_address], "Follow-up")
    assert plan.included == [yes]
    reasons = {e.customer_id: e.reason for e in plan.excluded}
    assert reasons == {no_consent: "did not consent to e-mail",
                       other_channel: "prefers letters", no_address: "has no e-mail address"}
    result = messaging.write_many(plan.included, plan.template, plan.channel, tmp_path / "out")
    assert [p.name for p in result.written] == ["Dolores Peña 000001 Follow-up.eml"]
    logged = db.execute_sql("SELECT customer_id FROM interaction").fetchall()
    assert logged == [(yes,)]


def test_bulk_combined_and_cancel(book: Book, tmp_path: Path) -> None:
    import mailbox

    ids = [_lola(), add("Tom", "Baker", emails=("tom@example.com",),
                        consents=dict(ALL_CONSENTS))]
    out = tmp_path / "all.mbox"
    result = messaging.write_many(ids, "Birthday", "email", out, combined=True)
    box = mailbox.mbox(str(out))
    assert len(box) == 2 and len(result.delivered) == 2
    assert out.stat().st_mode & 0o077 == 0
    subjects = sorted(str(make_header(decode_header(m["Subject"]))) for m in box)
    assert subjects == ["Happy birthday, Tom!", "¡Feliz cumpleaños, Lola!"]
    count = db.execute_sql("SELECT count(*) FROM interaction").fetchone()[0]
    cancelled = messaging.write_many(ids, "Thank you", "letter", tmp_path / "x.pdf",
                                     combined=True, progress=lambda n, total: n < 2)
    assert cancelled.cancelled and not (tmp_path / "x.pdf").exists()
    assert db.execute_sql("SELECT count(*) FROM interaction").fetchone()[0] == count
    folder = tmp_path / "each"
    partly = messaging.write_many(ids, "Thank you", "letter", folder,
                                  progress=lambda n, total: n < 1)
    assert partly.cancelled and len(partly.written) == 1
    assert len(list(folder.iterdir())) == 1  # the finished one, no half-written file


# --- roles --------------------------------------------------------------------------------
def _office() -> tuple[int, int, int]:
    from crmdesk.services import staff

    manager = staff.add("Marta", "manager")
    eva = staff.add("Eva", "executive")
    rita = staff.add("Rita", "receptionist")
    access.set_password(manager, "marta-secret-1")
    access.sign_in("Marta", "marta-secret-1")
    access.set_password(eva, "eva-secret-1")
    access.set_password(rita, "rita-secret-1")
    return manager, eva, rita


def test_receptionist_writes_with_the_fields_she_may_see(book: Book, tmp_path: Path) -> None:
    _office()
    exclusive = _lola(relationship_type="exclusive", owner="Eva")
    ordinary = add("Tom", "Baker", emails=("tom@example.com",), consents=dict(ALL_CONSENTS),
                   addresses=[PostalAddress("home", "1 High St", "Leeds", "", "LS1", "UK")])
    access.sign_in("Rita", "rita-secret-1")
    # The follow-up template uses only contact fields for an e-mail... plus open promises,
    # which a receptionist may not see for an exclusive client: refused, not blank.
    with pytest.raises(access.AccessDenied, match="open_promise|next_appointment"):
        messaging.compose(exclusive, "Follow-up", "email")
    d = messaging.compose(ordinary, "Follow-up", "email")
    assert messaging.deliver(d, tmp_path / "t.eml").interaction_id
    contact_only = templates.TemplateText("Hello", "en", "email", "Hello",
                                          "{{ greeting_line }}\n\nSee you soon.")
    with pytest.raises(access.AccessDenied):
        templates.save(contact_only)  # only managers keep the templates
    access.sign_in("Marta", "marta-secret-1")
    templates.save(contact_only)
    access.sign_in("Rita", "rita-secret-1")
    assert messaging.compose(exclusive, "Hello", "email").body.startswith("Estimada Sra. Peña:")
    plan = messaging.plan_many([exclusive, ordinary], "Thank you", "letter")
    assert plan.included == [ordinary]
    assert "may not see" in plan.excluded[0].reason


def test_template_library_edits(book: Book) -> None:
    tid = templates.save(templates.TemplateText("Welcome", "en", "email", "Welcome",
                                                "{{ greeting_line }}\n\nWelcome!", "other"))
    templates.save(templates.TemplateText("Welcome", "es", "email", "Bienvenida",
                                          "{{ greeting_line }}\n\n¡Bienvenida!", "other"))
    assert [i.languages for i in templates.list_templates() if i.name == "Welcome"] == \
        [["en", "es"]]
    saved = templates.versions("welcome")["en"]
    saved.name, saved.id = "Hello there", tid
    templates.save(saved)
    assert set(templates.versions("Hello there")) == {"en", "es"}
    with pytest.raises(ValidationFailed, match="Unknown field"):
        templates.save(templates.TemplateText("Bad", "en", "email", "", "{{ nope }}"))
    assert templates.delete("Hello there") == 2
    with pytest.raises(LookupError, match="no template"):
        templates.find("Hello there", "en")


# --- the schema ---------------------------------------------------------------------------
def test_a_book_of_the_previous_schema_gets_the_starter_templates(tmp_path: Path) -> None:
    import peewee

    from crmdesk.store.db import db as proxy

    path = tmp_path / "old.db"
    database = peewee.SqliteDatabase(str(path))
    proxy.initialize(database)
    migrations.migrate(database, None, target=migrations.MESSAGES_VERSION - 1)
    database.execute_sql(
        "INSERT INTO customer (id, given_name, family_name, language, sort_name, created_at, "
        "updated_at, stage_since) VALUES (4, 'Lía', 'Vieja', 'es', 'vieja lia', "
        "'2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')")
    database.close()
    opened = open_book(path)
    try:
        assert opened.backup is not None
        assert migrations.current_version(db) == migrations.LATEST
        infos = templates.list_templates()
        assert len(infos) >= 7 and all(i.languages == ["en", "es"] for i in infos)
        for info in infos:  # the whole starter set checks out
            for t in templates.versions(info.name).values():
                assert templates.check(t.subject, t.body) == [], (t.name, t.language)
        assert messaging.compose(4, "Follow-up", "letter").body.startswith("Estimado/a Vieja:")
    finally:
        close_database()


def test_forgetting_a_client_leaves_no_name_in_the_message_log_or_trail(
        book: Book, tmp_path: Path) -> None:
    from crmdesk.services import privacy

    cid = _lola()
    messaging.deliver(messaging.compose(cid, "Follow-up", "email"),
                      tmp_path / "Peña Dolores.eml")
    messaging.write_many([cid], "Thank you", "letter", tmp_path / "letters")
    assert all("Peña" not in r[0] for r in db.execute_sql("SELECT detail FROM audit_entry"))
    privacy.forget(cid)
    assert db.execute_sql("SELECT file FROM message_log").fetchall() == [("",), ("",)]
    assert db.execute_sql("SELECT template FROM message_log").fetchall() == \
        [("Follow-up",), ("Thank you",)]


def test_any_client_text_renders_literally_through_a_template() -> None:
    """Property: whatever a name holds (template syntax, markup, control characters), the
    rendered message holds it as typed: the engine never evaluates data."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    source = "{{ given_name }}|{{ family_name }}|{{ company }}"
    template = templates.compiled(source)
    html = templates.compiled(source, html=True)
    text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40) | \
        st.sampled_from(["{{ 7*7 }}", "{% for x in y %}", "<script>", "=cmd", '<b>&"Peña"',
                         "{{ ''.__class__ }}", "{# c #}", "}}{{"])

    @settings(max_examples=300, deadline=None)
    @given(text, text, text)
    def check(given_name: str, family: str, company: str) -> None:
        ctx = {"given_name": given_name, "family_name": family, "company": company}
        assert template.render(ctx) == f"{given_name}|{family}|{company}"
        from markupsafe import escape

        assert html.render(ctx) == f"{escape(given_name)}|{escape(family)}|{escape(company)}"

    check()


def test_a_stored_template_that_does_not_check_out_is_not_used(book: Book) -> None:
    cid = _lola()
    db.execute_sql("INSERT INTO message_template (name, language, channel, subject, body, "
                   "updated_at) VALUES ('Smuggled', 'es', 'email', 'x', "
                   "'{% for a in greeting %}{{ a }}{% endfor %}', '2026-01-01T00:00:00Z')")
    with pytest.raises(messaging.MessageError, match="Loops are not available"):
        messaging.compose(cid, "Smuggled", "email")


def test_templates_and_the_message_log_travel_with_the_whole_book(tmp_path: Path) -> None:
    from crmdesk.services import exporting

    open_book(tmp_path / "a.db")
    try:
        cid = _lola()
        templates.save(templates.TemplateText("Ours", "es", "letter", "Hola",
                                              "{{ greeting_line }}\n\nNuestro texto."))
        templates.delete("Birthday")
        messaging.deliver(messaging.compose(cid, "Ours", "letter"), tmp_path / "o.pdf")
        library = [(t.name, t.languages) for t in templates.list_templates()]
        log = db.execute_sql("SELECT * FROM message_log").fetchall()
        exporting.export_book(tmp_path / "book.json")
    finally:
        close_database()
    open_book(tmp_path / "b.db")
    try:
        exporting.import_book((tmp_path / "book.json").read_bytes())
        assert [(t.name, t.languages) for t in templates.list_templates()] == library
        assert db.execute_sql("SELECT * FROM message_log").fetchall() == log
    finally:
        close_database()
