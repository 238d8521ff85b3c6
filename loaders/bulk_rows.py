"""The graph rows of an attendee list read in bulk (`readers.bulk.AttendeeTable`): each distinct
value checked once, the rows of all attendees made at once; the same rows, problems and
evidence as its facts one by one (`facts.attendance_fact`, `person_fact`, `membership_fact`).

Each distinct event id, role, country and person is checked once, each distinct pair of an
organisation's name and its country resolved once. A row all of whose values pass makes, with
its evidence `file:row`: the document's MENTIONS of its event, organisation, person and the
organisation it is a member of, the organisation's LOCATED_IN, the ATTENDED (the role of the
list's last row naming that attendee at that event, as row by row), WORKS_FOR and MEMBER_OF;
one row per relationship, with every row stating it as evidence. A row with a problem is checked
by the per-row handlers instead (its facts from `AttendeeTable.row_facts`), which word its
problems; the load then stops, so what such a row would have added does not matter.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import numpy as np
import pandas as pd

from medgraph.loaders import facts as F
from medgraph.loaders.countries import country_code
from medgraph.loaders.readers import Document
from medgraph.loaders.readers.bulk import AttendeeTable, Column
from medgraph.loaders.readers.spreadsheets import in_columns
from medgraph.loaders.resolve import Resolver, Unresolved
from medgraph.loaders.rows import GraphRows
from medgraph.schema import ATTENDANCE_ROLES, DELEGATE

__all__ = ["attendee_rows", "relate_all"]


def attendee_rows(ctx: F.Context, document: Document, each_fact: Callable[[F.Context, dict], object]) -> None:
    """The graph rows of the document's attendee rows; `each_fact` checks and handles one fact
    (`to_rows`), for the rows with a problem."""
    table: AttendeeTable = document.bulk
    found = Resolved(ctx, table)
    bad = np.flatnonzero(~found.good)
    if len(bad):
        row_by_row(ctx, document, bad, each_fact)
    good = np.flatnonzero(found.good)
    doc = ctx.doc_id
    evidence = np.array([f"{doc}:{line}" for line in table.lines[good].tolist()], dtype=object)
    rows_at_once(ctx.rows, ctx.doc_id, found, good, evidence)


class Resolved:
    """Per row: the ids its cells resolve to (None: absent, or a problem), and whether every
    check passes (`good`)."""

    def __init__(self, ctx: F.Context, table: AttendeeTable):
        countries = [None if v is None else country_code(str(v)) for v in table.country.values]
        self.event = per_row(table.event, [v if v is not None and v in ctx.events else None for v in table.event.values])
        self.role = per_row(table.role, [DELEGATE if v is None else v if v in ATTENDANCE_ROLES else None
                                         for v in table.role.values])
        self.country = per_row(table.country, countries)
        self.person = per_row(table.person, [resolved(ctx.people, v) for v in table.person.values])
        self.member_of = per_row(table.member_of, [resolved(ctx.organisations, v) for v in table.member_of.values])
        self.organisation = organisations(ctx.organisations, table.organisation, table.country, countries)
        has_org, has_person = table.organisation.present(), table.person.present()
        self.good = (given(self.event) & given(self.role) & (has_org | has_person)
                     & (~has_person | given(self.person)) & (~has_org | given(self.organisation))
                     & (~(has_org & table.member_of.present()) | given(self.member_of)))


def given(values: np.ndarray) -> np.ndarray:
    """Per row: not None."""
    return values != None  # noqa: E711 - elementwise


def per_row(column: Column, values: list) -> np.ndarray:
    return Column(column.codes, values).per_row()


def resolved(resolver: Resolver, name, country: str | None = None) -> str | None:
    if name is None:
        return None
    try:
        return resolver.resolve(str(name), country).id
    except Unresolved:
        return None


def organisations(resolver: Resolver, names: Column, countries: Column, codes: list) -> np.ndarray:
    """Per row, the id of its organisation, each distinct (name, country) resolved once (None:
    no name, an unknown country or an unresolved name)."""
    width = len(countries.values)
    distinct, inverse = np.unique(names.codes.astype(np.int64) * width + countries.codes, return_inverse=True)
    ids = []
    for pair in distinct.tolist():
        name, written, code = names.values[pair // width], countries.values[pair % width], codes[pair % width]
        ids.append(resolved(resolver, name, code) if written is None or code else None)
    return np.array(ids, dtype=object)[inverse] if len(inverse) else np.empty(0, dtype=object)


def row_by_row(ctx: F.Context, document: Document, bad: np.ndarray, each_fact) -> None:
    """The rows with a problem, fact by fact as the per-row path checks them; their problems in
    the document's columns (`file:row: column: message`)."""
    facts = [fact for row in bad.tolist() for fact in document.bulk.row_facts(row)]
    view = dataclasses.replace(document, facts=facts, bulk=None)
    before = len(ctx.rows.problems)
    ctx.document = view
    for ctx.index, fact in enumerate(facts):
        each_fact(ctx, fact)
    ctx.document = document
    ctx.rows.problems[before:] = in_columns(ctx.rows.problems[before:], [view])


