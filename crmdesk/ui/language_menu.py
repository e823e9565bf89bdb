"""Settings ▸ Language: System / English / Español.

The choice is kept in QSettings ("ui/language") and applied when crmdesk next starts (every
text of the window is set once, when it is built); the status bar says so in one line.
The languages are named in their own language, so anyone finds theirs."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from crmdesk import i18n
from crmdesk.i18n import Translatable

#: the languages offered, each in its own language (never translated)
NATIVE_NAMES = {"en": "E&nglish", "es": "&Español"}


class LanguageMenu(Translatable):
    def __init__(self, window: Any, parent_menu: QMenu) -> None:
        self.window = window
        self.menu = parent_menu.addMenu(self.tr("La&nguage"))
        self.menu.setObjectName("Language")
        self.group = QActionGroup(self.menu)
        self.group.setExclusive(True)
        self.actions: dict[str, QAction] = {}
        texts = {"system": self.tr("&System ({language})").format(
            language=NATIVE_NAMES[i18n.resolve("system")].replace("&", "")), **NATIVE_NAMES}
        for choice in i18n.CHOICES:
            action = QAction(texts[choice], self.menu)
            action.setCheckable(True)
            action.setData(choice)
            action.setStatusTip(self.tr("The language of the window (from the next start)"))
            action.triggered.connect(lambda _c=False, c=choice: self.choose(c))
            self.group.addAction(action)
            self.menu.addAction(action)
            self.actions[choice] = action
        self.actions[i18n.chosen(window.qsettings)].setChecked(True)

    def choose(self, choice: str) -> None:
        settings = self.window.qsettings
        settings.setValue(i18n.SETTING, choice)
        settings.sync()
        self.actions[choice].setChecked(True)
        wanted = i18n.resolve(choice)
        if wanted == i18n.language():
            note = self.tr("The window is already in this language.")
        else:
            note = self.tr("The new language is used from the next start of crmdesk.")
        self.window.statusBar().showMessage(note, 8000)
        self.note = note


def install(window: Any, settings_menu: QMenu) -> LanguageMenu:
    window.language_menu = LanguageMenu(window, settings_menu)
    return window.language_menu
