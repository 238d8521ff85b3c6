// Which EU organisations each South-Med cluster has met, and how: as peers or organisers/hosts.
// Parameters: none.
// Returns: cluster, cluster_country, eu_organisation, eu_country, level, meetings, ways, evidence.
//   One row per pair that met, "met" as defined in graph/SCHEMA.md (Who met whom), the rule of
//   the analytics' met-matrix: a held event both attended (in any roles, themselves or through a
//   person who works for them), a mentoring pair (a person working for one MENTORS a person
//   working for the other), an agreement both are PARTY_TO, or one being MEMBER_OF the other:
//   level "peer". A pair with none of these but where the EU organisation organised or
//   co-organised a held event the cluster attended, or one that event is PART_OF, or hosted such
//   a containing event, has level "organiser_or_host" (graph/SCHEMA.md, Levels of met). ways
//   lists them, oldest first, as "event: <name> (<start>)", "mentoring: <mentor> mentors
//   <mentee> (met at <event>)", "agreement: <name> (<date>)", "membership: <member> member of
//   <organisation>", "organised: <name> (<start>)" or "hosted: <name> (<start>)"; meetings counts them.
MATCH (s:Cluster)-[:LOCATED_IN]->(sc:Country {region: 'South-Med'})
MATCH (o:Organisation)-[:LOCATED_IN]->(oc:Country {region: 'EU'})
CALL (s, o) {
  // attends as defined in graph/SCHEMA.md: its own ATTENDED, or that of a person who WORKS_FOR it
  MATCH ps = (s)((:Organisation)<-[:WORKS_FOR]-(:Person)){0,1}()-[:ATTENDED]->(e:Event)
  WHERE coalesce(e.status, 'held') <> 'planned'
  MATCH po = (o)((:Organisation)<-[:WORKS_FOR]-(:Person)){0,1}()-[:ATTENDED]->(e)
  WITH e, reduce(acc = [], p IN collect(ps) + collect(po) |
                 acc + reduce(lines = [], r IN reverse(relationships(p)) | lines + r.evidence)) AS evidence
  RETURN 'event: ' + e.name + coalesce(' (' + toString(e.start) + ')', '') AS way, e.start AS date, evidence,
         true AS peer
  UNION
  // organised or co-organised a held event s attended, or one that event is PART_OF
  MATCH (s)((:Organisation)<-[:WORKS_FOR]-(:Person)){0,1}()-[:ATTENDED]->(e:Event)
  WHERE coalesce(e.status, 'held') <> 'planned'
  MATCH (e)(()-[:PART_OF]->(p:Event) WHERE coalesce(p.status, 'held') <> 'planned'){0,}(x:Event)<-[r:ORGANISED]-(o)
  WHERE coalesce(r.role, 'organiser') IN ['organiser', 'co-organiser']
  RETURN DISTINCT 'organised: ' + x.name + coalesce(' (' + toString(x.start) + ')', '') AS way, x.start AS date,
         r.evidence AS evidence, false AS peer
  UNION
  // hosted a held event that an event s attended is PART_OF
  MATCH (s)((:Organisation)<-[:WORKS_FOR]-(:Person)){0,1}()-[:ATTENDED]->(e:Event)
  WHERE coalesce(e.status, 'held') <> 'planned'
  MATCH (e)(()-[:PART_OF]->(p:Event) WHERE coalesce(p.status, 'held') <> 'planned'){1,}(x:Event)
  MATCH h = (o)((:Organisation)<-[:WORKS_FOR]-(:Person)){0,1}()-[:ATTENDED {role: 'host'}]->(x)
  RETURN DISTINCT 'hosted: ' + x.name + coalesce(' (' + toString(x.start) + ')', '') AS way, x.start AS date,
         reduce(lines = [], r IN reverse(relationships(h)) | lines + r.evidence) AS evidence, false AS peer
  UNION
  MATCH (s)<-[ws:WORKS_FOR]-(:Person)-[m:MENTORS]-(:Person)-[wo:WORKS_FOR]->(o)
  OPTIONAL MATCH (e:Event {id: m.met_at})
  RETURN 'mentoring: ' + startNode(m).name + ' mentors ' + endNode(m).name + coalesce(' (met at ' + e.name + ')', '')
           AS way, e.start AS date,
         ws.evidence + m.evidence + wo.evidence AS evidence, true AS peer
  UNION
  MATCH (s)-[rs:PARTY_TO]->(g:Agreement)<-[ro:PARTY_TO]-(o)
  RETURN 'agreement: ' + g.name + coalesce(' (' + toString(g.date) + ')', '') AS way, g.date AS date,
         rs.evidence + ro.evidence AS evidence, true AS peer
  UNION
  MATCH (s)-[m:MEMBER_OF]-(o)
  RETURN 'membership: ' + startNode(m).name + ' member of ' + endNode(m).name AS way, null AS date,
         m.evidence AS evidence, true AS peer
}
WITH s, sc, o, oc, way, evidence, peer ORDER BY date, way
WITH s, sc, o, oc, collect(way) AS ways, reduce(acc = [], x IN collect(evidence) | acc + x) AS evidence,
     CASE WHEN any(x IN collect(peer) WHERE x) THEN 'peer' ELSE 'organiser_or_host' END AS level
WITH s, sc, o, oc, level, ways,
     reduce(acc = [], e IN evidence | CASE WHEN e IN acc THEN acc ELSE acc + e END) AS evidence
RETURN s.name AS cluster, sc.code AS cluster_country, o.name AS eu_organisation, oc.code AS eu_country,
       level, size(ways) AS meetings, ways, evidence
ORDER BY cluster, eu_organisation
