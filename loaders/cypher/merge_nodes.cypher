// Creates or updates nodes by id; labels come with each row (Neo4j 5.26 dynamic labels).
// A row whose loaded documents own the whole node (`replace`: an organisation stated by the
// registry, an event by the document that defines it) sets exactly its labels and properties,
// so a property or kind the data no longer states disappears; another row (a person, whose role
// a document adds to the registry's entry) adds its properties, a null removing one.
// Parameters: $rows = [{id: "qoot", labels: ["Organisation", "Cluster"], replace: true,
//   props: {id: "qoot", name: "QOOT", ...}}]
// Returns: nothing.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
WITH n, row, [l IN labels(n) WHERE row.replace AND l <> 'Entity' AND NOT l IN row.labels] AS stale
REMOVE n:$(stale)
SET n:$(row.labels)
FOREACH (_ IN CASE WHEN row.replace THEN [1] ELSE [] END | SET n = row.props)
FOREACH (_ IN CASE WHEN row.replace THEN [] ELSE [1] END | SET n += row.props)
