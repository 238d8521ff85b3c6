// The ceiling's nodes (benchmarks/run.py, `run_ceiling`): one batch of a set of labels made on the
// server, numbered from $first, with the labels and properties of one node of that set, by the
// clauses of loaders/cypher/create_nodes.cypher: nothing but the numbers crosses the wire.
// Parameters: $first = 0, $count = 10000, $labels = ["Organisation", "Cluster"],
//   $props = {name: "QOOT", country: "TN", ...} (one node's, without its keys)
// Returns: nothing.
UNWIND range($first, $first + $count - 1) AS i
CREATE (n:Entity {id: 'ceiling-' + toString(i)})
SET n:$($labels)
SET n += $props
