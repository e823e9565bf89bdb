"""The services' sentences in the window's language (issue 20, services/texts.py).

- the hook: English source texts by default (plurals right without a catalogue), the
  window's translator once `i18n.install` ran, English again after `reset`;
- the rule: no user-visible sentence of crmdesk/services/** (a raised error, a validation
  problem, an import warning, a skipped-line note) is a bare literal or an f-string: each
  goes through `translate(context, "…")` so that lupdate puts it in services_*.ts (the few
  exceptions are listed below with their reason);
- lupdate's Python parser files a plural only from `<name>.tr(text, "", n)` under `<name>`:
  every `texts.Context` is held by a variable of its own name;
- every refusal a caller of `access.require_level` may produce is in the catalogue;
- the CLI speaks English byte for byte, even in a process whose window speaks Spanish.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from crmdesk.services import texts

ROOT = Path(__file__).resolve().parents[2]
SERVICES = ROOT / "crmdesk" / "services"
FILES = sorted(SERVICES.glob("*.py")) + sorted((SERVICES / "importing").glob("*.py"))

#: files whose sentences are not shown in the window (or not yet translated), with the reason
FILES_ALLOWED = {
    "audit.py": "the audit trail's own check (crmdesk audit --verify, the CLI): English, like "
                "every entry it checks",
    "integrity.py": "crmdesk check's report (the CLI): English",
}

#: (file, text) pairs that are not sentences for a person, with the reason
TEXTS_ALLOWED = {
    ("canvas.py", "unreachable"): "an assertion",
    ("capture.py", "handover_due needs an aware datetime"): "a programmer error",
    ("loyalty_ledger.py", "Customer {…}: balance {…} but the ledger sums to {…}"):
        "crmdesk check's report (the CLI)",
    ("loyalty_ledger.py", "Customer {…}: negative points balance {…}"):
        "crmdesk check's report (the CLI)",
    ("sync.py", "{…} synced rows have no global id (uid)"): "crmdesk check's report (the CLI)",
    ("sync.py", "{…} capture triggers are missing: writes would not be sent (reopen the "
                "book to reinstall them)"): "crmdesk check's report (the CLI)",
    ("sync.py", "the sync state says a pull is being applied"): "crmdesk check's report",
    ("sync.py", "entry {…}: its hash does not match what it says"):
        "the office audit trail's verify report (crmdesk audit verify --office)",
    ("sync.py", "entries {…}–{…} are missing"):
        "the office audit trail's verify report (crmdesk audit verify --office)",
    ("sync.py", "entry {…} does not follow the one before"):
        "the office audit trail's verify report (crmdesk audit verify --office)",
}
#: attributes whose `.append(text)` is shown to the person (import notes and reports)
NOTE_LISTS = {"warnings", "skipped", "kept", "notes"}
#: attributes whose assigned text is shown (a rejected contact's reason, a chart's note)
NOTE_FIELDS = {"error", "reason", "note"}


def _text(node: ast.AST | None) -> str | None:
    """The text of a bare literal or an f-string (placeholders shown as {…})."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{…}" for v in node.values)
    return None


def _words(text: str) -> bool:
    return bool(re.search(r"[A-Za-z]{3,}", re.sub(r"\{[^}]*\}", "", text)))


def bare_sentences(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        shown: ast.AST | None = None
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args:
            shown = node.exc.args[0]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                and node.func.id in ("Problem", "Chart", "Series") and len(node.args) > 1:
            shown = node.args[1]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr == "append" and node.args \
                and isinstance(node.func.value, ast.Attribute | ast.Name) \
                and getattr(node.func.value, "attr", getattr(node.func.value, "id", "")) \
                in NOTE_LISTS | {"problems"}:
            shown = node.args[0]
        elif isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Attribute) and t.attr in NOTE_FIELDS for t in node.targets):
            shown = node.value
        text = _text(shown)
        if text is None or not _words(text) or (path.name, text) in TEXTS_ALLOWED:
            continue
        found.append(f"{path.name}:{node.lineno}: {text[:70]!r}")
    return found


