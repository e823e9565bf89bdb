"""Column mappings a person chooses for a CSV file: `--map 'Primary Email=email'` on the
command line, a mapping saved to a file and used again, the window's mapping step.

A saved mapping is a small JSON file: {"crmdesk_mapping": 1, "columns": {"Header": "target"}}.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from crmdesk.services.importing import csv_reader, files
from crmdesk.services.texts import translate
from crmdesk.services.validation import InvalidValue

FORMAT_KEY = "crmdesk_mapping"
MAX_MAPPING_FILE = 1_000_000
_SHORT = {"email": "email:home", "e-mail": "email:home", "phone": "phone:mobile",
          "mobile": "phone:mobile", "ignore": "", "skip": "", "none": "", "-": "",
          "first": "given_name", "last": "family_name", "name": "full_name",
          "street": "address:home:street", "city": "address:home:city",
          "postcode": "address:home:postcode", "country": "address:home:country",
          "job title": "occupation", "title": "occupation", "note": "notes"}


def target_for(text: str) -> str:
    """The target key a person wrote: a key ('email:work'), a short form ('email'), or the
    label the window shows ('E-mail (work)'); InvalidValue with the choices otherwise."""
    key = " ".join(text.strip().split())
    folded = key.casefold()
    if key in csv_reader.TARGETS:
        return key
    if folded in _SHORT:
        return _SHORT[folded]
    for target, label in csv_reader.TARGETS.items():
        if folded in (target.casefold(), label.casefold()):
            return target
    if folded.startswith(("note:", "life:")) and len(key) > 5:
        return key[:4] + ":" + key[5:].strip()[:60]  # "note:Customer number" → notes line
    raise InvalidValue(translate(
        "importing", "“{key}” is not a field to import into (e.g. email, phone, ignore, "
        "given_name, family_name, company, email:work, phone:home, note:LABEL).").format(
        key=key[:40]))


def parse_pair(text: str) -> tuple[str, str]:
    """'Primary Email=email' → ('Primary Email', 'email:home'). The header is what is
    left of the last '='."""
    header, sep, target = text.rpartition("=")
    if not sep or not header.strip():
        raise InvalidValue(translate(
            "importing", "“{text}”: write COLUMN=FIELD, e.g. 'Primary Email=email'.").format(
            text=text[:40]))
    return header.strip(), target_for(target)


def _column(headers: list[str], header: str) -> int:
    folded = header.casefold()
    for i, name in enumerate(headers):
        if name.casefold() == folded:
            return i
    if header.isdigit() and 1 <= int(header) <= len(headers):  # "3" for a numbered column
        return int(header) - 1
    shown = ", ".join(headers[:8]) + ("…" if len(headers) > 8 else "")
    raise InvalidValue(translate(
        "importing", "the file has no column “{header}” (its columns: {shown}).").format(
        header=header[:40], shown=shown))


def mapping_list(read: files.ReadFile, columns: dict[str, str], *,
                 strict: bool = True) -> list[str]:
    """The file's mapping with these columns changed (the others as they are). `strict`: a
    column the file does not have is an error (from --map), else it is ignored (a saved
    mapping made for a file with more columns)."""
    if read.table is None:
        raise InvalidValue(translate(
            "importing", "{name} is a vCard file: only CSV columns can be mapped.").format(
            name=read.path.name))
    mapping = list(read.mapping) + [""] * (len(read.table.headers) - len(read.mapping))
    for header, target in columns.items():
        try:
            mapping[_column(read.table.headers, header)] = target_for(target)
        except InvalidValue:
            if strict or header.casefold() in {h.casefold() for h in read.table.headers}:
                raise
    return mapping


def apply(read: files.ReadFile, columns: dict[str, str], *, strict: bool = True) -> files.ReadFile:
    """The file read again with these columns mapped (see mapping_list)."""
    return files.remap(read, mapping_list(read, columns, strict=strict))


def load(path: Path) -> dict[str, str]:
    """The columns of a saved mapping file, checked; InvalidValue in one line."""
    try:
        raw = files.read_regular(path, MAX_MAPPING_FILE)
        spec = json.loads(raw.decode("utf-8"))
    except files.UnreadableFile as exc:
        raise InvalidValue(str(exc)) from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InvalidValue(translate(
            "importing", "{name} is not a saved mapping (not JSON: {exc}).").format(
            name=path.name, exc=exc)) from exc
    if not isinstance(spec, dict) or spec.get(FORMAT_KEY) != 1 \
            or not isinstance(spec.get("columns"), dict):
        raise InvalidValue(translate(
            "importing", "{name} is not a saved mapping of crmdesk.").format(name=path.name))
    columns = {str(k): str(v) for k, v in spec["columns"].items()}
    for target in columns.values():
        target_for(target)
    return columns


def columns_of(read: files.ReadFile) -> dict[str, str]:
    assert read.table is not None
    return dict(zip(read.table.headers, read.mapping, strict=False))


def save(path: Path, read: files.ReadFile) -> None:
    """Write the file's mapping for next time (a private file, replaced atomically)."""
    from crmdesk.services import exporting

    text = json.dumps({FORMAT_KEY: 1, "columns": columns_of(read)}, ensure_ascii=False,
                      indent=2) + "\n"
    with exporting.atomic_file(Path(os.fspath(path))) as part:
        part.write_text(text, encoding="utf-8")
