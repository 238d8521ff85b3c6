"""to_rows: registry + documents -> checked, resolved graph rows, or every problem at once.

Each fact is first checked against its model (`medgraph.loaders.models`: no unknown key, a list
only where one belongs), then resolved by its handler (`medgraph.loaders.facts`).
"""

from __future__ import annotations

from medgraph.errors import DataError
from medgraph.loaders import facts as F
from medgraph.loaders import models
from medgraph.loaders.bulk_rows import attendee_rows
from medgraph.loaders.event_status import settled
from medgraph.loaders.readers import LINE, Document, Registry
from medgraph.loaders.rows import GraphRows
from medgraph.schema import DOCUMENT_LANGUAGES, EVENT_KINDS, EVENT_STATUSES, REVIEW_STATES

#: Fact type -> its handler (events have three passes of their own, in `to_rows`).
HANDLERS = {model.fact: handler for model, handler in (
    (models.OrganisationFact, F.organisation_fact),
    (models.Attendance, F.attendance_fact),
    (models.Membership, F.membership_fact),
    (models.PersonFact, F.person_fact),
    (models.Mentoring, F.mentoring_fact),
    (models.Partnership, F.partnership_fact),
    (models.Agreement, F.agreement_fact),
    (models.Mention, F.mention_fact),
)}
EVENT = models.EventFact.fact


def to_rows(registry: Registry, documents: list[Document]) -> GraphRows:
    """Check and resolve everything; raise one DataError listing every problem found.

    Events are read first (any document may refer to an event another one defines), then
    every other fact, in document order.
    """
    rows = GraphRows()
    organisations, people, programmes = F.registry_rows(registry, rows)
    if rows.problems:  # facts resolved against a broken registry would only echo its problems
        raise DataError("\n".join(rows.problems))
    ctx = F.Context(rows, organisations, people, programmes, events={})
    for document in documents:
        if document_node(document, rows):
            for_each_fact(ctx, document, lambda fact: fact.get("fact") == EVENT, define_event)
    for document in documents:
        if document.id in rows.nodes:
            for_each_fact(ctx, document, lambda fact: fact.get("fact") != EVENT, handle_fact)
            if document.bulk is not None:  # an attendee list read in bulk: its rows at once
                attendee_rows(ctx, document, check_and_handle)
    for document in documents:  # the event facts were checked in the first pass
        if document.id in rows.nodes:
            for_each_fact(ctx, document, lambda fact: fact.get("fact") == EVENT, event_links, check=False)
    settle_events(ctx)
    F.possibly_same_rows(registry, rows)
    if rows.problems:
        raise DataError("\n".join(rows.problems))
    return rows


def for_each_fact(ctx: F.Context, document: Document, wanted, handler, check: bool = True) -> None:
    ctx.document = document
    for ctx.index, fact in enumerate(document.facts):
        if not wanted(fact):
            continue
        if not check or well_formed(ctx, fact):
            handler(ctx, fact)


def check_and_handle(ctx: F.Context, fact: dict) -> None:
    if well_formed(ctx, fact):
        handle_fact(ctx, fact)


def well_formed(ctx: F.Context, fact: dict) -> bool:
    """A source line, only the keys of the fact's model (each of the right shape), and a valid
    review state and confidence when present; every problem found is reported."""
    line = fact.get("line")
    if not isinstance(fact.get(LINE), int) or not isinstance(line, int) or isinstance(line, bool) or line < 1:
        ctx.problem(fact, "line", f"expected the source line number, found {fact.get('line')!r}")
        return False
    kind = fact.get("fact")
    model = models.FACT_TYPES.get(kind) if isinstance(kind, str) else None
    problems = models.key_problems(fact, model) if model else []  # an unknown type: its handler says so
    for field, message in problems:
        ctx.problem(fact, field, message)
    if problems and model is models.EventFact and isinstance(fact.get("id"), str) and fact["id"] not in ctx.events:
        ctx.events[fact["id"]] = fact  # references to it are not problems too
        ctx.defined_at[fact["id"]] = f"{ctx.document.path}:{fact[LINE]}"
    return not problems and not review_problem(ctx, fact)


def review_problem(ctx: F.Context, fact: dict) -> bool:
    """`medgraph extract` marks facts `review: proposed` with a `confidence`; check both when present."""
    confidence = fact.get("confidence")
    if "review" in fact and fact["review"] not in REVIEW_STATES:
        ctx.problem(fact, "review", F.not_one_of(fact["review"], REVIEW_STATES))
        return True
    if "confidence" in fact and (isinstance(confidence, bool) or not isinstance(confidence, (int, float))
                                 or not 0 <= confidence <= 1):
        ctx.problem(fact, "confidence", f"expected a number from 0 to 1, found {confidence!r}")
        return True
    return False


