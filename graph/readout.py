"""One read from Neo4j into NetworkX: the knowledge graph as a MultiDiGraph.

Two queries in all (nodes, relationships), whatever the graph's size, each answering with a
few list-packed records of `CHUNK` rows, streamed (a progress bar on a terminal, with a third
query counting the rows for its total); everything after this is a pure function over the
returned graph.
"""

from __future__ import annotations

import neo4j
import networkx as nx

from medgraph import progress
from medgraph.cypher import read_cypher
from medgraph.graph.knowledge import knowledge_graph
from medgraph.schema import LABELS

CHUNK = 10_000  # rows per record of the read-out queries


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
    totals = {"nodes": None, "relationships": None}
    if progress.enabled():
        totals = driver.execute_query(read_cypher("graph", "count_read_out"), database_=database).records[0]
    nodes = read_chunks(driver, database, "read_nodes", total=totals["nodes"])
    relationships = read_chunks(driver, database, "read_relationships", total=totals["relationships"])
    return knowledge_graph(
        ((node_id, node_label(labels), {k: native(v) for k, v in props.items()}) for node_id, labels, props in nodes),
        ((start, kind, end, {k: native(v) for k, v in props.items()}) for start, kind, end, props in relationships))


def read_chunks(driver: neo4j.Driver, database: str, query: str, total: int | None = None) -> list[list]:
    """The rows of a list-packed read-out query, unpacked as they arrive (a bar on a terminal)."""
    rows: list[list] = []
    with progress.bar(f"reading {query.removeprefix('read_')}", total) as advance, \
            driver.session(database=database, default_access_mode=neo4j.READ_ACCESS) as session:
        for record in session.run(read_cypher("graph", query), chunk=CHUNK):
            rows.extend(record["chunk"])
            advance(len(record["chunk"]))
    return rows
