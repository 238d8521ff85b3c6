// The shortest chain of ties between two organisations, with the evidence for every link.
// Parameters: $a = "North West Olive Oil Cluster", $b = "ESITH" (organisations: an id,
//   a name or an alias, or a part of one; case and accents are ignored).
// Returns: a, b, hops, chain, relationships, evidence. chain lists the names of the nodes
//   from a to b, relationships the types of the ties between them, in either direction:
//   ATTENDED (events), MEMBER_OF, WORKS_FOR (people), MENTORS, PARTY_TO (agreements);
//   evidence every line behind them. At most 8 ties; planned events are not passed through;
//   when several chains are as short, one of them is returned.
WITH [x IN [$a, $b] | reduce(k = '', c IN split(normalize(toLower(x), NFD), '') |
                             k + CASE WHEN c >= '\u0300' AND c <= '\u036f' THEN '' ELSE c END)] AS keys
// an organisation named by a parameter: its id, a whole name or alias, else their beginning, else a part
CALL (keys) {
  MATCH (o:Organisation)
  WITH o, CASE WHEN o.id = $a OR keys[0] IN o.search_keys THEN 0
               WHEN any(k IN o.search_keys WHERE k STARTS WITH keys[0]) THEN 1
               WHEN any(k IN o.search_keys WHERE k CONTAINS keys[0]) THEN 2 END AS rank
  WHERE rank IS NOT NULL
  WITH rank, collect(o) AS found ORDER BY rank LIMIT 1
  RETURN found AS named_a
}
CALL (keys) {
  MATCH (o:Organisation)
  WITH o, CASE WHEN o.id = $b OR keys[1] IN o.search_keys THEN 0
               WHEN any(k IN o.search_keys WHERE k STARTS WITH keys[1]) THEN 1
               WHEN any(k IN o.search_keys WHERE k CONTAINS keys[1]) THEN 2 END AS rank
  WHERE rank IS NOT NULL
  WITH rank, collect(o) AS found ORDER BY rank LIMIT 1
  RETURN found AS named_b
}
UNWIND named_a AS a
UNWIND named_b AS b
WITH a, b WHERE a <> b
MATCH p = shortestPath((a)-[:ATTENDED|MEMBER_OF|WORKS_FOR|MENTORS|PARTY_TO*..8]-(b))
WHERE none(n IN nodes(p) WHERE n:Event AND n.status = 'planned')
RETURN a.name AS a, b.name AS b, length(p) AS hops, [n IN nodes(p) | n.name] AS chain,
       [r IN relationships(p) | type(r)] AS relationships,
       reduce(acc = [], r IN relationships(p) | acc + [x IN r.evidence WHERE NOT x IN acc]) AS evidence
ORDER BY a, b
