"""The graph engine: NetworkX on small tie networks, compiled libraries on large ones.

NetworkX is the reference and runs every analysis up to `COMPILED_ABOVE` ties (the seed data
is far below it). Above, the same measures run on arrays: the tie network as a symmetric
SciPy CSR matrix of weights (`Network`), with

- betweenness: NetworKit (C++), exact up to `EXACT_BETWEENNESS_MAX` organisations, sampled
  from `BETWEENNESS_SAMPLE` sources above (Brandes & Pich 2007), distance = 1/weight;
- closeness: SciPy's Dijkstra (C), exact from every source up to `EXACT_CLOSENESS_MAX`
  organisations, estimated from `CLOSENESS_SAMPLE` sampled sources above (Eppstein & Wang
  2004), with networkx's formula (Wasserman–Faust for several components);
- eigenvector: ARPACK (SciPy) per connected component, scaled like `centrality.eigenvector`;
- pagerank: networkx's own SciPy power iteration on the CSR matrix (same parameters);
- constraint and effective size: Burt's formulas as products restricted to the ties
  (networkx's weighted definitions), through the events when the network comes from an
  organisation–event incidence (`products.through_events`: a `ties.TieArrays`), else through
  the organisations (`products.gram_at`), while their cost (the sum of squared degrees) stays
  under `STRUCTURAL_HOLES_BUDGET`; NaN above, said in the methods;
- communities: NetworKit's PLM (parallel Louvain), seeded, one thread (reproducible);
- brokerage: Gould–Fernandez counts from the same sparse products (`brokerage.tie_brokerage`),
  under the same budget.

`methods_of(T, k)` says which method each measure uses; `medgraph analyze` puts it in its
summary under ``methods`` (e.g. ``{"betweenness": "sampled, 500 pivots, NetworKit", ...}``).
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import numpy as np
import scipy.sparse as sp
from scipy.sparse import csgraph

from medgraph.errors import MedgraphError
from medgraph.graph.products import DOUBLE_MAX, EVENTS_MAX, masked_product, two_step_at

__all__ = ["COMPILED_ABOVE", "EXACT_BETWEENNESS_MAX", "BETWEENNESS_SAMPLE", "EXACT_CLOSENESS_MAX",
           "CLOSENESS_SAMPLE", "CLOSENESS_REFINE", "SEARCH_BUDGET", "LEAST_SOURCES", "sources_for",
           "STRUCTURAL_HOLES_BUDGET", "DOUBLE_MAX", "Network", "network", "compiled", "methods",
           "methods_of", "degree_squares", "networkit_graph", "upper_blocks", "upper_csr",
           "betweenness", "closeness", "eigenvector", "pagerank", "constraint", "effective_size",
           "louvain", "masked_product"]

#: Above this many ties the analyses leave NetworkX for the compiled path.
COMPILED_ABOVE = 50_000
#: On the compiled path betweenness is exact up to this many organisations and sampled above
#: (`centrality.auto_k`).
EXACT_BETWEENNESS_MAX = 2_000
BETWEENNESS_SAMPLE = 500
#: Closeness is exact up to this many organisations and estimated from sampled sources above.
EXACT_CLOSENESS_MAX = 2_000
CLOSENESS_SAMPLE = 200
#: ... of which the best this many by the estimate are then computed exactly.
CLOSENESS_REFINE = 200
#: The sampled measures search from at most as many sources as this many tie visits allow
#: (sources × ties): the full samples above at M (1.8 million ties), fewer on larger networks
#: (`sources_for`), at least `LEAST_SOURCES`.
SEARCH_BUDGET = 9e8
LEAST_SOURCES = 10
#: Constraint and effective size cost about the sum over organisations of their squared degree.
STRUCTURAL_HOLES_BUDGET = 5e9


@dataclass(frozen=True)
class Network:
    """The tie network as arrays: node ids (row order) and symmetric weights; `incidence`, when
    known, (B, scale, pairs) such that W is B·diag(scale)·Bᵀ off its diagonal plus explicit
    links between the rows of `pairs` (B organisations × events; pairs k × 2)."""

    ids: list
    W: sp.csr_matrix
    incidence: tuple[sp.csr_matrix, np.ndarray, np.ndarray] | None = None

    @property
    def degree(self) -> np.ndarray:
        return np.diff(self.W.indptr)

    @property
    def strength(self) -> np.ndarray:
        return np.asarray(self.W.sum(axis=1)).ravel()


def network(T: nx.Graph, weight: str = "weight") -> Network:
    """The arrays of a NetworkX tie network (nodes in T's order, weight 1 when missing); a
    `medgraph.graph.ties.TieArrays` gives its own (``ids``, ``W``).

    >>> N = network(nx.Graph([("a", "b", {"weight": 2.0}), ("b", "c", {})]))
    >>> N.ids, N.W.toarray().tolist()
    (['a', 'b', 'c'], [[0.0, 2.0, 0.0], [2.0, 0.0, 1.0], [0.0, 1.0, 0.0]])
    """
    if hasattr(T, "W"):
        parts = getattr(T, "parts", None)
        pairs = np.array([(T.index[a], T.index[b]) for a, b in T.links], dtype=np.int64).reshape(-1, 2)
        return Network(T.ids, T.W, (parts.B, parts.scale, pairs) if parts is not None else None)
    ids = list(T)
    index = {n: i for i, n in enumerate(ids)}
    m = T.number_of_edges()
    rows, cols, data = np.empty(m, np.int64), np.empty(m, np.int64), np.empty(m, float)
    for e, (u, v, w) in enumerate(T.edges(data=weight, default=1.0)):
        rows[e], cols[e], data[e] = index[u], index[v], w
    loops = rows == cols
    rows, cols, data = rows[~loops], cols[~loops], data[~loops]
    n = len(ids)
    W = sp.coo_matrix((np.concatenate([data, data]), (np.concatenate([rows, cols]), np.concatenate([cols, rows]))),
                      shape=(n, n)).tocsr()
    W.sort_indices()
    return Network(ids, W)


def sources_for(ties: int, wanted: int) -> int:
    """How many sources a sampled measure searches from on a network of `ties` ties: `wanted`,
    or fewer when their searches would exceed `SEARCH_BUDGET` tie visits (at least `LEAST_SOURCES`).

    >>> sources_for(1_776_121, 500), sources_for(35_390_831, 500), sources_for(35_390_831, 200)
    (500, 25, 25)
    """
    return int(max(LEAST_SOURCES, min(wanted, SEARCH_BUDGET // max(ties, 1))))


def compiled(T: nx.Graph, engine: str = "auto") -> bool:
    """Whether the analyses of T run on the compiled path: "auto" above `COMPILED_ABOVE` ties,
    "compiled" always, "networkx" never; always for a `medgraph.graph.ties.TieArrays` (no
    NetworkX graph to run on).

    >>> compiled(nx.path_graph(3)), compiled(nx.path_graph(3), "compiled")
    (False, True)
    """
    if engine not in ("auto", "compiled", "networkx"):
        raise MedgraphError(f"engine: unknown {engine!r}: one of auto, compiled, networkx")
    return engine == "compiled" or hasattr(T, "W") or (engine == "auto" and T.number_of_edges() > COMPILED_ABOVE)


def methods(n: int, m: int, *, compiled_path: bool, k: int | None = None, degree_squares: float = 0.0) -> dict:
    """The method of each measure, in words, for a network of n organisations and m ties.

    >>> methods(120, 1_271, compiled_path=False)["betweenness"]
    'exact, NetworkX'
    >>> methods(5_000, 1_776_121, compiled_path=True, k=500, degree_squares=2.5e9)["betweenness"]
    'sampled, 500 pivots, NetworKit'
    """
    k = k if k is not None and 0 < k < n else None
    if not compiled_path:
        return {"betweenness": f"sampled, {k} pivots, NetworkX" if k else "exact, NetworkX",
                **dict.fromkeys(("closeness", "eigenvector", "pagerank", "constraint", "effective_size",
                                 "communities", "brokerage"), "exact, NetworkX")}
    holes = ("exact, SciPy sparse" if degree_squares <= STRUCTURAL_HOLES_BUDGET else
             f"not computed (NaN): cost {degree_squares:.2g} over the budget {STRUCTURAL_HOLES_BUDGET:.2g}")
    return {"betweenness": f"sampled, {k} pivots, NetworKit" if k else "exact, NetworKit",
            "closeness": (f"sampled, {sources_for(m, CLOSENESS_SAMPLE)} sources, top {sources_for(m, CLOSENESS_REFINE)}"
                          " exact, SciPy Dijkstra" if n > EXACT_CLOSENESS_MAX
                          else "exact, SciPy Dijkstra"),
            "eigenvector": "exact, SciPy ARPACK", "pagerank": "exact, SciPy power iteration",
            "constraint": holes, "effective_size": holes,
            "communities": "Louvain, NetworKit PLM, seeded, 1 thread", "brokerage": holes}


def methods_of(T: nx.Graph, k: int | None = None, engine: str = "auto") -> dict:
    """`methods` for the tie network T as `centrality.centrality_table(T, k=k, engine=engine)` runs.

    >>> methods_of(nx.path_graph(3))["closeness"]
    'exact, NetworkX'
    """
    squares = float(sum(d * d for _, d in T.degree()))
    return methods(T.number_of_nodes(), T.number_of_edges(), compiled_path=compiled(T, engine), k=k,
                   degree_squares=squares)


def networkit_graph(N: Network, distance: bool, rows: int = 8192):
    """N as an undirected weighted NetworKit graph, weighted by distance 1/weight or by weight:
    made from the CSR matrix of its ties above the diagonal (`upper_csr`, filled `rows` rows at
    a time: no copy of the whole matrix), each node's neighbours in ascending order (as adding
    the ties row by row left them: the same graph for the algorithms, at about half the memory)."""
    import networkit as nk

    U = upper_csr(N.W, rows)
    if distance:
        np.reciprocal(U.data, out=U.data)
    G = nk.graph.GraphFromCsr(U, directed=False, weighted=True)
    del U
    G.sortEdges()
    return G


def upper_csr(W: sp.csr_matrix, rows: int = 8192) -> sp.csr_matrix:
    """The entries of W above its diagonal as a CSR matrix of float64, from `upper_blocks`
    into arrays of the final size (no other copy of W).

    >>> W = sp.csr_matrix(np.array([[0, 1, 2], [1, 0, 3], [2, 3, 0]]))
    >>> upper_csr(W, 2).toarray().tolist()
    [[0.0, 1.0, 2.0], [0.0, 0.0, 3.0], [0.0, 0.0, 0.0]]
    """
    counts = np.zeros(W.shape[0], dtype=np.int64)
    for row, _, _ in upper_blocks(W, rows):
        counts += np.bincount(row, minlength=W.shape[0])
    indptr = np.r_[0, np.cumsum(counts)]
    indices, data, at = np.empty(indptr[-1], dtype=np.int32), np.empty(indptr[-1], dtype=np.float64), 0
    for _, col, value in upper_blocks(W, rows):
        indices[at:at + len(col)], data[at:at + len(col)] = col, value
        at += len(col)
    return sp.csr_matrix((data, indices, indptr), shape=W.shape)


def upper_blocks(W: sp.csr_matrix, rows: int):
    """The entries of a matrix W above its diagonal, `rows` rows at a time (no copy of the whole
    matrix): (row, column, value) arrays per block, row by row in W's order.

    >>> W = sp.csr_matrix(np.array([[0, 1, 2], [1, 0, 3], [2, 3, 0]]))
    >>> [(r.tolist(), c.tolist(), v.tolist()) for r, c, v in upper_blocks(W, 2)]
    [([0, 0, 1], [1, 2, 2], [1, 2, 3]), ([], [], [])]
    """
    for start in range(0, W.shape[0], rows):
        stop = min(start + rows, W.shape[0])
        lo, hi = W.indptr[start], W.indptr[stop]
        row = np.repeat(np.arange(start, stop), np.diff(W.indptr[start:stop + 1]))
        keep = W.indices[lo:hi] > row
        yield row[keep], W.indices[lo:hi][keep], W.data[lo:hi][keep]


def betweenness(N: Network, *, k: int | None = None, seed: int = 0) -> np.ndarray:
    """Normalised betweenness over distance 1/weight, as networkx computes it: exact when k is
    None (or not below the node count), else estimated from k sampled sources."""
    import networkit as nk

    n = len(N.ids)
    if n < 3:
        return np.zeros(n)
    k = k if k is not None and 0 < k < n else None
    nk.engineering.setSeed(seed, False)
    G = networkit_graph(N, distance=True)
    if k:
        algorithm = nk.centrality.EstimateBetweenness(G, k, True, True)
        algorithm.run()
        return np.asarray(algorithm.scores())
    algorithm = nk.centrality.Betweenness(G, True)
    algorithm.run()
    return np.asarray(algorithm.scores())


def closeness(N: Network, *, sample: int | None = None, seed: int = 0, refine: int = CLOSENESS_REFINE) -> np.ndarray:
    """networkx's closeness over distance 1/weight (Wasserman–Faust), from every source up to
    `EXACT_CLOSENESS_MAX` nodes, else estimated from `sample` sources (`CLOSENESS_SAMPLE`,
    fewer as `sources_for` allows), and then the `refine` best by that estimate (as many as
    `sources_for` allows) computed exactly (one Dijkstra from each: the
    estimate finds the candidates, the exact pass orders the top)."""
    n = len(N.ids)
    if n < 2:
        return np.zeros(n)
    D = sp.csr_matrix((1.0 / N.W.data, N.W.indices, N.W.indptr), shape=N.W.shape)  # distances; W's index arrays
    _, label = csgraph.connected_components(N.W, directed=False)
    reach = np.bincount(label)[label]  # the size of each node's component
    ties = N.W.nnz // 2
    sample = sample or (None if n <= EXACT_CLOSENESS_MAX else sources_for(ties, CLOSENESS_SAMPLE))
    refine = sources_for(ties, refine) if refine else refine
    sources = np.arange(n) if sample is None or sample >= n else _sources(label, sample, seed)
    totals, hits = np.zeros(n), np.zeros(n)
    for chunk in np.array_split(sources, max(1, len(sources) // 64)) if len(sources) else ():
        dist = csgraph.dijkstra(D, directed=False, indices=chunk)
        finite = np.isfinite(dist)
        totals += np.where(finite, dist, 0.0).sum(axis=0)
        hits += finite.sum(axis=0) - np.isin(np.arange(n), chunk)  # a source does not count for itself
    with np.errstate(divide="ignore", invalid="ignore"):
        total = np.where(hits > 0, totals * (reach - 1) / np.maximum(hits, 1), 0.0)
        score = np.where(total > 0, (reach - 1) / total * (reach - 1) / (n - 1), 0.0)
    if len(sources) < n and refine:
        best = np.argsort(-score, kind="stable")[:refine]
        exact = _exact_closeness(D, best, reach, n)
        ratio = np.median(exact[score[best] > 0] / score[best][score[best] > 0]) if (score[best] > 0).any() else 1.0
        score = np.minimum(score * ratio, exact.min())  # the estimate's bias corrected; none above the exact top
        score[best] = exact
    return score


def _exact_closeness(D: sp.csr_matrix, nodes: np.ndarray, reach: np.ndarray, n: int) -> np.ndarray:
    """networkx's closeness of `nodes`, exactly: one Dijkstra from each (the network is undirected)."""
    total = np.where(np.isfinite(dist := csgraph.dijkstra(D, directed=False, indices=nodes)), dist, 0.0).sum(axis=1)
    r = reach[nodes]
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(total > 0, (r - 1) / total * (r - 1) / (n - 1), 0.0)


