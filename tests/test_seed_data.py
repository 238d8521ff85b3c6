"""The project's own curated data (data/) is valid, private and loads as the contract says.

These tests read the project's data files only, never the source documents themselves.
"""

import re

from medgraph.loaders.load import DEFAULT_DATA, load, read_rows


def test_the_curated_data_has_no_problem():
    rows = read_rows([DEFAULT_DATA])
    assert sum("Document" in n["labels"] for n in rows.nodes.values()) == len(list((DEFAULT_DATA / "documents").glob("*.yaml")))


def test_no_contact_data_is_kept():
    lines = [line for p in DEFAULT_DATA.rglob("*.yaml") for line in p.read_text().splitlines()]
    assert not [line for line in lines if re.search(r"[\w.-]+@[\w-]+\.\w+", line)]  # e-mail addresses
    assert not [line for line in lines if "sha256" not in line and re.search(r"\+?\d[\d ]{8,}\d", line)]  # phones
    assert not [line for line in lines if "http" in line]


def test_programme_events_held_and_announced(db, neo4j_settings):
    load(db, neo4j_settings.database, [DEFAULT_DATA])
    records, _, _ = db.execute_query(
        "MATCH (e:Event)-[:PART_OF]->(:Programme {id: 'cluster-booster-track'}) "
        "OPTIONAL MATCH (e)-[:HELD_IN]->(c:Country) "
        "RETURN e.status AS status, count(e) AS events, "
        "all(x IN collect(e.start IS NOT NULL AND c IS NOT NULL) WHERE x) AS dated_and_placed",
        database_=neo4j_settings.database)
    assert {(r["status"], r["events"], r["dated_and_placed"]) for r in records} == {("held", 4, True), ("planned", 2, True)}


def test_every_attending_cluster_appears_once_under_its_canonical_name(db, neo4j_settings):
    load(db, neo4j_settings.database, [DEFAULT_DATA])
    records, _, _ = db.execute_query(
        "MATCH (o:Cluster)-[:ATTENDED]->(:Event) WITH o.name AS name, count(DISTINCT o) AS nodes "
        "RETURN count(*) AS names, sum(nodes) AS nodes", database_=neo4j_settings.database)
    assert records[0]["names"] == records[0]["nodes"]
