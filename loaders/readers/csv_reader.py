"""The CSV reader: an attendee list, organisations or relations (`layouts`), one document.

UTF-8 (with or without the byte-order mark Excel writes); the separator is the one the header
uses (comma, semicolon as French Excel writes, or tab). The header is row 1. No size limit:
a million rows read in seconds, unlike YAML (benchmarks/README.md).
"""

from __future__ import annotations

import csv
from pathlib import Path

from medgraph.errors import DataError
from medgraph.loaders.readers.layouts import ATTENDEES, Table, table_layout
from medgraph.loaders.readers.records import Document, Reader
from medgraph.loaders.readers.spreadsheets import file_sha256, no_registry, sheet_document, table_document

__all__ = ["READER", "read_documents", "separator"]

SEPARATORS = ",;\t"


def separator(header_line: str) -> str:
    """The separator the header uses most: "," ";" or a tab.

    >>> separator("Organisme;Pays;Rôle"), separator("organisation,country")
    (';', ',')
    """
    return max(SEPARATORS, key=header_line.count)


def read_documents(path: Path, event: str | None = None, bulk: bool = True) -> list[Document]:
    """The file's one document; an attendee list read in bulk (`readers.bulk`) unless `bulk` is
    False or pandas cannot parse the file (rows longer than the header: then row by row)."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as file:
            first = file.readline()
            file.seek(0)
            rows = csv.reader(file, delimiter=(sep := separator(first)))
            header = next(rows, [])
            if not any(cell.strip() for cell in header):
                raise DataError(f"{path}:1: empty file (a spreadsheet's first row names its columns)")
            table = Table(str(path), path.stem, header, enumerate(rows, start=2))
            layout, columns, headers = table_layout(table, event)
            if bulk and layout is ATTENDEES and (found := read_in_bulk(table, columns, headers, path, sep, event)):
                return [found]
            return [table_document(table, path, file_sha256(path), event)]
    except UnicodeDecodeError:
        raise DataError(not_utf8(path)) from None
    except csv.Error as error:
        raise DataError(f"{path}:1: not a CSV file ({error})") from None
    except OSError as error:
        raise DataError(f"{path}: cannot read: {error.strerror}") from None


def read_in_bulk(table: Table, columns: dict[str, int], headers: dict[str, str], path: Path, sep: str,
                 event: str | None) -> Document | None:
    """An attendee list's document, its columns read by pandas (None when pandas finds a row it
    cannot split: the per-row reader reads it, and says what is wrong)."""
    import pandas as pd  # half a second to import: only when an attendee list is read

    from medgraph.loaders.readers.bulk import attendee_sheet

    indexes = sorted(columns.values())
    try:
        frame = pd.read_csv(path, sep=sep, header=0, usecols=indexes, dtype=object, na_filter=False,
                            skip_blank_lines=False, index_col=False, encoding="utf-8-sig")
    except pd.errors.ParserError:
        return None
    raw = {name: frame.iloc[:, indexes.index(index)].to_numpy(dtype=object) for name, index in columns.items()}
    sheet, attendees = attendee_sheet(raw, headers, table.path, event)
    return sheet_document(sheet, table, path, file_sha256(path), attendees)


def not_utf8(path: Path) -> str:
    """Where the first byte that is not UTF-8 is: its row, and its offset in the file."""
    raw = path.read_bytes()
    try:
        raw.decode("utf-8")
        start = 0
    except UnicodeDecodeError as error:
        start = error.start
    row = raw.count(b"\n", 0, start) + 1
    return f'{path}:{row}: not UTF-8 text (byte {start}): save the sheet as "CSV UTF-8"'


READER = Reader("CSV", (".csv",), read_documents, no_registry)
