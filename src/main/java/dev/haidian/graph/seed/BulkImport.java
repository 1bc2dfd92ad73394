package dev.haidian.graph.seed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

import dev.haidian.graph.query.Names;
import dev.haidian.graph.query.Ontology;

/**
 * Imports a large directory in the {@code seed/} format (e.g. one written by {@link SyntheticRegistry}) into the
 * connected Neo4j in batches: the same validation as the seed loader first, then the schema, then
 * {@code cypher/import/10-nodes.cypher} and {@code 20-relationships.cypher} with tens of thousands of rows per
 * transaction (the seed loader's single {@code LOAD CSV} transaction would not fit a million rows in memory).
 *
 * <p>
 * Resumable and idempotent: each batch commits together with an {@code (:ImportProgress)} node recording how
 * many rows of its file are in, keyed by the directory's checksum; a rerun of an interrupted import skips those
 * rows, and every statement MERGEs, so the rerun converges to the graph a single run gives. A complete import
 * removes its progress nodes and records itself like a seed load ({@code (:SeedLoad {id: 'seed'})}), so the
 * service treats the graph as loaded. While the server runs one batch, the next is read and parsed.
 */
public final class BulkImport {

	/** The index on the progress nodes a resumed import reads; the offline path creates it too (same schema). */
	static final String PROGRESS_INDEX = "CREATE INDEX ImportProgress_id IF NOT EXISTS FOR (n:ImportProgress) ON (n.id)";

	private final Driver driver;

	private final SeedService seed;

	private final int batchSize;

	private final Consumer<String> progress;

	private final long reportEveryNanos;

	/**
	 * @param seed supplies the validation and the Cypher files (schema and {@code cypher/import/})
	 * @param batchSize rows per transaction
	 * @param progress receives a progress line (records, records/s, ETA) about every two seconds
	 */
	public BulkImport(Driver driver, SeedService seed, int batchSize, Consumer<String> progress) {
		this(driver, seed, batchSize, progress, java.time.Duration.ofSeconds(2));
	}

	/** @param reportEvery least time between progress lines (zero: after every batch) */
	BulkImport(Driver driver, SeedService seed, int batchSize, Consumer<String> progress,
			java.time.Duration reportEvery) {
		this.driver = driver;
		this.seed = seed;
		this.batchSize = batchSize;
		this.progress = progress;
		this.reportEveryNanos = reportEvery.toNanos();
	}

	/** What an import did. */
	public record Report(long records, long skipped, long nodes, long relationships, long validationMillis,
			long millis) {

		public double recordsPerSecond() {
			return this.records * 1000.0 / Math.max(1, this.millis);
		}

	}

