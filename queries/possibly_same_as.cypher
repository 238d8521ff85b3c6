// The identity judgement calls: pairs kept apart but possibly the same organisation.
// Parameters: none.
// Returns: a, a_name, a_country, b, b_name, b_country, confidence, reason, evidence.
MATCH (a:Organisation)-[r:POSSIBLY_SAME_AS]->(b:Organisation)
RETURN a.id AS a, a.name AS a_name, a.country AS a_country,
       b.id AS b, b.name AS b_name, b.country AS b_country,
       r.confidence AS confidence, r.reason AS reason, r.evidence AS evidence
ORDER BY confidence DESC, a, b
