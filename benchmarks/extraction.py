"""Precision and recall of `medgraph extract`, per fact type, on labelled documents.

The evaluation set (benchmarks/extraction_set/NN-*.txt|md|html, each with its
NN-*.expected.yaml in the data/ format; the rules were developed against it), a held-out set
written after the rules were frozen (benchmarks/extraction_holdout/), and, when the seed texts
are at hand, the five source documents against their curated facts (data/documents/*.yaml). Both sides are reduced to the
same comparable items, names resolved with the registry as `medgraph load` resolves them:

- mentions: the registry ids a document names (any fact); new organisations: names the
  registry does not know (normalised) with their country;
- events: a proposed event matches a true one of the same kind whose dates overlap (or, both
  undated, the same country); dates: a matched event with the same start, end and precision;
- attendances: (event, organisation id or new name), the event mapped through that matching
  (organisations only: a person's attendance is not scored);
  memberships: (member, of); mentoring: (mentor, mentee); agreements: the set of parties;
- and, beyond the issue's eight types: event places (country of a matched event), event status
  (held/planned) and organisers ((event, organisation), roles not compared).

    python benchmarks/extraction.py                       # both sets
    python benchmarks/extraction.py --no-seeds --errors 5 # the evaluation set only
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from medgraph.loaders.countries import country_code  # noqa: E402
from medgraph.loaders.extract.run import extract_source, read_known  # noqa: E402
from medgraph.loaders.extract.proposal import to_data  # noqa: E402
from medgraph.loaders.extract.source import read_source  # noqa: E402
from medgraph.loaders.readers.yaml_reader import parse_yaml, read_document  # noqa: E402
from medgraph.loaders.resolve import Unresolved, normalise  # noqa: E402

TYPES = ["mentions", "new organisations", "events", "dates", "attendances", "memberships", "mentoring", "agreements",
         "event places", "event status", "organisers"]


@dataclass
class Items:
    """One document's facts as comparable items."""

    sets: dict[str, set] = field(default_factory=lambda: defaultdict(set))
    events: dict[str, dict] = field(default_factory=dict)
    lines: dict[int, set] = field(default_factory=lambda: defaultdict(set))  # line -> {(words, org id)}


@dataclass
class Score:
    tp: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    fp: dict[str, list] = field(default_factory=lambda: defaultdict(list))
    fn: dict[str, list] = field(default_factory=lambda: defaultdict(list))
    wrong_merges: list = field(default_factory=list)


# --- facts -> items ----------------------------------------------------------------------------


def org_key(known, name, country, items: Items, line: int, written: str | None = None) -> str:
    """A registry id, or "new:<normalised name>" (a new organisation is matched on its name alone:
    a text often names no country). Ids are noted with the words that name them, by line."""
    code = country_code(str(country)) if country else None
    try:
        found = known.organisations.resolve(str(name), code).id
    except Unresolved:
        items.sets["new organisations"].add(normalise(str(name)))
        return f"new:{normalise(str(name))}"
    items.sets["mentions"].add(found)
    items.lines[line].add((normalise(str(written or name)), found))
    return found


def person_key(known, name: str) -> str:
    try:
        return known.people.resolve(str(name)).id
    except Unresolved:
        return normalise(str(name))


def to_items(known, facts: list[dict]) -> Items:
    items = Items()
    for fact in facts:
        reader = READERS.get(fact.get("fact"))
        if reader:
            reader(known, fact, items)
    return items


def read_event(known, fact, items):
    items.events[fact["id"]] = {"kind": fact.get("kind"), "start": fact.get("start"), "end": fact.get("end"),
                                "precision": fact.get("date_precision"), "line": fact.get("line"),
                                "status": fact.get("status"),
                                "country": country_code(str(fact["country"])) if fact.get("country") else None}
    for organiser in fact.get("organisers") or []:
        org = org_key(known, organiser["name"], organiser.get("country"), items, organiser.get("line", fact["line"]),
                      organiser.get("written"))
        items.sets["organisers"].add((fact["id"], org))


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


def read_named(field, country_field):
    def reader(known, fact, items):
        if fact.get(field):
            org_key(known, fact[field], fact.get(country_field), items, fact["line"], fact.get("written"))
    return reader


READERS = {"event": read_event, "attendance": read_attendance, "membership": read_membership,
           "agreement": read_agreement, "mentoring": read_mentoring, "organisation": read_named("name", "country"),
           "partnership": read_named("name", "country"), "person": read_named("works_for", "country")}


# --- matching and scoring ----------------------------------------------------------------------


def match_events(predicted: dict[str, dict], truth: dict[str, dict]) -> dict[str, str]:
    """Proposed event id -> true event id: same kind, overlapping dates (or both undated, same country)."""
    pairs = []
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


