// Every node of the graph, for the NetworkX read-out, in columns: each record holds up to
// $chunk nodes of one set of labels as a list of ids and one list per property they have
// (null where a node has none), so the driver decodes a few long lists of plain values
// instead of a property map per node.
// Parameters: $chunk = 10000
// Returns: labels (without Entity), ids, keys (the property names), columns (a list per key).
CALL db.propertyKeys() YIELD propertyKey
WITH collect(propertyKey) AS names
MATCH (n:Entity)
WITH names, [l IN labels(n) WHERE l <> 'Entity'] AS labels, collect(n) AS nodes
UNWIND range(0, size(nodes) - 1, $chunk) AS i
WITH names, labels, nodes[i..i + $chunk] AS part
WITH labels, part, [k IN names WHERE any(n IN part WHERE n[k] IS NOT NULL)] AS keys
RETURN labels, [n IN part | n.id] AS ids, keys, [k IN keys | [n IN part | n[k]]] AS columns
