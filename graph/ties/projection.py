"""One-mode projections of a bipartite graph, with sparse matrices, and the cap on their size.

B is the nodes × other-side incidence matrix and S = diag(1/(k-1)) for an other-side node of
degree k (``weighting="newman"``) or the identity (``"count"``); the weight of a pair is its
entry of B·S·Bᵀ. `typed_weights` splits the same product by the roles of the two ends
(delegate or host) into co_attended and visited weights.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx
import numpy as np
import scipy.sparse as sp

from medgraph.errors import MedgraphError
from medgraph.graph.ties.options import check_weighting

__all__ = ["MAX_PAIRS", "projection", "projected_weights", "typed_weights", "pair_incidences", "check_pairs", "event_scale"]

#: Refuse a tie network above this many pair incidences (module docs of `medgraph.graph.ties`).
MAX_PAIRS = 5_000_000


def projection(B: nx.Graph, nodes: Iterable, *, weighting: str = "newman", max_pairs: int = MAX_PAIRS) -> nx.Graph:
    """The one-mode projection of a bipartite graph onto `nodes`, with sparse matrices.

    With B the nodes × other-side incidence matrix and S = diag(1/(k-1)) for an other-side
    node of degree k (``weighting="newman"``) or the identity (``"count"``), the weight of a
    pair is its entry of B·S·Bᵀ. Equal to networkx's ``collaboration_weighted_projected_graph``
    and ``weighted_projected_graph``. Refuses above `max_pairs` pair incidences.

    Examples
    --------
    >>> B = nx.Graph([("a", "e1"), ("b", "e1"), ("c", "e1"), ("a", "e2"), ("b", "e2")])
    >>> P = projection(B, ["a", "b", "c"])
    >>> sorted(P.edges(data="weight"))
    [('a', 'b', 1.5), ('a', 'c', 0.5), ('b', 'c', 0.5)]
    >>> projection(B, ["a", "b", "c"], weighting="count")["a"]["b"]["weight"]
    2.0
    """
    P, rows = projected_weights(B, nodes, weighting=weighting, max_pairs=max_pairs)
    G = nx.Graph()
    G.add_nodes_from((n, B.nodes[n]) for n in rows)
    G.add_weighted_edges_from((rows[i], rows[j], w) for i, j, w in zip(P.row.tolist(), P.col.tolist(),
                                                                        P.data.tolist()) if w)
    return G


def projected_weights(B: nx.Graph, nodes: Iterable, *, weighting: str = "newman",
                      max_pairs: float = MAX_PAIRS) -> tuple[sp.coo_matrix, list]:
    """The weights of `projection` as the upper triangle of B·S·Bᵀ, and the sorted nodes that
    index its rows and columns (no NetworkX graph: for networks past what NetworkX holds).

    >>> B = nx.Graph([("a", "e1"), ("b", "e1"), ("c", "e1")])
    >>> P, rows = projected_weights(B, ["c", "b", "a"], weighting="count")
    >>> rows, P.toarray().tolist()
    (['a', 'b', 'c'], [[0.0, 1.0, 1.0], [0.0, 0.0, 1.0], [0.0, 0.0, 0.0]])
    """
    check_weighting(weighting)
    rows = sorted(nodes)
    pairs = [(n, m) for n in rows for m in B[n]]
    M = _incidence(pairs, rows, sorted({m for _, m in pairs}))
    check_pairs(M, max_pairs)
    return sp.triu(_co_occurrence(M, M, event_scale(M, weighting)), k=1).tocoo(), rows


def typed_weights(delegates: list[tuple], hosts: list[tuple], rows: list, cols: list,
                  weighting: str) -> dict[str, sp.coo_matrix]:
    """co_attended and visited weights of each pair i < j: the projection, split by roles.

    `delegates` and `hosts` are (row, col) pairs: who attended which event, on which side.
    With D and H their incidence matrices (B = D + H) and S the event scale,
    co_attended = D·S·Dᵀ + H·S·Hᵀ and visited = D·S·Hᵀ + H·S·Dᵀ: together B·S·Bᵀ.

    >>> w = typed_weights([("a", "e"), ("b", "e")], [("c", "e")], ["a", "b", "c"], ["e"], "count")
    >>> w["co_attended"].toarray().tolist()[0], w["visited"].toarray().tolist()[0]
    ([0.0, 1.0, 0.0], [0.0, 0.0, 1.0])
    """
    D, H = _incidence(delegates, rows, cols), _incidence(hosts, rows, cols)
    scale = event_scale(D + H, weighting)
    typed = {"co_attended": _co_occurrence(D, D, scale) + _co_occurrence(H, H, scale),
             "visited": _co_occurrence(D, H, scale) + _co_occurrence(H, D, scale)}
    return {kind: sp.triu(P, k=1).tocoo() for kind, P in typed.items()}


def pair_incidences(sizes) -> int:
    """Pairs of attendees summed over events, from the events' sizes or an incidence matrix.

    >>> pair_incidences([3, 2, 1])
    4
    """
    if sp.issparse(sizes):
        sizes = np.asarray(sizes.sum(axis=0)).ravel().astype(np.int64)
    return int(sum(int(k) * (int(k) - 1) // 2 for k in sizes))


def check_pairs(sizes, max_pairs: float) -> None:
    """A one-line MedgraphError when the projection would exceed `max_pairs` pair incidences.

    >>> check_pairs([3, 3], 5)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    medgraph.errors.MedgraphError: tie network: 6 pair incidences (two organisations at one event) exceed the cap of 5 ...
    """
    count = pair_incidences(sizes)
    if count > max_pairs:
        raise MedgraphError(f"tie network: {count:,} pair incidences (two organisations at one event) exceed the "
                            f"cap of {max_pairs:,} this machine's NetworkX tie graph is sized for; raise max_pairs "
                            f"(--max-pairs) with the memory for it, or narrow the data (--as-of)")


def _incidence(pairs: list[tuple], rows: list, cols: list) -> sp.csr_matrix:
    """The 0/1 rows × cols matrix with a 1 for each (row, col) pair."""
    r, c = {n: i for i, n in enumerate(rows)}, {n: j for j, n in enumerate(cols)}
    data = np.ones(len(pairs))
    return sp.csr_matrix((data, ([r[a] for a, _ in pairs], [c[b] for _, b in pairs])), shape=(len(rows), len(cols)))


def event_scale(B: sp.csr_matrix, weighting: str) -> np.ndarray:
    """What one shared event adds to a pair: 1, or 1/(k-1) for an event with k attendees."""
    k = np.asarray(B.sum(axis=0)).ravel()
    if weighting == "count":
        return np.ones_like(k, dtype=float)
    return np.where(k > 1, 1.0 / np.maximum(k - 1, 1), 0.0)


def _co_occurrence(X: sp.csr_matrix, Y: sp.csr_matrix, scale: np.ndarray) -> sp.csr_matrix:
    """X·diag(scale)·Yᵀ: for each (row of X, row of Y) pair, the scaled sum of shared columns."""
    return (X @ sp.diags(scale) @ Y.T).tocsr()