	/**
	 * Imports {@code directory}.
	 * @throws SeedValidationException when a file has a problem (nothing written)
	 */
	public Report run(Path directory) {
		try {
			return importAll(directory.toAbsolutePath().normalize());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Report importAll(Path directory) throws IOException {
		long started = System.nanoTime();
		SeedValidator.Contents contents = this.seed.validate(directory);
		long validated = System.nanoTime();
		long total = contents.nodesPerLabel().values().stream().mapToLong(Integer::longValue).sum()
				+ contents.relationshipsPerType().values().stream().mapToLong(Integer::longValue).sum();
		String checksum = SeedService.checksum(directory);
		List<String> importStatements = this.seed.statements("import");
		String nodeStatement = importStatements.get(0);
		String relationshipStatement = importStatements.get(1);
		Meter meter = new Meter(total, this.reportEveryNanos);
		ExecutorService writer = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("bulk-import").factory());
		try (Session session = this.driver.session()) {
			session.run(PROGRESS_INDEX).consume();
			this.seed.applySchema();
			Map<String, Long> done = new HashMap<>();
			session.run("MATCH (p:ImportProgress) WHERE p.id STARTS WITH $prefix RETURN p.id AS id, p.rows AS rows",
					Map.of("prefix", checksum + ":"))
				.forEachRemaining(r -> done.put(r.get("id").asString(), r.get("rows").asLong()));
			for (Path file : csvFiles(directory.resolve("nodes"))) {
				String label = baseName(file);
				importFile(session, writer, meter, checksum, directory, file, done, literal(nodeStatement, "$($label)", label), "label", label,
						"rows", rows -> rows.stream().map(BulkImport::nodeRow).toList());
			}
			for (Path file : csvFiles(directory.resolve("relationships"))) {
				String type = baseName(file);
				importFile(session, writer, meter, checksum, directory, file, done,
						literal(relationshipStatement, "$($type)", type), "type",
						type, "facts", rows -> facts(type, rows));
			}
			var totals = session.executeWrite(tx -> {
				tx.run("MATCH (p:ImportProgress) DETACH DELETE p").consume();
				return SeedService.recordLoad(tx, checksum, directory.toString());
			});
			long millis = (System.nanoTime() - started) / 1_000_000;
			Report report = new Report(total, meter.skipped, totals.get("nodes").asLong(),
					totals.get("relationships").asLong(), (validated - started) / 1_000_000, millis);
			this.progress.accept(String.format(Locale.ROOT,
					"Imported %,d records (%,d skipped as already in) in %.1f s (validation %.1f s): %,.0f records/s; graph: %,d nodes, %,d relationships",
					report.records(), report.skipped(), millis / 1000.0, report.validationMillis() / 1000.0,
					report.recordsPerSecond(), report.nodes(), report.relationships()));
			return report;
		}
		finally {
			writer.shutdownNow();
		}
	}

	private void importFile(Session session, ExecutorService writer, Meter meter, String checksum, Path directory,
			Path file, Map<String, Long> done, String statement, String nameParameter, String name,
			String rowsParameter, java.util.function.Function<List<Map<String, String>>, List<Map<String, Object>>> shape)
			throws IOException {
		String progressId = checksum + ":" + directory.relativize(file);
		long skip = done.getOrDefault(progressId, 0L);
		meter.file = directory.relativize(file).toString();
		if (skip > 0) {
			meter.skip(skip, this.progress);
		}
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			List<String> header = CsvTable.parseLine(meter.file, 1, reader.readLine(), new ArrayList<>());
			long row = 0;
			List<Map<String, String>> batch = new ArrayList<>(this.batchSize);
			CompletableFuture<Void> pending = CompletableFuture.completedFuture(null);
			String line;
			while (true) {
				line = reader.readLine();
				if (line != null && line.isEmpty()) {
					continue;
				}
				if (line != null) {
					row++;
					if (row <= skip) {
						continue;
					}
					List<String> fields = CsvTable.parseLine(meter.file, (int) row + 1, line, new ArrayList<>());
					Map<String, String> values = new HashMap<>();
					for (int c = 0; c < header.size(); c++) {
						if (!fields.get(c).isEmpty()) {
							values.put(header.get(c), fields.get(c));
						}
					}
					batch.add(values);
				}
				if (batch.size() == this.batchSize || (line == null && !batch.isEmpty())) {
					Map<String, Object> parameters = Map.of(nameParameter, name, rowsParameter, shape.apply(batch));
					long rowsAfter = row;
					int size = batch.size();
					pending.join();
					pending = CompletableFuture.runAsync(() -> {
						session.executeWriteWithoutResult(tx -> {
							tx.run(statement, parameters).consume();
							tx.run("MERGE (p:ImportProgress {id: $id}) SET p.rows = $rows",
									Map.of("id", progressId, "rows", rowsAfter)).consume();
						});
						meter.add(size, this.progress);
					}, writer);
					batch = new ArrayList<>(this.batchSize);
				}
				if (line == null) {
					break;
				}
			}
			pending.join();
		}
	}

	/** The {@code aliases} column split at {@code |}; none when it is absent. */
	static List<String> aliases(String column) {
		return (column != null) ? List.of(column.split("\\|")) : List.of();
	}

	/** The lookup key ({@link Names#key}) of every name of a node, in order, without repeats. */
	static List<String> nameKeys(String name, String nameZh, List<String> aliases) {
		LinkedHashSet<String> keys = new LinkedHashSet<>(4 + aliases.size() * 2);
		for (String n : new String[] { name, nameZh }) {
			if (n != null) {
				keys.add(Names.key(n));
			}
		}
		for (String alias : aliases) {
			if (alias != null) {
				keys.add(Names.key(alias));
			}
		}
		return List.copyOf(keys);
	}

