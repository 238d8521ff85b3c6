"""The proposed facts of one document, in the data/ format, and the table a reviewer reads.

Facts are built as the loader's own models (`medgraph.loaders.models`), so every key written
is one the loader accepts. Every fact carries `review: proposed` and a `confidence` (0–1) beside its `line`. An
organisation the registry knows is named by its id (`name: c2tm`, with `written:` keeping the
words of the text); a new one by its name as written, with `country` and a guessed `kind`, in an
organisation fact marked `new: true` with a suggested registry `id`: a reviewer who accepts it
adds it to registry.yaml, as `medgraph load` resolves every name against the registry.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from medgraph.loaders import models as M
from medgraph.loaders.countries import fold
from medgraph.loaders.extract.events import Event, Events
from medgraph.loaders.extract.gazetteer import NOT_ORGANISATION
from medgraph.loaders.extract.linking import family, link_event, named_events, near
from medgraph.loaders.extract.relations import Found, OrgRef, guess_kind
from medgraph.loaders.extract.source import Source
from medgraph.loaders.resolve import normalise
from medgraph.schema import PROPOSED


class Dumper(yaml.SafeDumper):
    """Writes every value out (no &anchors between facts that share a date)."""

    def ignore_aliases(self, data):
        return True


@dataclass
class Proposal:
    """What the extractor read in one document."""

    source: Source
    language: str
    date: dt.date | None
    title: str
    events: Events
    found: Found


def slug(text: str) -> str:
    """ "Benchmarking visit" -> "benchmarking-visit"."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "x"


def document_id(source: Source) -> str:
    return slug(Path(source.path).stem)


def to_data(proposal: Proposal, min_confidence: float = 0.0, known_events: list[dict] = ()) -> dict:
    """The facts file as a mapping: the document header and the facts at or above the threshold.
    An event already defined in the data (same kind, overlapping dates, same country) is a
    `mention` of its id, not a second definition."""
    source = proposal.source
    name_events(proposal.events.found, document_id(source))
    named = named_in(source, known_events, proposal.date)
    linked = {id(e): link_event(e, known_events, proposal.date) or named_link(e, named, known_events)
              for e in proposal.events.found}
    facts = [mention_fact(e, linked[id(e)]) if linked[id(e)] else event_fact(e, proposal) for e in proposal.events.found]
    for event_id, line in proposal.found.known_events:  # named by edition or by country (series.py)
        named.setdefault(line, []).append(event_id)
    facts += named_mentions(named, set(linked.values()))
    facts += attendance_facts(proposal.found)
    facts += [membership_fact(m, o) for m, o in unique_pairs(proposal.found.memberships)]
    facts += [mentoring_fact(*m) for m in proposal.found.mentoring]
    facts += [agreement_fact(a, document_id(source)) for a in proposal.found.agreements]
    facts += person_facts(proposal.found)
    facts += organisation_facts(proposal.found, facts, proposal.events.found)
    header = M.DocumentHeader(id=document_id(source), file=source.name, title=proposal.title, date=proposal.date,
                              language=proposal.language, sha256=source.sha256)
    return {"document": M.as_data(header, keep=("date",)),  # an undated page keeps `date: null`
            "facts": keep_confident(facts, min_confidence)}


def name_events(events: list[Event], doc_id: str) -> None:
    seen: set[str] = set()
    for event in events:
        when = event.start.strftime("%Y-%m") if event.start else doc_id
        base = "-".join(slug(p) for p in (event.kind, when, event.city or event.country or "") if p)
        event.id, n = base, 2
        while event.id in seen:
            event.id, n = f"{base}-{n}", n + 1
        seen.add(event.id)


def named_in(source: Source, known_events: list[dict], reference) -> dict[int, list[str]]:
    """Line -> the known events it names by a word of their own ("LOGISMED 2019")."""
    named: dict[int, list[str]] = {}
    for number, line in enumerate(source.lines, start=1):
        for event_id, _ in named_events(line, known_events, reference):
            named.setdefault(number, []).append(event_id)
    return named


def named_link(event: Event, named: dict[int, list[str]], known_events: list[dict]) -> str | None:
    """The known event of the proposed one's family (any, for a name without a kind word: "at
    FILEX 2019") that its own line names, if exactly one (and, when the proposed one is dated,
    near its dates: "the 2nd Atlas Days" is not the 1st)."""
    by_id = {k["id"]: k for k in known_events}
    fits = {i for i in named.get(event.line, []) if (event.kind_guessed or by_id[i]["kind"] in family(event.kind)) and not (
        event.start and by_id[i]["start"] and not near(event.start, event.end, by_id[i]["start"], by_id[i]["end"]))}
    return fits.pop() if len(fits) == 1 else None


def named_mentions(named: dict[int, list[str]], linked: set) -> list[dict]:
    """A mention of each known event named and not yet linked, at the first line naming it."""
    facts, seen = [], set(linked)
    for line, ids in sorted(named.items()):
        for event_id in ids:
            if event_id not in seen:
                seen.add(event_id)
                facts.append(proposed(M.Mention(event=event_id), line, 0.8))
    return facts


