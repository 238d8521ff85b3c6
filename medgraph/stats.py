"""Counts by label and type, and the identity judgement calls: what `medgraph stats` shows."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

import neo4j
import pandas as pd

from medgraph import queries
from medgraph.cypher import read_cypher


@dataclass(frozen=True)
class Stats:
    labels: pd.DataFrame
    types: pd.DataFrame
    possibly_same: pd.DataFrame


def graph_stats(driver: neo4j.Driver, database: str) -> Stats:
    return Stats(queries.run(driver, database, "counts_by_label"), queries.run(driver, database, "counts_by_type"),
                 queries.run(driver, database, "possibly_same_as"))


def graph_checksum(driver: neo4j.Driver, database: str) -> str:
    """SHA-256 of the graph's content (nodes, relationships, properties), independent of order
    and of Neo4j's internal ids: equal checksums mean the same graph."""
    records, _, _ = driver.execute_query(read_cypher("medgraph", "graph_content"), database_=database)
    lines = sorted(json.dumps([r["item"], r["key"], r["props"]], sort_keys=True, default=str) for r in records)
    digest = hashlib.sha256()
    for line in lines:
        digest.update(line.encode() + b"\n")
    return digest.hexdigest()
