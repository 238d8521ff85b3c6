"""Communities, country-to-country ties and South–North shares."""

import networkx as nx
import pytest

from medgraph.errors import MedgraphError
from medgraph.graph.communities import communities, country_ties, south_north_shares
from medgraph.graph.knowledge import example_graph
from medgraph.graph.ties import tie_graph


def two_cliques():
    """Two weighted cliques of four joined by one weak tie, and one isolated node."""
    G = nx.Graph()
    for group in ("abcd", "efgh"):
        G.add_edges_from(((u, v) for u in group for v in group if u < v), weight=2.0)
    G.add_edge("d", "e", weight=0.5)
    G.add_node("z")
    nx.set_node_attributes(G, {n: n.upper() for n in G}, "name")
    return G


def test_louvain_finds_the_two_cliques_and_the_isolate():
    table = communities(two_cliques(), seed=0)

    assert list(table.columns) == ["id", "name", "community"]
    assert table.groupby("community")["id"].apply("".join).tolist() == ["abcd", "efgh", "z"]


def test_communities_are_the_same_on_two_runs_with_one_seed():
    T = tie_graph(example_graph())

    assert communities(T, seed=7).equals(communities(T, seed=7))


def test_communities_of_an_empty_graph():
    assert len(communities(nx.Graph())) == 0


def test_country_ties_count_and_weigh_ties_between_countries():
    T = tie_graph(example_graph())

    ties = country_ties(T).set_index("country")
    weights = country_ties(T, value="weight").set_index("country")

    assert list(ties.columns) == ["ES", "FR", "LB", "MA", "TN"]
    assert ties.loc["MA", "FR"] == ties.loc["FR", "MA"] == 2   # textile–fc, textile–agro
    assert ties.loc["MA", "MA"] == 1                           # esith–textile
    assert weights.loc["MA", "FR"] == 0.5 + 1.5
    assert ties.loc["LB"].sum() == 0


def test_organisations_without_a_country_come_last_as_unknown():
    G = nx.Graph([("a", "b")])
    G.nodes["a"]["country"] = "TN"

    assert country_ties(G).values.tolist() == [["TN", 0, 1], ["unknown", 1, 0]]


def test_country_ties_refuses_an_unknown_value():
    with pytest.raises(MedgraphError, match="^country_ties: unknown value 'mean': one of ties, weight$"):
        country_ties(nx.Graph(), value="mean")


def test_south_north_shares_of_the_example():
    T = tie_graph(example_graph())

    # 8 ties: olive–textile and esith–textile South–South; agro–fc EU–EU; 5 South–EU
    assert south_north_shares(T) == {"south_south": 0.25, "south_north": 0.625, "other": 0.125}
    assert south_north_shares(T, weight="weight") == pytest.approx(
        {"south_south": 1.5 / 6.0, "south_north": 4.0 / 6.0, "other": 0.5 / 6.0})


def test_south_north_shares_without_ties_are_zero():
    assert south_north_shares(nx.Graph()) == {"south_south": 0.0, "south_north": 0.0, "other": 0.0}


def test_the_compiled_path_finds_the_same_communities():
    G = two_cliques()

    assert communities(G, seed=0, engine="compiled").equals(communities(G, seed=0, engine="networkx"))


def test_the_compiled_path_is_the_same_on_two_runs_with_one_seed():
    G = nx.relabel_nodes(nx.planted_partition_graph(4, 25, 0.5, 0.02, seed=2), lambda n: f"o{n:03d}")

    assert communities(G, seed=3, engine="compiled").equals(communities(G, seed=3, engine="compiled"))
