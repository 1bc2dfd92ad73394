// Use case: the policy timeline of a place (GraphQL: policies affecting a place, by date).
// Purpose: which plans, measures, funds and designations apply to a place or to anything it lies in, who
//   issued them and when, oldest first (undated last).
// Parameters: $place (Area or City id).
// Expected shape: one row per policy and issuing: date, policy, nameZh, kind, issuedBy (id or null), appliesTo.

:param place => 'zhongguancun-science-city';
// expect: rows >= 4
// expect: row {date: '2025-02', policy: 'zgc-tech-growth-fund-iii', issuedBy: 'haidian-district-government'}
// expect: row {date: '2025-08', policy: 'zgc-ai-industry-highland-measures', issuedBy: 'zgc-science-city-management-committee'}
// expect: row {policy: 'beijing-haidian-ai-cluster', appliesTo: 'haidian-district'}
MATCH (:Entity {id: $place})-[:LOCATED_IN|PART_OF*0..3]->(scope)
MATCH (p:Policy)-[a:APPLIES_TO]->(scope)
OPTIONAL MATCH (body)-[r:ISSUED]->(p)
RETURN coalesce(r.validFrom, a.validFrom) AS date, p.id AS policy, p.nameZh AS nameZh, p.kind AS kind,
       body.id AS issuedBy, scope.id AS appliesTo
ORDER BY date, policy, issuedBy;
