// Loads seed/nodes/<Label>.csv: one MERGE per row on the business key, then typed properties.
// Run after cypher/schema/schema.cypher, with Neo4j's import directory pointing at seed/
// (server.directories.import). Idempotent: loading twice changes nothing.
//
// nameKeys holds every name normalised the way the service looks names up: full-width ASCII folded to
// half-width, lower case, no white space ("ＤｅｅｐＳｅｅｋ", "deep seek" and "DeepSeek" all become "deepseek").
CYPHER 25
UNWIND ['Source', 'City', 'Area', 'Building', 'University', 'Institute', 'GovernmentBody', 'Company', 'Person', 'Policy', 'Product', 'Statistic', 'Event'] AS label
CALL (label) {
  LOAD CSV WITH HEADERS FROM 'file:///nodes/' + label + '.csv' AS row
  WITH label, row, CASE WHEN row.aliases IS NULL THEN [] ELSE split(row.aliases, '|') END AS aliases
  WITH label, row, aliases,
       [name IN [row.name, row.nameZh] + aliases |
         replace(replace(toLower(reduce(s = name, i IN range(0, 93) |
           replace(s, substring('！＂＃＄％＆＇（）＊＋，－．／０１２３４５６７８９：；＜＝＞？＠ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ［＼］＾＿｀ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ｛｜｝～', i, 1), substring('!"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~', i, 1)))), ' ', ''), '\u3000', '')] AS keys
  MERGE (n:Entity {id: row.id})
  SET n:$(label),
      n.name = row.name,
      n.nameZh = row.nameZh,
      n.aliases = aliases,
      n.nameKeys = reduce(distinct = [], k IN keys | CASE WHEN k IN distinct THEN distinct ELSE distinct + k END),
      n.description = row.description,
      n.kind = row.kind,
      n.location = CASE WHEN row.latitude IS NULL THEN null
                        ELSE point({latitude: toFloat(row.latitude), longitude: toFloat(row.longitude)}) END,
      n.locationPrecision = row.locationPrecision,
      n.locationSource = row.locationSource,
      n.address = row.address,
      n.publisher = row.publisher,
      n.author = row.author,
      n.published = row.published,
      n.url = row.url,
      n.file = row.file,
      n.measure = row.measure,
      n.value = toFloat(row.value),
      n.unit = row.unit,
      n.asOf = row.asOf,
      n.date = row.date
};
