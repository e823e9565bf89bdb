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

# Channels an interaction can happen on.
INTERACTION_CHANNELS: list[tuple[str, str]] = [
    ("in_person", "In person"),
    ("phone", "Phone"),
    ("email", "E-mail"),
    ("chat", "Chat / instant message"),
    ("video", "Video call"),
    ("social", "Social media"),
    ("letter", "Letter"),
    ("portal", "Self-service portal"),
    ("automated", "Automated message"),
]
INTERACTION_CHANNEL_LABELS = dict(INTERACTION_CHANNELS)
# Inbound contacts on these channels wait for our answer; a meeting (in person, video) or
# an automated message does not (response times and "not answered" count only these).
ANSWER_EXPECTED = ("phone", "email", "chat", "social", "letter", "portal")

DIRECTIONS: list[tuple[str, str]] = [("in", "Inbound"), ("out", "Outbound")]
DIRECTION_LABELS = dict(DIRECTIONS)

FOLLOW_UP_STATUSES: list[tuple[str, str]] = [
    ("open", "Open"), ("done", "Done"), ("cancelled", "Cancelled")]

# Default contact cadence (days without an interaction before a client counts as quiet).
DEFAULT_CADENCE = {"VIP": 30, "Premium": 60}
