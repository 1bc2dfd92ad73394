package dev.haidian.graph.seed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Values;
import org.neo4j.driver.summary.SummaryCounters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Loads the curated seed graph by running {@code cypher/schema/*.cypher} and {@code cypher/seed/*.cypher}, the
 * same files a cypher-shell or Browser user runs, against the connected Neo4j.
 *
 * <p>
 * Order of a load: validate every seed file (nothing is written when any problem is found) → check that nobody
 * has written to the graph since the last seed load (unless forced) → apply the schema (idempotent, one
 * statement per transaction, as Neo4j requires for schema changes) → load all data in <em>one</em> transaction,
 * so a failure leaves the graph exactly as it was → record the load in a {@code (:SeedLoad {id: 'seed'})} node
 * → wait until every index is online. The wait comes last so that the indexes populate while the data loads
 * (the uniqueness constraints the loader's {@code MERGE}s use are online as soon as they are created).
 */
@Service
public class SeedService {

	private static final Logger log = LoggerFactory.getLogger(SeedService.class);

	private final Driver driver;

	private final SeedProperties properties;

	SeedService(Driver driver, SeedProperties properties) {
		this.driver = driver;
		this.properties = properties;
	}

	/** Whether the graph holds no entity yet. */
	public boolean isGraphEmpty() {
		try (Session session = this.driver.session()) {
			return isGraphEmpty(session);
		}
	}

	private static boolean isGraphEmpty(Session session) {
		return session.executeRead(tx -> tx.run("RETURN NOT EXISTS { MATCH (n) WHERE NOT n:SeedLoad } AS empty")
			.single()
			.get("empty")
			.asBoolean());
	}

	/** Checks the seed files without writing anything. */
	public SeedValidator.Contents validate() {
		return validate(this.properties.seedPath());
	}

	SeedValidator.Contents validate(Path seedDirectory) {
		return new SeedValidator(seedDirectory, this.properties.articlesPath(), loadCypherText()).validate();
	}

	/**
	 * Loads the seed.
	 * @param force load even when users have written to the graph since the last seed load
	 * @return what the load did
	 * @throws SeedValidationException when a seed file has a problem (nothing written)
	 * @throws SeedConflictException when the graph changed since the last load and {@code force} is false
	 */
	public synchronized SeedReport load(boolean force) {
		long started = System.nanoTime();
		SeedValidator.Contents contents = validate();
		String checksum = checksum(this.properties.seedPath());
		try (Session session = this.driver.session()) {
			if (!force) {
				checkUnchangedSinceLastLoad(session);
			}
			createSchema(session);
			List<String> data = statements("seed");
			record Outcome(long nodesCreated, long relationshipsCreated, long propertiesSet, long nodes,
					long relationships) {
			}
			Outcome outcome = session.executeWrite(tx -> {
				long nodesCreated = 0;
				long relationshipsCreated = 0;
				long propertiesSet = 0;
				for (String statement : data) {
					SummaryCounters counters = tx.run(statement).consume().counters();
					nodesCreated += counters.nodesCreated();
					relationshipsCreated += counters.relationshipsCreated();
					propertiesSet += counters.propertiesSet();
				}
				Record totals = recordLoad(tx, checksum, null);
				return new Outcome(nodesCreated, relationshipsCreated, propertiesSet, totals.get("nodes").asLong(),
						totals.get("relationships").asLong());
			});
			awaitIndexes(session);
			SeedReport report = new SeedReport(checksum, outcome.nodes(), outcome.relationships(),
					outcome.nodesCreated(), outcome.relationshipsCreated(), outcome.propertiesSet(),
					contents.nodesPerLabel(), contents.relationshipsPerType(),
					(System.nanoTime() - started) / 1_000_000);
			log.info("Seed loaded in {} ms: {} nodes, {} relationships in the graph ({} and {} created)",
					report.millis(), report.nodes(), report.relationships(), report.nodesCreated(),
					report.relationshipsCreated());
			return report;
		}
	}

	/**
	 * Counts the graph and records the load in the {@code (:SeedLoad)} node, the same for the seed loader and both
	 * bulk-import paths; returns {@code nodes} and {@code relationships}.
	 * @param directory the imported directory, or {@code null} for the curated seed
	 */
	static Record recordLoad(TransactionContext tx, String checksum, String directory) {
		return tx.run("""
				CALL () { MATCH (n) WHERE NOT n:SeedLoad RETURN count(n) AS nodes }
				CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
				MERGE (s:SeedLoad {id: 'seed'})
				SET s.checksum = $checksum, s.loadedAt = datetime(), s.nodes = nodes,
				    s.relationships = relationships, s.directory = $directory
				RETURN nodes, relationships
				""", Values.parameters("checksum", checksum, "directory", directory)).single();
	}

	/**
	 * Applies {@code cypher/schema/} (idempotent) and waits until every index is online, so a store created by
	 * an older version gets new indexes before the first query needs them.
	 */
	public void applySchema() {
		try (Session session = this.driver.session()) {
			applySchema(session);
		}
	}

	private void applySchema(Session session) {
		createSchema(session);
		awaitIndexes(session);
	}

	private void createSchema(Session session) {
		for (String statement : statements("schema")) {
			session.run(statement).consume();
		}
	}

	private static void awaitIndexes(Session session) {
		session.run("CALL db.awaitIndexes(600)").consume();
	}

	/**
	 * Refuses when the graph differs from what the last seed load left: other counts, or entities and
	 * relationships stamped with an {@code updatedAt} after it (every write through the service stamps one).
	 */
	private void checkUnchangedSinceLastLoad(Session session) {
		if (isGraphEmpty(session)) {
			return;
		}
		Record state = session.executeRead(tx -> tx.run("""
				OPTIONAL MATCH (s:SeedLoad {id: 'seed'})
				CALL () { MATCH (n) WHERE NOT n:SeedLoad RETURN count(n) AS nodes }
				CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
				CALL (s) {
				  MATCH (n) WHERE n.updatedAt > s.loadedAt RETURN count(n) AS edited
				  UNION ALL
				  MATCH ()-[r]->() WHERE r.updatedAt > s.loadedAt RETURN count(r) AS edited
				}
				RETURN s IS NOT NULL AS loaded, s.loadedAt AS loadedAt, s.nodes AS seedNodes,
				       s.relationships AS seedRelationships, nodes, relationships, sum(edited) AS edited
				""").single());
		long nodes = state.get("nodes").asLong();
		long relationships = state.get("relationships").asLong();
		if (nodes == 0) {
			return;
		}
		if (!state.get("loaded").asBoolean()) {
			throw new SeedConflictException("The graph already holds " + nodes + " nodes and " + relationships
					+ " relationships that did not come from a seed load; loading the seed could overwrite them. "
					+ "Load with force to merge the seed into it anyway.");
		}
		if (nodes != state.get("seedNodes").asLong() || relationships != state.get("seedRelationships").asLong()
				|| state.get("edited").asLong() > 0) {
			throw new SeedConflictException("The graph was changed after the seed load of "
					+ state.get("loadedAt").asZonedDateTime() + " (then " + state.get("seedNodes").asLong()
					+ " nodes and " + state.get("seedRelationships").asLong() + " relationships, now " + nodes
					+ " and " + relationships + ", " + state.get("edited").asLong()
					+ " edited since); loading the seed could overwrite those edits. Load with force to do it anyway.");
		}
	}

	/** The statements of {@code cypher/<directory>/*.cypher}, files in name order, split at a {@code ;} ending a line. */
	List<String> statements(String directory) {
		List<String> statements = new ArrayList<>();
		for (Path file : cypherFiles(directory)) {
			for (String chunk : read(file).split(";[ \\t]*(?:\\r?\\n|$)")) {
				boolean onlyComments = chunk.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("//"));
				if (!onlyComments) {
					statements.add(chunk.strip());
				}
			}
		}
		return statements;
	}

	private String loadCypherText() {
		return loadCypherText(this.properties);
	}

	/** The text of {@code cypher/seed/*.cypher}, which the validator checks every label and type against. */
	static String loadCypherText(SeedProperties properties) {
		return String.join("\n", cypherFiles(properties, "seed").stream().map(SeedService::read).toList());
	}

	private List<Path> cypherFiles(String directory) {
		return cypherFiles(this.properties, directory);
	}

	private static List<Path> cypherFiles(SeedProperties properties, String directory) {
		Path dir = properties.cypherPath().resolve(directory);
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter(f -> f.getFileName().toString().endsWith(".cypher")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the Cypher directory " + dir.toAbsolutePath()
					+ " (app.seed.cypher-directory)", ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String checksum(Path seedDirectory) {
		try (Stream<Path> files = Files.walk(seedDirectory)) {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (Path file : files.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
				digest.update(seedDirectory.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
				digest.update(Files.readAllBytes(file));
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
