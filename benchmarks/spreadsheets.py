"""Reading and checking an attendee list as a CSV file beside the same facts in YAML.

    python benchmarks/spreadsheets.py --size L            # 1,000,000 attendee rows
    python benchmarks/spreadsheets.py --size M --profile  # and a pyinstrument profile of each read

Writes, from the synthetic data of a size (benchmarks/synthetic.py: its registry, its events and
their attendances), one attendee CSV (a row per attendance: organisation and country as an
analyst writes them, the event by its columns) and the same events and attendances as YAML
documents, then times `read_rows` (read, check and resolve everything, no database) on each,
and prints a table. No server needed.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

import measure as ms  # noqa: E402
import synthetic  # noqa: E402
from measure import Row  # noqa: E402
from run import table  # noqa: E402

from medgraph.loaders.load import read_rows  # noqa: E402

HEADER = ["organisation", "country", "role", "event", "event kind", "start", "end", "event country", "status"]
TARGET_SECONDS = 30.0  # issue 17: a million rows read and checked in under 30 s


def attendee_facts(size: str) -> tuple[dict, list[dict], list[dict]]:
    """The registry, the event facts and the attendance facts of a synthetic size, each
    attendance naming its organisation by name and country, as a spreadsheet would."""
    registry, documents = synthetic.generate(size)
    orgs = {o["id"]: o for o in registry["organisations"]}
    facts = [f for d in documents for f in d["facts"]]
    events = [f for f in facts if f["fact"] == "event"]
    attendances = [{**f, "name": orgs[f["name"]]["name"], "country": orgs[f["name"]]["country"]}
                   for f in facts if f["fact"] == "attendance"]
    return registry, events, attendances


def write_csv(path: Path, events: list[dict], attendances: list[dict]) -> Path:
    by_id = {e["id"]: e for e in events}
    with path.open("w", newline="", encoding="utf-8") as file:
        out = csv.writer(file)
        out.writerow(HEADER)
        for a in attendances:
            e = by_id[a["event"]]
            out.writerow([a["name"], a["country"], a["role"], e["name"], e["kind"], e["start"], e["end"],
                          e["country"], e["status"]])
    return path


def write_yaml(folder: Path, registry: dict, events: list[dict], attendances: list[dict]) -> Path:
    """The registry and the same facts as YAML documents, split as synthetic.py splits them."""
    (folder / "documents").mkdir(parents=True)
    dump = lambda data, path: path.write_text(  # noqa: E731
        yaml.dump(data, Dumper=synthetic.Dumper, sort_keys=False, allow_unicode=True), encoding="utf-8")
    dump(registry, folder / "registry.yaml")
    for doc in synthetic.documents(events + attendances):
        dump(doc, folder / "documents" / f"{doc['document']['id']}.yaml")
    return folder


def timed(label: str, size: str, paths: list[Path], items: int, profile: Path | None) -> Row:
    """read_rows on the paths: wall time (the table's seconds), this process's CPU time and the
    machine's load average (in the note: on a machine shared with other work, the wall time
    waits for the CPU too)."""
    cpu, load = time.process_time(), os.getloadavg()[0]
    if profile is None:
        m = ms.measure(read_rows, paths)
    else:
        from pyinstrument import Profiler

        with Profiler() as profiler:
            m = ms.measure(read_rows, paths)
        profile.write_text(profiler.output_text(unicode=True, show_all=False))
    rows = m.value
    cpu = time.process_time() - cpu
    note = (f"CPU {cpu:,.1f} s, load average {load:.1f} at the start; {len(rows.nodes):,} nodes, "
            f"{len(rows.relationships):,} relationships")
    return Row(size, "1 load", label, items, "attendee rows", m.seconds, items / m.seconds, "", m.py_peak_mib, None, note)


def run(size: str, work: Path, profile: bool = False, with_yaml: bool = True) -> list[Row]:
    """The CSV row (with the target met or not) and, `with_yaml`, the YAML row."""
    registry, events, attendances = attendee_facts(size)
    data = write_yaml(work / "yaml", registry, events if with_yaml else [], attendances if with_yaml else [])
    only_registry = work / "csv"
    only_registry.mkdir()
    (only_registry / "registry.yaml").write_bytes((data / "registry.yaml").read_bytes())
    sheet = write_csv(work / "attendees.csv", events, attendances)
    n = len(attendances)
    rows = [timed("read and check an attendee CSV (read_rows)", size, [only_registry, sheet], n,
                  Path(f"profile-csv-{size}.txt") if profile else None)]
    met = "met" if rows[0].seconds < TARGET_SECONDS * n / 1_000_000 else "not met"
    rows[0].ratio = f"target {TARGET_SECONDS:g} s per million rows: {met}"
    if with_yaml:
        rows.append(timed("read and check the same facts in YAML (read_rows)", size, [data], n,
                          Path(f"profile-yaml-{size}.txt") if profile else None))
        rows[0].ratio += f"; {rows[1].seconds / rows[0].seconds:.1f}× faster than YAML"
    return rows


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="L", choices=sorted(synthetic.SIZES))
    parser.add_argument("--profile", action="store_true", help="write a pyinstrument profile of each read "
                                                                   "(profile-csv-SIZE.txt, profile-yaml-SIZE.txt)")
    parser.add_argument("--no-yaml", action="store_true", help="time the CSV only")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="medgraph-sheets-") as work:
        print(table(run(args.size, Path(work), args.profile, not args.no_yaml)))


if __name__ == "__main__":
    main()
