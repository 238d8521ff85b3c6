// Proves the configured database exists and accepts a read.
// Parameters: none. Returns: ok.
RETURN 1 AS ok
