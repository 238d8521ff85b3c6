"""Facts -> comparable items -> precision and recall: the scoring behind benchmarks/extraction.py.

Both sides, the proposed facts and the labelled ones, are reduced to the same items, names
resolved with the registry as `medgraph load` resolves them (see extraction.py for what each
fact type compares). An organisation labelled `new: true` is new whatever the resolver
would merge it with, and may list `aliases` (the other names the text gives it: an acronym, the
name in another language): a proposed name equal to one of them counts as that organisation.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from medgraph.loaders.countries import country_code
from medgraph.loaders.resolve import Unresolved, normalise

#: The fact types of the invented sets and the seeds, in the order their table prints them.
TYPES = ["mentions", "new organisations", "events", "dates", "attendances", "memberships", "mentoring", "agreements",
         "event places", "event status", "organisers"]
#: The fact types of the real documents: the issue's first (its names), then the others.
REAL_TYPES = ["document date", "known organisations", "new organisations", "events", "linked events",
              "attendances", "event dates exact", "memberships", "mentoring", "agreements", "event places",
              "event status", "organisers", "people", "people's work"]
#: A real-documents row -> the item set it reads, where the names differ.
REAL_SETS = {"known organisations": "mentions"}


@dataclass
class Items:
    """One document's facts as comparable items."""

    sets: dict[str, set] = field(default_factory=lambda: defaultdict(set))
    events: dict[str, dict] = field(default_factory=dict)
    lines: dict[int, set] = field(default_factory=lambda: defaultdict(set))  # line -> {(words, id or new:name)}
    aliases: dict[str, str] = field(default_factory=dict)  # normalised alias -> normalised name (labels)


@dataclass
class Score:
    tp: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    fp: dict[str, list] = field(default_factory=lambda: defaultdict(list))
    fn: dict[str, list] = field(default_factory=lambda: defaultdict(list))
    wrong_merges: list = field(default_factory=list)


# --- facts -> items ----------------------------------------------------------------------------


def org_key(known, name, country, items: Items, line: int, written: str | None = None) -> str:
    """A registry id, or "new:<normalised name>" (a new organisation is matched on its name alone:
    a text often names no country). Both are noted with the words that name them, by line."""
    code = country_code(str(country)) if country else None
    try:
        if normalise(str(name)) in items.aliases:  # a labelled new organisation: not the resolver's to merge
            raise Unresolved(str(name))
        found = known.organisations.resolve(str(name), code).id
    except Unresolved:
        new = items.aliases.get(normalise(str(name)), normalise(str(name)))
        items.sets["new organisations"].add(new)
        items.lines[line].add((normalise(str(written or name)), f"new:{new}"))
        return f"new:{new}"
    items.sets["mentions"].add(found)
    items.lines[line].add((normalise(str(written or name)), found))
    return found


def person_key(known, name: str) -> str:
    try:
        return known.people.resolve(str(name)).id
    except Unresolved:
        return normalise(str(name))


def to_items(known, facts: list[dict], aliases: dict[str, str] | None = None,
             known_events: dict[str, dict] | None = None) -> Items:
    """The items of a document's facts; `aliases` maps names to a labelled organisation's (see
    `label_aliases`); with `known_events` (id -> attributes of the events the data defines), a
    `mention` of one is an event of the document and a linked event (else mentions are not read)."""
    items = Items(aliases=dict(aliases or {}))
    for fact in facts:
        if fact.get("fact") == "mention":
            if known_events is not None:
                read_mention(known, fact, items, known_events)
            continue
        reader = READERS.get(fact.get("fact"))
        if reader:
            reader(known, fact, items)
    return items


def label_aliases(facts: list[dict]) -> dict[str, str]:
    """Normalised name or alias -> normalised name, of the organisations labelled `new: true`.

    >>> label_aliases([{"fact": "organisation", "name": "Federation of Egyptian Industries",
    ...                 "aliases": ["FEI"], "new": True}])
    {'egyptian federation industries': 'egyptian federation industries', 'fei': 'egyptian federation industries'}
    """
    names = {}
    for fact in facts:
        if fact.get("fact") == "organisation" and fact.get("new"):
            for name in [fact["name"], *(fact.get("aliases") or [])]:
                names[normalise(str(name))] = normalise(str(fact["name"]))
    return names


