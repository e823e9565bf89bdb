"""Schema step for messages (issue 15): the template library and the log of what each
message was made from. Kept in its own module, frozen: the starter set below is exactly what
the step writes into a book, whatever later versions of crmdesk ship."""

from __future__ import annotations

import datetime as dt

import peewee

# (name, purpose, channel, language, subject, body). Jinja2 templates, see
# crmdesk/services/message_templates.py for the merge fields.
STARTER: list[tuple[str, str, str, str, str, str]] = [
    ("Follow-up", "follow_up", "email", "en",
     "Following up on our conversation",
     "{{ greeting_line }}\n\n"
     "Thank you for your time. As we discussed, we are looking after everything we talked "
     "about{% if open_promise %}, starting with this: {{ open_promise }}{% endif %}.\n\n"
     "{% if next_appointment %}We look forward to seeing you on {{ next_appointment }}.\n\n"
     "{% endif %}If anything comes up in the meantime, just reply to this message.\n\n"
     "{% if formal %}Kind regards,{% else %}Best wishes,{% endif %}\n{{ signature }}"),
    ("Follow-up", "follow_up", "email", "es",
     "Seguimiento de nuestra conversación",
     "{{ greeting_line }}\n\n"
     "{% if formal %}Gracias por su tiempo. Tal como hablamos, nos ocupamos de todo lo "
     "conversado{% else %}Gracias por tu tiempo. Tal como hablamos, nos ocupamos de todo lo "
     "que conversamos{% endif %}{% if open_promise %}, empezando por esto: {{ open_promise }}"
     "{% endif %}.\n\n"
     "{% if next_appointment %}{% if formal %}Le esperamos{% else %}Te esperamos{% endif %} "
     "el {{ next_appointment }}.\n\n{% endif %}"
     "{% if formal %}Si surge cualquier cosa, responda a este mensaje.{% else %}Si surge "
     "cualquier cosa, responde a este mensaje.{% endif %}\n\n"
     "{% if formal %}Atentamente,{% else %}Un saludo,{% endif %}\n{{ signature }}"),
    ("Birthday", "birthday", "email", "en",
     "Happy birthday, {{ first_name }}!",
     "{{ greeting_line }}\n\n"
     "Everyone at {{ business_name or 'our office' }} wishes you a very happy birthday.\n\n"
     "{% if has_points %}You have {{ points }} points to treat yourself with"
     "{% if tier %} as a {{ tier }} member{% endif %}.\n\n{% endif %}"
     "Warm wishes,\n{{ signature }}"),
    ("Birthday", "birthday", "email", "es",
     "¡Feliz cumpleaños, {{ first_name }}!",
     "{{ greeting_line }}\n\n"
     "Todo el equipo de {{ business_name or 'nuestra oficina' }} "
     "{% if formal %}le desea{% else %}te desea{% endif %} un muy feliz cumpleaños.\n\n"
     "{% if has_points %}{% if formal %}Tiene{% else %}Tienes{% endif %} {{ points }} puntos "
     "para darse un capricho.\n\n{% endif %}"
     "Un abrazo,\n{{ signature }}"),
    ("Thank you", "thank_you", "letter", "en",
     "Thank you",
     "{{ greeting_line }}\n\n"
     "Thank you for the trust you place in us. It is a pleasure to work with you"
     "{% if company %} and with {{ company }}{% endif %}.\n\n"
     "{% if has_points %}Your loyalty account holds {{ points }} points"
     "{% if points_expiring %}, of which {{ points_expiring }} expire on "
     "{{ points_expiring_date }}{% endif %}.\n\n{% endif %}"
     "{% if formal %}Yours sincerely,{% else %}With thanks,{% endif %}\n\n{{ signature }}"),
    ("Thank you", "thank_you", "letter", "es",
     "Gracias",
     "{{ greeting_line }}\n\n"
     "{% if formal %}Gracias por la confianza que deposita en nosotros. Es un placer "
     "trabajar con usted{% else %}Gracias por la confianza que depositas en nosotros. Es un "
     "placer trabajar contigo{% endif %}{% if company %} y con {{ company }}{% endif %}.\n\n"
     "{% if has_points %}{% if formal %}Su{% else %}Tu{% endif %} cuenta de fidelidad tiene "
     "{{ points }} puntos{% if points_expiring %}, de los que {{ points_expiring }} caducan "
     "el {{ points_expiring_date }}{% endif %}.\n\n{% endif %}"
     "{% if formal %}Atentamente,{% else %}Con cariño,{% endif %}\n\n{{ signature }}"),
    ("Reactivation", "reactivation", "letter", "en",
     "We have missed you",
     "{{ greeting_line }}\n\n"
     "It has been a while since we last heard from you, and we would love to catch up.\n\n"
     "{% if has_points %}Your {{ points }} points are waiting for you.\n\n{% endif %}"
     "We will gladly find a time that suits you: simply call or write to {{ owner_name or "
     "'us' }}.\n\n"
     "{% if formal %}Yours sincerely,{% else %}All the best,{% endif %}\n\n{{ signature }}"),
    ("Reactivation", "reactivation", "letter", "es",
     "{% if formal %}Le echamos{% else %}Te echamos{% endif %} de menos",
     "{{ greeting_line }}\n\n"
     "{% if formal %}Hace tiempo que no sabemos de usted y nos encantaría saludarle."
     "{% else %}Hace tiempo que no sabemos de ti y nos encantaría saludarte.{% endif %}\n\n"
     "{% if has_points %}{% if formal %}Sus{% else %}Tus{% endif %} {{ points }} puntos "
     "siguen esperando.\n\n{% endif %}"
     "Buscaremos con gusto el momento que mejor {% if formal %}le{% else %}te{% endif %} "
     "venga.\n\n"
     "{% if formal %}Atentamente,{% else %}Un saludo,{% endif %}\n\n{{ signature }}"),
    ("Document request", "document_request", "email", "en",
     "The documents we need",
     "{{ greeting_line }}\n\n"
     "To complete your file we need a few documents from you. Could you send them to us "
     "at your convenience? If it is easier, bring them to our next meeting"
     "{% if next_appointment %} on {{ next_appointment }}{% endif %}.\n\n"
     "Thank you,\n{{ signature }}"),
    ("Document request", "document_request", "email", "es",
     "La documentación que necesitamos",
     "{{ greeting_line }}\n\n"
     "Para completar {% if formal %}su{% else %}tu{% endif %} expediente necesitamos algunos "
     "documentos. {% if formal %}¿Podría enviárnoslos cuando le venga bien?{% else %}"
     "¿Puedes enviárnoslos cuando te venga bien?{% endif %} También pueden traerse a la "
     "próxima reunión{% if next_appointment %} del {{ next_appointment }}{% endif %}.\n\n"
     "Gracias,\n{{ signature }}"),
    ("Appointment", "appointment", "sms", "en",
     "",
     "{% if formal %}{{ greeting }}{% else %}Hi {{ first_name }}{% endif %}, "
     "{% if next_appointment %}a reminder of our appointment on {{ next_appointment }}."
     "{% else %}shall we find a time to meet?{% endif %} {{ owner_name or business_name }}"),
    ("Appointment", "appointment", "sms", "es",
     "",
     "{% if formal %}{{ greeting }}{% else %}Hola {{ first_name }}{% endif %}, "
     "{% if next_appointment %}le recordamos la cita del {{ next_appointment }}."
     "{% else %}¿buscamos un momento para vernos?{% endif %} "
     "{{ owner_name or business_name }}"),
    ("Segment announcement", "announcement", "email", "en",
     "News for our {{ segment or 'valued' }} clients",
     "{{ greeting_line }}\n\n"
     "We have news we wanted you to hear first: our team is ready to tell you about it "
     "whenever suits you.\n\n"
     "{% if formal %}Kind regards,{% else %}Best,{% endif %}\n{{ signature }}"),
    ("Segment announcement", "announcement", "email", "es",
     "Novedades para nuestros clientes {{ segment }}",
     "{{ greeting_line }}\n\n"
     "Tenemos novedades que queríamos contar{% if formal %}le{% else %}te{% endif %} antes "
     "que a nadie: nuestro equipo está a {% if formal %}su{% else %}tu{% endif %} "
     "disposición cuando mejor {% if formal %}le{% else %}te{% endif %} venga.\n\n"
     "{% if formal %}Atentamente,{% else %}Un saludo,{% endif %}\n{{ signature }}"),
]


