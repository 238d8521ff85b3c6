// The naive loader's relationship statement: one relationship per statement and transaction,
// the type passed as a parameter (the benchmark's baseline; same MERGE and SET as
// loaders/cypher/merge_relationship.cypher).
// Parameters: $type = "ATTENDED", $start = "qoot", $end = "bvt-2019-piedmont", $props = {role: "delegate"},
//   $sources = ["tns-2019-06-piedmont"], $evidence = ["tns-2019-06-piedmont:13"]
// Returns: nothing.
MATCH (a:Entity {id: $start})
MATCH (b:Entity {id: $end})
MERGE (a)-[r:$($type)]->(b)
SET r += $props,
    r.sources = reduce(acc = coalesce(r.sources, []), s IN $sources | CASE WHEN s IN acc THEN acc ELSE acc + s END),
    r.evidence = reduce(acc = coalesce(r.evidence, []), e IN $evidence | CASE WHEN e IN acc THEN acc ELSE acc + e END)
