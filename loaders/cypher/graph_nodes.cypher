// How many nodes the database holds after a load (to tell the data loaded from what was there).
// Parameters: none.
// Returns: nodes.
MATCH (n)
RETURN count(n) AS nodes