def score_document(name: str, predicted: Items, truth: Items, score: Score) -> None:
    mapping = match_events(predicted.events, truth.events)
    predicted.sets["attendances"] = {(mapping.get(e, f"unmatched:{e}"), o) for e, o in predicted.sets["attendances"]}
    predicted.sets["events"] = {mapping.get(e, f"unmatched:{e}") for e in predicted.events}
    truth.sets["events"] = set(truth.events)
    predicted.sets["dates"] = {(mapping.get(e, e), date_of(v)) for e, v in predicted.events.items() if v["start"]}
    truth.sets["dates"] = {(e, date_of(v)) for e, v in truth.events.items() if v["start"]}
    for kind, attr in (("event places", "country"), ("event status", "status")):
        predicted.sets[kind] = {(mapping.get(e, e), v[attr]) for e, v in predicted.events.items() if v[attr]}
        truth.sets[kind] = {(e, v[attr]) for e, v in truth.events.items() if v[attr]}
    predicted.sets["organisers"] = {(mapping.get(e, f"unmatched:{e}"), o) for e, o in predicted.sets["organisers"]}
    for kind in TYPES:
        p, t = predicted.sets[kind], truth.sets[kind]
        score.tp[kind] += len(p & t)
        score.fp[kind] += [(name, x) for x in sorted(p - t, key=str)]
        score.fn[kind] += [(name, x) for x in sorted(t - p, key=str)]
    for line, named in predicted.lines.items():
        true_here = truth.lines.get(line, set())
        for words, org in named:
            if org in {o for _, o in true_here}:
                continue
            alike = [(overlap(words, w), o) for w, o in true_here if overlap(words, w) >= 0.5]
            if alike:
                score.wrong_merges.append((name, line, words, org, max(alike)[1]))


def overlap(a: str, b: str) -> float:
    """Share of the shorter normalised name's words found in the other: 1.0 for the same words.

    A proposed id is a wrong merge when the curated facts give the same words on the same line
    another id (and no curated fact of that line names the proposed id)."""
    a_words, b_words = set(a.split()), set(b.split())
    return len(a_words & b_words) / min(len(a_words), len(b_words)) if a_words and b_words else 0.0


def date_of(event: dict) -> tuple:
    return str(event["start"]), str(event["end"]), event["precision"]


def proposed_items(known, text: Path) -> Items:
    return to_items(known, to_data(extract_source(read_source(text), known))["facts"])


def evaluation_set(known, folder: Path) -> tuple[Score, int]:
    score, count = Score(), 0
    for expected in sorted(folder.glob("*.expected.yaml")):
        stem = expected.name.replace(".expected.yaml", "")
        text = next(p for p in expected.parent.glob(f"{stem}.*") if p != expected)
        truth = parse_yaml(expected.read_text(encoding="utf-8"), str(expected)).get("facts") or []
        score_document(text.stem, proposed_items(known, text), to_items(known, truth), score)
        count += 1
    return score, count


def source_documents(known, seeds: Path, data: Path) -> tuple[Score, int]:
    score, count = Score(), 0
    for path in sorted((data / "documents").glob("*.yaml")):
        document = read_document(path)
        text = seeds / str(document.meta.get("file"))
        if text.is_file():
            score_document(document.id, proposed_items(known, text), to_items(known, document.facts), score)
            count += 1
    return score, count


# --- report ------------------------------------------------------------------------------------


def table(score: Score) -> str:
    lines = [f"{'fact type':<18} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>9} {'recall':>7}"]
    for kind in TYPES:
        tp, fp, fn = score.tp[kind], len(score.fp[kind]), len(score.fn[kind])
        precision = f"{tp / (tp + fp):.2f}" if tp + fp else "-"
        recall = f"{tp / (tp + fn):.2f}" if tp + fn else "-"
        lines.append(f"{kind:<18} {tp:>4} {fp:>4} {fn:>4} {precision:>9} {recall:>7}")
    lines.append(f"wrong merges: {len(score.wrong_merges)}")
    return "\n".join(lines)


def errors(score: Score, limit: int) -> str:
    lines = []
    for kind in TYPES:
        for label, found in (("false positive", score.fp[kind]), ("missed", score.fn[kind])):
            for name, item in found[:limit]:
                lines.append(f"  {kind}, {label}: {name}: {item}")
    lines += [f"  wrong merge: {n}:{line}: {words!r} proposed as {org}, curated as {truth}"
              for n, line, words, org, truth in score.wrong_merges[:limit]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, default=ROOT / "benchmarks" / "extraction_set")
    parser.add_argument("--holdout", default=str(ROOT / "benchmarks" / "extraction_holdout"),
                        help="documents written after the rules were frozen (none: --holdout '')")
    parser.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "seeds")
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    parser.add_argument("--no-seeds", action="store_true", help="the evaluation set only")
    parser.add_argument("--errors", type=int, default=0, help="show up to N errors of each kind")
    args = parser.parse_args(argv)
    known = read_known(args.data / "registry.yaml")
    runs = [("evaluation set", args.set, lambda: evaluation_set(known, args.set))]
    if args.holdout and Path(args.holdout).is_dir():
        runs.append(("held-out set", args.holdout, lambda: evaluation_set(known, Path(args.holdout))))
    if not args.no_seeds:
        runs.append(("source documents", args.seeds, lambda: source_documents(known, args.seeds, args.data)))
    for title, where, run in runs:
        score, count = run()
        print(f"== {title}: {count} documents ({where})")
        print(table(score))
        if args.errors:
            print(errors(score, args.errors))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
