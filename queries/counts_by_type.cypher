// How many relationships of each type the graph holds.
// Parameters: none.
// Returns: type, relationships.
MATCH ()-[r]->()
RETURN type(r) AS type, count(*) AS relationships
ORDER BY type