def read_event(known, fact, items):
    items.events[fact["id"]] = {"kind": fact.get("kind"), "start": fact.get("start"), "end": fact.get("end"),
                                "precision": fact.get("date_precision"), "line": fact.get("line"),
                                "status": fact.get("status"),
                                "country": country_code(str(fact["country"])) if fact.get("country") else None}
    read_organisers(known, fact["id"], fact, items)


def read_organisers(known, event_id, fact, items):
    for organiser in fact.get("organisers") or []:
        org = org_key(known, organiser["name"], organiser.get("country"), items, organiser.get("line", fact["line"]),
                      organiser.get("written"))
        items.sets["organisers"].add((event_id, org))


def read_mention(known, fact, items, known_events):
    """A mention of an event the data defines: a linked event, with that event's attributes."""
    event_id = fact.get("event")
    if not event_id:
        return
    items.sets["linked events"].add(event_id)
    defined = known_events.get(event_id, {})
    items.events[event_id] = {"kind": defined.get("kind"), "start": defined.get("start"),
                              "end": defined.get("end"), "precision": None, "line": fact.get("line"),
                              "status": None, "country": defined.get("country"), "known": True}
    read_organisers(known, event_id, fact, items)


def read_attendance(known, fact, items):
    if "person" not in fact:
        org = org_key(known, fact["name"], fact.get("country"), items, fact["line"], fact.get("written"))
        items.sets["attendances"].add((fact["event"], org))


def read_membership(known, fact, items):
    member = org_key(known, fact["member"], fact.get("member_country"), items, fact["line"], fact.get("member_written"))
    of = org_key(known, fact["of"], fact.get("of_country"), items, fact["line"], fact.get("of_written"))
    items.sets["memberships"].add((member, of))


def read_agreement(known, fact, items):
    parties = frozenset(org_key(known, p["name"], p.get("country"), items, fact["line"], p.get("written"))
                        for p in fact["parties"])
    items.sets["agreements"].add(parties)


def read_mentoring(known, fact, items):
    items.sets["mentoring"].add((person_key(known, fact["mentor"]), person_key(known, fact["mentee"])))


def read_person(known, fact, items):
    person = person_key(known, fact["name"])
    items.sets["people"].add(person)
    if fact.get("works_for"):
        org = org_key(known, fact["works_for"], fact.get("country"), items, fact["line"], fact.get("written"))
        items.sets["people's work"].add((person, org))


def read_named(field, country_field):
    def reader(known, fact, items):
        if fact.get(field):
            org_key(known, fact[field], fact.get(country_field), items, fact["line"], fact.get("written"))
    return reader


READERS = {"event": read_event, "attendance": read_attendance, "membership": read_membership,
           "agreement": read_agreement, "mentoring": read_mentoring, "organisation": read_named("name", "country"),
           "partnership": read_named("name", "country"), "person": read_person}


# --- matching and scoring ----------------------------------------------------------------------


def match_events(predicted: dict[str, dict], truth: dict[str, dict]) -> dict[str, str]:
    """Proposed event id -> true event id: the same known event; else same kind, overlapping dates
    (or both undated, same country)."""
    pairs = [(-1, 0, p, p) for p, pe in predicted.items() if pe.get("known") and truth.get(p, {}).get("known")]
    for p, pe in predicted.items():
        for t, te in truth.items():
            if pe["kind"] != te["kind"]:
                continue
            if pe["start"] and te["start"] and pe["start"] <= te["end"] and te["start"] <= pe["end"]:
                pairs.append(((pe["start"], pe["end"]) != (te["start"], te["end"]), pe["country"] != te["country"], p, t))
            elif not pe["start"] and not te["start"] and pe["country"] == te["country"]:
                pairs.append((2, 0, p, t))
    mapping, used = {}, set()
    for *_, p, t in sorted(pairs):
        if p not in mapping and t not in used:
            mapping[p] = t
            used.add(t)
    return mapping


