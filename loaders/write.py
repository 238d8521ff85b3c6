"""Writing graph rows to Neo4j: constraints first, then every row in one transaction.

Into a database that holds nothing of the load (after `--replace`'s wipe, or an empty one) the
rows are new: they go as plain lists to CREATE statements (create_*.cypher). Otherwise they are
merged into what is there (merge_*.cypher), each owner's earlier statements taken back first.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from functools import cache
from itertools import groupby, islice
from operator import itemgetter

import neo4j
from neo4j.exceptions import ConstraintError

from medgraph.collector import collection_paused
from medgraph.connection import refuse_unfinished_load
from medgraph.cypher import read_cypher
from medgraph.errors import MedgraphError
from medgraph.loaders.rows import GraphRows, evidence_order
from medgraph.schema import RELATIONSHIP_TYPES

# Rows per UNWIND statement. The benchmark's sweep (benchmarks/run.py, 1,000 to 20,000 at S
# and M) found the rows/s flat from 5,000 up; at L 20,000 and 10,000 were alike (benchmarks/README.md,
# "The load at L (issue 20, fifth part)").
BATCH = 10000
#: Rows above which a load into an empty database commits batch by batch (see `write`).
ONE_TRANSACTION_MAX = 1_000_000
#: The placeholder of the relationship statements that `merge_statement` replaces by the type.
TYPE_SLOT = "[r:TYPE]"


def batches(rows, size: int = BATCH):
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
def merge_statement(kind: str, action: str = "merge") -> str:
    """The statement writing relationships of one type: merge_relationship.cypher (or with
    ``action="create"`` create_relationship.cypher) with the type put in, only ever a type of
    the schema's allow-list (the header of merge_relationship.cypher says why).

    >>> "MERGE (a)-[r:ATTENDED]->(b)" in merge_statement("ATTENDED")
    True
    >>> "CREATE (a)-[r:ATTENDED]->(b)" in merge_statement("ATTENDED", "create")
    True
    >>> merge_statement("KNOWS]->(b) DETACH DELETE a //")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    medgraph.errors.MedgraphError: no statement writes relationships of type 'KNOWS]->(b) DETACH DELETE a //' (one of ...)
    """
    if kind not in RELATIONSHIP_TYPES:
        raise MedgraphError(f"no statement writes relationships of type {kind!r} (one of {', '.join(RELATIONSHIP_TYPES)})")
    template = read_cypher("loaders", f"{action}_relationship")
    if template.count(TYPE_SLOT) != 1:
        raise MedgraphError(f"{action}_relationship.cypher: expected {TYPE_SLOT} once")
    return template.replace(TYPE_SLOT, f"[r:{kind}]")


def write_rows(tx: neo4j.ManagedTransaction, rows: GraphRows, batch_size: int = BATCH,
               replace: bool = False, fresh: bool | None = None) -> None:
    """Every statement of `statements`, inside the caller's transaction (`fresh` None: when
    the database is empty)."""
    fresh = replace or (is_empty(tx) if fresh is None else fresh)
    for statement, parameters in ahead(statements(rows, batch_size, replace, fresh=fresh)):
        tx.run(statement, parameters).consume()


def ahead(items):
    """The items of `items`, each made by a worker thread while the caller uses the one before:
    the driver waits for the server with the GIL released, so making the next batch's rows
    overlaps the server writing this one.

    >>> list(ahead(iter("abc")))
    ['a', 'b', 'c']
    """
    iterator, end = iter(items), object()
    with ThreadPoolExecutor(max_workers=1) as pool:
        future = pool.submit(next, iterator, end)
        while (item := future.result()) is not end:
            future = pool.submit(next, iterator, end)
            yield item


def is_empty(tx: neo4j.ManagedTransaction) -> bool:
    """Whether the database holds no node: then everything a load writes is new."""
    return tx.run(read_cypher("loaders", "graph_nodes")).single()["nodes"] == 0


def run_one(tx: neo4j.ManagedTransaction, statement: str, parameters: dict) -> None:
    tx.run(statement, parameters).consume()


def write(driver: neo4j.Driver, database: str, rows: GraphRows, batch_size: int = BATCH,
          atomic: bool = True, replace: bool = False) -> None:
    """Write all rows atomically: after a failure the graph is as it was before. With
    `replace` the rows replace whatever the database held (in the same transaction).

    A load of more than `ONE_TRANSACTION_MAX` rows into an empty database (without `replace`)
    commits each batch on its own, and a failure removes what it committed
    (undo_first_load.cypher), leaving the database empty as it was: one transaction of a
    million attendances needs more than Neo4j's transaction memory (70% of the heap; at L an
    8 GiB heap is not enough, benchmarks/README.md, "To and from Neo4j at L"). Only a process
    killed in the middle, or a second load started at once, leaves part of such a load, marked
    (first_load_begun.cypher) until it finishes: loads and read-outs refuse the part in one line
    (`connection.refuse_unfinished_load`); `medgraph load --replace` then writes it whole (one
    transaction: with the heap for it).

    With ``atomic=False`` each batch commits on its own whatever the database holds, and a
    failure leaves the batches before it.

    Python's cycle collector is paused meanwhile (`collection_paused`): the rows made for the
    statements set off its passes over every object of the load, half of the Python CPU time of
    making them at L (benchmarks/README.md, "The load at L (issue 20, fifth part)").
    """
    with collection_paused():
        write_all(driver, database, rows, batch_size, atomic, replace)


def write_all(driver: neo4j.Driver, database: str, rows: GraphRows, batch_size: int, atomic: bool,
              replace: bool) -> None:
    """`write`, the collector paused."""
    create_constraints(driver, database)
    with driver.session(database=database) as session:
        if not replace:
            refuse_unfinished_load(session)
        large = len(rows.nodes) + len(rows.relationships) > ONE_TRANSACTION_MAX
        first = not replace and (large or not atomic) and session.execute_read(is_empty)
        if atomic and not first:
            try:
                session.execute_write(write_rows, rows, batch_size, replace)
            except ConstraintError:  # another load filled the empty database meanwhile: merge into it
                session.execute_write(write_rows, rows, batch_size, replace, fresh=False)
            return
        try:
            if atomic:  # a mark while the batches commit: loads and read-outs refuse a part
                session.execute_write(run_one, read_cypher("loaders", "first_load_begun"), {})
            for statement, parameters in ahead(statements(rows, batch_size, replace, fresh=first)):
                session.execute_write(run_one, statement, parameters)
            if atomic:
                session.execute_write(run_one, read_cypher("loaders", "first_load_done"), {})
        except BaseException:
            if atomic:
                session.run(read_cypher("loaders", "undo_first_load")).consume()
            raise


def statements(rows: GraphRows, batch_size: int = BATCH, replace: bool = False, fresh: bool = False):
    """(statement, parameters) in writing order: emptying the database when replacing, else taking
    back what this load's registry and documents stated the last time (nothing when the database
    is `fresh`, i.e. empty); then the nodes, then the relationships type by type, in UNWIND
    batches (created when replacing or fresh, else merged); then the nodes nothing states any more."""
    if replace:
        yield read_cypher("medgraph", "wipe"), {}
    elif not fresh:
        yield from forget_statements(rows, batch_size)
    if replace or fresh:
        yield from create_statements(rows, batch_size)
    else:
        yield from merge_statements(rows, batch_size)
    if not replace:
        yield read_cypher("loaders", "forget_orphans"), {}


def merge_statements(rows: GraphRows, batch_size: int):
    for batch in batches(rows.node_rows(), batch_size):
        yield read_cypher("loaders", "merge_nodes"), {"rows": batch}
    for kind, typed in groupby(rows.relationship_rows(), key=lambda row: row["type"]):
        statement = merge_statement(kind)
        for batch in batches(list(typed), batch_size):
            yield statement, {"rows": batch}


def create_statements(rows: GraphRows, batch_size: int):
    """The rows as plain lists for create_nodes.cypher and create_relationship.cypher, in the
    order and with the properties of `GraphRows.node_rows` and `relationship_lists`."""
    nodes = ([row["id"], row["labels"], row["props"]] for row in rows.node_rows())
    for batch in batches(nodes, batch_size):
        yield read_cypher("loaders", "create_nodes"), {"rows": batch}
    for kind, typed in groupby(relationship_lists(rows), key=itemgetter(0)):
        statement = merge_statement(kind, "create")
        for batch in batches((row[1:] for row in typed), batch_size):
            yield statement, {"rows": batch}


def relationship_lists(rows: GraphRows):
    """[type, start, end, properties with sources and evidence] of each relationship, as
    `GraphRows.relationship_rows` has them but without a dict per row (a million at L).

    >>> rows = GraphRows()
    >>> rows.relate("ATTENDED", "qoot", "forum", "doc:12", role="delegate"); rows.relate("ATTENDED", "qoot", "forum", "doc:9")
    >>> list(relationship_lists(rows))
    [['ATTENDED', 'qoot', 'forum', {'role': 'delegate', 'sources': ['doc'], 'evidence': ['doc:9', 'doc:12']}]]
    """
    relationships = rows.relationships
    for key in sorted(relationships):
        row = relationships[key]
        evidence = sorted(row["evidence"], key=evidence_order) if len(row["evidence"]) > 1 else list(row["evidence"])
        sources = sorted({e.rsplit(":", 1)[0] for e in evidence if not e.startswith("registry")})
        yield [*key, {**row["props"], "sources": sources, "evidence": evidence}]


def forget_statements(rows: GraphRows, batch_size: int = BATCH):
    """A reload replaces what its owners stated (docs/reliability.md, "Reloads"): their evidence
    comes off every relationship, in batches of documents, then the registry's, with the
    entities it no longer lists."""
    documents = sorted(id for id, node in rows.nodes.items() if "Document" in node["labels"])
    owners = dict.fromkeys(documents, True)
    for batch in batches(documents, batch_size):
        yield read_cypher("loaders", "forget_documents"), {"documents": batch, "owners": owners}
    yield read_cypher("loaders", "forget_registry"), {"entries": dict.fromkeys(rows.registry_entries, True)}
