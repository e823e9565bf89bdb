"""The customer profile: every field in a clear form, validated as you type."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from crmdesk.i18n import Translatable
from crmdesk.services import access, catalog, customers, lifecycle
from crmdesk.services.customers import CustomerData, Problem
from crmdesk.services.greeting import greeting
from crmdesk.services.validation import format_phone, normalise_email, normalise_phone
from crmdesk.ui import labels, when
from crmdesk.ui.widgets.contact_rows import AddressesEditor, ContactPointsEditor
from crmdesk.ui.widgets.fields import ErrorLabel, OptionalDateEdit

#: the profile's fields in the order of the form, with the label a person reads there
FIELD_LABELS = [
    ("given_name", QT_TRANSLATE_NOOP("ProfileEditor", "Given name")),
    ("family_name", QT_TRANSLATE_NOOP("ProfileEditor", "Family name")),
    ("preferred_name", QT_TRANSLATE_NOOP("ProfileEditor", "Preferred name")),
    ("salutation", QT_TRANSLATE_NOOP("ProfileEditor", "Salutation")),
    ("address_form", QT_TRANSLATE_NOOP("ProfileEditor", "Form of address")),
    ("birthday", QT_TRANSLATE_NOOP("ProfileEditor", "Birthday")),
    ("language", QT_TRANSLATE_NOOP("ProfileEditor", "Language")),
    ("emails", QT_TRANSLATE_NOOP("ProfileEditor", "E-mails")),
    ("phones", QT_TRANSLATE_NOOP("ProfileEditor", "Phones")),
    ("addresses", QT_TRANSLATE_NOOP("ProfileEditor", "Addresses")),
    ("preferred_channel", QT_TRANSLATE_NOOP("ProfileEditor", "Preferred channel")),
    ("best_time", QT_TRANSLATE_NOOP("ProfileEditor", "Best time")),
    ("stage", QT_TRANSLATE_NOOP("ProfileEditor", "Stage")),
    ("segment", QT_TRANSLATE_NOOP("ProfileEditor", "Segment")),
    ("relationship_type", QT_TRANSLATE_NOOP("ProfileEditor", "Relationship type")),
    ("owner", QT_TRANSLATE_NOOP("ProfileEditor", "Owner")),
    ("tags", QT_TRANSLATE_NOOP("ProfileEditor", "Tags")),
    ("occupation", QT_TRANSLATE_NOOP("ProfileEditor", "Occupation")),
    ("company", QT_TRANSLATE_NOOP("ProfileEditor", "Company")),
    ("life_situation", QT_TRANSLATE_NOOP("ProfileEditor", "Life situation")),
    ("interests", QT_TRANSLATE_NOOP("ProfileEditor", "Interests, tastes")),
    ("needs", QT_TRANSLATE_NOOP("ProfileEditor", "Problems, needs")),
    ("notes", QT_TRANSLATE_NOOP("ProfileEditor", "Notes")),
    ("notes_private", QT_TRANSLATE_NOOP("ProfileEditor", "Notes are private")),
    ("kind", QT_TRANSLATE_NOOP("ProfileEditor", "Organisation")),
    ("organisation_id", QT_TRANSLATE_NOOP("ProfileEditor", "Works for")),
]


def _combo(items: list[tuple[str, str]], name: str) -> QComboBox:
    combo = QComboBox()
    for key, label in items:
        combo.addItem(label, key)
    combo.setAccessibleName(name)
    return combo


def _text(name: str, hint: str = "", height: int = 56) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setAccessibleName(name)
    edit.setPlaceholderText(hint)
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(height)
    edit.setMaximumHeight(height * 2)
    return edit


def _line(name: str, hint: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setAccessibleName(name)
    edit.setPlaceholderText(hint)
    return edit


class ProfileEditor(Translatable, QWidget):
    """Shows one customer (or a new one) and tells whether the form differs from the store."""

    dirty_changed = Signal(bool)
    #: the customer shown changed (their id, or None for an empty or new profile)
    customer_shown = Signal(object)

    def __init__(self, region: str = "US", parent: QWidget | None = None):
        super().__init__(parent)
        self.region = region
        self._original: CustomerData | None = None
        self._original_clean: CustomerData | None = None
        self._loading = False
        self._dirty = False
        self._build()
        self.load(None, new=False)

    # --- construction ---------------------------------------------------------------------
    def _build(self) -> None:
        self.name_label = QLabel()
        self.name_label.setObjectName("profileName")
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.name_label.setFont(font)
        self.greeting_label = QLabel()
        self.greeting_label.setObjectName("profileGreeting")
        self.greeting_label.setTextFormat(Qt.TextFormat.PlainText)
        self.greeting_label.setToolTip(self.tr("How letters and statements will address this "
                                               "person"))
        gfont = self.greeting_label.font()
        gfont.setItalic(True)
        gfont.setPointSizeF(gfont.pointSizeF() * 1.15)
        self.greeting_label.setFont(gfont)
        self.meta_label = QLabel()
        self.meta_label.setTextFormat(Qt.TextFormat.PlainText)
        self.meta_label.setEnabled(False)
        self.photo_label = QLabel()
        self.photo_label.setFixedSize(72, 72)
        self.photo_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo_label.setAccessibleName(self.tr("Photo"))
        self.photo_label.setToolTip(self.tr("The picture from the customer's address book card"))
        self.photo_label.hide()

        self.given = _line(self.tr("Given name"))
        self.family = _line(self.tr("Family name"))
        self.preferred = _line(self.tr("Preferred name"), self.tr("What they like to be called"))
        self.salutation = QComboBox()
        self.salutation.setEditable(True)
        self.salutation.addItems(catalog.SALUTATIONS)
        self.salutation.setAccessibleName(self.tr("Salutation"))
        self.address_form = _combo(labels.pairs(catalog.ADDRESS_FORMS), self.tr("Form of address"))
        self.birthday = OptionalDateEdit()
        self.birthday.setAccessibleName(self.tr("Birthday"))
        self.language = _combo(labels.pairs(catalog.LANGUAGES), self.tr("Preferred language"))
        self.name_error = ErrorLabel()
        self.birthday_error = ErrorLabel()

        self.emails = ContactPointsEditor("E-mail", catalog.EMAIL_LABELS, normalise_email)
        self.phones = ContactPointsEditor(
            "Phone", catalog.PHONE_LABELS, lambda t: normalise_phone(t, self.region),
            display=format_phone)
        self.addresses = AddressesEditor(catalog.ADDRESS_LABELS)
        self.channel = _combo(labels.pairs(catalog.CONTACT_CHANNELS), self.tr("Preferred channel"))
        self.best_time = _line(self.tr("Best time to contact"), self.tr("e.g. weekday mornings"))

        self.stage = _combo(labels.pairs(lifecycle.stages()), self.tr("Lifecycle stage"))
        self.segment = QComboBox()
        self.segment.setEditable(True)
        self.segment.setAccessibleName(self.tr("Segment"))
        self.relationship = _combo(labels.pairs(catalog.RELATIONSHIP_TYPES),
                                   self.tr("Relationship type"))
        self.owner = QComboBox()
        self.owner.setEditable(True)
        self.owner.setAccessibleName(self.tr("Owner"))
        self.owner.setToolTip(self.tr("The staff member who looks after this client"))
        self.tags = _line(self.tr("Tags"), self.tr("Comma-separated, e.g. golf, wine"))

        self.occupation = _line(self.tr("Occupation"))
        self.company = _line(self.tr("Company"))
        self.kind = QCheckBox(self.tr("This client is an organisation (a company)"))
        self.kind.setAccessibleName(self.tr("Client is an organisation"))
        self.kind.setToolTip(
            self.tr(
                "A company client: its name is the given name; people can be its contact persons"
            )
        )
        self.works_for = QComboBox()
        self.works_for.setAccessibleName(self.tr("Works for"))
        self.works_for.setToolTip(
            self.tr("The organisation client this person is a contact person of")
        )
        self.contact_persons = QLabel()
        self.contact_persons.setAccessibleName(self.tr("Contact persons"))
        self.contact_persons.setWordWrap(True)
        self.contact_persons.setTextFormat(Qt.TextFormat.PlainText)
        self.life = _text(self.tr("Life situation"), self.tr("Family, life events…"))
        self.interests = _text(
            self.tr("Interests and tastes"), self.tr("Hobbies, likes, dislikes…")
        )
        self.needs = _text(
            self.tr("Problems and needs"), self.tr("What they worry about or want solved…")
        )
        self.notes = _text(self.tr("Notes"), self.tr("Anything else worth remembering"), 80)
        self.notes_private = QCheckBox(self.tr("Private"))
        self.notes_private.setAccessibleName(self.tr("Notes are private"))
        self.notes_private.setToolTip(
            self.tr(
                "Only managers and the executive who looks after "
                "this "
                "client read notes marked private"
            )
        )
        self.access_banner = QLabel()
        self.access_banner.setObjectName("accessBanner")
        self.access_banner.setWordWrap(True)
        self.access_banner.setTextFormat(Qt.TextFormat.PlainText)
        self.access_banner.setAccessibleName(self.tr("What you may see of this customer"))
        self.access_banner.setStyleSheet(
            "QLabel#accessBanner { border: 1px solid palette(mid);"
            " border-radius: 4px; padding: 6px; }"
        )
        self.access_banner.hide()
        self.level = access.Level.FULL

        self.consent_checks: dict[str, QCheckBox] = {}
        self.consent_dates: dict[str, OptionalDateEdit] = {}

        identity = QGroupBox(self.tr("Person"))
        form = QFormLayout(identity)
        form.addRow(self.tr("&Given name"), self.given)
        form.addRow(self.tr("&Family name"), self.family)
        form.addRow("", self.name_error)
        form.addRow(self.tr("&Preferred name"), self.preferred)
        form.addRow(self.tr("Salutation"), self.salutation)
        form.addRow(self.tr("Form of address"), self.address_form)
        form.addRow(self.tr("&Birthday"), self.birthday)
        form.addRow("", self.birthday_error)
        form.addRow(self.tr("Language"), self.language)

        contact = QGroupBox(self.tr("Contact"))
        cform = QFormLayout(contact)
        cform.addRow(self.tr("E-mails"), self.emails)
        cform.addRow(self.tr("Phones"), self.phones)
        cform.addRow(self.tr("Addresses"), self.addresses)
        cform.addRow(self.tr("Preferred channel"), self.channel)
        cform.addRow(self.tr("Best time"), self.best_time)

        relation = QGroupBox(self.tr("Relationship"))
        rform = QFormLayout(relation)
        rform.addRow(self.tr("Stage"), self.stage)
        rform.addRow(self.tr("Segment"), self.segment)
        rform.addRow(self.tr("Relationship type"), self.relationship)
        rform.addRow(self.tr("Owner"), self.owner)
        rform.addRow(self.tr("&Tags"), self.tags)

        about = QGroupBox(self.tr("About the client"))
        aform = QFormLayout(about)
        aform.addRow("", self.kind)
        aform.addRow(self.tr("Works for"), self.works_for)
        aform.addRow(self.tr("Contact persons"), self.contact_persons)
        aform.addRow(self.tr("Occupation"), self.occupation)
        aform.addRow(self.tr("Company"), self.company)
        aform.addRow(self.tr("Life situation"), self.life)
        aform.addRow(self.tr("Interests, tastes"), self.interests)
        aform.addRow(self.tr("Problems, needs"), self.needs)
        aform.addRow(self.tr("&Notes"), self.notes)
        aform.addRow("", self.notes_private)
        self._about_box, self._relation_form, self._identity_form = about, rform, form
        self._contact_form = cform

        consent = QGroupBox(self.tr("Marketing consent"))
        consent.setToolTip(self.tr("Tick a channel when the client agrees to marketing on it"))
        kform = QFormLayout(consent)
        for key, label in labels.pairs(catalog.CONSENT_CHANNELS):
            check = QCheckBox(label)
            check.setAccessibleName(self.tr("Consent: {label}").format(label=label))
            date_edit = OptionalDateEdit()
            date_edit.setAccessibleName(self.tr("Consent date: {label}").format(label=label))
            date_edit.setToolTip(self.tr("The date the consent was given"))
            check.toggled.connect(lambda on, w=date_edit: self._consent_toggled(on, w))
            self.consent_checks[key] = check
            self.consent_dates[key] = date_edit
            kform.addRow(check, date_edit)

        # One column: the pane beside the list is narrow, and a form reads top to bottom.
        column = QVBoxLayout()
        for box in (identity, contact, relation, about, consent):
            column.addWidget(box)
        column.addStretch(1)
        content = QWidget()
        content.setLayout(column)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.problems_label = ErrorLabel()
        self.problems_label.setObjectName("formProblems")
        self.revert_button = QPushButton(self.tr("Revert"))
        self.revert_button.setToolTip(self.tr("Discard unsaved changes (Esc)"))
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save this profile (Ctrl+S)"))
        self.save_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.problems_label, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        self.empty_hint = QLabel(
            self.tr("Select a customer in the list, or press Ctrl+N to add one.")
        )
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setWordWrap(True)

        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.name_label)
        titles.addWidget(self.greeting_label)
        titles.addWidget(self.meta_label)
        header.addWidget(self.photo_label, 0, Qt.AlignmentFlag.AlignTop)
        header.addLayout(titles, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.access_banner)
        layout.addWidget(self.empty_hint)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self._form_widgets = [scroll, self.revert_button, self.save_button]

        for edit in (
            self.given,
            self.family,
            self.preferred,
            self.best_time,
            self.tags,
            self.occupation,
            self.company,
        ):
            edit.textChanged.connect(self._changed)
        for text in (self.life, self.interests, self.needs, self.notes):
            text.textChanged.connect(self._changed)
        for combo in (self.salutation, self.segment, self.owner):
            combo.currentTextChanged.connect(self._changed)
        for combo in (
            self.address_form,
            self.language,
            self.channel,
            self.stage,
            self.relationship,
            self.works_for,
        ):
            combo.currentIndexChanged.connect(self._changed)
        self.kind.toggled.connect(self._changed)
        self.kind.toggled.connect(self._show_kind)
        for widget in (
            self.emails,
            self.phones,
            self.addresses,
            self.birthday,
            *self.consent_dates.values(),
        ):
            widget.changed.connect(self._changed)
        for check in self.consent_checks.values():
            check.toggled.connect(self._changed)
        self.notes_private.toggled.connect(self._changed)

    def _consent_toggled(self, on: bool, when: OptionalDateEdit) -> None:
        if self._loading:
            return
        if on and when.date() is None:
            when.set_date(dt.date.today())
        if not on:
            when.set_date(None)

    # --- state ----------------------------------------------------------------------------
    @property
    def customer_id(self) -> int | None:
        return self._original.id if self._original else None

    @property
    def is_open(self) -> bool:
        return self._original is not None

    @property
    def is_archived(self) -> bool:
        return self._original is not None and self._original.archived_at is not None

    @property
    def is_new(self) -> bool:
        return self._original is not None and self._original.id is None

    def set_stages(self, stages: list[tuple[str, str]]) -> None:
        current = self.stage.currentData()
        was = self._loading
        self._loading = True
        self.stage.clear()
        for key, label in stages:
            self.stage.addItem(label, key)
        self._set_combo(self.stage, current)
        self._loading = was

    def set_choices(self, segments: list[str], owners: list[str]) -> None:
        for combo, items in ((self.segment, segments), (self.owner, owners)):
            text = combo.currentText()
            was = self._loading
            self._loading = True
            combo.clear()
            combo.addItems([""] + items)
            combo.setCurrentText(text)
            self._loading = was

    def load(
        self, data: CustomerData | None, new: bool = False, level: access.Level = access.Level.FULL
    ) -> None:
        """Show `data`; None with new=True starts a blank new customer, else an empty pane.
        `level` is what the person using the window may see of this customer (`data` is
        already cut down to it): the rest of the form is hidden or read-only."""
        if data is None and new:
            data = CustomerData()
        self.level = level
        self._loading = True
        try:
            shown = data or CustomerData()
            self.given.setText(shown.given_name)
            self.family.setText(shown.family_name)
            self.preferred.setText(shown.preferred_name)
            self.salutation.setCurrentText(shown.salutation)
            self._set_combo(self.address_form, shown.address_form)
            self.birthday.set_date(shown.birthday)
            self._set_combo(self.language, shown.language)
            self.emails.set_points(shown.emails)
            self.phones.set_points(shown.phones)
            self.addresses.set_addresses(shown.addresses)
            self._set_combo(self.channel, shown.preferred_channel)
            self.best_time.setText(shown.best_time)
            self._set_combo(self.stage, shown.stage)
            self.segment.setCurrentText(shown.segment)
            self._set_combo(self.relationship, shown.relationship_type)
            self.owner.setCurrentText(shown.owner)
            self.tags.setText(", ".join(shown.tags))
            self.occupation.setText(shown.occupation)
            self.company.setText(shown.company)
            self._fill_organisations(shown)
            self.life.setPlainText(shown.life_situation)
            self.interests.setPlainText(shown.interests)
            self.needs.setPlainText(shown.needs)
            self.notes.setPlainText(shown.notes)
            self.notes_private.setChecked(shown.notes_private)
            for key, check in self.consent_checks.items():
                check.setChecked(key in shown.consents)
                self.consent_dates[key].set_date(shown.consents.get(key))
        finally:
            self._loading = False
        self._original = data
        self._original_clean = customers.validate(data, self.region)[0] if data else None
        self.problems_label.show_message(None)
        self.name_error.show_message(None)
        self.birthday_error.show_message(None)
        for widget in self._form_widgets:
            widget.setVisible(data is not None)
        self.empty_hint.setVisible(data is None)
        self._show_photo(customers.photo(data.id) if data and data.id else None)
        self._apply_level(data)
        self._changed()
        self.customer_shown.emit(self.customer_id)

    def _apply_level(self, data: CustomerData | None) -> None:
        level = self.level if data is not None and data.id is not None else access.Level.FULL
        contact_only = level == access.Level.CONTACT
        hidden_notes = level < access.Level.FULL and data is not None and data.notes_private
        self._about_box.setVisible(not contact_only)
        self._identity_form.setRowVisible(self.birthday, not contact_only)
        self._contact_form.setRowVisible(self.addresses, not contact_only)
        for widget in (self.segment, self.tags):
            self._relation_form.setRowVisible(widget, not contact_only)
        full = level == access.Level.FULL
        for widget in (self.relationship, self.owner):
            widget.setEnabled(full)
            widget.setToolTip(
                ""
                if full
                else self.tr(
                    "Only managers and the executive who looks after this client may change this"
                )
            )
        self.notes.setReadOnly(bool(hidden_notes))
        self.notes_private.setEnabled(not hidden_notes)
        self.notes.setPlaceholderText(
            self.tr("Private notes: not shown to you")
            if hidden_notes
            else self.tr("Anything else worth remembering")
        )
        owner = data.owner if data is not None and data.owner else "their executive"
        if contact_only:
            self.access_banner.setText(
                self.tr(
                    "Exclusive client of {owner}. You see their name and how to reach them; "
                    "the rest of the profile is for {owner} and managers."
                ).format(owner=owner)
            )
        elif hidden_notes:
            self.access_banner.setText(
                self.tr(
                    "The notes about this client are private: {owner} and managers read them."
                ).format(owner=owner)
            )
        self.access_banner.setVisible(bool(contact_only or hidden_notes))

    def _show_photo(self, blob: bytes | None) -> None:
        pixmap = QPixmap()
        if blob and pixmap.loadFromData(blob):
            self.photo_label.setPixmap(
                pixmap.scaled(
                    72,
                    72,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
            self.photo_label.show()
        else:
            self.photo_label.clear()
            self.photo_label.hide()

    @staticmethod
    def _set_combo(combo: QComboBox, key: str) -> None:
        index = combo.findData(key)
        combo.setCurrentIndex(max(index, 0))

    def _fill_organisations(self, shown: CustomerData) -> None:
        """The organisations a person may work for, and an organisation's contact persons."""
        self.works_for.clear()
        self.works_for.addItem(self.tr("(no organisation)"), None)
        for oid, name in customers.organisations():
            if oid != shown.id:
                self.works_for.addItem(name, oid)
        index = self.works_for.findData(shown.organisation_id)
        self.works_for.setCurrentIndex(max(index, 0))
        self.kind.setChecked(shown.kind == "organisation")
        people = (
            customers.contact_persons(shown.id)
            if shown.id is not None and shown.kind == "organisation"
            else []
        )
        self.contact_persons.setText(
            ", ".join(name for _id, name in people[:20]) + ("…" if len(people) > 20 else "")
            if people
            else self.tr("(none yet)")
        )
        self._show_kind(self.kind.isChecked())

    def _show_kind(self, organisation: bool) -> None:
        form = self.works_for.parentWidget()
        layout = form.layout() if form is not None else None
        if isinstance(layout, QFormLayout):
            layout.setRowVisible(self.works_for, not organisation)
            layout.setRowVisible(self.contact_persons, organisation)

    def current_data(self) -> CustomerData:
        """What the form shows now, as plain data (not yet validated)."""
        consents = {}
        for key, check in self.consent_checks.items():
            if check.isChecked():
                consents[key] = self.consent_dates[key].date() or dt.date.today()
        base = self._original or CustomerData()
        return CustomerData(
            given_name=self.given.text(),
            family_name=self.family.text(),
            preferred_name=self.preferred.text(),
            salutation=self.salutation.currentText(),
            address_form=self.address_form.currentData(),
            birthday=self.birthday.date(),
            life_situation=self.life.toPlainText(),
            interests=self.interests.toPlainText(),
            needs=self.needs.toPlainText(),
            occupation=self.occupation.text(),
            company=self.company.text(),
            preferred_channel=self.channel.currentData(),
            kind="organisation" if self.kind.isChecked() else "person",
            organisation_id=None if self.kind.isChecked() else self.works_for.currentData(),
            best_time=self.best_time.text(),
            language=self.language.currentData(),
            segment=self.segment.currentText(),
            relationship_type=self.relationship.currentData(),
            owner=self.owner.currentText(),
            notes=self.notes.toPlainText(),
            notes_private=self.notes_private.isChecked(),
            stage=self.stage.currentData(),
            emails=self.emails.points(),
            phones=self.phones.points(),
            addresses=self.addresses.addresses(),
            consents=consents,
            tags=[t for t in self.tags.text().split(",") if t.strip()],
            id=base.id,
            created_at=base.created_at,
            updated_at=base.updated_at,
            archived_at=base.archived_at,
        )

    def is_dirty(self) -> bool:
        return self._dirty

    def changed_fields(self) -> list[str]:
        """The labels of what differs from the stored profile, in the form's order
        (["New customer"] for one not saved yet)."""
        if self._original is None or not self._dirty:
            return []
        if self.is_new or self._original_clean is None:
            return [self.tr("New customer")]
        now = customers.validate(self.current_data(), self.region)[0]
        was = self._original_clean
        changed = [
            QCoreApplication.translate("ProfileEditor", label)
            for name, label in FIELD_LABELS if getattr(now, name) != getattr(was, name)
        ]
        for key, label in labels.pairs(catalog.CONSENT_CHANNELS):
            if (key in now.consents) != (key in was.consents):
                changed.append(self.tr("Consent: {label}").format(label=label))
            elif now.consents.get(key) != was.consents.get(key):
                changed.append(self.tr("Consent date: {label}").format(label=label))
        return changed

    def _changed(self, *_args: object) -> None:
        if self._loading:
            return
        data = self.current_data() if self._original is not None else None
        if data is not None:
            clean, problems = customers.validate(data, self.region)
            dirty = self.is_new or clean != self._original_clean
            self._update_header(data)
        else:
            dirty, problems = False, []
            self.name_label.setText("")
            self.greeting_label.setText("")
            self.meta_label.setText("")
        self.name_error.show_message(
            next((p.message for p in problems if p.field == "given_name"), None)
        )
        self.birthday_error.show_message(
            next((p.message for p in problems if p.field == "birthday"), None)
        )
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty and not self.is_new)
        if not problems:
            self.problems_label.show_message(None)
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    def _update_header(self, data: CustomerData) -> None:
        name = data.display_name if (data.given_name or data.family_name) else \
            self.tr("New customer")
        if data.preferred_name and data.preferred_name != data.given_name:
            name += f" “{data.preferred_name}”"
        self.name_label.setText(name)
        self.greeting_label.setText(greeting(data) if (data.given_name or data.family_name) else "")
        base = self._original
        if base is None or base.id is None:
            self.meta_label.setText(self.tr("Not saved yet"))
            return
        parts = [self.tr("Customer #{id}").format(id=base.id)]
        if base.created_at:
            parts.append(self.tr("added {day}").format(day=when.date_text(base.created_at)))
        if base.updated_at:
            parts.append(self.tr("updated {stamp}").format(stamp=when.stamp(base.updated_at)))
        if base.archived_at:
            parts.append(self.tr("in Trash since {day}").format(
                day=when.date_text(base.archived_at)))
        self.meta_label.setText(" · ".join(parts))

    def show_problems(self, problems: list[Problem]) -> list[str]:
        """Point at every invalid value (its reason next to it), and say why saving was
        refused; the reasons, one line each."""
        self.emails.revalidate()
        self.phones.revalidate()
        lines = []
        for problem in problems:
            label = {
                "emails": "E-mail",
                "phones": "Phone",
                "given_name": "Name",
                "birthday": "Birthday",
            }.get(problem.field, problem.field.replace("_", " "))
            lines.append(f"{label.capitalize()}: {problem.message}")
        self.problems_label.show_message(
            self.tr("Not saved. ") + " ".join(lines) if lines else None
        )
        first = problems[0] if problems else None
        editor = {"emails": self.emails, "phones": self.phones}.get(first.field) if first else None
        row = (
            editor.row_for_point(first.index)
            if editor and first and first.index is not None
            else None
        )
        if row is not None:
            row.value.setFocus()
        elif first is not None and first.field == "given_name":
            self.given.setFocus()
        return lines