def test_the_scan_finds_what_it_must(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "raise ValueError('A stage needs a name.')\n"
        "raise LookupError(f'Customer {cid} does not exist.')\n"
        "problems.append(Problem('notes', 'Write a note.'))\n"
        "contact.warnings.append(f'photo larger than {n} MB')\n"
        "contact.error = 'no name'\n"
        "raise ValueError(translate('lifecycle', 'A stage needs a name.'))\n"
        "raise KeyError(key)\n"
        "raise ValueError(f'{a} – {b}')\n"
        "chart = Chart('funnel', 'Entries per stage', 'bar', [], [])\n"
        "chart.note = f'{n} promises due'\n", encoding="utf-8")
    hits = sorted(h.split(": ", 1)[1] for h in bare_sentences(sample))
    assert hits == sorted(["'A stage needs a name.'", "'Customer {…} does not exist.'",
                           "'Write a note.'", "'photo larger than {…} MB'", "'no name'",
                           "'Entries per stage'", "'{…} promises due'"])


def test_every_service_sentence_is_translatable() -> None:
    found = [hit for path in FILES if path.name not in FILES_ALLOWED
             for hit in bare_sentences(path)]
    assert not found, f"{len(found)} sentences outside translate():\n" + "\n".join(found[:60])


def test_the_allow_list_is_not_stale() -> None:
    """A file listed as English still has English sentences (else take it off the list)."""
    for name in FILES_ALLOWED:
        assert bare_sentences(SERVICES / name), f"{name} needs no exception any more"


def test_every_context_is_named_as_its_variable() -> None:
    for path in FILES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) \
                    and getattr(node.value.func, "attr", getattr(node.value.func, "id", "")) \
                    == "Context":
                target = node.targets[0]
                assert isinstance(target, ast.Name)
                assert node.value.args and isinstance(node.value.args[0], ast.Constant)
                assert node.value.args[0].value == target.id, f"{path.name}:{node.lineno}"


