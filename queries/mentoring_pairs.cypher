// The mentoring pairs: mentor and mentee, the organisations they work for, where they met.
// Parameters: none.
// Returns: mentor, mentor_organisations, mentee, mentee_organisations, met_at, met_on,
//   evidence. The organisations are lists (a person may work for several, or none known);
//   met_at is the event named by the MENTORS relationship's met_at, met_on its start
//   (YYYY-MM-DD); evidence joins the MENTORS and WORKS_FOR lines.
MATCH (mentor:Person)-[m:MENTORS]->(mentee:Person)
OPTIONAL MATCH (e:Event {id: m.met_at})
WITH mentor, m, mentee, e,
     COLLECT { MATCH (mentor)-[:WORKS_FOR]->(o:Organisation) RETURN o.name ORDER BY o.name } AS mentor_organisations,
     COLLECT { MATCH (mentee)-[:WORKS_FOR]->(o:Organisation) RETURN o.name ORDER BY o.name } AS mentee_organisations,
     m.evidence + COLLECT { MATCH (p:Person)-[w:WORKS_FOR]->(:Organisation) WHERE p IN [mentor, mentee]
                            UNWIND w.evidence AS line RETURN line } AS lines
RETURN mentor.name AS mentor, mentor_organisations, mentee.name AS mentee, mentee_organisations,
       e.name AS met_at, toString(e.start) AS met_on,
       reduce(acc = [], x IN lines | CASE WHEN x IN acc THEN acc ELSE acc + x END) AS evidence
ORDER BY mentor, mentee
