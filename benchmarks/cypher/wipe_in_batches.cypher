// Removes every node and relationship, 10,000 nodes per transaction, so that wiping a large
// benchmark graph does not hold it all in one transaction's memory. Run in an auto-commit
// transaction (session.run), as CALL … IN TRANSACTIONS requires.
// Parameters: none. Returns: nothing.
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
