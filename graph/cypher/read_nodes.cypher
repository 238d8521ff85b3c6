// Every node of the graph, for the NetworkX read-out, in columns: each record holds up to
// $chunk nodes of one set of labels as a list of ids and one list per property they have
// (null where a node has none; each property map read once, its keys gathered per set of
// labels), so the driver decodes a few long lists of plain values instead of a map per node.
// Parameters: $chunk = 10000
// Returns: labels (without Entity), ids, keys (the property names), columns (a list per key).
MATCH (n:Entity)
WITH [l IN labels(n) WHERE l <> 'Entity'] AS labels, n, properties(n) AS p
WITH labels, collect([n.id, p]) AS rows, collect(DISTINCT keys(p)) AS keysets
WITH labels, rows, reduce(ks = [], s IN keysets | ks + [k IN s WHERE NOT k IN ks]) AS keys
UNWIND range(0, size(rows) - 1, $chunk) AS i
WITH labels, keys, rows[i..i + $chunk] AS part
RETURN labels, [x IN part | x[0]] AS ids, keys, [k IN keys | [x IN part | x[1][k]]] AS columns
