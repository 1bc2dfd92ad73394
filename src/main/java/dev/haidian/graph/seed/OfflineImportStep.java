package dev.haidian.graph.seed;

import java.nio.file.Path;
import java.util.Map;

import org.neo4j.graphdb.config.Setting;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import dev.haidian.graph.neo4j.EmbeddedNeo4j;

/**
 * The offline half of the bulk-import command ({@code app.import.directory}) on the embedded Neo4j: runs before
 * the DBMS opens its store, and when the default database is absent or empty imports the directory with
 * {@link OfflineImport}; {@link BulkImportCommand} then completes it (schema, SeedLoad) once Neo4j runs. With a
 * store that holds data, or with {@code app.import.offline=false}, it does nothing and the command takes the
 * batched path ({@link BulkImport}). Not used with an external Neo4j ({@code spring.neo4j.uri}): the embedded
 * server, whose start calls this, does not exist then.
 */
@Component
@ConditionalOnProperty("app.import.directory")
class OfflineImportStep implements EmbeddedNeo4j.BeforeStart {

	private static final Logger log = LoggerFactory.getLogger(OfflineImportStep.class);

	private final BulkImportProperties properties;

	private final SeedProperties seed;

	private volatile OfflineImport.Report report;

	private volatile Path dataDirectory;

	OfflineImportStep(BulkImportProperties properties, SeedProperties seed) {
		this.properties = properties;
		this.seed = seed;
	}

	@Override
	public Map<Setting<?>, Object> prepare(Path dataDirectory) {
		if (!this.properties.offline()) {
			return Map.of();
		}
		if (!OfflineImport.prepareEmptyStore(dataDirectory)) {
			log.info("The database in {} holds data: importing through transactions instead of offline",
					dataDirectory);
			return Map.of();
		}
		this.dataDirectory = dataDirectory;
		this.report = OfflineImport.forSeed(this.seed, log::info)
			.run(Path.of(this.properties.directory()), dataDirectory);
		return OfflineImport.populationSettings(Runtime.getRuntime().maxMemory());
	}

	/** What the offline import did, or {@code null} when it did not run. */
	OfflineImport.Report report() {
		return this.report;
	}

	Path dataDirectory() {
		return this.dataDirectory;
	}

}
