"""The services' fixed vocabularies as the window shows them, translated.

The services (plain Python, no Qt) name stages, relationship types, channels, roles and the
My day scopes in English (`services/catalog.py`, `access.ROLE_LABELS`, `myday.SCOPES`).
The window shows them through `label(text)`: a default label is translated ("Knowledge" →
"Conocimiento"); a label the business typed itself (a renamed stage) has no translation and
is shown as typed. The list below only marks the texts for lupdate (context "Labels").
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "Labels"

_MARKED = (
    # lifecycle stages (catalog.STAGES)
    QT_TRANSLATE_NOOP("Labels", "Knowledge"),
    QT_TRANSLATE_NOOP("Labels", "Acquisition"),
    QT_TRANSLATE_NOOP("Labels", "Conversion"),
    QT_TRANSLATE_NOOP("Labels", "Growth"),
    QT_TRANSLATE_NOOP("Labels", "Retention"),
    QT_TRANSLATE_NOOP("Labels", "Reactivation"),
    # relationship types (catalog.RELATIONSHIP_TYPES)
    QT_TRANSLATE_NOOP("Labels", "Personal assistance"),
    QT_TRANSLATE_NOOP("Labels", "Exclusive personal assistance"),
    QT_TRANSLATE_NOOP("Labels", "Self-service"),
    QT_TRANSLATE_NOOP("Labels", "Automated"),
    QT_TRANSLATE_NOOP("Labels", "Community"),
    QT_TRANSLATE_NOOP("Labels", "Co-creation"),
    # channels (catalog.CONTACT_CHANNELS, CONSENT_CHANNELS, INTERACTION_CHANNELS)
    QT_TRANSLATE_NOOP("Labels", "No preference"),
    QT_TRANSLATE_NOOP("Labels", "In person"),
    QT_TRANSLATE_NOOP("Labels", "Phone"),
    QT_TRANSLATE_NOOP("Labels", "E-mail"),
    QT_TRANSLATE_NOOP("Labels", "SMS / messaging"),
    QT_TRANSLATE_NOOP("Labels", "Video call"),
    QT_TRANSLATE_NOOP("Labels", "Letter"),
    QT_TRANSLATE_NOOP("Labels", "Post"),
    QT_TRANSLATE_NOOP("Labels", "Chat / instant message"),
    QT_TRANSLATE_NOOP("Labels", "Social media"),
    QT_TRANSLATE_NOOP("Labels", "Self-service portal"),
    QT_TRANSLATE_NOOP("Labels", "Automated message"),
    # languages, forms of address, directions, follow-up states
    QT_TRANSLATE_NOOP("Labels", "English"),
    QT_TRANSLATE_NOOP("Labels", "Spanish"),
    QT_TRANSLATE_NOOP("Labels", "Formal"),
    QT_TRANSLATE_NOOP("Labels", "Informal"),
    QT_TRANSLATE_NOOP("Labels", "Inbound"),
    QT_TRANSLATE_NOOP("Labels", "Outbound"),
    QT_TRANSLATE_NOOP("Labels", "Open"),
    QT_TRANSLATE_NOOP("Labels", "Done"),
    QT_TRANSLATE_NOOP("Labels", "Cancelled"),
    # roles (access.ROLE_LABELS, catalog.STAFF_ROLES): neutral wording in Spanish, as the
    # staff member's gender is not known ("Ejecutivo/a" would address no one)
    QT_TRANSLATE_NOOP("Labels", "Owner / manager"),
    QT_TRANSLATE_NOOP("Labels", "Executive"),
    QT_TRANSLATE_NOOP("Labels", "Receptionist"),
    QT_TRANSLATE_NOOP("Labels", "executive"),
    QT_TRANSLATE_NOOP("Labels", "receptionist"),
    QT_TRANSLATE_NOOP("Labels", "manager"),
    # My day scopes (myday.SCOPES)
    QT_TRANSLATE_NOOP("Labels", "My day"),
    QT_TRANSLATE_NOOP("Labels", "The team's day"),
    QT_TRANSLATE_NOOP("Labels", "Not yet assigned"),
    # the customer list's orders (customer_query.SORT_CHOICES)
    QT_TRANSLATE_NOOP("Labels", "Best match"),
    QT_TRANSLATE_NOOP("Labels", "Name"),
    QT_TRANSLATE_NOOP("Labels", "Company"),
    QT_TRANSLATE_NOOP("Labels", "Stage"),
    QT_TRANSLATE_NOOP("Labels", "Segment"),
    QT_TRANSLATE_NOOP("Labels", "Relationship"),
    QT_TRANSLATE_NOOP("Labels", "Owner"),
    QT_TRANSLATE_NOOP("Labels", "Created"),
    QT_TRANSLATE_NOOP("Labels", "Updated"),
    QT_TRANSLATE_NOOP("Labels", "Points"),
    # the agenda's ranges (schedule.RANGES)
    QT_TRANSLATE_NOOP("Labels", "Today"),
    QT_TRANSLATE_NOOP("Labels", "Tomorrow"),
    QT_TRANSLATE_NOOP("Labels", "This week"),
    QT_TRANSLATE_NOOP("Labels", "Next week"),
    QT_TRANSLATE_NOOP("Labels", "Month"),
    # contact point labels (catalog.EMAIL_LABELS, PHONE_LABELS, ADDRESS_LABELS)
    QT_TRANSLATE_NOOP("Labels", "home"),
    QT_TRANSLATE_NOOP("Labels", "work"),
    QT_TRANSLATE_NOOP("Labels", "other"),
    QT_TRANSLATE_NOOP("Labels", "mobile"),
    QT_TRANSLATE_NOOP("Labels", "postal"),
)


def label(text: str) -> str:
    """A service's label in the interface language (as typed when it has no translation)."""
    return QCoreApplication.translate(CONTEXT, text) if text else text


def pairs(items: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """(key, label) pairs with the labels translated."""
    return [(key, label(text)) for key, text in items]
