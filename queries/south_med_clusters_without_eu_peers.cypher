// South-Med clusters that have met no named EU peer, and how near they came (the gaps to close).
// Parameters: none.
// Returns: cluster, country, level, organisers_hosts, eu_events, uncertain, held_events, met, evidence.
//   "Met" as defined in graph/SCHEMA.md (Who met whom), as in who_met_whom: a held event both
//   attended (themselves or through a person who works for them), a mentoring pair, a shared
//   agreement or a membership. level is the best level of "met" the cluster reached instead
//   (graph/SCHEMA.md, Levels of met, as the analytics' met_levels table): "organiser_or_host" (an
//   EU organisation organised or co-organised, or hosted, a held event it attended or one that
//   event is PART_OF; organisers_hosts names them), "eu_event" (it attended a held event in the EU
//   whose participant list is flagged partial or names no EU organisation; eu_events names them)
//   or null: the analytics' not-met list. uncertain is true when level is null and it attended an
//   event flagged participants_partial. held_events counts the held events it attended; met lists
//   the organisations it has met (none of them EU); evidence is that of its LOCATED_IN.
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
// the events it attended and the held events they are PART_OF (a mission within a forum)
WITH s, sc, located, events, met,
     COLLECT {
       UNWIND events AS e
       MATCH (e)(()-[:PART_OF]->(p:Event) WHERE coalesce(p.status, 'held') <> 'planned'){0,}(x:Event)
       RETURN DISTINCT x
     } AS within
WITH s, sc, located, events, met, within,
     COLLECT {
       UNWIND within AS x
       MATCH (o:Organisation)-[r:ORGANISED]->(x)
       WHERE coalesce(r.role, 'organiser') IN ['organiser', 'co-organiser']
         AND EXISTS { (o)-[:LOCATED_IN]->(:Country {region: 'EU'}) }
       RETURN o.name AS name
       UNION
       UNWIND within AS x
       MATCH (o:Organisation)((:Organisation)<-[:WORKS_FOR]-(:Person)){0,1}()-[h:ATTENDED {role: 'host'}]->(x)
       WHERE EXISTS { (o)-[:LOCATED_IN]->(:Country {region: 'EU'}) }
       RETURN o.name AS name
     } AS organisers_hosts,
     COLLECT {
       UNWIND events AS e
       MATCH (e)-[:HELD_IN]->(:Country {region: 'EU'})
       WHERE coalesce(e.participants_partial, false) OR NOT EXISTS {
         MATCH (o:Organisation)((:Organisation)<-[:WORKS_FOR]-(:Person)){0,1}()-[:ATTENDED]->(e)
         WHERE EXISTS { (o)-[:LOCATED_IN]->(:Country {region: 'EU'}) }
       }
       RETURN e.name AS name
     } AS eu_events
RETURN s.name AS cluster, sc.code AS country,
       CASE WHEN size(organisers_hosts) > 0 THEN 'organiser_or_host'
            WHEN size(eu_events) > 0 THEN 'eu_event' END AS level,
       COLLECT { WITH organisers_hosts UNWIND organisers_hosts AS n RETURN n ORDER BY n } AS organisers_hosts,
       COLLECT { WITH eu_events UNWIND eu_events AS n RETURN n ORDER BY n } AS eu_events,
       size(organisers_hosts) = 0 AND size(eu_events) = 0 AND any(x IN within WHERE coalesce(x.participants_partial, false))
         AS uncertain,
       size(events) AS held_events,
       COLLECT { WITH met UNWIND met AS o RETURN o.name ORDER BY o.name } AS met,
       located.evidence AS evidence
ORDER BY country, cluster
