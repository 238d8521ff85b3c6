"""The rows a load writes: nodes and relationships as plain dicts, merged by key.

A relationship stated by several documents becomes one row whose `sources` and `evidence`
are the union of theirs, so the graph holds one tie with all its evidence.

Ownership (docs/reliability.md, "Reloads"): the registry and each document own what they state.
A node row replaces the node it writes (labels and properties), except a node of a SHARED label,
to which several owners add properties: there the row sets its owner's keys, a null removing one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Labels whose nodes take properties from more than one owner -> the keys the registry states
#: (a document's `person` fact adds the role).
SHARED = {"Person": ("name", "aliases", "search_keys")}


@dataclass
class GraphRows:
    """Nodes keyed by id, relationships keyed by (type, start, end); problems found so far."""

    nodes: dict[str, dict] = field(default_factory=dict)
    relationships: dict[tuple[str, str, str], dict] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # said, not refused (a text not at hand)
    registry_entries: set[str] = field(default_factory=set)  # ids of the registry's entities

    def node(self, id: str, labels: list[str], **props) -> None:
        """Add a node, or add labels and properties to the node with this id."""
        row = self.nodes.setdefault(id, {"id": id, "labels": [], "props": {}})
        row["labels"] = sorted(set(row["labels"]) | set(labels))
        row["props"].update({k: v for k, v in props.items() if v is not None})

    def relate(self, type: str, start: str, end: str, evidence: str | None, /, **props) -> None:
        """Add a relationship with one piece of evidence ("doc:line"), merging repeats."""
        row = self.relationships.setdefault(
            (type, start, end), {"type": type, "start": start, "end": end, "props": {}, "evidence": set()})
        if props:
            row["props"].update({k: v for k, v in props.items() if v is not None})
        if evidence:
            row["evidence"].add(evidence)

    def mention(self, document: str, node: str, line: int) -> None:
        self.relate("MENTIONS", document, node, f"{document}:{line}")

    def problem(self, message: str) -> None:
        self.problems.append(message)

    def node_rows(self) -> list[dict]:
        """Rows for writing: `replace` for a node its owner states whole, else the owner's keys.

        >>> rows = GraphRows()
        >>> rows.node("qoot", ["Organisation"], name="QOOT"); rows.node("amal", ["Person"], name="Amal")
        >>> [(r["id"], r["replace"], r["props"]) for r in rows.node_rows()]
        [('amal', False, {'name': 'Amal', 'aliases': None, 'search_keys': None}), ('qoot', True, {'id': 'qoot', 'name': 'QOOT'})]
        """
        rows = []
        for key in sorted(self.nodes):
            node = self.nodes[key]
            shared = [k for label in node["labels"] for k in SHARED.get(label, ())]
            props = {**dict.fromkeys(shared), **node["props"]} if shared else {"id": key, **node["props"]}
            rows.append({"id": key, "labels": node["labels"], "replace": not shared, "props": props})
        return rows

    def relationship_rows(self) -> list[dict]:
        """Rows for writing: evidence sorted, sources derived from it."""
        rows = []
        for key in sorted(self.relationships):
            row = self.relationships[key]
            evidence = sorted(row["evidence"], key=evidence_order)
            sources = sorted({e.rsplit(":", 1)[0] for e in evidence if not e.startswith("registry")})
            rows.append({"type": row["type"], "start": row["start"], "end": row["end"],
                         "props": row["props"], "sources": sources, "evidence": evidence})
        return rows


def evidence_order(evidence: str) -> tuple[str, int]:
    """Sort "doc:9" before "doc:10"."""
    document, _, line = evidence.rpartition(":")
    return document, int(line) if line.isdigit() else 0
