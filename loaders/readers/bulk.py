"""An attendee list read in bulk: its columns as arrays, each checked once per distinct value.

The per-row path (`layouts.attendee_facts`) makes three fact mappings per row; a million rows
then cost minutes. Here a column is a `Column`: its distinct cells, cleaned as the per-row path
cleans them (`cells.text`, dates in the date columns), and per row the index of its cell. The
events are made from the first row naming each (`layouts.event_fact`, as row by row) and the
later rows compared with it column by column; the organisations `--add-new` may add are the
distinct ones. What is left, the attendances, memberships and employers, goes to
`medgraph.loaders.bulk_rows` as an `AttendeeTable`, which resolves each distinct name once and
makes the graph rows of all rows at once. The facts of one row (`AttendeeTable.row_facts`) are
those of the per-row path: the rows with a problem are checked by the same code, so the messages
are the same.

>>> column(np.array([" Tunis", "Tunis", "", "Sfax"], dtype=object)).values
['Tunis', None, 'Sfax']
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from medgraph.loaders.models import LINE
from medgraph.loaders.readers.cells import DATE_COLUMNS, as_date, text
from medgraph.loaders.readers.layouts import (
    ATTENDEES,
    EVENT_FIELDS,
    Sheet,
    attendee_columns,
    attendee_header,
    attendee_row,
    event_fact,
    event_key,
    role_of,
)

__all__ = ["Column", "AttendeeTable", "column", "merged", "attendee_sheet"]


@dataclass(frozen=True)
class Column:
    """A column's distinct cleaned cells (`values`, None for an empty cell) and, per row, the
    index of its cell among them (`codes`)."""

    codes: np.ndarray
    values: list

    def at(self, rows: np.ndarray) -> list:
        """The values of these rows."""
        values = np.empty(len(self.values), dtype=object)
        values[:] = self.values
        return values[self.codes[rows]].tolist()

    def present(self) -> np.ndarray:
        """Per row: the cell is not empty."""
        return np.array([v is not None for v in self.values], dtype=bool)[self.codes]

    def mapped(self, function) -> Column:
        """The column with `function` applied to each distinct value (None stays None)."""
        return Column(self.codes, [None if v is None else function(v) for v in self.values])

    def take(self, rows: np.ndarray) -> Column:
        """The column of these rows (indexes, or a mask)."""
        return Column(self.codes[rows], self.values)


def column(raw: np.ndarray, dates: bool = False) -> Column:
    """A column of raw cells (text) as the per-row path reads it: stripped, None when empty,
    ISO dates as dates in a date column; equal cleaned cells share one value."""
    codes, uniques = pd.factorize(raw)
    cleaned = [as_date(text(cell)) if dates else text(cell) for cell in uniques]
    return merged(Column(codes.astype(np.int64), cleaned))


def merged(found: Column) -> Column:
    """The column with its equal values made one."""
    index: dict = {}
    remap = np.array([index.setdefault(value, len(index)) for value in found.values], dtype=np.int64)
    return Column(remap[found.codes] if len(remap) else found.codes, list(index))


def constant(value, rows: int) -> Column:
    return Column(np.zeros(rows, dtype=np.int64), [value])


@dataclass(frozen=True)
class AttendeeTable:
    """The attendee rows of a list (non-empty rows only): row numbers, and per row the event's
    id, the organisation, person, country, role (in the schema's words when it is one), member
    of and kind, as `Column`s."""

    lines: np.ndarray
    event: Column
    organisation: Column
    person: Column
    country: Column
    role: Column
    member_of: Column
    kind: Column

    def row_facts(self, row: int) -> list[dict]:
        """The facts the per-row path makes of one row (`layouts.attendee_row`)."""
        sheet = Sheet(ATTENDEES.name)
        cells = {name: getattr(self, name).values[getattr(self, name).codes[row]]
                 for name in ("organisation", "person", "country", "member_of", "kind")}
        attendee_row(sheet, int(self.lines[row]), cells, self.event.values[self.event.codes[row]],
                     self.role.values[self.role.codes[row]])
        return sheet.facts


def attendee_sheet(raw: dict[str, np.ndarray], headers: dict[str, str], path: str,
                   event: str | None) -> tuple[Sheet, AttendeeTable]:
    """The Sheet of an attendee list given as raw columns (column -> its cells, row 2 onwards):
    its event facts, the columns facts come from, the organisations it names (each distinct one
    once, in the order they first appear), its problems (an event whose rows disagree); and its
    attendee rows as an AttendeeTable."""
    defines = attendee_header(headers, path, event)
    sheet = Sheet(ATTENDEES.name, columns=attendee_columns(headers, headers.get("event", "--event")))
    rows = len(next(iter(raw.values()))) if raw else 0
    columns = {name: column(cells, name in DATE_COLUMNS) for name, cells in raw.items()}
    kept = np.zeros(rows, dtype=bool)
    for found in columns.values():
        kept |= found.present()
    kept = np.flatnonzero(kept)
    columns = {name: found.take(kept) for name, found in columns.items()}
    lines = kept + 2
    cell = lambda name: columns.get(name) or constant(None, len(kept))  # noqa: E731
    if event:
        events = constant(event, len(kept))
    elif defines:
        events = event_ids(sheet, columns, lines, headers, path)
    else:
        events = cell("event")
    sheet.organisations = organisations(cell("organisation"), cell("country"), cell("kind"), cell("member_of"), lines)
    return sheet, AttendeeTable(lines, events, cell("organisation"), cell("person"), cell("country"),
                                cell("role").mapped(role_of), cell("member_of"), cell("kind"))


def event_ids(sheet: Sheet, columns: dict[str, Column], lines: np.ndarray, headers: dict[str, str],
              path: str) -> Column:
    """Per row, the id of the event it names (rows naming one event when its names fold alike):
    its event fact made from the first row naming it, the later rows' other event cells compared
    with that row's (a problem per cell that differs, as row by row)."""
    keys = merged(columns["event"].mapped(lambda name: event_key(str(name))))
    distinct, first_rows = np.unique(keys.codes, return_index=True)
    first_of_key = np.zeros(len(keys.values), dtype=np.int64)
    first_of_key[distinct] = first_rows
    ids: dict[int, str] = {}
    events: dict = {}
    for key, row in sorted(zip(distinct.tolist(), first_rows.tolist()), key=lambda pair: pair[1]):
        if keys.values[key] is not None:
            cells = {name: found.values[found.codes[row]] for name, found in columns.items()}
            ids[key] = event_fact(sheet, events, int(lines[row]), cells, headers, path)
    sheet.problems.extend(disagreements(columns, lines, first_of_key[keys.codes], keys.present(), headers, path))
    return Column(keys.codes, [ids.get(key) for key in range(len(keys.values))])


def disagreements(columns: dict[str, Column], lines: np.ndarray, first_of_row: np.ndarray, named: np.ndarray,
                  headers: dict[str, str], path: str) -> list[str]:
    """`file:row: column: X differs from row N for the same event (Y)`, in row order."""
    found = []
    for order, name in enumerate(EVENT_FIELDS):
        if name not in columns:
            continue
        codes, values = columns[name].codes, columns[name].values
        differs = np.flatnonzero(named & columns[name].present() & (codes != codes[first_of_row]))
        found += [(int(lines[r]), order, f"{path}:{lines[r]}: {headers[name]}: {values[codes[r]]} differs from row "
                   f"{lines[first_of_row[r]]} for the same event ({values[codes[first_of_row[r]]]})") for r in differs]
    return [message for _, _, message in sorted(found)]


def organisations(organisation: Column, country: Column, kind: Column, member_of: Column,
                  lines: np.ndarray) -> list[dict]:
    """The organisations the rows name (`--add-new`'s candidates), each distinct one once at
    its first row: the organisation with its country and kind, then the one it is a member of."""
    named = organisation.present()
    frame = pd.DataFrame({"o": organisation.codes, "c": country.codes, "k": kind.codes})[named]
    firsts = frame.drop_duplicates().index.to_numpy()
    members = pd.Series(member_of.codes)[named & member_of.present()].drop_duplicates().index.to_numpy()
    found = [(2 * int(r), {"name": organisation.values[organisation.codes[r]],
                           "country": country.values[country.codes[r]], "kind": kind.values[kind.codes[r]],
                           LINE: int(lines[r])}) for r in firsts]
    found += [(2 * int(r) + 1, {"name": member_of.values[member_of.codes[r]], LINE: int(lines[r])}) for r in members]
    return [candidate for _, candidate in sorted(found, key=lambda pair: pair[0])]
