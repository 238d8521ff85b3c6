// Every node and relationship of the database as plain values: what `medgraph stats --checksum`
// hashes, so two graphs (before and after a failed load, two loads) can be compared.
// Parameters: none.
// Returns: item ('node' | 'relationship'), key (node: [id, labels]; relationship: [start id,
// type, end id]), props (the properties).
MATCH (n)
RETURN 'node' AS item, [n.id, labels(n)] AS key, properties(n) AS props
UNION ALL
MATCH (a)-[r]->(b)
RETURN 'relationship' AS item, [a.id, type(r), b.id] AS key, properties(r) AS props
