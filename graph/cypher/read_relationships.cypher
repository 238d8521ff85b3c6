// Every relationship of the graph (MENTIONS left out: provenance, not ties), for the read-out,
// in columns as read_nodes.cypher: each record holds the relationships of one type leaving up
// to $sources start nodes, as lists of start ids, end ids and one list per property (null
// where a relationship has none; each property map read once, its keys gathered per group).
// Streamed: the server sends each group as it makes it, while the driver decodes and K takes
// the ones before, instead of collecting every relationship first (at L: 12-19 s in all
// instead of 69-112 s).
// Parameters: $sources = 1000
// Returns: kind (the relationship type), starts, ends, keys (the property names), columns.
MATCH (a:Entity)
WITH collect(a) AS nodes
UNWIND range(0, size(nodes) - 1, $sources) AS i
CALL (nodes, i) {
  UNWIND nodes[i..i + $sources] AS a
  MATCH (a)-[r]->(b:Entity)
  WHERE type(r) <> 'MENTIONS'
  WITH a, b, r, properties(r) AS p
  RETURN type(r) AS kind, collect([a.id, b.id, p]) AS part, collect(DISTINCT keys(p)) AS keysets
}
WITH kind, part, reduce(ks = [], s IN keysets | ks + [k IN s WHERE NOT k IN ks]) AS keys
RETURN kind, [x IN part | x[0]] AS starts, [x IN part | x[1]] AS ends, keys, [k IN keys | [x IN part | x[2][k]]] AS columns
