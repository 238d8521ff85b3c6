// Every node of the graph with its labels and properties, for the NetworkX read-out.
// Parameters: none.
// Returns: id, labels, props.
MATCH (n:Entity)
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'] AS labels, properties(n) AS props
