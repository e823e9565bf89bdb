"""Profile ▸ Summary: the customer at a glance before a meeting, read-only.

Nothing here can be edited by a stray click or wheel turn: each section has an *Edit*
button (a double-click on the section does the same) that opens that part of the form.
Every text from the book is shown as plain text, never as markup.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from crmdesk.services import catalog, customers, locale_text, summary
from crmdesk.services.summary import Summary
from crmdesk.store.db import DB_ERRORS
from crmdesk.store.models import utcnow

#: the sections and what Edit opens for each
SECTIONS = [("follow_ups", "Open promises and follow-ups"), ("contacts", "Last contacts"),
            ("about", "About the person"), ("relationship", "Relationship"),
            ("loyalty", "Loyalty"), ("person", "How to address and reach them")]


def _label(name: str) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAccessibleName(name)
    return label


def _when(value: dt.datetime) -> str:
    return f"{value.astimezone():%a %d %b %Y %H:%M}"


class SummaryView(QWidget):
    #: a section's Edit (or a double-click on it): "person", "about", "relationship",
    #: "loyalty", "follow_ups" or "contacts"
    edit_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.clock = utcnow
        self.customer_id: int | None = None
        self.info: Summary | None = None
        self.photo = QLabel()
        self.photo.setFixedSize(72, 72)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.setAccessibleName("Photo or initials")
        self.photo.setObjectName("summaryPhoto")
        self.name = _label("Name")
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.name.setFont(font)
        self.greeting = _label("How to address them")
        self.reach = _label("How they like to be contacted")
        self.note = _label("What you may see")
        self.note.setEnabled(False)
        self.boxes: dict[str, QGroupBox] = {}
        self.texts: dict[str, QLabel] = {}
        self.edit_buttons: dict[str, QPushButton] = {}
        column = QVBoxLayout()
        head = QHBoxLayout()
        head.addWidget(self.photo, 0, Qt.AlignmentFlag.AlignTop)
        who = QVBoxLayout()
        for label in (self.name, self.greeting, self.reach, self.note):
            who.addWidget(label)
        head.addLayout(who, 1)
        column.addLayout(head)
        for key, title in SECTIONS:
            box = QGroupBox(title)
            box.setAccessibleName(title)
            box.installEventFilter(self)
            text = _label(title)
            text.installEventFilter(self)
            edit = QPushButton("Timeline…" if key in ("follow_ups", "contacts") else
                               "Loyalty…" if key == "loyalty" else "Edit")
            edit.setToolTip(f"{title}: open it to change it (or double-click the section)")
            edit.setAccessibleName(f"Edit: {title}")
            edit.clicked.connect(lambda _c=False, k=key: self.edit_requested.emit(k))
            row = QHBoxLayout(box)
            row.addWidget(text, 1)
            row.addWidget(edit, 0, Qt.AlignmentFlag.AlignTop)
            self.boxes[key], self.texts[key], self.edit_buttons[key] = box, text, edit
            column.addWidget(box)
        column.addStretch(1)
        content = QWidget()
        content.setLayout(column)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(content)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.empty = QLabel("Select a customer in the list to see them at a glance.")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(self.scroll, 1)
        self.show_customer(None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.MouseButtonDblClick:
            for key, box in self.boxes.items():
                if watched is box or watched is self.texts[key]:
                    self.edit_requested.emit(key)
                    return True
        return super().eventFilter(watched, event)

    def show_customer(self, cid: int | None) -> None:
        self.customer_id = cid
        self.reload()

    def reload(self) -> None:
        cid = self.customer_id
        info = None
        if cid is not None:
            try:
                info = summary.summary(cid, self.clock())
            except (LookupError, *DB_ERRORS):
                info = None
        self.info = info
        self.empty.setVisible(info is None)
        self.scroll.setVisible(info is not None)
        if info is not None:
            self._fill(info)

    # --- filling --------------------------------------------------------------------------
    def _fill(self, s: Summary) -> None:
        d = s.data
        self.name.setText(d.display_name)
        self.greeting.setText(f"“{s.greeting}”" + (f" · likes to be called {d.preferred_name}"
                                                   if d.preferred_name else ""))
        reach = summary.how_to_contact(d)
        from crmdesk.services.validation import format_phone

        first = [format_phone(p.value) for p in d.phones[:1]] + [e.value for e in d.emails[:1]]
        self.reach.setText("Contact: " + (reach or "no preference recorded")
                           + (f" · {', '.join(first)}" if first else ""))
        self.note.setVisible(s.contact_only)
        self.note.setText("Name and contact only: this is someone else's exclusive client.")
        self._fill_photo(s)
        about = [("Life situation", d.life_situation), ("Interests and tastes", d.interests),
                 ("Problems and needs", d.needs),
                 ("Occupation", ", ".join(p for p in (d.occupation, d.company) if p)),
                 ("Notes", d.notes)]
        self.texts["about"].setText("\n".join(f"{k}: {v}" for k, v in about if v.strip())
                                    or "Nothing written yet: Edit to add what you learn.")
        self.boxes["about"].setVisible(not s.contact_only)
        self.texts["person"].setText(self._person_text(s))
        rel = [f"{s.relationship_label}, looked after by {d.owner or 'nobody yet'}",
               f"Stage: {s.stage_label}, for {s.days_in_stage} days"]
        if d.segment:
            rel.append(f"Segment: {d.segment}")
        if d.tags:
            rel.append(f"Tags: {', '.join(d.tags)}")
        self.texts["relationship"].setText("\n".join(rel))
        self.boxes["loyalty"].setVisible(s.loyalty is not None)
        if s.loyalty is not None:
            self.texts["loyalty"].setText(self._loyalty_text(s))
        self.texts["follow_ups"].setText(self._follow_up_text(s))
        self.texts["contacts"].setText(self._contacts_text(s))
        self.texts["contacts"].setToolTip("\n\n".join(
            f"{_when(c.when)} — {c.notes}" for c in s.contacts if c.notes))

    def _fill_photo(self, s: Summary) -> None:
        from crmdesk.ui.widgets import avatar

        data = customers.photo(s.customer_id) if s.has_photo else None
        pixmap = QPixmap()
        scale = self.devicePixelRatioF()
        if data and pixmap.loadFromData(data):
            self.photo.setPixmap(avatar.pixmap(s.data.display_name, 72, scale, pixmap))
            self.photo.setToolTip("The picture from the customer's address book card")
        else:  # initials on the colour of the name (and in the accessible name)
            self.photo.setPixmap(avatar.pixmap(s.data.display_name, 72, scale,
                                               letters=s.initials))
            self.photo.setToolTip("No picture: the customer's initials")
        self.photo.setAccessibleName(f"Photo or initials: {s.initials}")

    @staticmethod
    def _person_text(s: Summary) -> str:
        d = s.data
        lines = []
        if d.emails:
            lines.append("E-mail: " + ", ".join(e.value for e in d.emails))
        if d.phones:
            from crmdesk.services.validation import format_phone

            lines.append("Phone: " + ", ".join(format_phone(p.value) for p in d.phones))
        if d.consents:
            lines.append("Agreed to marketing by: " + ", ".join(
                dict(catalog.CONSENT_CHANNELS).get(k, k).lower() for k in sorted(d.consents)))
        if s.birthday_next is not None:
            today = dt.date.today()
            days = (s.birthday_next - today).days
            when = "today" if days == 0 else "tomorrow" if days == 1 else \
                f"on {s.birthday_next:%a %d %b} (in {days} days)"
            lines.append(f"Birthday {when}: turns {s.turns}")
        elif d.birthday is not None:
            lines.append(f"Birthday: {d.birthday:%d %B}")
        return "\n".join(lines) or "No e-mail or phone yet."

    @staticmethod
    def _loyalty_text(s: Summary) -> str:
        lo = s.loyalty
        assert lo is not None
        lines = [f"{lo.tier}, {lo.balance:,} points"
                 + (f" · {lo.to_next:,} more for {lo.next_tier}" if lo.next_tier and
                    lo.to_next is not None else ""),
                 f"Lifetime value: {locale_text.money(lo.lifetime_cents, lo.currency)}"]
        if lo.redeemable:
            lines.append("Can redeem now: " + ", ".join(
                f"{name} ({cost:,} points)" for name, cost in lo.redeemable[:6]))
        else:
            lines.append("Not enough points for a reward yet")
        return "\n".join(lines)

    @staticmethod
    def _follow_up_text(s: Summary) -> str:
        if not s.open_follow_ups:
            return "Nothing promised or pending."
        lines = []
        for f in s.open_follow_ups:
            mark = "★ Promise" if f.promise else "Follow-up"
            late = " — OVERDUE" if f.overdue else ""
            who = f" [{f.assignee}]" if f.assignee else ""
            lines.append(f"{mark} due {_when(f.due_at)}{late}: {f.what}{who}")
        return "\n".join(lines)

    @staticmethod
    def _contacts_text(s: Summary) -> str:
        lines = []
        for c in s.contacts:
            arrow = "←" if c.direction == "in" else "→"
            channel = catalog.INTERACTION_CHANNEL_LABELS.get(c.channel, c.channel)
            what = c.subject or " ".join(c.notes.split())[:80]
            outcome = f" — {c.outcome}" if c.outcome else ""
            staff = f" ({c.staff})" if c.staff else ""
            lines.append(f"{_when(c.when)} {arrow} {channel}: {what}{outcome}{staff}")
        if not lines:
            lines.append("No contact recorded yet.")
        if s.unanswered:
            lines.append(f"{s.unanswered} inbound contact(s) not answered yet")
        elif s.unanswered == 0 and s.contacts:
            lines.append("Every inbound contact answered")
        return "\n".join(lines)
