"""Centralities on graphs small enough to know the answers: a star, two cliques and a bridge."""

import math

import networkx as nx
import pytest

from medgraph.graph.centrality import COLUMNS, centrality_table, eigenvector
from medgraph.graph.knowledge import example_graph
from medgraph.graph.ties import tie_graph


def named(G):
    nx.set_node_attributes(G, {n: f"n{n}" for n in G}, "name")
    nx.set_edge_attributes(G, 1.0, "weight")
    return G


def by_id(table, column):
    return dict(zip(table["id"], table[column]))


def test_the_hub_of_a_star_lies_on_every_path():
    table = centrality_table(named(nx.star_graph(4)))

    assert list(table.columns) == COLUMNS
    assert table["id"].tolist() == [0, 1, 2, 3, 4]
    assert by_id(table, "degree") == {0: 4, 1: 1, 2: 1, 3: 1, 4: 1}
    assert by_id(table, "betweenness") == {0: 1.0, 1: 0.0, 2: 0.0, 3: 0.0, 4: 0.0}
    # Burt: the hub's four contacts are unconnected, each constrains it (1/4)^2
    assert by_id(table, "constraint")[0] == pytest.approx(0.25)
    assert by_id(table, "effective_size") == {0: 4.0, 1: 1.0, 2: 1.0, 3: 1.0, 4: 1.0}
    assert by_id(table, "closeness")[0] == 1.0


def test_the_bridge_between_two_cliques_brokers_most_and_is_least_constrained():
    table = centrality_table(named(nx.barbell_graph(4, 0)))  # cliques 0–3 and 4–7, bridge 3–4

    ranked = table.sort_values("betweenness", ascending=False)["id"].tolist()
    assert set(ranked[:2]) == {3, 4}
    constraint = by_id(table, "constraint")
    assert max(constraint[3], constraint[4]) < min(c for n, c in constraint.items() if n not in (3, 4))


def test_a_strong_tie_is_a_short_one():
    G = nx.Graph()
    G.add_edge("a", "b", weight=1.0)
    G.add_edge("b", "c", weight=1.0)
    G.add_edge("a", "c", weight=0.1)  # distance 10: a and c are closer through b

    assert by_id(centrality_table(G), "betweenness") == {"a": 0.0, "b": 1.0, "c": 0.0}


def test_rows_are_sorted_by_degree_then_name():
    table = centrality_table(tie_graph(example_graph()))

    assert table["name"].tolist() == [
        "Technical Textile Cluster", "France Clusters", "Olive Oil Cluster", "Agri Sud Cluster",
        "Solar Energy Cluster", "ESITH", "QOOT Agri-Food Cluster"]
    assert table.iloc[0][["id", "country", "region", "kind", "degree"]].tolist() == [
        "textile", "MA", "South-Med", "Cluster", 5]
    assert by_id(table, "weighted_degree")["textile"] == 0.5 + 0.5 + 0.5 + 1.5 + 1.0


def test_an_isolated_node_scores_zero_and_has_no_ego_network():
    table = centrality_table(tie_graph(example_graph()))
    qoot = table[table["id"] == "qoot"].iloc[0]

    assert (qoot["degree"], qoot["betweenness"], qoot["eigenvector"], qoot["closeness"]) == (0, 0.0, 0.0, 0.0)
    assert math.isnan(qoot["constraint"]) and math.isnan(qoot["effective_size"])


def test_eigenvector_centrality_of_a_connected_graph_is_networkx_s():
    G = nx.karate_club_graph()

    assert eigenvector(G) == pytest.approx(nx.eigenvector_centrality(G, max_iter=1000, weight="weight"))


def test_eigenvector_centrality_is_scaled_per_component():
    G = nx.Graph([("a", "b"), ("c", "d"), ("d", "e")])
    G.add_node("f")

    scores = eigenvector(G)

    assert scores["a"] == pytest.approx(math.sqrt(0.5) * 2 / 6)
    assert scores["d"] == pytest.approx(math.sqrt(0.5) * 3 / 6)
    assert scores["c"] == pytest.approx(0.5 * 3 / 6)
    assert scores["f"] == 0.0


def test_eigenvector_falls_back_to_the_numpy_version_when_the_iteration_does_not_converge():
    G = nx.Graph([("a", "b"), ("b", "c"), ("c", "d"), ("x", "y")])

    assert eigenvector(G, max_iter=1) == pytest.approx(eigenvector(G))


def test_sampled_betweenness_is_the_same_for_the_same_seed():
    G = named(nx.connected_watts_strogatz_graph(40, 4, 0.2, seed=1))

    first, second = centrality_table(G, k=10, seed=3), centrality_table(G, k=10, seed=3)

    assert first.equals(second)
    assert centrality_table(G, k=40)["betweenness"].tolist() == centrality_table(G)["betweenness"].tolist()


