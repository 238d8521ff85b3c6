"""The records of the data format, declared once: every fact type, the document header and the
registry entries, with the keys each allows; and the one checker of keys and shapes.

The loader checks each mapping it reads against its model (`key_problems`) before resolving
it; `medgraph extract` writes its proposals through the same models (`as_data`), so what the
extractor writes is what the loader accepts. A key that no model of its kind declares is
refused, with the closest allowed key:

>>> key_problems({"fact": "attendance", "event": "e", "name": "QOOT", "rol": "host"}, Attendance)
[('rol', 'unknown key (did you mean role?)')]
>>> as_data(Attendance(event="bvt-2019", name="qoot", written="QOOT", role="host", line=13))
{'fact': 'attendance', 'event': 'bvt-2019', 'name': 'qoot', 'written': 'QOOT', 'role': 'host', 'line': 13}
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
from dataclasses import dataclass, field
from functools import cache
from typing import Any, ClassVar

__all__ = ["Fact", "Organiser", "Party", "EventFact", "Attendance", "Membership", "PersonFact", "Mentoring",
           "Partnership", "Agreement", "Mention", "OrganisationFact", "FACT_TYPES", "DocumentHeader",
           "OrganisationEntry", "PersonEntry", "ProgrammeEntry", "PossiblySameAs", "allowed_keys",
           "key_problems", "unknown_key", "as_data"]

#: The key under which a reader records, in every mapping it returns, the line (or row) of the
#: file that mapping starts on; `file:line` in every error comes from it. Not a key of the data.
LINE = "__line__"
Value = Any  # one scalar as read: str, int, float, bool, a date, or None


def items_of(model: type) -> Any:
    """A field holding a list of mappings, each checked against `model`."""
    return field(default=None, metadata={"items": model})


def names() -> Any:
    """A field holding a list of names (strings)."""
    return field(default=None, metadata={"names": True})


# --- facts ---------------------------------------------------------------------------------


@dataclass(kw_only=True)
class Fact:
    """What every fact may carry besides its own fields: the 1-based `line` of the source text
    it comes from, and the extractor's `review` state and `confidence` (0–1)."""

    fact: ClassVar[str]
    line: int | None = None
    review: str | None = None
    confidence: float | None = None


@dataclass(kw_only=True)
class Organiser:
    """An event's organiser: the name as written (or a registry id), its role, its line."""

    name: str | None = None
    role: str | None = None
    line: int | None = None
    written: str | None = None
    country: Value = None


@dataclass(kw_only=True)
class Party:
    """A party to an agreement."""

    name: str | None = None
    written: str | None = None
    country: Value = None


@dataclass(kw_only=True)
class EventFact(Fact):
    fact: ClassVar[str] = "event"
    id: str | None = None
    name: str | None = None
    kind: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    date_precision: str | None = None
    city: str | None = None
    place: str | None = None
    country: Value = None
    status: str | None = None
    programme: str | None = None
    part_of: str | None = None
    alongside: str | None = None
    participants_partial: bool | None = None
    organisers: list[Organiser] | None = items_of(Organiser)


@dataclass(kw_only=True)
class Attendance(Fact):
    """An organisation (`name`) or a person (`person`) at an event."""

    fact: ClassVar[str] = "attendance"
    event: str | None = None
    name: str | None = None
    written: str | None = None
    person: str | None = None
    country: Value = None
    role: str | None = None


@dataclass(kw_only=True)
class Membership(Fact):
    fact: ClassVar[str] = "membership"
    member: str | None = None
    member_written: str | None = None
    member_country: Value = None
    of: str | None = None
    of_written: str | None = None
    of_country: Value = None


@dataclass(kw_only=True)
class PersonFact(Fact):
    """A person's role and employer (`country` is the employer's)."""

    fact: ClassVar[str] = "person"
    name: str | None = None
    role: str | None = None
    works_for: str | None = None
    country: Value = None


@dataclass(kw_only=True)
class Mentoring(Fact):
    fact: ClassVar[str] = "mentoring"
    mentor: str | None = None
    mentee: str | None = None
    met_at: str | None = None


@dataclass(kw_only=True)
class Partnership(Fact):
    fact: ClassVar[str] = "partnership"
    name: str | None = None
    written: str | None = None
    country: Value = None
    programme: str | None = None
    role: str | None = None


@dataclass(kw_only=True)
class Agreement(Fact):
    fact: ClassVar[str] = "agreement"
    id: str | None = None
    name: str | None = None
    kind: str | None = None
    date: dt.date | None = None
    parties: list[Party] | None = items_of(Party)
    signed_at: str | None = None


@dataclass(kw_only=True)
class Mention(Fact):
    """A document refers to a known event or programme; of an event, it may state the status and
    dates as of the document's date (`loaders/event_status.py`: the latest statement wins), and
    the organisers the document names (ORGANISED, citing this document)."""

    fact: ClassVar[str] = "mention"
    event: str | None = None
    programme: str | None = None
    status: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    date_precision: str | None = None
    organisers: list[Organiser] | None = items_of(Organiser)  # named by this document (the extractor's proposals)


@dataclass(kw_only=True)
class OrganisationFact(Fact):
    """An organisation the document names. The extractor marks one the registry lacks `new`, with
    a guessed `kind` and a suggested registry `id`; the loader reads only name and country."""

    fact: ClassVar[str] = "organisation"
    name: str | None = None
    written: str | None = None
    kind: str | None = None
    country: Value = None
    new: bool | None = None
    id: str | None = None


