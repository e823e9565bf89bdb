"""The interface is translatable and the catalogues are complete (issue 20).

Per area (each area's catalogues are refreshed from exactly its files, so each passes alone):
- every `.ts` of the area exists, has no unfinished, vanished or obsolete entry, and every
  plural has all its numerus forms;
- running pyside6-lupdate over the area's files into a copy of the catalogue adds no source
  text (the catalogue is up to date with the code);
- no user-visible Qt text call (setText, setToolTip, QLabel(...), QMessageBox.*, ...) in the
  area's files is given a bare string literal or an f-string: every such text goes through
  self.tr / QCoreApplication.translate. The few exceptions are listed with their reason.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "crmdesk" / "ui"
TRANSLATIONS = ROOT / "crmdesk" / "resources" / "translations"
LUPDATE = Path(sys.executable).parent / "pyside6-lupdate"


def area_files(area: str) -> list[Path]:
    """The files of an area, exactly as the Makefile's translations-<area> target has them."""
    settings = UI / "dialogs" / "settings_dialogs.py"
    if area == "services":  # the services' sentences (crmdesk/services/texts.py)
        services = ROOT / "crmdesk" / "services"
        return sorted(services.glob("*.py")) + sorted((services / "importing").glob("*.py"))
    if area == "app":
        return ([ROOT / "crmdesk" / "app.py"] + sorted(UI.glob("*.py"))
                + sorted((UI / "views").glob("*.py")) + [settings])
    return (sorted(p for p in (UI / "dialogs").glob("*.py") if p != settings)
            + sorted((UI / "widgets").glob("*.py")) + sorted((UI / "models").glob("*.py")))


AREAS = ["app", "dialogs", "services"]


def catalogues(area: str) -> dict[str, Path]:
    return {lang: TRANSLATIONS / f"{area}_{lang}.ts" for lang in ("es", "en")}


def need_catalogues(area: str) -> None:
    missing = [p.name for p in catalogues(area).values() if not p.exists()]
    if area == "dialogs" and missing:
        pytest.skip("the dialogs area is translated on its own branch (engineer B)")
    assert not missing, f"missing catalogues: {missing}"


def messages(path: Path) -> list[tuple[str, ET.Element]]:
    root = ET.parse(path).getroot()
    return [(ctx.findtext("name") or "", m) for ctx in root.iter("context")
            for m in ctx.iter("message")]


@pytest.mark.parametrize("area", AREAS)
def test_catalogues_are_complete(area: str) -> None:
    need_catalogues(area)
    for lang, path in catalogues(area).items():
        root = ET.parse(path).getroot()
        assert root.get("language", "").startswith(lang), path.name
        problems = []
        for context, message in messages(path):
            source = message.findtext("source")
            translation = message.find("translation")
            assert translation is not None
            kind = translation.get("type")
            if kind in ("unfinished", "vanished", "obsolete"):
                problems.append(f"{context}: {source!r} is {kind}")
            if message.get("numerus") == "yes":
                forms = [f.text or "" for f in translation.iter("numerusform")]
                if len(forms) != 2 or not all(f.strip() for f in forms):
                    problems.append(f"{context}: {source!r} lacks numerus forms: {forms}")
            elif lang == "es" and not (translation.text or "").strip():
                problems.append(f"{context}: {source!r} has an empty translation")
            if lang == "en" and message.get("numerus") != "yes":
                problems.append(f"{context}: {source!r}: the English file holds plurals only")
        assert not problems, "\n".join(problems[:40])


