"""What the CSV and XLSX readers share: a table's Document, and errors worded in its columns.

A spreadsheet is its own source: its document id is the file name (with the sheet's in a
workbook, `attendees.xlsx#Delegates`), so a fact's evidence reads `attendees.csv:12` or
`attendees.xlsx#Delegates:12`, row 12 of that sheet (the header is row 1); its SHA-256 is the
file's. The checks of `to_rows` name a fact's field (`facts[3].name`); `in_columns` puts back the
column the analyst wrote (`organisation`).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from medgraph.errors import DataError
from medgraph.loaders.countries import fold
from medgraph.loaders.readers.layouts import Sheet, Table, read_table
from medgraph.loaders.readers.records import LINE, Document

__all__ = ["table_document", "sheet_document", "file_sha256", "in_columns", "check_event", "no_registry"]

FRENCH = {"organisme", "pays", "personne", "role", "membre de", "evenement", "debut", "fin", "ville", "statut", "nom",
          "secteur", "de", "a", "type d evenement", "date de debut", "date de fin", "pays de l evenement"}
PROBLEM = re.compile(r"^(?P<where>[^\n]*?:\d+): facts\[(?P<index>\d+)\]\.(?P<field>[\w.\[\]]+): (?P<message>.*)$")


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def table_document(table: Table, file: Path, sha256: str, event: str | None = None) -> Document:
    """The Document of one table (a CSV file, a workbook's sheet): its facts, the columns they
    come from, the organisations its rows describe; every problem of its rows in one DataError."""
    return sheet_document(read_table(table, event), table, file, sha256)


def sheet_document(sheet: Sheet, table: Table, file: Path, sha256: str, bulk=None) -> Document:
    """The Document of what a table gave (`bulk`: its rows as columns, `readers.bulk`), or one
    DataError with every problem of its rows."""
    if sheet.problems:
        raise DataError("\n".join(sheet.problems))
    document_id = table.path.replace(str(file), file.name, 1)
    meta = {"id": document_id, "file": file.name, "title": f"{sheet.layout}: {document_id}", "date": None,
            "language": language(table.header), "sha256": sha256, LINE: 1}
    return Document(table.path, meta, sheet.facts, sheet.columns, sheet.organisations, bulk)


def language(header: list) -> str:
    """fr when most of the header's column names are French ones, else en.

    >>> language(["Organisme", "Pays", "Rôle"]), language(["Organisation", "Country", "Role"])
    ('fr', 'en')
    """
    names = [fold(str(cell)) for cell in header if cell is not None]
    french = sum(name in FRENCH for name in names)
    return "fr" if french * 2 > len(names) else "en"


def in_columns(problems: list[str], documents: list[Document]) -> list[str]:
    """Problems about a spreadsheet's facts worded with its columns: `file:row: column: message`.

    >>> doc = Document("a.csv", {"id": "a.csv"}, [{"fact": "attendance"}], {"attendance": {"name": "Organisme"}})
    >>> in_columns(["a.csv:2: facts[0].name: unknown name 'X'", "b.yaml:3: facts[0].name: missing"], [doc])
    ["a.csv:2: Organisme: unknown name 'X' (--add-new adds it to the registry)", 'b.yaml:3: facts[0].name: missing']
    """
    tables = {document.path: document for document in documents if document.is_table}
    return [in_column(problem, tables) for problem in problems]


def in_column(problem: str, tables: dict[str, Document]) -> str:
    found = PROBLEM.match(problem)
    document = tables.get(found.group("where").rsplit(":", 1)[0]) if found else None
    if document is None:
        return problem
    fact = document.facts[int(found.group("index"))]
    field = found.group("field")
    column = document.columns.get(fact.get("fact"), {}).get(field) or field
    message = found.group("message")
    if message.startswith("unknown name") and not names_a_person(fact.get("fact"), field):
        message += " (--add-new adds it to the registry)"
    return f"{found.group('where')}: {column}: {message}"


def names_a_person(fact: str | None, field: str) -> bool:
    return fact == "mentoring" or field == "person" or (fact == "person" and field == "name")


def no_registry(path: Path):
    raise DataError(f"{path}:1: the registry is a YAML file (registry.yaml), not a spreadsheet")


def check_event(event: str | None, documents: list[Document]) -> None:
    """`--event ID` names an event some document defines, and some attendee list takes it."""
    if event is None:
        return
    defined = {f.get("id") for d in documents for f in d.facts if f.get("fact") == "event"}
    if event not in defined:
        raise DataError(f"--event: unknown event {event!r} (no data file defines it)")
    if not any(d.is_table and "attendance" in d.columns for d in documents):
        raise DataError("--event: no attendee list among the files (it is the event of an attendee list)")
