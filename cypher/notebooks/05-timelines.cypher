// Notebook 5 · Policy and model-release timelines.
// Dates are ISO partial dates (YYYY, YYYY-MM or YYYY-MM-DD) as precise as the article, so they sort as text;
// facts without a date come last.

// 5.1 The policy timeline
// Who issued which policy, when, and where it applies. The Zhongguancun measures appear twice: the two articles
// date and attribute them differently (see notebook 6).
// expect: rows >= 6
// expect: first {date: '2024', policy: 'beijing-haidian-ai-cluster', issuedBy: 'miit'}
// expect: row {date: '2025-02', policy: 'zgc-ai-industry-highland-measures', issuedBy: 'haidian-district-government'}
// expect: row {date: '2025-08', policy: 'zgc-ai-industry-highland-measures', issuedBy: 'zgc-science-city-management-committee'}
MATCH (body)-[r:ISSUED]->(p:Policy)
OPTIONAL MATCH (p)-[:APPLIES_TO]->(place)
WITH r, body, p, place ORDER BY place.id
RETURN r.validFrom AS date, p.id AS policy, p.nameZh AS nameZh, p.kind AS kind, body.id AS issuedBy,
       collect(place.id) AS appliesTo
ORDER BY date, policy;

// 5.2 Where policies apply, with dates
// APPLIES_TO carries its own date when the article gives one; this includes policies whose issuer is unknown.
// expect: rows >= 10
// expect: row {policy: 'china-first-ai-city', place: 'beijing', date: '2025-09'}
MATCH (p:Policy)-[r:APPLIES_TO]->(place)
RETURN r.validFrom AS date, p.id AS policy, p.nameZh AS nameZh, place.id AS place
ORDER BY date, policy, place;

// 5.3 Model releases
// AI models and who released them. ByteDance's Seedance 2.0 came out on 12 February 2026.
// expect: rows >= 5
// expect: row {date: '2026-02-12', model: 'seedance-2-0', releasedBy: 'bytedance'}
// expect: row {date: '2026', model: 'kimi-k2-5', releasedBy: 'moonshot-ai'}
MATCH (maker)-[r:RELEASED]->(m:Product {kind: 'model'})
RETURN r.validFrom AS date, m.id AS model, m.nameZh AS nameZh, maker.id AS releasedBy
ORDER BY date DESC, model;

// 5.4 Everything dated, in one timeline
// Events by their date and dated relationships by validFrom: a single chronology of the cluster.
// The window is set by $from and $to (ISO dates compared as text).
:param from => '2024';
:param to => '2026-12';
// expect: rows >= 15
// expect: row {date: '2024-12', what: 'HAS_SUBSIDIARY_IN', subject: 'unitree-robotics', object: 'haidian-district'}
// expect: row {date: '2025-11-28', what: 'event', subject: 'ai-inspiration-night-2025'}
CALL () {
  MATCH (e:Event) WHERE e.date IS NOT NULL
  RETURN e.date AS date, 'event' AS what, e.id AS subject, null AS object
  UNION ALL
  MATCH (a)-[r]->(b) WHERE r.validFrom IS NOT NULL
  RETURN r.validFrom AS date, type(r) AS what, a.id AS subject, b.id AS object
}
WITH date, what, subject, object
WHERE $from <= date <= $to
RETURN date, what, subject, object
ORDER BY date, what, subject, object;
