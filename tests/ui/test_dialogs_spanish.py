"""Issue 20, the dialogs area in Spanish: the dialogs, widgets and models speak Spanish with the
catalogue installed (plurals right), English without it, and every dialog still fits 1024×600."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel

from crmdesk.services import access, audit, catalog, sync
from crmdesk.ui import screen_fit
from crmdesk.ui.main_window import MainWindow
from crmdesk.ui.widgets import vocabulary
from tests.conftest import add
from tests.ui.translations import catalogue
from tests.ui.walk import open_every_dialog

SMALL = QRect(0, 0, 1024, 600)
ROOM = QSize(SMALL.width() - screen_fit.FRAME_ALLOWANCE.width(),
             SMALL.height() - screen_fit.FRAME_ALLOWANCE.height())


@pytest.fixture
def spanish(qapp, tmp_path: Path) -> Iterator[None]:  # type: ignore[no-untyped-def]
    with catalogue(tmp_path):
        yield



def _labels(form: QFormLayout) -> list[str]:
    texts = []
    for row in range(form.rowCount()):
        item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        if item is not None and isinstance(item.widget(), QLabel):
            texts.append(item.widget().text())
    return texts


def test_quick_capture_speaks_spanish(qtbot, book, spanish) -> None:  # type: ignore[no-untyped-def]
    from crmdesk.ui.dialogs.quick_capture import QuickCaptureDialog

    add("Lola", "Peña", phones=("+34 612 345 678",), region="ES")
    dialog = QuickCaptureDialog(None, "ES")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Registro rápido"
    labels = _labels(dialog._form)
    assert "&Quién" in labels and "&Canal" in labels and "&Nota" in labels
    assert dialog.channel.currentText() == "Teléfono"  # the catalogue's label, translated
    assert dialog.direction.currentText() == "Entrante"
    dialog.who.setText("Nadie Nuevo")
    assert dialog.matches.item(dialog.matches.count() - 1).text() == \
        "+ Nuevo cliente potencial: «Nadie Nuevo»"
    # the accelerators of one form do not clash
    keys = [t[t.index("&") + 1].lower() for t in labels if "&" in t]
    assert len(keys) == len(set(keys)), labels


def test_quick_capture_stays_english_without_a_catalogue(qtbot, book) -> None:  # type: ignore[no-untyped-def]
    from crmdesk.ui.dialogs.quick_capture import QuickCaptureDialog

    dialog = QuickCaptureDialog(None, "US")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Quick capture"
    assert dialog.channel.currentText() == "Phone"


def test_log_interaction_in_spanish_names_the_role(qtbot, book, spanish) -> None:  # type: ignore[no-untyped-def]
    from crmdesk.services import staff
    from crmdesk.ui.dialogs.interaction_dialogs import LogInteractionDialog

    staff.add("Eva", "executive")
    cid = add("Lola", "Peña")
    dialog = LogInteractionDialog(cid, "Lola Peña", None)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Registrar interacción — Lola Peña"
    assert dialog.follow_box.title() == "Añadir un seguimiento"
    assert [dialog.staff.itemText(i) for i in range(dialog.staff.count())][-1] == \
        "Eva (ejecutivo/a)"
    access.reset()


def test_every_catalogue_label_is_translatable() -> None:
    """A label added to services/catalog.py must be listed in ui/widgets/vocabulary.py."""
    pairs = (catalog.STAGES + catalog.RELATIONSHIP_TYPES + catalog.CONTACT_CHANNELS
             + catalog.CONSENT_CHANNELS + catalog.LANGUAGES + catalog.ADDRESS_FORMS
             + catalog.INTERACTION_CHANNELS + catalog.DIRECTIONS + catalog.FOLLOW_UP_STATUSES)
    from crmdesk.services import message_templates

    labels = {text for _key, text in pairs} | set(access.ROLE_LABELS.values()) \
        | set(audit.ACTIONS.values()) | set(message_templates.CHANNELS.values()) \
        | set(message_templates.LANGUAGES.values()) | set(message_templates.PURPOSES.values())
    assert labels <= set(vocabulary.LABELS), labels - set(vocabulary.LABELS)
    assert set(catalog.STAFF_ROLES) == set(vocabulary.ROLE_WORDS)


def test_every_dialog_fits_a_small_screen_in_spanish(  # type: ignore[no-untyped-def]
        qtbot, book, make_window, monkeypatch, spanish) -> None:
    """Spanish runs ~25 % longer than English: every dialog the window opens still fits."""
    monkeypatch.setattr(MainWindow, "available_geometry", lambda self: QRect(SMALL))
    monkeypatch.setattr(screen_fit, "available", lambda widget=None: QRect(SMALL))
    cid = add("Lola", "Peña", emails=("lola@example.es",), phones=("+34 612 345 678",),
              region="ES")
    window = make_window()
    window.refresh()
    too_big: list[str] = []
    seen: list[str] = []
    clashes: list[str] = []

    def inspect(action: str, dialog: QDialog) -> None:
        seen.append(type(dialog).__name__)
        clash = _accelerator_clashes(dialog)
        if clash:
            clashes.append(f"{type(dialog).__name__}: {clash}")
        least = dialog.minimumSizeHint().expandedTo(dialog.minimumSize())
        for what, size in (("minimum size", least), ("size", dialog.size())):
            if size.width() > ROOM.width() or size.height() > ROOM.height():
                too_big.append(f"{action}: {type(dialog).__name__} {what} "
                               f"{size.width()}×{size.height()}")

    def prepare() -> None:
        _show_client(window, cid)

    open_every_dialog(window, qtbot, monkeypatch, inspect, prepare)
    assert "QuickCaptureDialog" in seen and "LogInteractionDialog" in seen, seen
    assert not too_big, too_big
    assert not clashes, clashes


def _show_client(window: MainWindow, cid: int) -> None:
    """The customer list with `cid` chosen, as the dialogs that act on a client need."""
    window.nav.setCurrentItem(window.nav_customers)
    window.customers.select_id(cid)
    if window.profile.customer_id != cid:
        window._show_customer(cid)


def _accelerator_clashes(dialog: QDialog) -> dict[str, list[str]]:
    """Alt+letter keys that two visible controls of `dialog` (buttons, labels of a field,
    tabs) share in Spanish."""
    from PySide6.QtWidgets import QAbstractButton, QTabWidget

    texts: list[str] = []
    for widget in dialog.findChildren(QAbstractButton):
        if widget.isVisibleTo(dialog):
            texts.append(widget.text())
    for label in dialog.findChildren(QLabel):
        if label.buddy() is not None and label.isVisibleTo(dialog):
            texts.append(label.text())
    for tabs in dialog.findChildren(QTabWidget):
        texts += [tabs.tabText(i) for i in range(tabs.count())]
    keys: dict[str, list[str]] = {}
    for text in texts:
        plain = text.replace("&&", "")
        if "&" in plain and plain.index("&") + 1 < len(plain):
            keys.setdefault(plain[plain.index("&") + 1].lower(), []).append(text)
    return {key: found for key, found in keys.items() if len(found) > 1}


def test_loyalty_dialogs_count_points_in_spanish(qtbot, book, spanish) -> None:  # type: ignore[no-untyped-def]
    from crmdesk.ui.dialogs.loyalty_dialogs import PointsDialog, RedeemDialog

    cid = add("Lola", "Peña")
    dialog = PointsDialog(cid, "Lola Peña", 1, None)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Bonificación o ajuste — Lola Peña"
    dialog.points.setValue(0)
    dialog.adjust.setChecked(True)
    assert dialog.hint.text() == "Nuevo saldo: 1 punto."
    dialog.points.setValue(1)
    assert dialog.hint.text() == "Nuevo saldo: 2 puntos."
    redeem = RedeemDialog(cid, "Lola Peña", 1, None)
    qtbot.addWidget(redeem)
    redeem.reward.setCurrentIndex(redeem.reward.count() - 1)  # points only
    redeem.points.setValue(1)
    assert redeem.hint.text() == "Quedarán 0 puntos."
    redeem.points.setValue(3)
    assert redeem.error.text() == "Faltan 2 puntos: el saldo es 1."


def test_english_plurals_come_from_the_english_catalogue(qtbot, book) -> None:  # type: ignore[no-untyped-def]
    """Without Spanish, the English plural forms say "1 point" (tests/ui/conftest.py installs
    dialogs_en.qm for every UI test, as the app does)."""
    from crmdesk.ui.dialogs.loyalty_dialogs import PointsDialog

    cid = add("Lola", "Peña")
    dialog = PointsDialog(cid, "Lola Peña", 0, None)
    qtbot.addWidget(dialog)
    dialog.adjust.setChecked(True)
    dialog.points.setValue(1)
    assert dialog.hint.text() == "New balance: 1 point."
    dialog.points.setValue(2)
    assert dialog.hint.text() == "New balance: 2 points."


def test_the_import_preview_counts_in_spanish(qtbot, book, spanish, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from crmdesk.ui.dialogs.import_dialog import ImportDialog

    source = tmp_path / "contactos.csv"
    source.write_text("Nombre,Apellidos,E-mail\nLola,Peña,lola@example.es\n"
                      "Ana,Ruiz,ana@example.es\n", encoding="utf-8")
    dialog = ImportDialog(source, "ES")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.planned, timeout=10_000):
        dialog.start()
    assert dialog.windowTitle() == "Importar contactos.csv"
    assert dialog.info.text().startswith("contactos.csv: archivo CSV, 2 filas")
    assert dialog.counts.text() == ("2 nuevos · 0 actualizan un cliente · 0 posibles "
                                    "duplicados · 0 rechazados")
    assert dialog.model.headerData(4, Qt.Orientation.Horizontal) == "Resultado"
    assert dialog.model.index(0, 4).data() == "Nuevo"
    assert dialog.import_button.text() == "&Importar"


def _conflict(**fields: object) -> sync.Conflict:
    base: dict[str, object] = {
        "id": 7, "table": "customer", "customer_id": None, "customer": "Lola Peña",
        "field": "occupation", "kept": "Abogada", "other": "Notaria", "kept_by": "Eva",
        "other_by": "Rita", "kept_at": "2026-11-30T10:00:00Z", "other_at": "", "reason": "",
        "at": "2026-11-30T10:05:00Z", "resolved_at": None, "resolution": None, "mine": "kept"}
    base.update(fields)
    return sync.Conflict(**base)  # type: ignore[arg-type]


def test_the_conflicts_dialog_speaks_spanish(  # type: ignore[no-untyped-def]
        qtbot, book, make_window, monkeypatch, spanish) -> None:
    from crmdesk.services import sync_review
    from crmdesk.ui.dialogs.conflicts_dialog import ConflictsDialog

    found = [_conflict(), _conflict(id=8, field="*", reason="overdrawn", mine="",
                                    resolved_at="2026-11-30T11:00:00Z", resolution="theirs")]
    monkeypatch.setattr(sync, "conflicts", lambda include_resolved=False: found)
    monkeypatch.setattr(sync_review, "explain", lambda con: "—")
    window = make_window()
    dialog = ConflictsDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Revisar conflictos"
    assert dialog.table.horizontalHeaderItem(2).text() == "Qué pasó"
    assert dialog.table.item(0, 2).text() == "cambiado en dos equipos"
    assert dialog.table.item(1, 2).text() == "puntos en descubierto · resuelto (el suyo)"
    assert dialog.table.item(1, 1).text() == "customer (fila nueva)"
    assert dialog.boxes[0][0].title() == "El tuyo"
    assert dialog.boxes[1][2].text().startswith("por Rita, hora desconocida")
    assert (dialog.keep_mine.text(), dialog.keep_theirs.text()) == \
        ("Conservar el &mío", "Conservar el &suyo")
    dialog.table.setCurrentCell(1, 0)  # neither value is this book's
    assert dialog.keep_mine.text() == "Conservar el del &libro"
    assert dialog.show_settled.text() == "Mostrar los resueltos"


def test_the_office_dialogs_speak_spanish_and_fit(qtbot, book, spanish) -> None:  # type: ignore[no-untyped-def]
    from crmdesk.ui.dialogs.office_dialogs import JoinDialog, OfficeSettingsDialog

    join = JoinDialog(None)
    qtbot.addWidget(join)
    assert join.windowTitle() == "Unirse al libro de la oficina"
    assert join.go.text() == "Un&irse"
    labels = _labels(join.form)
    assert "&Dirección del servidor:" in labels and "&Repite la frase de contraseña:" in labels
    keys = [t[t.index("&") + 1].lower() for t in labels + [join.go.text()] if "&" in t]
    assert len(keys) == len(set(keys)), labels
    join.hub.setText("postgresql://hub.example/crm")
    assert join.request() is None
    assert join.message.text() == "Indica tu usuario en el servidor."
    hint = join.minimumSizeHint()
    assert hint.width() <= ROOM.width() and hint.height() <= ROOM.height(), hint
    settings = OfficeSettingsDialog("postgresql://hub.example/crm", "Portátil", "d-1", None)
    qtbot.addWidget(settings)
    assert settings.windowTitle() == "Libro de la oficina"


def test_signing_in_and_the_lock_speak_spanish(qtbot, book, spanish) -> None:  # type: ignore[no-untyped-def]
    from crmdesk.ui.dialogs.sign_in import LockDialog, NewSecretDialog, SignInDialog

    dialog = SignInDialog("oficina.db")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Iniciar sesión — oficina.db"
    secret = NewSecretDialog("Eva", pin=False)
    qtbot.addWidget(secret)
    assert secret.windowTitle() == "Nueva contraseña para Eva"
    pin = NewSecretDialog("Eva", pin=True)
    qtbot.addWidget(pin)
    assert pin.windowTitle() == "Nuevo PIN para Eva"
    lock = LockDialog(lambda text: False, "Eva", "")
    qtbot.addWidget(lock)
    lock.try_unlock()
    assert lock.error.text() == "Eso no lo desbloquea."
    lock.unlocked = True


def test_the_composer_speaks_spanish_and_counts(qtbot, book, spanish) -> None:  # type: ignore[no-untyped-def]
    from crmdesk.ui.dialogs.composer import ComposerDialog
    from crmdesk.ui.dialogs.template_editor import TemplateLibraryDialog

    today = dt.date.today()
    lola = add("Dolores", "Peña", region="ES", preferred_name="Lola", salutation="Sra.",
               language="es", emails=("lola@example.es",), phones=("+34 612 34 56 78",),
               consents={"email": today, "sms": today}, preferred_channel="email")
    ana = add("Ana", "Ruiz", region="ES", language="es", emails=("ana@example.es",),
              consents={"email": today})
    nobody = add("Pablo", "Gil", region="ES", language="es")  # no e-mail: left out
    one = ComposerDialog([lola], None)
    qtbot.addWidget(one)
    assert one.windowTitle() == "Escribir a…"
    assert "prefiere correo electrónico · Español" in one.to_label.text()
    assert one.open_mail_button.text() == "&Abrir en el programa de correo"
    one.channel_combo.setCurrentIndex(one.channel_combo.findData("sms"))
    assert one.channel_combo.currentText() == "SMS / chat"
    assert one.info_label.text().endswith(" caracteres · 2 mensajes (GSM-7)"), one.info_label.text()
    many = ComposerDialog([lola, ana, nobody], None)
    qtbot.addWidget(many)
    assert many.to_label.text() == "2 de 3 clientes (1 excluidos)"
    assert many.write_many_button.text() == "Escri&bir 2 mensajes…"
    assert many.page_label.text() == "1 de 2"
    library = TemplateLibraryDialog(None)
    qtbot.addWidget(library)
    assert library.windowTitle() == "Plantillas de mensajes"
    assert library.delete_button.text() == "&Eliminar versión"


def test_every_csv_target_is_translatable() -> None:
    from crmdesk.services.importing import csv_reader
    from crmdesk.ui.dialogs.import_dialog import TARGET_TEXTS

    assert set(csv_reader.TARGETS.values()) <= set(TARGET_TEXTS)


def test_every_merge_field_description_is_translatable() -> None:
    from crmdesk.services import message_templates
    from crmdesk.ui.dialogs.template_editor import FIELD_TEXTS

    assert {f.description for f in message_templates.FIELDS} <= set(FIELD_TEXTS)


def test_numbers_follow_the_interface_language() -> None:
    """The locale crmdesk.i18n sets for Spanish writes 12.345, 1,5 and 45 %."""
    from PySide6.QtCore import QLocale

    before = QLocale()
    try:
        QLocale.setDefault(QLocale(QLocale.Language.Spanish, QLocale.Country.Spain))
        assert (vocabulary.number(12345), vocabulary.decimal(1234.5),
                vocabulary.percent(0.45)) == ("12.345", "1.234,5", "45 %")
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        assert (vocabulary.number(12345), vocabulary.decimal(1234.5),
                vocabulary.percent(0.45)) == ("12,345", "1,234.5", "45%")
    finally:
        QLocale.setDefault(before)


def test_no_dialog_has_two_controls_on_one_letter_in_english(  # type: ignore[no-untyped-def]
        qtbot, book, make_window, monkeypatch) -> None:
    """The English texts are the source: their Alt+letter keys are as unique as the Spanish."""
    cid = add("Lola", "Peña", emails=("lola@example.es",), phones=("+34 612 345 678",),
              region="ES")
    window = make_window()
    window.refresh()
    clashes: list[str] = []

    def inspect(action: str, dialog: QDialog) -> None:
        clash = _accelerator_clashes(dialog)
        if clash:
            clashes.append(f"{type(dialog).__name__}: {clash}")

    def prepare() -> None:
        _show_client(window, cid)

    open_every_dialog(window, qtbot, monkeypatch, inspect, prepare)
    assert not clashes, clashes
