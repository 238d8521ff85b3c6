// Removes every node and relationship of the database (`--replace`, test set-up).
// Parameters: none. Returns: nothing.
MATCH (n) DETACH DELETE n
