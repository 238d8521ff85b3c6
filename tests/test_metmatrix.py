"""Who from the South met whom from the EU, who met no one, and coverage by country."""

import datetime as dt

import networkx as nx
import pandas as pd

from medgraph.graph.knowledge import example_graph
from medgraph.graph.metmatrix import MET_COLUMNS, coverage_by_country, met_matrix, not_met_eu
from medgraph.graph.ties import tie_graph


def test_the_met_matrix_has_one_row_per_south_cluster_and_eu_partner():
    table = met_matrix(tie_graph(example_graph()))

    assert list(table.columns) == MET_COLUMNS
    assert table[["south_name", "eu_name", "how"]].values.tolist() == [
        ["Olive Oil Cluster", "France Clusters", "agreement"],
        ["Olive Oil Cluster", "Solar Energy Cluster", "visited"],
        ["Technical Textile Cluster", "Agri Sud Cluster", "co_attended, mentoring"],
        ["Technical Textile Cluster", "France Clusters", "co_attended"],
        ["Technical Textile Cluster", "Solar Energy Cluster", "visited"],
    ]
    assert table.iloc[2].to_dict() == {
        "south_id": "textile", "south_name": "Technical Textile Cluster", "south_country": "MA",
        "eu_id": "agro", "eu_name": "Agri Sud Cluster", "eu_country": "FR", "how": "co_attended, mentoring",
        "events": "forum-2019", "evidence": "doc-forum:3, doc-forum:4, doc-forum:5"}


def test_south_south_and_eu_eu_ties_are_not_in_the_met_matrix():
    table = met_matrix(tie_graph(example_graph()))

    assert "esith" not in set(table["south_id"])   # a school, not a cluster
    assert ("olive", "textile") not in set(zip(table["south_id"], table["eu_id"]))


def test_not_met_eu_includes_isolated_clusters():
    K = example_graph()

    table = not_met_eu(tie_graph(K), K)

    assert table.values.tolist() == [["qoot", "QOOT Agri-Food Cluster", "LB", 0, None]]


def test_not_met_eu_as_of_before_the_forum_and_what_they_attended():
    K = example_graph()

    table = not_met_eu(tie_graph(K, as_of=dt.date(2018, 1, 1)), K)

    assert table[["id", "ties"]].values.tolist() == [["qoot", 0], ["textile", 0], ["olive", 0]]
    assert pd.isna(table["attended"][0])  # its only event, the 2020 mission, is planned
    assert table["attended"][1:].tolist() == ["forum-2019, visit-2018", "visit-2018"]


def test_not_met_eu_without_the_knowledge_graph_and_on_an_empty_graph():
    assert list(not_met_eu(tie_graph(example_graph())).columns) == ["id", "name", "country", "ties"]
    assert not_met_eu(nx.Graph())["id"].tolist() == []


def test_coverage_by_country():
    T = tie_graph(example_graph(), as_of=dt.date(2019, 1, 1))

    assert coverage_by_country(T).values.tolist() == [["LB", 1, 0, 0.0], ["MA", 1, 1, 1.0], ["TN", 1, 1, 1.0]]
    assert coverage_by_country(nx.Graph()).values.tolist() == []
