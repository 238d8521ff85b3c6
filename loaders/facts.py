"""Check and resolve the registry and the documents' facts into graph rows (pure).

Every problem is collected as one line "file:line: field: what is wrong" and reported
together, so one run shows everything to fix; nothing is written unless there is none.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass

from medgraph.loaders import models
from medgraph.loaders.countries import country_code, country_name, subregion
from medgraph.loaders.event_status import Statement
from medgraph.loaders.readers import LINE, Document, Registry
from medgraph.loaders.resolve import Entry, Resolver, Unresolved, search_key
from medgraph.loaders.rows import GraphRows
from medgraph.schema import (
    ATTENDANCE_ROLES,
    DATE_PRECISIONS,
    DELEGATE,
    EVENT_STATUSES,
    ORGANISATION_KINDS,
    ORGANISER,
    PARTNER,
    region_of,
)

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
#: Registry section -> the model of its entries.
ENTRY_MODELS = {"organisations": models.OrganisationEntry, "people": models.PersonEntry,
                "programmes": models.ProgrammeEntry}


@dataclass
class Context:
    """What every fact handler needs: where it is, what is known, where rows go."""

    rows: GraphRows
    organisations: Resolver
    people: Resolver
    programmes: set[str]
    events: dict[str, dict]
    document: Document | None = None
    index: int = 0
    defined_at: dict[str, str] = dataclasses.field(default_factory=dict)
    #: Event id -> what documents state of its status and dates (`loaders/event_status.py`).
    statements: dict[str, list[Statement]] = dataclasses.field(default_factory=dict)

    def where(self, fact: dict, field: str) -> str:
        return f"{self.document.path}:{fact.get(LINE, 1)}: facts[{self.index}].{field}"

    def problem(self, fact: dict, field: str, message: str) -> None:
        self.rows.problem(f"{self.where(fact, field)}: {message}")

    @property
    def doc_id(self) -> str:
        return self.document.id

    def state(self, event: str, fact: dict, values: dict) -> None:
        """Record what this fact states of an event's status and dates."""
        statement = Statement(self.document.meta.get("date"), self.doc_id, fact["line"], values)
        self.statements.setdefault(event, []).append(statement)


# --- the registry --------------------------------------------------------------------------


def registry_rows(registry: Registry, rows: GraphRows) -> tuple[Resolver, Resolver, set[str]]:
    """Nodes for the registry's entities; resolvers for organisations and people."""
    seen: set[str] = set()
    organisations = [e for e in (organisation_entry(o, registry.path, rows, seen) for o in registry.organisations) if e]
    people = [e for e in (person_entry(p, registry.path, rows, seen) for p in registry.people) if e]
    programmes = {p["id"] for p in registry.programmes if programme_node(p, registry.path, rows, seen)}
    for programme in registry.programmes:
        parent = programme.get("part_of")
        if parent and parent in programmes:
            rows.relate("PART_OF", programme["id"], parent, f"registry:{programme[LINE]}")
        elif parent:
            rows.problem(f"{registry.path}:{programme[LINE]}: programmes.part_of: unknown programme {parent!r}")
    rows.registry_entries = seen
    return Resolver(organisations), Resolver(people), programmes


def check_entry(item: dict, path: str, section: str, rows: GraphRows, seen: set[str]) -> bool:
    """A registry entry has only the keys its model declares, a new slug id, a name, and one
    value per field (aliases: a list of names)."""
    where = f"{path}:{item[LINE]}: {section}"
    if problems := models.key_problems(item, ENTRY_MODELS[section]):
        rows.problems.extend(f"{where}.{field}: {message}" for field, message in problems)
        return False
    if not isinstance(item.get("id"), str) or not SLUG.match(item["id"]):
        rows.problem(f"{where}.id: expected a lowercase slug, found {item.get('id')!r}")
        return False
    if item["id"] in seen:
        rows.problem(f"{where}.id: duplicate id {item['id']!r}")
        return False
    if not isinstance(item.get("name"), str) or not item["name"].strip():
        rows.problem(f"{where}.name: missing")
        return False
    seen.add(item["id"])
    return True


