// After a load, removes the nodes that nothing states any more: an event or agreement that no
// document mentions (its defining document dropped it), a country that nothing is in or located in.
// Parameters: none. Returns: nothing.
MATCH (n:Event|Agreement|Country)
WHERE (n:Country AND NOT (n)--()) OR (NOT n:Country AND NOT ()-[:MENTIONS]->(n))
DETACH DELETE n
