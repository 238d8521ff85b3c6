// How many nodes of each label the graph holds (Entity, the loader's common label, left out).
// Parameters: none.
// Returns: label, nodes.
MATCH (n)
UNWIND labels(n) AS label
WITH label, count(*) AS nodes
WHERE label <> 'Entity'
RETURN label, nodes
ORDER BY label
