// Before a load writes its registry, takes back what the registry stated the last time: its
// evidence ("registry:line") on the ties it states (countries, programme parents, possibly-same
// pairs; a tie left with none is deleted), and the organisations, people and programmes it no
// longer lists, unless a document of an earlier load still mentions one. One pass over those
// labels: the registry is always loaded whole.
// Parameters: $entries = {"qoot": true, ...} (the ids of the registry now).
// Returns: nothing.
MATCH (n:Organisation|Person|Programme)
OPTIONAL MATCH (n)-[r:LOCATED_IN|PART_OF|POSSIBLY_SAME_AS]->()
WITH n, r, [e IN coalesce(r.evidence, []) WHERE NOT e STARTS WITH 'registry:'] AS kept
FOREACH (_ IN CASE WHEN r IS NOT NULL AND kept = [] THEN [1] ELSE [] END | DELETE r)
FOREACH (_ IN CASE WHEN r IS NOT NULL AND kept <> [] THEN [1] ELSE [] END | SET r.evidence = kept)
WITH DISTINCT n
WHERE $entries[n.id] IS NULL AND NOT ()-[:MENTIONS]->(n)
DETACH DELETE n
