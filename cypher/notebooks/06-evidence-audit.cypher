// Notebook 6 · Evidence audit: where each fact comes from.
// Every relationship carries parallel lists sources[] (article ids) and quotes[] (verbatim passages): one
// relationship is one fact, each (source, quote) pair one piece of evidence for it.

// 6.1 Facts per source
// How many facts each article supports, and how many quotes it contributes (with the seed of this commit:
// 177 facts and 181 quotes from wang-jici-2026, 161 and 169 from 21jingji-2025-02-22).
// expect: rows = 2
// expect: row {source: 'wang-jici-2026'}
// expect: row {source: '21jingji-2025-02-22'}
// expect: no row {facts: 0}
MATCH (s:Source)
OPTIONAL MATCH ()-[r]->() WHERE s.id IN r.sources
WITH s, count(r) AS facts, sum(size([x IN r.sources WHERE x = s.id])) AS quotes
RETURN s.id AS source, s.nameZh AS title, s.published AS published, facts, quotes
ORDER BY source DESC;

// 6.2 Facts told by both articles
// The facts that more than one source supports: the strongest evidence in the graph.
// expect: rows >= 1
// expect: row {from: 'haidian-district', fact: 'PART_OF', to: 'beijing', sources: ['21jingji-2025-02-22', 'wang-jici-2026']}
MATCH (a)-[r]->(b)
WITH a, r, b, reduce(distinct = [], s IN r.sources | CASE WHEN s IN distinct THEN distinct ELSE distinct + s END) AS sources
WHERE size(sources) > 1
RETURN a.id AS from, type(r) AS fact, b.id AS to, sources
ORDER BY from, fact, to;

// 6.3 Facts with more than one piece of evidence
// Several quotes for one fact, from one article or both. DeepSeek's Hangzhou headquarters is stated three times.
// expect: rows >= 5
// expect: first {from: 'deepseek', evidence: 3}
// expect: row {from: 'deepseek', fact: 'HEADQUARTERED_IN', to: 'hangzhou', evidence: 3}
MATCH (a)-[r]->(b)
WHERE size(r.sources) > 1
RETURN a.id AS from, type(r) AS fact, b.id AS to, size(r.sources) AS evidence
ORDER BY evidence DESC, from, fact, to;

// 6.4 Conflicts between sources
// The same policy, product or event told differently: different dates or a different actor, each version kept
// as its own fact with its own evidence. The two articles disagree on who issued the Zhongguancun measures
// and when.
// expect: rows >= 1
// expect: row {about: 'zgc-ai-industry-highland-measures', fact: 'ISSUED', versions: 2}
MATCH (actor)-[r]->(x)
WHERE x:Policy OR x:Product OR x:Event
WITH x, type(r) AS fact, collect({by: actor.id, date: r.validFrom, sources: r.sources}) AS told
WHERE any(t IN told WHERE any(u IN told WHERE none(s IN t.sources WHERE s IN u.sources)))
RETURN x.id AS about, fact, size(told) AS versions, told
ORDER BY about, fact;

// 6.5 Facts without evidence
// Every relationship must have at least one source and exactly one quote per source. This must stay empty.
// expect: rows = 0
MATCH (a)-[r]->(b)
WHERE r.sources IS NULL OR size(r.sources) = 0 OR size(r.sources) <> size(r.quotes)
RETURN a.id AS from, type(r) AS fact, b.id AS to;

// 6.6 The evidence for one fact
// Pick a relationship by its id (from>TYPE>to[@validFrom]) and read each source with its quote.
:param fact => 'deepseek>HAS_RD_CENTER_IN>rongke-information-center';
// expect: rows = 1
// expect: row {source: '21jingji-2025-02-22', quote: 'DeepSeek约有三分之二的员工在这栋楼办公'}
MATCH ()-[r {id: $fact}]->()
UNWIND range(0, size(r.sources) - 1) AS i
RETURN r.id AS fact, r.sources[i] AS source, r.quotes[i] AS quote;
