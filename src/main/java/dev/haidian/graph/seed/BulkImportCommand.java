package dev.haidian.graph.seed;

import java.nio.file.Path;

import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Runs {@link BulkImport} when {@code app.import.directory} is set:
 * {@code ./mvnw spring-boot:run -Dspring-boot.run.arguments="--app.import.directory=/tmp/registry --app.seed.load=never"}.
 * Runs after the seed start-up load; exits with status 0 when done unless {@code app.import.exit=false}.
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

	BulkImportCommand(Driver driver, SeedService seed, BulkImportProperties properties,
			ConfigurableApplicationContext context) {
		this.driver = driver;
		this.seed = seed;
		this.properties = properties;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		new BulkImport(this.driver, this.seed, this.properties.batchSize(), log::info)
			.run(Path.of(this.properties.directory()));
		if (this.properties.exit()) {
			System.exit(SpringApplication.exit(this.context, () -> 0));
		}
	}

}
