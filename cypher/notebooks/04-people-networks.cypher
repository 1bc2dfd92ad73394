// Notebook 4 · People, alumni and founding networks: who founded or works where, and where they studied.
// People are few in the articles (12), but they connect firms, universities, government and the authors.

// 4.1 Founders and their alma maters
// 梁文锋 founded DeepSeek and studied at Zhejiang University; 王兴兴 founded Unitree (the articles give no
// university for him, hence null).
// expect: rows = 2
// expect: row {founder: 'liang-wenfeng', firm: 'deepseek', almaMater: 'zhejiang-university'}
// expect: row {founder: 'wang-xingxing', firm: 'unitree-robotics', almaMater: null}
MATCH (p:Person)-[:FOUNDED]->(c:Company)
OPTIONAL MATCH (p)-[:ALUMNUS_OF]->(u:University)
RETURN p.id AS founder, p.nameZh AS nameZh, c.id AS firm, u.id AS almaMater
ORDER BY founder;

// 4.2 Alumni of one university and what they do now
// Set $university to any university id. Zhejiang University's alumni lead two Hangzhou firms.
:param university => 'zhejiang-university';
// expect: rows = 2
// expect: row {alumnus: 'li-chao', role: 'CTO', organisation: 'deep-robotics'}
// expect: row {alumnus: 'liang-wenfeng', role: 'founder', organisation: 'deepseek'}
MATCH (:University {id: $university})<-[:ALUMNUS_OF]-(p:Person)
MATCH (p)-[r:FOUNDED|WORKS_AT]->(org)
RETURN p.id AS alumnus, p.nameZh AS nameZh,
       CASE type(r) WHEN 'FOUNDED' THEN 'founder' ELSE r.role END AS role, org.id AS organisation
ORDER BY alumnus;

// 4.3 Who works where
// Every WORKS_AT with its role: executives, officials, a professor, a teacher and a journalist.
// expect: rows >= 7
// expect: row {person: 'tang-chao', role: 'deputy district head', organisation: 'haidian-district-government'}
// expect: row {person: 'wang-jici', role: 'professor of economic geography'}
MATCH (p:Person)-[r:WORKS_AT]->(org)
RETURN p.id AS person, p.nameZh AS nameZh, r.role AS role, org.id AS organisation,
       [l IN labels(org) WHERE l <> 'Entity'][0] AS kind
ORDER BY person, organisation;

// 4.4 The people around the author 王缉慈
// Teachers, a sibling and co-authors: her network, one step away in any direction.
:param person => 'wang-jici';
// expect: rows >= 3
// expect: row {relation: 'TAUGHT', other: 'hou-renzhi'}
// expect: row {relation: 'SIBLING_OF', other: 'wang-jixian'}
MATCH (me:Person {id: $person})-[r:TAUGHT|SIBLING_OF]-(other:Person)
RETURN type(r) AS relation, other.id AS other, other.nameZh AS nameZh
UNION
MATCH (me:Person {id: $person})-[:AUTHORED]->(work)<-[:AUTHORED]-(other:Person)
RETURN DISTINCT 'co-author' AS relation, other.id AS other, other.nameZh AS nameZh;

// 4.5 Who met whom at an event
// The bionic robot conference of December 2024 brought together a founder, a CTO and a district official.
// expect: rows >= 1
// expect: row {event: 'bionic-robot-conference-2024', people: ['li-chao', 'tang-chao', 'wang-xingxing']}
MATCH (p:Person)-[:PARTICIPATED_IN]->(e:Event)
WITH e, p ORDER BY p.id
RETURN e.id AS event, e.nameZh AS nameZh, e.date AS date, collect(p.id) AS people
ORDER BY date;
