// Use case: firms near a place (GraphQL: firmsNear(place:, withinKm:)).
// Purpose: which companies sit within a radius of a campus, building or area: each firm once, measured from
//   the nearest building or area it is located in (LOCATED_IN, HEADQUARTERED_IN or HAS_RD_CENTER_IN).
// Parameters: $place (id of any entity with a location), $withinKm (radius in kilometres).
// Expected shape: one row per firm, nearest first: firm, nameZh, name, via (the building or area), distanceKm.

:param place => 'tsinghua-university';
:param withinKm => 1.5;
// expect: rows >= 4
// expect: first {firm: 'zhipu-ai', via: 'sohu-building'}
// expect: row {firm: 'modelbest', via: 'kejian-building'}
// expect: no row {firm: 'deepseek'}
MATCH (p:Entity {id: $place}) WHERE p.location IS NOT NULL
MATCH (f:Company)-[:LOCATED_IN|HEADQUARTERED_IN|HAS_RD_CENTER_IN]->(site)
WHERE (site:Building OR site:Area) AND site.location IS NOT NULL AND site.id <> p.id
WITH f, site, point.distance(p.location, site.location) / 1000.0 AS km
WHERE km <= $withinKm
WITH f, site, km ORDER BY km
WITH f, collect({via: site.id, km: km})[0] AS nearest
RETURN f.id AS firm, f.nameZh AS nameZh, f.name AS name, nearest.via AS via, round(nearest.km, 3) AS distanceKm
ORDER BY distanceKm, firm;
