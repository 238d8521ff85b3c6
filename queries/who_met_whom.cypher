// Who met whom: shared events, mentoring, agreements, memberships, organised or hosted events.
// Parameters: $a = "C2TM", $b = "Sun Coast Cluster" (organisations: an id,
//   a name or an alias, or a part of one; case and accents are ignored).
// Returns: a, b, level, how, via, detail, date, evidence. "Met" as defined in graph/SCHEMA.md (Who met
//   whom), the rule of the analytics' tie network: how is "event" (both attended a held event, in
//   any roles, themselves or through a person who works for them; detail: each side's roles, and
//   the person it attended through), "mentoring" (a person working for one MENTORS a person
//   working for the other; detail: where they met), "agreement" (both PARTY_TO it; detail: where
//   it was signed) or "membership" (one MEMBER_OF the other): level "peer". Or, level
//   "organiser_or_host" (graph/SCHEMA.md, Levels of met): "organised" (one organised or
//   co-organised a held event the other attended, or one that event is PART_OF; detail: who, in
//   which role, and the event attended) or "hosted" (one hosted a held event that an event the
//   other attended is PART_OF). Dates are YYYY-MM-DD, oldest first.
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
CALL (a, b) {
  // attends as defined in graph/SCHEMA.md: its own ATTENDED, or that of a person who WORKS_FOR it
  MATCH pa = (a)((:Organisation)<-[:WORKS_FOR]-(:Person)){0,1}()-[:ATTENDED]->(e:Event)
  WHERE coalesce(e.status, 'held') <> 'planned'
  MATCH pb = (b)((:Organisation)<-[:WORKS_FOR]-(:Person)){0,1}()-[:ATTENDED]->(e)
  WITH e, [p IN [pa, pb] | coalesce(last(relationships(p)).role, 'delegate')
                           + CASE length(p) WHEN 1 THEN '' ELSE ' via ' + nodes(p)[1].name END] AS sides,
       [p IN [pa, pb] | reduce(acc = [], r IN reverse(relationships(p)) | acc + r.evidence)] AS lines
  ORDER BY sides
  WITH e, collect(DISTINCT sides[0]) AS sides_a, collect(DISTINCT sides[1]) AS sides_b,
       reduce(acc = [], x IN collect(lines[0]) + collect(lines[1]) | acc + x) AS lines
  RETURN 'event' AS how, e.name AS via,
         reduce(s = '', x IN sides_a | s + CASE s WHEN '' THEN '' ELSE ', ' END + x) + ' / ' +
           reduce(s = '', x IN sides_b | s + CASE s WHEN '' THEN '' ELSE ', ' END + x) AS detail,
         e.start AS date, lines AS evidence
  UNION
  MATCH (a)<-[wa:WORKS_FOR]-(p:Person)-[m:MENTORS]-(q:Person)-[wb:WORKS_FOR]->(b)
  OPTIONAL MATCH (e:Event {id: m.met_at})
  RETURN 'mentoring' AS how, startNode(m).name + ' mentors ' + endNode(m).name AS via,
         'met at ' + e.name AS detail, e.start AS date, wa.evidence + m.evidence + wb.evidence AS evidence
  UNION
  MATCH (a)-[ra:PARTY_TO]->(g:Agreement)<-[rb:PARTY_TO]-(b)
  OPTIONAL MATCH (g)-[:SIGNED_AT]->(e:Event)
  RETURN 'agreement' AS how, g.name AS via, 'signed at ' + e.name AS detail, g.date AS date,
         ra.evidence + rb.evidence AS evidence
  UNION
  MATCH (a)-[m:MEMBER_OF]-(b)
  RETURN 'membership' AS how, startNode(m).name + ' member of ' + endNode(m).name AS via, null AS detail,
         null AS date, m.evidence AS evidence
  UNION
  // one organised or co-organised a held event the other attended, or one that event is PART_OF
  UNWIND [[a, b], [b, a]] AS pair
  WITH pair[0] AS x, pair[1] AS y
  MATCH (y)((:Organisation)<-[:WORKS_FOR]-(:Person)){0,1}()-[:ATTENDED]->(e:Event)
  WHERE coalesce(e.status, 'held') <> 'planned'
  MATCH (e)(()-[:PART_OF]->(p:Event) WHERE coalesce(p.status, 'held') <> 'planned'){0,}(v:Event)<-[r:ORGANISED]-(x)
  WHERE coalesce(r.role, 'organiser') IN ['organiser', 'co-organiser']
  RETURN 'organised' AS how, v.name AS via,
         x.name + ' ' + coalesce(r.role, 'organiser') + ' / ' + y.name + ' attended ' + e.name AS detail,
         v.start AS date, r.evidence AS evidence
  UNION
  // one hosted a held event that an event the other attended is PART_OF
  UNWIND [[a, b], [b, a]] AS pair
  WITH pair[0] AS x, pair[1] AS y
  MATCH (y)((:Organisation)<-[:WORKS_FOR]-(:Person)){0,1}()-[:ATTENDED]->(e:Event)
  WHERE coalesce(e.status, 'held') <> 'planned'
  MATCH (e)(()-[:PART_OF]->(p:Event) WHERE coalesce(p.status, 'held') <> 'planned'){1,}(v:Event)
  MATCH h = (x)((:Organisation)<-[:WORKS_FOR]-(:Person)){0,1}()-[:ATTENDED {role: 'host'}]->(v)
  RETURN 'hosted' AS how, v.name AS via, x.name + ' host / ' + y.name + ' attended ' + e.name AS detail,
         v.start AS date, reduce(lines = [], r IN reverse(relationships(h)) | lines + r.evidence) AS evidence
}
RETURN a.name AS a, b.name AS b, CASE WHEN how IN ['organised', 'hosted'] THEN 'organiser_or_host' ELSE 'peer' END
         AS level, how, via, detail, toString(date) AS date,
       reduce(acc = [], x IN evidence | CASE WHEN x IN acc THEN acc ELSE acc + x END) AS evidence
ORDER BY date, a, b, how, via