def organisation_entry(org: dict, path: str, rows: GraphRows, seen: set[str]) -> Entry | None:
    if not check_entry(org, path, "organisations", rows, seen):
        return None
    where = f"{path}:{org[LINE]}: organisations"
    if org.get("kind") not in ORGANISATION_KINDS:
        rows.problem(f"{where}.kind: {not_one_of(org.get('kind'), ORGANISATION_KINDS)}")
        return None
    code = org.get("country")
    if code is not None and country_code(str(code)) != code:
        rows.problem(f"{where}.country: {code!r} is not an ISO 3166-1 alpha-2 code")
        return None
    aliases = tuple(org.get("aliases") or ())
    rows.node(org["id"], ["Organisation", org["kind"]], name=org["name"], kind=org["kind"], country=code,
              aliases=list(aliases), search_keys=sorted({search_key(n) for n in (org["name"], *aliases)}),
              sector=org.get("sector"), city=org.get("city"), note=org.get("note"))
    if code:
        country_node(code, rows)
        rows.relate("LOCATED_IN", org["id"], code, f"registry:{org[LINE]}")
    return Entry(org["id"], org["name"], code, aliases)


def person_entry(person: dict, path: str, rows: GraphRows, seen: set[str]) -> Entry | None:
    if not check_entry(person, path, "people", rows, seen):
        return None
    aliases = tuple(person.get("aliases") or ())
    rows.node(person["id"], ["Person"], name=person["name"], aliases=list(aliases) or None,
              search_keys=sorted({search_key(n) for n in (person["name"], *aliases)}))
    return Entry(person["id"], person["name"], None, aliases)


def programme_node(programme: dict, path: str, rows: GraphRows, seen: set[str]) -> bool:
    if not check_entry(programme, path, "programmes", rows, seen):
        return False
    extras = {k: v for k, v in programme.items() if k not in ("id", "part_of", LINE)}
    rows.node(programme["id"], ["Programme"], **{k: str(v) if isinstance(v, dt.date) else v for k, v in extras.items()})
    return True


def country_node(code: str, rows: GraphRows) -> None:
    if "Country" in rows.nodes.get(code, {}).get("labels", ()):
        return  # a country's node is the same each time (a registry names each country many times)
    rows.node(code, ["Country"], code=code, name=country_name(code), region=region_of(code), subregion=subregion(code))


def possibly_same_rows(registry: Registry, rows: GraphRows) -> None:
    for pair in registry.possibly_same_as:
        where = f"{registry.path}:{pair[LINE]}: possibly_same_as"
        if problems := models.key_problems(pair, models.PossiblySameAs):
            rows.problems.extend(f"{where}.{field}: {message}" for field, message in problems)
            continue
        unknown = [pair.get(k) for k in ("a", "b") if pair.get(k) not in rows.nodes]
        confidence = pair.get("confidence")
        if unknown:
            rows.problem(f"{where}: unknown organisation id {unknown[0]!r}")
        elif not isinstance(confidence, (int, float)) or not 0 < confidence < 1:
            rows.problem(f"{where}.confidence: expected a number between 0 and 1, found {confidence!r}")
        elif not pair.get("reason"):
            rows.problem(f"{where}.reason: missing")
        else:
            rows.relate("POSSIBLY_SAME_AS", pair["a"], pair["b"], f"registry:{pair[LINE]}",
                        confidence=float(confidence), reason=pair["reason"])


def not_one_of(value, allowed) -> str:
    """The problem with a value outside a closed list, or with a missing one.

    >>> not_one_of(None, {"held", "planned"})
    'missing (one of held, planned)'
    """
    listed = ", ".join(sorted(allowed))
    return f"missing (one of {listed})" if value is None else f"{value!r} is not one of {listed}"


# --- facts ---------------------------------------------------------------------------------


