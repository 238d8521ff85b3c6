"""Programme-like data in the data/ format, seeded: the same size gives the same files.

Sizes: S (about the seed graph), M (5,000 organisations, 500 events, 20,000 attendances),
L (100,000 organisations, 50,000 events, 1,000,000 attendances). Event sizes are heavy-tailed:
most have 10–40 attendees, a few several hundred. Every fact cites a line of a (virtual)
source document, as curated data does.

    python benchmarks/synthetic.py M out/synthetic-M     # writes registry.yaml + documents/
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

import yaml

SOUTH = ["MA", "DZ", "TN", "EG", "LB", "PS", "JO"]
EU = ["FR", "ES", "IT", "BE", "DE", "GR", "PT", "NL", "SE", "AT"]
KINDS = ["Cluster"] * 6 + ["Company"] * 3 + ["Agency", "School", "Network"]
EVENT_KINDS = ["benchmarking visit", "techdays", "international market mission", "forum", "workshop"]
FACTS_PER_DOCUMENT = 2000


@dataclass(frozen=True)
class Size:
    organisations: int
    events: int
    attendances: int


SIZES = {"S": Size(120, 6, 120), "M": Size(5_000, 500, 20_000), "L": Size(100_000, 50_000, 1_000_000)}


def event_sizes(rng: random.Random, events: int, attendances: int) -> list[int]:
    """Heavy-tailed sizes summing to `attendances`: mostly 10–40, a few hundreds."""
    raw = [min(int(rng.paretovariate(1.6) * 10), 600) for _ in range(events)]
    scale = attendances / sum(raw)
    sizes = [max(2, round(r * scale)) for r in raw]
    sizes[0] += attendances - sum(sizes)
    return sizes


def organisations(rng: random.Random, n: int) -> list[dict]:
    rows = []
    for i in range(n):
        country = rng.choice(SOUTH if i % 2 == 0 else EU)
        kind = rng.choice(KINDS)
        rows.append({"id": f"org-{i}", "name": f"Synthetic {kind} {i}", "kind": kind, "country": country,
                     "sector": rng.choice(["agri-food", "textile", "energy", "ict", "tourism"])})
    return rows


def facts(rng: random.Random, size: Size, orgs: list[dict]) -> list[dict]:
    start = dt.date(2017, 1, 1)
    out: list[dict] = []
    for e, k in enumerate(event_sizes(rng, size.events, size.attendances)):
        day = start + dt.timedelta(days=rng.randrange(4 * 365))
        out.append({"fact": "event", "id": f"event-{e}", "name": f"Synthetic event {e}",
                    "kind": rng.choice(EVENT_KINDS), "start": day, "end": day, "date_precision": "day",
                    "country": rng.choice(SOUTH + EU), "status": "held"})
        for o in rng.sample(range(len(orgs)), min(k, len(orgs))):
            role = "host" if orgs[o]["country"] in EU and rng.random() < 0.1 else "delegate"
            out.append({"fact": "attendance", "event": f"event-{e}", "name": orgs[o]["id"], "role": role})
    clusters = [o for o in orgs if o["kind"] == "Cluster"]
    for o in rng.sample(orgs, len(orgs) // 10):
        out.append({"fact": "membership", "member": o["id"], "of": rng.choice(clusters)["id"]})
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
    return {"organisations": orgs}, documents(facts(rng, spec, orgs))


def write(size: str, out: Path, seed: int = 0) -> Path:
    registry, docs = generate(size, seed)
    (out / "documents").mkdir(parents=True, exist_ok=True)
    dump = lambda data, path: path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))  # noqa: E731
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
