"""The book's fixed vocabularies (services/catalog.py, access.ROLE_LABELS) in the user's language.

The services keep English labels (the CLI and the files speak English); the window shows them
through `label()`, which translates a known label and leaves anything else (a stage or segment
the business named itself) as typed. Every label of the catalogue is listed here for lupdate;
tests/ui/test_dialogs_spanish.py fails when the catalogue gains one that is not.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "vocabulary"

LABELS = [
    # stages
    QT_TRANSLATE_NOOP("vocabulary", "Knowledge"),
    QT_TRANSLATE_NOOP("vocabulary", "Acquisition"),
    QT_TRANSLATE_NOOP("vocabulary", "Conversion"),
    QT_TRANSLATE_NOOP("vocabulary", "Growth"),
    QT_TRANSLATE_NOOP("vocabulary", "Retention"),
    QT_TRANSLATE_NOOP("vocabulary", "Reactivation"),
    # relationship types
    QT_TRANSLATE_NOOP("vocabulary", "Personal assistance"),
    QT_TRANSLATE_NOOP("vocabulary", "Exclusive personal assistance"),
    QT_TRANSLATE_NOOP("vocabulary", "Self-service"),
    QT_TRANSLATE_NOOP("vocabulary", "Automated"),
    QT_TRANSLATE_NOOP("vocabulary", "Community"),
    QT_TRANSLATE_NOOP("vocabulary", "Co-creation"),
    # contact, consent and interaction channels
    QT_TRANSLATE_NOOP("vocabulary", "No preference"),
    QT_TRANSLATE_NOOP("vocabulary", "In person"),
    QT_TRANSLATE_NOOP("vocabulary", "Phone"),
    QT_TRANSLATE_NOOP("vocabulary", "E-mail"),
    QT_TRANSLATE_NOOP("vocabulary", "SMS / messaging"),
    QT_TRANSLATE_NOOP("vocabulary", "Video call"),
    QT_TRANSLATE_NOOP("vocabulary", "Letter"),
    QT_TRANSLATE_NOOP("vocabulary", "Post"),
    QT_TRANSLATE_NOOP("vocabulary", "Chat / instant message"),
    QT_TRANSLATE_NOOP("vocabulary", "Social media"),
    QT_TRANSLATE_NOOP("vocabulary", "Self-service portal"),
    QT_TRANSLATE_NOOP("vocabulary", "Automated message"),
    # languages, forms of address, directions, follow-up statuses
    QT_TRANSLATE_NOOP("vocabulary", "English"),
    QT_TRANSLATE_NOOP("vocabulary", "Spanish"),
    QT_TRANSLATE_NOOP("vocabulary", "Formal"),
    QT_TRANSLATE_NOOP("vocabulary", "Informal"),
    QT_TRANSLATE_NOOP("vocabulary", "Inbound"),
    QT_TRANSLATE_NOOP("vocabulary", "Outbound"),
    QT_TRANSLATE_NOOP("vocabulary", "Open"),
    QT_TRANSLATE_NOOP("vocabulary", "Done"),
    QT_TRANSLATE_NOOP("vocabulary", "Cancelled"),
    # roles (access.ROLE_LABELS)
    QT_TRANSLATE_NOOP("vocabulary", "Owner / manager"),
    QT_TRANSLATE_NOOP("vocabulary", "Executive"),
    QT_TRANSLATE_NOOP("vocabulary", "Receptionist"),
    # message templates: channels and purposes (message_templates.CHANNELS, PURPOSES)
    QT_TRANSLATE_NOOP("vocabulary", "SMS / chat"),
    QT_TRANSLATE_NOOP("vocabulary", "Follow-up"),
    QT_TRANSLATE_NOOP("vocabulary", "Birthday"),
    QT_TRANSLATE_NOOP("vocabulary", "Thank you"),
    QT_TRANSLATE_NOOP("vocabulary", "Document request"),
    QT_TRANSLATE_NOOP("vocabulary", "Appointment"),
    QT_TRANSLATE_NOOP("vocabulary", "Segment announcement"),
    QT_TRANSLATE_NOOP("vocabulary", "Other"),
    # what an audit entry records (audit.ACTIONS)
    QT_TRANSLATE_NOOP("vocabulary", "Viewed"),
    QT_TRANSLATE_NOOP("vocabulary", "Changed"),
    QT_TRANSLATE_NOOP("vocabulary", "Created"),
    QT_TRANSLATE_NOOP("vocabulary", "Archived"),
    QT_TRANSLATE_NOOP("vocabulary", "Restored"),
    QT_TRANSLATE_NOOP("vocabulary", "Exported"),
    QT_TRANSLATE_NOOP("vocabulary", "Printed"),
    QT_TRANSLATE_NOOP("vocabulary", "Imported"),
    QT_TRANSLATE_NOOP("vocabulary", "Merged"),
    QT_TRANSLATE_NOOP("vocabulary", "Backed up"),
    QT_TRANSLATE_NOOP("vocabulary", "Restored the book"),
    QT_TRANSLATE_NOOP("vocabulary", "Encrypted the book"),
    QT_TRANSLATE_NOOP("vocabulary", "Forgot"),
    QT_TRANSLATE_NOOP("vocabulary", "Signed in"),
    QT_TRANSLATE_NOOP("vocabulary", "Failed to sign in"),
    QT_TRANSLATE_NOOP("vocabulary", "Failed to unlock"),
]

# a staff member's role as a word beside their name ("Ana (executive)")
ROLE_WORDS = {
    "executive": QT_TRANSLATE_NOOP("vocabulary", "executive"),
    "receptionist": QT_TRANSLATE_NOOP("vocabulary", "receptionist"),
    "manager": QT_TRANSLATE_NOOP("vocabulary", "manager"),
}


def label(text: str) -> str:
    """`text` in the user's language when it is one of the book's fixed labels, else as is."""
    return QCoreApplication.translate(CONTEXT, text) if text else text


def items(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(key, label) pairs of the catalogue with their labels translated."""
    return [(key, label(text)) for key, text in pairs]


def role_word(role: str) -> str:
    """The role key (executive, receptionist, manager) as a word to show beside a name."""
    word = ROLE_WORDS.get(role)
    return QCoreApplication.translate(CONTEXT, word) if word else role


def ui_language() -> str:
    """"es" when the interface's locale (QLocale's default, set with the language) is
    Spanish, else "en" (the language of services/locale_text)."""
    from PySide6.QtCore import QLocale

    return "es" if QLocale().language() == QLocale.Language.Spanish else "en"


def number(value: int) -> str:
    """A count as the interface's language writes it: 1,234 / 1.234."""
    from crmdesk.services import locale_text

    return locale_text.integer(value, ui_language())


def decimal(value: float, digits: int = 1) -> str:
    """1.5 / 1,5."""
    text = f"{value:,.{digits}f}"
    if ui_language() == "es":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def percent(fraction: float) -> str:
    """45% / 45 % (Spanish puts a space before the sign)."""
    whole = f"{fraction * 100:.0f}"
    return f"{whole} %" if ui_language() == "es" else f"{whole}%"
