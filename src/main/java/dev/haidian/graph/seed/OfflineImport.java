package dev.haidian.graph.seed;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.neo4j.batchimport.api.BatchImporter;
import org.neo4j.batchimport.api.Configuration;
import org.neo4j.batchimport.api.IndexConfig;
import org.neo4j.batchimport.api.InputIterable;
import org.neo4j.batchimport.api.InputIterator;
import org.neo4j.batchimport.api.Monitor;
import org.neo4j.batchimport.api.input.Collector;
import org.neo4j.batchimport.api.input.IdType;
import org.neo4j.batchimport.api.input.Input;
import org.neo4j.batchimport.api.input.InputChunk;
import org.neo4j.batchimport.api.input.InputEntityVisitor;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.internal.batchimport.DefaultAdditionalIds;
import org.neo4j.internal.batchimport.input.Groups;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.io.layout.DatabaseLayout;
import org.neo4j.io.pagecache.context.CursorContextFactory;
import org.neo4j.io.pagecache.context.FixedVersionContextSupplier;
import org.neo4j.io.pagecache.tracing.PageCacheTracer;
import org.neo4j.graphdb.config.Setting;
import org.neo4j.kernel.DatabaseCreationOptions;
import org.neo4j.kernel.api.impl.index.lucene.LuceneSettings;
import org.neo4j.kernel.impl.index.schema.DefaultIndexProvidersAccess;
import org.neo4j.kernel.impl.index.schema.IndexImporterFactoryImpl;
import org.neo4j.kernel.impl.scheduler.JobSchedulerFactory;
import org.neo4j.kernel.impl.transaction.log.files.LogTailMetadataFactoryImpl;
import org.neo4j.kernel.impl.transaction.log.files.TransactionLogInitializer;
import org.neo4j.logging.NullLogProvider;
import org.neo4j.logging.internal.SimpleLogService;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.scheduler.JobScheduler;
import org.neo4j.storageengine.api.StorageEngineFactory;
import org.neo4j.storageengine.api.TransactionIdStore;
import org.neo4j.values.storable.CoordinateReferenceSystem;
import org.neo4j.values.storable.Values;

import dev.haidian.graph.query.Ontology;

import org.springframework.util.FileSystemUtils;


/**
 * Imports a seed-format directory into an empty embedded Neo4j with Neo4j's offline batch importer (what
 * {@code neo4j-admin database import} runs), in-process and without intermediate files: one streaming pass reads
 * every file, applies the seed loader's checks ({@link SeedValidator}), folds the evidence rows of each fact into
 * one relationship with {@code sources[]}/{@code quotes[]}, and hands nodes and relationships to the importer as
 * they are read. The result is the graph {@link BulkImport} gives, property for property; an order of magnitude
 * faster, because the importer writes store files directly instead of committing transactions.
 *
 * <p>
 * Only for a store that does not exist yet (or holds no nodes): the importer creates a database, it cannot add
 * to one. Crash-safe in two steps. The importer writes into {@code <data>/offline-import/}, which a new attempt
 * deletes first; only a complete, valid import is moved into place, and a marker file
 * {@code <data>/offline-import.pending} is written before the move and removed by {@link #finish} once the schema
 * and the {@code (:SeedLoad)} node are committed. A start that finds the marker throws the store away and
 * imports again, so an interruption at any point converges to the same graph.
 *
 * <p>
 * Fact grouping streams: the evidence rows of a fact are adjacent in every file the project writes (sorted or
 * grouped by {@code from}), so a fact is complete when the next row starts another. A 64-bit hash of every fact
 * already handed over catches a file where that is not so; the import then starts again with that file folded in
 * memory.
 */
public final class OfflineImport {

	/** The directory the importer writes into, inside the data directory, before the store is moved into place. */
	static final String WORK_DIRECTORY = "offline-import";

	/** Present from the move of an imported store into place until its schema and SeedLoad node are committed. */
	static final String PENDING_MARKER = "offline-import.pending";

	private static final int CHUNK = 4096;

