"""The read-out: the loaded fixture graph comes back whole into NetworkX."""

import datetime as dt
import io
from pathlib import Path

import networkx as nx

from medgraph import progress
from medgraph.graph import readout
from medgraph.graph.knowledge import knowledge_graph
from medgraph.graph.readout import node_label, read_graph
from medgraph.loaders.load import load, read_rows

DATA = Path(__file__).parent / "fixtures" / "data"


def test_the_knowledge_graph_comes_back_with_types_dates_and_regions(db, neo4j_settings):
    load(db, neo4j_settings.database, [DATA])
    K = read_graph(db, neo4j_settings.database)
    assert K.nodes["c2tm"]["label"] == "Organisation" and K.nodes["c2tm"]["region"] == "South-Med"
    assert K.nodes["solartys"]["subregion"] == "EU-Mediterranean"
    assert K.nodes["visit-2018-barcelona"]["start"] == dt.date(2018, 11, 19)
    assert K.edges["solartys", "visit-2018-barcelona", "ATTENDED"]["role"] == "host"
    assert K.edges["esith", "c2tm", "MEMBER_OF"]["evidence"] == ["forum-2019:4"]
    assert sorted(K.nodes["c2tm"]["aliases"]) == ["C2TM", "Cluster des Textiles Techniques Marocains"]
    assert not any(key == "MENTIONS" for _, _, key in K.edges(keys=True))


def test_every_loaded_row_but_the_mentions_comes_back_as_it_was_written(db, neo4j_settings):
    rows = read_rows([DATA])
    load(db, neo4j_settings.database, [DATA])

    K = read_graph(db, neo4j_settings.database)

    written = [r for r in rows.relationship_rows() if r["type"] != "MENTIONS"]
    assert K.number_of_nodes() == len(rows.nodes) and K.number_of_edges() == len(written)
    for row in written:
        assert K.edges[row["start"], row["end"], row["type"]] == {
            **row["props"], "sources": row["sources"], "evidence": row["evidence"], "type": row["type"]}
    for node in rows.node_rows():
        assert {k: v for k, v in node["props"].items() if v is not None}.items() <= K.nodes[node["id"]].items()


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_a_long_step_shows_a_bar_with_count_and_rate_on_a_terminal_only(monkeypatch):
    monkeypatch.delenv("MEDGRAPH_PROGRESS", raising=False)
    terminal, pipe = Terminal(), io.StringIO()

    for stream in (terminal, pipe):
        with progress.bar("reading nodes", total=20_000, stream=stream) as advance:
            advance(10_000)
            advance(10_000)

    assert "reading nodes" in terminal.getvalue() and "20000/20000" in terminal.getvalue()
    assert pipe.getvalue() == ""


def test_the_bar_can_be_turned_off_on_a_terminal(monkeypatch):
    monkeypatch.setenv("MEDGRAPH_PROGRESS", "0")

    assert not progress.enabled(Terminal())


def test_the_read_out_streams_its_rows_with_a_bar_on_a_terminal(db, neo4j_settings, monkeypatch, capsys):
    load(db, neo4j_settings.database, [DATA])
    quiet = read_graph(db, neo4j_settings.database)
    monkeypatch.setattr(progress.sys, "stderr", Terminal())

    shown = read_graph(db, neo4j_settings.database)

    assert "reading relationships" in progress.sys.stderr.getvalue()
    assert sorted(shown.edges(keys=True)) == sorted(quiet.edges(keys=True))


INVENTED = """
CREATE (tn:Entity:Country {id: 'TN', name: 'Tunisia', region: 'South-Med', subregion: 'Maghreb'}),
       (olive:Entity:Organisation:Cluster {id: 'olive', name: 'Olive', kind: 'Cluster', country: 'TN',
                                           aliases: ['Olive Oil']}),
       (solar:Entity:Organisation:Company {id: 'solar', kind: 'Company'}),
       (amal:Entity:Person {id: 'amal', name: 'Amal'}), (jean:Entity:Person {id: 'jean', name: 'Jean'}),
       (forum:Entity:Event {id: 'forum', name: 'Forum', start: date('2019-09-13'), country: 'TN'}),
       (doc:Entity:Document {id: 'doc', title: 'Report', date: date('2020-01-02')}),
       (olive)-[:ATTENDED {role: 'delegate', sources: ['doc'], evidence: ['doc:3']}]->(forum),
       (olive)-[:ORGANISED {role: 'organiser', sources: ['doc'], evidence: ['doc:2']}]->(forum),
       (solar)-[:ATTENDED {role: 'host', sources: ['doc'], evidence: ['doc:4', 'doc:5']}]->(forum),
       (amal)-[:WORKS_FOR {role: 'manager'}]->(olive), (jean)-[:WORKS_FOR]->(solar),
       (jean)-[:MENTORS {met_at: 'forum', sources: ['doc'], evidence: ['doc:6']}]->(amal),
       (amal)-[:MENTORS {sources: ['doc'], evidence: ['doc:7']}]->(jean),
       (olive)-[:LOCATED_IN {sources: [], evidence: ['registry:1']}]->(tn),
       (doc)-[:MENTIONS {sources: ['doc'], evidence: ['doc:1']}]->(forum),
       (draft:Draft {id: 'draft'}), (olive)-[:MEMBER_OF]->(draft), (draft)-[:WORKS_FOR]->(solar)
"""


def read_row_by_row(db, database):
    """The reference read: one record per node and per relationship, as properties maps."""
    nodes, _, _ = db.execute_query("MATCH (n:Entity) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props",
                                   database_=database)
    edges, _, _ = db.execute_query("MATCH (a:Entity)-[r]->(b:Entity) WHERE type(r) <> 'MENTIONS' "
                                   "RETURN a.id AS a, type(r) AS kind, b.id AS b, properties(r) AS props",
                                   database_=database)
    native = lambda props: {k: v.to_native() if hasattr(v, "to_native") else v for k, v in props.items()}  # noqa: E731
    return knowledge_graph([(n["id"], node_label(n["labels"]), native(n["props"])) for n in nodes],
                           [(e["a"], e["kind"], e["b"], native(e["props"])) for e in edges])


def test_the_columnar_read_gives_the_graph_of_the_row_by_row_read(db, neo4j_settings, monkeypatch):
    db.execute_query(INVENTED, database_=neo4j_settings.database)
    monkeypatch.setattr(readout, "CHUNK", 2)  # several records per label and per type
    monkeypatch.setattr(readout, "SOURCES", 2)

    K = read_graph(db, neo4j_settings.database)

    reference = read_row_by_row(db, neo4j_settings.database)
    assert nx.utils.graphs_equal(K, reference) and dict(K.pred) == dict(reference.pred)
    assert K.nodes["solar"] == {"name": None, "id": "solar", "kind": "Company", "label": "Organisation"}
    assert K.nodes["doc"]["date"] == dt.date(2020, 1, 2) and K.nodes["olive"]["region"] == "South-Med"
    assert K.edges["jean", "solar", "WORKS_FOR"] == {"sources": [], "evidence": [], "type": "WORKS_FOR"}
    assert "met_at" not in K.edges["amal", "jean", "MENTORS"] and K.edges["jean", "amal", "MENTORS"]["met_at"] == "forum"
    assert set(K["olive"]["forum"]) == {"ATTENDED", "ORGANISED"} and not K.has_edge("doc", "forum")
    assert "draft" not in K  # not an Entity: neither it nor its relationships
