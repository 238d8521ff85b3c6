"""One read from Neo4j into NetworkX: the knowledge graph as a MultiDiGraph.

Two queries in all (nodes, relationships), whatever the graph's size, each answering in
columns: a record holds the ids of some nodes or relationships of one label or type and a list
per property, which the driver decodes as plain values, without a record or a property map per
row. Records are streamed (a progress bar on a terminal, with a third query counting the rows
for its total) and handed as they come to `knowledge_graph_from_columns`, which fills K's
adjacency in bulk; everything after this is a pure function over the returned graph.
"""

from __future__ import annotations

from collections.abc import Iterator

import neo4j
import networkx as nx

from medgraph import progress
from medgraph.collector import collection_paused
from medgraph.connection import refuse_unfinished_load
from medgraph.cypher import read_cypher
from medgraph.graph.knowledge import knowledge_graph_from_columns
from medgraph.schema import LABELS

__all__ = ["CHUNK", "SOURCES", "native_columns", "node_label", "read_graph"]

CHUNK = 10_000  # nodes per record of read_nodes
SOURCES = 1_000  # start nodes whose relationships make a record of read_relationships
TEMPORAL = (neo4j.time.Date, neo4j.time.DateTime, neo4j.time.Time, neo4j.time.Duration)
TEMPORAL_TYPES = frozenset(TEMPORAL)  # the driver decodes these exact classes


def native_columns(keys: list[str], columns: list[list]) -> dict[str, list]:
    """The property columns by name, Neo4j temporal values as Python ones (neo4j.time.Date ->
    datetime.date); a column without any kept as it is (its value types checked in C)."""
    return {key: column if TEMPORAL_TYPES.isdisjoint(map(type, column))
            else [v.to_native() if isinstance(v, TEMPORAL) else v for v in column]
            for key, column in zip(keys, columns)}


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
    with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS) as session, collection_paused():
        refuse_unfinished_load(session)
        nodes = ((node_label(labels), ids, native_columns(keys, columns))
                 for labels, ids, keys, columns in read_records(session, "read_nodes", totals["nodes"], chunk=CHUNK))
        relationships = ((kind, starts, ends, native_columns(keys, columns))
                         for kind, starts, ends, keys, columns
                         in read_records(session, "read_relationships", totals["relationships"], sources=SOURCES))
        return knowledge_graph_from_columns(nodes, relationships)


def read_records(session: neo4j.Session, query: str, total: int | None, **parameters) -> Iterator[list]:
    """The values of each record of a columnar read-out query as they arrive (a bar on a
    terminal, advanced by the rows of each: the length of its second column)."""
    with progress.bar(f"reading {query.removeprefix('read_')}", total) as advance:
        for record in session.run(read_cypher("graph", query), **parameters):
            values = record.values()
            yield values
            advance(len(values[1]))