def test_every_refusal_of_a_customer_is_in_the_catalogue() -> None:
    """`require_level(ids, level, doing)`: every `doing` a caller passes is in access.DOING
    (else the refusal mixes a Spanish sentence with an English verb)."""
    from crmdesk.services import access

    used = set()
    for path in [*FILES, *(ROOT / "crmdesk").glob("*.py"), *(ROOT / "crmdesk" / "reports")
                 .glob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "require_level":
                assert len(node.args) == 3 and isinstance(node.args[2], ast.Constant), \
                    f"{path.name}:{node.lineno}: pass a literal listed in access.DOING"
                used.add(node.args[2].value)
    assert used and used <= set(access.DOING), used - set(access.DOING)


# --- the hook ---------------------------------------------------------------------------
@pytest.fixture
def fresh() -> Iterator[None]:
    texts.reset()
    yield
    texts.reset()


def test_english_by_default_plurals_included(fresh: None) -> None:
    assert not texts.translating()
    assert texts.translate("validation", "The phone number is empty.") == \
        "The phone number is empty."
    importing = texts.Context("importing")
    assert importing.tr("%n line(s) of notes before the header row skipped", "", 1) == \
        "1 line of notes before the header row skipped"
    assert importing.tr("%n line(s) of notes before the header row skipped", "", 3) == \
        "3 lines of notes before the header row skipped"
    assert texts.integer(250_000) == "250,000"
    assert texts.vocabulary("Phone") == "Phone" and texts.vocabulary("") == ""


def test_the_hook_translates_then_reset_speaks_english(fresh: None) -> None:
    seen = []

    def hook(context: str, text: str, disambiguation: str | None, n: int) -> str:
        seen.append((context, text, n))
        return {"The phone number is empty.": "El número de teléfono está vacío.",
                "%n line(s) of notes before the header row skipped":
                    "se omiten %n líneas de notas"}.get(text, text)

    texts.install(hook, "es")
    assert texts.translating() and texts.language() == "es"
    from crmdesk.services.validation import InvalidValue, normalise_phone

    with pytest.raises(InvalidValue, match="El número de teléfono está vacío"):
        normalise_phone("  ")
    assert texts.Context("importing").tr(
        "%n line(s) of notes before the header row skipped", "", 4) == "se omiten 4 líneas de notas"
    assert texts.integer(250_000) == "250.000"
    assert ("validation", "The phone number is empty.", -1) in seen
    texts.reset()
    with pytest.raises(InvalidValue, match="^The phone number is empty.$"):
        normalise_phone("")


# --- the CLI stays English ----------------------------------------------------------------
def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    from crmdesk.cli import main
    from crmdesk.store.db import close_database

    code = main(list(args))
    close_database()
    out = capsys.readouterr()
    return code, out.out, out.err


def _cli_session(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> list[tuple[int, str, str]]:
    """Commands whose output carries service sentences: a refused phone, an import report
    with warnings and duplicates, a CSV without names, an unknown stage, a refusal."""
    tmp_path.mkdir()
    db = str(tmp_path / "b.db")
    vcf = tmp_path / "people.vcf"
    vcf.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Peña;Lola;;;\r\nEMAIL:lola@example.es\r\n"
        "TEL:12\r\nBDAY:someday\r\nX-CUSTOM:kept?\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Peña;Lola;;;\r\nEMAIL:lola@example.es\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nEMAIL:sin.nombre@example.es\r\nEND:VCARD\r\n",
        encoding="utf-8")
    csv = tmp_path / "bad.csv"
    csv.write_text("Colour,Size\nred,10\n", encoding="utf-8")
    runs = [
        _cli(capsys, "add", "--db", db, "--given", "A", "--family", "B", "--phone", "123"),
        _cli(capsys, "add", "--db", db, "--given", "A", "--family", "B", "--email", "x@"),
        _cli(capsys, "import", "--db", db, "--dry-run", str(vcf)),
        _cli(capsys, "import", "--db", db, "--dry-run", "--json", str(vcf)),
        _cli(capsys, "import", "--db", db, str(vcf)),
        _cli(capsys, "import", "--db", db, str(csv)),
        _cli(capsys, "import", "--db", db, str(tmp_path)),
        _cli(capsys, "purchase", "--db", db, "--customer", "1", "--amount", "1.234.567,891"),
        _cli(capsys, "purchase", "--db", db, "--customer", "1", "--amount", "12",
             "--currency", "EURO"),
        _cli(capsys, "purchase", "--db", db, "--customer", "99", "--amount", "12"),
    ]
    # a receptionist's refusal (the role's label and what it may not do)
    from crmdesk.services import access, staff
    from crmdesk.store.book import open_book
    from crmdesk.store.db import close_database

    open_book(Path(db))
    rita = staff.add("Rita", "receptionist")
    marta = staff.add("Marta", "manager")
    access.set_password(marta, "marta-secret-1")
    access.set_password(rita, "rita-secret-1")
    access.reset()
    close_database()
    import os

    os.environ["CRMDESK_PASSWORD"] = "rita-secret-1"
    try:
        runs.append(_cli(capsys, "--user", "Rita", "export", "--db", db, "--format", "csv", "--out",
                         str(tmp_path / "out.csv")))
    finally:
        del os.environ["CRMDESK_PASSWORD"]
    return runs


def test_the_cli_speaks_english_when_the_window_speaks_spanish(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], qapp) -> None:  # type: ignore[no-untyped-def]
    """The same commands, once with no translator and once after the window installed the
    Spanish catalogues in this process: byte-identical output, English."""
    from PySide6.QtCore import QLocale

    from crmdesk import i18n

    if not i18n.catalogue_files("es"):
        pytest.skip("the .qm catalogues are not built (make qm)")
    texts.reset()
    english = _cli_session(tmp_path / "a", capsys)
    i18n.install(qapp, "es", system=QLocale(QLocale.Language.English))
    try:
        assert texts.translate("validation", "The phone number is empty.") != \
            "The phone number is empty."  # the window would say it in Spanish
        spanish_process = _cli_session(tmp_path / "b", capsys)
    finally:
        i18n.install(qapp, "en", system=QLocale(QLocale.Language.English))
        texts.reset()
        QLocale.setDefault(QLocale.c())
    same = [(code, out.replace(str(tmp_path / "b"), "<tmp>"), err.replace(str(tmp_path / "b"),
                                                                          "<tmp>"))
            for code, out, err in spanish_process]
    assert same == [(code, out.replace(str(tmp_path / "a"), "<tmp>"),
                     err.replace(str(tmp_path / "a"), "<tmp>")) for code, out, err in english]
    # and it is English, with the sentences the services wrote
    text = "\n".join(out + err for _code, out, err in english)
    assert "is not a valid phone number" in text or "is not a phone number" in text
    assert "not a valid e-mail address" in text
    assert "same e-mail as" in text
    assert "birthday “someday” not understood" in text
    assert "named after its e-mail address" in text
    assert "none of the columns" in text
    assert "may not export customer data" in text and "(receptionist)" in text
    assert "is not a currency code" in text and "has more than two decimals" in text
    assert "«" not in text and "número" not in text
    json.loads(english[3][1])  # the JSON report is still JSON
