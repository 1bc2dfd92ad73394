// Use case: ranked search over every name (GraphQL: search(text:)).
// Purpose: when the reader does not know the exact name, rank entities whose Chinese or English names or
//   aliases contain the words. Uses the full-text index Entity_names (cjk analyzer, so Han script is split).
// Parameters: $text (words; Lucene syntax characters should be escaped by the caller), $first (page size).
// Expected shape: up to $first rows, best first: id, label, nameZh, name, score (float).

:param text => '智谱';
:param first => 5;
// expect: rows >= 1
// expect: first {id: 'zhipu-ai', label: 'Company'}
CALL db.index.fulltext.queryNodes('Entity_names', $text) YIELD node, score
RETURN node.id AS id, [l IN labels(node) WHERE l <> 'Entity'][0] AS label, node.nameZh AS nameZh,
       node.name AS name, score
ORDER BY score DESC, id
LIMIT $first;