def step(database: peewee.Database) -> None:
    """Message templates (one row per template and language) and, for every message
    prepared, which template made it."""
    for sql in [
        """CREATE TABLE message_template (
            id INTEGER PRIMARY KEY, name TEXT NOT NULL COLLATE NOCASE,
            language TEXT NOT NULL CHECK (language IN ('en', 'es')),
            purpose TEXT NOT NULL DEFAULT '',
            channel TEXT NOT NULL CHECK (channel IN ('email', 'letter', 'sms')),
            subject TEXT NOT NULL DEFAULT '', body TEXT NOT NULL,
            updated_at TEXT NOT NULL, updated_by TEXT NOT NULL DEFAULT '',
            UNIQUE (name, language))""",
        """CREATE TABLE message_log (
            interaction_id INTEGER PRIMARY KEY REFERENCES interaction(id) ON DELETE CASCADE,
            template TEXT NOT NULL, language TEXT NOT NULL, channel TEXT NOT NULL,
            file TEXT NOT NULL DEFAULT '')""",
        # A file name carries the client's name: forgetting them (which blanks the text of
        # their interactions) blanks it too.
        """CREATE TRIGGER message_log_forgotten AFTER UPDATE OF notes ON interaction
            WHEN NEW.notes = '' AND NEW.subject = ''
            BEGIN UPDATE message_log SET file = '' WHERE interaction_id = NEW.id; END""",
    ]:
        database.execute_sql(sql)
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    for name, purpose, channel, language, subject, body in STARTER:
        database.execute_sql(
            "INSERT INTO message_template (name, language, purpose, channel, subject, body, "
            "updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, 'crmdesk')",
            (name, language, purpose, channel, subject, body, now))