def mention_fact(event: Event, known_id: str) -> dict:
    """A proposed event that is a known one: a mention of its id, with the organisers the text names."""
    event.id = known_id
    return proposed(M.Mention(event=known_id, organisers=organiser_models(event) or None), event.line,
                    event_confidence(event) + 0.05)


def organiser_models(event: Event) -> list[M.Organiser]:
    return [M.Organiser(name=o.org.id or o.org.written, role=o.role, line=o.line,
                        written=o.org.written if o.org.id else None, country=None if o.org.id else o.org.country)
            for o in event.organisers]


def event_confidence(event: Event) -> float:
    """More sure of an event the text dates, places and gives organisers to: 0.6 for a bare kind,
    0.8 dated, up to 0.9 with its place and organisers."""
    return event.confidence + 0.05 * bool(event.start and event.country) + 0.05 * bool(event.start and event.organisers)


def proposed(fact: M.Fact, line: int, confidence: float, keep: tuple[str, ...] = ()) -> dict:
    """The fact as data, marked for review."""
    fact.line, fact.review, fact.confidence = line, PROPOSED, round(min(confidence, 0.99), 2)
    return M.as_data(fact, keep)


def org_fields(org: OrgRef, field: str = "name", country_field: str = "country") -> dict:
    """The fields naming an organisation: its id and the words written, or a new one's name and country."""
    if org.id:
        return {field: org.id, f"{field}_written" if field != "name" else "written": org.written}
    return {field: org.written, **({country_field: org.country} if org.country else {})}


def event_fact(event: Event, proposal: Proposal) -> dict:
    organisers = organiser_models(event)
    fact = M.EventFact(id=event.id, name=event.name, kind=event.kind, start=event.start, end=event.end,
                       date_precision=event.precision, city=event.city, country=event.country,
                       status=event.status(proposal.date), organisers=organisers or None)
    return proposed(fact, event.line, event_confidence(event))


def attendance_facts(found: Found) -> list[dict]:
    facts, seen = [], set()
    for event, org, role in found.attendances:
        key = (event.id, org.id or normalise(org.written))
        if key in seen or not_organisation(org):
            continue
        seen.add(key)
        fact = M.Attendance(event=event.id, **org_fields(org), role=role)
        facts.append(proposed(fact, org.line, min(org.confidence, event.confidence + 0.15)))
    return facts


def unique_pairs(pairs: list[tuple[OrgRef, OrgRef]]) -> list[tuple[OrgRef, OrgRef]]:
    return list({(a.id or normalise(a.written), b.id or normalise(b.written)): (a, b) for a, b in pairs}.values())


def membership_fact(member: OrgRef, of: OrgRef) -> dict:
    fact = M.Membership(**org_fields(member, "member", "member_country"), **org_fields(of, "of", "of_country"))
    return proposed(fact, member.line, min(member.confidence, of.confidence) - 0.05)


def mentoring_fact(mentor: str, mentee: str, line: int, event: Event | None) -> dict:
    return proposed(M.Mentoring(mentor=mentor, mentee=mentee, met_at=event.id if event else None), line, 0.7)


def agreement_fact(agreement, doc_id: str) -> dict:
    kind, parties, date, event, line = agreement
    names = "-".join(slug(p.id or p.written)[:20] for p in parties[:2])
    fact = M.Agreement(id=f"agr-{date.year if date else doc_id}-{names}", kind=kind, date=date,
                       parties=[M.Party(**org_fields(p)) for p in parties], signed_at=event.id if event else None)
    return proposed(fact, line, min(p.confidence for p in parties) - 0.1)


def person_facts(found: Found) -> list[dict]:
    """One fact per person and employer, once each."""
    facts, seen = [], set()
    for person in found.people:
        org = person.works_for
        key = (person.name, org.id or org.written if org else None)
        if key in seen:
            continue
        seen.add(key)
        fact = M.PersonFact(name=person.name, role=person.role, works_for=(org.id or org.written) if org else None)
        facts.append(proposed(fact, person.line, person.confidence or (0.75 if org and org.id else 0.7)))
    return facts


def organisation_facts(found: Found, facts: list[dict], events: list[Event] = ()) -> list[dict]:
    """New organisations once each; known ones that no other fact names, as mentions."""
    named = {str(v) for f in facts for v in referenced(f)}
    result, seen = [], set()
    parties = [p for agreement in found.agreements for p in agreement[1]]
    parties += [OrgRef(None, o.org.written, o.org.country, o.line, 0.7, guess_kind(o.org.written))
                for e in events for o in e.organisers if o.org.id is None]
    for org in found.mentions + [o for _, o, _ in found.attendances] + [o for pair in found.memberships for o in pair] \
            + parties:
        key = org.id or (normalise(org.written), org.country)
        if key in seen or (org.id and org.id in named) or not_organisation(org):
            continue
        seen.add(key)
        if org.id:
            result.append(proposed(M.OrganisationFact(name=org.id, written=org.written), org.line, org.confidence))
        else:
            result.append(proposed(M.OrganisationFact(name=org.written, kind=org.kind, country=org.country, new=True,
                                                      id=slug(org.written)), org.line, org.confidence,
                                   keep=("country",)))
    return result


