// Marks a first load committed batch by batch as begun (first_load_done.cypher removes the
// mark); while it stays, loads and read-outs refuse the partial graph.
// Parameters: none. Returns: nothing.
CREATE (:UnfinishedLoad {started: datetime()})