def test_an_empty_graph_gives_an_empty_table():
    table = centrality_table(nx.Graph())

    assert list(table.columns) == COLUMNS and len(table) == 0


def test_two_runs_give_the_same_table():
    T = tie_graph(example_graph())

    assert centrality_table(T).equals(centrality_table(T))


def test_events_attended_counts_a_forum_and_its_mission_once():
    from medgraph.graph.centrality import events_attended, occasions_attended
    from medgraph.graph.knowledge import knowledge_graph
    from medgraph.graph.ties import tie_arrays, two_mode

    held = {"status": "held"}
    K = knowledge_graph(
        [("forum", "Event", held), ("mission", "Event", held), ("visit", "Event", held),
         ("a", "Organisation", {"name": "A"}), ("b", "Organisation", {"name": "B"}),
         ("ana", "Person", {"name": "Ana"})],
        [("mission", "PART_OF", "forum"), ("a", "ATTENDED", "mission", {"role": "delegate"}),
         ("ana", "WORKS_FOR", "a"), ("ana", "ATTENDED", "forum", {"role": "delegate"}),
         ("a", "ATTENDED", "visit", {"role": "delegate"}), ("b", "ATTENDED", "visit", {"role": "delegate"})])
    assert events_attended(K, two_mode(K)) == {"a": 2, "b": 1}
    assert occasions_attended(K, tie_arrays(K).graph["attendance"]) == {"a": 2, "b": 1}


# --- the compiled path (graph/engine.py) gives networkx's figures ----------------------------------

def weighted_example():
    """A small tie network with uneven weights, two components and an isolate."""
    G = nx.Graph()
    G.add_weighted_edges_from([(u, v, 1.0 + (u * 7 + v * 3) % 5) for u, v in nx.gnm_random_graph(40, 150, seed=3).edges])
    G.add_weighted_edges_from([(100, 101, 2.0), (101, 102, 0.5), (100, 102, 1.5), (102, 103, 1.0)])
    G.add_node(200)
    nx.set_node_attributes(G, {n: f"org {n:03d}" for n in G}, "name")
    return G


@pytest.mark.parametrize("column", ["degree", "weighted_degree", "betweenness", "eigenvector", "pagerank",
                                    "closeness", "constraint", "effective_size"])
def test_the_compiled_path_gives_networkx_s_figures_on_a_small_network(column):
    G = weighted_example()
    reference = by_id(centrality_table(G, engine="networkx"), column)
    compiled = by_id(centrality_table(G, engine="compiled"), column)

    assert compiled.keys() == reference.keys()
    for n, value in reference.items():
        assert compiled[n] == pytest.approx(value, rel=1e-5, abs=1e-7, nan_ok=True), n


def test_the_compiled_path_sorts_rows_as_networkx_does():
    G = weighted_example()

    assert centrality_table(G, engine="compiled")["id"].tolist() == centrality_table(G, engine="networkx")["id"].tolist()


def test_sampled_betweenness_on_the_compiled_path_estimates_the_exact_one():
    from medgraph.graph import engine

    G = weighted_example()
    N = engine.network(G)
    exact, sampled = engine.betweenness(N, k=0), engine.betweenness(N, k=30, seed=1)

    assert sampled.argmax() == exact.argmax()
    assert abs(sampled.sum() - exact.sum()) < 0.35 * exact.sum()


def test_sampled_closeness_estimates_the_exact_one():
    from medgraph.graph import engine

    N = engine.network(weighted_example())
    exact, sampled = engine.closeness(N), engine.closeness(N, sample=25, seed=1)

    assert sampled == pytest.approx(exact, rel=0.25)


def test_the_engine_is_chosen_by_size_and_named_in_the_methods():
    from medgraph.graph import engine

    small = nx.path_graph(4)

    assert not engine.compiled(small)
    assert engine.compiled(small, "compiled")
    assert engine.methods(4, 3, compiled_path=False)["betweenness"] == "exact, NetworkX"
    assert engine.methods(50_000, 10**6, compiled_path=True, degree_squares=1e12)["constraint"].startswith(
        "not computed")


def test_eigenvector_of_a_large_component_is_the_same_without_its_copy():
    import numpy as np
    import scipy.sparse as sp

    from medgraph.graph import engine
    from medgraph.graph.engine import _restricted

    G = nx.disjoint_union(nx.gnm_random_graph(80, 400, seed=4), nx.path_graph(5))
    N = engine.network(G)
    members = np.arange(80)
    x = np.random.default_rng(0).random(80)

    assert _restricted(N.W, members).matvec(x) == pytest.approx(N.W[members][:, members] @ x)
    assert _restricted(N.W, np.arange(85)) is N.W and not sp.issparse(_restricted(N.W, members))
