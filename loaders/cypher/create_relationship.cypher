// Creates relationships of one type between nodes matched by id, in a database that held none
// of the loaded data before this transaction (see create_nodes.cypher): no MERGE and no union of
// evidence, the row's properties set whole. TYPE is filled in as in merge_relationship.cypher
// (loaders/write.py, `create_statement`: only a type of medgraph.schema.RELATIONSHIP_TYPES).
// Parameters: $rows = [["qoot", "bvt-2019-piedmont", {role: "delegate", sources: [...],
//   evidence: ["tns-2019-06-piedmont:13"]}]]
// Returns: nothing.
UNWIND $rows AS row
MATCH (a:Entity {id: row[0]})
MATCH (b:Entity {id: row[1]})
CREATE (a)-[r:TYPE]->(b)
SET r = row[2]
