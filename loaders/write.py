"""Writing graph rows to Neo4j: constraints first, then every row in one transaction."""

from __future__ import annotations

from itertools import islice

import neo4j

from medgraph.cypher import read_cypher
from medgraph.loaders.rows import GraphRows

BATCH = 1000


def batches(rows: list[dict], size: int = BATCH):
    iterator = iter(rows)
    while batch := list(islice(iterator, size)):
        yield batch


def create_constraints(driver: neo4j.Driver, database: str) -> None:
    for statement in read_cypher("loaders", "constraints").split(";"):
        driver.execute_query(statement, database_=database)


def write_rows(tx: neo4j.ManagedTransaction, rows: GraphRows) -> None:
    """Nodes before relationships, in UNWIND batches, inside the caller's transaction."""
    for batch in batches(rows.node_rows()):
        tx.run(read_cypher("loaders", "merge_nodes"), rows=batch).consume()
    for batch in batches(rows.relationship_rows()):
        tx.run(read_cypher("loaders", "merge_relationships"), rows=batch).consume()


def write(driver: neo4j.Driver, database: str, rows: GraphRows) -> None:
    """Write all rows atomically: after a failure the graph is as it was before."""
    create_constraints(driver, database)
    with driver.session(database=database) as session:
        session.execute_write(write_rows, rows)
