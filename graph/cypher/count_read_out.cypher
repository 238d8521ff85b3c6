// The server-side count of what the read-out returns, found as the read-out finds it and without
// the count store: every Entity node by a scan of the label (read_nodes.cypher), and every
// relationship but MENTIONS between two Entity nodes by a scan of the relationship store
// (read_relationships.cypher; the read-out keeps those whose ends it read). `sum(1)` rather
// than `count(…)`: the planner answers `count` of a plain label or type from the count store
// without looking at a row. The read-out's progress total and the benchmark's ceiling.
// Parameters: none.
// Returns: nodes, relationships.
MATCH (n:Entity)
WITH sum(1) AS nodes
MATCH ()-[r]->()
WHERE type(r) <> 'MENTIONS' AND startNode(r):Entity AND endNode(r):Entity
RETURN nodes, sum(1) AS relationships
