// Who took part in an event, by country: attendees and organisers, with their roles.
// Parameters: $event = "Forum de Lyon" (the event's name or id; case and accents are ignored).
// Returns: event, start, country, participant, kind, role, evidence. A person's country is
//   that of the organisation they work for (participant "Jean Morel (Sun Coast Cluster)", and
//   the WORKS_FOR line joins the evidence); roles are delegate, host or speaker for attendees,
//   organiser, co-organiser or support for organisers. Rows are ordered by country, then name.
WITH reduce(k = '', c IN split(normalize(toLower($event), NFD), '') |
            k + CASE WHEN c >= '\u0300' AND c <= '\u036f' THEN '' ELSE c END) AS key
MATCH (e:Event)
WHERE e.id = $event
   OR reduce(k = '', c IN split(normalize(toLower(e.name), NFD), '') |
             k + CASE WHEN c >= '\u0300' AND c <= '\u036f' THEN '' ELSE c END) = key
CALL (e) {
  MATCH (o:Organisation)-[r:ATTENDED|ORGANISED]->(e)
  OPTIONAL MATCH (o)-[:LOCATED_IN]->(c:Country)
  RETURN c.name AS country, o.name AS participant, o.kind AS kind, r.role AS role, r.evidence AS evidence
  UNION
  MATCH (p:Person)-[r:ATTENDED]->(e)
  OPTIONAL MATCH (p)-[w:WORKS_FOR]->(o:Organisation)
  OPTIONAL MATCH (o)-[:LOCATED_IN]->(c:Country)
  RETURN c.name AS country, p.name + coalesce(' (' + o.name + ')', '') AS participant, 'Person' AS kind,
         r.role AS role, r.evidence + [x IN coalesce(w.evidence, []) WHERE NOT x IN r.evidence] AS evidence
}
RETURN e.name AS event, toString(e.start) AS start, country, participant, kind, role, evidence
ORDER BY start, event, country, participant, role
