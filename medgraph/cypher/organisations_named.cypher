// The organisations a query's name parameter finds, by the rule the queries apply: its id or a
// whole name or alias, else the beginning of one, else a part of one (case and accents ignored).
// Parameters: $value = "maroc numeric"
// Returns: name (one row per organisation found, by name).
WITH reduce(k = '', c IN split(normalize(toLower($value), NFD), '') |
            k + CASE WHEN c >= '\u0300' AND c <= '\u036f' THEN '' ELSE c END) AS key
MATCH (o:Organisation)
WITH o, CASE WHEN o.id = $value OR key IN o.search_keys THEN 0
             WHEN any(k IN o.search_keys WHERE k STARTS WITH key) THEN 1
             WHEN any(k IN o.search_keys WHERE k CONTAINS key) THEN 2 END AS rank
WHERE rank IS NOT NULL
WITH rank, collect(o.name) AS found ORDER BY rank LIMIT 1
UNWIND found AS name
RETURN name
ORDER BY name
