"""Imported contacts open clean and can be saved; one phone rule for import and profile
(issue item 8)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from crmdesk.services import customers
from crmdesk.services.importing import contact_import, files
from crmdesk.store.db import db
from crmdesk.ui.main_window import MainWindow
from tests.conftest import SHARED
from tests.ui.conftest import open_profile

VCARDS = SHARED / "interop" / "vcard"
CTRL = Qt.KeyboardModifier.ControlModifier
needs_vcards = pytest.mark.skipif(
    not VCARDS.is_dir(),
    reason="the real vCard exports live in ../shared/interop/vcard beside the project root, "
           "which this checkout does not have")


def imported(name: str, region: str = "US") -> list[int]:
    read = files.read_path(VCARDS / name)
    result = contact_import.apply(contact_import.plan(read.contacts, name, region))
    return [r[0] for r in db.execute_sql(
        "SELECT customer_id FROM import_item WHERE import_id = ? ORDER BY customer_id",
        (result.import_id,))]


_open = open_profile


@needs_vcards
@pytest.mark.parametrize("name", sorted(p.name for p in VCARDS.glob("*.vcf"))
                         if VCARDS.is_dir() else [])
def test_opening_an_imported_contact_does_not_modify_it(qtbot, book, make_window, name) -> None:  # type: ignore[no-untyped-def]
    ids = imported(name)
    window = make_window()
    for cid in ids:
        _open(qtbot, window, cid)
        assert not window.profile.is_dirty(), f"{name}: customer {cid} opened modified"
        assert not window.actions["save"].isEnabled()



@needs_vcards
def test_an_imported_iphone_contact_with_a_pager_can_be_edited_and_saved(qtbot, book,  # type: ignore[no-untyped-def]
                                                                          make_window) -> None:
    [cid] = imported("John_Doe_IPHONE.vcf")
    assert ("pager", "+19051111234") in [(p.label, p.value) for p in customers.load(cid).phones]
    window = make_window()
    _open(qtbot, window, cid)
    profile = window.profile
    assert profile.phones.errors() == []
    qtbot.keyClicks(profile.notes, " Likes golf.")
    assert profile.is_dirty()
    qtbot.keyClick(profile.notes, Qt.Key.Key_S, CTRL)
    assert not profile.is_dirty(), profile.problems_label.text()
    stored = customers.load(cid)
    assert "Likes golf." in stored.notes  # typed where the cursor is (the notes hold the
    assert "Web page: http://www.ibm.com" in stored.notes  # card's URL, kept now)
    assert ("pager", "+19051111234") in [(p.label, p.value) for p in stored.phones]


def _android_with_short_numbers() -> int:
    ids = imported("John_Doe_ANDROID.vcf")
    return next(cid for cid in ids if customers.load(cid).phones
                and customers.load(cid).phones[0].value == "123456")


@needs_vcards
def test_a_refused_save_says_why_next_to_the_field(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    cid = _android_with_short_numbers()  # the importer kept "123456" as written
    before = customers.load(cid)
    window = make_window()
    _open(qtbot, window, cid)
    profile = window.profile
    assert not profile.is_dirty()
    assert profile.phones.rows[0].value.text() == "123456"
    qtbot.keyClicks(profile.notes, "x")
    qtbot.keyClick(profile.notes, Qt.Key.Key_S, CTRL)
    row = profile.phones.rows[0]
    assert row.error.isVisibleTo(window)
    assert row.error.text() == "“123456” is not a valid phone number for region US (too short)."
    assert row.value.hasFocus()
    assert profile.problems_label.text().startswith("Not saved. Phone: “123456”")
    assert customers.load(cid) == before
    row.value.selectAll()
    qtbot.keyClicks(row.value, "905 555 0101")
    assert not row.error.isVisibleTo(window)


REFUSED = "refused: Phone: “12” is not a valid phone number for region US (too short)."


def _dirty_with_a_bad_phone(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _open(qtbot, window, 1)
    qtbot.keyClicks(window.profile.phones.rows[0].value, "12")
    assert window.profile.is_dirty()


def test_quit_when_the_save_is_refused_gives_the_reason_and_can_discard(  # type: ignore[no-untyped-def]
        qtbot, book, make_window, answers) -> None:
    from PySide6.QtWidgets import QMessageBox

    from tests.conftest import add

    add("Ana", "Ruiz")
    window = make_window()
    _dirty_with_a_bad_phone(qtbot, window)
    answers.queue += [QMessageBox.StandardButton.Save, QMessageBox.StandardButton.Cancel]
    assert not window.close()
    assert answers == ["unsaved", REFUSED]
    assert window.isVisible()
    assert window.profile.phones.rows[0].error.isVisibleTo(window)
    answers.clear()
    answers.queue += [QMessageBox.StandardButton.Save, QMessageBox.StandardButton.Discard]
    assert window.close()
    assert answers == ["unsaved", REFUSED]
    assert not window.isVisible()
    assert customers.load(1).phones == []



def test_opening_varied_profiles_never_modifies_them(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    from crmdesk.services.demo import build_demo

    build_demo(25)
    window = make_window()
    for cid in range(1, 26):
        window._show_customer(cid)
        assert window.profile.customer_id == cid
        assert not window.profile.is_dirty(), customers.load(cid).display_name
