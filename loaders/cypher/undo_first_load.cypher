// Takes a failed load into an empty database back: removes every node and relationship it
// committed (loaders/write.py writes such a load a transaction per batch), 10,000 nodes per
// transaction. Run in an auto-commit transaction (session.run), as CALL … IN TRANSACTIONS requires.
// Parameters: none. Returns: nothing.
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
