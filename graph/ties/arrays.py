"""The tie network as arrays (`TieArrays`), for networks larger than NetworkX holds well.

`tie_arrays(K, ...)` makes the same network as `tie_graph` without a NetworkX graph: the
organisations (rows, in id order) with their attributes, and one symmetric SciPy CSR matrix
of summed weights with the tie types of each entry, from the sparse products of the
organisation–event incidence (as `projection.typed_weights`, one block of rows at a time) plus
the few explicit links (agreements, mentoring, memberships); a tie's weight per type and its
count of shared events are computed when asked. Attendance evidence stays
implicit, as in a `tie_graph` above ``explicit_max``: `tie_evidence(T, a, b)` lists it.

`TieArrays` answers the few graph questions the row-by-row analyses ask (``T.nodes[n]``,
``T.nodes(data=True)``, ``T[n]``, ``T.edges[a, b]``, ``T.edges(data=True)``, ``T.degree(n)``, ``T.has_edge``,
``T.get_edge_data``, ``T.graph``) exactly as an implicit tie graph does, so those analyses
(met levels, met matrix, coverage, the reasons of next meetings) are one function for both;
the analyses over every tie (centralities, communities, country ties, shares, thin spots, the
Adamic–Adar scores) read its matrix ``W`` (summed weights; ``bits`` the types of each tie) and `group_ties`.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Mapping
from functools import cached_property

import networkx as nx
import numpy as np
import scipy.sparse as sp

from medgraph.graph.engine import upper_blocks
from medgraph.graph.ties.accessors import event_start
from medgraph.graph.ties.assembly import _Tie, other_links
from medgraph.graph.ties.attended import AttendanceMap
from medgraph.graph.ties.links import attendances
from medgraph.graph.ties.options import TieOptions, attribution, organisation_nodes, window
from medgraph.graph.ties.projection import event_scale

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
    """The tie network as arrays: rows ``ids`` (sorted) with ``attrs``, ``W`` the symmetric CSR
    matrix of summed weights (int32 indices), and ``bits`` the tie types of each of its stored
    entries (bit k: ``kinds[k]``). A tie's weight per type and its count of shared events are
    computed when asked (`get_edge_data`) from the attendance incidences ``parts`` (`_Parts`), so
    that only one matrix of the size of the network is held. ``links`` holds the explicit links'
    ties (evidence on them), ``graph`` what `tie_evidence` reads (``evidence`` "implicit",
    ``attendance``, ``starts``)."""

    def __init__(self, ids: list, attrs: list[dict], W: sp.csr_matrix, bits: np.ndarray, kinds: list[str],
                 parts: _Parts | None, links: dict[tuple, _Tie], graph: dict):
        self.ids, self.attrs, self.W, self.bits, self.kinds = ids, attrs, W, bits, kinds
        self.parts, self.links, self.graph = parts, links, graph
        self.index = {n: i for i, n in enumerate(ids)}
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
        return [self.ids[j] for j in self.row(self.index[n])]

    def attendances(self) -> list:
        """The attendances it was made from (``graph["attendance"]``, an `AttendanceMap`:
        organisation -> event -> `Attendance`), in the order `links.attendances` lists them: by
        organisation, then event (made again from the map's arrays on each call)."""
        return list(self.graph["attendance"].attendances())

    def number_of_nodes(self) -> int:
        return len(self.ids)

    def number_of_edges(self) -> int:
        return self.W.nnz // 2  # no diagonal: an organisation has no tie with itself

    @cached_property
    def degrees(self) -> np.ndarray:
        return np.diff(self.W.indptr)

    @cached_property
    def id_array(self) -> np.ndarray:
        """``ids`` as a numpy array (objects), for picking many at once."""
        return np.array(self.ids + [None], dtype=object)[:-1]  # (None: ids that are tuples stay objects)

    @cached_property
    def ids_in_text_order(self) -> bool:
        """Whether row order is also the order of the ids as text (``key=str``): true of string ids."""
        return all(isinstance(n, str) for n in self.ids)

    def kinds_of(self, a, b) -> list[str]:
        """The tie types of the tie a–b, by name (from its type bits; KeyError without a tie)."""
        k = _position(self.W, self.index[a], self.index[b]) if a in self.index and b in self.index else None
        if k is None:
            raise KeyError((a, b))
        return sorted(kind for bit, kind in enumerate(self.kinds) if self.bits[k] >> bit & 1)

    def degree(self, n=None):
        """The degree of n; without n, (node, degree) pairs like networkx's DegreeView."""
        if n is None:
            return zip(self.ids, self.degrees.tolist())
        return int(self.degrees[self.index[n]])

    def row(self, i: int) -> np.ndarray:
        """The neighbours of row i, as rows."""
        return self.W.indices[self.W.indptr[i]:self.W.indptr[i + 1]]

    def row_kinds(self, i: int) -> np.ndarray:
        """The tie types of row i's ties (bits of ``kinds``), aligned with `row`."""
        return self.bits[self.W.indptr[i]:self.W.indptr[i + 1]]

    def mask(self, predicate) -> np.ndarray:
        """Whether each row's attributes satisfy `predicate` (kept: asked once per predicate)."""
        if predicate not in self._masks:
            self._masks[predicate] = np.array([bool(predicate(d)) for d in self.attrs], dtype=bool)
        return self._masks[predicate]

    def has_edge(self, a, b) -> bool:
        return a in self.index and b in self.index and _position(self.W, self.index[a], self.index[b]) is not None

    def get_edge_data(self, a, b, default=None) -> dict | None:
        """The tie's ``weight``, ``types`` and ``count``, and the explicit links' ``events``,
        ``sources``, ``evidence``, ``first`` (as on an implicit tie graph's edge)."""
        if a not in self.index or b not in self.index:
            return default
        i, j = self.index[a], self.index[b]
        k = _position(self.W, i, j)
        if k is None:
            return default
        tie = self.links.get((a, b) if a < b else (b, a))
        types = {kind: self._weight(kind, i, j, tie) for bit, kind in enumerate(self.kinds) if self.bits[k] >> bit & 1}
        types = dict(sorted(types.items()))
        count = self.parts.count(i, j) if self.parts is not None else 0
        if tie is None:
            return {"weight": sum(types.values()), "types": types, "count": count}
        extra = tie.attrs()
        return {"weight": sum(types.values()), "types": types, "count": count + extra["count"],
                **{key: extra[key] for key in ("events", "sources", "evidence", "first")}}

    def _weight(self, kind: str, i: int, j: int, tie: _Tie | None) -> float:
        if kind in ATTENDANCE_KINDS:
            return self.parts.weight(kind, i, j)
        return tie.types[kind]

    def codes(self, attr: str, missing: str) -> tuple[list[str], np.ndarray]:
        """The distinct values of a node attribute (None -> `missing`), sorted, and each row's code."""
        values = [d.get(attr) or missing for d in self.attrs]
        names = sorted(set(values))
        lookup = {v: c for c, v in enumerate(names)}
        return names, np.fromiter((lookup[v] for v in values), np.int64, len(values))

    def group_ties(self, code: np.ndarray, groups: int, weight: bool = False) -> np.ndarray:
        """groups × groups: the ties (or their summed weights) between the rows of each pair of
        groups (``[g, h]`` and ``[h, g]`` both hold them), within a group on the diagonal, once."""
        C = np.zeros((groups, groups))
        for row, col, value in upper_blocks(self.W, _BLOCK):
            np.add.at(C, (code[row], code[col]), value if weight else 1.0)
        return C + C.T - np.diag(np.diag(C))


#: The tie types made by attending events (their weights come from the incidences, `_Parts`).
ATTENDANCE_KINDS = ("co_attended", "visited")
#: Rows per block when the matrices are built or read block by block.
_BLOCK = 4096


class _Parts:
    """The attendance incidences (organisations × events, delegates ``D`` and hosts ``H``) and
    the event scale: a pair's co_attended (D·S·Dᵀ + H·S·Hᵀ), visited (D·S·Hᵀ + H·S·Dᵀ) and
    shared events (B·Bᵀ, B = D + H) as `projection.typed_weights` makes them, one pair at a time."""

    def __init__(self, D: sp.csr_matrix, H: sp.csr_matrix, scale: np.ndarray):
        self.D, self.H, self.scale = D, H, scale
        self.B = (D + H).tocsr()
        for M in (self.D, self.H, self.B):
            M.sort_indices()

    def _dot(self, X: sp.csr_matrix, i: int, Y: sp.csr_matrix, j: int, scale: np.ndarray | None) -> float:
        xi, yj = X.indices[X.indptr[i]:X.indptr[i + 1]], Y.indices[Y.indptr[j]:Y.indptr[j + 1]]
        common, a, b = np.intersect1d(xi, yj, assume_unique=True, return_indices=True)
        terms = X.data[X.indptr[i] + a] * Y.data[Y.indptr[j] + b]
        return float((terms * scale[common]).sum() if scale is not None else terms.sum())

    def weight(self, kind: str, i: int, j: int) -> float:
        D, H, s = self.D, self.H, self.scale
        if kind == "co_attended":
            return self._dot(D, i, D, j, s) + self._dot(H, i, H, j, s)
        return self._dot(D, i, H, j, s) + self._dot(H, i, D, j, s)

    def count(self, i: int, j: int) -> int:
        return int(round(self._dot(self.B, i, self.B, j, None)))

    def blocks(self, n: int):
        """(start, {kind: rows start… of the kind's weights}) for blocks of `_BLOCK` rows."""
        S = sp.diags(self.scale)
        DS, HS = (self.D @ S).tocsr(), (self.H @ S).tocsr()
        Dt, Ht = self.D.T.tocsr(), self.H.T.tocsr()
        for start in range(0, n, _BLOCK):
            rows = slice(start, min(start + _BLOCK, n))
            yield start, {"co_attended": DS[rows] @ Dt + HS[rows] @ Ht, "visited": DS[rows] @ Ht + HS[rows] @ Dt}


def _position(M: sp.csr_matrix, i: int, j: int) -> int | None:
    """Where M[i, j] is stored in a CSR matrix with sorted indices (None: not stored), without
    SciPy's indexing (a hundred times faster)."""
    lo, hi = M.indptr[i], M.indptr[i + 1]
    k = lo + int(np.searchsorted(M.indices[lo:hi], j))
    return k if k < hi and M.indices[k] == j else None


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
    for link in other_links(K, W, att):
        links[link.a, link.b].add_link(link)
    explicit = {}
    for kind in sorted({kind for tie in links.values() for kind in tie.types}):
        pairs = [(index[a], index[b], tie.types[kind]) for (a, b), tie in links.items() if tie.types.get(kind)]
        rows, cols, data = (np.array(x) for x in zip(*pairs))
        M = sp.coo_matrix((data, (rows, cols)), shape=(len(ids), len(ids))).tocsr()
        explicit[kind] = (M + M.T).tocsr()
    parts = _attendance_parts(attended, index, weighting)
    by_org = AttendanceMap(attended)  # as arrays: the `Attendance` objects are freed before the products
    del attended
    W, bits, kinds = _summed(len(ids), parts, explicit)
    graph = {"evidence": "implicit", "starts": {e: event_start(K, e) for e in by_org.events}, "attendance": by_org}
    return TieArrays(ids, [nodes[n] for n in ids], W, bits, kinds, parts, dict(links), graph)


def _attendance_parts(attended, index: dict, weighting: str) -> _Parts | None:
    """The delegates' and hosts' incidence matrices on all rows, and the event scale."""
    if not attended:
        return None
    events = sorted({a.event for a in attended})
    column = {e: c for c, e in enumerate(events)}

    def incidence(host: bool) -> sp.csr_matrix:
        chosen = [a for a in attended if a.host == host]
        rows = np.array([index[a.org] for a in chosen], dtype=np.int64)
        cols = np.array([column[a.event] for a in chosen], dtype=np.int64)
        return sp.csr_matrix((np.ones(len(chosen)), (rows, cols)), shape=(len(index), len(events)))

    D, H = incidence(False), incidence(True)
    return _Parts(D, H, event_scale(D + H, weighting))


def _summed(n: int, parts: _Parts | None, explicit: dict[str, sp.csr_matrix]) -> tuple[sp.csr_matrix, np.ndarray, list]:
    """W, the symmetric sum of every type's weights (no diagonal), and each stored entry's type
    bits, built block of rows by block (the products of one block at a time: a bounded peak)."""
    kinds = sorted((set(ATTENDANCE_KINDS) if parts is not None else set()) | set(explicit))
    blocks = parts.blocks(n) if parts is not None else ((s, {}) for s in range(0, n, _BLOCK))
    indptr, indices, data, bits, stored = [np.zeros(1, np.int64)], [], [], [], 0
    for start, typed in blocks:
        stop = min(start + _BLOCK, n)
        typed = {**typed, **{kind: M[start:stop] for kind, M in explicit.items()}}
        W, flags = sp.csr_matrix((stop - start, n)), sp.csr_matrix((stop - start, n))
        for kind in kinds:
            C = typed[kind].tocoo()
            keep = (C.row + start != C.col) & (C.data != 0)  # no tie with oneself (the products hold it)
            M = sp.csr_matrix((C.data[keep], (C.row[keep], C.col[keep])), shape=C.shape)
            F = M.copy()
            F.data[:] = 1 << kinds.index(kind)
            W, flags = W + M, flags + F
        for M in (W, flags):
            M.sort_indices()
        assert W.nnz == flags.nnz  # the same pattern: weights are positive
        indptr.append(W.indptr[1:] + stored)
        indices.append(W.indices.astype(np.int32))
        data.append(W.data)
        bits.append(flags.data.astype(np.uint8))
        stored += W.nnz
    W = sp.csr_matrix((_joined(data, np.float64), _joined(indices, np.int32), np.concatenate(indptr)), shape=(n, n))
    W.has_sorted_indices = True
    return W, _joined(bits, np.uint8), kinds


def _joined(blocks: list, dtype) -> np.ndarray:
    """The blocks end to end, each freed once copied (the peak: the blocks and one whole array)."""
    out, at = np.empty(sum(len(b) for b in blocks), dtype=dtype), 0
    while blocks:
        block = blocks.pop(0)
        out[at:at + len(block)] = block
        at += len(block)
    return out