@pytest.mark.parametrize("area", AREAS)
def test_catalogues_are_up_to_date_with_the_code(area: str, tmp_path: Path) -> None:
    need_catalogues(area)
    if not LUPDATE.exists():
        pytest.skip("pyside6-lupdate is not installed")
    path = catalogues(area)["es"]
    copy = tmp_path / path.name
    shutil.copy(path, copy)
    subprocess.run([str(LUPDATE), "-silent", "-no-obsolete", "-locations", "none",
                    *map(str, area_files(area)), "-ts", str(copy)], check=True, cwd=ROOT)
    before = {(c, m.findtext("source"), m.findtext("comment")) for c, m in messages(path)}
    after = {(c, m.findtext("source"), m.findtext("comment")) for c, m in messages(copy)}
    assert after - before == set(), f"not in {path.name} (run `make translations`)"
    assert before - after == set(), f"gone from the code but in {path.name}"


#: calls whose (first) string argument is shown to the user
TEXT_METHODS = {
    "setText", "setToolTip", "setWindowTitle", "setPlaceholderText", "setStatusTip",
    "setAccessibleName", "setAccessibleDescription", "setWhatsThis", "addAction", "addItem",
    "addItems", "setHorizontalHeaderLabels", "setVerticalHeaderLabels", "setHeaderLabels",
    "addTab", "insertTab", "setTabText", "setTabToolTip", "setTitle", "addMenu", "showMessage",
    "setIconText", "setItemText", "insertItem", "insertItems", "addRow", "setLabelText",
    "setSpecialValueText", "setPrefix", "setSuffix", "setWindowIconText", "addToolBar",
    "setInformativeText", "setDetailedText", "addButton", "show_error", "setHtml",
    "setPlainText",
}
#: constructors whose string arguments are shown to the user
TEXT_CLASSES = {
    "QLabel", "QPushButton", "QAction", "QCheckBox", "QRadioButton", "QGroupBox",
    "QToolButton", "QMenu", "QMessageBox", "QTableWidgetItem", "QListWidgetItem",
    "QTreeWidgetItem", "QStandardItem", "QToolBar", "QDockWidget",
}
#: QMessageBox / QInputDialog / QFileDialog statics: every string argument is shown
TEXT_STATICS = {
    "QMessageBox": {"warning", "information", "critical", "question", "about"},
    "QInputDialog": {"getText", "getInt", "getDouble", "getItem", "getMultiLineText"},
    "QFileDialog": {"getOpenFileName", "getSaveFileName", "getExistingDirectory",
                    "getOpenFileNames"},
}
#: (file, literal) pairs that are not interface text, with the reason
ALLOWED = {
    ("*", "crmdesk"): "the product's name, the same in every language",
    ("*", "Qt"): "a product's name",
}


