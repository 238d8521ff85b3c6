"""Writing graph rows to Neo4j: constraints first, then every row in one transaction."""

from __future__ import annotations

from functools import cache
from itertools import groupby, islice

import neo4j

from medgraph.cypher import read_cypher
from medgraph.errors import MedgraphError
from medgraph.loaders.rows import GraphRows
from medgraph.schema import RELATIONSHIP_TYPES

# Rows per UNWIND statement. The benchmark (benchmarks/run.py) sweeps 500 to 20,000; the
# rows/s are flat from 1,000 up and 5,000 was best on M (benchmarks/README.md).
BATCH = 5000
#: The placeholder of merge_relationship.cypher that `merge_statement` replaces by the type.
TYPE_SLOT = "[r:TYPE]"


def batches(rows: list[dict], size: int = BATCH):
    """Consecutive lists of at most `size` rows.

    >>> [len(b) for b in batches(list(range(5)), 2)]
    [2, 2, 1]
    """
    iterator = iter(rows)
    while batch := list(islice(iterator, size)):
        yield batch


def create_constraints(driver: neo4j.Driver, database: str) -> None:
    for statement in read_cypher("loaders", "constraints").split(";"):
        driver.execute_query(statement, database_=database)


@cache
def merge_statement(kind: str) -> str:
    """The MERGE statement of one relationship type: merge_relationship.cypher with the type put
    in, only ever a type of the schema's allow-list (the header of that file says why).

    >>> "MERGE (a)-[r:ATTENDED]->(b)" in merge_statement("ATTENDED")
    True
    >>> merge_statement("KNOWS]->(b) DETACH DELETE a //")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    medgraph.errors.MedgraphError: no statement writes relationships of type 'KNOWS]->(b) DETACH DELETE a //' (one of ...)
    """
    if kind not in RELATIONSHIP_TYPES:
        raise MedgraphError(f"no statement writes relationships of type {kind!r} (one of {', '.join(RELATIONSHIP_TYPES)})")
    template = read_cypher("loaders", "merge_relationship")
    if template.count(TYPE_SLOT) != 1:
        raise MedgraphError(f"merge_relationship.cypher: expected {TYPE_SLOT} once")
    return template.replace(TYPE_SLOT, f"[r:{kind}]")


def write_rows(tx: neo4j.ManagedTransaction, rows: GraphRows, batch_size: int = BATCH,
               replace: bool = False) -> None:
    """Every statement of `statements`, inside the caller's transaction."""
    for statement, parameters in statements(rows, batch_size, replace):
        tx.run(statement, parameters).consume()


def run_one(tx: neo4j.ManagedTransaction, statement: str, parameters: dict) -> None:
    tx.run(statement, parameters).consume()


def write(driver: neo4j.Driver, database: str, rows: GraphRows, batch_size: int = BATCH,
          atomic: bool = True, replace: bool = False) -> None:
    """Write all rows atomically: after a failure the graph is as it was before. With
    `replace` the rows replace whatever the database held (in the same transaction).

    With ``atomic=False`` each batch commits on its own: the server then holds one batch in
    memory at a time (one transaction of a million attendances needs more than Neo4j's
    default transaction memory, 70% of the heap), and a failure leaves the batches before it.
    """
    create_constraints(driver, database)
    with driver.session(database=database) as session:
        if atomic:
            session.execute_write(write_rows, rows, batch_size, replace)
            return
        for statement, parameters in statements(rows, batch_size, replace):
            session.execute_write(run_one, statement, parameters)


def statements(rows: GraphRows, batch_size: int = BATCH, replace: bool = False):
    """(statement, parameters) in writing order: emptying the database when replacing, else taking
    back what this load's registry and documents stated the last time; then the nodes, then the
    relationships type by type, in UNWIND batches; then the nodes nothing states any more."""
    if replace:
        yield read_cypher("medgraph", "wipe"), {}
    else:
        yield from forget_statements(rows, batch_size)
    for batch in batches(rows.node_rows(), batch_size):
        yield read_cypher("loaders", "merge_nodes"), {"rows": batch}
    for kind, typed in groupby(rows.relationship_rows(), key=lambda row: row["type"]):
        statement = merge_statement(kind)
        for batch in batches(list(typed), batch_size):
            yield statement, {"rows": batch}
    if not replace:
        yield read_cypher("loaders", "forget_orphans"), {}


def forget_statements(rows: GraphRows, batch_size: int = BATCH):
    """A reload replaces what its owners stated (docs/reliability.md, "Reloads"): their evidence
    comes off every relationship, in batches of documents, then the registry's, with the
    entities it no longer lists."""
    documents = sorted(id for id, node in rows.nodes.items() if "Document" in node["labels"])
    owners = dict.fromkeys(documents, True)
    for batch in batches(documents, batch_size):
        yield read_cypher("loaders", "forget_documents"), {"documents": batch, "owners": owners}
    yield read_cypher("loaders", "forget_registry"), {"entries": dict.fromkeys(rows.registry_entries, True)}
