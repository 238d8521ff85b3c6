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
    monkeypatch.setattr(products, "gram_at", functools.partial(products.gram_at, rows=7))

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


def a_programme_of_forums(seed: int, forums: int = 12):
    """The example programme (with its mentoring and agreement links), 30 more organisations
    and `forums` forums, each attended by 9 of them drawn at random, one of them as its host."""
    import datetime as dt
    import random

    from medgraph.graph.knowledge import example_graph

    K, rng = example_graph(), random.Random(seed)
    for i in range(30):
        K.add_node(f"org-{i}", label="Organisation", name=f"Org {i:02}", kind="Cluster", country=rng.choice(["TN", "FR"]),
                   region=rng.choice(["South-Med", "EU"]), aliases=[], sector=None)
    orgs = sorted(n for n, d in K.nodes(data=True) if d["label"] == "Organisation")
    for f in range(forums):
        K.add_node(f"forum-{f}", label="Event", name=f"Forum {f}", status="held", start=dt.date(2019, 2, 1 + f),
                   end=dt.date(2019, 2, 1 + f), region="EU", country="FR")
        for i, org in enumerate(rng.sample(orgs, 9)):
            K.add_edge(org, f"forum-{f}", "ATTENDED", role="host" if i == 0 else "delegate", sources=[f"doc-{f}"],
                       evidence=[f"doc-{f}:{org}"])
    return K


@pytest.mark.parametrize("measure", ["constraint", "effective_size"])
@pytest.mark.parametrize("seed", [0, 1])
def test_through_the_events_of_the_tie_arrays_the_figures_are_networkx_s(measure, seed):
    from medgraph.graph.ties import tie_arrays, tie_graph

    K = a_programme_of_forums(seed)
    N, T = engine.network(tie_arrays(K)), tie_graph(K)
    reference = getattr(nx, measure)(T, weight="weight")

    assert N.incidence is not None and len(N.incidence[2]) > 0  # the example's explicit links
    for n, value in zip(N.ids, getattr(engine, measure)(N)):
        assert value == pytest.approx(reference[n], rel=1e-9) or math.isnan(value) and math.isnan(reference[n]), n


def test_through_events_is_the_product_at_the_ties_with_explicit_links_beside_the_events():
    rng = np.random.default_rng(5)
    B = sp.csr_matrix(rng.random((40, 6)) < 0.3, dtype=float)
    scale = rng.uniform(0.2, 1.0, 6)
    W = B @ sp.diags(scale) @ B.T
    W.setdiag(0)
    explicit = sp.csr_matrix(([1.0, 0.5, 0.5, 1.0], ([0, 3, 7, 9], [9, 7, 3, 0])), shape=(40, 40))
    W = sp.csr_matrix(W + explicit)
    W.eliminate_zeros()
    W.sort_indices()
    middle = np.asarray(W.sum(axis=1)).ravel()

    direct = (W @ sp.diags(np.divide(1.0, middle, out=np.zeros(40), where=middle != 0)) @ W).toarray()
    expected = direct[np.repeat(np.arange(40), np.diff(W.indptr)), W.indices]
    assert products.through_events(W, B, scale, middle, rows=7) == pytest.approx(expected, rel=1e-12)
