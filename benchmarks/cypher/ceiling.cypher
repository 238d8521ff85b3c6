// The server's own ceiling: as many nodes and relationships as a load writes, created by one
// statement inside the server (no driver transfer, no MERGE lookups), under the same
// Entity(id) uniqueness constraint. Nodes get an id and a name, relationships one evidence list.
// Parameters: $nodes = 6128, $relationships = 46563
// Returns: nodes, relationships (how many were created).
UNWIND range(0, $nodes - 1) AS i
CREATE (n:Entity:Ceiling {id: 'ceiling-' + toString(i), name: 'Ceiling node ' + toString(i)})
WITH collect(n) AS created
UNWIND range(0, $relationships - 1) AS j
WITH created, created[j % size(created)] AS a, created[(j * 7919 + 1) % size(created)] AS b, j
CREATE (a)-[:CEILING {evidence: ['ceiling:' + toString(j)]}]->(b)
RETURN size(created) AS nodes, count(*) AS relationships
