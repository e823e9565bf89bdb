"""The services' sentences in the window's language (issue 20), without Qt.

Every sentence a service writes for a person to read (a refusal, a validation message, an
import note, a timeline title, "in Spanish") goes through `translate(context, text)` here,
with the literal text as the direct second argument so that pyside6-lupdate finds it
(`make translations`, area "services": crmdesk/resources/translations/services_*.ts):

    raise InvalidValue(texts.translate("validation", "“{text}” is not a phone number.")
                       .format(text=text))
    importing.tr("%n contact(s) not kept", "", count)   # a plural: see `Context`

Placeholders are `{name}`, filled by `.format` after the translation (never a sentence built
from pieces); a plural goes through a `Context` object's `tr(text, "", n)`, the one form
lupdate's Python parser files as a plural; `%n` is the number. Texts kept in tables
(access.WHAT) are marked with `QT_TRANSLATE_NOOP(context, text)` and translated where used.

By default `translate` gives the English source back: the CLI, the files and every caller
without a window speak English, byte for byte as before (`reset()` at each CLI command).
The window's `crmdesk.i18n.install` plugs in QCoreApplication.translate (`install(hook)`),
so the same call gives Spanish there. Data the business typed is never passed through here.
"""

from __future__ import annotations

from collections.abc import Callable

#: (context, source text, disambiguation, n) → the text in the interface's language
Hook = Callable[[str, str, "str | None", int], str]


def _source(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return text


_hook: Hook = _source
_language = "en"


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """`text` (English) in the interface's language. With `n` ≥ 0 a plural: `%n` is the
    number and, where no catalogue says otherwise, "(s)" the English plural ending."""
    out = _hook(context, text, disambiguation, n)
    if n >= 0:
        out = out.replace("%n", str(n))
        if "(s)" in out:  # no catalogue: the English forms ("1 contact", "2 contacts")
            out = out.replace("(s)", "" if n == 1 else "s")
    return out


class Context:
    """The texts of one context, for plurals: lupdate's Python parser takes the numerus form
    only from a `.tr(text, "", n)` call, and files it under the name of the object it is
    called on, so the object is named as its context:

        importing = texts.Context("importing")
        importing.tr("%n line(s) skipped", "", count)

    (tests/unit/test_service_texts.py checks that every Context's variable has its name.)"""

    def __init__(self, name: str):
        self.name = name

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return translate(self.name, text, disambiguation or None, n)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (Qt's name, for lupdate)
    """Marks a text kept in a table for lupdate; `translate(context, value)` shows it."""
    return text


def vocabulary(label: str) -> str:
    """A label of the book's fixed vocabularies (services/catalog.py: stages, channels,
    languages, roles) in the interface's language; the window's catalogue (context
    "vocabulary", crmdesk/ui/widgets/vocabulary.py) holds them. A label the business named
    itself is given back as typed."""
    return _hook("vocabulary", label, None, -1) if label else label


def install(hook: Hook, language: str = "en") -> None:
    """Translate the services' texts with `hook` (the window: QCoreApplication.translate)
    into `language` (numbers in texts are written as it writes them: 1,234 / 1.234)."""
    global _hook, _language
    _hook, _language = hook, language


def reset() -> None:
    """Back to English source texts (a CLI command, a test)."""
    global _hook, _language
    _hook, _language = _source, "en"


def language() -> str:
    """The language the services' texts are written in ("en" unless the window chose)."""
    return _language


def integer(value: int) -> str:
    """A count inside a text: 1,234 in English, 1.234 in Spanish."""
    from crmdesk.services import locale_text

    return locale_text.integer(value, _language)


def translating() -> bool:
    """Whether a translation hook is installed (the window) or texts stay English."""
    return _hook is not _source
