// When a first load committed batch by batch (loaders/write.py) began and did not finish: the
// marker it writes first and removes last. Parameters: none. Returns: started (null: none).
OPTIONAL MATCH (m:UnfinishedLoad)
RETURN min(m.started) AS started
