"""The Excel reader: an .xlsx workbook, one document per sheet, each sheet in a layout
(`layouts`), found by the sheet's name (attendees, organisations, relations, or their French
names) or else by its columns.

openpyxl reads the cells (read-only, the values of formulas as Excel last saved them); dates come
as datetimes and become dates. Row numbers are the sheet's own (the header is row 1), which a
DataFrame would lose with blank rows. Hidden and empty sheets are left out.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from medgraph.errors import DataError
from medgraph.loaders.readers.layouts import Table
from medgraph.loaders.readers.records import Document, Reader
from medgraph.loaders.readers.spreadsheets import file_sha256, no_registry, table_document

__all__ = ["READER", "read_documents"]


def read_documents(path: Path, event: str | None = None) -> list[Document]:
    import openpyxl  # a second or so to import: only when a workbook is read

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise DataError(f"{path}:1: not an Excel .xlsx workbook ({error})") from None
    try:
        sha256, documents, problems = file_sha256(path), [], []
        for sheet in workbook.worksheets:
            rows = sheet.iter_rows(values_only=True)
            header = list(next(rows, ()) or ())
            if sheet.sheet_state != "visible" or not any(cell is not None for cell in header):
                continue
            table = Table(f"{path}#{sheet.title}", sheet.title, header, enumerate(map(list, rows), start=2))
            try:
                documents.append(table_document(table, path, sha256, event))
            except DataError as error:
                problems.append(str(error))
    finally:
        workbook.close()
    if problems:
        raise DataError("\n".join(problems))
    if not documents:
        raise DataError(f"{path}:1: no sheet with a header row")
    return documents


READER = Reader("Excel", (".xlsx",), read_documents, no_registry)
