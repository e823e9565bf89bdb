"""The interface language: which one (QSettings "ui/language": "system", "en" or "es"), and
Qt's translators for it.

`install(app, choice)` loads every compiled catalogue of the package for the language
(`resources/translations/*_<lang>.qm`: the window's "app" area, the dialogs' area, and any
later one), Qt's own `qtbase_<lang>.qm` (the standard dialog buttons: "Cancelar"), and sets
QLocale's default so dates, numbers and money in the window follow the language.

The `.qm` files are built at install time (`make translations`, `make run`/`make test`, the
wheel and the bundle); a package without them still runs, in English (English plurals then
come from the "(s)" fallback in `plural`). Nothing here imports more than QtCore: start-up
pays for a few small file reads only.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTranslator,
)

SETTING = "ui/language"
#: what the setting may hold; "system" follows the system's locale (Spanish or else English)
CHOICES = ("system", "en", "es")
#: the languages the interface speaks
LANGUAGES = ("en", "es")

_current = "en"
_translators: list[QTranslator] = []


def chosen(settings: QSettings) -> str:
    """The stored choice ("system" when nothing, or something unknown, is stored)."""
    value = str(settings.value(SETTING, "system") or "system")
    return value if value in CHOICES else "system"


def resolve(choice: str, system: QLocale | None = None) -> str:
    """The language a choice means: "es" or "en"."""
    if choice in LANGUAGES:
        return choice
    system = system or QLocale.system()
    return "es" if system.language() == QLocale.Language.Spanish else "en"


def language() -> str:
    """The interface language now in use ("en" until `install` chose another)."""
    return _current


def locale_for(lang: str, system: QLocale | None = None) -> QLocale:
    """The QLocale the window formats with: the system's own when it speaks the language
    (es_MX keeps Mexico's formats, en_US the US ones), else Spain's or the UK's."""
    system = system or QLocale.system()
    if lang == "es":
        return system if system.language() == QLocale.Language.Spanish else \
            QLocale(QLocale.Language.Spanish, QLocale.Country.Spain)
    return system if system.language() == QLocale.Language.English else \
        QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def catalogue_files(lang: str) -> list[str]:
    """The package's compiled catalogues for a language (none when not built)."""
    from crmdesk import paths

    try:
        folder = paths.resource_dir("translations")
    except (NotADirectoryError, FileNotFoundError, OSError):
        return []
    return sorted(str(p) for p in folder.glob(f"*_{lang}.qm"))


def install(app: QCoreApplication, choice: str, system: QLocale | None = None) -> str:
    """Translate the interface into the chosen language (replacing any earlier choice);
    returns the language used."""
    global _current
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    lang = resolve(choice, system)
    files = catalogue_files(lang)
    if not files and lang != "en":  # a package built without its .qm files: all English
        lang, files = "en", catalogue_files("en")
    if lang != "en":
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        translator = QTranslator(app)
        if translator.load(f"qtbase_{lang}", qt_dir):
            app.installTranslator(translator)
            _translators.append(translator)
    for name in files:
        translator = QTranslator(app)
        if translator.load(name):
            app.installTranslator(translator)
            _translators.append(translator)
    QLocale.setDefault(locale_for(lang, system))
    _current = lang
    from crmdesk.services import texts  # the services' sentences too (no Qt there)

    texts.install(QCoreApplication.translate, lang)
    return lang


def plural(context: str, source: str, n: int) -> str:
    """A `%n … (s)` text translated with Qt's numerus forms; right in English even when the
    catalogues were not built ("1 customer", "2 customers")."""
    text = QCoreApplication.translate(context, source, None, n)
    if "(s)" in text:  # no catalogue loaded
        text = text.replace("(s)", "" if n == 1 else "s")
    return text


class Translatable:
    """`self.tr` in the context lupdate files the text under: the class whose code calls it.

    PySide6's own `QObject.tr` tries each class of the object's MRO and keeps the first
    answer that differs from the source, which for a plural ("%n customer(s)" becomes "2
    customer(s)" untranslated) is always the object's own class: a plural written in a base
    class or a mixin of the main window would never be translated. Put this class first
    among the bases of such classes. Without catalogues, English plurals are still right."""

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        context = sys._getframe(1).f_code.co_qualname.split(".", 1)[0]
        if n < 0:
            return QCoreApplication.translate(context, text, disambiguation)
        out = QCoreApplication.translate(context, text, disambiguation, n)
        if "(s)" in out:  # no catalogue loaded
            out = out.replace("(s)", "" if n == 1 else "s")
        if n >= 1000:  # Qt writes %n ungrouped: 1,234 / 1.234 as the language has it
            out = out.replace(str(n), integer(n))
        return out


def money(cents: int, currency: str) -> str:
    """An amount as the interface language writes it ($1,234.50 / 1.234,50 €)."""
    from crmdesk.services import locale_text

    return locale_text.money(cents, currency, _current)


def integer(value: int) -> str:
    """1,234 / 1.234."""
    from crmdesk.services import locale_text

    return locale_text.integer(value, _current)
