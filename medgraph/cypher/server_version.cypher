// The version and edition of the Neo4j server that answers (run on the system database).
// Parameters: none. Returns: version, edition.
CALL dbms.components() YIELD versions, edition
RETURN versions[0] AS version, edition
