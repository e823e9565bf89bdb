"""Issue 20: what the services write shows in the window's language. In Spanish a refused
save's reason, an import's per-contact report and its file notes, a timeline's titles and
filter, the summary's "how to contact", a refusal and a loyalty line are Spanish; in English
they read exactly as before."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication

from crmdesk import i18n
from crmdesk.services import access, interactions, lifecycle, loyalty_ledger, texts
from crmdesk.services.interactions import FollowUpData, InteractionData
from crmdesk.store.models import utcnow
from tests.conftest import add, office
from tests.ui.conftest import open_profile

ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
CTRL = Qt.KeyboardModifier.ControlModifier
VCARDS = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Peña;Lola;;;\r\nEMAIL:lola@example.es\r\n"
    "BDAY:someday\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nEMAIL:sin.nombre@example.es\r\nEND:VCARD\r\n")


def _needs_catalogues() -> None:
    if not any(p.endswith("services_es.qm") for p in i18n.catalogue_files("es")):
        pytest.skip("the .qm catalogues are not built (make qm)")


@pytest.fixture(params=["es", "en"])
def lang(request, qapp: QApplication) -> Iterator[str]:  # type: ignore[no-untyped-def]
    _needs_catalogues()
    assert i18n.install(qapp, request.param, system=ENGLISH) == request.param
    yield request.param
    i18n.install(qapp, "en", system=ENGLISH)
    texts.reset()
    QLocale.setDefault(QLocale.c())


def pick(lang: str, es: str, en: str) -> str:
    return es if lang == "es" else en


def test_a_refused_save_gives_its_reason_in_the_language(qtbot, book, make_window,  # type: ignore[no-untyped-def]
                                                         lang) -> None:
    cid = add("Ana", "Ruiz", phones=("+1 905 555 1234",))
    window = make_window()
    open_profile(qtbot, window, cid)
    profile = window.profile
    row = profile.phones.rows[0]
    row.value.selectAll()
    qtbot.keyClicks(row.value, "123")
    qtbot.keyClick(row.value, Qt.Key.Key_S, CTRL)
    assert row.error.isVisibleTo(window)
    assert row.error.text() == pick(
        lang, "«123» no es un número de teléfono válido para la región US (demasiado corto).",
        "“123” is not a valid phone number for region US (too short).")
    assert pick(lang, "«123» no es un número", "“123” is not a valid") in \
        window.statusBar().currentMessage()


def test_an_import_report_speaks_the_language(qtbot, book, tmp_path: Path, lang) -> None:  # type: ignore[no-untyped-def]
    from crmdesk.ui.dialogs.import_dialog import ImportDialog

    add("Lola", "Peña", emails=("lola@example.es",))
    path = tmp_path / "people.vcf"
    path.write_text(VCARDS, encoding="utf-8")
    dialog = ImportDialog(path, "ES")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.planned, timeout=10_000):
        dialog.start()
    column = dialog.model.columnCount() - 1  # "Reason / warnings"
    report = [dialog.model.index(r, column).data() for r in range(dialog.model.rowCount())]
    assert pick(lang, "mismo correo que el cliente 1", "same e-mail as customer 1") in report[0]
    assert pick(lang, "no se entiende el cumpleaños «someday»",
                "birthday “someday” not understood") in report[0]
    assert report[1] == pick(lang, "sin nombre en la tarjeta: se nombra por su dirección de correo",
                             "no name in the card: named after its e-mail address")


def test_an_unreadable_file_is_refused_in_the_language(book, tmp_path: Path, lang) -> None:  # type: ignore[no-untyped-def]
    """The one line the window shows when a file cannot be imported (services/importing)."""
    from crmdesk.services.importing import files

    path = tmp_path / "photo.vcf"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    with pytest.raises(files.UnreadableFile) as refused:
        files.read_path(path)
    assert str(refused.value) == pick(
        lang, "photo.vcf no es un archivo vCard ni CSV: parece una imagen PNG.",
        "photo.vcf is not a vCard or CSV file: it looks like a PNG image.")


def test_the_timeline_and_the_summary_speak_the_language(qtbot, book, make_window,  # type: ignore[no-untyped-def]
                                                         lang) -> None:
    cid = add("Lola", "Peña", preferred_channel="phone", best_time="mañanas", language="es",
              phones=("+34 612 345 678",), region="ES")
    now = utcnow()
    interactions.log(InteractionData(cid, "phone", "in", "Quiere un plan",
                                     now - dt.timedelta(days=1), subject="Pensión",
                                     outcome="Plan enviado", satisfaction=4))
    interactions.add_follow_up(FollowUpData(cid, "Enviar el plan", now - dt.timedelta(hours=2),
                                            True))
    lifecycle.move([cid], "growth")
    window = make_window()
    window.show_customer(cid)
    assert pick(lang, "Teléfono, mañanas, en español", "Phone, mañanas, in Spanish") in \
        window.summary_view.reach.text()
    window.detail_tabs.setCurrentWidget(window.timeline)
    model = window.timeline.model
    rows = [model.row_data(r) for r in range(model.rowCount())]
    titles = [r.title for r in rows]
    assert pick(lang, "Promesa: Enviar el plan", "Promise: Enviar el plan") in titles
    assert pick(lang, "← Teléfono: Pensión", "← Phone: Pensión") in titles
    stage = next(t for t in titles if t.startswith(pick(lang, "Etapa:", "Stage:")))
    assert stage == pick(lang, "Etapa: Conocimiento → Crecimiento", "Stage: Knowledge → Growth")
    promise = next(r for r in rows if r.promise)
    assert pick(lang, "Abierto, vencido", "Open, overdue") in promise.detail
    call = next(r for r in rows if r.kind == "interaction")
    assert pick(lang, "Resultado: Plan enviado; Satisfacción 4/5",
                "Outcome: Plan enviado; Satisfaction 4/5") in call.detail
    kinds = [window.timeline.kind.itemText(i) for i in range(window.timeline.kind.count())]
    assert kinds[1:] == pick(lang, "Interacciones|Seguimientos|Cambios de etapa",
                             "Interactions|Follow-ups|Stage changes").split("|")


def test_a_filter_that_matches_nothing_is_described_in_the_language(qtbot, book, make_window,  # type: ignore[no-untyped-def]
                                                                    lang) -> None:
    add("Lola", "Peña")
    window = make_window()
    view = window.customers
    view.stage.setCurrentIndex(view.stage.findData("growth"))
    qtbot.keyClicks(view.search, "zzz")
    qtbot.waitUntil(lambda: view.no_match_bar.isVisibleTo(window), timeout=5_000)
    assert view.no_match.text() == pick(
        lang, "Ningún cliente de la lista coincide con “zzz”, etapa Crecimiento.",
        "No customers on the list match “zzz”, stage Growth.")


def test_a_refusal_speaks_the_language(book, lang) -> None:  # type: ignore[no-untyped-def]
    """What the window shows when the signed-in person's role refuses (services/access.py:
    the role's label and what it may not do, both translated)."""
    cid = add("Lola", "Peña", relationship_type="exclusive")
    office()
    access.sign_in("Rita", "rita-secret-1")
    try:
        with pytest.raises(access.AccessDenied) as refused:
            access.require("export")
        assert str(refused.value) == pick(
            lang, "Rita (recepcionista) no puede exportar datos de clientes.",
            "Rita (receptionist) may not export customer data.")
        with pytest.raises(access.AccessDenied) as refused:
            loyalty_ledger.record_purchase(cid, 12_50)
        assert str(refused.value) == pick(
            lang, "Rita no puede registrar una compra de Lola Peña: solo pueden hacerlo su "
            "ejecutivo y los responsables.",
            "Rita may not record a purchase for Lola Peña: only their executive and managers "
            "may.")
    finally:
        access.sign_out()


