// Use case: look an entity up by any of its names (GraphQL: entity(name:) / entityByName).
// Purpose: find the one entity a reader means, whether they type the Chinese name, the English name, an alias
//   or the id, ignoring case and spaces ("Moonshot AI", "月之暗面", "moonshotai" and "moonshot-ai" all match).
// Parameters: $name (string).
// Expected shape: at most one row per matching entity: id, label, name, nameZh, aliases, description.
//   The service normalises full-width letters too; here nameKeys (stored normalised) covers case and spaces.

:param name => '月之暗面';
// expect: rows = 1
// expect: first {id: 'moonshot-ai', label: 'Company', name: 'Moonshot AI'}
MATCH (n:Entity)
WHERE n.id = $name OR toLower(replace($name, ' ', '')) IN n.nameKeys
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, n.name AS name, n.nameZh AS nameZh,
       n.aliases AS aliases, n.description AS description
ORDER BY id;
