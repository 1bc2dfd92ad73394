// Bulk import: one batch of facts of one relationship file per transaction. Parameters: $type and $facts, each
// fact {id, from, to, validFrom, validTo, role, staffShare, evidence: [{source, quote}]} grouped by the importer
// from the CSV rows with the same (from, to, validFrom), as cypher/seed/20-relationships.cypher groups them.
// A fact whose rows straddle two batches gets its evidence from both: each (source, quote) pair is added to the
// parallel lists sources[] / quotes[] only when not already there, so rerunning a batch changes nothing.
CYPHER 25
UNWIND $facts AS f
MATCH (a:Entity {id: f.from})
MATCH (b:Entity {id: f.to})
MERGE (a)-[r:$($type) {id: f.id}]->(b)
WITH r, f, coalesce(r.sources, []) AS sources, coalesce(r.quotes, []) AS quotes
WITH r, f, sources, quotes,
     [e IN f.evidence WHERE NOT any(i IN range(0, size(sources) - 1)
                                    WHERE sources[i] = e.source AND quotes[i] = e.quote)] AS fresh
SET r.validFrom = f.validFrom,
    r.validTo = coalesce(f.validTo, r.validTo),
    r.sources = sources + [e IN fresh | e.source],
    r.quotes = quotes + [e IN fresh | e.quote],
    r.role = coalesce(f.role, r.role),
    r.staffShare = coalesce(f.staffShare, r.staffShare);