def required(ctx: Context, fact: dict, field: str) -> str | None:
    value = fact.get(field)
    if value is None or (isinstance(value, str) and not value.strip()):
        ctx.problem(fact, field, "missing")
        return None
    return value


def resolve_country(ctx: Context, fact: dict, field: str) -> str | None:
    """ISO code of the country written in fact[field] (None when absent)."""
    written = fact.get(field)
    if written is None:
        return None
    code = country_code(str(written))
    if code is None:
        ctx.problem(fact, field, f"unknown country {written!r}")
    return code


def resolve_organisation(ctx: Context, fact: dict, field: str, country_field: str | None = None,
                         item: dict | None = None) -> str | None:
    """Registry id of the organisation named in (item or fact)[field], with a MENTIONS."""
    source = item if item is not None else fact
    name = source.get(field)
    if not name:
        ctx.problem(fact, field, "missing")
        return None
    country = resolve_country(ctx, source, country_field) if country_field else None
    try:
        match = ctx.organisations.resolve(str(name), country)
    except Unresolved as error:
        ctx.problem(fact, field, f"{error}")
        return None
    line = source.get("line", fact["line"])
    ctx.rows.mention(ctx.doc_id, match.id, line)
    if country:
        ctx.rows.relate("LOCATED_IN", match.id, country, f"{ctx.doc_id}:{line}")
    return match.id


def resolve_person(ctx: Context, fact: dict, field: str) -> str | None:
    name = required(ctx, fact, field)
    if name is None:
        return None
    try:
        match = ctx.people.resolve(str(name))
    except Unresolved as error:
        ctx.problem(fact, field, f"{error}")
        return None
    ctx.rows.mention(ctx.doc_id, match.id, fact["line"])
    return match.id


def known_event(ctx: Context, fact: dict, field: str, optional: bool = False) -> str | None:
    event = fact.get(field)
    if event is None and optional:
        return None
    if event not in ctx.events:
        ctx.problem(fact, field, f"unknown event {event!r} (no event fact defines it)")
        return None
    ctx.rows.mention(ctx.doc_id, event, fact["line"])
    return event


def evidence(ctx: Context, fact: dict) -> str:
    """ "doc:line" for the source line a fact comes from."""
    return f"{ctx.doc_id}:{fact['line']}"


def organisation_fact(ctx: Context, fact: dict) -> None:
    resolve_organisation(ctx, fact, "name", "country")


def attendance_fact(ctx: Context, fact: dict) -> None:
    event = known_event(ctx, fact, "event")
    role = fact.get("role", DELEGATE)
    if role not in ATTENDANCE_ROLES:
        ctx.problem(fact, "role", not_one_of(role, ATTENDANCE_ROLES))
        return
    if "person" in fact:
        attendee = resolve_person(ctx, fact, "person")
    else:
        attendee = resolve_organisation(ctx, fact, "name", "country")
    if event and attendee:
        ctx.rows.relate("ATTENDED", attendee, event, evidence(ctx, fact), role=role)


def membership_fact(ctx: Context, fact: dict) -> None:
    member = resolve_organisation(ctx, fact, "member", "member_country")
    of = resolve_organisation(ctx, fact, "of", "of_country")
    if member and of:
        ctx.rows.relate("MEMBER_OF", member, of, evidence(ctx, fact))


def person_fact(ctx: Context, fact: dict) -> None:
    person = resolve_person(ctx, fact, "name")
    if person and fact.get("role"):
        ctx.rows.node(person, ["Person"], role=fact["role"])
    if person and fact.get("works_for"):
        employer = resolve_organisation(ctx, fact, "works_for", "country")
        if employer:
            ctx.rows.relate("WORKS_FOR", person, employer, evidence(ctx, fact), role=fact.get("role"))


