"""The tie network as arrays (`TieArrays`), for networks larger than NetworkX holds well.

`tie_arrays(K, ...)` makes the same network as `tie_graph` without a NetworkX graph: the
organisations (rows, in id order) with their attributes, and one symmetric SciPy CSR matrix
per tie type, from the sparse products of the organisation–event incidence (`projection`)
plus the few explicit links (agreements, mentoring, memberships). Attendance evidence stays
implicit, as in a `tie_graph` above ``explicit_max``: `tie_evidence(T, a, b)` lists it.

`TieArrays` answers the few graph questions the row-by-row analyses ask (``T.nodes[n]``,
``T.nodes(data=True)``, ``T[n]``, ``T.edges[a, b]``, ``T.edges(data=True)``, ``T.degree(n)``, ``T.has_edge``,
``T.get_edge_data``, ``T.graph``) exactly as an implicit tie graph does, so those analyses
(met levels, met matrix, coverage, the reasons of next meetings) are one function for both;
the analyses over every tie (centralities, communities, country ties, shares, thin spots, the
Adamic–Adar scores) read its matrices (``W``, ``typed``, `group_ties`).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Iterator, Mapping
from functools import cached_property

import networkx as nx
import numpy as np
import scipy.sparse as sp

from medgraph.graph.ties.accessors import event_start
from medgraph.graph.ties.assembly import _by_org, _Tie
from medgraph.graph.ties.links import agreement_links, attendances, membership_links, mentoring_links
from medgraph.graph.ties.options import TieOptions, attribution, organisation_nodes, window
from medgraph.graph.ties.projection import typed_weights

__all__ = ["TieArrays", "tie_arrays", "is_arrays"]


class _Nodes(Mapping):
    """``T.nodes``: id -> attributes, callable like networkx's NodeView."""

    def __init__(self, T: TieArrays):
        self._T = T

    def __getitem__(self, n) -> dict:
        return self._T.attrs[self._T.index[n]]

    def __iter__(self):
        return iter(self._T.ids)

    def __len__(self) -> int:
        return len(self._T.ids)

    def __call__(self, data: bool = False):
        return zip(self._T.ids, self._T.attrs) if data else iter(self._T.ids)


class _Edges:
    """``T.edges[a, b]``: the attributes of a tie (KeyError without one)."""

    def __init__(self, T: TieArrays):
        self._T = T

    def __getitem__(self, pair) -> dict:
        found = self._T.get_edge_data(*pair)
        if found is None:
            raise KeyError(pair)
        return found

    def __call__(self, data: bool = False) -> Iterator:
        """Every tie once, (a, b) or (a, b, attributes), like networkx's EdgeView."""
        U, ids = sp.triu(self._T.W, k=1).tocoo(), self._T.ids
        for i, j in zip(U.row.tolist(), U.col.tolist()):
            yield (ids[i], ids[j], self._T.get_edge_data(ids[i], ids[j])) if data else (ids[i], ids[j])


class TieArrays:
    """The tie network as arrays: rows ``ids`` (sorted) with ``attrs``, and per tie type a
    symmetric CSR matrix of weights (``typed``); ``W`` is their sum, ``shared`` the events each
    pair shared. ``links`` holds the explicit links' ties (evidence on them), ``graph`` what
    `tie_evidence` reads (``evidence`` "implicit", ``attendance``, ``starts``)."""

    def __init__(self, ids: list, attrs: list[dict], typed: dict[str, sp.csr_matrix], shared: sp.csr_matrix,
                 links: dict[tuple, _Tie], graph: dict):
        self.ids, self.attrs, self.typed, self.shared, self.links, self.graph = ids, attrs, typed, shared, links, graph
        self.index = {n: i for i, n in enumerate(ids)}
        for M in (*typed.values(), shared):
            M.sort_indices()
        W = sp.csr_matrix((len(ids), len(ids)))
        for M in typed.values():
            W = W + M
        W = W.tocsr()
        W.sort_indices()
        self.W = W
        self.nodes = _Nodes(self)
        self._masks: dict = {}
        self.edges = _Edges(self)

    def __len__(self) -> int:
        return len(self.ids)

    def __iter__(self) -> Iterator:
        return iter(self.ids)

    def __contains__(self, n) -> bool:
        return n in self.index

    def __getitem__(self, n) -> list:
        """The neighbours of n, in row order."""
        i = self.index[n]
        return [self.ids[j] for j in self.W.indices[self.W.indptr[i]:self.W.indptr[i + 1]]]

    def number_of_nodes(self) -> int:
        return len(self.ids)

    def number_of_edges(self) -> int:
        return (self.W.nnz - int((self.W.diagonal() != 0).sum())) // 2

    @cached_property
    def degrees(self) -> np.ndarray:
        return np.diff(self.W.indptr)

    def degree(self, n=None):
        """The degree of n; without n, (node, degree) pairs like networkx's DegreeView."""
        if n is None:
            return zip(self.ids, self.degrees.tolist())
        return int(self.degrees[self.index[n]])

    def row(self, i: int) -> np.ndarray:
        """The neighbours of row i, as rows."""
        return self.W.indices[self.W.indptr[i]:self.W.indptr[i + 1]]

    def mask(self, predicate) -> np.ndarray:
        """Whether each row's attributes satisfy `predicate` (kept: asked once per predicate)."""
        if predicate not in self._masks:
            self._masks[predicate] = np.array([bool(predicate(d)) for d in self.attrs], dtype=bool)
        return self._masks[predicate]

    def has_edge(self, a, b) -> bool:
        return a in self.index and b in self.index and _entry(self.W, self.index[a], self.index[b]) != 0

    def get_edge_data(self, a, b, default=None) -> dict | None:
        """The tie's ``weight``, ``types`` and ``count``, and the explicit links' ``events``,
        ``sources``, ``evidence``, ``first`` (as on an implicit tie graph's edge)."""
        if a not in self.index or b not in self.index:
            return default
        i, j = self.index[a], self.index[b]
        types = {kind: w for kind, M in sorted(self.typed.items()) if (w := _entry(M, i, j))}
        if not types:
            return default
        count = int(_entry(self.shared, i, j))
        tie = self.links.get((a, b) if a < b else (b, a))
        if tie is None:
            return {"weight": sum(types.values()), "types": types, "count": count}
        extra = tie.attrs()
        return {"weight": sum(types.values()), "types": types, "count": count + extra["count"],
                **{key: extra[key] for key in ("events", "sources", "evidence", "first")}}

    def codes(self, attr: str, missing: str) -> tuple[list[str], np.ndarray]:
        """The distinct values of a node attribute (None -> `missing`), sorted, and each row's code."""
        values = [d.get(attr) or missing for d in self.attrs]
        names = sorted(set(values))
        lookup = {v: c for c, v in enumerate(names)}
        return names, np.fromiter((lookup[v] for v in values), np.int64, len(values))

    def group_ties(self, code: np.ndarray, groups: int, weight: bool = False) -> np.ndarray:
        """groups × groups: the ties (or their summed weights) between the rows of each pair of
        groups (``[g, h]`` and ``[h, g]`` both hold them), within a group on the diagonal, once."""
        U = sp.triu(self.W, k=1).tocoo()
        C = np.zeros((groups, groups))
        np.add.at(C, (code[U.row], code[U.col]), U.data if weight else 1.0)
        return C + C.T - np.diag(np.diag(C))


