"""The knowledge graph K as a NetworkX MultiDiGraph, built from plain tuples.

`knowledge_graph` is the one constructor of K: the Neo4j read-out hands it the records it
read, the tests and the docs hand it small hand-made graphs. `example_graph` is such a graph:
an invented programme small enough to check every analysis of it by hand.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterable

import networkx as nx

from medgraph.errors import MedgraphError
from medgraph.schema import LABELS, PLACED_LABELS

__all__ = ["LABELS", "knowledge_graph", "said", "example_graph"]


def knowledge_graph(nodes: Iterable[tuple], edges: Iterable[tuple]) -> nx.MultiDiGraph:
    """The knowledge graph K from node and relationship tuples.

    Parameters
    ----------
    nodes : iterable of ``(id, label)`` or ``(id, label, props)``
        `label` is one of ``medgraph.schema.LABELS``; `props` a dict of properties (``name``, ``kind``, …).
    edges : iterable of ``(start, type, end)`` or ``(start, type, end, props)``
        Relationships between known node ids; each becomes an edge keyed by its type, with
        ``type`` set and ``sources`` and ``evidence`` defaulting to empty lists.

    Returns
    -------
    nx.MultiDiGraph
        Nodes keyed by id with ``label`` and their properties. An Organisation or Event with a
        ``country`` whose Country node is in the graph gets that node's ``region`` and
        ``subregion`` unless it has its own.

    Raises MedgraphError on an unknown label, an edge to an unknown node or a repeated edge.

    Examples
    --------
    >>> K = knowledge_graph(
    ...     [("TN", "Country", {"region": "South-Med"}),
    ...      ("olive", "Organisation", {"name": "Olive Oil Cluster", "country": "TN"}),
    ...      ("forum", "Event", {"name": "Forum"})],
    ...     [("olive", "ATTENDED", "forum", {"role": "delegate", "sources": ["d1"]})])
    >>> K.nodes["olive"]["region"], K.edges["olive", "forum", "ATTENDED"]["evidence"]
    ('South-Med', [])
    """
    K = nx.MultiDiGraph()
    K.add_nodes_from(_node_attrs(nodes).items())
    _add_edges(K, edges)
    _add_regions(K)
    return K


def _node_attrs(nodes: Iterable[tuple]) -> dict:
    attrs: dict = {}
    for node_id, label, *props in nodes:
        if label not in LABELS:
            raise MedgraphError(f"node {node_id!r}: unknown label {label!r} (one of {', '.join(LABELS)})")
        if node_id in attrs:
            raise MedgraphError(f"node {node_id!r}: given twice")
        attrs[node_id] = {"name": None, **(props[0] if props and props[0] else {}), "label": label}
    return attrs


def _add_edges(K: nx.MultiDiGraph, edges: Iterable[tuple]) -> None:
    """Every edge into K's adjacency dicts directly (successors, and predecessors sharing the
    same key dict, as `MultiDiGraph.add_edge` lays them out): `add_edges_from` goes through
    `add_edge` and the graph's views for each edge, some 10 times slower on a million edges."""
    succ, pred = K._succ, K._pred
    for start, kind, end, *props in edges:
        if start not in succ or end not in succ:
            unknown = start if start not in succ else end
            raise MedgraphError(f"{kind} edge {start!r} -> {end!r}: unknown node {unknown!r}")
        attrs = {"sources": [], "evidence": [], **(props[0] if props and props[0] else {}), "type": kind}
        keys = succ[start].get(end)
        if keys is None:
            succ[start][end] = pred[end][start] = {kind: attrs}
        elif kind in keys:
            raise MedgraphError(f"{kind} edge {start!r} -> {end!r}: given twice")
        else:
            keys[kind] = attrs


def _add_regions(K: nx.MultiDiGraph) -> None:
    """Give Organisations and Events the region and subregion of their Country node."""
    for _, data in K.nodes(data=True):
        country = K.nodes.get(data.get("country")) if data.get("country") else None
        if country and data["label"] in PLACED_LABELS and country["label"] == "Country":
            for attr in ("region", "subregion"):
                if data.get(attr) is None:
                    data[attr] = country.get(attr)


def said(doc: str, line: int, **props) -> dict:
    """Relationship properties stated by one document line.

    >>> said("doc-visit", 4, role="host")
    {'sources': ['doc-visit'], 'evidence': ['doc-visit:4'], 'role': 'host'}
    """
    return {"sources": [doc], "evidence": [f"{doc}:{line}"], **props}


