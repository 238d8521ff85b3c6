// Removes every node and relationship of the database (test set-up).
// Parameters: none. Returns: nothing.
MATCH (n) DETACH DELETE n