def _sources(label: np.ndarray, sample: int, seed: int) -> np.ndarray:
    """About `sample` nodes drawn from each component (isolated nodes aside) in proportion to its
    size, at least two (or all its nodes), so that every node's estimate rests on sources it
    reaches. Many small components make many sources: fine for one large component."""
    rng = np.random.default_rng(seed)
    order = np.argsort(label, kind="stable")
    chosen = []
    for members in np.split(order, np.flatnonzero(np.diff(label[order])) + 1):
        if len(members) > 1:
            take = min(len(members), max(2, int(np.ceil(sample * len(members) / len(label)))))
            chosen.append(members if take >= len(members) else rng.choice(members, take, replace=False))
    return np.sort(np.concatenate(chosen)) if chosen else np.arange(0)


def eigenvector(N: Network) -> np.ndarray:
    """Weighted eigenvector centrality per component, scaled by its share (as `centrality.eigenvector`)."""
    from scipy.sparse.linalg import eigsh

    n = len(N.ids)
    scores = np.zeros(n)
    count, label = csgraph.connected_components(N.W, directed=False)
    for c in range(count):
        members = np.flatnonzero(label == c)
        if len(members) == 1:
            continue
        if len(members) < 50:
            _, vectors = np.linalg.eigh(N.W[members][:, members].toarray())
            x = vectors[:, -1]
        else:
            C = _restricted(N.W, members) if 2 * len(members) > n else N.W[members][:, members].astype(float)
            _, vectors = eigsh(C, k=1, which="LA", tol=1e-10)
            x = vectors[:, 0]
        x = np.abs(x) / np.linalg.norm(x)
        scores[members] = x * len(members) / n
    return scores