def _is_text(node: ast.AST) -> str | None:
    """The literal text a node passes, when it is a bare literal or an f-string with words."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values
                       if isinstance(v, ast.Constant) and isinstance(v.value, str)) or "{…}"
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _is_text(node.left) or _is_text(node.right)
    if isinstance(node, ast.List | ast.Tuple):
        for item in node.elts:
            text = _is_text(item)
            if text:
                return text
    return None


def _words(text: str) -> bool:
    """Text a person reads (words), as opposed to "—", "·", "…", "{name}", markup, names."""
    import re

    text = re.sub(r"<[^>]*>|\{[^}]*\}|&\w+;", "", text)  # markup and placeholders
    text = re.sub(r"\b(?:crmdesk|Python|Qt|PDF|CSV|JSON)\b", "", text)  # names
    return bool(re.search(r"[A-Za-z]{2,}", text))


#: the window's own helpers that show the texts they are given (every string argument)
HELPERS = {
    "show_error", "show_message", "run_with_progress", "ask_save_path", "ask_open_path",
    "ask_yes", "ask_choice", "ask_folder", "ask_message_path", "ask_message_folder",
    "ask_new_passphrase", "ask_sign_in", "save_file", "open_file", "ServiceCommand",
    "QProgressDialog", "drawText", "_action", "_filter_combo", "add_button", "_line", "_text",
    "_table", "_combo", "_label", "_holder", "_cell", "line",
}


def text_args(node: ast.Call) -> list[ast.AST]:
    """The arguments of a call that reach the screen as text."""
    func = node.func
    args: list[ast.AST] = []
    if isinstance(func, ast.Attribute):
        owner = func.value.id if isinstance(func.value, ast.Name) else None
        if owner in TEXT_STATICS and func.attr in TEXT_STATICS[owner] or func.attr in HELPERS:
            args = list(node.args)
        elif func.attr in TEXT_METHODS:
            args = list(node.args[:2]) if func.attr in ("addRow", "addItem") \
                else list(node.args[:1])
            if func.attr in ("addTab", "insertTab"):
                args = list(node.args[1:3])
            if func.attr in ("setText", "setToolTip", "setStatusTip") and node.args \
                    and isinstance(node.args[0], ast.Constant) \
                    and isinstance(node.args[0].value, int):  # an item's column
                args = list(node.args[1:2])
    elif isinstance(func, ast.Name) and (func.id in TEXT_CLASSES or func.id in HELPERS):
        args = list(node.args)
    return args + [k.value for k in node.keywords if k.arg in ("text", "title", "toolTip")]


def bare_texts(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        for arg in text_args(node):
            text = _is_text(arg)
            if text is None or not _words(text):
                continue
            if ("*", text) in ALLOWED or (path.name, text) in ALLOWED:
                continue
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {text[:60]!r}")
    return found


@pytest.mark.parametrize("area", AREAS)
def test_no_user_visible_text_escapes_translation(area: str) -> None:
    if area == "services":
        pytest.skip("no Qt in the services: tests/unit/test_service_texts.py has their rule")
    if area == "dialogs" and not catalogues(area)["es"].exists():
        pytest.skip("the dialogs area is translated on its own branch (engineer B)")
    found = [hit for path in area_files(area) for hit in bare_texts(path)]
    assert not found, f"{len(found)} untranslatable texts:\n" + "\n".join(found[:60])


def test_the_scan_finds_what_it_must(tmp_path: Path) -> None:
    """The scanner itself: a bare literal, an f-string and a QMessageBox text are caught;
    translated texts, symbols and the product's name are not."""
    sample = ROOT / "tests" / "unit" / "_scan_sample.py"
    sample.write_text(
        "label.setText('Save the profile')\n"
        "label.setToolTip(f'{n} customers')\n"
        "QMessageBox.warning(self, 'crmdesk', 'Not allowed')\n"
        "QLabel('Name:')\n"
        "label.setText(self.tr('Translated'))\n"
        "label.setText('—')\n"
        "box.setWindowTitle('crmdesk')\n", encoding="utf-8")
    try:
        hits = bare_texts(sample)
    finally:
        sample.unlink()
    assert [h.split(": ", 1)[1] for h in hits] == [
        "'Save the profile'", "' customers'", "'Not allowed'", "'Name:'"]


if __name__ == "__main__":  # list what is left: python tests/unit/test_translations.py app
    for file in area_files(sys.argv[1] if len(sys.argv) > 1 else "app"):
        for hit in bare_texts(file):
            print(hit)


@pytest.mark.parametrize("area", AREAS)
def test_translations_keep_the_placeholders(area: str) -> None:
    """A translation has exactly the {placeholders} of its source text (else .format fails
    or drops a value), and a keyboard accelerator where the source has one."""
    import re

    need_catalogues(area)
    names = re.compile(r"\{(\w*)[^}]*\}")
    problems = []
    for context, message in messages(catalogues(area)["es"]):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        for form in forms:
            if sorted(names.findall(form)) != sorted(names.findall(source)):
                problems.append(f"{context}: {source!r} → {form!r}")
            has_key = re.search(r"&[^&\s]", source.replace("&&", ""))
            if has_key and not re.search(r"&[^&\s]", form.replace("&&", "")) \
                    and "(*" not in source:
                problems.append(f"{context}: {source!r} → {form!r} lost its accelerator")
    assert not problems, "\n".join(problems[:40])
