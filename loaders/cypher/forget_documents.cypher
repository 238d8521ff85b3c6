// Before a load writes its documents again, takes back what they stated the last time: their
// evidence on every relationship (one that is left with none is deleted) and the person roles
// they set. Every relationship a document states touches a node it MENTIONS, so the search starts
// from the document's MENTIONS (constrained key, then its neighbourhood), never the whole graph.
// Parameters: $documents = ["tns-2019-06-piedmont", ...] (this batch), $owners = {"tns-2019-06-
//   piedmont": true, "registry": true, ...} (every owner of the load: evidence "owner:line").
// Returns: nothing.
UNWIND $documents AS document
MATCH (:Document {id: document})-[:MENTIONS]->(n)
WITH DISTINCT n
FOREACH (_ IN CASE WHEN n:Person THEN [1] ELSE [] END | REMOVE n.role)
WITH n
MATCH (n)-[r]-()
WITH DISTINCT r
WITH r, [e IN r.evidence WHERE $owners[split(e, ':')[0]] IS NULL] AS kept
WHERE size(kept) < size(r.evidence)
SET r.evidence = kept,
    r.sources = [s IN r.sources WHERE $owners[s] IS NULL]
WITH r, kept
WHERE kept = []
DELETE r
