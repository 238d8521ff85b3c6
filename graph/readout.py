"""One read from Neo4j into NetworkX: the knowledge graph as a MultiDiGraph.

Two queries in all (nodes, relationships), whatever the graph's size; everything after this
is a pure function over the returned graph.
"""

from __future__ import annotations

import networkx as nx
import neo4j

from medgraph.cypher import read_cypher
from medgraph.graph.build import LABELS, knowledge_graph


def native(value):
    """Neo4j temporal values as Python ones (neo4j.time.Date -> datetime.date)."""
    return value.to_native() if hasattr(value, "to_native") else value


def node_label(labels: list[str]) -> str:
    """The contract label among a node's labels (Organisation rather than Cluster)."""
    return next(label for label in LABELS if label in labels)


def read_graph(driver: neo4j.Driver, database: str) -> nx.MultiDiGraph:
    """The whole knowledge graph (without MENTIONS) as a MultiDiGraph keyed by node id.

    Nodes get `label` (Organisation, Event, …) and their properties, Organisations and Events
    also `region` and `subregion` from their Country; edges are keyed by relationship type.
    """
    nodes, _, _ = driver.execute_query(read_cypher("graph", "read_nodes"), database_=database)
    relationships, _, _ = driver.execute_query(read_cypher("graph", "read_relationships"), database_=database)
    return knowledge_graph(
        ((r["id"], node_label(r["labels"]), {k: native(v) for k, v in r["props"].items()}) for r in nodes),
        ((r["start"], r["type"], r["end"], {k: native(v) for k, v in r["props"].items()}) for r in relationships))
