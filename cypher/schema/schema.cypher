// Schema of the knowledge graph: run before loading data. Idempotent (IF NOT EXISTS); names are Label_property.

// Indexes come first: Neo4j populates them in the background, whereas each constraint below is populated before
// its statement returns. On a large store (after a bulk import) the constraints are then built while the
// indexes populate, instead of before them.

// Nearness is computed from coordinates (WGS84), never stored as edges.
CREATE POINT INDEX Entity_location IF NOT EXISTS FOR (n:Entity) ON (n.location);

// Ranked full-text search over every name, Chinese included (the cjk analyzer splits Han script).
CREATE FULLTEXT INDEX Entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.nameZh, n.aliases]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};

// Exact name lookup (Resolve, entity(name:)): every normalised name in nameKeys is one keyword term, so
// "which entity is called X" is an index seek instead of a scan of every entity's nameKeys list.
CREATE FULLTEXT INDEX Entity_nameKeys IF NOT EXISTS FOR (n:Entity) ON EACH [n.nameKeys]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword'}};

// Browsing lists in name order (companies(first: 20) …): the page is read in index order, so a million
// companies cost a few index entries, not a scan and a sort. Ids are ordered by the Entity_id constraint.
CREATE RANGE INDEX Entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);
CREATE RANGE INDEX Entity_nameZh IF NOT EXISTS FOR (n:Entity) ON (n.nameZh);

// Every node of the graph is an :Entity with a unique, readable business key.
CREATE CONSTRAINT Entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT Source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT City_id IF NOT EXISTS FOR (n:City) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT Area_id IF NOT EXISTS FOR (n:Area) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT Building_id IF NOT EXISTS FOR (n:Building) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT University_id IF NOT EXISTS FOR (n:University) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT Institute_id IF NOT EXISTS FOR (n:Institute) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT GovernmentBody_id IF NOT EXISTS FOR (n:GovernmentBody) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT Company_id IF NOT EXISTS FOR (n:Company) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT Person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT Policy_id IF NOT EXISTS FOR (n:Policy) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT Product_id IF NOT EXISTS FOR (n:Product) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT Statistic_id IF NOT EXISTS FOR (n:Statistic) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT Event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;

// Which version of seed/ was loaded, and when (one node).
CREATE CONSTRAINT SeedLoad_id IF NOT EXISTS FOR (n:SeedLoad) REQUIRE n.id IS UNIQUE;