def not_organisation(org: OrgRef) -> bool:
    """A new name that is a meeting format, a bloc or a topic, never an organisation ("C2C", "EU")."""
    return org.id is None and bool(re.match(NOT_ORGANISATION, re.sub(r"^(?:the|le|la|les|l['’])\s*", "", org.written.strip(),
                                                                     flags=re.I)))


def referenced(fact: dict):
    for key in ("works_for", "member", "of") if fact.get("fact") == "person" else ("name", "member", "of"):
        if key in fact:
            yield fact[key]
    for item in (fact.get("organisers") or []) + (fact.get("parties") or []):
        yield item["name"]


def keep_confident(facts: list[dict], threshold: float) -> list[dict]:
    """Facts at or above the threshold, and no fact left pointing at an event that was dropped."""
    kept = [f for f in facts if f["confidence"] >= threshold]
    events = {f["id"] for f in kept if f["fact"] == "event"} | {f["event"] for f in kept if f["fact"] == "mention"}
    kept = [f for f in kept if f["fact"] != "attendance" or f["event"] in events]
    for fact in kept:
        for key in ("met_at", "signed_at"):
            if key in fact and fact[key] not in events:
                del fact[key]
    return kept


def write_facts(data: dict, out: Path) -> Path:
    """Write one facts file (out/<document id>.yaml) and return its path."""
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{data['document']['id']}.yaml"
    text = yaml.dump(data, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=110, default_flow_style=None)
    path.write_text("# Proposed by `medgraph extract`: review every fact, then `medgraph load`.\n" + text,
                    encoding="utf-8")
    return path


def review_rows(data: dict) -> list[tuple[str, str, float, int]]:
    """(fact, entities, confidence, line) for each proposed fact, the surest first (then by line),
    as the review table shows them: a reviewer reads down to where doubt starts."""
    rows = [(f["fact"], entities(f), f["confidence"], f["line"]) for f in data["facts"]]
    return sorted(rows, key=lambda row: (-row[2], row[3]))


def registry_entries(proposal: Proposal) -> list[dict]:
    """The new organisations a list of clusters names, as registry entries (registry.yaml's
    `organisations:` format: id, name, kind, country, sector, city, aliases) for a reviewer to add;
    then the short forms proposed as aliases of known entries (id, aliases, note), to merge into them."""
    entries, seen = [], set()
    for org, item in proposal.found.registry:
        if slug(org.written) in seen:
            continue
        seen.add(slug(org.written))
        entry = M.OrganisationEntry(id=slug(org.written), name=org.written, kind=org.kind, country=org.country,
                                    sector=item.sector, city=item.city, aliases=list(item.aliases) or None)
        entries.append(M.as_data(entry))
    for known_id, alias, line in proposal.found.aliases:
        if (known_id, alias) not in seen:
            seen.add((known_id, alias))
            entries.append(M.as_data(M.OrganisationEntry(
                id=known_id, aliases=[alias], note=f"alias proposed for review (line {line}): add it to this entry")))
    return entries


def write_registry(entries: list[dict], doc_id: str, out: Path) -> Path:
    """Write the proposed registry entries of one document (out/registry/<document id>.yaml): a
    folder of its own, so that `medgraph load out/` does not read them as a document."""
    folder = out / "registry"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{doc_id}.yaml"
    text = yaml.dump({"organisations": entries}, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=110)
    path.write_text("# Proposed by `medgraph extract` from a list of clusters (new entries) and from short forms (aliases of\n"
                    "# known entries): review, then add them to registry.yaml.\n"
                    + text, encoding="utf-8")
    return path


def entities(fact: dict) -> str:
    kind = fact["fact"]
    if kind == "event":
        when = f"{fact['start']}..{fact['end']}" if fact.get("start") else "undated"
        return f"{fact['id']} ({fact['kind']}, {when}, {fact.get('city') or fact.get('country') or '?'}, {fact['status']})"
    if kind == "attendance":
        return f"{fact['name']} -> {fact['event']} ({fact['role']})"
    if kind == "membership":
        return f"{fact['member']} member of {fact['of']}"
    if kind == "mentoring":
        return f"{fact['mentor']} mentors {fact['mentee']}"
    if kind == "agreement":
        return f"{fact['kind']}: " + ", ".join(str(p["name"]) for p in fact["parties"])
    if kind == "mention":
        return f"{fact['event']} (an event the data already defines)"
    return f"{fact['name']}" + (f" (new {fact['kind']}, {fact.get('country') or '?'})" if fact.get("new") else "")