def handle_fact(ctx: F.Context, fact: dict) -> None:
    kind = fact.get("fact")
    handler = HANDLERS.get(kind) if isinstance(kind, str) else None
    if handler is None:
        ctx.problem(fact, "fact", f"unknown fact type {kind!r} (one of {', '.join(models.FACT_TYPES)})")
    else:
        handler(ctx, fact)


def document_node(document: Document, rows: GraphRows) -> bool:
    meta, where = document.meta, f"{document.path}:{document.meta.get(LINE, 1)}: document"
    if problems := models.key_problems(meta, models.DocumentHeader):
        rows.problems.extend(f"{where}.{field}: {message}" for field, message in problems)
        return False
    # An undated page keeps `date: null`, but the key must be there: absent is an oversight.
    missing = [k for k in ("id", "title", "date", "language", "sha256") if k not in meta or (k != "date" and not meta[k])]
    if missing:
        rows.problem(f"{where}.{missing[0]}: missing")
        return False
    if meta["language"] not in DOCUMENT_LANGUAGES:
        rows.problem(f"{where}.language: {meta['language']!r} is not one of {', '.join(DOCUMENT_LANGUAGES)}")
        return False
    if document.id in rows.nodes:
        rows.problem(f"{where}.id: duplicate id {document.id!r}")
        return False
    rows.node(document.id, ["Document"], title=meta["title"], date=meta["date"], language=meta["language"],
              sha256=meta["sha256"], file=meta.get("file"), publisher=meta.get("publisher"))
    return True


def define_event(ctx: F.Context, fact: dict) -> None:
    """An event fact defines one event node (ids are global; each is defined once)."""
    event = F.required(ctx, fact, "id")
    if event is None:
        return
    if event in ctx.events or event in ctx.rows.nodes:
        first = ctx.defined_at.get(event, "the registry")
        ctx.problem(fact, "id", f"event {event!r} is defined twice (first at {first})")
        return
    ctx.events[event] = fact  # known even when invalid: references to it are not problems too
    ctx.defined_at[event] = f"{ctx.document.path}:{fact.get(LINE, 1)}"
    kind, status = fact.get("kind"), fact.get("status")
    if kind not in EVENT_KINDS:
        ctx.problem(fact, "kind", F.not_one_of(kind, EVENT_KINDS))
    elif status not in EVENT_STATUSES:
        ctx.problem(fact, "status", F.not_one_of(status, EVENT_STATUSES))
    elif (stated := F.status_and_dates(ctx, fact)) is not None:
        ctx.rows.node(event, ["Event"], name=fact.get("name") or event, kind=kind, start=stated.get("start"),
                      end=stated.get("end"), date_precision=stated.get("date_precision"), city=fact.get("city"),
                      place=fact.get("place"), status=status, participants_partial=fact.get("participants_partial"))
        ctx.state(event, fact, stated)


def settle_events(ctx: F.Context) -> None:
    """An event stated again by a later document follows the latest statement (event_status.py)."""
    for event, statements in ctx.statements.items():
        if len(statements) > 1 and event in ctx.rows.nodes:
            ctx.rows.node(event, ["Event"], **settled(statements))


def event_links(ctx: F.Context, fact: dict) -> None:
    """The event's place, organisers, programme and parent events (once all events are known)."""
    event = fact.get("id")
    if not isinstance(event, str) or ctx.events.get(event) is not fact or event not in ctx.rows.nodes:
        return  # not an event that the first pass defined
    ctx.rows.mention(ctx.doc_id, event, fact["line"])
    country = F.resolve_country(ctx, fact, "country")
    if country:
        F.country_node(country, ctx.rows)
        ctx.rows.node(event, ["Event"], country=country)
        ctx.rows.relate("HELD_IN", event, country, F.evidence(ctx, fact))
    F.organisers(ctx, fact, event)
    if fact.get("programme"):
        if fact["programme"] in ctx.programmes:
            ctx.rows.relate("PART_OF", event, fact["programme"], F.evidence(ctx, fact))
        else:
            ctx.problem(fact, "programme", f"unknown programme {fact['programme']!r}")
    for field, type in (("part_of", "PART_OF"), ("alongside", "ALONGSIDE")):
        other = F.known_event(ctx, fact, field, optional=True)
        if other:
            ctx.rows.relate(type, event, other, F.evidence(ctx, fact))
