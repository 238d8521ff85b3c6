// Creates or updates nodes by id; labels come with each row (Neo4j 5.26 dynamic labels).
// Parameters: $rows = [{id: "qoot", labels: ["Organisation", "Cluster"], props: {name: "QOOT", ...}}]
// Returns: nothing.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:$(row.labels)
SET n += row.props