def example_graph() -> nx.MultiDiGraph:
    """A small invented programme, the example of every analysis's docs.

    Two held events and one planned: a benchmarking visit to Barcelona (2018) where the Olive
    Oil (TN) and Technical Textile (MA) clusters were hosted by the Solar Energy Cluster (ES);
    a forum in Lyon (2019) where the Textile cluster met France Clusters and the Agri Sud
    Cluster (FR), France Clusters signed an agreement with the Olive cluster, and a person of
    Agri Sud mentors one of the Textile cluster. ESITH (MA) is a member of the Textile
    cluster; QOOT (LB) has only a planned mission.

    >>> K = example_graph()
    >>> sorted(n for n, d in K.nodes(data=True) if d["label"] == "Organisation")
    ['agro', 'esith', 'fc', 'olive', 'qoot', 'solar', 'textile']
    """
    # copied, so that a caller changing its graph's lists never changes the next one
    return knowledge_graph(copy.deepcopy(EXAMPLE_NODES), copy.deepcopy(EXAMPLE_EDGES))


def _org(node_id, name, kind, country, sector=None):
    return (node_id, "Organisation", {"name": name, "kind": kind, "country": country, "aliases": [],
                                      "sector": sector})


def _event(node_id, name, kind, start, end, status, city, country):
    return (node_id, "Event", {"name": name, "kind": kind, "start": start, "end": end, "status": status,
                               "city": city, "country": country})


EXAMPLE_NODES = [
    ("TN", "Country", {"name": "Tunisia", "region": "South-Med", "subregion": "Maghreb"}),
    ("MA", "Country", {"name": "Morocco", "region": "South-Med", "subregion": "Maghreb"}),
    ("LB", "Country", {"name": "Lebanon", "region": "South-Med", "subregion": "Mashreq"}),
    ("ES", "Country", {"name": "Spain", "region": "EU", "subregion": "EU-Mediterranean"}),
    ("FR", "Country", {"name": "France", "region": "EU", "subregion": "EU-Mediterranean"}),
    _org("olive", "Olive Oil Cluster", "Cluster", "TN", "agri-food"),
    _org("textile", "Technical Textile Cluster", "Cluster", "MA", "textile"),
    _org("qoot", "QOOT Agri-Food Cluster", "Cluster", "LB", "agri-food"),
    _org("esith", "ESITH", "School", "MA"),
    _org("solar", "Solar Energy Cluster", "Cluster", "ES", "energy"),
    _org("fc", "France Clusters", "Network", "FR"),
    _org("agro", "Agri Sud Cluster", "Cluster", "FR", "agri-food"),
    ("amal", "Person", {"name": "Amal Haddad"}),
    ("jean", "Person", {"name": "Jean Morel"}),
    ("booster", "Programme", {"name": "Cluster Booster Track"}),
    _event("visit-2018", "Benchmarking visit, Barcelona", "benchmarking visit",
           dt.date(2018, 11, 19), dt.date(2018, 11, 23), "held", "Barcelona", "ES"),
    _event("forum-2019", "Forum de Lyon", "forum", dt.date(2019, 9, 13), dt.date(2019, 9, 13), "held", "Lyon", "FR"),
    _event("mission-2020", "Market mission, Madrid", "international market mission",
           dt.date(2020, 3, 2), dt.date(2020, 3, 5), "planned", "Madrid", "ES"),
    ("agr-2019", "Agreement", {"name": "France Clusters – Olive Oil Cluster partnership",
                               "kind": "partnership agreement", "date": dt.date(2019, 9, 13)}),
    ("doc-visit", "Document", {"name": "Barcelona visit report"}),
    ("doc-forum", "Document", {"name": "Lyon forum report"}),
]

EXAMPLE_EDGES = [
    ("olive", "ATTENDED", "visit-2018", said("doc-visit", 4, role="delegate")),
    ("textile", "ATTENDED", "visit-2018", said("doc-visit", 5, role="delegate")),
    ("solar", "ATTENDED", "visit-2018", said("doc-visit", 6, role="host")),
    ("textile", "ATTENDED", "forum-2019", said("doc-forum", 3, role="delegate")),
    ("fc", "ATTENDED", "forum-2019", said("doc-forum", 3, role="delegate")),
    ("agro", "ATTENDED", "forum-2019", said("doc-forum", 4, role="delegate")),
    ("fc", "ORGANISED", "forum-2019", said("doc-forum", 2, role="organiser")),
    ("qoot", "ATTENDED", "mission-2020", said("doc-forum", 9, role="delegate")),
    ("esith", "MEMBER_OF", "textile", said("doc-forum", 4)),
    ("amal", "WORKS_FOR", "textile", said("doc-forum", 5)),
    ("jean", "WORKS_FOR", "agro", said("doc-forum", 5)),
    ("jean", "MENTORS", "amal", said("doc-forum", 5, met_at="forum-2019")),
    ("fc", "PARTY_TO", "agr-2019", said("doc-forum", 6)),
    ("olive", "PARTY_TO", "agr-2019", said("doc-forum", 6)),
    ("agr-2019", "SIGNED_AT", "forum-2019", said("doc-forum", 6)),
    ("visit-2018", "PART_OF", "booster", said("doc-visit", 1)),
    ("forum-2019", "PART_OF", "booster", said("doc-forum", 1)),
    ("mission-2020", "PART_OF", "booster", said("doc-forum", 9)),
]