def _entry(M: sp.csr_matrix, i: int, j: int) -> float:
    """M[i, j] of a CSR matrix with sorted indices, without SciPy's indexing (a hundred times faster)."""
    lo, hi = M.indptr[i], M.indptr[i + 1]
    k = lo + int(np.searchsorted(M.indices[lo:hi], j))
    return float(M.data[k]) if k < hi and M.indices[k] == j else 0.0


def is_arrays(T) -> bool:
    """Whether T is a `TieArrays` (rather than a NetworkX tie graph)."""
    return isinstance(T, TieArrays)


def tie_arrays(K: nx.MultiDiGraph, *, as_of: dt.date | None = None, merge_possible: bool = False,
               members_for_cluster: bool = False, weighting: str = "newman") -> TieArrays:
    """The tie network of K as arrays: the same nodes, ties, weights, types, counts and evidence
    as `tie_graph` (rules in the package docs), no pair cap.

    >>> from medgraph.graph.knowledge import example_graph
    >>> from medgraph.graph.ties import tie_evidence, tie_graph
    >>> T, A = tie_graph(example_graph()), tie_arrays(example_graph())
    >>> A.number_of_nodes(), A.number_of_edges(), A.edges["agro", "textile"]["types"]
    (7, 8, {'co_attended': 0.5, 'mentoring': 1.0})
    >>> tie_evidence(A, "agro", "textile") == tie_evidence(T, "agro", "textile")
    True
    """
    options = TieOptions(as_of, merge_possible, members_for_cluster, weighting)
    W, att = window(K, options.as_of), attribution(K, options)
    nodes = organisation_nodes(K, att)
    ids = sorted(nodes)
    index = {n: i for i, n in enumerate(ids)}
    attended = attendances(K, W, att)
    links: dict[tuple, _Tie] = defaultdict(_Tie)
    for link in itertools.chain(agreement_links(K, W, att), mentoring_links(K, W, att), membership_links(K, W, att)):
        links[link.a, link.b].add_link(link)
    typed, shared = _attendance_matrices(attended, ids, index, weighting)
    for kind in sorted({kind for tie in links.values() for kind in tie.types}):
        pairs = [(index[a], index[b], tie.types[kind]) for (a, b), tie in links.items() if tie.types.get(kind)]
        rows, cols, data = (np.array(x) for x in zip(*pairs))
        M = sp.coo_matrix((data, (rows, cols)), shape=(len(ids), len(ids))).tocsr()
        typed[kind] = (typed[kind] + M + M.T).tocsr() if kind in typed else (M + M.T).tocsr()
    events = sorted({a.event for a in attended})
    graph = {"evidence": "implicit", "starts": {e: event_start(K, e) for e in events}, "attendance": _by_org(attended)}
    return TieArrays(ids, [nodes[n] for n in ids], typed, shared, dict(links), graph)


def _attendance_matrices(attended, ids: list, index: dict, weighting: str) -> tuple[dict, sp.csr_matrix]:
    """The co_attended and visited weights and the shared-event counts, symmetric, on all rows."""
    n = len(ids)
    if not attended:
        return {}, sp.csr_matrix((n, n))
    orgs, events = sorted({a.org for a in attended}), sorted({a.event for a in attended})
    pairs = [(a.org, a.event) for a in attended]
    weights = typed_weights([p for p, a in zip(pairs, attended) if not a.host],
                            [p for p, a in zip(pairs, attended) if a.host], orgs, events, weighting)
    counts = typed_weights(pairs, [], orgs, events, "count")["co_attended"]
    rows = np.array([index[o] for o in orgs], dtype=np.int64)

    def full(P: sp.coo_matrix) -> sp.csr_matrix:
        M = sp.coo_matrix((P.data, (rows[P.row], rows[P.col])), shape=(n, n)).tocsr()
        M.eliminate_zeros()
        return (M + M.T).tocsr()

    typed = {kind: full(P) for kind, P in weights.items() if P.nnz}
    return typed, full(counts)
