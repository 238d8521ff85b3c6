// How many events of each kind took place each year, and how many attended them.
// Parameters: none.
// Returns: year, kind, events, planned, organisations, people. year is that of the start
//   (null when undated); planned counts the events still planned (included in events);
//   organisations and people count attendances (ATTENDED relationships, any role).
MATCH (e:Event)
WITH e.start.year AS year, e.kind AS kind, e,
     COUNT { (:Organisation)-[:ATTENDED]->(e) } AS organisations,
     COUNT { (:Person)-[:ATTENDED]->(e) } AS people
RETURN year, kind, count(e) AS events, sum(CASE WHEN e.status = 'planned' THEN 1 ELSE 0 END) AS planned,
       sum(organisations) AS organisations, sum(people) AS people
ORDER BY year, kind
