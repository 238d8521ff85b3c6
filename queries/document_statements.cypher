// Everything a document says (a provenance audit): each tie it states, line by line.
// Parameters: $document = "forum-2019" (a document's id).
// Returns: line, subject, relationship, object, detail. One row per tie and line of the
//   document cited in the tie's evidence, ordered by line; detail lists the tie's other
//   properties as "key=value", by key (role, met_at, …). MENTIONS (which lines name what) are left out.
MATCH (d:Document {id: $document})-[:MENTIONS]->(n)
MATCH (n)-[r]-()
WHERE type(r) <> 'MENTIONS' AND d.id IN r.sources
WITH DISTINCT d, r
UNWIND [x IN r.evidence WHERE x STARTS WITH d.id + ':'] AS cited
WITH r, toInteger(substring(cited, size(d.id) + 1)) AS line
RETURN line, startNode(r).name AS subject, type(r) AS relationship, endNode(r).name AS object,
       COLLECT { UNWIND keys(r) AS key WITH key WHERE NOT key IN ['sources', 'evidence']
                 RETURN key + '=' + toString(r[key]) ORDER BY key } AS detail
ORDER BY line, subject, relationship, object
