// Which EU organisations each South-Med cluster has met, and how.
// Parameters: none.
// Returns: cluster, cluster_country, eu_organisation, eu_country, meetings, ways, evidence.
//   One row per pair that met: at an event both ATTENDED (any roles; planned events do not
//   count), through a mentoring pair (a person working for one MENTORS a person working for
//   the other) or through an agreement both are PARTY_TO. ways lists them, oldest first, as
//   "event: <name> (<start>)", "mentoring: <mentor> mentors <mentee> (met at <event>)" or
//   "agreement: <name> (<date>)"; meetings counts them.
MATCH (s:Cluster)-[:LOCATED_IN]->(sc:Country {region: 'South-Med'})
MATCH (o:Organisation)-[:LOCATED_IN]->(oc:Country {region: 'EU'})
CALL (s, o) {
  MATCH (s)-[rs:ATTENDED]->(e:Event)<-[ro:ATTENDED]-(o)
  WHERE coalesce(e.status, 'held') <> 'planned'
  RETURN 'event: ' + e.name + coalesce(' (' + toString(e.start) + ')', '') AS way, e.start AS date,
         rs.evidence + ro.evidence AS evidence
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
}
WITH s, sc, o, oc, way, evidence ORDER BY date, way
WITH s, sc, o, oc, collect(way) AS ways, reduce(acc = [], x IN collect(evidence) | acc + x) AS evidence
WITH s, sc, o, oc, ways, reduce(acc = [], e IN evidence | CASE WHEN e IN acc THEN acc ELSE acc + e END) AS evidence
RETURN s.name AS cluster, sc.code AS cluster_country, o.name AS eu_organisation, oc.code AS eu_country,
       size(ways) AS meetings, ways, evidence
ORDER BY cluster, eu_organisation
