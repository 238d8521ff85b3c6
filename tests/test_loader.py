"""Loading data files: checked and resolved without Neo4j, then written to the real one."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from medgraph.cypher import read_cypher
from medgraph.errors import DataError, MedgraphError
from medgraph.graph.readout import read_graph
from medgraph.loaders import write as writer
from medgraph.loaders.load import load, read_rows
from medgraph.loaders.write import merge_statement
from medgraph.schema import RELATIONSHIP_TYPES
from medgraph.stats import graph_checksum

FIXTURES = Path(__file__).parent / "fixtures"
DATA = FIXTURES / "data"


def frozen(value):
    """Lists and dicts as hashable tuples, so query results compare as sets."""
    if isinstance(value, list):
        return tuple(frozen(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, frozen(v)) for k, v in value.items()))
    return value


def rows_of(driver, database, cypher, **params):
    """The records of a query as a set of tuples."""
    records, _, _ = driver.execute_query(cypher, params, database_=database)
    return {tuple(frozen(v) for v in r.values()) for r in records}


# --- pure: checking and resolving ---------------------------------------------------------------

def test_every_attendance_resolves_to_its_canonical_id():
    rows = read_rows([DATA], FIXTURES / "sources")
    attended = {(r["start"], r["end"], r["props"]["role"]) for r in rows.relationship_rows() if r["type"] == "ATTENDED"}
    assert attended == {
        ("olive-nw", "visit-2018-barcelona", "delegate"), ("dates-tn", "visit-2018-barcelona", "delegate"),
        ("dates-ps", "visit-2018-barcelona", "delegate"), ("c2tm", "visit-2018-barcelona", "delegate"),
        ("solartys", "visit-2018-barcelona", "host"), ("c2tm", "forum-2019-lyon", "delegate"),
        ("esith", "forum-2019-lyon", "delegate"), ("jean-morel", "forum-2019-lyon", "delegate"),
    }


def test_a_tie_stated_twice_keeps_both_pieces_of_evidence():
    rows = read_rows([DATA])
    located = {(r["start"], r["end"]): r for r in rows.relationship_rows() if r["type"] == "LOCATED_IN"}
    assert located["olive-nw", "TN"]["evidence"] == ["forum-2019:6", "registry:3", "visit-2018:4"]
    assert located["olive-nw", "TN"]["sources"] == ["forum-2019", "visit-2018"]


def planted(tmp_path: Path, old: str, new: str) -> Path:
    """A copy of the fixture data with one text replaced in visit.yaml."""
    shutil.copytree(DATA, tmp_path / "data")
    visit = tmp_path / "data" / "documents" / "visit.yaml"
    assert old in visit.read_text()
    visit.write_text(visit.read_text().replace(old, new))
    return tmp_path / "data"


def test_every_problem_of_a_run_is_reported_on_its_own_line(tmp_path):
    data = planted(tmp_path, "name: C2TM, country: Morocco", "name: Borg Al Arab Innov., country: Egypt")
    visit = data / "documents" / "visit.yaml"
    visit.write_text(visit.read_text().replace("end: 2018-11-23", "end: 2018-11-02")
                     .replace("country: Palestine", "country: Atlantis"))
    with pytest.raises(DataError) as error:
        read_rows([data])
    assert str(error.value).splitlines() == [
        f"{visit}:3: facts[0].end: 2018-11-02 is before the start 2018-11-19",
        f"{visit}:20: facts[3].country: unknown country 'Atlantis'",
        f"{visit}:21: facts[4].name: unknown name 'Borg Al Arab Innov.' (closest: 'North West Olive Oil Cluster' "
        "(TN, 32), 'Agency for Business Competitiveness' (ES, 29), 'Solar Energy Cluster' (ES, 27))",
    ]


def with_person_aliases(tmp_path: Path, aliases: str) -> Path:
    """A copy of the fixture data where Amal Haddad has aliases, and a note that names her by one."""
    data = planted(tmp_path, "name: Solartys, role: host", "name: Solartys, role: host")
    registry = data / "registry.yaml"
    registry.write_text(registry.read_text().replace("{id: amal-haddad, name: Amal Haddad}",
                                                     f"{{id: amal-haddad, name: Amal Haddad, aliases: {aliases}}}"))
    (data / "documents" / "note.yaml").write_text(textwrap.dedent("""\
        document: {id: note-2020, file: note.txt, title: A later note, date: 2020-01-10, language: en, sha256: "00"}
        facts:
          - {fact: attendance, event: forum-2019-lyon, person: Oum Karim, line: 2}
        """))
    return data


def test_a_person_is_found_by_an_alias_and_searchable_by_it(tmp_path):
    rows = read_rows([with_person_aliases(tmp_path, "[Oum Karim]")])

    attended = {(r["start"], r["end"]) for r in rows.relationship_rows()
                if r["type"] == "ATTENDED" and r["sources"] == ["note-2020"]}
    assert attended == {("amal-haddad", "forum-2019-lyon")}
    assert rows.nodes["amal-haddad"]["props"]["aliases"] == ["Oum Karim"]
    assert rows.nodes["amal-haddad"]["props"]["search_keys"] == ["amal haddad", "oum karim"]
    assert "aliases" not in rows.nodes["jean-morel"]["props"]


def test_without_the_alias_the_person_is_unknown(tmp_path):
    with pytest.raises(DataError, match=r"note.yaml:3: facts\[0\].person: unknown name 'Oum Karim'"):
        read_rows([with_person_aliases(tmp_path, "[]")])


def test_aliases_on_a_person_are_a_list_of_names(tmp_path):
    data = with_person_aliases(tmp_path, "Oum Karim")
    with pytest.raises(DataError, match=r"registry.yaml:13: people.aliases: expected a list of names, "
                                        r"found 'Oum Karim'$"):
        read_rows([data])


def test_invalid_yaml_names_its_line(tmp_path):
    data = planted(tmp_path, "role: host, line: 6}", "role: host, line: 6")
    with pytest.raises(DataError, match=r"visit.yaml:\d+: invalid YAML"):
        read_rows([data])


def test_a_cited_line_must_exist_in_the_source(tmp_path):
    data = planted(tmp_path, "role: host, line: 6}", "role: host, line: 60}")
    with pytest.raises(DataError, match=r"visit.yaml:22: facts\[5\].line: the source has only 7 lines"):
        read_rows([data], FIXTURES / "sources")


def test_a_changed_source_is_detected(tmp_path):
    sources = tmp_path / "sources"
    shutil.copytree(FIXTURES / "sources", sources)
    (sources / "visit.txt").write_text("another text\n")
    with pytest.raises(DataError, match=r"document.sha256: does not match"):
        read_rows([DATA], sources)


def test_texts_are_found_in_any_folder_and_a_missing_one_is_noted_not_refused(tmp_path):
    mine, shared = tmp_path / "mine", tmp_path / "shared"
    mine.mkdir(), shared.mkdir()
    shutil.copy(FIXTURES / "sources" / "visit.txt", shared)
    rows = read_rows([DATA], [mine, shared])
    assert rows.notes == [f"not verified: 1 document whose text (its `file`) is not in {mine} nor {shared}: "
                          "forum-2019 (forum.txt)"]
    shutil.copy(FIXTURES / "sources" / "forum.txt", mine)
    assert read_rows([DATA], [mine, shared]).notes == []


def test_a_text_at_hand_that_differs_is_still_an_error(tmp_path):
    (tmp_path / "forum.txt").write_text("my own copy, edited\n")
    with pytest.raises(DataError, match=r"forum.yaml:1: document.sha256: does not match .*forum.txt$"):
        read_rows([DATA], [tmp_path, FIXTURES / "sources"])


def test_the_cycle_collector_is_paused_while_the_rows_are_written_and_on_again_after(monkeypatch):
    import gc

    seen = []
    monkeypatch.setattr(writer, "write_all", lambda *args: seen.append(gc.isenabled()))

    writer.write(None, "neo4j", read_rows([DATA]))

    assert seen == [False] and gc.isenabled()


def test_every_relationship_type_has_its_merge_and_nothing_else_has_one():
    template = read_cypher("loaders", "merge_relationship")
    for type in RELATIONSHIP_TYPES:
        assert merge_statement(type) == template.replace("[r:TYPE]", f"[r:{type}]")
    with pytest.raises(MedgraphError, match=r"^no statement writes relationships of type 'ATTENDED\]->\(b\) //'"):
        merge_statement("ATTENDED]->(b) //")


# --- Neo4j: the real server -----------------------------------------------------------------

def test_load_builds_the_graph_contract(db, neo4j_settings):
    database = neo4j_settings.database
    load(db, database, [DATA])
    assert rows_of(db, database, "MATCH (o:Cluster)-[:LOCATED_IN]->(c:Country {region: 'South-Med'}) "
                                 "RETURN o.name, c.code") == {
        ("North West Olive Oil Cluster", "TN"), ("Dates & Palm Cluster", "TN"),
        ("Date and Palm Cluster", "PS"), ("Moroccan Technical Textile Cluster", "MA")}
    assert rows_of(db, database, "MATCH (e:Event {id: 'visit-2018-barcelona'})-[:HELD_IN]->(c) "
                                 "RETURN toString(e.start), toString(e.end), e.date_precision, e.city, c.code") == {
        ("2018-11-19", "2018-11-23", "day", "Barcelona", "ES")}
    assert rows_of(db, database, "MATCH (m)-[r:MEMBER_OF]->(c) RETURN m.id, c.id, r.evidence") == {
        ("esith", "c2tm", ("forum-2019:4",))}
    assert rows_of(db, database, "MATCH (p)-[:WORKS_FOR]->(o)<-[:WORKS_FOR]-(q)<-[:MENTORS]-(p2) WHERE p = p2 "
                                 "RETURN p.name, o.name") == set()
    assert rows_of(db, database, "MATCH (a)-[r:MENTORS]->(b), (a)-[:WORKS_FOR]->(x), (b)-[:WORKS_FOR]->(y) "
                                 "RETURN a.name, x.id, b.name, y.id, r.met_at") == {
        ("Jean Morel", "sun-coast", "Amal Haddad", "c2tm", "forum-2019-lyon")}
    assert rows_of(db, database, "MATCH (o)-[:PARTY_TO]->(a:Agreement)-[:SIGNED_AT]->(e) "
                                 "RETURN o.id, toString(a.date), e.id") == {
        ("france-clusters", "2019-09-13", "forum-2019-lyon"), ("olive-nw", "2019-09-13", "forum-2019-lyon")}
    assert rows_of(db, database, "MATCH (d:Document)-[r:MENTIONS]->(:Event {id: 'visit-2018-barcelona'}) "
                                 "RETURN d.id, r.evidence") == {
        ("visit-2018", ("visit-2018:3", "visit-2018:4", "visit-2018:5", "visit-2018:6")),
        ("forum-2019", ("forum-2019:1",))}


def test_loading_twice_leaves_the_same_graph(db, neo4j_settings):
    load(db, neo4j_settings.database, [DATA])
    first = graph_checksum(db, neo4j_settings.database)
    load(db, neo4j_settings.database, [DATA])
    assert graph_checksum(db, neo4j_settings.database) == first


@pytest.mark.parametrize("one_transaction_max", [1_000_000, 0])  # one transaction; a commit per batch
def test_a_first_load_that_fails_half_way_leaves_the_database_empty(db, neo4j_settings, monkeypatch,
                                                                    one_transaction_max):
    monkeypatch.setattr(writer, "ONE_TRANSACTION_MAX", one_transaction_max)
    rows = read_rows([DATA])
    rows.relate("ZZ_NOT_A_TYPE", "c2tm", "esith", "registry:1")  # written last: its type sorts last

    with pytest.raises(MedgraphError, match="no statement writes relationships of type 'ZZ_NOT_A_TYPE'"):
        writer.write(db, neo4j_settings.database, rows, batch_size=10)  # the nodes and most ties written by then

    assert rows_of(db, neo4j_settings.database, "MATCH (n) RETURN count(n)") == {(0,)}


def test_a_large_first_load_committed_batch_by_batch_makes_the_graph_one_transaction_makes(
        db, neo4j_settings, monkeypatch):
    load(db, neo4j_settings.database, [DATA])
    whole = graph_checksum(db, neo4j_settings.database)
    db.execute_query(read_cypher("medgraph", "wipe"), database_=neo4j_settings.database)
    monkeypatch.setattr(writer, "ONE_TRANSACTION_MAX", 0)

    writer.write(db, neo4j_settings.database, read_rows([DATA]), batch_size=10)

    assert graph_checksum(db, neo4j_settings.database) == whole


KILLED_MID_LOAD = """
import os, sys
from pathlib import Path
from neo4j import GraphDatabase
from medgraph.loaders import write as writer
from medgraph.loaders.load import read_rows

