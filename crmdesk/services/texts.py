"""The services' sentences in the window's language (issue 20), without Qt.

Every sentence a service writes for a person to read (a refusal, a validation message, an
import note, a timeline title, "in Spanish") goes through `translate(context, text)` here,
with the literal text as the direct second argument so that pyside6-lupdate finds it
(`make translations`, area "services": crmdesk/resources/translations/services_*.ts):

    raise InvalidValue(texts.translate("validation", "“{text}” is not a phone number.")
                       .format(text=text))
    texts.translate("importing", "%n contact(s) not kept", None, count)   # a plural

Placeholders are `{name}`, filled by `.format` after the translation (never a sentence built
from pieces); a plural passes the disambiguation (None) and `n` positionally, as lupdate
reads only that form; `%n` is the number. Texts kept in tables (access.WHAT) are marked with
`QT_TRANSLATE_NOOP(context, text)` and translated where they are used.

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


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """`text` (English) in the interface's language. With `n` ≥ 0 a plural: `%n` is the
    number and, where no catalogue says otherwise, "(s)" the English plural ending."""
    out = _hook(context, text, disambiguation, n)
    if n >= 0:
        out = out.replace("%n", str(n))
        if "(s)" in out:  # no catalogue: the English forms ("1 contact", "2 contacts")
            out = out.replace("(s)", "" if n == 1 else "s")
    return out


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (Qt's name, for lupdate)
    """Marks a text kept in a table for lupdate; `translate(context, value)` shows it."""
    return text


def vocabulary(label: str) -> str:
    """A label of the book's fixed vocabularies (services/catalog.py: stages, channels,
    languages, roles) in the interface's language; the window's catalogue (context
    "vocabulary", crmdesk/ui/widgets/vocabulary.py) holds them. A label the business named
    itself is given back as typed."""
    return _hook("vocabulary", label, None, -1) if label else label


def install(hook: Hook) -> None:
    """Translate the services' texts with `hook` (the window: QCoreApplication.translate)."""
    global _hook
    _hook = hook


def reset() -> None:
    """Back to English source texts (a CLI command, a test)."""
    global _hook
    _hook = _source


def translating() -> bool:
    """Whether a translation hook is installed (the window) or texts stay English."""
    return _hook is not _source
