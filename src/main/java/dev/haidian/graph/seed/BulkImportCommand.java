package dev.haidian.graph.seed;

import java.nio.file.Path;

import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Imports {@code app.import.directory} when it is set: completes the offline import {@link OfflineImportStep} did
 * before the embedded Neo4j started (empty store), or else runs {@link BulkImport} (a store with data, or an
 * external Neo4j):
 * {@code ./mvnw spring-boot:run -Dspring-boot.run.arguments="--app.import.directory=/tmp/registry --app.seed.load=never"}.
 * Runs before the seed start-up load (which then finds the graph not empty) and the warm-up; exits with status 0
 * when done unless {@code app.import.exit=false}.
 */
@Component
@Order(10)
@ConditionalOnProperty("app.import.directory")
class BulkImportCommand implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(BulkImportCommand.class);

	private final Driver driver;

	private final SeedService seed;

	private final BulkImportProperties properties;

	private final ConfigurableApplicationContext context;

	private final OfflineImportStep offline;

	BulkImportCommand(Driver driver, SeedService seed, BulkImportProperties properties,
			ConfigurableApplicationContext context, ObjectProvider<OfflineImportStep> offline) {
		this.driver = driver;
		this.seed = seed;
		this.properties = properties;
		this.context = context;
		this.offline = offline.getIfAvailable();
	}

	@Override
	public void run(ApplicationArguments args) {
		OfflineImport.Report imported = (this.offline != null) ? this.offline.report() : null;
		if (imported != null) {
			OfflineImport.finish(this.driver, this.seed, imported, this.offline.dataDirectory(), log::info);
		}
		else {
			new BulkImport(this.driver, this.seed, this.properties.batchSize(), log::info)
				.run(Path.of(this.properties.directory()));
		}
		if (this.properties.exit()) {
			System.exit(SpringApplication.exit(this.context, () -> 0));
		}
	}

}
