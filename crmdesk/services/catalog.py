"""Fixed vocabularies of the book: stages, relationship types, channels, languages."""

from __future__ import annotations

STAGES: list[tuple[str, str]] = [
    ("knowledge", "Knowledge"),
    ("acquisition", "Acquisition"),
    ("conversion", "Conversion"),
    ("growth", "Growth"),
    ("retention", "Retention"),
    ("reactivation", "Reactivation"),
]
STAGE_LABELS = dict(STAGES)

RELATIONSHIP_TYPES: list[tuple[str, str]] = [
    ("personal", "Personal assistance"),
    ("exclusive", "Exclusive personal assistance"),
    ("self_service", "Self-service"),
    ("automated", "Automated"),
    ("community", "Community"),
    ("co_creation", "Co-creation"),
]
RELATIONSHIP_LABELS = dict(RELATIONSHIP_TYPES)

# Channels a client may prefer to be contacted on.
CONTACT_CHANNELS: list[tuple[str, str]] = [
    ("", "No preference"),
    ("in_person", "In person"),
    ("phone", "Phone"),
    ("email", "E-mail"),
    ("sms", "SMS / messaging"),
    ("video", "Video call"),
    ("letter", "Letter"),
]
CONTACT_CHANNEL_LABELS = dict(CONTACT_CHANNELS)

# Channels that need marketing consent.
CONSENT_CHANNELS: list[tuple[str, str]] = [
    ("email", "E-mail"),
    ("phone", "Phone"),
    ("sms", "SMS / messaging"),
    ("post", "Post"),
]

LANGUAGES: list[tuple[str, str]] = [("en", "English"), ("es", "Spanish")]

ADDRESS_FORMS: list[tuple[str, str]] = [("formal", "Formal"), ("informal", "Informal")]

SALUTATIONS = ["", "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Sr.", "Sra.", "Srta.", "Dra."]

DEFAULT_SEGMENTS = ["VIP", "Premium", "Standard", "Prospect"]

EMAIL_LABELS = ["home", "work", "other"]
PHONE_LABELS = ["mobile", "home", "work", "other"]
ADDRESS_LABELS = ["home", "work", "postal", "other"]

STAFF_ROLES = ["executive", "receptionist", "manager"]
