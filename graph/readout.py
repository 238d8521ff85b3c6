"""One read from Neo4j into NetworkX: the knowledge graph as a MultiDiGraph.

Two queries in all (nodes, relationships), whatever the graph's size; everything after this
is a pure function over the returned graph.
"""

from __future__ import annotations

import networkx as nx
import neo4j

from medgraph.cypher import read_cypher

KIND_LABELS = ("Organisation", "Person", "Event", "Agreement", "Programme", "Country", "Document")


def native(value):
    """Neo4j temporal values as Python ones (neo4j.time.Date -> datetime.date)."""
    return value.to_native() if hasattr(value, "to_native") else value


def node_label(labels: list[str]) -> str:
    return next((label for label in KIND_LABELS if label in labels), labels[0] if labels else "Entity")


def read_graph(driver: neo4j.Driver, database: str) -> nx.MultiDiGraph:
    """The whole knowledge graph (without MENTIONS) as a MultiDiGraph keyed by node id.

    Nodes get `label` (Organisation, Event, …) and their properties, Organisations also
    `region` and `subregion` from their Country; edges are keyed by relationship type.
    """
    nodes, _, _ = driver.execute_query(read_cypher("graph", "read_nodes"), database_=database)
    relationships, _, _ = driver.execute_query(read_cypher("graph", "read_relationships"), database_=database)
    K = nx.MultiDiGraph()
    for record in nodes:
        props = {k: native(v) for k, v in record["props"].items()}
        K.add_node(record["id"], label=node_label(record["labels"]), **props)
    for record in relationships:
        K.add_edge(record["start"], record["end"], key=record["type"], type=record["type"],
                   **{k: native(v) for k, v in record["props"].items()})
    add_regions(K)
    return K


def add_regions(K: nx.MultiDiGraph) -> None:
    """Copy each Country's region and subregion onto the nodes located in or held in it."""
    for node, data in K.nodes(data=True):
        country = K.nodes.get(data.get("country")) if data.get("country") else None
        if country and data.get("label") in ("Organisation", "Event"):
            data["region"], data["subregion"] = country.get("region"), country.get("subregion")
