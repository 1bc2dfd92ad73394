package dev.haidian.graph.seed;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The bulk-import command: when {@code directory} is set, the application imports it into the configured Neo4j
 * at start-up (see {@link BulkImport}) and, with {@code exit}, stops when done.
 *
 * @param directory a directory in the seed format (nodes/, relationships/), e.g. a generated registry
 * @param batchSize rows per transaction
 * @param exit stop the application after the import (the command-line use); false keeps the service running
 * @param offline into an embedded Neo4j whose database is absent or empty, import with Neo4j's offline importer
 * ({@link OfflineImport}) before the database starts; false always takes the batched transactional path
 */
@ConfigurationProperties("app.import")
public record BulkImportProperties(String directory, @DefaultValue("20000") int batchSize,
		@DefaultValue("true") boolean exit, @DefaultValue("true") boolean offline) {
}
