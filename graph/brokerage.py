"""Gould–Fernandez brokerage roles: who stands between whom, across which groups.

A broker b mediates every path a → b → c of a directed graph with a ≠ c and no direct edge
a → c. The path's role for b depends on the groups of a, b and c (Gould & Fernandez 1989,
"Structures of mediation"):

=================  ========================  =========================================
role               groups                    b mediates …
=================  ========================  =========================================
coordinator        a = b = c                 within its own group
itinerant          a = c ≠ b                 within another group (also: consultant)
representative     a = b ≠ c                 from its own group out to another
gatekeeper         a ≠ b = c                 from another group into its own
liaison            a, b, c all different     between two groups, neither its own
=================  ========================  =========================================

NetworkX has no implementation; this one follows the definition. For the undirected tie
network pass ``T.to_directed()``: each tie then counts in both directions, so an open path
a — b — c is two paths, a → b → c and c → b → a, and a broker between its own group and
another is a representative on one and a gatekeeper on the other. A node without the group
attribute belongs to the group None.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd

from medgraph.errors import MedgraphError
from medgraph.graph.products import entry_rows

__all__ = ["BROKERAGE_ROLES", "role", "brokered_paths", "brokerage_roles", "tie_brokerage", "role_counts"]

#: The five brokerage roles (not the roles of an attendance: those are `medgraph.schema.ATTENDANCE_ROLES`).
BROKERAGE_ROLES = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")


def role(a, b, c) -> str:
    """The brokerage role of b on a path a → b → c, from the three groups.

    >>> role("EU", "EU", "EU"), role("EU", "South-Med", "EU"), role("EU", "EU", "South-Med")
    ('coordinator', 'itinerant', 'representative')
    >>> role("South-Med", "EU", "EU"), role("South-Med", "EU", "Other")
    ('gatekeeper', 'liaison')
    """
    if a == b == c:
        return "coordinator"
    if a == c:
        return "itinerant"
    if a == b:
        return "representative"
    if b == c:
        return "gatekeeper"
    return "liaison"


def brokered_paths(D: nx.DiGraph, b):
    """The (a, c) ends of every path a → b → c with a ≠ c and no edge a → c."""
    for a in sorted(D.predecessors(b), key=str):
        for c in sorted(D.successors(b), key=str):
            if len({a, b, c}) == 3 and not D.has_edge(a, c):
                yield a, c


def brokerage_roles(D: nx.DiGraph, group_attr: str = "region") -> pd.DataFrame:
    """How often each node brokers in each Gould–Fernandez role.

    Parameters
    ----------
    D : a directed graph (for the tie network: ``T.to_directed()``)
    group_attr : the node attribute that names a node's group

    Returns
    -------
    DataFrame with columns id, name, group, coordinator, itinerant, representative,
    gatekeeper, liaison, total; one row per node, most brokering first (then name, id).

    Examples
    --------
    >>> D = nx.DiGraph([("fr", "tn"), ("tn", "ma")])
    >>> nx.set_node_attributes(D, {"fr": "EU", "tn": "South-Med", "ma": "South-Med"}, "region")
    >>> brokerage_roles(D)[["id", "gatekeeper", "total"]].values.tolist()
    [['tn', 1, 1], ['fr', 0, 0], ['ma', 0, 0]]
    """
    if not D.is_directed():
        raise MedgraphError("brokerage_roles needs a directed graph: pass G.to_directed()")
    group = {n: d.get(group_attr) for n, d in D.nodes(data=True)}
    rows = []
    for b, d in D.nodes(data=True):
        counts = dict.fromkeys(BROKERAGE_ROLES, 0)
        for a, c in brokered_paths(D, b):
            counts[role(group[a], group[b], group[c])] += 1
        rows.append({"id": b, "name": d.get("name", b), "group": group[b], **counts, "total": sum(counts.values())})
    rows.sort(key=lambda r: (-r["total"], str(r["name"]), str(r["id"])))
    return pd.DataFrame(rows, columns=["id", "name", "group", *BROKERAGE_ROLES, "total"])


def tie_brokerage(T: nx.Graph, group_attr: str = "region", engine: str = "auto") -> pd.DataFrame:
    """`brokerage_roles(T.to_directed(), group_attr)` of the undirected tie network T, on the
    compiled path (`medgraph.graph.engine`) above its threshold: same table, without the directed
    copy; NaN counts above `engine.STRUCTURAL_HOLES_BUDGET` (the methods say so).

    >>> T = nx.Graph([("fr", "tn"), ("tn", "ma")])
    >>> nx.set_node_attributes(T, {"fr": "EU", "tn": "South-Med", "ma": "South-Med"}, "region")
    >>> tie_brokerage(T, engine="compiled")[["id", "gatekeeper", "representative", "total"]].values.tolist()
    [['tn', 1, 1, 2], ['fr', 0, 0, 0], ['ma', 0, 0, 0]]
    """
    from medgraph.graph import engine as eng

    if not eng.compiled(T, engine):
        return brokerage_roles(T.to_directed(), group_attr)
    N = eng.network(T)
    groups = [T.nodes[n].get(group_attr) for n in N.ids]
    if eng.degree_squares(N) > eng.STRUCTURAL_HOLES_BUDGET:  # said in engine.methods: not computed
        counts = {r: np.full(len(N.ids), np.nan) for r in BROKERAGE_ROLES}
    else:
        counts = role_counts(N, groups)
    rows = [{"id": n, "name": T.nodes[n].get("name", n), "group": groups[i],
             **{r: counts[r][i].item() for r in BROKERAGE_ROLES}, "total": sum(counts[r][i] for r in BROKERAGE_ROLES).item()}
            for i, n in enumerate(N.ids)]
    rows.sort(key=lambda r: (-r["total"], str(r["name"]), str(r["id"])))
    return pd.DataFrame(rows, columns=["id", "name", "group", *BROKERAGE_ROLES, "total"])


def role_counts(N, groups: list) -> dict[str, np.ndarray]:
    """Per node of the network N (`engine.Network`), its brokered paths a → b → c in each role.

    For b and groups (g, h): the ordered pairs of b's neighbours a in g, c in h, a ≠ c, less
    those that are tied, found as the common neighbours of a and b in h (a sparse product
    restricted to the ties).
    """
    from medgraph.graph import engine as eng

    A = N.W.copy()
    A.data[:] = 1.0
    names = sorted({str(g) for g in groups})
    code = np.array([names.index(str(g)) for g in groups])
    n, G = len(groups), len(names)
    # in_group[b, g]: b's neighbours in group g
    in_group = np.zeros((n, G))
    edge_rows = entry_rows(A)
    np.add.at(in_group, (edge_rows, code[A.indices]), 1)
    pairs = np.einsum("bg,bh->bgh", in_group, in_group)
    pairs[:, np.arange(G), np.arange(G)] -= in_group
    for h in range(G):
        # common neighbours in h of each tied (b, a): (A · diag(h) · A) at the ties
        members = np.flatnonzero(code == h)
        common = eng.masked_product(A[:, members].tocsr(), A[members].tocsr(), A)
        np.add.at(pairs[:, :, h], (edge_rows, code[A.indices]), -common)
    out = {r: np.zeros(n, dtype=np.int64) for r in BROKERAGE_ROLES}
    for g in range(G):
        for h in range(G):
            labels = [role(g, b, h) for b in range(G)]
            for b in range(G):
                members = code == b
                out[labels[b]][members] += np.rint(pairs[members, g, h]).astype(np.int64)
    return out
