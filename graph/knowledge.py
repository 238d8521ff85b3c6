"""The knowledge graph K as a NetworkX MultiDiGraph, built from plain tuples or columns.

Two constructors of K, one graph: `knowledge_graph` from node and edge tuples (the tests and the
docs hand it small hand-made graphs), `knowledge_graph_from_columns` from blocks of property
columns (the Neo4j read-out hands it the columns it read); both fill K through `_graph`, with
the same checks. `example_graph` is a hand-made graph: an invented programme small enough to
check every analysis of it by hand.
"""

from __future__ import annotations

import copy
import datetime as dt
import itertools
from collections.abc import Iterable

import networkx as nx

from medgraph.errors import MedgraphError
from medgraph.schema import LABELS, PLACED_LABELS

__all__ = ["LABELS", "knowledge_graph", "knowledge_graph_from_columns", "said", "example_graph"]


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
    return _graph(((node_id, {"name": None, **(props[0] if props and props[0] else {}), "label": _known(label, node_id)})
                   for node_id, label, *props in nodes),
                  ((start, end, {"sources": [], "evidence": [], **(props[0] if props and props[0] else {}), "type": kind})
                   for start, kind, end, *props in edges))


def knowledge_graph_from_columns(node_blocks: Iterable[tuple], edge_blocks: Iterable[tuple]) -> nx.MultiDiGraph:
    """The knowledge graph K from blocks of columns, as the Neo4j read-out gets them: the same
    graph as `knowledge_graph` given the same nodes and edges one by one.

    Parameters
    ----------
    node_blocks : iterable of ``(label, ids, columns)``
        Nodes of one label: their ids and a dict of property columns (a list per property,
        aligned with ids; None where a node has no such property).
    edge_blocks : iterable of ``(type, starts, ends, columns)``
        Relationships of one type: their start and end ids and property columns likewise.

    Raises MedgraphError as `knowledge_graph` does.

    Examples
    --------
    >>> K = knowledge_graph_from_columns(
    ...     [("Organisation", ["olive", "solar"], {"name": ["Olive Oil Cluster", "Solar"], "country": ["TN", None]}),
    ...      ("Event", ["forum"], {"name": ["Forum"]})],
    ...     [("ATTENDED", ["olive", "solar"], ["forum", "forum"], {"role": ["delegate", "host"]})])
    >>> K.nodes["solar"], K.edges["solar", "forum", "ATTENDED"]
    ({'name': 'Solar', 'label': 'Organisation'}, {'sources': [], 'evidence': [], 'role': 'host', 'type': 'ATTENDED'})
    """
    nodes = (row for label, ids, columns in node_blocks
             for row in zip(ids, _column_dicts(len(ids), columns, NODE_DEFAULTS, ("label", _known(label, ids[0] if ids else None)))))
    edges = (row for kind, starts, ends, columns in edge_blocks
             for row in zip(starts, ends, _column_dicts(len(starts), columns, EDGE_DEFAULTS, ("type", kind))))
    return _graph(nodes, edges)


NODE_DEFAULTS = {"name": lambda: None}  # a node's keys before its other properties, and their defaults
EDGE_DEFAULTS = {"sources": list, "evidence": list}  # a fresh empty list for each edge


def _column_dicts(n: int, columns: dict[str, list], defaults: dict, last: tuple[str, object]) -> list[dict]:
    """One attribute dict per row of the columns: the `defaults`' keys first (their default where
    a row has None), the other properties a row has (None: it has none), then `last`."""
    full = {key: _filled(n, columns.get(key), make) for key, make in defaults.items()}
    partial = {}
    for key, column in columns.items():
        if key not in defaults:
            (partial if None in column else full)[key] = column
    if not partial:
        keys = [*full, last[0]]
        return [dict(zip(keys, row)) for row in zip(*full.values(), itertools.repeat(last[1], n))]
    rows = [dict(zip(full, row)) for row in zip(*full.values())]
    for key, column in partial.items():
        for row, value in zip(rows, column):
            if value is not None:
                row[key] = value
    for row in rows:
        row[last[0]] = last[1]
    return rows


def _filled(n: int, column: list | None, make) -> list:
    if column is None:
        return [make() for _ in range(n)]
    return [make() if value is None else value for value in column] if None in column else column


def _known(label: str, node_id) -> str:
    if label not in LABELS:
        raise MedgraphError(f"node {node_id!r}: unknown label {label!r} (one of {', '.join(LABELS)})")
    return label


def _graph(nodes: Iterable[tuple[str, dict]], edges: Iterable[tuple[str, str, dict]]) -> nx.MultiDiGraph:
    """K from (id, attributes) and (start, end, attributes) pairs, the attributes complete
    (``label``, ``type``), filled into K's dicts directly: `add_edges_from` goes through
    `add_edge` and the graph's views for each edge, some 10 times slower on a million edges.
    Successors and predecessors share each edge's key dict, as `MultiDiGraph.add_edge` lays
    them out."""
    K = nx.MultiDiGraph()
    attrs, succ, pred = K._node, K._succ, K._pred
    for node_id, data in nodes:
        if node_id in attrs:
            raise MedgraphError(f"node {node_id!r}: given twice")
        attrs[node_id], succ[node_id], pred[node_id] = data, {}, {}
    for start, end, data in edges:
        out = succ.get(start)
        if out is None or end not in succ:
            unknown = start if out is None else end
            raise MedgraphError(f"{data['type']} edge {start!r} -> {end!r}: unknown node {unknown!r}")
        keys = out.get(end)
        kind = data["type"]
        if keys is None:
            out[end] = pred[end][start] = {kind: data}
        elif kind in keys:
            raise MedgraphError(f"{kind} edge {start!r} -> {end!r}: given twice")
        else:
            keys[kind] = data
    _add_regions(K)
    return K


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
