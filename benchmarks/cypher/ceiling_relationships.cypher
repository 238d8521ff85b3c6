// The ceiling's relationships (benchmarks/run.py, `run_ceiling`): one batch of a type made on the
// server between ceiling nodes, each end looked up by its id as loaders/cypher/
// create_relationship.cypher looks it up, with the properties of one relationship of that type.
// The $total relationships of the type leave the $starts nodes numbered from $start in order, as
// the loader's rows (sorted by start) do, and their ends are spread over the $ends nodes numbered
// from $end. TYPE is filled in as in create_relationship.cypher.
// Parameters: $first = 0, $count = 10000, $total = 1000000, $start = 0, $starts = 100000,
//   $end = 100000, $ends = 50000, $props = {role: "delegate", sources: [...], evidence: [...]}
// Returns: nothing.
UNWIND range($first, $first + $count - 1) AS j
MATCH (a:Entity {id: 'ceiling-' + toString($start + j * $starts / $total)})
MATCH (b:Entity {id: 'ceiling-' + toString($end + (j * 7919 + 1) % $ends)})
CREATE (a)-[r:TYPE]->(b)
SET r = $props
