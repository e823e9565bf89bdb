"""Staff accounts in the window: sign-in, what each role sees and may do, and the lock."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from crmdesk.services import access, audit, customer_query, customers, staff
from tests.conftest import add


def _office() -> dict[str, int]:
    ids = {name: staff.add(name, role) for name, role in [
        ("Marta", "manager"), ("Eva", "executive"), ("Rita", "receptionist")]}
    for name, sid in ids.items():
        access.set_password(sid, f"{name.lower()}-secret-1")
    access.set_pin(ids["Rita"], "2468")
    return ids


def _clients() -> tuple[int, int]:
    lola = add("Lola", "Peña", emails=("lola@example.es",), relationship_type="exclusive",
               owner="Eva", company="Banco Sur", notes="Going through a divorce",
               notes_private=True, life_situation="Two children")
    carla = add("Carla", "Ruiz", emails=("carla@example.com",), notes="Likes morning calls")
    return lola, carla


def _rows(window) -> list[str]:  # type: ignore[no-untyped-def]
    model = window.customers.model
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


def test_receptionist_window(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    _office()
    lola, carla = _clients()
    access.sign_in("Rita", "rita-secret-1")
    window = make_window()
    # Menus offer what a receptionist may do; the rest is greyed, with the reason.
    for name in ("export_csv", "export_book", "statement", "archive", "audit", "staff",
                 "forget_customer", "back_up"):
        assert not window.actions[name].isEnabled(), name
    assert "not for your role (receptionist)" in window.actions["export_csv"].toolTip()
    for name in ("new_customer", "log_interaction", "add_follow_up", "lock"):
        assert window.actions[name].isEnabled(), name
    assert window.user_combo.currentText() == "Rita" and not window.user_combo.isEnabled()

    window.show_customer(lola)
    profile = window.profile
    summary = window.summary_view
    assert window.detail_tabs.currentWidget() is summary  # read before editing
    assert summary.note.isVisible() and not summary.boxes["loyalty"].isVisible()
    assert not summary.boxes["about"].isVisible()
    window.edit_section("person")
    assert profile.given.text() == "Lola" and profile.emails.points()[0].value == \
        "lola@example.es"
    assert profile.access_banner.isVisible()
    assert "Exclusive client of Eva" in profile.access_banner.text()
    assert not profile._about_box.isVisible() and profile.notes.toPlainText() == ""
    assert not profile.relationship.isEnabled() and not profile.owner.isEnabled()
    window.detail_tabs.setCurrentWidget(window.loyalty)
    assert "for their executive and managers" in window.loyalty.empty.text()
    # Del does nothing: archiving is not for reception.
    window.customers.table.setFocus()
    qtbot.keyClick(window.customers.table, Qt.Key.Key_Delete)
    assert customer_query.count() == 2
    # A search by the words of a private note finds nobody.
    qtbot.keyClicks(window.customers.search, "divorce")
    qtbot.waitUntil(lambda: _rows(window) == [])
    window.customers.search.clear()
    qtbot.waitUntil(lambda: len(_rows(window)) == 2)

    # Reception may correct a phone of an exclusive client; what they cannot see stays.
    window.show_customer(lola)
    window.detail_tabs.setCurrentWidget(window.profile)
    assert profile.customer_id == lola
    profile.preferred.setText("Loli")
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    access.sign_out()
    stored = customers.load(lola)
    assert stored.preferred_name == "Loli" and stored.notes == "Going through a divorce"
    assert stored.company == "Banco Sur" and stored.life_situation == "Two children"
    assert carla


def test_executive_sees_own_exclusive_client_fully(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    _office()
    lola, _carla = _clients()
    access.sign_in("Eva", "eva-secret-1")
    window = make_window()
    window.show_customer(lola)
    profile = window.profile
    assert profile.notes.toPlainText() == "Going through a divorce"
    assert profile.notes_private.isChecked() and not profile.access_banner.isVisible()
    assert window.actions["statement"].isEnabled() and not window.actions["audit"].isEnabled()
    # Unticking Private and saving is hers to do.
    profile.notes_private.setChecked(False)
    assert window.save()
    assert not customers.load(lola).notes_private


def test_sign_in_dialog(qtbot, book) -> None:  # type: ignore[no-untyped-def]
    from crmdesk.ui.dialogs.sign_in import SignInDialog

    _office()
    dialog = SignInDialog("book.db")
    qtbot.addWidget(dialog)
    dialog.show()
    assert [dialog.who.itemText(i) for i in range(dialog.who.count())] == [
        "Eva", "Marta", "Rita"]
    dialog.who.setCurrentText("Marta")
    qtbot.keyClicks(dialog.password, "not it")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.error.text() == "Unknown name or wrong password."
    assert dialog.password.text() == "" and not access.current().signed_in
    qtbot.keyClicks(dialog.password, "marta-secret-1")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.result() == SignInDialog.DialogCode.Accepted
    assert access.current().name == "Marta" and audit.actor() == "Marta"


def test_lock_hides_everything_and_keeps_unsaved_edits(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    _office()
    _lola, carla = _clients()
    access.sign_in("Rita", "rita-secret-1")
    window = make_window()
    window.show_customer(carla)
    window.profile.preferred.setText("Carlita")  # not saved
    assert window.profile.is_dirty()
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    lock = window.window_lock
    assert lock.locked and window.central_stack.currentWidget() is window.lock_page
    assert window.windowTitle() == "crmdesk — locked"
    assert not window.actions["new_customer"].isEnabled()
    dialog = lock.dialog
    qtbot.waitExposed(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Esc does not unlock
    assert lock.locked and dialog.isVisible()
    qtbot.keyClicks(dialog.secret, "1111")
    qtbot.keyClick(dialog.secret, Qt.Key.Key_Return)
    assert lock.locked and dialog.error.text() == "That does not unlock it."
    qtbot.keyClicks(dialog.secret, "2468")  # Rita's PIN
    qtbot.keyClick(dialog.secret, Qt.Key.Key_Return)
    assert not lock.locked and window.central_stack.currentWidget() is window.outer
    assert window.actions["new_customer"].isEnabled()
    assert not window.actions["export_csv"].isEnabled()  # still a receptionist
    assert window.profile.preferred.text() == "Carlita" and window.profile.is_dirty()
    assert window.windowTitle().startswith("book.db")


def test_idle_time_locks_the_window_and_dialogs_are_covered(qtbot, book, make_window,
                                                            tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout

    _office()
    access.sign_in("Marta", "marta-secret-1")
    window = make_window()
    other = QDialog(window)
    QVBoxLayout(other).addWidget(QLabel("Lola Peña, divorce"))
    other.setWindowTitle("Lola Peña")
    other.show()
    qtbot.waitExposed(other)
    window.window_lock.set_idle_ms(150)
    qtbot.waitUntil(lambda: window.window_lock.locked, timeout=3000)
    assert other.windowTitle() == "crmdesk — locked"
    covers = [w for w in other.children() if type(w).__name__ == "QWidget" and w.isVisible()]
    assert covers and covers[0].geometry() == other.rect()
    dialog = window.window_lock.dialog
    qtbot.keyClicks(dialog.secret, "marta-secret-1")
    qtbot.keyClick(dialog.secret, Qt.Key.Key_Return)
    assert not window.window_lock.locked and other.windowTitle() == "Lola Peña"
    window.window_lock.set_idle_ms(0)


def test_lock_after_setting_is_the_managers(qtbot, book, make_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QInputDialog

    from crmdesk.ui import lock

    _office()
    assert lock.idle_minutes() == 10  # the default
    access.sign_in("Marta", "marta-secret-1")
    window = make_window()
    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (3, True))
    window.actions["lock_after"].trigger()
    assert lock.idle_minutes() == 3 and window.window_lock.idle_ms == 180_000
    access.sign_in("Rita", "rita-secret-1")
    window.after_sign_in()
    assert not window.actions["lock_after"].isEnabled()


def test_first_password_from_the_staff_dialog_then_sign_in(qtbot, book, make_window, drive,
                                                          monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from crmdesk.ui.dialogs.settings_dialogs import StaffDialog

    staff.add("Marta", "manager")
    staff.add("Rita", "receptionist")
    window = make_window()
    assert not window.actions["switch_user"].isEnabled()
    monkeypatch.setattr(StaffDialog, "ask_new_secret",
                        lambda self, who, pin: "2468" if pin else f"{who.lower()}-secret-1")

    def give_passwords(dialog) -> None:  # type: ignore[no-untyped-def]
        names = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
        dialog.table.selectRow(names.index("Rita"))
        dialog.password_button.click()  # the first password must be a manager's
        assert "must be a manager" in dialog.error.text()
        dialog.table.selectRow(names.index("Marta"))
        dialog.password_button.click()
        dialog.table.selectRow(names.index("Rita"))
        dialog.password_button.click()
        dialog.pin_button.click()
        signs_in = {dialog.table.item(r, 0).text(): dialog.table.item(r, 3).text()
                    for r in range(dialog.table.rowCount())}
        assert signs_in == {"Marta": "password", "Rita": "password + PIN"}
        dialog.accept()

    def sign_in(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.who.setCurrentText("Rita")
        qtbot.keyClicks(dialog.password, "rita-secret-1")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)

    drive.extend([give_passwords, sign_in])
    window.actions["staff"].trigger()
    assert access.current().name == "Rita"
    assert not window.actions["staff"].isEnabled() and window.actions["switch_user"].isEnabled()
    assert window.user_combo.currentText() == "Rita"
    QApplication.processEvents()


def test_remembered_passphrase_and_sign_in_when_switching_books(  # type: ignore[no-untyped-def]
        qtbot, book, make_window, monkeypatch, tmp_path) -> None:
    import keyring

    from crmdesk.services import keychain
    from crmdesk.ui.main_window import MainWindow
    from tests.unit.test_keychain import MemoryKeyring

    add("Vera", "Secreta")
    before = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        window = make_window()
        assert not window.actions["remember_passphrase"].isEnabled()  # a plain book
        monkeypatch.setattr(MainWindow, "ask_new_passphrase", lambda self, title: "open sesame")
        window.actions["encrypt_book"].trigger()
        qtbot.waitUntil(lambda: window.book.encrypted, timeout=20_000)
        remember = window.actions["remember_passphrase"]
        assert remember.isEnabled() and not remember.isChecked()
        remember.trigger()
        assert keychain.get(book.path) == "open sesame"
        # A second book, with staff accounts: cancelling the sign-in keeps the first one.
        other = tmp_path / "office.db"
        assert window.switch_book(other)
        boss = staff.add("Marta", "manager")
        access.set_password(boss, "marta-secret-1")
        assert window.switch_book(book.path)  # no passphrase asked: the keyring has it
        monkeypatch.setattr(MainWindow, "ask_sign_in", lambda self, message="": False)
        assert not window.switch_book(other)
        assert window.book.path == book.path and window.customers.model.rowCount() == 1

        def sign_in(self, message: str = "") -> bool:  # type: ignore[no-untyped-def]
            access.sign_in("Marta", "marta-secret-1")
            return True

        monkeypatch.setattr(MainWindow, "ask_sign_in", sign_in)
        assert window.switch_book(other)
        assert access.current().name == "Marta" and window.user_combo.currentText() == "Marta"
        remember.trigger()  # nothing to remember for a plain book
        assert not window.actions["remember_passphrase"].isEnabled()
    finally:
        keyring.set_keyring(before)


def test_refusals_in_the_window_are_one_clear_sentence(qtbot, book, make_window, monkeypatch,
                                                       tmp_path) -> None:  # type: ignore[no-untyped-def]
    from crmdesk.ui.main_window import MainWindow

    _office()
    marta_client = add("Olga", "Serra", relationship_type="exclusive", owner="Marta",
                       notes="Selling the house", notes_private=True)
    access.sign_in("Eva", "eva-secret-1")
    window = make_window()
    errors: list[str] = []
    monkeypatch.setattr(MainWindow, "show_error", lambda self, message: errors.append(message))
    packs = tmp_path / "packs"
    packs.mkdir()
    monkeypatch.setattr(MainWindow, "ask_folder", lambda self, title, suggested: packs)
    window.show_customer(marta_client)
    assert window.actions["export_customer_data"].isEnabled()  # executives may, for their own
    window.actions["export_customer_data"].trigger()
    assert errors == ["Eva may not export everything about Olga Serra: only their executive "
                      "and managers may."]
    assert list(packs.iterdir()) == []
