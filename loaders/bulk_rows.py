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

from medgraph.loaders import facts as F
from medgraph.loaders.countries import country_code
from medgraph.loaders.readers import Document
from medgraph.loaders.readers.bulk import AttendeeTable, Column, merged
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
    rows_at_once(ctx.rows, doc, found, good, evidence)


class Resolved:
    """Per row, as `Column`s of ids: what its cells resolve to (None: absent, or a problem); and
    whether every check passes (`good`)."""

    def __init__(self, ctx: F.Context, table: AttendeeTable):
        countries = [None if v is None else country_code(str(v)) for v in table.country.values]
        self.event = ids(table.event, [v if v is not None and v in ctx.events else None for v in table.event.values])
        self.role = ids(table.role, [DELEGATE if v is None else v if v in ATTENDANCE_ROLES else None
                                     for v in table.role.values])
        self.country = ids(table.country, countries)
        self.person = ids(table.person, [resolved(ctx.people, v) for v in table.person.values])
        self.member_of = ids(table.member_of, [resolved(ctx.organisations, v) for v in table.member_of.values])
        self.organisation = organisations(ctx.organisations, table.organisation, table.country, countries)
        has_org, has_person = table.organisation.present(), table.person.present()
        self.good = (self.event.present() & self.role.present() & (has_org | has_person)
                     & (~has_person | self.person.present()) & (~has_org | self.organisation.present())
                     & (~(has_org & table.member_of.present()) | self.member_of.present()))


def ids(column: Column, values: list) -> Column:
    """The column with these values in place of its own (equal ones made one)."""
    return merged(Column(column.codes, values))


def resolved(resolver: Resolver, name, country: str | None = None) -> str | None:
    if name is None:
        return None
    try:
        return resolver.resolve(str(name), country).id
    except Unresolved:
        return None


def organisations(resolver: Resolver, names: Column, countries: Column, codes: list) -> Column:
    """Per row, the id of its organisation, each distinct (name, country) resolved once (None:
    no name, an unknown country or an unresolved name)."""
    width = len(countries.values)
    distinct, inverse = np.unique(names.codes * width + countries.codes, return_inverse=True)
    found = []
    for pair in distinct.tolist():
        name, written, code = names.values[pair // width], countries.values[pair % width], codes[pair % width]
        found.append(resolved(resolver, name, code) if written is None or code else None)
    return merged(Column(inverse.reshape(-1).astype(np.int64), found))


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
    event, role, country = found.event.take(good), found.role.take(good), found.country.take(good)
    org, person, member = found.organisation.take(good), found.person.take(good), found.member_of.take(good)
    has_org, has_person, has_member = org.present(), person.present(), member.present()
    for target, where in ((event, np.ones(len(good), dtype=bool)), (person, has_person), (org, has_org),
                          (member, has_member)):
        relate_all(rows, "MENTIONS", doc, target.take(where), evidence[where])
    located = has_org & country.present()
    relate_all(rows, "LOCATED_IN", org.take(located), country.take(located), evidence[located])
    attendee = merged(Column(np.where(has_person, person.codes, org.codes + len(person.values)),
                             person.values + org.values))
    relate_all(rows, "ATTENDED", attendee, event, evidence, role=role)
    works = has_person & has_org
    relate_all(rows, "WORKS_FOR", person.take(works), org.take(works), evidence[works])
    relate_all(rows, "MEMBER_OF", org.take(has_member), member.take(has_member), evidence[has_member])


def relate_all(rows: GraphRows, type: str, starts: Column | str, ends: Column, evidence: np.ndarray,
               **props: Column) -> None:
    """`rows.relate` for each row's (start, end) at once (`starts`: one id for all): one
    relationship per distinct pair with the evidence of every row stating it, and the properties
    of the last of them. The rows are those `relate` makes (a million calls would take seconds).

    >>> rows = GraphRows()
    >>> relate_all(rows, "ATTENDED", Column(np.array([0, 1, 0]), ["a", "b"]), Column(np.array([0, 0, 0]), ["e"]),
    ...            np.array(["d:2", "d:3", "d:4"], dtype=object), role=Column(np.array([0, 1, 2]), ["host", "x", "speaker"]))
    >>> row = rows.relationships["ATTENDED", "a", "e"]
    >>> row["props"], sorted(row["evidence"])
    ({'role': 'speaker'}, ['d:2', 'd:4'])
    """
    if not len(ends.codes):
        return
    if isinstance(starts, str):
        starts = Column(np.zeros(len(ends.codes), dtype=np.int64), [starts])
    pairs = starts.codes * len(ends.values) + ends.codes
    order = np.argsort(pairs, kind="stable")
    bounds = np.flatnonzero(np.diff(pairs[order])) + 1
    firsts, lasts = order[np.concatenate(([0], bounds))], order[np.concatenate((bounds, [len(order)])) - 1]
    group_starts, group_ends = starts.at(firsts), ends.at(firsts)
    last = [column.at(lasts) for column in props.values()]
    group_props = [{k: v for k, v in zip(props, values) if v is not None} for values in zip(*last)] if props else None
    sorted_evidence = evidence[order].tolist()
    spans = zip(np.concatenate(([0], bounds)).tolist(), np.concatenate((bounds, [len(order)])).tolist())
    relationships = rows.relationships
    for index, (start, end, (a, b)) in enumerate(zip(group_starts, group_ends, spans)):
        found = group_props[index] if props else {}
        row = relationships.get((type, start, end))
        if row is None:
            relationships[type, start, end] = {"type": type, "start": start, "end": end, "props": found,
                                               "evidence": set(sorted_evidence[a:b])}
        else:
            row["props"].update(found)
            row["evidence"].update(sorted_evidence[a:b])
