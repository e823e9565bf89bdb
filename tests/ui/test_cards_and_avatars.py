"""Issue 20: avatars (initials on a colour from the name) and board cards designed as
cards — name, tier chip, owner avatar, days in stage, next follow-up with its date, overdue
in the theme's warning colour and in words."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, QRect, QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem

from crmdesk.services import interactions, staff
from crmdesk.services.interactions import FollowUpData
from crmdesk.store.models import utcnow
from crmdesk.ui import theme
from crmdesk.ui.views.board import CARD_ROLE, CardDelegate
from crmdesk.ui.widgets import avatar
from tests.conftest import add


def test_initials_and_a_stable_colour_per_name(qapp) -> None:  # type: ignore[no-untyped-def]
    assert avatar.initials("Lola Peña") == "LP"
    assert avatar.initials("Peña, Lola") == "LP"
    assert avatar.initials("José María de la Fuente") == "JF"
    assert avatar.initials("ana") == "A" and avatar.initials("  ") == "?"
    assert avatar.colour_for("Lola Peña") == avatar.colour_for("lola  peña")
    assert avatar.colour_for("Peña, Lola") == avatar.colour_for("Lola Peña")  # list and card
    spread = {avatar.colour_for(n).name() for n in ("Ana Ruiz", "Ben Carter", "Eve Okafor",
                                                    "Dmitri Volkov", "Farah Haddad", "Lola Peña")}
    assert len(spread) >= 3  # the names do not all get one colour


def test_white_initials_read_on_every_avatar_colour() -> None:
    ratios = [theme.contrast(QColor(c), QColor("#ffffff")) for c in avatar.COLOURS]
    print("avatar contrast:", [round(r, 2) for r in ratios])
    assert min(ratios) >= 4.5


def test_an_avatar_is_sharp_at_200_percent(qapp) -> None:  # type: ignore[no-untyped-def]
    pixmap = avatar.pixmap("Lola Peña", 32, 2.0)
    assert pixmap.size() == QSize(64, 64) and pixmap.devicePixelRatio() == 2.0
    centre = pixmap.toImage().pixelColor(10, 32)
    assert centre.alpha() == 255 and centre.name() == avatar.colour_for("Lola Peña").name()


def _render(view, index: QModelIndex) -> QImage:  # type: ignore[no-untyped-def]
    delegate = view.itemDelegate()
    assert isinstance(delegate, CardDelegate)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    size = delegate.sizeHint(option, index)
    option.rect = QRect(0, 0, 240, size.height())
    image = QImage(240, size.height(), QImage.Format.Format_ARGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    delegate.paint(painter, option, index)
    painter.end()
    return image


def _has(image: QImage, colour: QColor) -> bool:
    return any(image.pixelColor(x, y).name() == colour.name()
               for x in range(image.width()) for y in range(image.height()))


def test_board_cards_say_when_and_show_overdue_in_words_and_colour(  # type: ignore[no-untyped-def]
        qtbot, book, make_window) -> None:
    staff.add("Eve Okafor", "executive")
    late = add("Lola", "Peña")
    soon = add("Ana", "Ruiz", owner="Eve Okafor")
    interactions.add_follow_up(FollowUpData(late, "Send the fee table",
                                            utcnow() - dt.timedelta(days=3)))
    interactions.add_follow_up(FollowUpData(soon, "Call about the loan",
                                            utcnow() + dt.timedelta(days=1)))
    window = make_window()
    window.nav.setCurrentItem(window.nav_board)
    _header, view, model = window.board.columns["knowledge"]
    rows = {model.index(r).data(CARD_ROLE).name: model.index(r) for r in range(model.rowCount())}
    late_card, soon_card = rows["Lola Peña"].data(CARD_ROLE), rows["Ana Ruiz"].data(CARD_ROLE)
    assert late_card.overdue and late_card.next_due is not None
    text = rows["Lola Peña"].data()
    assert "3 days overdue" in text and "Send the fee table" in text  # words, not colour alone
    assert "tomorrow" in rows["Ana Ruiz"].data()
    assert soon_card.owner == "Eve Okafor"
    warning = theme.colour("warning")
    assert _has(_render(view, rows["Lola Peña"]), warning)
    assert not _has(_render(view, rows["Ana Ruiz"]), warning)
    assert _has(_render(view, rows["Ana Ruiz"]), avatar.colour_for("Eve Okafor"))


def test_list_rows_show_the_avatar_of_the_name(qtbot, book, make_window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    add("Lola", "Peña")
    window = make_window()
    model = window.customers.model
    name_column = 0
    picture = model.index(0, name_column).data(Qt.ItemDataRole.DecorationRole)
    assert picture is not None and not picture.isNull()
    image = picture.toImage()
    middle = image.pixelColor(image.width() // 5, image.height() // 2)
    assert middle.name() == avatar.colour_for("Peña, Lola").name()
    assert model.index(0, 3).data(Qt.ItemDataRole.DecorationRole) is None  # only the name
