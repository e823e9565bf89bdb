"""Issue 20, the dialogs area's catalogues (crmdesk/resources/translations/dialogs_*.ts):
complete, up to date with the code, the same placeholders as the English, and no user-visible
text left out of tr()/translate() in crmdesk/ui/dialogs (but settings_dialogs.py, area app),
crmdesk/ui/widgets and crmdesk/ui/models."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "crmdesk" / "resources" / "translations"
UI = ROOT / "crmdesk" / "ui"
FILES = sorted(p for p in [*(UI / "dialogs").glob("*.py"), *(UI / "widgets").glob("*.py"),
                           *(UI / "models").glob("*.py")] if p.name != "settings_dialogs.py")

# Qt calls whose text a user sees: argument positions that must not be a bare literal.
VISIBLE = {name: (0,) for name in (
    "setText", "setToolTip", "setWindowTitle", "setPlaceholderText", "setStatusTip",
    "setAccessibleName", "setAccessibleDescription", "setWhatsThis", "addAction", "addItem",
    "setTitle", "addRow", "setLabelText", "setSuffix", "setPrefix", "show_message",
    "addButton", "setInformativeText", "setDetailedText", "showMessage", "setHtml",
    "setPlainText", "addMenu", "addSection", "setCancelButtonText",
    "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction",
    "QToolButton", "QMenu", "QListWidgetItem", "QCommandLinkButton")}
VISIBLE.update({name: (1,) for name in ("addTab", "setTabText", "insertTab", "setItemText",
                                        "setTabToolTip", "insertItem")})
VISIBLE.update({name: (1, 2) for name in ("warning", "information", "critical", "question",
                                          "about", "getText", "getInt", "getItem")})
VISIBLE.update({name: (1, 3) for name in ("getOpenFileName", "getSaveFileName",
                                          "getExistingDirectory", "getOpenFileNames",
                                          "open_file", "save_file")})
VISIBLE["folder"] = (1,)
LISTS = {"setHorizontalHeaderLabels", "setVerticalHeaderLabels", "setHeaderLabels", "addItems"}


def _catalogue(name: str) -> ET.Element:
    return ET.parse(TRANSLATIONS / name).getroot()


def _messages(root: ET.Element) -> list[tuple[str, ET.Element]]:
    return [(str(ctx.findtext("name")), m) for ctx in root.iter("context")
            for m in ctx.iter("message")]


def _fields(text: str) -> set[str]:
    return set(re.findall(r"\{[A-Za-z_][A-Za-z0-9_]*(?:[:!][^{}]*)?\}", text))


@pytest.mark.parametrize("name, forms", [("dialogs_es.ts", 2), ("dialogs_en.ts", 2)])
def test_the_catalogue_is_complete(name: str, forms: int) -> None:
    problems = []
    for context, message in _messages(_catalogue(name)):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if translation.get("type"):  # unfinished, obsolete or vanished
            problems.append(f"{context}: {source!r} is {translation.get('type')}")
        if message.get("numerus") == "yes":
            texts = [f.text or "" for f in translation.findall("numerusform")]
            counts = [c for c in ("%n", "%Ln", "{count}") if c in source]
            counted = [t for t in texts if all(c in t for c in counts)]
            if len(texts) != forms or not all(texts) or len(counted) != len(texts):
                problems.append(f"{context}: {source!r} has numerus forms {texts}")
        else:
            texts = [translation.text or ""]
            if not texts[0].strip() and source.strip():
                problems.append(f"{context}: {source!r} is empty")
        for text in texts:
            if _fields(text) != _fields(source):
                problems.append(f"{context}: {source!r} -> {text!r}: other placeholders")
    assert not problems, "\n".join(problems)
    if name == "dialogs_en.ts":  # English is the source: only its plural forms
        assert all(m.get("numerus") == "yes" for _c, m in _messages(_catalogue(name)))


def _lupdate() -> str:
    beside = Path(sys.executable).with_name("pyside6-lupdate")
    return str(beside) if beside.exists() else (shutil.which("pyside6-lupdate") or "")


def test_the_catalogue_is_up_to_date_with_the_code(tmp_path: Path) -> None:
    before = {(c, m.findtext("source")) for c, m in _messages(_catalogue("dialogs_es.ts"))}
    copy = tmp_path / "dialogs_es.ts"
    shutil.copy(TRANSLATIONS / "dialogs_es.ts", copy)
    subprocess.run([_lupdate(), "-silent", "-no-obsolete", "-locations", "none",
                    *map(str, FILES), "-ts", str(copy)], check=True, cwd=ROOT)
    after = {(c, m.findtext("source")) for c, m in _messages(ET.parse(copy).getroot())}
    assert after == before, {"new in the code": after - before, "gone": before - after}


def _bare(node: ast.expr) -> bool:
    """A literal (or an f-string) with letters in it, not passed through tr()/translate()."""
    if isinstance(node, ast.JoinedStr):
        return True
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and \
        bool(re.search(r"[^\W\d_]", node.value))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_no_user_visible_text_is_left_untranslatable(path: Path) -> None:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else \
            func.id if isinstance(func, ast.Name) else ""
        args: list[ast.expr] = []
        if name in VISIBLE:
            args = [node.args[i] for i in VISIBLE[name] if i < len(node.args)]
        elif name in LISTS and node.args and isinstance(node.args[0], ast.List | ast.Tuple):
            args = list(node.args[0].elts)
        args += [k.value for k in node.keywords if k.arg in ("text", "toolTip", "title")]
        found += [f"{path.name}:{a.lineno}: {ast.unparse(a)[:60]}" for a in args if _bare(a)]
    assert not found, "\n".join(found)
