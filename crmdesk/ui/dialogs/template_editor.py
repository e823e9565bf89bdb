"""Settings ▸ Message Templates…: the library (managers edit, everyone reads), with the
problems of a template shown as it is typed - with the line - and a live preview for the
customer selected in the window; Settings ▸ Mail Server… for SMTP."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from crmdesk.services import access, messaging
from crmdesk.services import message_delivery as delivery
from crmdesk.services import message_templates as templates
from crmdesk.services.customers import ValidationFailed
from crmdesk.services.validation import InvalidValue
from crmdesk.ui.dialogs.composer_fit import fit_to_screen
from crmdesk.ui.widgets import vocabulary

ROLE = Qt.ItemDataRole.UserRole
# message_templates.FIELDS' descriptions, for lupdate (tests/ui/test_dialogs_spanish.py
# fails when the templates gain a field not listed here).
FIELD_TEXTS = [
    QT_TRANSLATE_NOOP("TemplateLibraryDialog", "How to address the person: Dear Mrs Peña / Hi "
                      "Lola / Estimada Sra. Peña"),
    QT_TRANSLATE_NOOP("TemplateLibraryDialog", "The greeting with its punctuation: “Dear Mrs "
                      "Peña,” / “Estimada Sra. Peña:”"),
    QT_TRANSLATE_NOOP("TemplateLibraryDialog", "Preferred name, else given name"),
    QT_TRANSLATE_NOOP("TemplateLibraryDialog", "Preferred name (may be empty)"),
    QT_TRANSLATE_NOOP("TemplateLibraryDialog", "Given name"),
    QT_TRANSLATE_NOOP("TemplateLibraryDialog", "Family name"),
    QT_TRANSLATE_NOOP("TemplateLibraryDialog", "Given and family name"),
    QT_TRANSLATE_NOOP("TemplateLibraryDialog", "Mr, Mrs, Dr, Sra.…"),
    QT_TRANSLATE_NOOP("TemplateLibraryDialog", "True when the client is addressed formally"),
    QT_TRANSLATE_NOOP("TemplateLibraryDialog", "True when the client is addressed informally"),
    QT_TRANSLATE_NOOP("TemplateLibraryDialog", "en or es"),
    QT_TRANSLATE_NOOP("TemplateLibraryDialog", "Today's date in the client's language"),
    QT_TRANSLATE_NOOP("TemplateLibraryDialog", "The client's executive"),
    QT_TRANSLATE_NOOP("TemplateLibraryDialog", "Who signs: the executive (or you) and the "
                      "business"),
    QT_TRANSLATE_NOOP("TemplateLibraryDialog", "You (the person writing)"),
    QT_TRANSLATE_NOOP("TemplateLibraryDialog", "The business name of the letterhead"),
    QT_TRANSLATE_NOOP("TemplateLibraryDialog", "The client's first e-mail address"),
    QT_TRANSLATE_NOOP("TemplateLibraryDialog", "Company"),
    QT_TRANSLATE_NOOP("TemplateLibraryDialog", "Occupation"),
    QT_TRANSLATE_NOOP("TemplateLibraryDialog", "Segment (VIP, Premium…)"),
    QT_TRANSLATE_NOOP("TemplateLibraryDialog", "Loyalty tier"),
    QT_TRANSLATE_NOOP("TemplateLibraryDialog", "Points balance, as written in the client's "
                      "language"),
    QT_TRANSLATE_NOOP("TemplateLibraryDialog", "True when the client has points"),
    QT_TRANSLATE_NOOP("TemplateLibraryDialog", "Points expiring in the next 90 days"),
    QT_TRANSLATE_NOOP("TemplateLibraryDialog", "When the first of them expire"),
    QT_TRANSLATE_NOOP("TemplateLibraryDialog", "The next open follow-up's date (empty if none)"),
    QT_TRANSLATE_NOOP("TemplateLibraryDialog", "The oldest open promise made to the client (empty "
                      "if none)"),
    QT_TRANSLATE_NOOP("TemplateLibraryDialog", "Birthday (day and month)"),
]


class TemplateLibraryDialog(QDialog):
    def __init__(self, preview_customer: int | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.preview_customer = preview_customer
        self.may_edit = access.can("templates")
        self.current: templates.TemplateText | None = None
        self.setWindowTitle(self.tr("Message Templates"))
        fit_to_screen(self, 1000, 640)
        self._build()
        self._reload()

    def _build(self) -> None:
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Templates"))
        self.list.setMinimumWidth(190)
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(self.tr("Template name"))
        self.purpose_combo = QComboBox()
        for key, label in templates.PURPOSES.items():
            self.purpose_combo.addItem(vocabulary.label(label), key)
        self.purpose_combo.setAccessibleName(self.tr("Purpose"))
        self.channel_combo = QComboBox()
        for key, label in templates.CHANNELS.items():
            self.channel_combo.addItem(vocabulary.label(label), key)
        self.channel_combo.setAccessibleName(self.tr("Channel"))
        self.language_combo = QComboBox()
        for key, label in templates.LANGUAGES.items():
            self.language_combo.addItem(vocabulary.label(label), key)
        self.language_combo.setAccessibleName(self.tr("Language"))
        self.language_combo.setToolTip(self.tr("Each template has a version per language"))
        for combo in (self.purpose_combo, self.channel_combo, self.language_combo):
            # as narrow as a dozen characters: the three share one row (and Spanish is long)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
        self.subject_edit = QLineEdit()
        self.subject_edit.setAccessibleName(self.tr("Subject template"))
        self.body_edit = QPlainTextEdit()
        self.body_edit.setAccessibleName(self.tr("Body template"))
        self.problems_label = QLabel()
        self.problems_label.setWordWrap(True)
        self.problems_label.setTextFormat(Qt.TextFormat.PlainText)
        self.problems_label.setAccessibleName(self.tr("Template problems"))
        self.hints_label = QLabel()
        self.hints_label.setWordWrap(True)
        self.hints_label.setTextFormat(Qt.TextFormat.PlainText)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(self.tr("Preview"))
        self.fields = QListWidget()
        self.fields.setAccessibleName(self.tr("Merge fields"))
        self.fields.setToolTip(self.tr("Double-click to insert the field at the cursor"))
        self.fields.setWordWrap(True)
        self.fields.setMinimumWidth(240)
        for f in templates.FIELDS:
            item = QListWidgetItem(self.tr("{name} — {description}").format(
                name=f.name, description=QCoreApplication.translate("TemplateLibraryDialog",
                                                                    f.description)))
            item.setData(ROLE, f.name)
            self.fields.addItem(item)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # labels above if narrow
        form.addRow(self.tr("&Name:"), self.name_edit)
        row = QHBoxLayout()
        row.addWidget(self.purpose_combo)
        row.addWidget(self.channel_combo)
        row.addWidget(self.language_combo)
        form.addRow(self.tr("Purpose, channel, language:"), row)
        form.addRow(self.tr("Su&bject:"), self.subject_edit)
        middle = QWidget()
        ml = QVBoxLayout(middle)
        ml.setContentsMargins(0, 0, 0, 0)
        ml.addLayout(form)
        ml.addWidget(self.body_edit, 3)
        ml.addWidget(self.problems_label)
        ml.addWidget(self.hints_label)
        caption = QLabel(self.tr("Preview for the selected customer:") if self.preview_customer
                         else self.tr("Preview (sample client):"))
        ml.addWidget(caption)
        ml.addWidget(self.preview, 2)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        fields_caption = QLabel(self.tr("Merge fields ({% if formal %}…{% endif %} for parts "
                                        "only some clients get):"))
        fields_caption.setWordWrap(True)  # long in Spanish: wraps over the list's width
        rl.addWidget(fields_caption)
        rl.addWidget(self.fields)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.list)
        splitter.addWidget(middle)
        splitter.addWidget(right)
        splitter.setSizes([200, 500, 300])
        splitter.setChildrenCollapsible(False)

        self.new_button = QPushButton(self.tr("Ne&w"))
        self.save_button = QPushButton(self.tr("&Save"))
        self.delete_button = QPushButton(self.tr("&Delete Version"))
        close = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        if not self.may_edit:
            note = QLabel(self.tr("Only managers edit templates; you can read and use them."))
            buttons.addWidget(note)
        buttons.addStretch(1)
        for b in (self.new_button, self.delete_button, self.save_button, close):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        for widget in (self.name_edit, self.subject_edit):
            widget.setReadOnly(not self.may_edit)
        self.body_edit.setReadOnly(not self.may_edit)
        for widget in (self.new_button, self.delete_button, self.purpose_combo,
                       self.channel_combo):
            widget.setEnabled(self.may_edit)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.check_now)
        self.list.currentItemChanged.connect(self._chosen)
        self.language_combo.currentIndexChanged.connect(self._language_changed)
        for signal in (self.subject_edit.textChanged, self.body_edit.textChanged,
                       self.channel_combo.currentIndexChanged):
            signal.connect(self._timer.start)
        self.fields.itemDoubleClicked.connect(self._insert_field)
        self.new_button.clicked.connect(self.new_template)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        close.clicked.connect(self.reject)

    # --- the list -------------------------------------------------------------------------
    def _reload(self, select: str | None = None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for info in templates.list_templates():
            item = QListWidgetItem(self.tr("{template}\n  {channel} · {languages}").format(
                template=info.name, channel=vocabulary.label(templates.CHANNELS[info.channel]),
                languages=", ".join(info.languages)))
            item.setData(ROLE, info.name)
            self.list.addItem(item)
        self.list.blockSignals(False)
        row = next((i for i in range(self.list.count())
                    if self.list.item(i).data(ROLE) == select), 0)
        if self.list.count():
            self.list.setCurrentRow(row)
            self._chosen()
        else:
            self.new_template()

    def _chosen(self, *_args: object) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        found = templates.versions(str(item.data(ROLE)))
        language = str(self.language_combo.currentData())
        self._show(found.get(language) or next(iter(found.values()), None))

    def _language_changed(self) -> None:
        if self.current is None:
            return
        found = templates.versions(self.current.name) if self.current.id else {}
        language = str(self.language_combo.currentData())
        version = found.get(language)
        if version is None:  # a new version in this language, from the other one
            version = templates.TemplateText(self.current.name, language,
                                             self.current.channel, self.subject_edit.text(),
                                             self.body_edit.toPlainText(),
                                             self.current.purpose)
        self._show(version)

    def _show(self, t: templates.TemplateText | None) -> None:
        if t is None:
            return
        self.current = t
        for widget in (self.name_edit, self.subject_edit, self.body_edit, self.language_combo,
                       self.purpose_combo, self.channel_combo):
            widget.blockSignals(True)
        self.name_edit.setText(t.name)
        self.subject_edit.setText(t.subject)
        self.body_edit.setPlainText(t.body)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(t.language)))
        self.purpose_combo.setCurrentIndex(max(0, self.purpose_combo.findData(t.purpose)))
        self.channel_combo.setCurrentIndex(max(0, self.channel_combo.findData(t.channel)))
        for widget in (self.name_edit, self.subject_edit, self.body_edit, self.language_combo,
                       self.purpose_combo, self.channel_combo):
            widget.blockSignals(False)
        self.check_now()

    def edited(self) -> templates.TemplateText:
        base = self.current
        return templates.TemplateText(
            self.name_edit.text(), str(self.language_combo.currentData()),
            str(self.channel_combo.currentData()), self.subject_edit.text(),
            self.body_edit.toPlainText(), str(self.purpose_combo.currentData()),
            base.id if base is not None and base.language == self.language_combo.currentData()
            else None)

    # --- checking as you type -------------------------------------------------------------
    def check_now(self) -> None:
        t = self.edited()
        problems = templates.check(t.subject, t.body, t.channel)
        self.problems_label.setText("\n".join(f"⚠ {p}" for p in problems)
                                    if problems else self.tr("✓ No problems."))
        from crmdesk.ui.theme import colour

        self.problems_label.setStyleSheet(f"color: {colour('error').name()};"
                                          if problems else "")
        hints = messaging.template_hints(t)
        self.hints_label.setText("\n".join(
            self.tr("Hint, line {line}: {message}").format(line=h.line, message=h.message)
            if h.line else self.tr("Hint: {message}").format(message=h.message)
            for h in hints))
        self.save_button.setEnabled(self.may_edit and not problems and bool(t.name.strip()))
        self.preview.setPlainText(self._preview(t) if not problems else "")

    def _preview(self, t: templates.TemplateText) -> str:
        try:
            if self.preview_customer is not None:
                r = messaging.recipient(self.preview_customer)
                draft = messaging.render(t, r, t.channel, messaging.Shared.load())
                subject, body = draft.subject, draft.body
            else:
                ctx = templates.sample_context()
                subject = templates.compiled(t.subject).render(ctx)
                body = templates.compiled(t.body).render(ctx)
        except (access.AccessDenied, messaging.MessageError, LookupError) as exc:
            return self.tr("(No preview: {error})").format(error=exc)
        if subject and t.channel != "sms":
            return self.tr("Subject: {subject}").format(subject=subject) + "\n\n" + body
        return body

    def _insert_field(self, item: QListWidgetItem) -> None:
        if self.may_edit:
            self.body_edit.insertPlainText("{{ " + str(item.data(ROLE)) + " }}")
            self.body_edit.setFocus()

    # --- writes ---------------------------------------------------------------------------
    def new_template(self) -> None:
        self.list.clearSelection()
        self._show(templates.TemplateText("", str(self.language_combo.currentData() or "en"),
                                          "email", "", "{{ greeting_line }}\n\n\n\n"
                                          "{{ signature }}", "other"))
        self.current = None
        self.name_edit.setFocus()

    def save(self) -> bool:
        t = self.edited()
        try:
            templates.save(t)
        except (ValidationFailed, access.AccessDenied, LookupError) as exc:
            self.problems_label.setText("⚠ " + str(exc))
            return False
        self._reload(" ".join(t.name.split()))
        return True

    def delete(self) -> None:
        t = self.current
        if t is None or t.id is None:
            return
        language = vocabulary.label(templates.LANGUAGES[t.language])
        if vocabulary.ui_language() == "es":  # "la versión en español"
            language = language.lower()
        question = self.tr("Delete the {language} version of “{template}”?").format(
            language=language, template=t.name)
        if QMessageBox.question(self, self.tr("Delete"), question) != \
                QMessageBox.StandardButton.Yes:
            return
        templates.delete(t.name, t.language)
        self._reload()


class MailServerDialog(QDialog):
    """SMTP for sending e-mails from crmdesk (drafts need none)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mail Server"))
        cfg = delivery.smtp_config()
        self.host = QLineEdit(cfg.host)
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(cfg.port)
        self.security = QComboBox()
        for key, label in (("starttls", self.tr("STARTTLS (port 587)")),
                           ("ssl", self.tr("SSL/TLS (port 465)")),
                           ("none", self.tr("None (a local relay only)"))):
            self.security.addItem(label, key)
        self.security.setCurrentIndex(max(0, self.security.findData(cfg.security)))
        self.username = QLineEdit(cfg.username)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("kept in the system keyring, never in the "
                                                 "book"))
        self.from_address = QLineEdit(cfg.from_address)
        self.from_name = QLineEdit(cfg.from_name)
        self.error = QLabel()
        self.error.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("&Server:"), self.host)
        form.addRow(self.tr("&Port:"), self.port)
        form.addRow(self.tr("S&ecurity:"), self.security)
        form.addRow(self.tr("&User name:"), self.username)
        form.addRow(self.tr("Pass&word:"), self.password)
        form.addRow(self.tr("&From address:"), self.from_address)
        form.addRow(self.tr("From &name:"), self.from_name)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def save(self) -> None:
        cfg = delivery.SmtpConfig(self.host.text(), self.port.value(),
                                  str(self.security.currentData()), self.username.text(),
                                  self.from_address.text(), self.from_name.text())
        try:
            delivery.save_smtp_config(cfg, self.password.text() or None)
        except (InvalidValue, access.AccessDenied) as exc:
            self.error.setText(str(exc))
            return
        self.accept()
