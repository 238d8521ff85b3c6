"""Cypher lives in .cypher files shipped as package data; this reads them."""

from __future__ import annotations

from functools import cache
from importlib import resources

PACKAGES = {"medgraph": "medgraph", "loaders": "medgraph.loaders", "graph": "medgraph.graph",
            "queries": "medgraph.queries"}


@cache
def read_cypher(package: str, name: str) -> str:
    """The text of ``<name>.cypher`` from one of medgraph's query folders.

    ``package`` is "medgraph" (infrastructure, in medgraph/cypher/), "loaders" (writes, in
    loaders/cypher/), "graph" (the analytics' read-out, in graph/cypher/) or "queries" (the
    analysts' questions, in queries/).
    """
    folder = resources.files(PACKAGES[package])
    if package != "queries":
        folder = folder / "cypher"
    return (folder / f"{name}.cypher").read_text(encoding="utf-8")
