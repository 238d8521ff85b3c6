"""Reloads: a document (and the registry) owns what it states, so loading it again after an edit
leaves the graph `--replace` of the same files would build (docs/reliability.md, "Reloads")."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medgraph.loaders.load import load
from medgraph.stats import graph_checksum

ORGANISATIONS = [
    {"id": "olive", "name": "Olive Cluster", "kind": "Cluster", "country": "TN"},
    {"id": "dates", "name": "Dates Cluster", "kind": "Cluster", "country": "TN"},
    {"id": "textile", "name": "Textile Cluster", "kind": "Cluster", "country": "MA"},
    {"id": "school", "name": "Textile School", "kind": "School", "country": "MA"},
    {"id": "solar", "name": "Solar Cluster", "kind": "Cluster", "country": "ES"},
    {"id": "network", "name": "Cluster Network", "kind": "Network", "country": "FR"},
    {"id": "agency", "name": "Export Agency", "kind": "Agency", "country": "IT"},
]
IDS = [o["id"] for o in ORGANISATIONS]
NAMES = {o["id"]: o["name"] for o in ORGANISATIONS}
ROLES = ["delegate", "host", "speaker"]


def event(document: str, status: str = "held", month: int = 3) -> dict:
    start = dt.date(2019, month, 4)
    return {"fact": "event", "id": f"{document}-visit", "name": f"Visit of {document}", "kind": "benchmarking visit",
            "start": start, "end": start + dt.timedelta(days=3), "date_precision": "day",
            "country": "Spain", "status": status, "line": 2}


def initial() -> dict:
    """A registry of seven organisations and three documents, each with its event."""
    documents = {}
    for n, (doc, attendees) in enumerate((("visit-a", ["olive", "textile"]), ("visit-b", ["olive", "solar"]),
                                          ("visit-c", ["dates"])), start=1):
        documents[doc] = {"date": dt.date(2019, 4 * n, 1), "event": event(doc),
                          "attendances": {o: {"role": "delegate", "line": 3 + i} for i, o in enumerate(attendees)},
                          "memberships": {("school", "textile"): 9} if doc != "visit-c" else {}}
    return {"organisations": copy.deepcopy(ORGANISATIONS), "documents": documents}


def write(data: dict, root: Path) -> dict[str, Path]:
    """The data files: registry.yaml and one YAML file per document (one flow mapping a line, so
    removing an organisation moves the registry lines after it)."""
    (root / "documents").mkdir(parents=True, exist_ok=True)
    flow = {"default_flow_style": True, "sort_keys": False, "width": 1000}
    registry = "organisations:\n" + "".join(f"  - {yaml.safe_dump(o, **flow).strip()}\n" for o in data["organisations"])
    (root / "registry.yaml").write_text(registry)
    paths = {"registry": root / "registry.yaml"}
    for doc, content in data["documents"].items():
        facts = [content["event"]] if content["event"] else []
        facts += [{"fact": "attendance", "event": f"{doc}-visit", "name": NAMES[o], **a}
                  for o, a in content["attendances"].items()]
        facts += [{"fact": "membership", "member": NAMES[m], "of": NAMES[of], "line": line}
                  for (m, of), line in content["memberships"].items()]
        header = {"id": doc, "file": f"{doc}.txt", "title": f"Report {doc}", "date": content["date"],
                  "language": "en", "sha256": "00"}
        text = f"document: {yaml.safe_dump(header, **flow).strip()}\nfacts:\n"
        text += "".join(f"  - {yaml.safe_dump(f, **flow).strip()}\n" for f in facts)
        paths[doc] = root / "documents" / f"{doc}.yaml"
        paths[doc].write_text(text)
    return paths


def referenced(data: dict) -> set[str]:
    return {o for d in data["documents"].values()
            for o in [*d["attendances"], *(x for pair in d["memberships"] for x in pair)]}


@st.composite
def edit(draw, data: dict) -> str:
    """Apply one random edit to `data`; return what owns it ("registry" or a document id)."""
    doc = draw(st.sampled_from(sorted(data["documents"])))
    content = data["documents"][doc]
    kind = draw(st.sampled_from(["remove attendance", "move line", "change role", "add attendance",
                                 "add membership", "remove membership", "event status", "event dates",
                                 "drop event", "remove organisation", "change organisation", "add organisation"]))
    if kind in ("remove organisation", "change organisation", "add organisation"):
        organisations = data["organisations"]
        unused = [o for o in organisations if o["id"] not in referenced(data)]
        if kind == "remove organisation" and unused:
            organisations.remove(draw(st.sampled_from(unused)))
        elif kind == "change organisation":
            org = draw(st.sampled_from(organisations))
            org["kind"] = draw(st.sampled_from(["Cluster", "School", "Company"]))
            org["country"] = draw(st.sampled_from(["TN", "MA", "ES", "FR"]))
        else:
            missing = [o for o in ORGANISATIONS if o not in organisations and o["id"] not in
                       {x["id"] for x in organisations}]
            if missing:
                organisations.insert(draw(st.integers(0, len(organisations))), copy.deepcopy(missing[0]))
        return "registry"
    known = [o["id"] for o in data["organisations"]]
    if kind == "drop event":
        content["event"] = None if content["event"] else event(doc)
        content["attendances"] = {}
    elif kind in ("event status", "event dates") and content["event"]:
        fresh = event(doc, draw(st.sampled_from(["held", "planned"])), draw(st.integers(1, 12)))
        content["event"] = {**content["event"], **({"status": fresh["status"]} if kind == "event status" else
                                                   {"start": fresh["start"], "end": fresh["end"]})}
    elif kind == "add attendance" and content["event"]:
        content["attendances"][draw(st.sampled_from(known))] = {"role": draw(st.sampled_from(ROLES)),
                                                                "line": draw(st.integers(3, 30))}
    elif kind == "add membership":
        member, of = draw(st.sampled_from(known)), draw(st.sampled_from(known))
        if member != of:
            content["memberships"][(member, of)] = draw(st.integers(3, 30))
    elif content["attendances"] and kind in ("remove attendance", "move line", "change role"):
        attendee = draw(st.sampled_from(sorted(content["attendances"])))
        if kind == "remove attendance":
            del content["attendances"][attendee]
        else:
            field, values = ("line", st.integers(3, 30)) if kind == "move line" else ("role", st.sampled_from(ROLES))
            content["attendances"][attendee][field] = draw(values)
    elif kind == "remove membership" and content["memberships"]:
        del content["memberships"][draw(st.sampled_from(sorted(content["memberships"])))]
    return doc


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_reloads_after_random_edits_leave_the_graph_replace_would_build(db, neo4j_settings, tmp_path_factory, data):
    database, root = neo4j_settings.database, tmp_path_factory.mktemp("reload")
    files = initial()
    load(db, database, list(write(files, root).values()), replace=True)
    for _ in range(data.draw(st.integers(1, 6), label="edits")):
        owner = data.draw(edit(files))
        paths = write(files, root)
        whole = data.draw(st.booleans(), label="reload every file")
        load(db, database, list(paths.values()) if whole else [paths["registry"]] + ([paths[owner]] * (owner != "registry")))
    reloaded = graph_checksum(db, database)
    load(db, database, list(write(files, root).values()), replace=True)
    assert reloaded == graph_checksum(db, database)


def test_a_reload_drops_the_evidence_of_a_registry_line_that_moved(db, neo4j_settings, tmp_path):
    database, files = neo4j_settings.database, initial()
    load(db, database, list(write(files, tmp_path).values()))
    del files["organisations"][1]  # "dates" is cited: the documents lose it first
    files["documents"]["visit-c"]["attendances"] = {}
    load(db, database, list(write(files, tmp_path).values()))
    records, _, _ = db.execute_query("MATCH (o:Organisation)-[r:LOCATED_IN]->(c) RETURN o.id AS id, r.evidence AS evidence",
                                     database_=database)
    assert {r["id"]: r["evidence"] for r in records} == {
        "olive": ["registry:2"], "textile": ["registry:3"], "school": ["registry:4"], "solar": ["registry:5"],
        "network": ["registry:6"], "agency": ["registry:7"]}


def test_reloading_one_document_leaves_the_others_statements(db, neo4j_settings, tmp_path):
    database, files = neo4j_settings.database, initial()
    paths = write(files, tmp_path)
    load(db, database, list(paths.values()))
    files["documents"]["visit-a"]["memberships"] = {}
    files["documents"]["visit-a"]["attendances"].pop("olive")
    paths = write(files, tmp_path)
    load(db, database, [paths["registry"], paths["visit-a"]])
    records, _, _ = db.execute_query(
        "MATCH (a)-[r:MEMBER_OF|ATTENDED]->(b) RETURN a.id AS a, type(r) AS type, b.id AS b, r.evidence AS evidence",
        database_=database)
    assert sorted((r["a"], r["type"], r["b"], r["evidence"]) for r in records) == [
        ("dates", "ATTENDED", "visit-c-visit", ["visit-c:3"]),
        ("olive", "ATTENDED", "visit-b-visit", ["visit-b:3"]),
        ("school", "MEMBER_OF", "textile", ["visit-b:9"]),
        ("solar", "ATTENDED", "visit-b-visit", ["visit-b:4"]),
        ("textile", "ATTENDED", "visit-a-visit", ["visit-a:4"]),
    ]


def test_an_event_its_document_no_longer_states_disappears(db, neo4j_settings, tmp_path):
    database, files = neo4j_settings.database, initial()
    load(db, database, list(write(files, tmp_path).values()))
    files["documents"]["visit-c"].update(event=None, attendances={})
    load(db, database, list(write(files, tmp_path).values()))
    records, _, _ = db.execute_query("MATCH (e:Event) RETURN e.id AS id ORDER BY id", database_=database)
    assert [r["id"] for r in records] == ["visit-a-visit", "visit-b-visit"]
