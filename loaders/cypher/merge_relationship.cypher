// Creates or updates relationships of one type between nodes matched by id.
// TYPE below is the one piece of this file that Python fills in (loaders/write.py,
// `merge_statement`), and only with a value of medgraph.schema.RELATIONSHIP_TYPES: anything else
// is refused. Why not a parameter: MERGE on a dynamic type (`[r:$(row.type)]`) cannot use the
// type to look for an existing relationship and scans every relationship between the two nodes,
// some 30 times slower on a dense event (measured on the M benchmark, benchmarks/README.md); a
// static type keeps that speed, and the allow-list keeps the text free of anything from the data.
// `sources` and `evidence` grow by union, so a second data set adds evidence, never duplicates.
// Parameters: $rows = [{start: "qoot", end: "bvt-2019-piedmont", props: {role: "delegate"},
//   sources: ["tns-2019-06-piedmont"], evidence: ["tns-2019-06-piedmont:13"]}]
// Returns: nothing.
UNWIND $rows AS row
MATCH (a:Entity {id: row.start})
MATCH (b:Entity {id: row.end})
MERGE (a)-[r:TYPE]->(b)
SET r += row.props,
    r.sources = reduce(acc = coalesce(r.sources, []), s IN row.sources | CASE WHEN s IN acc THEN acc ELSE acc + s END),
    r.evidence = reduce(acc = coalesce(r.evidence, []), e IN row.evidence | CASE WHEN e IN acc THEN acc ELSE acc + e END)
