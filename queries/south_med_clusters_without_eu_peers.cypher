// South-Med clusters that have met no EU organisation (the gaps to close).
// Parameters: none.
// Returns: cluster, country, held_events, met, evidence. "Met" as in who_met_whom: a held
//   event both ATTENDED, a mentoring pair or a shared agreement. held_events counts the held
//   events the cluster attended; met lists the organisations it has met (none of them EU);
//   evidence is that of its LOCATED_IN, which makes it South-Med.
MATCH (s:Cluster)-[located:LOCATED_IN]->(sc:Country {region: 'South-Med'})
WITH s, sc, located,
     COLLECT {
       MATCH (s)-[:ATTENDED]->(e:Event)<-[:ATTENDED]-(o:Organisation)
       WHERE coalesce(e.status, 'held') <> 'planned' AND o <> s
       RETURN o
       UNION
       MATCH (s)<-[:WORKS_FOR]-(:Person)-[:MENTORS]-(:Person)-[:WORKS_FOR]->(o:Organisation)
       WHERE o <> s
       RETURN o
       UNION
       MATCH (s)-[:PARTY_TO]->(:Agreement)<-[:PARTY_TO]-(o:Organisation)
       WHERE o <> s
       RETURN o
     } AS met
WHERE NONE(o IN met WHERE EXISTS { (o)-[:LOCATED_IN]->(:Country {region: 'EU'}) })
RETURN s.name AS cluster, sc.code AS country,
       COUNT { (s)-[:ATTENDED]->(e:Event) WHERE coalesce(e.status, 'held') <> 'planned' } AS held_events,
       COLLECT { WITH met UNWIND met AS o RETURN o.name ORDER BY o.name } AS met,
       located.evidence AS evidence
ORDER BY country, cluster
