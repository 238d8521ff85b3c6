// The server-side count of what the read-out returns: every node, and every relationship but
// MENTIONS (read_relationships.cypher walks the same pattern); the read-out's progress total
// and the benchmark's ceiling.
// Parameters: none.
// Returns: nodes, relationships.
MATCH (n:Entity)
WITH count(n) AS nodes
MATCH (a:Entity)-[r]->(b:Entity)
WHERE type(r) <> 'MENTIONS'
RETURN nodes, count(r) AS relationships
