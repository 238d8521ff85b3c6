// South-Med clusters that have met no EU organisation (the gaps to close).
// Parameters: none.
// Returns: cluster, country, held_events, met, evidence. "Met" as defined in graph/SCHEMA.md (Who
//   met whom), as in who_met_whom and the analytics' not-met list: a held event both attended
//   (themselves or through a person who works for them), a mentoring pair, a shared agreement or
//   a membership. held_events counts the held events the cluster attended (itself or through its
//   people); met lists the organisations it has met (none of them EU); evidence is that of its
//   LOCATED_IN, which makes it South-Med.
MATCH (s:Cluster)-[located:LOCATED_IN]->(sc:Country {region: 'South-Med'})
WITH s, sc, located,
     COLLECT {
       // attends as defined in graph/SCHEMA.md: its own ATTENDED, or that of a person who WORKS_FOR it
       MATCH (s)((:Organisation)<-[:WORKS_FOR]-(:Person)){0,1}()-[:ATTENDED]->(e:Event)
       WHERE coalesce(e.status, 'held') <> 'planned'
       RETURN DISTINCT e
     } AS events
WITH s, sc, located, events,
     COLLECT {
       UNWIND events AS e
       MATCH (o:Organisation)((:Organisation)<-[:WORKS_FOR]-(:Person)){0,1}()-[:ATTENDED]->(e)
       WHERE o <> s
       RETURN o
       UNION
       MATCH (s)<-[:WORKS_FOR]-(:Person)-[:MENTORS]-(:Person)-[:WORKS_FOR]->(o:Organisation)
       WHERE o <> s
       RETURN o
       UNION
       MATCH (s)-[:PARTY_TO]->(:Agreement)<-[:PARTY_TO]-(o:Organisation)
       WHERE o <> s
       RETURN o
       UNION
       MATCH (s)-[:MEMBER_OF]-(o:Organisation)
       WHERE o <> s
       RETURN o
     } AS met
WHERE NONE(o IN met WHERE EXISTS { (o)-[:LOCATED_IN]->(:Country {region: 'EU'}) })
RETURN s.name AS cluster, sc.code AS country, size(events) AS held_events,
       COLLECT { WITH met UNWIND met AS o RETURN o.name ORDER BY o.name } AS met,
       located.evidence AS evidence
ORDER BY country, cluster
