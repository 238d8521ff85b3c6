"""The project's own curated data (data/) is valid, private and loads as the contract says.

These tests read the project's data files only, never the source documents themselves.
"""

import fnmatch
import re
import tomllib
from importlib import resources
from pathlib import Path

from medgraph.loaders.load import DEFAULT_DATA, load, read_rows


def test_the_curated_data_has_no_problem():
    rows = read_rows([DEFAULT_DATA])
    assert sum("Document" in n["labels"] for n in rows.nodes.values()) == len(list((DEFAULT_DATA / "documents").glob("*.yaml")))


def test_the_default_data_is_found_through_the_package_medgraph_data():
    assert DEFAULT_DATA == Path(str(resources.files("medgraph.data")))
    assert (DEFAULT_DATA / "registry.yaml").is_file()


def test_every_data_file_ships_with_the_package():
    """A non-editable install copies only what pyproject's package data lists: every file of data/."""
    pyproject = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text())
    setuptools = pyproject["tool"]["setuptools"]
    assert setuptools["package-dir"]["medgraph.data"] == "data" and "medgraph.data" in setuptools["packages"]
    patterns = setuptools["package-data"]["medgraph.data"]
    files = [p.relative_to(DEFAULT_DATA).as_posix() for p in DEFAULT_DATA.rglob("*")
             if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".py"]
    assert files and [f for f in files if not any(fnmatch.fnmatch(f, pattern) for pattern in patterns)] == []


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