	/**
	 * The importer's defaults, plus the two token lookup indexes (labels, relationship types), which it builds while
	 * it writes the store instead of the database scanning it again after its start. Its caches go off heap when
	 * {@code java.nio} is open to us: the pom passes {@code --add-opens=java.base/java.nio=ALL-UNNAMED} to tests and
	 * {@code spring-boot:run}, and the jar's manifest carries it for {@code java -jar}. Otherwise (an IDE, another
	 * launcher) they go on the Java heap, which works too, only slower.
	 */
	static final Configuration IMPORTER_CONFIGURATION = new Configuration() {

		private final boolean offHeap = Object.class.getModule().isOpen("java.nio", OfflineImport.class.getModule());

		@Override
		public long maxOffHeapMemory() {
			return this.offHeap ? Configuration.DEFAULT.maxOffHeapMemory() : 0;
		}

		@Override
		public IndexConfig indexConfig() {
			return IndexConfig.create().withLabelIndex().withRelationshipTypeIndex();
		}

	};

	private final Path articlesDirectory;

	private final String loadCypher;

	private final Consumer<String> progress;

	private final long reportEveryNanos;

	/**
	 * @param articlesDirectory where the source articles are, for the verbatim-quote check ({@code null}: none)
	 * @param loadCypher the text of {@code cypher/seed/*.cypher}, which must load every label and type present
	 * @param progress receives progress lines (records, records/s, ETA) about every two seconds
	 */
	OfflineImport(Path articlesDirectory, String loadCypher, Consumer<String> progress,
			java.time.Duration reportEvery) {
		this.articlesDirectory = articlesDirectory;
		this.loadCypher = loadCypher;
		this.progress = progress;
		this.reportEveryNanos = reportEvery.toNanos();
	}

	/** An import that checks like the seed loader configured by {@code seed} (articles, load Cypher). */
	public static OfflineImport forSeed(SeedProperties seed, Consumer<String> progress) {
		return new OfflineImport(seed.articlesPath(), SeedService.loadCypherText(seed), progress,
				java.time.Duration.ofSeconds(2));
	}

	/**
	 * Settings for the database that starts on a freshly imported store: it builds every index of
	 * {@code cypher/schema/} over the whole graph at once ({@link #finish}). Lucene's population buffer, 50 MB by
	 * default, then flushes the two full-text indexes into hundreds of small segments that its serial merges
	 * rewrite again and again; at 1M firms they took 29–34 s with it and 16–19 s with 256–2,048 MB. The buffer is
	 * an upper bound per index being populated, filled only as documents arrive: a sixteenth of the heap, between
	 * 50 and 512 MB. It stays in force for indexes built later by that same database (the import command exits
	 * after the import, unless {@code app.import.exit=false}).
	 */
	static Map<Setting<?>, Object> populationSettings(long maxHeap) {
		double megabytes = Math.clamp((maxHeap >> 20) / 16.0, 50.0, 512.0);
		return Map.of(LuceneSettings.lucene_population_ram_buffer_size, megabytes);
	}

	/** What the offline phase did; {@link #finish} completes it on the running database. */
	public record Report(Path directory, String checksum, long nodeRows, long relationshipRows, long relationships,
			long millis, long startedNanos) {

		public long records() {
			return this.nodeRows + this.relationshipRows;
		}

	}

	/**
	 * Whether the default database in {@code dataDirectory} can take an offline import: it does not exist, holds
	 * no node, or is the unfinished result of an earlier offline import (whose marker is still there). In the
	 * last two cases its files are deleted here, so the caller must import before starting Neo4j.
	 */
	static boolean prepareEmptyStore(Path dataDirectory) {
		DatabaseLayout layout = layout(dataDirectory);
		Path marker = dataDirectory.resolve(PENDING_MARKER);
		boolean exists = Files.isDirectory(layout.databaseDirectory())
				&& StorageEngineFactory.selectStorageEngine(Config.defaults())
					.storageExists(new DefaultFileSystemAbstraction(), layout);
		if (exists && !Files.exists(marker) && hasNodes(dataDirectory)) {
			return false;
		}
		deleteStore(layout);
		try {
			Files.deleteIfExists(marker);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return true;
	}

	/** Opens the existing store briefly (no connectors) to see whether it holds any node. */
	private static boolean hasNodes(Path dataDirectory) {
		DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(dataDirectory.resolve(WORK_DIRECTORY))
			.setConfig(GraphDatabaseSettings.data_directory, dataDirectory)
			.build();
		try {
			return dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME)
				.executeTransactionally("MATCH (n) RETURN count(n) > 0 AS any", Map.of(),
						result -> (Boolean) result.next().get("any"));
		}
		finally {
			dbms.shutdown();
			FileSystemUtils.deleteRecursively(dataDirectory.resolve(WORK_DIRECTORY).toFile());
		}
	}