uri, user, password, database, data = sys.argv[1:]
writer.ONE_TRANSACTION_MAX = 0  # a large first load: a transaction per batch
written = writer.statements

def statements(*args, **kwargs):
    for i, item in enumerate(written(*args, **kwargs)):
        if i == 3:
            os._exit(9)  # killed: no clean-up runs
        yield item

writer.statements = statements
writer.write(GraphDatabase.driver(uri, auth=(user, password)), database, read_rows([Path(data)]), batch_size=10)
"""


def test_a_large_first_load_killed_midway_is_refused_until_loaded_again_with_replace(db, neo4j_settings):
    s = neo4j_settings
    killed = subprocess.run([sys.executable, "-c", KILLED_MID_LOAD, s.uri, s.user, s.password, s.database, str(DATA)])
    assert killed.returncode == 9 and rows_of(db, s.database, "MATCH (n:Organisation) RETURN count(n) > 0") == {(True,)}

    with pytest.raises(MedgraphError, match=r"part of a first load begun at .* that did not finish: load again with --replace"):
        load(db, s.database, [DATA])
    with pytest.raises(MedgraphError, match="that did not finish"):
        read_graph(db, s.database)

    load(db, s.database, [DATA], replace=True)
    assert rows_of(db, s.database, "MATCH (m:UnfinishedLoad) RETURN count(m)") == {(0,)}
    assert read_graph(db, s.database).number_of_nodes() > 0


def note_data(tmp_path: Path, organisation: str) -> Path:
    """A second data set: the fixture registry and one note naming an organisation."""
    data = tmp_path / "note"
    (data / "documents").mkdir(parents=True)
    shutil.copy(DATA / "registry.yaml", data)
    (data / "documents" / "note.yaml").write_text(textwrap.dedent(f"""\
        document: {{id: note-2020, file: note.txt, title: A later note, date: 2020-01-10, language: en, sha256: "00"}}
        facts:
          - {{fact: organisation, name: {organisation}, line: 2}}
        """))
    return data


def test_a_second_data_set_adds_without_duplicating_shared_entities(db, neo4j_settings, tmp_path):
    database = neo4j_settings.database
    load(db, database, [DATA])
    load(db, database, [note_data(tmp_path, "North-West Olive Oil Cluster, country: Tunisia")])
    assert rows_of(db, database, "MATCH (o:Organisation) WHERE o.name CONTAINS 'Olive' RETURN count(o)") == {(1,)}
    assert rows_of(db, database, "MATCH (:Organisation {id: 'olive-nw'})-[r:LOCATED_IN]->() RETURN r.sources") == {
        (("forum-2019", "note-2020", "visit-2018"),)}  # in order, as when all are loaded together


def test_bad_data_changes_nothing_and_says_what_to_fix(db, neo4j_settings, tmp_path, medgraph_cli):
    load(db, neo4j_settings.database, [DATA])
    before = graph_checksum(db, neo4j_settings.database)
    data = planted(tmp_path, "name: C2TM, country: Morocco", "name: Nowhere Cluster, country: Morocco")
    visit = data / "documents" / "visit.yaml"
    visit.write_text(visit.read_text().replace("status: held", "status: maybe")
                     .replace("name: Solartys, role: host", "name: Solartys, role: guest"))
    code, out, err = medgraph_cli("load", str(data))
    assert code == 2 and out == ""
    assert err.splitlines() == [
        f"Error: {visit}:3: facts[0].status: 'maybe' is not one of held, planned",
        f"Error: {visit}:21: facts[4].name: unknown name 'Nowhere Cluster' (closest: 'North West Olive Oil Cluster' "
        "(TN, 37), 'Solar Energy Cluster' (ES, 32), 'France Clusters' (FR, 31))",
        f"Error: {visit}:22: facts[5].role: 'guest' is not one of delegate, host, speaker",
    ]
    assert graph_checksum(db, neo4j_settings.database) == before


def test_stats_prints_counts_and_the_judgement_calls(db, neo4j_settings, medgraph_cli):
    load(db, neo4j_settings.database, [DATA])
    code, out, _ = medgraph_cli("stats")
    assert code == 0
    assert "Organisation      9" in out and "ATTENDED              8" in out
    assert out.rstrip().endswith("Sun Coast Cluster (FR) ~ Solar Energy Cluster (ES): 0.40, "
                                 "invented: both solar, different countries")


def test_replace_loads_the_data_alone_in_place_of_what_was_there(db, neo4j_settings, tmp_path):
    database = neo4j_settings.database
    load(db, database, [DATA])
    alone = graph_checksum(db, database)
    load(db, database, [note_data(tmp_path, "Solartys")])
    added = load(db, database, [DATA])
    assert added.graph_nodes == added.nodes + 1  # the note's Document node stays
    replaced = load(db, database, [DATA], replace=True)
    assert replaced.graph_nodes == replaced.nodes
    assert graph_checksum(db, database) == alone


def test_load_says_when_the_database_holds_more_than_the_data(db, neo4j_settings, medgraph_cli, tmp_path):
    load(db, neo4j_settings.database, [note_data(tmp_path, "Solartys")])
    code, out, _ = medgraph_cli("load", str(DATA))
    assert code == 0
    assert out.splitlines()[1] == ("note: the database also holds 1 node from earlier loads, and the analysis "
                                   "covers them; --replace loads the data alone")
    code, out, _ = medgraph_cli("load", str(DATA), "--replace")
    assert code == 0 and len(out.splitlines()) == 1
