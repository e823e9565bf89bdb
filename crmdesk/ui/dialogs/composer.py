"""Write to… (Ctrl+Shift+M): a message from a template for one client - a live preview of
exactly what they will read, still editable by hand - or for many, paging through each
client's version with those left out listed apart, with the reason.

Every rule (roles, consent, what is logged) is the service's (services/messaging.py)."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from crmdesk.services import access, catalog, messaging
from crmdesk.services import message_delivery as delivery
from crmdesk.services import message_templates as templates
from crmdesk.services.customers import ValidationFailed
from crmdesk.services.interactions import FollowUpData
from crmdesk.store.db import DB_ERRORS
from crmdesk.ui.dialogs.composer_fit import fit_to_screen
from crmdesk.ui.widgets import vocabulary
from crmdesk.ui.widgets.vocabulary import number

AskPath = Callable[[str, Path, str], Path | None]
CUSTOMER_ROLE = Qt.ItemDataRole.UserRole
DEFAULT_TEMPLATE = "Follow-up"  # a template's name (data) of the starter set: the most used


class ComposerDialog(QDialog):
    """One client (`ids` of one) or many. After a batch is chosen, `batch` holds
    (ids, template, channel, combined) for the window to run in a worker."""

    def __init__(self, ids: list[int], staff_id: int | None, parent: QWidget | None = None,
                 ask_path: AskPath | None = None, open_path: Callable[[Path], None] | None = None,
                 folder: Path | None = None, template: str = ""):
        super().__init__(parent)
        self.wanted_template = template or DEFAULT_TEMPLATE
        self.ids = list(ids)
        self.single = len(self.ids) == 1
        self.staff_id = staff_id
        self.ask_path = ask_path
        self.open_path = open_path or (lambda p: QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(p))))
        self.folder = folder or Path.home()
        self.draft: messaging.Draft | None = None
        self.plan: messaging.BulkPlan | None = None
        self.page = 0
        self.delivered: list[messaging.Delivered] = []
        self.batch: tuple[list[int], str, str, bool] | None = None
        self.shared = messaging.Shared.load()
        self._rendered_text = ("", "")
        self.setWindowTitle(self.tr("Write to…"))
        self.setAccessibleName(self.tr("Message composer"))
        fit_to_screen(self, 900, 640)
        self._build()
        self._preselect()
        self._rerender()

    # --- construction ---------------------------------------------------------------------
    def _build(self) -> None:
        self.to_label = QLabel()
        self.to_label.setWordWrap(True)
        self.to_label.setTextFormat(Qt.TextFormat.PlainText)
        self.template_combo = QComboBox()
        self.template_combo.setAccessibleName(self.tr("Template"))
        self.template_combo.setToolTip(self.tr("The template the message starts from "
                                               "(Settings ▸ Message Templates…)"))
        for info in templates.list_templates():
            self.template_combo.addItem(self.tr("{template} ({channel})").format(
                template=info.name, channel=vocabulary.label(templates.CHANNELS[info.channel])),
                info.name)
        found = self.template_combo.findData(self.wanted_template)
        if found < 0:
            found = self.template_combo.findData(DEFAULT_TEMPLATE)
        self.template_combo.setCurrentIndex(max(0, found))
        self.channel_combo = QComboBox()
        self.channel_combo.setAccessibleName(self.tr("Channel"))
        for key, label in templates.CHANNELS.items():
            self.channel_combo.addItem(vocabulary.label(label), key)
        self.language_combo = QComboBox()
        self.language_combo.setAccessibleName(self.tr("Language"))
        if not self.single:
            self.language_combo.addItem(self.tr("Each client's language"), "")
        for key, label in templates.LANGUAGES.items():
            self.language_combo.addItem(vocabulary.label(label), key)
        self.language_combo.setEnabled(self.single)
        top = QFormLayout()
        top.addRow(self.tr("To:"), self.to_label)
        row = QHBoxLayout()
        for label, combo in ((self.tr("&Template:"), self.template_combo),
                             (self.tr("&Channel:"), self.channel_combo),
                             (self.tr("&Language:"), self.language_combo)):
            caption = QLabel(label)
            caption.setBuddy(combo)
            row.addWidget(caption)
            row.addWidget(combo, 1)
        top.addRow(row)

        self.subject_edit = QLineEdit()
        self.subject_edit.setAccessibleName(self.tr("Subject"))
        self.subject_edit.setReadOnly(not self.single)
        self.body_edit = QPlainTextEdit()
        self.body_edit.setAccessibleName(self.tr("Message text"))
        self.body_edit.setReadOnly(not self.single)
        self.body_edit.setToolTip(self.tr("Exactly what the client will read; edit it as you "
                                          "like"))
        self.info_label = QLabel()
        self.info_label.setWordWrap(True)
        self.info_label.setTextFormat(Qt.TextFormat.PlainText)
        self.warning_label = QLabel()
        self.warning_label.setWordWrap(True)
        self.warning_label.setTextFormat(Qt.TextFormat.PlainText)
        from crmdesk.ui.theme import colour

        self.warning_label.setStyleSheet(f"color: {colour('error').name()};")
        self.warning_label.setAccessibleName(self.tr("Warnings"))
        self.hints_list = QListWidget()
        self.hints_list.setAccessibleName(self.tr("Writing hints"))
        self.hints_list.setMaximumHeight(90)
        self.follow_up_check = QCheckBox()
        self.follow_up_check.setToolTip(self.tr("Create a follow-up (a promise) so that what "
                                                "the message promises is done"))
        self.follow_up_due = QDateEdit(QDate.currentDate().addDays(3))
        self.follow_up_due.setCalendarPopup(True)
        self.follow_up_due.setAccessibleName(self.tr("Follow-up due"))
        follow_row = QHBoxLayout()
        follow_row.addWidget(self.follow_up_check, 1)
        follow_row.addWidget(QLabel(self.tr("due")))
        follow_row.addWidget(self.follow_up_due)
        self.follow_up_row = QWidget()
        self.follow_up_row.setLayout(follow_row)
        self.follow_up_row.setVisible(False)

        editor = QWidget()
        el = QVBoxLayout(editor)
        el.setContentsMargins(0, 0, 0, 0)
        subject_row = QHBoxLayout()
        subject_caption = QLabel(self.tr("Su&bject:"))
        subject_caption.setBuddy(self.subject_edit)
        subject_row.addWidget(subject_caption)
        subject_row.addWidget(self.subject_edit, 1)
        el.addLayout(subject_row)
        el.addWidget(self.body_edit, 1)
        el.addWidget(self.info_label)
        el.addWidget(self.warning_label)
        el.addWidget(QLabel(self.tr("Hints:")))
        el.addWidget(self.hints_list)
        el.addWidget(self.follow_up_row)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(editor)
        self.excluded_list = QListWidget()
        self.excluded_list.setAccessibleName(self.tr("Left out"))
        self.excluded_list.setToolTip(self.tr("Clients left out, with the reason; tick one to "
                                              "include them anyway"))
        self.prev_button = QPushButton(self.tr("◀ &Previous"))
        self.next_button = QPushButton(self.tr("&Next ▶"))
        self.page_label = QLabel()
        self.combined_check = QCheckBox(self.tr("One &file for all (a PDF of every letter, an "
                                                "mbox of every e-mail)"))
        if not self.single:
            side = QWidget()
            sl = QVBoxLayout(side)
            sl.setContentsMargins(0, 0, 0, 0)
            pager = QHBoxLayout()
            pager.addWidget(self.prev_button)
            pager.addWidget(self.page_label, 1)
            pager.addWidget(self.next_button)
            sl.addLayout(pager)
            self.excluded_caption = QLabel(self.tr("Left out:"))
            sl.addWidget(self.excluded_caption)
            sl.addWidget(self.excluded_list, 1)
            sl.addWidget(self.combined_check)
            self.splitter.addWidget(side)
            self.splitter.setSizes([560, 340])

        self.buttons = QHBoxLayout()
        self.open_mail_button = QPushButton(self.tr("&Open in Mail Program"))
        self.open_mail_button.setToolTip(self.tr("Save the e-mail as a draft (.eml) and open it "
                                                 "in your mail program to send"))
        self.save_button = QPushButton(self.tr("&Save…"))
        self.mailto_button = QPushButton(self.tr("mailto: L&ink"))
        self.mailto_button.setToolTip(self.tr("Open a new message in your mail program (text "
                                              "only)"))
        self.send_button = QPushButton(self.tr("Sen&d"))
        self.copy_button = QPushButton(self.tr("&Copy Text"))
        self.write_many_button = QPushButton(self.tr("&Write Messages…"))
        self.close_button = QPushButton(self.tr("Close"))
        self.buttons.addStretch(1)
        for b in (self.open_mail_button, self.mailto_button, self.send_button,
                  self.copy_button, self.save_button, self.write_many_button,
                  self.close_button):
            self.buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(self.buttons)

        self.template_combo.currentIndexChanged.connect(self._template_changed)
        self.channel_combo.currentIndexChanged.connect(self._rerender)
        self.language_combo.currentIndexChanged.connect(self._rerender)
        self.excluded_list.itemChanged.connect(lambda _item: self._show_page())
        self.prev_button.clicked.connect(lambda: self._turn(-1))
        self.next_button.clicked.connect(lambda: self._turn(1))
        self._hint_timer = QTimer(self)
        self._hint_timer.setSingleShot(True)
        self._hint_timer.setInterval(250)
        self._hint_timer.timeout.connect(self._update_hints)
        self.body_edit.textChanged.connect(self._text_edited)
        self.subject_edit.textEdited.connect(self._text_edited)
        self.open_mail_button.clicked.connect(self.open_in_mail_program)
        self.save_button.clicked.connect(self.save_as)
        self.mailto_button.clicked.connect(self.open_mailto)
        self.send_button.clicked.connect(self.send)
        self.copy_button.clicked.connect(self.copy_text)
        self.write_many_button.clicked.connect(self.write_many)
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self._primary)

    def _preselect(self) -> None:
        if not self.ids:
            return
        try:
            first = messaging.recipient(self.ids[0])
        except LookupError:
            return
        if self.single:
            self.to_label.setText(self._to_text(first))
            lang = self.language_combo.findData(first.data.language)
            self.language_combo.setCurrentIndex(max(0, lang))
            info = self._template_info()
            channel = messaging.default_channel(first, info.channel if info else "email")
            self.channel_combo.setCurrentIndex(max(0, self.channel_combo.findData(channel)))
        else:
            info = self._template_info()
            if info:
                self.channel_combo.setCurrentIndex(
                    max(0, self.channel_combo.findData(info.channel)))

    def _template_changed(self) -> None:
        """For many clients the channel follows the template (one client keeps theirs)."""
        info = self._template_info()
        if info is not None:
            channel = info.channel
            if self.single:
                with contextlib.suppress(LookupError):
                    channel = messaging.default_channel(messaging.recipient(self.ids[0]),
                                                        info.channel)
            self.channel_combo.blockSignals(True)
            self.channel_combo.setCurrentIndex(max(0, self.channel_combo.findData(channel)))
            self.channel_combo.blockSignals(False)
        self._rerender()

    def _to_text(self, r: messaging.Recipient) -> str:
        how = ", ".join(p for p in (r.email, r.phone) if p) or self.tr("no e-mail or phone")
        label = vocabulary.label(catalog.CONTACT_CHANNEL_LABELS.get(r.data.preferred_channel,
                                                                    ""))
        prefers = self.tr("prefers {channel}").format(channel=label.lower()) \
            if r.data.preferred_channel else self.tr("no preferred channel")
        return self.tr("{name} — {how} · {prefers} · {language}").format(
            name=r.name, how=how, prefers=prefers,
            language=vocabulary.label(templates.LANGUAGES[r.data.language]))

    def _template_info(self) -> templates.TemplateInfo | None:
        name = self.template_combo.currentData()
        return next((i for i in templates.list_templates() if i.name == name), None)

    # --- rendering ------------------------------------------------------------------------
    @property
    def template(self) -> str:
        return str(self.template_combo.currentData() or "")

    @property
    def channel(self) -> str:
        return str(self.channel_combo.currentData())

    def _rerender(self) -> None:
        if not self.template:
            self._show_problem(self.tr("There are no templates yet: Settings ▸ Message "
                                       "Templates…."))
            return
        if self.single:
            self._render_one(self.ids[0], str(self.language_combo.currentData() or "") or None)
        else:
            self._plan()

    def _render_one(self, cid: int, language: str | None) -> None:
        try:
            draft = messaging.compose(cid, self.template, self.channel, language, self.shared)
        except (access.AccessDenied, messaging.MessageError, LookupError) as exc:
            self.draft = None
            self._show_problem(str(exc))
            return
        self.draft = draft
        self._rendered_text = (draft.subject, draft.body)
        self.subject_edit.blockSignals(True)
        self.body_edit.blockSignals(True)
        self.subject_edit.setText(draft.subject)
        self.body_edit.setPlainText(draft.body)
        self.subject_edit.blockSignals(False)
        self.body_edit.blockSignals(False)
        self.subject_edit.setEnabled(draft.channel != "sms")
        self.warning_label.setText("\n".join(draft.warnings))
        self._update_info()
        self._update_hints()
        self._update_buttons()

    def _show_problem(self, text: str) -> None:
        self.subject_edit.clear()
        self.body_edit.blockSignals(True)
        self.body_edit.clear()
        self.body_edit.blockSignals(False)
        self.warning_label.setText(text)
        self.info_label.clear()
        self.hints_list.clear()
        self.follow_up_row.setVisible(False)
        self._update_buttons()

    def _plan(self) -> None:
        try:
            self.plan = messaging.plan_many(self.ids, self.template, self.channel)
        except (access.AccessDenied, messaging.MessageError, LookupError) as exc:
            self.plan = None
            self._show_problem(str(exc))
            return
        self.excluded_list.blockSignals(True)
        self.excluded_list.clear()
        for e in self.plan.excluded:
            item = QListWidgetItem(self.tr("{name} — {reason}").format(name=e.name,
                                                                        reason=e.reason))
            item.setData(CUSTOMER_ROLE, e.customer_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.excluded_list.addItem(item)
        self.excluded_list.blockSignals(False)
        left_out = len(self.plan.excluded)
        self.excluded_caption.setText(self.tr("Left out ({count}), with the reason — tick to "
                                              "include anyway:").format(count=number(left_out)))
        self.to_label.setText(self.tr("{included} of {count} client(s) ({left_out} left out)",
                                      "", len(self.ids)).format(
            included=number(len(self.plan.included)), count=number(len(self.ids)),
            left_out=number(left_out)))
        self.page = 0
        self._show_page()

    def chosen_ids(self) -> list[int]:
        """Who gets the message: those included, and those ticked in the list left out."""
        if self.plan is None:
            return []
        extra = {int(self.excluded_list.item(i).data(CUSTOMER_ROLE))
                 for i in range(self.excluded_list.count())
                 if self.excluded_list.item(i).checkState() == Qt.CheckState.Checked}
        return [cid for cid in self.ids if cid in set(self.plan.included) | extra]

    def _show_page(self) -> None:
        ids = self.chosen_ids()
        self.page = max(0, min(self.page, len(ids) - 1))
        self.prev_button.setEnabled(self.page > 0)
        self.next_button.setEnabled(self.page < len(ids) - 1)
        if not ids:
            self.page_label.setText(self.tr("Nobody to write to"))
            self._show_problem(self.tr("Nobody gets this message on this channel."))
            return
        self.page_label.setText(self.tr("{page} of {count}").format(page=number(self.page + 1),
                                                                    count=number(len(ids))))
        self._render_one(ids[self.page], None)

    def _turn(self, step: int) -> None:
        self.page += step
        self._show_page()

    def _text_edited(self) -> None:
        if self.draft is not None and self.single:
            self.draft.subject = " ".join(self.subject_edit.text().split())
            self.draft.body = self.body_edit.toPlainText()
            if (self.draft.subject, self.draft.body) != self._rendered_text:
                messaging.rerender_html(self.draft)
            self._update_info()
        self._hint_timer.start()

    def _update_info(self) -> None:
        d = self.draft
        if d is None:
            return
        if d.channel == "sms":
            length = d.length
            text = self.tr("To {phone} · {characters} character(s) · {parts} ({encoding})", "",
                           length.characters).format(
                phone=d.to_address or self.tr("(no phone)"),
                characters=number(length.characters), encoding=length.encoding,
                parts=self.tr("{count} message(s)", "", length.segments).format(
                    count=number(length.segments)))
        elif d.channel == "email":
            text = self.tr("To {name} <{address}>").format(name=d.to_name, address=d.to_address) \
                if d.to_address else self.tr("No e-mail address")
        else:
            text = self.tr("Letter to: {address}").format(address=" / ".join(d.address_lines))
        if self.single and (d.subject, d.body) != self._rendered_text:
            text = self.tr("{text} · edited by hand").format(text=text)
        self.info_label.setText(text)

    def _update_hints(self) -> None:
        self.hints_list.clear()
        d = self.draft
        if d is None:
            return
        promise = None
        for hint in messaging.hints(self.body_edit.toPlainText(), d.language, d.formal):
            self.hints_list.addItem(self.tr("line {line}: {message}").format(
                line=hint.line, message=hint.message) if hint.line else hint.message)
            if hint.kind == "promise" and promise is None:
                promise = hint.text
        self.follow_up_row.setVisible(self.single and promise is not None)
        if promise is not None:
            self.follow_up_check.setText(self.tr("Add a follow-up to keep it: “{promise}”")
                                         .format(promise=promise))
            self.follow_up_text = promise

    follow_up_text = ""

    def _update_buttons(self) -> None:
        ready = self.draft is not None
        channel = self.channel
        cfg = delivery.smtp_config()
        for button, visible in ((self.open_mail_button, channel == "email"),
                                (self.mailto_button, channel == "email"),
                                (self.send_button, channel == "email"),
                                (self.copy_button, channel == "sms"),
                                (self.save_button, True)):
            button.setVisible(self.single and visible)
            button.setEnabled(ready)
        self.send_button.setEnabled(ready and cfg.configured and bool(
            self.draft and self.draft.to_address))
        self.send_button.setToolTip(
            self.tr("Send now through {server}").format(server=cfg.host) if cfg.configured else
            self.tr("No mail server is set up (Settings ▸ Mail Server…)"))
        self.save_button.setText({"email": self.tr("&Save Draft…"),
                                  "letter": self.tr("&Save PDF…"),
                                  "sms": self.tr("&Save Text…")}[channel])
        self.write_many_button.setVisible(not self.single)
        self.write_many_button.setEnabled(bool(self.chosen_ids()) if not self.single else False)
        if not self.single:
            count = len(self.chosen_ids())
            self.write_many_button.setText(self.tr("&Write {count} Message(s)…", "", count)
                                           .format(count=number(count)))

    # --- delivery (one client) ------------------------------------------------------------
    def _follow_up(self) -> FollowUpData | None:
        if not (self.follow_up_row.isVisible() and self.follow_up_check.isChecked()):
            return None
        day = self.follow_up_due.date().toPython()
        assert isinstance(day, dt.date)
        due = dt.datetime.combine(day, dt.time(17, 0)).astimezone()
        return FollowUpData(customer_id=self.ids[0], what=self.follow_up_text, due_at=due,
                            is_promise=True, assignee_id=self.staff_id)

    def _done(self, result: messaging.Delivered, what: str) -> None:
        self.delivered.append(result)
        self.info_label.setText(self.tr("{what} — logged in the client's timeline.")
                                .format(what=what))

    def _guard(self, action: Callable[[], None]) -> bool:
        try:
            action()
        except delivery.SendFailed as exc:
            self.warning_label.setText(self.tr("Not sent: {error} The message is kept here.")
                                       .format(error=exc))
            return False
        except (access.AccessDenied, messaging.MessageError, ValidationFailed, LookupError,
                ValueError) as exc:
            self.warning_label.setText(str(exc))
            return False
        except OSError as exc:
            self.warning_label.setText(self.tr("Could not write the file: {error}")
                                       .format(error=exc.strerror or exc))
            return False
        except DB_ERRORS as exc:
            self.warning_label.setText(self.tr("The book could not record it: {error}")
                                       .format(error=exc))
            return False
        return True

    def _primary(self) -> None:
        if not self.single:
            self.write_many()
        elif self.channel == "email":
            self.open_in_mail_program()
        elif self.channel == "sms":
            self.copy_text()
        else:
            self.save_as()

    def draft_folder(self) -> Path:
        folder = self.folder / "drafts"
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        return folder

    def open_in_mail_program(self) -> None:
        d = self.draft
        if d is None:
            return
        target = self.draft_folder() / messaging.file_name(d)

        def go() -> None:
            self._done(messaging.deliver(d, target, self.shared, self.staff_id,
                                         self._follow_up()),
                       self.tr("Draft saved as {file}").format(file=target.name))
            self.open_path(target)

        if self._guard(go):
            self.accept()

    def save_as(self) -> None:
        d = self.draft
        if d is None or self.ask_path is None:
            return
        kinds = {"email": self.tr("E-mail draft (*.eml)"), "letter": self.tr("PDF (*.pdf)"),
                 "sms": self.tr("Text (*.txt)")}
        target = self.ask_path(self.tr("Save the message"),
                               self.folder / messaging.file_name(d), kinds[d.channel])
        if target is None:
            return
        ext = messaging.EXTENSION[d.channel]
        if target.suffix.lower() != ext:
            target = target.with_name(target.name + ext)

        def go() -> None:
            self._done(messaging.deliver(d, target, self.shared, self.staff_id,
                                         self._follow_up()),
                       self.tr("Saved as {path}").format(path=target))
            if d.channel == "letter":
                self.open_path(target)

        if self._guard(go):
            self.accept()

    def open_mailto(self) -> None:
        d = self.draft
        if d is None:
            return

        def go() -> None:
            QDesktopServices.openUrl(QUrl(delivery.mailto(d.to_address, d.subject, d.body)))
            self._done(messaging.deliver_without_file(d, "mailto: link", self.staff_id,
                                                      self._follow_up()), self.tr("Opened"))

        if self._guard(go):
            self.accept()

    def send(self) -> None:
        d = self.draft
        if d is None:
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            ok = self._guard(lambda: self._done(
                messaging.send(d, self.shared, self.staff_id, self._follow_up()),
                self.tr("Sent")))
        finally:
            QGuiApplication.restoreOverrideCursor()
        if ok:
            self.accept()

    def copy_text(self) -> None:
        d = self.draft
        if d is None:
            return

        def go() -> None:
            QGuiApplication.clipboard().setText(d.body)
            self._done(messaging.deliver_without_file(d, "copied as text", self.staff_id,
                                                      self._follow_up()), self.tr("Copied"))

        if self._guard(go):
            self.accept()

    # --- many -----------------------------------------------------------------------------
    def write_many(self) -> None:
        ids = self.chosen_ids()
        if not ids:
            return
        self.batch = (ids, self.template, self.channel, self.combined_check.isChecked())
        self.accept()