def event_sets(predicted: Items, truth: Items, mapping: dict[str, str]) -> None:
    """The event-derived item sets of both sides, proposed events named by their true match."""
    to_true = lambda e: mapping.get(e, f"unmatched:{e}")  # noqa: E731
    predicted.sets["attendances"] = {(to_true(e), o) for e, o in predicted.sets["attendances"]}
    predicted.sets["organisers"] = {(to_true(e), o) for e, o in predicted.sets["organisers"]}
    predicted.sets["events"] = {to_true(e) for e in predicted.events}
    truth.sets["events"] = set(truth.events)
    for side, name in ((predicted, lambda e: mapping.get(e, e)), (truth, lambda e: e)):
        dated = {e: v for e, v in side.events.items() if v["start"]}
        side.sets["dates"] = {(name(e), date_of(v)) for e, v in dated.items()}
        side.sets["event dates exact"] = {(name(e), str(v["start"]), str(v["end"])) for e, v in dated.items()}
        for kind, attr in (("event places", "country"), ("event status", "status")):
            side.sets[kind] = {(name(e), v[attr]) for e, v in side.events.items() if v[attr]}


def score_document(name: str, predicted: Items, truth: Items, score: Score, types: list[str] = TYPES) -> None:
    event_sets(predicted, truth, match_events(predicted.events, truth.events))
    for kind in types:
        p, t = predicted.sets[REAL_SETS.get(kind, kind)], truth.sets[REAL_SETS.get(kind, kind)]
        score.tp[kind] += len(p & t)
        score.fp[kind] += [(name, x) for x in sorted(p - t, key=str)]
        score.fn[kind] += [(name, x) for x in sorted(t - p, key=str)]
    for line, named in predicted.lines.items():
        true_here = truth.lines.get(line, set())
        for words, org in named:
            if org.startswith("new:") or org in {o for _, o in true_here}:
                continue
            alike = [(overlap(words, w), o) for w, o in true_here if overlap(words, w) >= 0.5]
            if alike:
                score.wrong_merges.append((name, line, words, org, max(alike)[1]))


def score_date(name: str, predicted, truth, score: Score) -> None:
    """The document's own date: a wrong date is both a false positive and a miss."""
    if predicted and str(predicted) == str(truth):
        score.tp["document date"] += 1
        return
    if predicted:
        score.fp["document date"].append((name, str(predicted)))
    if truth:
        score.fn["document date"].append((name, str(truth)))


def overlap(a: str, b: str) -> float:
    """Share of the shorter normalised name's words found in the other: 1.0 for the same words.

    A proposed id is a wrong merge when the curated facts give the same words on the same line
    another id or a new organisation (and no curated fact of that line names the proposed id).

    >>> overlap("maroc numeric", "numeric"), overlap("agrinova", "qoot")
    (1.0, 0.0)
    """
    a_words, b_words = set(a.split()), set(b.split())
    return len(a_words & b_words) / min(len(a_words), len(b_words)) if a_words and b_words else 0.0


def date_of(event: dict) -> tuple:
    return str(event["start"]), str(event["end"]), event["precision"]


# --- report ------------------------------------------------------------------------------------


def table(score: Score, types: list[str] = TYPES) -> str:
    width = max(18, *(len(kind) for kind in types))
    lines = [f"{'fact type':<{width}} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>9} {'recall':>7}"]
    for kind in types:
        tp, fp, fn = score.tp[kind], len(score.fp[kind]), len(score.fn[kind])
        precision = f"{tp / (tp + fp):.2f}" if tp + fp else "-"
        recall = f"{tp / (tp + fn):.2f}" if tp + fn else "-"
        lines.append(f"{kind:<{width}} {tp:>4} {fp:>4} {fn:>4} {precision:>9} {recall:>7}")
    lines.append(f"wrong merges: {len(score.wrong_merges)}")
    return "\n".join(lines)


def errors(score: Score, limit: int, types: list[str] = TYPES) -> str:
    lines = []
    for kind in types:
        for label, found in (("false positive", score.fp[kind]), ("missed", score.fn[kind])):
            for name, item in found[:limit]:
                lines.append(f"  {kind}, {label}: {name}: {item}")
    lines += [f"  wrong merge: {n}:{line}: {words!r} proposed as {org}, curated as {truth}"
              for n, line, words, org, truth in score.wrong_merges[:limit]]
    return "\n".join(lines)
