// Use case: how two entities are connected (GraphQL: paths(from:, to:, maxHops:)).
// Purpose: the shortest chains of relationships between two entities, in either direction, each step with its
//   evidence, e.g. how Li Chao (李超) relates to DeepSeek. Browser shows the same paths as a graph with RETURN p.
// Parameters: $from, $to (entity ids). The hop limit (4) is part of the pattern, as Cypher needs it fixed.
// Expected shape: one row per shortest path: length, nodes (ids along the path), steps (type and first source
//   of each relationship).

:param from => 'li-chao';
:param to => 'deepseek';
// expect: rows >= 1
// expect: first {length: 3}
// expect: row {nodes: ['li-chao', 'zhejiang-university', 'liang-wenfeng', 'deepseek']}
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[*..4]-(b))
WITH p ORDER BY [n IN nodes(p) | n.id]
RETURN length(p) AS length, [n IN nodes(p) | n.id] AS nodes,
       [r IN relationships(p) | {type: type(r), source: r.sources[0], quote: r.quotes[0]}] AS steps;
