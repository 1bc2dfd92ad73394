package dev.haidian.graph.seed;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the seed graph comes from and when it is loaded.
 *
 * @param directory the curated CSV files ({@code nodes/}, {@code relationships/}); also Neo4j's import directory
 * when embedded
 * @param cypherDirectory the Cypher that defines the schema ({@code schema/}) and loads the seed ({@code seed/})
 * @param articlesDirectory the source articles; when present every quote is checked against them before loading
 * @param load when to load at start-up
 * @param force load even over data written since the last seed load (only with {@code load=always})
 */
@ConfigurationProperties("app.seed")
public record SeedProperties(@DefaultValue("./seed") String directory,
		@DefaultValue("./cypher") String cypherDirectory, @DefaultValue("../shared/seeds") String articlesDirectory,
		@DefaultValue("if-empty") Mode load, @DefaultValue("false") boolean force) {

	// Plain strings, converted here: Boot's String-to-Path conversion treats "../x" as a resource and rejects it.

	public Path seedPath() {
		return Path.of(this.directory).toAbsolutePath().normalize();
	}

	public Path cypherPath() {
		return Path.of(this.cypherDirectory).toAbsolutePath().normalize();
	}

	public Path articlesPath() {
		return Path.of(this.articlesDirectory).toAbsolutePath().normalize();
	}

	/** When the seed is loaded at start-up. */
	public enum Mode {

		/** Only into an empty database (the default): the first start gets the seed graph. */
		IF_EMPTY,
		/** Every start; refused (start-up fails) when users have written data since, unless forced. */
		ALWAYS,
		/** Never at start-up; use the {@code loadSeed} mutation. */
		NEVER

	}

}