def mentoring_fact(ctx: Context, fact: dict) -> None:
    mentor, mentee = resolve_person(ctx, fact, "mentor"), resolve_person(ctx, fact, "mentee")
    met_at = known_event(ctx, fact, "met_at", optional=True)
    if mentor and mentee:
        ctx.rows.relate("MENTORS", mentor, mentee, evidence(ctx, fact), met_at=met_at)


def partnership_fact(ctx: Context, fact: dict) -> None:
    partner = resolve_organisation(ctx, fact, "name", "country")
    programme = fact.get("programme")
    if programme not in ctx.programmes:
        ctx.problem(fact, "programme", f"unknown programme {programme!r}")
    elif partner:
        ctx.rows.relate("PARTNER_OF", partner, programme, evidence(ctx, fact), role=fact.get("role", PARTNER))
        ctx.rows.mention(ctx.doc_id, programme, fact["line"])


def agreement_fact(ctx: Context, fact: dict) -> None:
    agreement = required(ctx, fact, "id")
    date = check_date(ctx, fact, "date")
    signed_at = known_event(ctx, fact, "signed_at", optional=True)
    parties = [resolve_organisation(ctx, fact, "name", "country", item=p) for p in fact.get("parties") or []]
    if len(parties) < 2:
        ctx.problem(fact, "parties", "an agreement needs at least two parties")
    if not agreement or None in parties:
        return
    ctx.rows.node(agreement, ["Agreement"], name=fact.get("name") or fact.get("kind"), kind=fact.get("kind"), date=date)
    ctx.rows.mention(ctx.doc_id, agreement, fact["line"])
    for party in parties:
        ctx.rows.relate("PARTY_TO", party, agreement, evidence(ctx, fact))
    if signed_at:
        ctx.rows.relate("SIGNED_AT", agreement, signed_at, evidence(ctx, fact))


def organisers(ctx: Context, fact: dict, event: str) -> None:
    """The ORGANISED relationships of the organisers a fact (an event, a mention) names."""
    for organiser in fact.get("organisers") or []:
        org = resolve_organisation(ctx, fact, "name", None, item=organiser)
        if org:
            ctx.rows.relate("ORGANISED", org, event, f"{ctx.doc_id}:{organiser.get('line', fact['line'])}",
                            role=organiser.get("role", ORGANISER))


def mention_fact(ctx: Context, fact: dict) -> None:
    if "event" in fact:
        event = known_event(ctx, fact, "event")
        stated = status_and_dates(ctx, fact)
        if event and stated:
            ctx.state(event, fact, stated)
            ctx.rows.relate("MENTIONS", ctx.doc_id, event, None, **stated)
        if event:
            organisers(ctx, fact, event)
    elif fact.get("programme") in ctx.programmes:
        ctx.rows.mention(ctx.doc_id, fact["programme"], fact["line"])
    else:
        ctx.problem(fact, "event", "a mention names a known event or programme")


def status_and_dates(ctx: Context, fact: dict) -> dict | None:
    """The status and dates a fact states (an end defaults to the start), or None when it states
    none or one is wrong (then a problem says which)."""
    stated = {k: fact[k] for k in ("status", "start", "end", "date_precision") if fact.get(k) is not None}
    start, end = check_date(ctx, fact, "start"), check_date(ctx, fact, "end")
    if "status" in stated and stated["status"] not in EVENT_STATUSES:
        ctx.problem(fact, "status", not_one_of(stated["status"], EVENT_STATUSES))
    elif start and end and end < start:
        ctx.problem(fact, "end", f"{end} is before the start {start}")
    elif (start or end) and fact.get("date_precision") not in DATE_PRECISIONS:
        ctx.problem(fact, "date_precision", not_one_of(fact.get("date_precision"), DATE_PRECISIONS))
    else:
        return {**stated, "end": end or start} if start else stated or None
    return None


def check_date(ctx: Context, fact: dict, field: str) -> dt.date | None:
    value = fact.get(field)
    if value is None or isinstance(value, dt.date):
        return value
    ctx.problem(fact, field, f"expected a date YYYY-MM-DD, found {value!r}")
    return None
