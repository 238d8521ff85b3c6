// An organisation's profile: its names, kind, country, events, members, people and agreements.
// Parameters: $name = "Cluster Huile d'olive Nord-Ouest" (an organisation: an id, a name or an
//   alias, or a part of one; case and accents are ignored).
// Returns: id, fact, item, detail, date, evidence. One row per fact, in this order: name (with
//   every document line that names it), alias, kind, country (detail: region), attended (an
//   event, planned ones included, attended itself or through a person who works for it as
//   graph/SCHEMA.md defines it; detail: role, and "via <person>"), organised (an event; detail:
//   role), member of, member, person (who works for it; detail: role), agreement (detail: the
//   other parties). Dates are YYYY-MM-DD; aliases and kind come from the registry, which gives
//   no line evidence.
WITH reduce(k = '', c IN split(normalize(toLower($name), NFD), '') |
            k + CASE WHEN c >= '\u0300' AND c <= '\u036f' THEN '' ELSE c END) AS key
// an organisation named by a parameter: its id, a whole name or alias, else their beginning, else a part
CALL (key) {
  MATCH (o:Organisation)
  WITH o, CASE WHEN o.id = $name OR key IN o.search_keys THEN 0
               WHEN any(k IN o.search_keys WHERE k STARTS WITH key) THEN 1
               WHEN any(k IN o.search_keys WHERE k CONTAINS key) THEN 2 END AS rank
  WHERE rank IS NOT NULL
  WITH rank, collect(o) AS found ORDER BY rank LIMIT 1
  RETURN found AS named
}
UNWIND named AS o
CALL (o) {
  OPTIONAL MATCH (d:Document)-[m:MENTIONS]->(o)
  WITH o, d, m ORDER BY d.id
  RETURN 0 AS rank, 'name' AS fact, o.name AS item, null AS detail, null AS date,
         reduce(acc = [], e IN collect(m.evidence) | acc + e) AS evidence
  UNION
  UNWIND o.aliases AS alias
  RETURN 1 AS rank, 'alias' AS fact, alias AS item, null AS detail, null AS date, [] AS evidence
  UNION
  RETURN 2 AS rank, 'kind' AS fact, o.kind AS item, null AS detail, null AS date, [] AS evidence
  UNION
  MATCH (o)-[r:LOCATED_IN]->(c:Country)
  RETURN 3 AS rank, 'country' AS fact, c.name AS item, c.region AS detail, null AS date, r.evidence AS evidence
  UNION
  // attends as defined in graph/SCHEMA.md: its own ATTENDED, or that of a person who WORKS_FOR it
  MATCH attendance = (o)((:Organisation)<-[:WORKS_FOR]-(:Person)){0,1}()-[:ATTENDED]->(e:Event)
  WITH e, attendance, last(relationships(attendance)) AS r
  RETURN 4 AS rank, 'attended' AS fact, e.name AS item,
         coalesce(r.role, 'delegate') + CASE length(attendance) WHEN 1 THEN '' ELSE ' via ' + nodes(attendance)[1].name END AS detail,
         toString(e.start) AS date,
         reduce(acc = [], x IN reverse(relationships(attendance)) |
                acc + [line IN x.evidence WHERE NOT line IN acc]) AS evidence
  UNION
  MATCH (o)-[r:ORGANISED]->(e:Event)
  RETURN 5 AS rank, 'organised' AS fact, e.name AS item, r.role AS detail, toString(e.start) AS date,
         r.evidence AS evidence
  UNION
  MATCH (o)-[r:MEMBER_OF]->(x:Organisation)
  RETURN 6 AS rank, 'member of' AS fact, x.name AS item, null AS detail, null AS date, r.evidence AS evidence
  UNION
  MATCH (o)<-[r:MEMBER_OF]-(x:Organisation)
  RETURN 7 AS rank, 'member' AS fact, x.name AS item, null AS detail, null AS date, r.evidence AS evidence
  UNION
  MATCH (o)<-[r:WORKS_FOR]-(p:Person)
  RETURN 8 AS rank, 'person' AS fact, p.name AS item, r.role AS detail, null AS date, r.evidence AS evidence
  UNION
  MATCH (o)-[r:PARTY_TO]->(a:Agreement)
  OPTIONAL MATCH (a)<-[:PARTY_TO]-(other:Organisation) WHERE other <> o
  WITH r, a, other ORDER BY other.name
  RETURN 9 AS rank, 'agreement' AS fact, a.name AS item, reduce(s = null, n IN collect(other.name) |
           CASE WHEN s IS NULL THEN n ELSE s + ', ' + n END) AS detail,
         toString(a.date) AS date, r.evidence AS evidence
}
RETURN o.id AS id, fact, item, detail, date, evidence
ORDER BY id, rank, date, item, detail
