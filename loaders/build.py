"""to_rows: registry + documents -> checked, resolved graph rows, or every problem at once."""

from __future__ import annotations

from medgraph.errors import DataError
from medgraph.loaders import facts as F
from medgraph.loaders.files import LINE, Document, Registry
from medgraph.loaders.rows import GraphRows

HANDLERS = {
    "organisation": F.organisation_fact,
    "attendance": F.attendance_fact,
    "membership": F.membership_fact,
    "person": F.person_fact,
    "mentoring": F.mentoring_fact,
    "partnership": F.partnership_fact,
    "agreement": F.agreement_fact,
    "mention": F.mention_fact,
}
LANGUAGES = {"en", "fr"}
LIST_FIELDS = {"parties", "organisers"}
REVIEW = {"proposed", "accepted"}


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
            for_each_fact(ctx, document, lambda fact: fact.get("fact") == "event", define_event)
    for document in documents:
        if document.id in rows.nodes:
            for_each_fact(ctx, document, lambda fact: fact.get("fact") != "event", handle_fact)
    for document in documents:
        if document.id in rows.nodes:
            for_each_fact(ctx, document, lambda fact: fact.get("fact") == "event", event_links)
    F.possibly_same_rows(registry, rows)
    if rows.problems:
        raise DataError("\n".join(rows.problems))
    return rows


def for_each_fact(ctx: F.Context, document: Document, wanted, handler) -> None:
    ctx.document = document
    for ctx.index, fact in enumerate(document.facts):
        if not wanted(fact):
            continue
        if not isinstance(fact.get(LINE), int) or not isinstance(fact.get("line"), int) or fact["line"] < 1:
            ctx.problem(fact, "line", f"expected the source line number, found {fact.get('line')!r}")
            continue
        if well_shaped(ctx, fact, fact) and not review_problem(ctx, fact):
            handler(ctx, fact)


def well_shaped(ctx: F.Context, fact: dict, mapping: dict) -> bool:
    """Lists only where a list of mappings belongs (parties, organisers); one value elsewhere."""
    for field, value in mapping.items():
        if field in LIST_FIELDS:
            if value is not None and not (isinstance(value, list) and all(isinstance(v, dict) for v in value)):
                ctx.problem(fact, field, f"expected a list of mappings, found {value!r}")
                return False
            if not all(well_shaped(ctx, fact, item) for item in value or []):
                return False
        elif isinstance(value, (list, dict)):
            ctx.problem(fact, field, f"expected one value, found {value!r}")
            return False
    return True


def review_problem(ctx: F.Context, fact: dict) -> bool:
    """`medgraph extract` marks facts `review: proposed` with a `confidence`; check both when present."""
    confidence = fact.get("confidence")
    if "review" in fact and fact["review"] not in REVIEW:
        ctx.problem(fact, "review", F.not_one_of(fact["review"], REVIEW))
        return True
    if "confidence" in fact and (isinstance(confidence, bool) or not isinstance(confidence, (int, float))
                                 or not 0 <= confidence <= 1):
        ctx.problem(fact, "confidence", f"expected a number from 0 to 1, found {confidence!r}")
        return True
    return False


def handle_fact(ctx: F.Context, fact: dict) -> None:
    handler = HANDLERS.get(fact.get("fact"))
    if handler is None:
        ctx.problem(fact, "fact", f"unknown fact type {fact.get('fact')!r} (one of event, {', '.join(HANDLERS)})")
    else:
        handler(ctx, fact)


def document_node(document: Document, rows: GraphRows) -> bool:
    meta, where = document.meta, f"{document.path}:{document.meta.get(LINE, 1)}: document"
    # An undated page keeps `date: null`, but the key must be there: absent is an oversight.
    missing = [k for k in ("id", "title", "date", "language", "sha256") if k not in meta or (k != "date" and not meta[k])]
    if missing:
        rows.problem(f"{where}.{missing[0]}: missing")
        return False
    if meta["language"] not in LANGUAGES:
        rows.problem(f"{where}.language: {meta['language']!r} is not one of en, fr")
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
    start, end = F.check_date(ctx, fact, "start"), F.check_date(ctx, fact, "end")
    if kind not in F.EVENT_KINDS:
        ctx.problem(fact, "kind", F.not_one_of(kind, F.EVENT_KINDS))
    elif status not in F.STATUSES:
        ctx.problem(fact, "status", F.not_one_of(status, F.STATUSES))
    elif start and end and end < start:
        ctx.problem(fact, "end", f"{end} is before the start {start}")
    elif (start or end) and fact.get("date_precision") not in F.PRECISIONS:
        ctx.problem(fact, "date_precision", F.not_one_of(fact.get("date_precision"), F.PRECISIONS))
    else:
        ctx.rows.node(event, ["Event"], name=fact.get("name") or event, kind=kind, start=start, end=end or start,
                      date_precision=fact.get("date_precision"), city=fact.get("city"), place=fact.get("place"),
                      status=status, participants_partial=fact.get("participants_partial"))


def event_links(ctx: F.Context, fact: dict) -> None:
    """The event's place, organisers, programme and parent events (once all events are known)."""
    event = fact.get("id")
    if ctx.events.get(event) is not fact or event not in ctx.rows.nodes:
        return
    ctx.rows.mention(ctx.doc_id, event, fact["line"])
    country = F.resolve_country(ctx, fact, "country")
    if country:
        F.country_node(country, ctx.rows)
        ctx.rows.node(event, ["Event"], country=country)
        ctx.rows.relate("HELD_IN", event, country, F.evidence(ctx, fact))
    for organiser in fact.get("organisers") or []:
        org = F.resolve_organisation(ctx, fact, "name", None, item=organiser)
        if org:
            ctx.rows.relate("ORGANISED", org, event, f"{ctx.doc_id}:{organiser.get('line', fact['line'])}",
                            role=organiser.get("role", "organiser"))
    if fact.get("programme"):
        if fact["programme"] in ctx.programmes:
            ctx.rows.relate("PART_OF", event, fact["programme"], F.evidence(ctx, fact))
        else:
            ctx.problem(fact, "programme", f"unknown programme {fact['programme']!r}")
    for field, type in (("part_of", "PART_OF"), ("alongside", "ALONGSIDE")):
        other = F.known_event(ctx, fact, field, optional=True)
        if other:
            ctx.rows.relate(type, event, other, F.evidence(ctx, fact))
