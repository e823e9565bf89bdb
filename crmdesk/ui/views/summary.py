"""Profile ▸ Summary: the customer at a glance before a meeting, read-only.

Nothing here can be edited by a stray click or wheel turn: each section has an *Edit*
button (a double-click on the section does the same) that opens that part of the form.
Every text from the book is shown as plain text, never as markup.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt, Signal
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

from crmdesk import i18n
from crmdesk.i18n import Translatable
from crmdesk.services import catalog, customers, summary
from crmdesk.services.summary import Summary
from crmdesk.store.db import DB_ERRORS
from crmdesk.store.models import utcnow
from crmdesk.ui import labels, when

#: the sections and what Edit opens for each
SECTIONS = [("follow_ups", QT_TRANSLATE_NOOP("SummaryView", "Open promises and follow-ups")),
            ("contacts", QT_TRANSLATE_NOOP("SummaryView", "Last contacts")),
            ("about", QT_TRANSLATE_NOOP("SummaryView", "About the person")),
            ("relationship", QT_TRANSLATE_NOOP("SummaryView", "Relationship")),
            ("loyalty", QT_TRANSLATE_NOOP("SummaryView", "Loyalty")),
            ("person", QT_TRANSLATE_NOOP("SummaryView", "How to address and reach them"))]


def _label(name: str) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAccessibleName(name)
    return label


def _when(value: dt.datetime) -> str:
    """"Thu 3 Dec 2026 10:00" / "jue 3 dic 2026 10:00"."""
    return QCoreApplication.translate("SummaryView", "{day} {date} {time}").format(
        day=when.weekday(value.date() if value.tzinfo is None else value.astimezone().date()),
        date=when.date_text(value), time=when.time_text(value))


class SummaryView(Translatable, QWidget):
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
        self.photo.setAccessibleName(self.tr("Photo or initials"))
        self.photo.setObjectName("summaryPhoto")
        self.name = _label(self.tr("Name"))
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.name.setFont(font)
        self.greeting = _label(self.tr("How to address them"))
        self.reach = _label(self.tr("How they like to be contacted"))
        self.note = _label(self.tr("What you may see"))
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
        for key, english in SECTIONS:
            title = QCoreApplication.translate("SummaryView", english)
            box = QGroupBox(title)
            box.setAccessibleName(title)
            box.installEventFilter(self)
            text = _label(title)
            text.installEventFilter(self)
            edit = QPushButton(self.tr("Timeline…") if key in ("follow_ups", "contacts") else
                               self.tr("Loyalty…") if key == "loyalty" else self.tr("Edit"))
            edit.setToolTip(self.tr("{title}: open it to change it (or double-click the section)")
                            .format(title=title))
            edit.setAccessibleName(self.tr("Edit: {title}").format(title=title))
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
        self.empty = QLabel(self.tr("Select a customer in the list to see them at a glance."))
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
        self.greeting.setText(f"“{s.greeting}”" + (self.tr(" · likes to be called {preferred_name}")
                                                   .format(preferred_name=d.preferred_name)
                                                   if d.preferred_name else ""))
        reach = summary.how_to_contact(d)
        from crmdesk.services.validation import format_phone

        first = [format_phone(p.value) for p in d.phones[:1]] + [e.value for e in d.emails[:1]]
        self.reach.setText(self.tr("Contact: {how}").format(
            how=reach or self.tr("no preference recorded"))
                           + (f" · {', '.join(first)}" if first else ""))
        self.note.setVisible(s.contact_only)
        self.note.setText(
            self.tr("Name and contact only: this is someone else's exclusive client."))
        self._fill_photo(s)
        about = [
            (self.tr("Life situation: {text}"), d.life_situation),
            (self.tr("Interests and tastes: {text}"), d.interests),
            (self.tr("Problems and needs: {text}"), d.needs),
            (self.tr("Occupation: {text}"),
             ", ".join(p for p in (d.occupation, d.company) if p)),
            (self.tr("Notes: {text}"), d.notes),
        ]
        self.texts["about"].setText(
            "\n".join(k.format(text=v) for k, v in about if v.strip())
            or self.tr("Nothing written yet: Edit to add what you learn.")
        )
        self.boxes["about"].setVisible(not s.contact_only)
        self.texts["person"].setText(self._person_text(s))
        rel = [
            (self.tr("{relationship}, looked after by {owner}") if d.owner
             else self.tr("{relationship}, looked after by nobody yet")).format(
                relationship=labels.label(s.relationship_label), owner=d.owner),
            self.tr("Stage: {stage}, for %n day(s)", "", s.days_in_stage).format(
                stage=labels.label(s.stage_label)),
        ]
        if d.segment:
            rel.append(self.tr("Segment: {segment}").format(segment=d.segment))
        if d.tags:
            rel.append(self.tr("Tags: {tags}").format(tags=", ".join(d.tags)))
        self.texts["relationship"].setText("\n".join(rel))
        self.boxes["loyalty"].setVisible(s.loyalty is not None)
        if s.loyalty is not None:
            self.texts["loyalty"].setText(self._loyalty_text(s))
        self.texts["follow_ups"].setText(self._follow_up_text(s))
        self.texts["contacts"].setText(self._contacts_text(s))
        self.texts["contacts"].setToolTip(
            "\n\n".join(f"{_when(c.when)} — {c.notes}" for c in s.contacts if c.notes)
        )

    def _fill_photo(self, s: Summary) -> None:
        from crmdesk.ui.widgets import avatar

        data = customers.photo(s.customer_id) if s.has_photo else None
        pixmap = QPixmap()
        scale = self.devicePixelRatioF()
        if data and pixmap.loadFromData(data):
            self.photo.setPixmap(avatar.pixmap(s.data.display_name, 72, scale, pixmap))
            self.photo.setToolTip(self.tr("The picture from the customer's address book card"))
        else:  # initials on the colour of the name (and in the accessible name)
            self.photo.setPixmap(avatar.pixmap(s.data.display_name, 72, scale, letters=s.initials))
            self.photo.setToolTip(self.tr("No picture: the customer's initials"))
        self.photo.setAccessibleName(
            self.tr("Photo or initials: {initials}").format(initials=s.initials)
        )

    def _person_text(self, s: Summary) -> str:
        d = s.data
        lines = []
        if d.emails:
            lines.append(self.tr("E-mail: {addresses}").format(
                addresses=", ".join(e.value for e in d.emails)))
        if d.phones:
            from crmdesk.services.validation import format_phone

            lines.append(self.tr("Phone: {numbers}").format(
                numbers=", ".join(format_phone(p.value) for p in d.phones)))
        if d.consents:
            lines.append(self.tr("Agreed to marketing by: {channels}").format(
                channels=", ".join(
                    labels.label(dict(catalog.CONSENT_CHANNELS).get(k, k)).lower()
                    for k in sorted(d.consents))))
        if s.birthday_next is not None:
            days = (s.birthday_next - dt.date.today()).days
            if days == 0:
                line = self.tr("Birthday today: turns {age}")
            elif days == 1:
                line = self.tr("Birthday tomorrow: turns {age}")
            else:
                line = self.tr("Birthday on {day} (in %n day(s)): turns {age}", "", days).format(
                    day=when.short_day(s.birthday_next), age="{age}")
            lines.append(line.format(age=s.turns))
        elif d.birthday is not None:
            lines.append(self.tr("Birthday: {day}").format(day=when.day_long_month(d.birthday)))
        return "\n".join(lines) or self.tr("No e-mail or phone yet.")

    def _loyalty_text(self, s: Summary) -> str:
        lo = s.loyalty
        assert lo is not None
        balance = self.tr("{tier}, %n point(s)", "", lo.balance).format(tier=lo.tier)
        if lo.next_tier and lo.to_next is not None:
            balance += " · " + self.tr("%n more for {tier}", "", lo.to_next).format(
                tier=lo.next_tier)
        lines = [balance, self.tr("Lifetime value: {money}").format(
            money=i18n.money(lo.lifetime_cents, lo.currency))]
        if lo.redeemable:
            lines.append(self.tr("Can redeem now: {rewards}").format(rewards=", ".join(
                self.tr("{reward} (%n point(s))", "", cost).format(reward=name)
                for name, cost in lo.redeemable[:6])))
        else:
            lines.append(self.tr("Not enough points for a reward yet"))
        return "\n".join(lines)

    def _follow_up_text(self, s: Summary) -> str:
        if not s.open_follow_ups:
            return self.tr("Nothing promised or pending.")
        lines = []
        for f in s.open_follow_ups:
            if f.promise:
                line = (self.tr("★ Promise due {when} — OVERDUE: {what}") if f.overdue
                        else self.tr("★ Promise due {when}: {what}"))
            else:
                line = (self.tr("Follow-up due {when} — OVERDUE: {what}") if f.overdue
                        else self.tr("Follow-up due {when}: {what}"))
            who = f" [{f.assignee}]" if f.assignee else ""
            lines.append(line.format(when=_when(f.due_at), what=f.what) + who)
        return "\n".join(lines)

    def _contacts_text(self, s: Summary) -> str:
        lines = []
        for c in s.contacts:
            arrow = "←" if c.direction == "in" else "→"
            channel = labels.label(catalog.INTERACTION_CHANNEL_LABELS.get(c.channel, c.channel))
            what = c.subject or " ".join(c.notes.split())[:80]
            outcome = f" — {c.outcome}" if c.outcome else ""
            staff = f" ({c.staff})" if c.staff else ""
            lines.append(f"{_when(c.when)} {arrow} {channel}: {what}{outcome}{staff}")
        if not lines:
            lines.append(self.tr("No contact recorded yet."))
        if s.unanswered:
            lines.append(self.tr("%n inbound contact(s) not answered yet", "", s.unanswered))
        elif s.unanswered == 0 and s.contacts:
            lines.append(self.tr("Every inbound contact answered"))
        return "\n".join(lines)
