"""Programme-like data in the data/ format, seeded: the same size gives the same files.

Sizes: S (about the seed graph), M (5,000 organisations, 500 events, 20,000 attendances),
L (100,000 organisations, 50,000 events, 1,000,000 attendances). Event sizes are heavy-tailed:
most have 10–40 attendees, a few several hundred. Beside attendances: people working for
organisations, memberships, mentoring pairs and agreements. Every fact cites a line of a (virtual)
source document, as curated data does.

    python benchmarks/synthetic.py M out/synthetic-M     # writes registry.yaml + documents/
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import random
from dataclasses import dataclass
from pathlib import Path

import yaml

from medgraph.schema import DATE_PRECISIONS, DELEGATE, EVENT_KINDS, EVENT_STATUSES, HOST, SOUTH_MED_COUNTRIES

SOUTH = list(SOUTH_MED_COUNTRIES)
EU = ["FR", "ES", "IT", "BE", "DE", "GR", "PT", "NL", "SE", "AT"]  # ten of the schema's EU_COUNTRIES
KIND_WEIGHTS = {"Cluster": 6, "Company": 3, "Agency": 1, "School": 1, "Network": 1}  # schema kind -> weight
KINDS = [kind for kind, weight in KIND_WEIGHTS.items() for _ in range(weight)]
EVENT_KIND_SAMPLE = EVENT_KINDS[:5]  # benchmarking visit, techdays, international market mission, forum, workshop
DAY, HELD = DATE_PRECISIONS[0], EVENT_STATUSES[0]
FACTS_PER_DOCUMENT = 2000


@dataclass(frozen=True)
class Size:
    organisations: int
    events: int
    attendances: int

    @property
    def people(self) -> int:
        """A contact person for one organisation in ten (mentoring needs people)."""
        return max(4, self.organisations // 10)


SIZES = {"S": Size(120, 6, 120), "M": Size(5_000, 500, 20_000), "L": Size(100_000, 50_000, 1_000_000)}
# Of the organisations: one in ten is a member of a cluster; one in fifty mentors a person of
# another organisation, one in fifty signs an agreement with another.
MEMBERSHIP_SHARE, MENTORING_SHARE, AGREEMENT_SHARE = 10, 50, 50
Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def event_sizes(rng: random.Random, events: int, attendances: int) -> list[int]:
    """Heavy-tailed sizes summing to `attendances`: mostly 10–40, a few hundreds."""
    raw = [min(int(rng.paretovariate(1.6) * 10), 600) for _ in range(events)]
    scale = attendances / sum(raw)
    sizes = [max(2, round(r * scale)) for r in raw]
    extra = attendances - sum(sizes)
    if sizes[0] + extra >= 2:
        sizes[0] += extra
        return sizes
    # rounding up to 2 attendees added more than the first event can give back: take one
    # attendee at a time from the largest events
    for i in itertools.islice(itertools.cycle(sorted(range(events), key=lambda i: -sizes[i])), -extra):
        sizes[i] -= 1
    return sizes


def organisations(rng: random.Random, n: int) -> list[dict]:
    rows = []
    for i in range(n):
        country = rng.choice(SOUTH if i % 2 == 0 else EU)
        kind = rng.choice(KINDS)
        rows.append({"id": f"org-{i}", "name": f"Synthetic {kind} {i}", "kind": kind, "country": country,
                     "sector": rng.choice(["agri-food", "textile", "energy", "ict", "tourism"])})
    return rows


def people(rng: random.Random, n: int, orgs: list[dict]) -> list[dict]:
    return [{"id": f"person-{i}", "name": f"Synthetic Person {i}", "works_for": rng.choice(orgs)["id"]}
            for i in range(n)]


def facts(rng: random.Random, size: Size, orgs: list[dict], staff: list[dict]) -> list[dict]:
    start = dt.date(2017, 1, 1)
    out: list[dict] = [{"fact": "person", "name": p["id"], "works_for": p["works_for"], "role": "cluster manager"}
                       for p in staff]
    for e, k in enumerate(event_sizes(rng, size.events, size.attendances)):
        day = start + dt.timedelta(days=rng.randrange(4 * 365))
        out.append({"fact": "event", "id": f"event-{e}", "name": f"Synthetic event {e}",
                    "kind": rng.choice(EVENT_KIND_SAMPLE), "start": day, "end": day, "date_precision": DAY,
                    "country": rng.choice(SOUTH + EU), "status": HELD})
        for o in rng.sample(range(len(orgs)), min(k, len(orgs))):
            role = HOST if orgs[o]["country"] in EU and rng.random() < 0.1 else DELEGATE
            out.append({"fact": "attendance", "event": f"event-{e}", "name": orgs[o]["id"], "role": role})
    clusters = [o for o in orgs if o["kind"] == "Cluster"]
    for o in rng.sample(orgs, len(orgs) // MEMBERSHIP_SHARE):
        out.append({"fact": "membership", "member": o["id"], "of": rng.choice(clusters)["id"]})
    for _ in range(len(orgs) // MENTORING_SHARE):
        mentor, mentee = rng.sample(staff, 2)
        out.append({"fact": "mentoring", "mentor": mentor["id"], "mentee": mentee["id"],
                    "met_at": f"event-{rng.randrange(size.events)}"})
    for a in range(len(orgs) // AGREEMENT_SHARE):
        parties = [{"name": orgs[o]["id"]} for o in rng.sample(range(len(orgs)), 2)]
        out.append({"fact": "agreement", "id": f"agreement-{a}", "kind": "partnership agreement",
                    "date": start + dt.timedelta(days=rng.randrange(4 * 365)), "parties": parties,
                    "signed_at": f"event-{rng.randrange(size.events)}"})
    return out


def documents(all_facts: list[dict]) -> list[dict]:
    """Facts split into documents, each fact citing its own line."""
    docs = []
    for d in range(0, len(all_facts), FACTS_PER_DOCUMENT):
        chunk = [{**f, "line": i + 1} for i, f in enumerate(all_facts[d:d + FACTS_PER_DOCUMENT])]
        meta = {"id": f"synthetic-{d // FACTS_PER_DOCUMENT}", "file": f"synthetic-{d // FACTS_PER_DOCUMENT}.txt",
                "title": "Synthetic report", "date": dt.date(2021, 1, 1), "language": "en", "sha256": "0" * 64}
        docs.append({"document": meta, "facts": chunk})
    return docs


def generate(size: str, seed: int = 0) -> tuple[dict, list[dict]]:
    """(registry, documents) for a named size."""
    rng = random.Random(seed)
    spec = SIZES[size]
    orgs = organisations(rng, spec.organisations)
    staff = people(rng, spec.people, orgs)
    registry = {"organisations": orgs, "people": [{"id": p["id"], "name": p["name"]} for p in staff]}
    return registry, documents(facts(rng, spec, orgs, staff))


def write(size: str, out: Path, seed: int = 0) -> Path:
    registry, docs = generate(size, seed)
    (out / "documents").mkdir(parents=True, exist_ok=True)
    dump = lambda data, path: path.write_text(  # noqa: E731
        yaml.dump(data, Dumper=Dumper, sort_keys=False, allow_unicode=True), encoding="utf-8")
    dump(registry, out / "registry.yaml")
    for doc in docs:
        dump(doc, out / "documents" / f"{doc['document']['id']}.yaml")
    return out


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", choices=sorted(SIZES))
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    print(write(args.size, args.out, args.seed))
