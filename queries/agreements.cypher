// The agreements: who signed them, when, and where.
// Parameters: none.
// Returns: id, agreement, kind, date, parties, signed_at, place, evidence. date is YYYY-MM-DD;
//   parties is the list of the organisations PARTY_TO it (by name); signed_at is the event it
//   was SIGNED_AT and place that event's city and country ("Lyon, France"); evidence joins
//   the PARTY_TO and SIGNED_AT lines. Oldest first.
MATCH (g:Agreement)
OPTIONAL MATCH (g)-[s:SIGNED_AT]->(e:Event)
OPTIONAL MATCH (e)-[:HELD_IN]->(c:Country)
WITH g, s, e, c,
     COLLECT { MATCH (o:Organisation)-[:PARTY_TO]->(g) RETURN o.name ORDER BY o.name } AS parties,
     COLLECT { MATCH (:Organisation)-[r:PARTY_TO]->(g) UNWIND r.evidence AS line RETURN line }
       + coalesce(s.evidence, []) AS lines
RETURN g.id AS id, g.name AS agreement, g.kind AS kind, toString(g.date) AS date, parties, e.name AS signed_at,
       CASE WHEN e.city IS NULL THEN c.name ELSE e.city + coalesce(', ' + c.name, '') END AS place,
       reduce(acc = [], x IN lines | CASE WHEN x IN acc THEN acc ELSE acc + x END) AS evidence
ORDER BY date, agreement
