// Bulk import of a large seed-format directory (BulkImport): one batch of rows of one node file per transaction.
// Parameters: $label (the file's label) and $rows, each row a map of the CSV columns with numbers already typed
// and two lists the importer computes: aliases (split at |) and nameKeys (every name normalised as
// dev.haidian.graph.query.Names.key does, which is what cypher/seed/10-nodes.cypher computes in Cypher).
// Idempotent like the seed loader: MERGE on the business key, then SET; rerunning a batch changes nothing.
CYPHER 25
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:$($label),
    n.name = row.name,
    n.nameZh = row.nameZh,
    n.aliases = row.aliases,
    n.nameKeys = row.nameKeys,
    n.description = row.description,
    n.kind = row.kind,
    n.location = CASE WHEN row.latitude IS NULL THEN null
                      ELSE point({latitude: row.latitude, longitude: row.longitude}) END,
    n.locationPrecision = row.locationPrecision,
    n.locationSource = row.locationSource,
    n.address = row.address,
    n.publisher = row.publisher,
    n.author = row.author,
    n.published = row.published,
    n.url = row.url,
    n.file = row.file,
    n.measure = row.measure,
    n.value = row.value,
    n.unit = row.unit,
    n.asOf = row.asOf,
    n.date = row.date;
