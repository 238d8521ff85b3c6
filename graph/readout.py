"""One read from Neo4j into NetworkX: the knowledge graph as a MultiDiGraph.

Two queries in all (nodes, relationships), whatever the graph's size, each answering with a
few list-packed records of `CHUNK` rows, streamed (a progress bar on a terminal, with a third
query counting the rows for its total) and handed as they come to `knowledge_graph`, which
fills K's adjacency in bulk; everything after this is a pure function over the returned graph.
"""

from __future__ import annotations

from collections.abc import Iterator

import neo4j
import networkx as nx

from medgraph import progress
from medgraph.connection import refuse_unfinished_load
from medgraph.cypher import read_cypher
from medgraph.graph.knowledge import knowledge_graph
from medgraph.schema import LABELS

__all__ = ["CHUNK", "native", "node_label", "read_graph"]

CHUNK = 10_000  # rows per record of the read-out queries
TEMPORAL = (neo4j.time.Date, neo4j.time.DateTime, neo4j.time.Time, neo4j.time.Duration)


def native(props: dict) -> dict:
    """The properties with Neo4j temporal values as Python ones (neo4j.time.Date ->
    datetime.date); the same dict when it holds none (most relationships)."""
    if not any(isinstance(value, TEMPORAL) for value in props.values()):
        return props
    return {k: v.to_native() if isinstance(v, TEMPORAL) else v for k, v in props.items()}


def node_label(labels: list[str]) -> str:
    """The contract label among a node's labels (Organisation rather than Cluster)."""
    return next(label for label in LABELS if label in labels)


def read_graph(driver: neo4j.Driver, database: str) -> nx.MultiDiGraph:
    """The whole knowledge graph (without MENTIONS) as a MultiDiGraph keyed by node id.

    Nodes get `label` (Organisation, Event, …) and their properties, Organisations and Events
    also `region` and `subregion` from their Country; edges are keyed by relationship type.
    """
    totals = {"nodes": None, "relationships": None}
    if progress.enabled():
        totals = driver.execute_query(read_cypher("graph", "count_read_out"), database_=database).records[0]
    with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS) as session:
        refuse_unfinished_load(session)
        labels: dict[tuple, str] = {}  # a node's labels -> its contract label, worked out once per set
        nodes = ((node_id, labels.get(tuple(names)) or labels.setdefault(tuple(names), node_label(names)), native(props))
                 for chunk in read_chunks(session, "read_nodes", totals["nodes"])
                 for node_id, names, props in chunk["chunk"])
        relationships = ((start, kind, end, native(props))
                         for chunk in read_chunks(session, "read_relationships", totals["relationships"])
                         for kind in (chunk["kind"],)
                         for start, end, props in chunk["chunk"])
        return knowledge_graph(nodes, relationships)


def read_chunks(session: neo4j.Session, query: str, total: int | None = None) -> Iterator[neo4j.Record]:
    """The records of a list-packed read-out query as they arrive (a bar on a terminal)."""
    with progress.bar(f"reading {query.removeprefix('read_')}", total) as advance:
        for record in session.run(read_cypher("graph", query), chunk=CHUNK):
            yield record
            advance(len(record["chunk"]))
