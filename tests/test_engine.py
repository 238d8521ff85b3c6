"""Constraint and effective size on the compiled path give networkx's figures (graph/engine.py,
graph/products.py)."""

import math

import networkx as nx
import numpy as np
import pytest
import scipy.sparse as sp

from medgraph.errors import MedgraphError
from medgraph.graph import engine, products


def uneven_network(seed: int, nodes: int = 60, ties: int = 400) -> nx.Graph:
    """A random tie network with uneven weights, a pair apart and an isolated organisation."""
    G = nx.gnm_random_graph(nodes, ties, seed=seed)
    rng = np.random.default_rng(seed)
    for u, v in G.edges:
        G[u][v]["weight"] = float(rng.uniform(0.05, 5.0))
    G.add_edge("pair a", "pair b", weight=2.0)
    G.add_node("alone")
    return G


def assert_same(G: nx.Graph, measure: str, rel: float = 1e-9) -> None:
    N = engine.network(G)
    reference = getattr(nx, measure)(G, weight="weight")
    compiled = getattr(engine, measure)(N)
    for n, value in zip(N.ids, compiled):
        if math.isnan(reference[n]):
            assert math.isnan(value), n
        else:
            assert value == pytest.approx(reference[n], rel=rel), n


@pytest.mark.parametrize("measure", ["constraint", "effective_size"])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_constraint_and_effective_size_are_networkx_s_on_weighted_networks(measure, seed):
    assert_same(uneven_network(seed), measure)


@pytest.mark.parametrize("measure", ["constraint", "effective_size"])
def test_a_star_and_a_clique_give_networkx_s_figures(measure):
    G = nx.star_graph(6)
    G.add_edges_from(nx.complete_graph(range(10, 16)).edges, weight=3.0)
    nx.set_edge_attributes(G, {e: 1.0 for e in G.edges if "weight" not in G.edges[e]}, "weight")

    assert_same(G, measure)


@pytest.mark.parametrize("measure", ["constraint", "effective_size"])
def test_many_row_blocks_in_single_precision_stay_close_to_networkx(measure, monkeypatch):
    import functools

    monkeypatch.setattr(products, "DOUBLE_MAX", 10)  # float32 above 10 organisations
    monkeypatch.setattr(engine, "gram_at", functools.partial(products.gram_at, rows=7))

    assert_same(uneven_network(3, nodes=80, ties=900), measure, rel=1e-5)


@pytest.mark.parametrize("measure", ["constraint", "effective_size"])
def test_the_sparse_product_above_the_dense_size_gives_the_same_figures(measure, monkeypatch):
    monkeypatch.setattr(products, "DENSE_MAX", 5)

    assert_same(uneven_network(4), measure)


def test_gram_at_reads_the_product_on_the_mask_only():
    Y = sp.csr_matrix(np.array([[1.0, 0.0, 2.0], [0.0, 3.0, 1.0], [4.0, 1.0, 0.0]]))
    mask = sp.csr_matrix(np.array([[0, 1, 1], [1, 0, 0], [1, 0, 0]]))

    full = (Y @ Y.T).toarray()
    assert products.gram_at(Y, mask, rows=2).tolist() == [full[0, 1], full[0, 2], full[1, 0], full[2, 0]]


def test_gram_at_refuses_a_mask_that_is_not_symmetric():
    Y = sp.csr_matrix(np.eye(3))
    with pytest.raises(MedgraphError, match="not symmetric"):
        products.gram_at(Y, sp.csr_matrix(np.array([[0, 1, 0], [0, 0, 0], [0, 0, 0]])))
