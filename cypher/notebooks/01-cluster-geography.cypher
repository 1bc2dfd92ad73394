// Notebook 1 · Cluster geography and density: which buildings and areas of Haidian hold the AI firms.
// Each step: purpose (comments) → query → expected result (the "// expect:" lines, checked in CI).
// Runs in Neo4j Browser (paste or drag this file), in cypher-shell (-f) and with the project's notebook command.

// 1.1 Which buildings are hubs?
// Tenants per office building: firms and institutes that sit there (LOCATED_IN) or run an R&D centre there.
// The Rongke Information Center (融科资讯中心) houses DeepSeek's Beijing R&D next to Huawei, Google and NVIDIA.
// expect: rows >= 8
// expect: first {building: 'rongke-information-center', tenants: 4}
// expect: row {building: 'jd-technology-building', tenants: 2, who: ['JD AI team', 'Moonshot AI']}
MATCH (tenant:Entity)-[:LOCATED_IN|HAS_RD_CENTER_IN]->(b:Building)
WHERE NOT tenant:Building
WITH b, tenant ORDER BY tenant.name
WITH b, collect(DISTINCT tenant.name) AS who
RETURN b.id AS building, b.nameZh AS nameZh, size(who) AS tenants, who
ORDER BY tenants DESC, building;

// 1.2 Firms per area
// Every area inside Haidian with the firms located in it, directly or through a building or a smaller area.
// Haidian itself counts them all; the AI Origin Community (AI原点社区) and Zhongguancun lead the sub-areas.
// expect: first {area: 'haidian-district'}
// expect: row {area: 'ai-origin-community', firms: 5}
// expect: row {area: 'tsinghua-science-park', firms: 3}
MATCH (a:Area)-[:PART_OF|LOCATED_IN*0..3]->(:Area {id: 'haidian-district'})
MATCH (f:Company)-[:LOCATED_IN|HEADQUARTERED_IN|HAS_RD_CENTER_IN]->()-[:LOCATED_IN|PART_OF*0..3]->(a)
RETURN a.id AS area, a.nameZh AS nameZh, count(DISTINCT f) AS firms
ORDER BY firms DESC, area;

// 1.3 Density around each building
// How many firms have a site within a radius of each building: the buildings of Tsinghua Science Park
// (清华科技园) lie within walking distance of each other and form the densest patch.
:param radius => 1000;
// expect: rows >= 10
// expect: first {firmsNearby: 5}
// expect: row {building: 'sohu-building', firmsNearby: 5}
// expect: row {building: 'rongke-information-center', firmsNearby: 4}
MATCH (b:Building)
OPTIONAL MATCH (f:Company)-[:LOCATED_IN|HAS_RD_CENTER_IN]->(site:Building)
  WHERE point.distance(b.location, site.location) <= $radius
RETURN b.id AS building, b.nameZh AS nameZh, count(DISTINCT f) AS firmsNearby
ORDER BY firmsNearby DESC, building;

// 1.4 How precise are the coordinates?
// No coordinate in the seed was surveyed: each place says how precise it is and where the point comes from.
// expect: rows >= 2
// expect: no row {precision: 'exact'}
MATCH (n:Entity) WHERE n.location IS NOT NULL
RETURN n.locationPrecision AS precision, count(*) AS places
ORDER BY places DESC, precision;
