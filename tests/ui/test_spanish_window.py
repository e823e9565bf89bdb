"""The main window in Spanish (issue 20): chosen in Settings ▸ Language or from the system
locale, complete Spanish in the menus, the navigation, My day and the customer list, plurals
right in both languages, dates in Spanish, and still inside a 1024 × 600 screen."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, QRect
from PySide6.QtWidgets import QApplication

from crmdesk import i18n
from crmdesk.ui import when
from crmdesk.ui.main_window import MainWindow
from tests.conftest import add

SPANISH = QLocale(QLocale.Language.Spanish, QLocale.Country.Spain)
ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def needs_catalogues() -> None:
    if not i18n.catalogue_files("es"):
        pytest.skip("the .qm catalogues are not built (make qm)")


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[None]:
    needs_catalogues()
    assert i18n.install(qapp, "es", system=ENGLISH) == "es"
    yield
    i18n.install(qapp, "en", system=ENGLISH)
    QLocale.setDefault(QLocale.c())


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    needs_catalogues()
    i18n.install(qapp, "en", system=ENGLISH)
    yield
    QLocale.setDefault(QLocale.c())


def menu_titles(window: MainWindow) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def test_the_choice_follows_the_setting_then_the_system(qapp, qsettings) -> None:  # type: ignore[no-untyped-def]
    assert i18n.chosen(qsettings) == "system"
    assert i18n.resolve("system", SPANISH) == "es"
    assert i18n.resolve("system", QLocale(QLocale.Language.Spanish, QLocale.Country.Mexico)) \
        == "es"
    assert i18n.resolve("system", QLocale(QLocale.Language.German)) == "en"
    assert i18n.resolve("system", ENGLISH) == "en"
    qsettings.setValue(i18n.SETTING, "es")
    assert i18n.resolve(i18n.chosen(qsettings), ENGLISH) == "es"
    qsettings.setValue(i18n.SETTING, "klingon")  # someone edited the file
    assert i18n.chosen(qsettings) == "system"
    # Mexico keeps its own formats in Spanish; English on a German system uses the UK's
    assert i18n.locale_for("es", QLocale(QLocale.Language.Spanish, QLocale.Country.Mexico)) \
        .territory() == QLocale.Country.Mexico
    assert i18n.locale_for("en", QLocale(QLocale.Language.German)).language() \
        == QLocale.Language.English


def test_the_window_speaks_spanish(qtbot, book, make_window, spanish) -> None:  # type: ignore[no-untyped-def]
    add("Lola", "Peña", emails=("lola@example.es",))
    window = make_window()
    assert menu_titles(window)[:7] == ["&Archivo", "&Editar", "&Contacto", "&Fidelización",
                                       "&Ver", "A&justes", "Ay&uda"]
    assert window.actions["new_customer"].text() == "&Nuevo cliente"
    assert window.actions["undo"].toolTip().startswith("Deshacer")
    assert window.nav_trash.text(0).startswith("Papelera")
    assert window.customers.count_label.text() == "1 cliente"
    add("Ana", "Ruiz")
    window.refresh()
    qtbot.waitUntil(lambda: window.customers.count_label.text() == "2 clientes")
    assert window.detail_tabs.tabText(0) == "&Resumen"
    # Qt's own standard buttons too (qtbase_es.qm)
    from PySide6.QtWidgets import QDialogButtonBox

    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancelar"


def test_plurals_and_dates_in_both_languages(qapp, english) -> None:  # type: ignore[no-untyped-def]
    now = dt.datetime(2026, 12, 1, 15, 0).astimezone()
    assert when.days_text(1) == "1 day"
    assert when.days_text(3) == "3 days"
    assert when.due_text(now - dt.timedelta(days=3), now) == "3 days overdue"
    i18n.install(qapp, "es", system=ENGLISH)
    try:
        assert when.days_text(1) == "1 día"
        assert when.days_text(3) == "3 días"
        assert when.due_text(now - dt.timedelta(days=3), now) == "3 días de retraso"
        assert when.due_text(now + dt.timedelta(days=1), now) \
            == f"mañana {when.time_text(now)}"
        assert when.past_text(now - dt.timedelta(days=3), now) == "hace 3 días"
        assert when.long_day(dt.date(2026, 12, 3)) == "jueves, 3 de diciembre"
        assert i18n.money(123450, "EUR") == "1.234,50 €"
    finally:
        i18n.install(qapp, "en", system=ENGLISH)
    assert when.long_day(dt.date(2026, 12, 3)) == "Thursday 3 December"
    assert i18n.money(123450, "EUR") == "€1,234.50"


@pytest.mark.parametrize("language", ["es", "en"])
def test_no_menu_has_two_items_on_one_letter(qtbot, book, make_window, qapp,  # type: ignore[no-untyped-def]
                                             language) -> None:

    needs_catalogues()
    i18n.install(qapp, language, system=ENGLISH)
    try:
        _no_accelerator_clash(make_window)
    finally:
        i18n.install(qapp, "en", system=ENGLISH)
        QLocale.setDefault(QLocale.c())


def _no_accelerator_clash(make_window) -> None:  # type: ignore[no-untyped-def]
    import re

    window = make_window()

    def letters(actions) -> list[str]:  # type: ignore[no-untyped-def]
        found = []
        for action in actions:
            m = re.search(r"&([^&])", action.text().replace("&&", ""))
            if m:
                found.append(m.group(1).lower())
        return found

    clashes = []
    menus = [a.menu() for a in window.menuBar().actions() if a.menu()]
    top = letters(window.menuBar().actions())
    if len(top) != len(set(top)):
        clashes.append(f"menu bar: {top}")
    while menus:
        menu = menus.pop()
        found = letters(a for a in menu.actions() if a.isVisible())
        dupes = {c for c in found if found.count(c) > 1}
        if dupes:
            clashes.append(f"{menu.title()}: {sorted(dupes)} in "
                           f"{[a.text() for a in menu.actions() if a.text()]}")
        menus += [a.menu() for a in menu.actions() if a.menu()]
    assert not clashes, "\n".join(clashes)


def test_the_spanish_window_fits_a_small_screen(qtbot, book, make_window, spanish,  # type: ignore[no-untyped-def]
                                                 monkeypatch) -> None:
    small = QRect(0, 0, 1024, 600)
    monkeypatch.setattr(MainWindow, "available_geometry", lambda self: QRect(small))
    add("Lola", "Peña")
    window = make_window(page="today")
    assert small.contains(window.frameGeometry()), window.frameGeometry()
    assert window.minimumSizeHint().width() <= small.width()
    assert window.minimumSizeHint().height() <= small.height()


def test_settings_language_is_kept_for_the_next_start(qtbot, book, make_window, qsettings,  # type: ignore[no-untyped-def]
                                                       english) -> None:
    window = make_window()
    menu = window.language_menu
    assert [a.data() for a in menu.menu.actions()] == ["system", "en", "es"]
    assert menu.actions["system"].isChecked()
    assert menu.actions["es"].text() == "&Español"  # named in its own language
    menu.actions["es"].trigger()
    assert qsettings.value(i18n.SETTING) == "es"
    assert menu.actions["es"].isChecked() and not menu.actions["system"].isChecked()
    assert "next start" in window.statusBar().currentMessage()
    assert menu_titles(window)[0] == "&File"  # this window stays as it was built
    window.close()
    # the next window (the next start) reads the setting
    assert i18n.resolve(i18n.chosen(qsettings), ENGLISH) == "es"
    menu.actions["en"].trigger()
    assert qsettings.value(i18n.SETTING) == "en"
    assert "already" in window.statusBar().currentMessage()


def test_help_is_in_spanish_too(qtbot, book, make_window, spanish) -> None:  # type: ignore[no-untyped-def]
    from crmdesk.ui import help_window

    window = make_window()
    page = help_window.help_html(window)
    assert "<h1 id=\"top\">Ayuda de crmdesk</h1>" in page
    assert "<!--ROLES-->" not in page and "<!--SHORTCUTS-->" not in page
    assert "Deshacer" in page  # the shortcuts table is the window's own, in Spanish
    # every section of the English page has its Spanish counterpart (same anchors)
    import re

    from crmdesk import paths

    english = paths.resource_bytes("help/index.html").decode()
    spanish_page = paths.resource_bytes("help/index.es.html").decode()
    assert re.findall(r'id="(\w+)"', english) == re.findall(r'id="(\w+)"', spanish_page)


def test_without_compiled_catalogues_the_window_is_english(qtbot, book, make_window,  # type: ignore[no-untyped-def]
                                                           qapp, monkeypatch) -> None:
    """A wheel built without its .qm files still runs: in English, plurals right."""
    monkeypatch.setattr(i18n, "catalogue_files", lambda lang: [])
    try:
        assert i18n.install(qapp, "es", system=SPANISH) == "en"
        add("Lola", "Peña")
        window = make_window()
        assert menu_titles(window)[0] == "&File"
        assert window.customers.count_label.text() == "1 customer"
        assert when.days_text(2) == "2 days"
    finally:
        monkeypatch.undo()
        i18n.install(qapp, "en", system=ENGLISH)
        QLocale.setDefault(QLocale.c())


def test_every_page_fits_a_small_screen_in_spanish(qtbot, book, make_window, spanish,  # type: ignore[no-untyped-def]
                                                    monkeypatch, tmp_path) -> None:
    """The English walk of every page (1024 × 600, accessible names), in Spanish."""
    from tests.ui import test_small_screen_and_a11y as english_walk

    small = english_walk.small_screen.__wrapped__(monkeypatch)  # type: ignore[attr-defined]
    english_walk.test_every_page_fits_a_small_screen_and_names_its_controls(
        qtbot, book, make_window, small, tmp_path)


def test_every_dialog_fits_a_small_screen_in_spanish(qtbot, book, make_window, spanish,  # type: ignore[no-untyped-def]
                                                      monkeypatch, tmp_path) -> None:
    from tests.ui import test_small_screen_and_a11y as english_walk

    small = english_walk.small_screen.__wrapped__(monkeypatch)  # type: ignore[attr-defined]
    english_walk.test_every_dialog_fits_a_small_screen_and_names_its_controls(
        qtbot, book, make_window, monkeypatch, small, tmp_path)


def test_figures_on_the_charts_and_the_canvas_are_written_as_the_language_writes_them(  # type: ignore[no-untyped-def]
        qapp) -> None:
    from crmdesk.ui import charts
    from crmdesk.ui.widgets import vocabulary

    needs_catalogues()
    try:
        i18n.install(qapp, "es", system=ENGLISH)
        assert charts.default_format(1234.5, "h") == "1.234,5 h"
        assert charts.default_format(0.45, "%") == "45\u00a0%"
        assert charts.default_format(123456, "money") == "1.234,56"
        assert charts._axis_format(2_500_000, "") == "2,5 M"
        assert vocabulary.number(175253) == "175.253"
    finally:
        i18n.install(qapp, "en", system=ENGLISH)
        QLocale.setDefault(QLocale.c())
    assert charts.default_format(1234.5, "h") == "1,234.5 h"
    assert charts.default_format(0.45, "%") == "45%"
    assert charts._axis_format(2_500_000, "") == "2.5 M"
    assert vocabulary.number(175253) == "175,253"
