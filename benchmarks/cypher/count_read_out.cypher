// The server-side count of what the read-out returns: every node, and every relationship but
// MENTIONS (graph/cypher/read_relationships.cypher walks the same pattern).
// Parameters: none.
// Returns: nodes, relationships.
MATCH (n:Entity)
WITH count(n) AS nodes
MATCH (a:Entity)-[r]->(b:Entity)
WHERE type(r) <> 'MENTIONS'
RETURN nodes, count(r) AS relationships
