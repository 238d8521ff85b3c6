"""Next meetings: Adamic–Adar on the tie network plus sector and cluster bonuses, spread out."""

import math

import networkx as nx
import pytest

from medgraph.graph.knowledge import example_graph
from medgraph.graph.recommend import COLUMNS, MAX_SHARE, next_meetings
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
    assert olive["reason"] == ("shares 2 partners (France Clusters, Technical Textile Cluster); "
                               "same sector (agri-food); an EU cluster in FR; has met 1 South-Med cluster")
    # qoot met no one: only the bonuses speak; France Clusters (a network, no sector) scores 0
    assert table[table["south_id"] == "qoot"][["eu_id", "score", "reason"]].values.tolist() == [
        ["agro", 0.75, "same sector (agri-food); an EU cluster in FR; has met 1 South-Med cluster"],
        ["solar", 0.25, "an EU cluster in ES; has met 2 South-Med clusters"]]
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


# --- spread out: no EU organisation proposed to most clusters while others fit ---------------------

def one_favourite(clusters=9, others=8):
    """Agri-food South-Med clusters that all share a partner with one agri-food EU cluster (the
    favourite), and other EU clusters, of no sector, with a weaker claim on each."""
    G = nx.Graph()
    org(G, "hub", "South-Med", kind="Company")
    org(G, "fav", "EU", sector="agri-food")
    G.add_edge("hub", "fav")
    for i in range(clusters):
        org(G, f"s{i}", "South-Med", sector="agri-food")
        G.add_edge(f"s{i}", "hub")
    for j in range(others):
        org(G, f"e{j}", "EU")
    return G


def proposed_to(table):
    """EU organisation -> how many clusters it is proposed to."""
    return table.groupby("eu_id")["south_id"].nunique().to_dict()


def test_no_eu_organisation_is_proposed_to_more_than_a_third_of_the_clusters_while_others_fit():
    G = one_favourite()

    spread, greedy = next_meetings(G), next_meetings(G, max_share=1)

    assert proposed_to(greedy)["fav"] == 9  # the best match of every cluster
    assert max(proposed_to(spread).values()) <= 9 * MAX_SHARE
    assert proposed_to(spread)["fav"] == 3
    # each cluster still gets three suggestions, best score first
    assert spread.groupby("south_id").size().tolist() == [3] * 9
    assert all(group["score"].is_monotonic_decreasing for _, group in spread.groupby("south_id"))


def test_the_favourite_is_proposed_beyond_the_cap_only_when_nothing_else_fits():
    G = one_favourite(clusters=6, others=0)  # no other EU organisation at all

    table = next_meetings(G)

    assert proposed_to(table) == {"fav": 6}


def test_the_clusters_with_the_best_claim_get_the_favourite_first():
    G = one_favourite(clusters=3, others=3)
    G.add_edge("s0", "x")  # a second, rarer partner in common with the favourite
    G.add_edge("x", "fav")
    G.nodes["x"].update(name="X", region="South-Med", kind="Company")

    table = next_meetings(G, top=1)

    assert table[table["eu_id"] == "fav"]["south_id"].tolist() == ["s0"]
