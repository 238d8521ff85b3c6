"""A spreadsheet's cells as facts hold them: text stripped (None when empty), dates as dates.

CSV cells are text; a workbook's are text, numbers and datetimes. Only the date columns parse
dates (a name such as "2019-04-10 Forum" stays text), which also keeps a million rows cheap.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator

__all__ = ["records", "text", "as_date", "DATE_COLUMNS"]

def records(rows: Iterable[tuple[int, list]], columns: dict[str, int]) -> Iterator[tuple[int, dict]]:
    """(row number, column -> value) for every row that is not empty: text stripped (None when
    empty); in a date column, an ISO date as a date; from a workbook, a datetime as a date."""
    pairs = list(columns.items())
    dates = [column for column in columns if column in DATE_COLUMNS]
    width = max(columns.values(), default=-1) + 1
    for number, cells in rows:
        if len(cells) < width:
            cells = list(cells) + [None] * (width - len(cells))
        record = {column: text(cells[index]) for column, index in pairs}
        for column in dates:
            record[column] = as_date(record[column])
        if any(v is not None for v in record.values()):
            yield number, record


def text(cell):
    """A cell as a fact holds it: None when empty, text stripped; a workbook's numbers and
    datetimes as text and dates.

    >>> text(" Tunis "), text(""), text(dt.datetime(2019, 4, 10)), text(12.0), text(float("nan"))
    ('Tunis', None, datetime.date(2019, 4, 10), '12', None)
    """
    if isinstance(cell, str):
        return cell.strip() or None
    if cell is None or cell != cell:  # NaN
        return None
    if isinstance(cell, dt.datetime):
        return cell.date()
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return cell if isinstance(cell, dt.date) else str(cell)


def as_date(cell):
    """An ISO date written as text, as a date; anything else as it is (the date check of the
    fact names it).

    >>> as_date("2019-04-10"), as_date("10/04/2019"), as_date("2019-02-30")
    (datetime.date(2019, 4, 10), '10/04/2019', '2019-02-30')
    """
    if isinstance(cell, str) and ISO_DATE.match(cell):
        try:
            return dt.date.fromisoformat(cell)
        except ValueError:
            return cell
    return cell


ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DATE_COLUMNS = ("start", "end", "date")
