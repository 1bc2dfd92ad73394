// Loads seed/relationships/<TYPE>.csv. One CSV row is one fact plus one piece of evidence:
//  - the fact's key is (from, TYPE, to, validFrom), kept as the relationship's id, so that two sources giving
//    different dates for the same event stay two relationships, each with its own evidence;
//  - every row adds its (source, quote) pair to the relationship's parallel lists sources[] / quotes[]
//    unless that pair is already there. Idempotent: loading twice changes nothing.
// Run after 10-nodes.cypher.
CYPHER 25
UNWIND ['AFFILIATED_WITH', 'ALUMNUS_OF', 'ANNOUNCED_AT', 'APPLIES_TO', 'AUTHORED', 'BACKED_BY', 'BUILT_ON_SITE_OF', 'COMPARABLE_TO', 'COMPETES_WITH', 'COVERED', 'DESCRIBES', 'FOUNDED', 'HAS_RD_CENTER_IN', 'HAS_SUBSIDIARY_IN', 'HEADQUARTERED_IN', 'HELD_AT', 'HIRES_FROM', 'HOSTED', 'ISSUED', 'LIVED_IN', 'LOCATED_IN', 'MEMBER_OF', 'MODELLED_ON', 'OPERATES_IN', 'PARTICIPATED_IN', 'PART_OF', 'PUBLISHED_IN', 'RELEASED', 'REPORTED_BY', 'SIBLING_OF', 'SPILLS_OVER_TO', 'STARTED_IN', 'SUBSIDIARY_OF', 'TAUGHT', 'WORKS_AT'] AS type
CALL (type) {
  LOAD CSV WITH HEADERS FROM 'file:///relationships/' + type + '.csv' AS row
  // All evidence rows of one fact are handled together, so one statement never reads what it just wrote.
  WITH type, row.from AS from, row.to AS to, row.validFrom AS validFrom, collect(row) AS rows
  MATCH (a:Entity {id: from})
  MATCH (b:Entity {id: to})
  MERGE (a)-[r:$(type) {id: from + '>' + type + '>' + to + coalesce('@' + validFrom, '')}]->(b)
  WITH r, validFrom, rows, coalesce(r.sources, []) AS sources, coalesce(r.quotes, []) AS quotes
  WITH r, validFrom, rows, sources, quotes,
       [row IN rows WHERE NOT any(i IN range(0, size(sources) - 1)
                                  WHERE sources[i] = row.source AND quotes[i] = row.quote)] AS fresh
  SET r.validFrom = validFrom,
      r.validTo = head([row IN rows WHERE row.validTo IS NOT NULL | row.validTo]),
      r.sources = sources + [row IN fresh | row.source],
      r.quotes = quotes + [row IN fresh | row.quote],
      r.role = coalesce(head([row IN rows WHERE row.role IS NOT NULL | row.role]), r.role),
      r.staffShare = coalesce(head([row IN rows WHERE row.staffShare IS NOT NULL | toFloat(row.staffShare)]),
                              r.staffShare)
};