def test_a_loyalty_line_speaks_the_language(qtbot, book, make_window, lang) -> None:  # type: ignore[no-untyped-def]
    cid = add("Lola", "Peña")
    loyalty_ledger.record_purchase(cid, 12_50, description="Café")
    window = make_window()
    window.show_customer(cid)
    model = window.loyalty.ledger_model
    shown = [model.index(r, 2).data() for r in range(model.rowCount())]
    assert shown and shown[0].startswith(pick(lang, "Compra ", "Purchase ")), shown
    assert shown[0].endswith(" · Café")
    assert ("12,50" if lang == "es" else "12.50") in shown[0]


def test_the_dashboards_speak_the_language(qtbot, book, make_window, lang) -> None:  # type: ignore[no-untyped-def]
    cid = add("Lola", "Peña")
    lifecycle.move([cid], "growth")
    window = make_window()
    window.nav.setCurrentItem(window.analytics.nav_dashboard)
    page = window.analytics.dashboard
    page.wait()
    assert page.tabs.tabText(0) == pick(lang, "Ciclo de vida", "Lifecycle")
    assert page.tabs.tabText(1) == pick(lang, "Promesas", "Promises")
    funnel = next(c.view.chart for c in page.charts() if c.view.chart
                  and c.view.chart.key == "funnel")
    assert funnel.title == pick(lang, "Embudo: clientes que entran en cada etapa",
                                "Funnel: customers entering each stage")
    assert [label for _k, label in funnel.categories][:2] == \
        pick(lang, "Conocimiento|Captación", "Knowledge|Acquisition").split("|")
    assert funnel.series[0].name == pick(lang, "Entraron", "Entered")
