// Use case: a company's profile (GraphQL: entity(name:) on a Company with its typed fields).
// Purpose: everything a reader asks first about a firm in one row: where it is headquartered and has R&D, where
//   it sits, who founded it, what it released, who backs it and which groupings it belongs to.
// Parameters: $id (Company id).
// Expected shape: one row: id, nameZh, name, headquarters, rdCentres, locations, founders, products, backers,
//   groupings (lists of ids, sorted).

:param id => 'deepseek';
// expect: rows = 1
// expect: first {id: 'deepseek', headquarters: ['hangzhou'], rdCentres: ['beijing', 'rongke-information-center'], founders: ['liang-wenfeng'], backers: ['high-flyer'], groupings: ['hangzhou-six-little-dragons']}
MATCH (c:Company {id: $id})
RETURN c.id AS id, c.nameZh AS nameZh, c.name AS name,
       COLLECT { MATCH (c)-[:HEADQUARTERED_IN]->(x) RETURN x.id ORDER BY x.id } AS headquarters,
       COLLECT { MATCH (c)-[:HAS_RD_CENTER_IN]->(x) RETURN x.id ORDER BY x.id } AS rdCentres,
       COLLECT { MATCH (c)-[:LOCATED_IN]->(x) RETURN x.id ORDER BY x.id } AS locations,
       COLLECT { MATCH (c)<-[:FOUNDED]-(x) RETURN x.id ORDER BY x.id } AS founders,
       COLLECT { MATCH (c)-[:RELEASED]->(x) RETURN x.id ORDER BY x.id } AS products,
       COLLECT { MATCH (c)-[:BACKED_BY]->(x) RETURN x.id ORDER BY x.id } AS backers,
       COLLECT { MATCH (c)-[:MEMBER_OF]->(x) RETURN x.id ORDER BY x.id } AS groupings;
