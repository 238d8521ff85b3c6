"""Exports for Gephi and spreadsheets keep every attribute, flattened to text where needed."""

from pathlib import Path

import networkx as nx

from medgraph.graph.export import export
from medgraph.graph.knowledge import example_graph
from medgraph.graph.ties import tie_graph, two_mode
from medgraph.loaders.load import load


def test_graphml_and_gexf_read_back_with_their_attributes(tmp_path):
    K = example_graph()
    T = tie_graph(K)
    written = export({"ties": T, "two_mode": two_mode(K)}, tmp_path, "graphml")
    assert [p.name for p in written] == ["ties.graphml", "two_mode.graphml"]
    back = nx.read_graphml(written[0])
    u, v = next(iter(T.edges()))
    assert back.number_of_edges() == T.number_of_edges()
    assert back.edges[u, v]["evidence"] == "; ".join(T.edges[u, v]["evidence"])
    assert nx.read_gexf(export({"ties": T}, tmp_path, "gexf")[0]).number_of_nodes() == T.number_of_nodes()


def test_csv_writes_a_node_and_an_edge_table(tmp_path):
    T = tie_graph(example_graph())
    nodes, edges = export({"ties": T}, tmp_path, "csv")
    assert nodes.read_text().splitlines()[0].startswith("id,") and len(nodes.read_text().splitlines()) == len(T) + 1
    assert edges.read_text().splitlines()[0].startswith("source,target,")


def test_the_export_command(db, neo4j_settings, tmp_path, medgraph_cli):
    load(db, neo4j_settings.database, [Path(__file__).parent / "fixtures" / "data"])
    assert medgraph_cli("export", "--format", "gexf", "--out", str(tmp_path)) == (
        0, f"{tmp_path / 'ties.gexf'}\n{tmp_path / 'two_mode.gexf'}\n", "")
    assert medgraph_cli("export", "--format", "xls") == (
        1, "", "Error: --format: expected one of graphml, gexf, csv, found 'xls'\n")
