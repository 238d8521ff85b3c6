// Creates or updates relationships of one type between nodes matched by id.
// TYPE below is the one piece of this file that Python fills in (loaders/write.py,
// `merge_statement`), and only with a value of medgraph.schema.RELATIONSHIP_TYPES: anything else
// is refused. Why not a parameter: MERGE on a dynamic type (`[r:$(row.type)]`) cannot use the
// type to look for an existing relationship and scans every relationship between the two nodes,
// some 30 times slower on a dense event (measured on the M benchmark, benchmarks/README.md); a
// static type keeps that speed, and the allow-list keeps the text free of anything from the data.
// `evidence` grows by union, kept in the order the loader writes it (by owner, then line as a
// number), and `sources` are its owners but the registry: a tie that documents of several loads
// state holds the same lists as when they are loaded together.
// Parameters: $rows = [{start: "qoot", end: "bvt-2019-piedmont", props: {role: "delegate"},
//   sources: ["tns-2019-06-piedmont"], evidence: ["tns-2019-06-piedmont:13"]}]
// Returns: nothing.
UNWIND $rows AS row
MATCH (a:Entity {id: row.start})
MATCH (b:Entity {id: row.end})
MERGE (a)-[r:TYPE]->(b)
SET r += row.props
WITH r, row, coalesce(r.evidence, []) AS held
CALL (r, row, held) {
  UNWIND CASE WHEN held = [] THEN [] ELSE held + row.evidence END AS e
  WITH DISTINCT e
  ORDER BY split(e, ':')[0], toInteger(split(e, ':')[1])
  RETURN collect(e) AS union, collect(DISTINCT split(e, ':')[0]) AS owners
}
SET r.evidence = CASE WHEN held = [] THEN row.evidence ELSE union END,
    r.sources = CASE WHEN held = [] THEN row.sources ELSE [o IN owners WHERE o <> 'registry'] END
