// Which EU organisations each South-Med cluster has met, and how.
// Parameters: none.
// Returns: cluster, cluster_country, eu_organisation, eu_country, meetings, ways, evidence.
//   One row per pair that met, "met" as defined in graph/SCHEMA.md (Who met whom), the rule of
//   the analytics' met-matrix: a held event both attended (in any roles, themselves or through a
//   person who works for them), a mentoring pair (a person working for one MENTORS a person
//   working for the other), an agreement both are PARTY_TO, or one being MEMBER_OF the other.
//   ways lists them, oldest first, as "event: <name> (<start>)", "mentoring: <mentor> mentors
//   <mentee> (met at <event>)", "agreement: <name> (<date>)" or "membership: <member> member of
//   <organisation>"; meetings counts them.
MATCH (s:Cluster)-[:LOCATED_IN]->(sc:Country {region: 'South-Med'})
MATCH (o:Organisation)-[:LOCATED_IN]->(oc:Country {region: 'EU'})
CALL (s, o) {
  // attends as defined in graph/SCHEMA.md: its own ATTENDED, or that of a person who WORKS_FOR it
  MATCH ps = (s)((:Organisation)<-[:WORKS_FOR]-(:Person)){0,1}()-[:ATTENDED]->(e:Event)
  WHERE coalesce(e.status, 'held') <> 'planned'
  MATCH po = (o)((:Organisation)<-[:WORKS_FOR]-(:Person)){0,1}()-[:ATTENDED]->(e)
  WITH e, reduce(acc = [], p IN collect(ps) + collect(po) |
                 acc + reduce(lines = [], r IN reverse(relationships(p)) | lines + r.evidence)) AS evidence
  RETURN 'event: ' + e.name + coalesce(' (' + toString(e.start) + ')', '') AS way, e.start AS date, evidence
  UNION
  MATCH (s)<-[ws:WORKS_FOR]-(:Person)-[m:MENTORS]-(:Person)-[wo:WORKS_FOR]->(o)
  OPTIONAL MATCH (e:Event {id: m.met_at})
  RETURN 'mentoring: ' + startNode(m).name + ' mentors ' + endNode(m).name + coalesce(' (met at ' + e.name + ')', '')
           AS way, e.start AS date,
         ws.evidence + m.evidence + wo.evidence AS evidence
  UNION
  MATCH (s)-[rs:PARTY_TO]->(g:Agreement)<-[ro:PARTY_TO]-(o)
  RETURN 'agreement: ' + g.name + coalesce(' (' + toString(g.date) + ')', '') AS way, g.date AS date,
         rs.evidence + ro.evidence AS evidence
  UNION
  MATCH (s)-[m:MEMBER_OF]-(o)
  RETURN 'membership: ' + startNode(m).name + ' member of ' + endNode(m).name AS way, null AS date,
         m.evidence AS evidence
}
WITH s, sc, o, oc, way, evidence ORDER BY date, way
WITH s, sc, o, oc, collect(way) AS ways, reduce(acc = [], x IN collect(evidence) | acc + x) AS evidence
WITH s, sc, o, oc, ways, reduce(acc = [], e IN evidence | CASE WHEN e IN acc THEN acc ELSE acc + e END) AS evidence
RETURN s.name AS cluster, sc.code AS cluster_country, o.name AS eu_organisation, oc.code AS eu_country,
       size(ways) AS meetings, ways, evidence
ORDER BY cluster, eu_organisation
