// Notebook 2 · Proximity to universities: how close the AI firms sit to Tsinghua, Peking University and others.
// Nearness is computed from the WGS84 points with point.distance (metres); the graph stores no NEAR edges.
// Coordinates are map references, not surveys (see each node's locationPrecision): read distances to ±500 m.

// 2.1 Firms within walking distance of one university
// Change $university (an id) and $radius (metres) to ask about another campus or distance.
:param university => 'tsinghua-university';
:param radius => 2000;
// expect: rows >= 5
// expect: first {firm: 'zhipu-ai', building: 'sohu-building', metres: 1276}
// expect: row {firm: 'modelbest', building: 'kejian-building'}
// expect: no row {firm: 'moonshot-ai'}
MATCH (u:University {id: $university})
MATCH (f:Company)-[:LOCATED_IN|HAS_RD_CENTER_IN]->(b:Building)
WITH f, b, round(point.distance(u.location, b.location)) AS metres
WHERE metres <= $radius
RETURN DISTINCT f.id AS firm, f.nameZh AS nameZh, b.id AS building, metres
ORDER BY metres, firm;

// 2.2 The nearest university of every firm with a known building
// Each firm's building compared with every university in Beijing (not the schools affiliated with one, such
// as 清华附中); the closest one wins. Tsinghua is nearest for Zhipu AI and ModelBest in Tsinghua Science Park,
// Beihang (北航) for the Rongke Information Center, Peking University for the ByteDance AI Lab.
// expect: rows >= 10
// expect: row {firm: 'zhipu-ai', nearest: 'tsinghua-university'}
// expect: row {firm: 'bytedance-ai-lab', nearest: 'peking-university'}
// expect: row {firm: 'deepseek', nearest: 'beihang-university'}
MATCH (f:Company)-[:LOCATED_IN|HAS_RD_CENTER_IN]->(b:Building)
MATCH (u:University)-[:LOCATED_IN|PART_OF*1..3]->(:City {id: 'beijing'})
WHERE NOT (u)-[:AFFILIATED_WITH]->(:University)
WITH f, b, u, point.distance(u.location, b.location) AS metres
ORDER BY metres
WITH f, collect({university: u.id, metres: round(metres)})[0] AS nearest
RETURN f.id AS firm, f.nameZh AS nameZh, nearest.university AS nearest, nearest.metres AS metres
ORDER BY metres, firm;

// 2.3 How many firms each university has nearby
// Universities ranked by the firms (with a building) within $radius of their point. The campuses lie so close
// together that each has most of the cluster within 2.5 km.
:param radius => 2500;
// expect: rows = 3
// expect: first {university: 'beihang-university', firms: 11}
// expect: row {university: 'peking-university', firms: 10}
// expect: row {university: 'tsinghua-university', firms: 9}
MATCH (u:University)-[:LOCATED_IN|PART_OF*1..3]->(:City {id: 'beijing'})
WHERE NOT (u)-[:AFFILIATED_WITH]->(:University)
OPTIONAL MATCH (f:Company)-[:LOCATED_IN|HAS_RD_CENTER_IN]->(b:Building)
  WHERE point.distance(u.location, b.location) <= $radius
WITH u, count(DISTINCT f) AS firms
WHERE firms > 0
RETURN u.id AS university, u.nameZh AS nameZh, firms
ORDER BY firms DESC, university;

// 2.4 Links to universities that are not about distance
// Firms tied to a university by the articles themselves: they hire its graduates, are affiliated through a
// co-founder, or were founded by an alumnus.
// expect: rows >= 3
// expect: row {firm: 'deepseek', link: 'founder is an alumnus', university: 'zhejiang-university'}
// expect: row {firm: 'deep-robotics', link: 'HIRES_FROM', university: 'zhejiang-university'}
MATCH (f:Company)-[r:HIRES_FROM|AFFILIATED_WITH]->(u:University)
RETURN f.id AS firm, type(r) AS link, u.id AS university
UNION
MATCH (u:University)<-[:ALUMNUS_OF]-(:Person)-[:FOUNDED]->(f:Company)
RETURN f.id AS firm, 'founder is an alumnus' AS link, u.id AS university;
