"""Who from the South met whom from the EU: the South-Med cluster × EU organisation ties.

A South-Med cluster and an EU organisation are as `medgraph.schema` defines them
(`is_south_med_cluster`, `is_eu`). Every table reads the tie network T, where every
organisation is a node, isolated ones included: a NetworkX tie graph (`ties.tie_graph`) or the
same network as arrays (`ties.tie_arrays`), read through the same few questions; a tie's events
and evidence come from `ties.tie_evidence` (listed on demand when the evidence is implicit).
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd

from medgraph.graph.ties.accessors import is_held_event
from medgraph.graph.ties.arrays import is_arrays
from medgraph.graph.ties.evidence import tie_evidence
from medgraph.schema import is_eu, is_south_med_cluster

MET_COLUMNS = ["south_id", "south_name", "south_country", "eu_id", "eu_name", "eu_country", "how", "events",
               "evidence"]


def south_clusters(T: nx.Graph) -> list:
    """The South-Med clusters of T, by id."""
    return sorted((n for n, d in T.nodes(data=True) if is_south_med_cluster(d)), key=str)


def eu_partners(T: nx.Graph, n) -> list:
    """The EU organisations tied to n, by id."""
    if is_arrays(T):  # its rows are in id order: the row's EU columns, no lookup per tie
        row = T.row(T.index[n])
        found = T.id_array[row[T.mask(is_eu)[row]]].tolist()
        return found if T.ids_in_text_order else sorted(found, key=str)
    return sorted((m for m in T[n] if is_eu(T.nodes[m])), key=str)


def joined(items) -> str | None:
    """Items comma-joined; None when there are none.

    >>> joined(["a", "b"]), joined([])
    ('a, b', None)
    """
    return ", ".join(items) or None


def name(T: nx.Graph, n) -> str:
    return T.nodes[n].get("name") or str(n)


def met_matrix(T: nx.Graph, listed: int | None = None) -> pd.DataFrame:
    """One row per tie between a South-Med cluster and an EU organisation.

    Returns a DataFrame with columns south_id, south_name, south_country, eu_id, eu_name,
    eu_country, how (the tie types, comma-joined), events and evidence (comma-joined; None when empty), sorted by
    south_name, then eu_name. With `listed` (the arrays path only: `report.analyse` at scale),
    events and evidence are listed for the first `listed` rows only (None below them:
    `ties.tie_evidence` lists any tie's), so that millions of ties need not carry their lists.

    Examples
    --------
    >>> from medgraph.graph.knowledge import example_graph
    >>> from medgraph.graph.ties import tie_graph
    >>> for row in met_matrix(tie_graph(example_graph()))[["south_id", "eu_id", "how", "events"]].values:
    ...     print(*row, sep=" | ")
    olive | fc | agreement | forum-2019
    olive | solar | visited | visit-2018
    textile | agro | co_attended, mentoring | forum-2019
    textile | fc | co_attended | forum-2019
    textile | solar | visited | visit-2018
    """
    if is_arrays(T):
        return met_table_arrays(T, listed)
    rows = [met_row(T, s, e) for s in south_clusters(T) for e in eu_partners(T, s)]
    rows.sort(key=lambda r: (r["south_name"], r["eu_name"], str(r["south_id"]), str(r["eu_id"])))
    return pd.DataFrame(rows, columns=MET_COLUMNS)


def met_row(T: nx.Graph, s, e) -> dict:
    tie, south, eu = T.edges[s, e], T.nodes[s], T.nodes[e]
    listed = tie_evidence(T, s, e)
    return {"south_id": s, "south_name": name(T, s), "south_country": south.get("country"),
            "eu_id": e, "eu_name": name(T, e), "eu_country": eu.get("country"),
            "how": joined(sorted(tie.get("types") or {})), "events": joined(listed["events"]),
            "evidence": joined(listed["evidence"])}


def met_table_arrays(T, listed: int | None = None) -> pd.DataFrame:
    """`met_matrix` of a `ties.TieArrays`, column by column: every South-Med cluster's EU
    partners and their tie types from its row, one sort; events and evidence listed by
    `tie_evidence` for the first `listed` rows (all when None)."""
    eu = T.mask(is_eu)
    south = np.array([T.index[s] for s in south_clusters(T)], dtype=np.int64)
    parts = [(T.row(i), T.row_kinds(i)) for i in south.tolist()]
    chosen = [eu[row] for row, _ in parts]
    rows_s = np.repeat(south, [int(c.sum()) for c in chosen])
    rows_e = np.concatenate([row[c] for (row, _), c in zip(parts, chosen)]) if parts else np.zeros(0, np.int64)
    bits = np.concatenate([b[c] for (_, b), c in zip(parts, chosen)]) if parts else np.zeros(0, np.uint8)
    names = np.array([d.get("name") or str(n) for n, d in zip(T.ids, T.attrs)], dtype=object)
    by_name = np.empty(len(names), dtype=np.int64)
    by_name[sorted(range(len(names)), key=names.__getitem__)] = np.arange(len(names))
    by_id = np.empty(len(names), dtype=np.int64)  # str(id) order, as the NetworkX path sorts
    by_id[sorted(range(len(names)), key=lambda r: str(T.ids[r]))] = np.arange(len(names))
    order = np.lexsort((by_id[rows_e], by_id[rows_s], by_name[rows_e], by_name[rows_s]))
    rows_s, rows_e, bits = rows_s[order], rows_e[order], bits[order]
    ids, countries = np.array(T.ids, dtype=object), np.array([d.get("country") for d in T.attrs], dtype=object)
    how = {b: joined([kind for k, kind in enumerate(T.kinds) if b >> k & 1]) for b in np.unique(bits).tolist()}
    table = pd.DataFrame({"south_id": ids[rows_s], "south_name": names[rows_s], "south_country": countries[rows_s],
                          "eu_id": ids[rows_e], "eu_name": names[rows_e], "eu_country": countries[rows_e],
                          "how": [how[b] for b in bits.tolist()], "events": None, "evidence": None}, columns=MET_COLUMNS)
    shown = len(table) if listed is None else min(listed, len(table))
    evidence = [tie_evidence(T, s, e) for s, e in zip(table["south_id"][:shown], table["eu_id"][:shown])]
    table.loc[:shown - 1, "events"] = [joined(x["events"]) for x in evidence]
    table.loc[:shown - 1, "evidence"] = [joined(x["evidence"]) for x in evidence]
    return table


def attended(K: nx.MultiDiGraph, n) -> list[str]:
    """The held events organisation n attended in K, by id."""
    if n not in K:
        return []
    return sorted(v for _, v, k in K.out_edges(n, keys=True) if k == "ATTENDED" and is_held_event(K, v))


def not_met_eu(T: nx.Graph, K: nx.MultiDiGraph | None = None) -> pd.DataFrame:
    """The South-Med clusters with no tie to any EU organisation, isolated ones included.

    Parameters
    ----------
    T : the tie network
    K : the knowledge graph, optional: adds the column ``attended`` (held events attended)

    Returns a DataFrame id, name, country, ties (to anyone) [, attended], by country, then name.

    Examples
    --------
    >>> from medgraph.graph.knowledge import example_graph
    >>> from medgraph.graph.ties import tie_graph
    >>> K = example_graph()
    >>> not_met_eu(tie_graph(K), K).values.tolist()
    [['qoot', 'QOOT Agri-Food Cluster', 'LB', 0, None]]
    """
    rows = [{"id": n, "name": name(T, n), "country": T.nodes[n].get("country"), "ties": T.degree(n),
             **({"attended": joined(attended(K, n))} if K is not None else {})}
            for n in south_clusters(T) if not eu_partners(T, n)]
    rows.sort(key=lambda r: (str(r["country"]), r["name"], str(r["id"])))
    return pd.DataFrame(rows, columns=["id", "name", "country", "ties", *(["attended"] if K is not None else [])])


def coverage_by_country(T: nx.Graph) -> pd.DataFrame:
    """Per South-Med country: its clusters, how many have at least one EU tie, and the share.

    >>> from medgraph.graph.knowledge import example_graph
    >>> from medgraph.graph.ties import tie_graph
    >>> coverage_by_country(tie_graph(example_graph())).values.tolist()
    [['LB', 1, 0, 0.0], ['MA', 1, 1, 1.0], ['TN', 1, 1, 1.0]]
    """
    counts: dict[str, list[int]] = {}
    for country, met in cluster_coverage(T):
        entry = counts.setdefault(country or "unknown", [0, 0])
        entry[0] += 1
        entry[1] += met
    rows = [{"country": c, "clusters": total, "met_eu": met, "share": met / total}
            for c, (total, met) in sorted(counts.items())]
    return pd.DataFrame(rows, columns=["country", "clusters", "met_eu", "share"])


def cluster_coverage(T: nx.Graph) -> list[tuple[str | None, bool]]:
    """(country, whether it has an EU tie) of each South-Med cluster; on a `ties.TieArrays`,
    whether any column of the cluster's row is an EU row, one slice per cluster (gathering all
    the clusters' entries at once, or every entry's column, reads more memory and is slower)."""
    if not is_arrays(T):
        return [(T.nodes[n].get("country"), bool(eu_partners(T, n))) for n in south_clusters(T)]
    eu, columns, bounds = T.mask(is_eu), T.W.indices, T.W.indptr.tolist()
    return [(T.attrs[i].get("country"), bool(eu[columns[bounds[i]:bounds[i + 1]]].any()))
            for i in np.flatnonzero(T.mask(is_south_med_cluster)).tolist()]
