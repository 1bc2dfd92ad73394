// Use case: an entity's relations with their evidence (GraphQL: Entity.relations).
// Purpose: every fact the graph holds about one entity, in both directions, with the date and each piece of
//   evidence (source article and verbatim quote), so a reader can check it against the article.
// Parameters: $id (entity id).
// Expected shape: one row per relationship and piece of evidence: direction ('out' or 'in'), type, other (id),
//   otherNameZh, validFrom, source, quote; sorted by type, other, source.

:param id => 'unitree-robotics';
// expect: rows >= 4
// expect: row {direction: 'out', type: 'HAS_SUBSIDIARY_IN', other: 'haidian-district', validFrom: '2024-12'}
// expect: row {direction: 'in', type: 'FOUNDED', other: 'wang-xingxing'}
MATCH (e:Entity {id: $id})-[r]-(other)
UNWIND range(0, size(r.sources) - 1) AS i
RETURN CASE WHEN startNode(r) = e THEN 'out' ELSE 'in' END AS direction, type(r) AS type, other.id AS other,
       other.nameZh AS otherNameZh, r.validFrom AS validFrom, r.sources[i] AS source, r.quotes[i] AS quote
ORDER BY type, other, source, quote;