def _restricted(W: sp.csr_matrix, members: np.ndarray):
    """W on the rows and columns of `members` without copying it (the giant component at L):
    W itself when they are all its rows, else an operator that spreads, multiplies and picks."""
    from scipy.sparse.linalg import LinearOperator

    if len(members) == W.shape[0]:
        return W

    def product(x):
        spread = np.zeros(W.shape[0])
        spread[members] = np.ravel(x)
        return (W @ spread)[members]

    return LinearOperator((len(members), len(members)), matvec=product, dtype=float)


def pagerank(N: Network, *, alpha: float = 0.85, max_iter: int = 100, tol: float = 1e-06) -> np.ndarray:
    """networkx's weighted pagerank (its SciPy iteration, same defaults) on the arrays."""
    n = len(N.ids)
    if not n:
        return np.zeros(0)
    S = N.strength
    Q = sp.diags(np.divide(1.0, S, out=np.zeros(n), where=S != 0))
    A = Q @ N.W
    x = np.full(n, 1.0 / n)
    p = np.full(n, 1.0 / n)
    dangling = S == 0
    for _ in range(max_iter):
        last = x
        x = alpha * (x @ A + x[dangling].sum() * p) + (1 - alpha) * p
        if np.abs(x - last).sum() < n * tol:
            return x
    raise nx.PowerIterationFailedConvergence(max_iter)


