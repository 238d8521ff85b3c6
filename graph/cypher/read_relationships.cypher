// Every relationship of the graph (MENTIONS left out: provenance, not ties), for the read-out.
// Parameters: none.
// Returns: start, type, end, props.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE type(r) <> 'MENTIONS'
RETURN a.id AS start, type(r) AS type, b.id AS end, properties(r) AS props
