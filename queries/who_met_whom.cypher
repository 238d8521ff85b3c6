// Who met whom: every event, mentoring pair and agreement that joins two organisations.
// Parameters: $a = "C2TM", $b = "Sun Coast Cluster" (names, aliases or ids; case and accents
//   are ignored).
// Returns: a, b, how, via, detail, date, evidence. how is "event" (both ATTENDED it, in any
//   roles; detail: their roles; planned events do not count), "mentoring" (a person working
//   for one MENTORS a person working for the other; detail: where they met) or "agreement"
//   (both PARTY_TO it; detail: where it was signed). Dates are YYYY-MM-DD, oldest first.
WITH [x IN [$a, $b] | reduce(k = '', c IN split(normalize(toLower(x), NFD), '') |
                             k + CASE WHEN c >= '\u0300' AND c <= '\u036f' THEN '' ELSE c END)] AS keys
MATCH (a:Organisation) WHERE keys[0] IN a.search_keys OR a.id = $a
MATCH (b:Organisation) WHERE (keys[1] IN b.search_keys OR b.id = $b) AND b <> a
CALL (a, b) {
  MATCH (a)-[ra:ATTENDED]->(e:Event)<-[rb:ATTENDED]-(b)
  WHERE coalesce(e.status, 'held') <> 'planned'
  RETURN 'event' AS how, e.name AS via, ra.role + ' / ' + rb.role AS detail, e.start AS date,
         ra.evidence + [x IN rb.evidence WHERE NOT x IN ra.evidence] AS evidence
  UNION
  MATCH (a)<-[wa:WORKS_FOR]-(p:Person)-[m:MENTORS]-(q:Person)-[wb:WORKS_FOR]->(b)
  OPTIONAL MATCH (e:Event {id: m.met_at})
  WITH wa, m, wb, e, wa.evidence + [x IN m.evidence WHERE NOT x IN wa.evidence] AS ev
  RETURN 'mentoring' AS how, startNode(m).name + ' mentors ' + endNode(m).name AS via,
         'met at ' + e.name AS detail, e.start AS date, ev + [x IN wb.evidence WHERE NOT x IN ev] AS evidence
  UNION
  MATCH (a)-[ra:PARTY_TO]->(g:Agreement)<-[rb:PARTY_TO]-(b)
  OPTIONAL MATCH (g)-[:SIGNED_AT]->(e:Event)
  RETURN 'agreement' AS how, g.name AS via, 'signed at ' + e.name AS detail, g.date AS date,
         ra.evidence + [x IN rb.evidence WHERE NOT x IN ra.evidence] AS evidence
}
RETURN a.name AS a, b.name AS b, how, via, detail, toString(date) AS date, evidence
ORDER BY date, a, b, how, via
