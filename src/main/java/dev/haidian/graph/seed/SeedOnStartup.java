package dev.haidian.graph.seed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the seed at start-up according to {@code app.seed.load}: into an empty database by default, so the
 * first start of a fresh clone has the whole graph, and never silently over data written since.
 */
@Component
@Order(20)
class SeedOnStartup implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(SeedOnStartup.class);

	private final SeedService seed;

	private final SeedProperties properties;

	SeedOnStartup(SeedService seed, SeedProperties properties) {
		this.seed = seed;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		// A load applies the schema itself; otherwise it is applied on its own, so that a store created by an older
		// version gets new indexes before the first query needs them.
		switch (this.properties.load()) {
			case NEVER -> {
				this.seed.applySchema();
				log.info("Seed not loaded at start-up (app.seed.load=never)");
			}
			case ALWAYS -> this.seed.load(this.properties.force());
			case IF_EMPTY -> {
				if (this.seed.isGraphEmpty()) {
					this.seed.load(false);
				}
				else {
					this.seed.applySchema();
					log.info("Seed not loaded: the graph is not empty (app.seed.load=if-empty)");
				}
			}
		}
	}

}
