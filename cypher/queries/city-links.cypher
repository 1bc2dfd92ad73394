// Use case: what links two cities (GraphQL: cityLinks(cityA:, cityB:)).
// Purpose: every firm, person or institution with a footing in both cities: headquartered in one and with R&D,
//   a subsidiary, staff or business in the other; founders who studied in one and work in the other; people
//   who lived in both. A place counts for a city when it lies in it through LOCATED_IN / PART_OF.
// Parameters: $cityA, $cityB (City ids).
// Expected shape: one row per entity: entity, label, nameZh, inA and inB (the relationship types that tie it to
//   each city, with the place), sorted by entity.

:param cityA => 'beijing';
:param cityB => 'hangzhou';
// expect: rows >= 4
// expect: row {entity: 'deepseek'}
// expect: row {entity: 'unnamed-embodied-ai-company'}
// expect: row {entity: 'anonymous-alibaba-employee'}
// expect: no row {entity: 'moonshot-ai'}
MATCH (a:City {id: $cityA}), (b:City {id: $cityB})
MATCH (e:Entity)-[ra:LOCATED_IN|HEADQUARTERED_IN|HAS_RD_CENTER_IN|HAS_SUBSIDIARY_IN|OPERATES_IN|LIVED_IN|WORKS_AT|FOUNDED|ALUMNUS_OF|AFFILIATED_WITH]->(pa)
WHERE NOT e:Area AND NOT e:City AND (pa)-[:LOCATED_IN|PART_OF*0..3]->(a)
MATCH (e)-[rb:LOCATED_IN|HEADQUARTERED_IN|HAS_RD_CENTER_IN|HAS_SUBSIDIARY_IN|OPERATES_IN|LIVED_IN|WORKS_AT|FOUNDED|ALUMNUS_OF|AFFILIATED_WITH]->(pb)
WHERE (pb)-[:LOCATED_IN|PART_OF*0..3]->(b)
WITH e, collect(DISTINCT type(ra) + ' ' + pa.id) AS inA, collect(DISTINCT type(rb) + ' ' + pb.id) AS inB
RETURN e.id AS entity, [l IN labels(e) WHERE l <> 'Entity'][0] AS label, e.nameZh AS nameZh, inA, inB
ORDER BY entity;
