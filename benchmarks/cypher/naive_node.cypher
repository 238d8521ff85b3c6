// The naive loader's node statement: one node per statement and transaction, as many users
// write it (the benchmark's baseline; same MERGE and SET as loaders/cypher/merge_nodes.cypher).
// Parameters: $id = "qoot", $labels = ["Organisation", "Cluster"], $props = {name: "QOOT"}
// Returns: nothing.
MERGE (n:Entity {id: $id})
SET n:$($labels)
SET n += $props
