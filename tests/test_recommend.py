"""Next meetings: Adamic–Adar on the tie network plus sector and cluster bonuses."""

import math

import networkx as nx
import pytest

from medgraph.graph.knowledge import example_graph
from medgraph.graph.recommend import COLUMNS, next_meetings
from medgraph.graph.ties import tie_graph


def org(G, n, region, kind="Cluster", sector=None):
    G.add_node(n, name=n.upper(), region=region, country="TN" if region == "South-Med" else "FR", kind=kind,
               sector=sector)


def test_the_example_recommendations_and_their_reasons():
    table = next_meetings(tie_graph(example_graph()))

    assert list(table.columns) == COLUMNS
    olive = table.iloc[0]
    # common partners textile (5 ties) and fc (3 ties); both agri-food; agro is a cluster
    assert (olive["south_id"], olive["rank"], olive["eu_id"]) == ("olive", 1, "agro")
    assert olive["score"] == pytest.approx(1 / math.log(5) + 1 / math.log(3) + 0.5 + 0.25, abs=1e-6)
    assert olive["reasons"] == ("common partners: France Clusters, Technical Textile Cluster; "
                                "same sector (agri-food); an EU cluster")
    # qoot met no one: only the bonuses speak; France Clusters (a network, no sector) scores 0
    assert table[table["south_id"] == "qoot"][["eu_id", "score", "reasons"]].values.tolist() == [
        ["agro", 0.75, "same sector (agri-food); an EU cluster"], ["solar", 0.25, "an EU cluster"]]
    assert "textile" not in set(table["south_id"])  # it has met every EU organisation


def test_equal_scores_are_ranked_by_name_and_top_cuts_the_list():
    G = nx.Graph()
    org(G, "s", "South-Med")
    for n in ("zeta", "alpha", "mid"):
        org(G, n, "EU")

    table = next_meetings(G, top=2)

    assert table[["rank", "eu_name", "score"]].values.tolist() == [[1, "ALPHA", 0.25], [2, "MID", 0.25]]


def test_a_partner_in_common_with_few_ties_counts_more():
    G = nx.Graph([("s", "hub"), ("hub", "e1"), ("hub", "x"), ("hub", "y"), ("s", "w"), ("w", "e2")])
    org(G, "s", "South-Med")
    for n in ("e1", "e2"):
        org(G, n, "EU", kind="Company")

    table = next_meetings(G)

    assert table["eu_id"].tolist() == ["e2", "e1"]
    assert table["score"].tolist() == [round(1 / math.log(2), 6), round(1 / math.log(4), 6)]


def test_the_same_recommendations_on_two_runs():
    T = tie_graph(example_graph())

    assert next_meetings(T).equals(next_meetings(T))