	/**
	 * Validates {@code directory} and imports it into the default database of {@code dataDirectory}, which must
	 * be absent ({@link #prepareEmptyStore}). Neo4j must not be running on that directory.
	 * @throws SeedValidationException when a file has a problem (nothing is written)
	 */
	public Report run(Path directory, Path dataDirectory) {
		directory = directory.toAbsolutePath().normalize();
		dataDirectory = dataDirectory.toAbsolutePath().normalize();
		long started = System.nanoTime();
		Path seedDirectory = directory;
		CompletableFuture<String> checksum = CompletableFuture.supplyAsync(() -> SeedService.checksum(seedDirectory));
		Set<String> foldInMemory = new HashSet<>();
		while (true) {
			try {
				Pass pass = importOnce(directory, dataDirectory, foldInMemory);
				long millis = (System.nanoTime() - started) / 1_000_000;
				Report report = new Report(directory, checksum.join(), pass.nodeRows, pass.relationshipRows,
						pass.relationships, millis, started);
				move(dataDirectory);
				this.progress.accept(String.format(Locale.ROOT,
						"Offline import: %,d records (%,d nodes, %,d relationship rows folded into %,d relationships) "
								+ "validated and written in %.1f s: %,.0f records/s",
						report.records(), report.nodeRows(), report.relationshipRows(), report.relationships(),
						millis / 1000.0, report.records() * 1000.0 / Math.max(1, millis)));
				return report;
			}
			catch (Ungrouped ex) {
				this.progress.accept(ex.file + ": the rows of a fact are not adjacent; importing again with this file "
						+ "folded in memory");
				foldInMemory.add(ex.file);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	private Pass importOnce(Path directory, Path dataDirectory, Set<String> foldInMemory) throws IOException {
		Path work = dataDirectory.resolve(WORK_DIRECTORY);
		FileSystemUtils.deleteRecursively(work);
		Files.createDirectories(work);
		SeedValidator validator = new SeedValidator(directory, this.articlesDirectory, this.loadCypher);
		validator.checkDirectories();
		Pass pass = new Pass(directory, validator, foldInMemory);
		Config config = Config.newBuilder()
			.set(GraphDatabaseSettings.neo4j_home, work)
			.set(GraphDatabaseSettings.data_directory, work)
			.build();
		DatabaseLayout layout = DatabaseLayout.of(config);
		var fs = new DefaultFileSystemAbstraction();
		StorageEngineFactory storage = StorageEngineFactory.selectStorageEngine(config);
		CursorContextFactory contexts = new CursorContextFactory(PageCacheTracer.NULL,
				new FixedVersionContextSupplier(TransactionIdStore.BASE_TX_ID));
		var logService = new SimpleLogService(NullLogProvider.getInstance());
		PrintStream importerOutput = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
		try (JobScheduler scheduler = JobSchedulerFactory.createInitialisedScheduler();
				Input input = pass.input()) {
			BatchImporter importer = storage.batchImporter(layout, fs, false, PageCacheTracer.NULL,
					IMPORTER_CONFIGURATION, logService, importerOutput, false, DefaultAdditionalIds.EMPTY,
					new LogTailMetadataFactoryImpl(fs), config, Monitor.NO_MONITOR, scheduler, Collector.STRICT,
					TransactionLogInitializer.getLogFilesInitializer(), new IndexImporterFactoryImpl(),
					EmptyMemoryTracker.INSTANCE, contexts,
					() -> new DefaultIndexProvidersAccess(storage, fs, config, scheduler, logService,
							PageCacheTracer.NULL, contexts),
					0, null, DatabaseCreationOptions.EMPTY_CREATION_OPTIONS,
					BatchImporter.HardwareValidation.NONE);
			try {
				importer.doImport(input);
			}
			finally {
				importer.close();
			}
		}
		catch (RuntimeException ex) {
			Ungrouped ungrouped = cause(ex, Ungrouped.class);
			if (ungrouped != null) {
				throw ungrouped;
			}
			SeedValidationException invalid = cause(ex, SeedValidationException.class);
			throw (invalid != null) ? invalid : ex;
		}
		finally {
			if (!validator.problems().isEmpty() || !pass.complete()) {
				FileSystemUtils.deleteRecursively(work);
			}
		}
		validator.throwIfProblems();
		if (!pass.complete()) {
			throw new IllegalStateException("The importer stopped before reading every file of " + directory);
		}
		return pass;
	}

	private static <T extends Throwable> T cause(Throwable ex, Class<T> type) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		return null;
	}

	/** Moves the imported store from the work directory into place, behind the pending marker. */
	private static void move(Path dataDirectory) throws IOException {
		Path work = dataDirectory.resolve(WORK_DIRECTORY);
		DatabaseLayout imported = layout(work);
		DatabaseLayout target = layout(dataDirectory);
		Files.writeString(dataDirectory.resolve(PENDING_MARKER),
				"An offline import moved this store into place; its schema is not created yet.\n");
		deleteStore(target);
		Files.createDirectories(target.databaseDirectory().getParent());
		Files.createDirectories(target.getTransactionLogsDirectory().getParent());
		Files.move(imported.databaseDirectory(), target.databaseDirectory(), StandardCopyOption.ATOMIC_MOVE);
		Files.move(imported.getTransactionLogsDirectory(), target.getTransactionLogsDirectory(),
				StandardCopyOption.ATOMIC_MOVE);
		FileSystemUtils.deleteRecursively(work);
	}

	/**
	 * Completes an offline import on the running database: the schema of {@code cypher/schema/} (waiting until
	 * every index is online) and the {@code (:SeedLoad)} node exactly as {@link BulkImport} writes it; then
	 * removes the pending marker.
	 */
	public static BulkImport.Report finish(Driver driver, SeedService seed, Report offline, Path dataDirectory,
			Consumer<String> progress) {
		long started = System.nanoTime();
		// BulkImport's own index, so that the two paths leave the same schema (and a later batched import finds it).
		// The two token lookup indexes a store Neo4j creates has, the importer built (IMPORTER_CONFIGURATION).
		driver.executableQuery(BulkImport.PROGRESS_INDEX).execute();
		seed.applySchema();
		long indexed = System.nanoTime();
		try (Session session = driver.session()) {
			var totals = session.executeWrite(
					tx -> SeedService.recordLoad(tx, offline.checksum(), offline.directory().toString()));
			Files.deleteIfExists(dataDirectory.toAbsolutePath().normalize().resolve(PENDING_MARKER));
			// From the start of the offline pass: the database start in between counts too.
			long millis = (System.nanoTime() - offline.startedNanos()) / 1_000_000;
			BulkImport.Report report = new BulkImport.Report(offline.records(), 0, totals.get("nodes").asLong(),
					totals.get("relationships").asLong(), offline.millis(), millis);
			progress.accept(String.format(Locale.ROOT,
					"Imported %,d records offline in %.1f s (validation and store %.1f s, database start %.1f s, "
							+ "schema and indexes %.1f s): "
							+ "%,.0f records/s; graph: %,d nodes, %,d relationships",
					report.records(), millis / 1000.0, offline.millis() / 1000.0,
					(started - offline.startedNanos()) / 1e9 - offline.millis() / 1000.0, (indexed - started) / 1e9,
					report.recordsPerSecond(), report.nodes(), report.relationships()));
			return report;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static DatabaseLayout layout(Path dataDirectory) {
		return DatabaseLayout.of(Config.newBuilder()
			.set(GraphDatabaseSettings.neo4j_home, dataDirectory)
			.set(GraphDatabaseSettings.data_directory, dataDirectory)
			.build());
	}

	private static void deleteStore(DatabaseLayout layout) {
		try {
			FileSystemUtils.deleteRecursively(layout.databaseDirectory());
			FileSystemUtils.deleteRecursively(layout.getTransactionLogsDirectory());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A node or a relationship as handed to the importer. Node ids are the numbers {@link SeedValidator} gave the
	 * seed ids in reading order, used as the store's own node ids ({@link IdType#ACTUAL}): the validator's map of
	 * every id is needed anyway, and the importer then skips its own string-id mapping (encoding every id,
	 * sorting them, and a binary search for both ends of every relationship), about a tenth of the import's CPU.
	 */
	private record Entity(long id, String label, long from, long to, String type, List<String> keys,
			List<Object> values) {

		void visit(InputEntityVisitor visitor) throws IOException {
			if (this.label != null) {
				visitor.id(this.id);
				visitor.labels(new String[] { "Entity", this.label });
			}
			else {
				visitor.startId(this.from);
				visitor.endId(this.to);
				visitor.type(this.type);
			}
			for (int i = 0; i < this.keys.size(); i++) {
				visitor.property(this.keys.get(i), this.values.get(i), false);
			}
			visitor.endOfEntity();
		}

	}

	/** The evidence rows of one fact, folded. */
	private static final class Fact {

		final String from;

		final String to;

		final String validFrom;

		String validTo;

		String role;

		Double staffShare;

		final List<String> sources = new ArrayList<>(2);

		final List<String> quotes = new ArrayList<>(2);

		final List<Integer> lines = new ArrayList<>(2);

		boolean invalid;

		Fact(CsvTable.Fields row) {
			this.from = row.get("from");
			this.to = row.get("to");
			this.validFrom = row.get("validFrom");
		}

		boolean sameFact(CsvTable.Fields row) {
			return java.util.Objects.equals(this.from, row.get("from")) && java.util.Objects.equals(this.to, row.get("to"))
					&& java.util.Objects.equals(this.validFrom, row.get("validFrom"));
		}

		long hash() {
			long h = 0xcbf29ce484222325L;
			for (String part : new String[] { this.from, this.to, this.validFrom }) {
				String text = (part != null) ? part : "\u0000null";
				for (int i = 0; i < text.length(); i++) {
					h = (h ^ text.charAt(i)) * 0x100000001b3L;
				}
				h = (h ^ 0x1F) * 0x100000001b3L;
			}
			return h;
		}

		/** Adds a row's evidence; returns the line of an earlier row with the same evidence, or -1. */
		int add(CsvTable.Fields row, boolean valid) {
			String source = row.get("source");
			String quote = row.get("quote");
			for (int i = 0; i < this.sources.size(); i++) {
				if (java.util.Objects.equals(this.sources.get(i), source)
						&& java.util.Objects.equals(this.quotes.get(i), quote)) {
					this.invalid = true;
					return this.lines.get(i);
				}
			}
			this.sources.add(source);
			this.quotes.add(quote);
			this.lines.add(row.line());
			this.invalid |= !valid;
			if (this.validTo == null) {
				this.validTo = row.get("validTo");
			}
			if (this.role == null) {
				this.role = row.get("role");
			}
			if (this.staffShare == null && row.get("staffShare") != null && valid) {
				this.staffShare = Double.parseDouble(row.get("staffShare"));
			}
			return -1;
		}

		/** As {@code cypher/import/20-relationships.cypher} sets it: absent values are no property. */
		Entity entity(String type, SeedValidator validator) {
			List<String> keys = new ArrayList<>(7);
			List<Object> values = new ArrayList<>(7);
			keys.add("id");
			values.add(Ontology.relationshipId(this.from, type, this.to, this.validFrom));
			put(keys, values, "validFrom", this.validFrom);
			put(keys, values, "validTo", this.validTo);
			keys.add("sources");
			values.add(this.sources.toArray(String[]::new));
			keys.add("quotes");
			values.add(this.quotes.toArray(String[]::new));
			put(keys, values, "role", this.role);
			put(keys, values, "staffShare", this.staffShare);
			return new Entity(-1, null, validator.nodeNumber(this.from), validator.nodeNumber(this.to), type, keys,
					values);
		}

	}

	private static void put(List<String> keys, List<Object> values, String key, Object value) {
		if (value != null) {
			keys.add(key);
			values.add(value);
		}
	}

	/** The node properties {@code cypher/import/10-nodes.cypher} sets, in its order; absent values are no property. */
	private static final List<String> NODE_PROPERTIES = List.of("name", "nameZh", "aliases", "nameKeys",
			"description", "kind", "location", "locationPrecision", "locationSource", "address", "publisher", "author",
			"published", "url", "file", "measure", "value", "unit", "asOf", "date");

	/** A node row as {@code cypher/import/10-nodes.cypher} writes it (see {@link BulkImport#nodeRow}). */
	static Entity node(long number, String label, CsvTable.Fields row) {
		List<String> keys = new ArrayList<>(12);
		List<Object> values = new ArrayList<>(12);
		keys.add("id");
		values.add(row.get("id"));
		List<String> aliases = BulkImport.aliases(row.get("aliases"));
		for (String key : NODE_PROPERTIES) {
			Object value = switch (key) {
				case "aliases" -> aliases.toArray(String[]::new);
				case "nameKeys" -> BulkImport.nameKeys(row.get("name"), row.get("nameZh"), aliases)
					.toArray(String[]::new);
				case "location" -> (row.get("latitude") == null) ? null
						: Values.pointValue(CoordinateReferenceSystem.WGS_84, Double.parseDouble(row.get("longitude")),
								Double.parseDouble(row.get("latitude")));
				case "value" -> (row.get("value") != null) ? Double.parseDouble(row.get("value")) : null;
				default -> row.get(key);
			};
			put(keys, values, key, value);
		}
		return new Entity(number, label, -1, -1, null, keys, values);
	}

	/** Thrown when a relationship file's facts are not adjacent: the import restarts with it folded in memory. */
	private static final class Ungrouped extends RuntimeException {

		final String file;

		Ungrouped(String file) {
			super(file + ": the rows of a fact are not adjacent", null, false, false);
			this.file = file;
		}

	}

	/**
	 * One streaming pass over the directory: validates every row and yields the importer's entities. The
	 * importer pulls chunks from several threads; reading and validating are sequential under this lock, the
	 * importer's own work (id mapping, property encoding, record writing) runs in parallel with it.
	 */
	private final class Pass {

		private final Path directory;

		private final SeedValidator validator;

		private final Set<String> foldInMemory;

		private final AtomicLong bytes = new AtomicLong();

		private final List<Path> nodeFiles;

		private final List<Path> relationshipFiles;

		private final long nodeBytes;

		private final long totalBytes;

		private final long started = System.nanoTime();

		private long reported = System.nanoTime();

		private long nodeRows;

		private long relationshipRows;

		private long relationships;

		private boolean nodesDone;

		private boolean relationshipsDone;

		private final Groups groups = new Groups();

		Pass(Path directory, SeedValidator validator, Set<String> foldInMemory) throws IOException {
			this.directory = directory;
			this.validator = validator;
			this.foldInMemory = foldInMemory;
			this.nodeFiles = validator.csvFiles("nodes");
			this.relationshipFiles = validator.csvFiles("relationships");
			this.nodeBytes = size(this.nodeFiles);
			this.totalBytes = this.nodeBytes + size(this.relationshipFiles);
		}

		private static long size(List<Path> files) throws IOException {
			long total = 0;
			for (Path file : files) {
				total += Files.size(file);
			}
			return total;
		}

		boolean complete() {
			return this.nodesDone && this.relationshipsDone;
		}

		Input input() {
			long estimatedNodes = Math.max(1, this.nodeBytes / 100);
			long estimatedRelationships = Math.max(1, (this.totalBytes - this.nodeBytes) / 110);
			return Input.input(once(() -> new Nodes(this.nodeFiles)), once(() -> new Relationships(this.relationshipFiles)),
					IdType.ACTUAL,
					Input.knownEstimates(estimatedNodes, estimatedRelationships, estimatedNodes * 10,
							estimatedRelationships * 5, estimatedNodes * 200, estimatedRelationships * 150, 2),
					this.groups, false);
		}

		private InputIterable once(java.util.function.Supplier<InputIterator> iterator) {
			boolean[] used = { false };
			return () -> {
				if (used[0]) {
					throw new IllegalStateException("The importer asked to read the input twice");
				}
				used[0] = true;
				return iterator.get();
			};
		}

		private void report(String file) {
			long now = System.nanoTime();
			if (now - this.reported < OfflineImport.this.reportEveryNanos) {
				return;
			}
			this.reported = now;
			double seconds = (now - this.started) / 1e9;
			long records = this.nodeRows + this.relationshipRows;
			double rate = records / Math.max(seconds, 1e-3);
			double share = (double) this.bytes.get() / Math.max(1, this.totalBytes);
			long eta = (share > 0) ? (long) (seconds / share - seconds) : -1;
			OfflineImport.this.progress.accept(String.format(Locale.ROOT,
					"%s: %,d records (%.1f%% of %,d MB) · %,.0f records/s · ETA %s", file, records, 100 * share,
					this.totalBytes >> 20, rate, (eta < 0) ? "?" : String.format(Locale.ROOT, "%d:%02d", eta / 60, eta % 60)));
		}

		/** A chunk: the entities one {@link InputIterator#next} call read. */
		private final class Chunk implements InputChunk {

			private final List<Entity> entities = new ArrayList<>(CHUNK);

			private int position;

			@Override
			public boolean next(InputEntityVisitor visitor) throws IOException {
				if (this.position >= this.entities.size()) {
					return false;
				}
				this.entities.get(this.position++).visit(visitor);
				return true;
			}

			void reset() {
				this.entities.clear();
				this.position = 0;
			}

			@Override
			public void close() {
			}

		}

		private abstract class FileIterator implements InputIterator {

			private final List<Path> files;

			private int index = -1;

			SeedStream stream;

			String name;

			FileIterator(List<Path> files) {
				this.files = files;
			}

			@Override
			public InputChunk newChunk() {
				return new Chunk();
			}

			@Override
			public boolean next(InputChunk chunk) throws IOException {
				synchronized (Pass.this) {
					Chunk target = (Chunk) chunk;
					target.reset();
					while (target.entities.size() < CHUNK) {
						if (this.stream == null && !open()) {
							break;
						}
						if (!fill(target.entities)) {
							this.stream.close();
							this.stream = null;
						}
						report(java.util.Objects.toString(this.name, ""));
					}
					if (target.entities.isEmpty()) {
						done();
						return false;
					}
					return true;
				}
			}

			private boolean open() throws IOException {
				while (++this.index < this.files.size()) {
					Path file = this.files.get(this.index);
					String base = file.getFileName().toString();
					base = base.substring(0, base.length() - ".csv".length());
					SeedStream stream = new SeedStream(Pass.this.directory, file, Pass.this.validator.problems(),
							Pass.this.bytes);
					this.name = stream.file();
					if (!accept(stream, base)) {
						while (stream.next() != null) {
							// only its syntax is checked: the file is refused as a whole
						}
						stream.close();
						continue;
					}
					this.stream = stream;
					return true;
				}
				return false;
			}

			/** Checks the file's name and header; false if its rows cannot be used. */
			abstract boolean accept(SeedStream stream, String base) throws IOException;

			/** Adds entities of the open file; false at its end. */
			abstract boolean fill(List<Entity> entities) throws IOException;

			abstract void done() throws IOException;

			@Override
			public void close() throws IOException {
				if (this.stream != null) {
					this.stream.close();
				}
			}

		}

		private final class Nodes extends FileIterator {

			private String label;

			Nodes(List<Path> files) {
				super(files);
			}

			@Override
			boolean accept(SeedStream stream, String label) throws IOException {
				this.label = label;
				if (!Pass.this.validator.checkNodeFile(stream.file(), label)) {
					return false;
				}
				List<String> header = stream.header();
				if (header != null) {
					Pass.this.validator.checkNodeHeader(stream.file(), label, header);
				}
				return true;
			}

			@Override
			boolean fill(List<Entity> entities) throws IOException {
				SeedValidator validator = Pass.this.validator;
				while (entities.size() < CHUNK) {
					SeedStream.Row row = this.stream.next();
					if (row == null) {
						return false;
					}
					Pass.this.nodeRows++;
					int number = validator.checkNode(this.name, this.label, row);
					if (validator.problems().isEmpty()) {
						entities.add(node(number, this.label, row));
					}
				}
				return true;
			}

			@Override
			void done() throws IOException {
				if (!Pass.this.nodesDone) {
					Pass.this.nodesDone = true;
					Pass.this.validator.readArticles();
				}
			}

		}

		private final class Relationships extends FileIterator {

			private String type;

			private Fact fact;

			private LongSet handedOver;

			private java.util.Iterator<Fact> folded;

			Relationships(List<Path> files) {
				super(files);
			}

			@Override
			boolean accept(SeedStream stream, String type) throws IOException {
				if (!Pass.this.nodesDone) {
					throw new IllegalStateException("The importer read relationships before all nodes");
				}
				this.type = type;
				this.fact = null;
				this.folded = null;
				this.handedOver = new LongSet();
				if (!Pass.this.validator.checkRelationshipFile(stream.file(), type)) {
					return false;
				}
				List<String> header = stream.header();
				if (header != null) {
					Pass.this.validator.checkRelationshipHeader(stream.file(), header);
				}
				if (Pass.this.foldInMemory.contains(stream.file())) {
					Map<String, Fact> facts = new LinkedHashMap<>();
					SeedStream.Row row;
					while ((row = stream.next()) != null) {
						String key = SeedValidator.factKey(row);
						Fact fact = facts.get(key);
						if (fact == null) {
							fact = new Fact(row);
							facts.put(key, fact);
						}
						add(fact, row, stream.file());
					}
					this.folded = facts.values().iterator();
				}
				return true;
			}

			private void add(Fact fact, SeedStream.Row row, String file) {
				Pass.this.relationshipRows++;
				SeedValidator validator = Pass.this.validator;
				int before = validator.problems().size();
				validator.checkRelationship(file, row);
				int earlier = fact.add(row, validator.problems().size() == before);
				if (earlier >= 0) {
					validator.repeatedEvidence(file, row, earlier);
				}
			}

			@Override
			boolean fill(List<Entity> entities) throws IOException {
				if (this.folded != null) {
					while (entities.size() < CHUNK && this.folded.hasNext()) {
						hand(this.folded.next(), entities);
					}
					return this.folded.hasNext();
				}
				while (entities.size() < CHUNK) {
					SeedStream.Row row = this.stream.next();
					if (row == null) {
						if (this.fact != null) {
							hand(this.fact, entities);
							this.fact = null;
						}
						return false;
					}
					if (this.fact == null || !this.fact.sameFact(row)) {
						if (this.fact != null) {
							hand(this.fact, entities);
						}
						this.fact = new Fact(row);
						if (!this.handedOver.add(this.fact.hash())) {
							throw new Ungrouped(this.name);
						}
					}
					add(this.fact, row, this.name);
				}
				return true;
			}

			private void hand(Fact fact, List<Entity> entities) {
				if (!fact.invalid && Pass.this.validator.problems().isEmpty()) {
					entities.add(fact.entity(this.type, Pass.this.validator));
				}
				Pass.this.relationships++;
			}

			@Override
			void done() {
				Pass.this.relationshipsDone = true;
			}

		}

	}

	/** An open-addressing set of 64-bit hashes (a few megabytes for a million facts, no boxing). */
	private static final class LongSet {

		private long[] slots = new long[1 << 12];

		private int size;

		private boolean zero;

		/** Adds a value; false if it was there. */
		boolean add(long value) {
			if (value == 0) {
				boolean added = !this.zero;
				this.zero = true;
				return added;
			}
			if (this.size * 2 >= this.slots.length) {
				long[] old = this.slots;
				this.slots = new long[old.length * 2];
				this.size = 0;
				for (long v : old) {
					if (v != 0) {
						insert(v);
					}
				}
			}
			return insert(value);
		}

		private boolean insert(long value) {
			int mask = this.slots.length - 1;
			int i = (int) (value ^ (value >>> 32)) * 0x9E3779B9 & mask;
			while (this.slots[i] != 0) {
				if (this.slots[i] == value) {
					return false;
				}
				i = (i + 1) & mask;
			}
			this.slots[i] = value;
			this.size++;
			return true;
		}

	}

}