def degree_squares(N: Network) -> float:
    return float((N.degree.astype(float) ** 2).sum())


def _through(N: Network, middle: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per tie i–j in CSR order: i, p_ij and (W D⁻¹ W)_ij / S_i (`products.two_step_at`)."""
    events = N.incidence if N.incidence is not None and N.incidence[0].shape[1] <= EVENTS_MAX else None
    return two_step_at(N.W, N.strength, middle, events)


def constraint(N: Network) -> np.ndarray:
    """Burt's constraint as networkx computes it, weighted: sum over ties (p_ij + (P²)_ij)², P
    the weights over each row's strength S, (P²)_ij = (W S⁻¹ W)_ij / S_i; NaN for an isolated node."""
    rows, p, indirect = _through(N, N.strength)
    scores = np.bincount(rows, weights=(p + indirect) ** 2, minlength=len(N.ids))
    return np.where(N.degree > 0, scores, np.nan)


def effective_size(N: Network) -> np.ndarray:
    """Burt's effective size as networkx (3.6) computes it for a whole weighted graph: degree - sum
    over ties i–j of Σ_q p_iq m_qj, p over each row's strength S, m over each row's strongest
    tie M (networkx's sparse formula scales by the middle node's): (W M⁻¹ W)_ij / S_i; NaN for
    an isolated node."""
    rows, _, redundancy = _through(N, np.asarray(N.W.max(axis=1).toarray()).ravel())
    scores = N.degree - np.bincount(rows, weights=redundancy, minlength=len(N.ids))
    return np.where(N.degree > 0, scores, np.nan)


def louvain(N: Network, *, seed: int = 0) -> list[list[int]]:
    """Louvain communities (NetworKit PLM, weighted, seeded, one thread) as lists of row indices."""
    import networkit as nk

    threads = nk.getMaxNumberOfThreads()
    nk.setNumberOfThreads(1)
    try:
        nk.engineering.setSeed(seed, False)
        algorithm = nk.community.PLM(networkit_graph(N, distance=False), refine=True)
        algorithm.run()
        labels = np.asarray(algorithm.getPartition().getVector())
    finally:
        nk.setNumberOfThreads(threads)
    order = np.argsort(labels, kind="stable")
    bounds = np.flatnonzero(np.diff(labels[order])) + 1
    return [part.tolist() for part in np.split(order, bounds)]
