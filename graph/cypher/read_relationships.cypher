// Every relationship of the graph (MENTIONS left out: provenance, not ties), for the read-out.
// List-packed as read_nodes.cypher: each record holds up to $chunk relationships.
// Parameters: $chunk = 10000
// Returns: chunk (a list of [start, type, end, props]).
MATCH (a:Entity)-[r]->(b:Entity)
WHERE type(r) <> 'MENTIONS'
WITH collect([a.id, type(r), b.id, properties(r)]) AS rows
UNWIND range(0, size(rows) - 1, $chunk) AS i
RETURN rows[i..i + $chunk] AS chunk
