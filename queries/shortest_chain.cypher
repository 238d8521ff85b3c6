// The shortest chain of ties between two organisations, with the evidence for every link.
// Parameters: $a = "North West Olive Oil Cluster", $b = "ESITH" (names, aliases or ids; case and
//   accents are ignored).
// Returns: a, b, hops, chain, relationships, evidence. chain lists the names of the nodes
//   from a to b, relationships the types of the ties between them, in either direction:
//   ATTENDED (events), MEMBER_OF, WORKS_FOR (people), MENTORS, PARTY_TO (agreements);
//   evidence every line behind them. At most 8 ties; planned events are not passed through;
//   when several chains are as short, one of them is returned.
WITH [x IN [$a, $b] | reduce(k = '', c IN split(normalize(toLower(x), NFD), '') |
                             k + CASE WHEN c >= '\u0300' AND c <= '\u036f' THEN '' ELSE c END)] AS keys
MATCH (a:Organisation) WHERE keys[0] IN a.search_keys OR a.id = $a
MATCH (b:Organisation) WHERE (keys[1] IN b.search_keys OR b.id = $b) AND b <> a
MATCH p = shortestPath((a)-[:ATTENDED|MEMBER_OF|WORKS_FOR|MENTORS|PARTY_TO*..8]-(b))
WHERE none(n IN nodes(p) WHERE n:Event AND n.status = 'planned')
RETURN a.name AS a, b.name AS b, length(p) AS hops, [n IN nodes(p) | n.name] AS chain,
       [r IN relationships(p) | type(r)] AS relationships,
       reduce(acc = [], r IN relationships(p) | acc + [x IN r.evidence WHERE NOT x IN acc]) AS evidence
ORDER BY a, b
