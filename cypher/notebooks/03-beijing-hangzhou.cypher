// Notebook 3 · Beijing–Hangzhou links: the "AI twin cities" (AI双城) and the firms that tie them together.
// A place belongs to a city when it is the city or lies in it through LOCATED_IN / PART_OF (up to 3 steps).

// 3.1 Firms at home in Hangzhou with a foothold in Beijing
// Headquartered in Hangzhou or one of the "Hangzhou Six Little Dragons" (杭州六小龙), and with research, a
// subsidiary, an office or business in Beijing. DeepSeek's Beijing R&D sits in the Rongke Information Center.
// expect: rows >= 4
// expect: row {firm: 'deepseek', tie: 'HAS_RD_CENTER_IN', place: 'rongke-information-center'}
// expect: row {firm: 'unitree-robotics', tie: 'HAS_SUBSIDIARY_IN', place: 'haidian-district', since: '2024-12'}
// expect: row {firm: 'deep-robotics', tie: 'OPERATES_IN', place: 'haidian-district'}
MATCH (c:Company)
WHERE (c)-[:HEADQUARTERED_IN]->(:City {id: 'hangzhou'})
   OR (c)-[:MEMBER_OF]->(:Company {id: 'hangzhou-six-little-dragons'})
MATCH (c)-[r:HAS_RD_CENTER_IN|HAS_SUBSIDIARY_IN|OPERATES_IN|LOCATED_IN]->(place)
WHERE (place)-[:LOCATED_IN|PART_OF*0..3]->(:City {id: 'beijing'})
RETURN c.id AS firm, c.nameZh AS nameZh, type(r) AS tie, place.id AS place, r.validFrom AS since
ORDER BY firm, tie, place;

// 3.2 What the articles say about the two cities themselves
// Rivalry and flows of talent, capital and firms in both directions, each with the article's words.
// expect: rows >= 4
// expect: row {from: 'beijing', relation: 'COMPETES_WITH', to: 'hangzhou'}
// expect: row {from: 'beijing', relation: 'SPILLS_OVER_TO', to: 'hangzhou', since: '2015'}
// expect: row {from: 'hangzhou', relation: 'SPILLS_OVER_TO', to: 'beijing'}
MATCH (a:City)-[r:SPILLS_OVER_TO|COMPETES_WITH]->(b:City)
WHERE a.id IN ['beijing', 'hangzhou'] AND b.id IN ['beijing', 'hangzhou']
RETURN a.id AS from, type(r) AS relation, b.id AS to, r.validFrom AS since, r.quotes AS quotes
ORDER BY from, relation, since;

// 3.3 The two cities in numbers
// Every statistic that describes Beijing or Hangzhou, side by side: shares of China's top AI talent (Maimai,
// 2022) and of AI job demand (Liepin).
// expect: rows >= 4
// expect: row {city: 'beijing', measure: "city share of China's top AI talent", value: 24.0, unit: 'percent'}
// expect: row {city: 'hangzhou', measure: "city share of China's top AI talent", value: 16.53}
MATCH (s:Statistic)-[:DESCRIBES]->(c:City)
WHERE c.id IN ['beijing', 'hangzhou']
OPTIONAL MATCH (s)-[:REPORTED_BY]->(by)
RETURN c.id AS city, s.measure AS measure, s.value AS value, s.unit AS unit, s.asOf AS asOf, by.id AS reportedBy
ORDER BY measure, city;

// 3.4 People who moved between the cities
// The anonymous Alibaba employee interviewed by the 21st Century Business Herald lived in both.
// expect: rows >= 1
// expect: row {person: 'anonymous-alibaba-employee', cities: ['beijing', 'hangzhou', 'shanghai', 'wuhan']}
MATCH (p:Person)-[:LIVED_IN]->(c:City)
WITH p, c ORDER BY c.id
WITH p, collect(c.id) AS cities
WHERE 'beijing' IN cities AND 'hangzhou' IN cities
RETURN p.id AS person, p.nameZh AS nameZh, cities;

// 3.5 Firm groupings on each side
// The "Six Little Tigers" (大模型六小虎) of large models and the Hangzhou Six Little Dragons, and their members.
// expect: rows = 2
// expect: row {grouping: 'hangzhou-six-little-dragons', members: ['deep-robotics', 'deepseek', 'unitree-robotics']}
// expect: row {grouping: 'six-little-tigers', members: ['01-ai', 'baichuan-ai', 'moonshot-ai', 'zhipu-ai']}
MATCH (member:Company)-[:MEMBER_OF]->(g:Company {kind: 'association'})
WITH g, member ORDER BY member.id
RETURN g.id AS grouping, g.nameZh AS nameZh, collect(member.id) AS members
ORDER BY grouping;