def rows_at_once(rows: GraphRows, doc: str, found: Resolved, good: np.ndarray, evidence: np.ndarray) -> None:
    """The relationships of the good rows (`good`: their indexes; `evidence`: theirs)."""
    event, role, country = found.event[good], found.role[good], found.country[good]
    org, person, member = found.organisation[good], found.person[good], found.member_of[good]
    has_org, has_person, has_member = given(org), given(person), given(member)
    for target, where in ((event, slice(None)), (person, has_person), (org, has_org), (member, has_member)):
        relate_all(rows, "MENTIONS", doc, target[where], evidence[where])
    located = has_org & given(country)
    relate_all(rows, "LOCATED_IN", org[located], country[located], evidence[located])
    relate_all(rows, "ATTENDED", np.where(has_person, person, org), event, evidence, role=role)
    works = has_person & has_org
    relate_all(rows, "WORKS_FOR", person[works], org[works], evidence[works])
    relate_all(rows, "MEMBER_OF", org[has_member], member[has_member], evidence[has_member])


def relate_all(rows: GraphRows, type: str, starts: np.ndarray | str, ends: np.ndarray, evidence: np.ndarray,
               **props: np.ndarray) -> None:
    """`rows.relate` for each (start, end) pair at once (`starts`: one id for all): one
    relationship per distinct pair with the evidence of every row stating it, and the properties
    of the last of them. The rows are those `relate` makes (a million calls would take seconds).

    >>> rows = GraphRows()
    >>> relate_all(rows, "ATTENDED", np.array(["a", "b", "a"], dtype=object), np.array(["e", "e", "e"], dtype=object),
    ...            np.array(["d:2", "d:3", "d:4"], dtype=object), role=np.array(["host", "delegate", "speaker"]))
    >>> row = rows.relationships["ATTENDED", "a", "e"]
    >>> row["props"], sorted(row["evidence"])
    ({'role': 'speaker'}, ['d:2', 'd:4'])
    """
    if not len(ends):
        return
    if isinstance(starts, str):
        start_codes, start_ids = np.zeros(len(ends), dtype=np.int64), np.array([starts], dtype=object)
    else:
        start_codes, start_ids = pd.factorize(starts)
    end_codes, end_ids = pd.factorize(ends)
    pairs = start_codes.astype(np.int64) * len(end_ids) + end_codes
    order = np.argsort(pairs, kind="stable")
    bounds = np.flatnonzero(np.diff(pairs[order])) + 1
    firsts, lasts = np.concatenate(([0], bounds)), np.concatenate((bounds, [len(order)]))
    group_starts = np.asarray(start_ids, dtype=object)[start_codes[order[firsts]]].tolist()
    group_ends = np.asarray(end_ids, dtype=object)[end_codes[order[firsts]]].tolist()
    last = [p[order[lasts - 1]].tolist() for p in props.values()]
    group_props = ([{k: v for k, v in zip(props, values) if v is not None} for values in zip(*last)] if props
                   else [None] * len(firsts))
    sorted_evidence = evidence[order].tolist()
    relationships = rows.relationships
    for start, end, found, a, b in zip(group_starts, group_ends, group_props, firsts.tolist(), lasts.tolist()):
        row = relationships.get((type, start, end))
        if row is None:
            relationships[type, start, end] = {"type": type, "start": start, "end": end, "props": found or {},
                                               "evidence": set(sorted_evidence[a:b])}
        else:
            row["props"].update(found or {})
            row["evidence"].update(sorted_evidence[a:b])
