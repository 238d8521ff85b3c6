// Every relationship of the graph (MENTIONS left out: provenance, not ties), for the read-out.
// List-packed as read_nodes.cypher and grouped by type: each record holds a type and up to
// $chunk relationships of it, so the type string travels once per record, not once per row.
// Parameters: $chunk = 10000
// Returns: kind (the relationship type), chunk (a list of [start, end, props]).
MATCH (a:Entity)-[r]->(b:Entity)
WHERE type(r) <> 'MENTIONS'
WITH type(r) AS kind, collect([a.id, b.id, properties(r)]) AS rows
UNWIND range(0, size(rows) - 1, $chunk) AS i
RETURN kind, rows[i..i + $chunk] AS chunk