#: Fact type (the value of `fact:`) -> its model.
FACT_TYPES: dict[str, type[Fact]] = {model.fact: model for model in (
    EventFact, OrganisationFact, Attendance, Membership, PersonFact, Mentoring, Partnership, Agreement, Mention)}


# --- the document header and the registry --------------------------------------------------


@dataclass(kw_only=True)
class DocumentHeader:
    id: str | None = None
    file: str | None = None
    title: str | None = None
    date: dt.date | None = None
    language: str | None = None
    sha256: str | None = None
    publisher: str | None = None


@dataclass(kw_only=True)
class OrganisationEntry:
    id: str | None = None
    name: str | None = None
    kind: str | None = None
    country: str | None = None
    aliases: list[str] | None = names()
    sector: str | None = None
    city: str | None = None
    note: str | None = None
    added_by: str | None = None  # the spreadsheet `medgraph load --add-new` created it from


@dataclass(kw_only=True)
class PersonEntry:
    id: str | None = None
    name: str | None = None
    aliases: list[str] | None = names()


@dataclass(kw_only=True)
class ProgrammeEntry:
    id: str | None = None
    name: str | None = None
    part_of: str | None = None
    start: Value = None
    end: Value = None
    budget_eur: float | None = None
    eu_cofunding: float | None = None
    selected_clusters: int | None = None
    note: str | None = None


@dataclass(kw_only=True)
class PossiblySameAs:
    a: str | None = None
    b: str | None = None
    confidence: float | None = None
    reason: str | None = None


# --- the checker ---------------------------------------------------------------------------


@cache
def allowed_keys(model: type) -> tuple[str, ...]:
    """The keys a mapping of this model may have, in the model's order (`fact` first).

    >>> allowed_keys(Mention)
    ('fact', 'event', 'programme', 'status', 'start', 'end', 'date_precision', 'organisers', 'line', 'review', 'confidence')
    """
    own = [f.name for f in dataclasses.fields(model)]
    common = [f.name for f in dataclasses.fields(Fact)] if issubclass(model, Fact) else []
    return (("fact",) if issubclass(model, Fact) else ()) + tuple(k for k in own if k not in common) + tuple(common)


@cache
def field_kinds(model: type) -> dict[str, Any]:
    """Field -> the model of its list items, True for a list of names, None for one value."""
    return {f.name: f.metadata.get("items") or f.metadata.get("names") for f in dataclasses.fields(model)}


@cache
def single_valued(model: type) -> frozenset[str]:
    """The keys of the model that hold one value (and the reader's LINE, and `fact`)."""
    return frozenset([LINE, "fact", *(key for key, kind in field_kinds(model).items() if not kind)])


def unknown_key(key: object, allowed: tuple[str, ...]) -> str:
    """The message for a key no model declares, naming the closest allowed one.

    >>> unknown_key("rol", ("event", "name", "role", "line"))
    'unknown key (did you mean role?)'
    >>> unknown_key("colour", ("event", "name"))
    'unknown key (allowed: event, name)'
    """
    close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
    return f"unknown key (did you mean {close[0]}?)" if close else f"unknown key (allowed: {', '.join(allowed)})"


def key_problems(mapping: dict, model: type, prefix: str = "") -> list[tuple[str, str]]:
    """(field, message) for every unknown key and every value of the wrong shape: a list of
    mappings where the model declares one (each item checked in turn), a list of names for
    `aliases`, one value elsewhere. `prefix` goes before nested fields ("organisers[0].").

    >>> key_problems({"id": "x", "aliases": "X", "alias": ["Y"]}, PersonEntry)
    [('aliases', "expected a list of names, found 'X'"), ('alias', 'unknown key (did you mean aliases?)')]
    >>> key_problems({"parties": [{"name": "A", "contry": "FR"}]}, Agreement)
    [('parties[0].contry', 'unknown key (did you mean country?)')]
    """
    if mapping.keys() <= single_valued(model) and not any(isinstance(v, (list, dict)) for v in mapping.values()):
        return []  # the common case, a million times in a large load: known keys, one value each
    allowed, kinds, found = allowed_keys(model), field_kinds(model), []
    for key, value in mapping.items():
        if key == LINE or (key == "fact" and issubclass(model, Fact)):
            continue
        if key not in kinds:
            found.append((f"{prefix}{key}", unknown_key(key, allowed)))
        elif isinstance(kinds[key], type):
            found += items_problems(value, kinds[key], f"{prefix}{key}")
        elif kinds[key] and value is not None and not (
                isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)):
            found.append((f"{prefix}{key}", f"expected a list of names, found {value!r}"))
        elif not kinds[key] and isinstance(value, (list, dict)):
            found.append((f"{prefix}{key}", f"expected one value, found {value!r}"))
    return found


def items_problems(value: object, model: type, where: str) -> list[tuple[str, str]]:
    if value is None:
        return []
    if not (isinstance(value, list) and all(isinstance(v, dict) for v in value)):
        return [(where, f"expected a list of mappings, found {value!r}")]
    return [problem for i, item in enumerate(value) for problem in key_problems(item, model, f"{where}[{i}].")]


def as_data(record: object, keep: tuple[str, ...] = ()) -> dict:
    """A record as the mapping a data file holds: keys in the model's order, None values left out
    (but those in `keep`, written as null for a reviewer to fill in), nested records as mappings."""
    data = {"fact": record.fact} if isinstance(record, Fact) else {}
    for key in allowed_keys(type(record)):
        value = getattr(record, key, None) if key != "fact" else None
        if isinstance(value, list):
            value = [as_data(v) if dataclasses.is_dataclass(v) else v for v in value]
        if value is not None or key in keep:
            data[key] = value
    return data
