"""Hostile names stay data: unchanged in Neo4j, found by the queries, escaped on the map.

tests/fixtures/injection/ names organisations, an event and a programme with quotes, backticks,
braces, Cypher keywords, markup and right-to-left characters.
"""

from __future__ import annotations

import json
from pathlib import Path

from medgraph.graph.readout import read_graph
from medgraph.loaders.load import load, read_rows
from medgraph.stats import graph_checksum

INJECTION = Path(__file__).parent / "fixtures" / "injection"


def names_in(rows) -> dict[str, str]:
    return {n["id"]: n["props"]["name"] for n in rows.nodes.values() if n["props"].get("name")}


def test_hostile_names_reach_neo4j_unchanged_and_run_nothing(db, neo4j_settings):
    rows = read_rows([INJECTION])
    load(db, neo4j_settings.database, [INJECTION])
    records, _, _ = db.execute_query("MATCH (n) WHERE n.name IS NOT NULL RETURN n.id AS id, n.name AS name",
                                     database_=neo4j_settings.database)
    assert {r["id"]: r["name"] for r in records} == names_in(rows)
    databases, _, _ = db.execute_query("SHOW DATABASES YIELD name RETURN collect(name) AS names", database_="system")
    assert "neo4j" in databases[0]["names"]


def test_a_hostile_name_given_as_a_parameter_finds_its_organisation(db, neo4j_settings, medgraph_cli):
    load(db, neo4j_settings.database, [INJECTION])
    before = graph_checksum(db, neo4j_settings.database)
    organisations = {k: v for k, v in names_in(read_rows([INJECTION])).items()
                     if k in {"quotes", "backticks", "braces", "cypher", "markup", "rtl"}}
    for oid, name in organisations.items():
        code, out, err = medgraph_cli("query", "organisation_profile", "-p", f"name={name}", "--format", "json")
        assert (code, err) == (0, "")
        assert {row["id"] for row in json.loads(out)} == {oid}
    assert graph_checksum(db, neo4j_settings.database) == before


def test_hostile_names_read_back_into_networkx_unchanged(db, neo4j_settings):
    load(db, neo4j_settings.database, [INJECTION])
    K = read_graph(db, neo4j_settings.database)
    assert {n: K.nodes[n]["name"] for n in K if K.nodes[n].get("name")} == names_in(read_rows([INJECTION]))