	/** A node row as {@code cypher/import/10-nodes.cypher} reads it: typed numbers, aliases and nameKeys as lists. */
	static Map<String, Object> nodeRow(Map<String, String> csv) {
		Map<String, Object> row = new HashMap<>(csv);
		List<String> aliases = aliases(csv.get("aliases"));
		row.put("aliases", aliases);
		row.put("nameKeys", nameKeys(csv.get("name"), csv.get("nameZh"), aliases));
		for (String number : List.of("latitude", "longitude", "value")) {
			if (csv.get(number) != null) {
				row.put(number, Double.parseDouble(csv.get(number)));
			}
		}
		return row;
	}

	/** Rows of one relationship file grouped into facts (same from, to and validFrom), each with its evidence. */
	static List<Map<String, Object>> facts(String type, List<Map<String, String>> rows) {
		Map<String, Map<String, Object>> facts = new LinkedHashMap<>();
		for (Map<String, String> row : rows) {
			String id = Ontology.relationshipId(row.get("from"), type, row.get("to"), row.get("validFrom"));
			Map<String, Object> fact = facts.computeIfAbsent(id, k -> {
				Map<String, Object> f = new HashMap<>();
				f.put("id", k);
				f.put("from", row.get("from"));
				f.put("to", row.get("to"));
				f.put("validFrom", row.get("validFrom"));
				f.put("evidence", new ArrayList<Map<String, String>>());
				return f;
			});
			if (fact.get("validTo") == null) {
				fact.put("validTo", row.get("validTo"));
			}
			if (fact.get("role") == null) {
				fact.put("role", row.get("role"));
			}
			if (fact.get("staffShare") == null && row.get("staffShare") != null) {
				fact.put("staffShare", Double.parseDouble(row.get("staffShare")));
			}
			@SuppressWarnings("unchecked")
			List<Map<String, String>> evidence = (List<Map<String, String>>) fact.get("evidence");
			Map<String, String> pair = Map.of("source", row.get("source"), "quote", row.get("quote"));
			if (!evidence.contains(pair)) {
				evidence.add(pair);
			}
		}
		return new ArrayList<>(facts.values());
	}

	/**
	 * The statement with its dynamic label or type written out. The validator has checked the name (PascalCase
	 * label, UPPER_SNAKE type), so this is no injection; it matters because with a dynamic type the planner
	 * cannot expand a MERGE from the end with fewer relationships: a fact into a city with 100,000 firms then
	 * scans all of them (measured 1,000 records/s instead of tens of thousands).
	 */
	static String literal(String statement, String placeholder, String name) {
		if (!name.matches("[A-Za-z][A-Za-z0-9_]*")) {
			throw new IllegalArgumentException("Not a label or relationship type: " + name);
		}
		return statement.replace(placeholder, name);
	}

	private static List<Path> csvFiles(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter(f -> f.getFileName().toString().endsWith(".csv")).sorted().toList();
		}
	}

	private static String baseName(Path file) {
		String name = file.getFileName().toString();
		return name.substring(0, name.length() - ".csv".length());
	}

	/** Records done out of the total, rate and ETA, reported at most every two seconds. */
	private static final class Meter {

		private final long total;

		private final long started = System.nanoTime();

		private long done;

		private long skipped;

		private long reported = System.nanoTime();

		private final long every;

		private volatile String file = "";

		Meter(long total, long every) {
			this.total = total;
			this.every = every;
		}

		synchronized void skip(long records, Consumer<String> progress) {
			this.skipped += records;
			add(records, progress);
		}

		synchronized void add(long records, Consumer<String> progress) {
			this.done += records;
			long now = System.nanoTime();
			if (now - this.reported >= this.every || this.done == this.total) {
				this.reported = now;
				double seconds = (now - this.started) / 1e9;
				double rate = (this.done - this.skipped) / Math.max(seconds, 1e-3);
				long eta = (rate > 0) ? (long) ((this.total - this.done) / rate) : -1;
				progress.accept(String.format(Locale.ROOT, "%s: %,d / %,d records (%.1f%%) · %,.0f records/s · ETA %s",
						this.file, this.done, this.total, 100.0 * this.done / Math.max(1, this.total), rate,
						(eta < 0) ? "?" : String.format(Locale.ROOT, "%d:%02d", eta / 60, eta % 60)));
			}
		}

	}

}
