"""Exports for Gephi and spreadsheets: names as labels, the analysis' figures as attributes, one
attribute per tie type, dates on Gephi's timeline; everything flattened to text where needed."""

import dataclasses
from pathlib import Path

import networkx as nx
import pandas as pd

from medgraph import schema
from medgraph.graph.export import export, gephi_graphs
from medgraph.graph.knowledge import example_graph
from medgraph.graph.report import analyse
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


def test_the_gexf_for_gephi_has_names_as_labels_and_the_analysis_as_attributes(tmp_path):
    analysis = analyse(example_graph())
    ties_file, two_mode_file = export(gephi_graphs(analysis), tmp_path, "gexf")
    back = nx.read_gexf(ties_file)
    assert back.graph["mode"] == "dynamic"                               # Gephi's timeline plays it
    K, T = analysis.K, analysis.T
    assert {n: d["label"] for n, d in back.nodes(data=True)} == {n: K.nodes[n]["name"] for n in T}
    centrality = analysis.tables["centrality"].set_index("id")
    community = analysis.tables["communities"].set_index("id")["community"]
    unmet = set(analysis.tables["not_met_eu"]["id"])
    for n, d in back.nodes(data=True):
        assert d["entity"] == "Organisation"
        assert d["betweenness"] == centrality.loc[n, "betweenness"] and d["degree"] == centrality.loc[n, "degree"]
        assert d["community"] == community[n]
        if schema.is_south_med_cluster(K.nodes[n]):
            assert d["met_level"] == ("none" if n in unmet else "peer")
    for u, v, d in back.edges(data=True):
        types = T.edges[u, v]["types"]
        assert {kind: d[f"type_{kind}"] for kind in schema.TIE_TYPES} == {k: types.get(k, 0.0) for k in schema.TIE_TYPES}
        first = T.edges[u, v]["first"]                  # undated ties (a membership) have no start
        assert d["main_type"] in types and d.get("start") == (first.isoformat() if first else None)
    olive = back.nodes["olive"]                     # first event attended: the Barcelona visit
    assert olive["start"] == "2018-11-19"
    events = nx.read_gexf(two_mode_file)
    assert events.nodes["forum-2019"]["label"] == "Forum de Lyon"
    assert (events.nodes["visit-2018"]["start"], events.nodes["visit-2018"]["end"]) == ("2018-11-19", "2018-11-23")


def test_a_network_analysed_as_arrays_exports_the_same_ties():
    small, large = (gephi_graphs(analyse(example_graph(), engine=engine))["ties"] for engine in ("networkx", "compiled"))
    assert dict(large.nodes(data="label")) == dict(small.nodes(data="label"))
    # implicit attendance evidence aside, each tie has the same types and weight
    assert {(min(u, v), max(u, v)): (d["weight"], d["main_type"]) for u, v, d in large.edges(data=True)} == {
        (min(u, v), max(u, v)): (d["weight"], d["main_type"]) for u, v, d in small.edges(data=True)}


def test_the_level_of_met_comes_from_the_analysis_table_when_it_has_one(tmp_path):
    analysis = analyse(example_graph())
    levels = pd.DataFrame([{"south_id": "qoot", "level": None, "uncertain": True},
                           {"south_id": "olive", "level": "organiser_or_host", "uncertain": False}])
    analysis = dataclasses.replace(analysis, tables={**analysis.tables, "met_levels": levels})
    back = nx.read_graphml(export(gephi_graphs(analysis), tmp_path, "graphml")[0])
    assert (back.nodes["qoot"]["met_level"], back.nodes["qoot"]["met_uncertain"]) == ("none", True)
    assert (back.nodes["olive"]["met_level"], back.nodes["olive"]["met_uncertain"]) == ("organiser_or_host", False)
    assert back.nodes["olive"]["label"] == "Olive Oil Cluster"


def test_csv_writes_a_node_and_an_edge_table(tmp_path):
    T = tie_graph(example_graph())
    nodes, edges = export({"ties": T}, tmp_path, "csv")
    assert nodes.read_text().splitlines()[0].startswith("id,") and len(nodes.read_text().splitlines()) == len(T) + 1
    assert edges.read_text().splitlines()[0].startswith("source,target,")


def test_the_export_command(db, neo4j_settings, tmp_path, medgraph_cli):
    load(db, neo4j_settings.database, [Path(__file__).parent / "fixtures" / "data"])
    assert medgraph_cli("export", "--format", "gexf", "--out", str(tmp_path)) == (
        0, f"{tmp_path / 'ties.gexf'}\n{tmp_path / 'two_mode.gexf'}\n", "")
    back = nx.read_gexf(tmp_path / "ties.gexf")
    assert back.nodes["c2tm"]["label"] == "Moroccan Technical Textile Cluster" and "betweenness" in back.nodes["c2tm"]
    assert medgraph_cli("export", "--format", "xls") == (
        1, "", "Error: --format: expected one of graphml, gexf, csv, found 'xls'\n")
