"""The read-out: the loaded fixture graph comes back whole into NetworkX."""

import datetime as dt
import io
from pathlib import Path

from medgraph import progress
from medgraph.graph.readout import read_graph
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
