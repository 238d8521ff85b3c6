// Removes the mark of first_load_begun.cypher: the load committed every batch.
// Parameters: none. Returns: nothing.
MATCH (m:UnfinishedLoad) DELETE m
