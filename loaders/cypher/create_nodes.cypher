// Creates nodes in a database that holds none of them (after `--replace`'s wipe, or on an empty
// database): CREATE instead of merge_nodes.cypher's MERGE, and rows as plain lists, which the
// driver packs and the server reads faster than maps (benchmarks/README.md, "To and from Neo4j
// at L"). On a new node merge_nodes.cypher's SET n = props and SET n += props are the same.
// Parameters: $rows = [["qoot", ["Organisation", "Cluster"], {id: "qoot", name: "QOOT", ...}]]
// Returns: nothing.
UNWIND $rows AS row
CREATE (n:Entity {id: row[0]})
SET n:$(row[1])
SET n += row[2]
