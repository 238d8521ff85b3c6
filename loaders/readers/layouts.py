"""Spreadsheet layouts: a header row matched to columns, a table's rows to the facts of data/.

Three layouts (data/README.md, "Spreadsheets"): an attendee list, organisations, relations.
Column names are matched without case, accents or punctuation, in English or French; a row
becomes the same fact mappings a YAML document holds, tagged with its row number (the header
is row 1), so `medgraph.loaders.to_rows` checks and resolves them unchanged. Pure: the CSV and
XLSX readers open the files and hand a `Table` here.

>>> match_header(["Organisme", "Pays", "Rôle"])
{'organisation': 0, 'country': 1, 'role': 2}
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from medgraph.errors import DataError
from medgraph.loaders.countries import fold
from medgraph.loaders.models import LINE
from medgraph.loaders.readers.cells import records
from medgraph.schema import (
    ATTENDANCE_ROLES,
    DATE_PRECISIONS,
    DELEGATE,
    EVENT_STATUSES,
    HOST,
    ORGANISATION_KINDS,
    SPEAKER,
)

__all__ = ["COLUMNS", "LAYOUTS", "ATTENDEES", "Table", "Sheet", "match_header", "layout_of", "table_layout",
           "read_table", "attendee_header", "attendee_columns", "attendee_row", "event_fact", "role_of", "slug"]

#: Column -> the names it goes by (compared folded: "Rôle" is "role", "Member-of" is "member of").
COLUMNS: dict[str, tuple[str, ...]] = {
    "organisation": ("organisation", "organization", "organisme", "org", "structure"),
    "name": ("name", "nom", "label"),
    "id": ("id", "identifiant"),
    "country": ("country", "pays"),
    "person": ("person", "personne", "participant", "participante"),
    "role": ("role",),
    "member_of": ("member of", "member_of", "membre de"),
    "kind": ("kind", "organisation kind", "organization kind", "nature", "type d organisation", "categorie"),
    "aliases": ("aliases", "alias", "autres noms"),
    "sector": ("sector", "secteur", "filiere"),
    "city": ("city", "ville"),
    "event": ("event", "event name", "evenement", "nom de l evenement"),
    "event_kind": ("event kind", "event type", "type d evenement", "type de l evenement"),
    "start": ("start", "start date", "debut", "date de debut"),
    "end": ("end", "end date", "fin", "date de fin"),
    "event_country": ("event country", "pays de l evenement"),
    "status": ("status", "statut"),
    "from": ("from", "source", "de"),
    "to": ("to", "target", "a", "vers", "cible"),
    "type": ("type", "relation", "type de relation"),
    "date": ("date",),
}
#: Columns read by no layout and never refused: remarks, and contact data (never recorded).
IGNORED = {"note", "notes", "comment", "comments", "commentaire", "commentaires", "remarque", "remarques",
           "email", "e mail", "mail", "courriel", "phone", "telephone", "tel"}
NAME_OF = {fold(name): column for column, names in COLUMNS.items() for name in names}
#: Attendance roles and relation types as French (or other) spreadsheets write them.
ROLE_WORDS = {"delegue": DELEGATE, "delegation": DELEGATE, "participant": DELEGATE, "hote": HOST,
              "accueil": HOST, "intervenant": SPEAKER, "orateur": SPEAKER}
RELATION_WORDS = {"membership": "membership", "member of": "membership", "member": "membership",
                  "adhesion": "membership", "membre": "membership", "membre de": "membership",
                  "mentoring": "mentoring", "mentor": "mentoring", "mentorat": "mentoring",
                  "agreement": "agreement", "accord": "agreement", "convention": "agreement",
                  "partnership": "partnership", "partner": "partnership", "partenariat": "partnership",
                  "partenaire": "partnership"}
KINDS = {fold(kind): kind for kind in ORGANISATION_KINDS}
DAY, HELD = DATE_PRECISIONS[0], EVENT_STATUSES[0]
AGREEMENT_KIND = "agreement"
EVENT_FIELDS = ("event_kind", "start", "end", "city", "event_country", "status")


@dataclass(frozen=True)
class Table:
    """One table as read: where it is (for errors: `file` or `file#sheet`), its name (the sheet
    name or the file's stem), the header's cells and its rows as (row number, cells)."""

    path: str
    name: str
    header: list
    rows: Iterable[tuple[int, list]]


@dataclass
class Sheet:
    """What a table gives: its layout, its facts, the header's column for each fact field
    (fact type -> field -> column as written, for errors), and the organisations its rows
    describe (candidates for `--add-new`)."""

    layout: str
    facts: list[dict] = field(default_factory=list)
    columns: dict[str, dict[str, str]] = field(default_factory=dict)
    organisations: list[dict] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def slug(text: str) -> str:
    """A lowercase id from a name: "Forum de Lyon 2019" -> "forum-de-lyon-2019".

    >>> slug("Atlas Agri-Tech Cluster (Maroc)")
    'atlas-agri-tech-cluster-maroc'
    """
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "x"


def match_header(header: list) -> dict[str, int]:
    """Column -> its index in the header; a cell no column answers to is a DataError naming the
    closest name (an empty cell or an ignored column is skipped)."""
    found: dict[str, int] = {}
    for index, cell in enumerate(header):
        key = fold(str(cell)) if cell is not None else ""
        if not key or key in IGNORED:
            continue
        column = NAME_OF.get(key)
        if column is None:
            close = difflib.get_close_matches(key, NAME_OF, n=1, cutoff=0.7)
            hint = f"did you mean {close[0]}?" if close else "not a column of any layout"
            raise DataError(f"1: {cell}: unknown column ({hint})")
        if column in found:
            raise DataError(f"1: {cell}: a second {column} column")
        found[column] = index
    return found


@dataclass(frozen=True)
class Layout:
    """A kind of table: the names a sheet (or file) of it goes by, the columns it reads, and the
    columns that tell it apart (any one of each group is needed)."""

    name: str
    names: tuple[str, ...]
    columns: tuple[str, ...]
    needs: tuple[tuple[str, ...], ...]

    def expected(self) -> str:
        needed = " and ".join("/".join(group) for group in self.needs)
        optional = ", ".join(c for c in self.columns if all(c not in g for g in self.needs))
        return f"{self.name}: {needed} (and {optional})"


ATTENDEES = Layout("attendees", ("attendees", "attendee list", "participants", "delegates", "delegues", "liste"),
                   ("organisation", "person", "country", "role", "member_of", "kind", "event", *EVENT_FIELDS),
                   (("organisation", "person"),))
ORGANISATIONS = Layout("organisations", ("organisations", "organizations", "organismes", "members", "membres"),
                       ("id", "name", "organisation", "kind", "country", "aliases", "sector", "city", "member_of"),
                       (("id", "name", "organisation"),))
RELATIONS = Layout("relations", ("relations", "connections", "edges", "liens", "ties"),
                   ("from", "to", "type", "date", "event"), (("from",), ("to",), ("type",)))
LAYOUTS = (ATTENDEES, ORGANISATIONS, RELATIONS)


def layout_of(name: str, columns: dict[str, int], event: str | None) -> Layout:
    """The layout a table follows: the one its sheet (or file) is named after, else the one its
    columns fit (relations: from, to, type; an attendee list: an event or a person or a role
    column, or --event; organisations: the rest); a DataError saying what was expected."""
    named = [layout for layout in LAYOUTS if fold(name) in {fold(n) for n in (layout.name, *layout.names)}]
    if named:
        candidates = named
    elif {"from", "to"} & set(columns):
        candidates = [RELATIONS]
    elif event or {"event", "person", "role"} & set(columns):
        candidates = [ATTENDEES]
    else:
        candidates = [ORGANISATIONS, ATTENDEES]
    for layout in candidates:
        if all(set(group) & set(columns) for group in layout.needs) and set(columns) <= set(layout.columns):
            return layout
    expected = "; ".join(layout.expected() for layout in candidates)
    raise DataError(f"1: the header ({', '.join(columns) or 'empty'}) fits no layout; expected {expected}")


def table_layout(table: Table, event: str | None = None) -> tuple[Layout, dict[str, int], dict[str, str]]:
    """A table's layout, its columns' indexes and their names as written; a DataError
    "file:1: …" for a header that fits no layout."""
    try:
        columns = match_header(table.header)
        layout = layout_of(table.name, columns, event)
    except DataError as error:
        raise DataError(f"{table.path}:{error}") from None
    return layout, columns, {column: str(table.header[index]).strip() for column, index in columns.items()}


def read_table(table: Table, event: str | None = None) -> Sheet:
    """The facts of a table, by its layout, row by row."""
    layout, columns, headers = table_layout(table, event)
    sheet = Sheet(layout.name)
    rows = records(table.rows, columns)
    {ATTENDEES.name: attendee_facts, ORGANISATIONS.name: organisation_facts,
     RELATIONS.name: relation_facts}[layout.name](sheet, rows, headers, table.path, event)
    return sheet


def fact(type: str, number: int, /, **fields) -> dict:
    """A fact mapping as the YAML reader gives it: `line` and LINE are the row; None left out."""
    return {"fact": type, **{k: v for k, v in fields.items() if v is not None}, "line": number, LINE: number}


# --- attendee lists ------------------------------------------------------------------------


def attendee_facts(sheet: Sheet, rows, headers: dict[str, str], path: str, event: str | None) -> None:
    """An attendance per row (the organisation's, or the person's with a `person` fact saying
    whom they work for), a membership when `member of` is given, and an event fact per event the
    rows describe (or `--event`, or the `event` column alone holding ids of known events)."""
    defines = attendee_header(headers, path, event)
    sheet.columns = attendee_columns(headers, headers.get("event", "--event"))
    events: dict[str, tuple[dict, tuple]] = {}
    for number, row in rows:
        event_id = event or row.get("event")
        if defines and event_id is not None:
            event_id = event_fact(sheet, events, number, row, headers, path)
        attendee_row(sheet, number, row, event_id, role_of(row.get("role")))


def attendee_header(headers: dict[str, str], path: str, event: str | None) -> bool:
    """Whether an attendee list's columns define its events; a DataError when it names none,
    or names it twice (a column and --event)."""
    if event and "event" in headers:
        raise DataError(f"{path}:1: {headers['event']}: --event gives the event: leave out the event columns")
    defines = bool(set(EVENT_FIELDS) & set(headers))
    if defines and "event" not in headers:
        raise DataError(f"{path}:1: the event columns ({', '.join(headers[c] for c in EVENT_FIELDS if c in headers)})"
                        " need an event column naming the event")
    if not event and "event" not in headers:
        raise DataError(f"{path}:1: an attendee list names its event: an event column (with event kind, start, "
                        "end, city, event country, status), or --event ID")
    return defines


@lru_cache(maxsize=256)
def role_of(written: str | None) -> str | None:
    """An attendance role as written, in English or French ("hôte" is host).

    >>> role_of("Délégué"), role_of("speaker"), role_of("guest")
    ('delegate', 'speaker', 'guest')
    """
    if written is None:
        return None
    key = fold(written)
    return ROLE_WORDS.get(key) or (key if key in ATTENDANCE_ROLES else written)


def attendee_columns(headers: dict[str, str], event_column: str) -> dict[str, dict[str, str]]:
    h = headers.get
    return {"attendance": {"event": event_column, "name": h("organisation"), "country": h("country"),
                           "role": h("role"), "person": h("person")},
            "person": {"name": h("person"), "works_for": h("organisation"), "country": h("country")},
            "membership": {"member": h("organisation"), "member_country": h("country"), "of": h("member_of")},
            "event": {"id": event_column, "name": event_column, "kind": h("event_kind"), "start": h("start"),
                      "end": h("end"), "city": h("city"), "country": h("event_country"), "status": h("status"),
                      "date_precision": h("start")}}


def attendee_row(sheet: Sheet, number: int, row: dict, event_id, role) -> None:
    org, person, country = row.get("organisation"), row.get("person"), row.get("country")
    if person is not None:
        sheet.facts.append(fact("attendance", number, event=event_id, person=person, role=role))
        if org is not None:
            sheet.facts.append(fact("person", number, name=person, works_for=org, country=country))
    else:
        sheet.facts.append(fact("attendance", number, event=event_id, name=org, country=country, role=role))
    if org is not None:
        sheet.organisations.append({"name": org, "country": country, "kind": row.get("kind"), LINE: number})
    if row.get("member_of") is not None and org is not None:
        sheet.facts.append(fact("membership", number, member=org, member_country=country, of=row["member_of"]))
        sheet.organisations.append({"name": row["member_of"], LINE: number})


@lru_cache(maxsize=65536)  # a million rows name some fifty thousand events
def event_key(name: str) -> str:
    """Rows name one event when its names fold alike ("TechDays Tunis", "techdays tunis")."""
    return fold(name)


def event_fact(sheet: Sheet, events: dict, number: int, row: dict, headers: dict[str, str], path: str) -> str:
    """The id of the event the row names; its event fact on the first row naming it, and a
    problem when a later row gives it other dates, kind, place or status."""
    details = tuple(row.get(c) for c in EVENT_FIELDS)
    key = event_key(str(row["event"]))
    if key in events:
        first, first_details = events[key]
        for column, mine, theirs in zip(EVENT_FIELDS, details, first_details):
            if mine is not None and mine != theirs:
                sheet.problems.append(f"{path}:{number}: {headers[column]}: {mine} differs from row "
                                      f"{first['line']} for the same event ({theirs})")
        return first["id"]
    start = row.get("start")
    event_id = slug(f"{row['event']} {start}" if isinstance(start, dt.date) else str(row["event"]))
    defined = fact("event", number, id=event_id, name=str(row["event"]), kind=row.get("event_kind"), start=start,
                   end=row.get("end"), date_precision=DAY if start is not None else None, city=row.get("city"),
                   country=row.get("event_country"), status=row.get("status") or HELD)
    events[key] = (defined, details)
    sheet.facts.append(defined)
    return event_id


# --- organisations -------------------------------------------------------------------------


def organisation_facts(sheet: Sheet, rows, headers: dict[str, str], path: str, event: str | None) -> None:
    """An `organisation` fact per row (its name resolved against the registry; the other cells
    make its registry entry when --add-new creates it), and a membership for `member of`."""
    name_column = "name" if "name" in headers else "organisation" if "organisation" in headers else "id"
    sheet.columns = {"organisation": {"name": headers[name_column], "country": headers.get("country"),
                                      "kind": headers.get("kind")},
                     "membership": {"member": headers[name_column], "member_country": headers.get("country"),
                                    "of": headers.get("member_of")}}
    for number, row in rows:
        name = row.get(name_column) or row.get("id")
        sheet.facts.append(fact("organisation", number, name=name, country=row.get("country")))
        aliases = [a.strip() for a in re.split(r"[;|]", row["aliases"]) if a.strip()] if row.get("aliases") else None
        sheet.organisations.append({"name": name, "id": row.get("id"), "country": row.get("country"),
                                    "kind": row.get("kind"), "aliases": aliases, "sector": row.get("sector"),
                                    "city": row.get("city"), LINE: number})
        if row.get("member_of") is not None:
            sheet.facts.append(fact("membership", number, member=name, member_country=row.get("country"),
                                    of=row["member_of"]))
            sheet.organisations.append({"name": row["member_of"], LINE: number})


# --- relations -----------------------------------------------------------------------------


def relation_facts(sheet: Sheet, rows, headers: dict[str, str], path: str, event: str | None) -> None:
    """A fact per row, by its type: membership (from is a member of to), mentoring (from, a
    person, mentors to), agreement (between from and to, on date, signed at event), partnership
    (from is a partner of the programme to)."""
    h = headers.get
    sheet.columns = {"membership": {"member": h("from"), "of": h("to")},
                     "mentoring": {"mentor": h("from"), "mentee": h("to"), "met_at": h("event")},
                     "agreement": {"parties[0].name": h("from"), "parties[1].name": h("to"), "date": h("date"),
                                   "signed_at": h("event"), "id": h("type"), "parties": h("to")},
                     "partnership": {"name": h("from"), "programme": h("to")}}
    for number, row in rows:
        kind = RELATION_WORDS.get(fold(str(row.get("type") or "")))
        a, b = row.get("from"), row.get("to")
        if kind is None:
            sheet.problems.append(f"{path}:{number}: {h('type')}: {relation_problem(row.get('type'))}")
        elif kind == "membership":
            sheet.facts.append(fact(kind, number, member=a, of=b))
        elif kind == "mentoring":
            sheet.facts.append(fact(kind, number, mentor=a, mentee=b, met_at=row.get("event")))
        elif kind == "partnership":
            sheet.facts.append(fact(kind, number, name=a, programme=b))
        else:
            date = row.get("date")
            sheet.facts.append(fact(kind, number, id=slug(f"agr {date or ''} {a} {b}"), kind=AGREEMENT_KIND,
                                    date=date, signed_at=row.get("event"),
                                    parties=[{"name": a}, {"name": b}] if a and b else None))
        if kind in ("membership", "agreement"):
            sheet.organisations += [{"name": n, LINE: number} for n in (a, b) if n is not None]


def relation_problem(written) -> str:
    allowed = "membership, mentoring, agreement, partnership"
    return f"missing (one of {allowed})" if written is None else f"{written!r} is not one of {allowed}"


def kind_of(written) -> str | None:
    """An organisation kind as written ("cluster", "Agence"?) -> the schema's kind, or None.

    >>> kind_of("cluster"), kind_of("Spaceship")
    ('Cluster', None)
    """
    return KINDS.get(fold(str(written))) if written is not None else None
