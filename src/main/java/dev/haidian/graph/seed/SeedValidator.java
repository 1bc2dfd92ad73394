package dev.haidian.graph.seed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks a seed directory completely before anything is written: file names, headers, ids, references,
 * evidence, coordinates and dates. The loader refuses the whole seed when any problem is found, so the database
 * never holds half a seed.
 *
 * <p>
 * The vocabulary here (labels, their columns, relationship columns) is the data dictionary of
 * {@code seed/README.md}; {@code cypher/seed/*.cypher} must load every label and type present, which is checked
 * too, so that a new file is never silently ignored.
 */
final class SeedValidator {

	static final List<String> NODE_COLUMNS = List.of("id", "name", "nameZh", "aliases", "description");

	static final List<String> LOCATION_COLUMNS = List.of("latitude", "longitude", "locationPrecision",
			"locationSource");

	static final List<String> RELATIONSHIP_COLUMNS = List.of("from", "to", "validFrom", "validTo", "source", "quote");

	/** Extra columns each label may have, beyond {@link #NODE_COLUMNS}. */
	static final Map<String, List<String>> LABEL_COLUMNS = Map.ofEntries(
			Map.entry("Source", List.of("publisher", "author", "published", "url", "file")),
			Map.entry("Company", List.of("kind")), Map.entry("University", LOCATION_COLUMNS),
			Map.entry("Institute", LOCATION_COLUMNS), Map.entry("GovernmentBody", LOCATION_COLUMNS),
			Map.entry("Building", concat(LOCATION_COLUMNS, List.of("address"))),
			Map.entry("Area", LOCATION_COLUMNS), Map.entry("City", LOCATION_COLUMNS), Map.entry("Person", List.of()),
			Map.entry("Policy", List.of("kind")), Map.entry("Product", List.of("kind")),
			Map.entry("Statistic", List.of("measure", "value", "unit", "asOf")), Map.entry("Event", List.of("date")));

	/** Labels whose every node must have a location. */
	static final Set<String> PLACES = Set.of("Building", "University", "Area", "City");

	/** Optional relationship columns, beyond {@link #RELATIONSHIP_COLUMNS}, in the order error messages list them. */
	static final List<String> RELATIONSHIP_EXTRA_COLUMNS = List.of("role", "staffShare");

	static final Set<String> PRECISIONS = Set.of("exact", "approx-200m", "approx-500m", "approx-2km", "centroid");

	private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

	private static final Pattern LABEL = Pattern.compile("[A-Z][A-Za-z]*");

	private static final Pattern TYPE = Pattern.compile("[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*");

	private static final Pattern PARTIAL_DATE = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

	private final Path seedDirectory;

	private final Path articlesDirectory;

	private final String loadCypher;

	private final List<SeedProblem> problems = new ArrayList<>();

	/**
	 * Every node id, with its number: 0, 1, 2 … in the order the ids were read ({@link #nodeNumber}). Where a node
	 * was defined is in {@link #locations} at that number.
	 */
	private final Map<String, Integer> ids = new HashMap<>();

	/**
	 * Where each node was defined, by number: the index of its file in {@link #idFiles} in the high half and its
	 * line in the low half (a string "file:line" per node would double the memory a million nodes take).
	 */
	private long[] locations = new long[1024];

	private final List<String> idFiles = new ArrayList<>();

	private final Map<String, String> sourceFiles = new HashMap<>();

	private Map<String, String> articles = Map.of();

	/** Quotes already found verbatim in their source: most rows of a large registry repeat a few sentences. */
	private final Set<String> verifiedQuotes = new java.util.HashSet<>();

	/**
	 * @param seedDirectory the seed directory ({@code nodes/}, {@code relationships/})
	 * @param articlesDirectory where the source articles named in {@code Source.file} are, or {@code null}; quotes
	 * are checked against them when present
	 * @param loadCypher the text of the Cypher that loads the seed
	 */
	SeedValidator(Path seedDirectory, Path articlesDirectory, String loadCypher) {
		this.seedDirectory = seedDirectory;
		this.articlesDirectory = articlesDirectory;
		this.loadCypher = loadCypher;
	}

	/** What a valid seed directory holds: rows per label and per relationship type. */
	record Contents(Map<String, Integer> nodesPerLabel, Map<String, Integer> relationshipsPerType,
			Map<String, Integer> factsPerType) {
	}

	Contents validate() {
		try {
			return check();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the seed directory " + this.seedDirectory, ex);
		}
	}

	private Contents check() throws IOException {
		checkDirectories();
		Map<String, Integer> nodesPerLabel = new java.util.TreeMap<>();
		for (Path file : csvFiles("nodes")) {
			String label = baseName(file);
			CsvTable table = CsvTable.read(this.seedDirectory, file, this.problems);
			if (!checkNodeFile(table.file(), label)) {
				continue;
			}
			checkNodeHeader(table.file(), label, table.header());
			for (CsvTable.Row row : table.rows()) {
				checkNode(table.file(), label, row);
			}
			nodesPerLabel.put(label, table.rows().size());
		}
		readArticles();
		Map<String, Integer> relationshipsPerType = new java.util.TreeMap<>();
		Map<String, Integer> factsPerType = new java.util.TreeMap<>();
		for (Path file : csvFiles("relationships")) {
			String type = baseName(file);
			CsvTable table = CsvTable.read(this.seedDirectory, file, this.problems);
			if (!checkRelationshipFile(table.file(), type)) {
				continue;
			}
			checkRelationshipHeader(table.file(), table.header());
			Set<String> facts = new LinkedHashSet<>();
			Map<String, Integer> evidence = new HashMap<>();
			for (CsvTable.Row row : table.rows()) {
				checkRelationship(table.file(), row);
				String fact = factKey(row);
				facts.add(fact);
				Integer earlier = evidence.putIfAbsent(fact + "|" + row.get("source") + "|" + row.get("quote"),
						row.line());
				if (earlier != null) {
					repeatedEvidence(table.file(), row, earlier);
				}
			}
			relationshipsPerType.put(type, table.rows().size());
			factsPerType.put(type, facts.size());
		}
		throwIfProblems();
		return new Contents(nodesPerLabel, relationshipsPerType, factsPerType);
	}

	// The steps of a validation, in this order, for a reader that streams the files (OfflineImport) instead of
	// reading each whole: checkDirectories, per node file checkNodeFile + checkNodeHeader + checkNode per row,
	// readArticles, per relationship file checkRelationshipFile + checkRelationshipHeader + checkRelationship
	// (and repeatedEvidence) per row, throwIfProblems.

	void checkDirectories() {
		if (!Files.isDirectory(this.seedDirectory.resolve("nodes"))
				|| !Files.isDirectory(this.seedDirectory.resolve("relationships"))) {
			throw new SeedValidationException(List.of(new SeedProblem(this.seedDirectory.toString(), 0, null,
					"must contain the directories nodes/ and relationships/")));
		}
	}

	/** The problems found so far (the caller may add its own, e.g. a file that is not UTF-8). */
	List<SeedProblem> problems() {
		return this.problems;
	}

	void throwIfProblems() {
		if (!this.problems.isEmpty()) {
			throw new SeedValidationException(this.problems);
		}
	}

	List<Path> csvFiles(String directory) throws IOException {
		try (Stream<Path> files = Files.list(this.seedDirectory.resolve(directory))) {
			List<Path> all = files.sorted().toList();
			for (Path other : all) {
				if (!other.getFileName().toString().endsWith(".csv")) {
					problem(directory + "/" + other.getFileName(), 0, null,
							"is not a .csv file; only <Label>.csv / <TYPE>.csv belong here");
				}
			}
			return all.stream().filter(p -> p.getFileName().toString().endsWith(".csv")).toList();
		}
	}

	/** Which fact of its file a relationship row states: its rows with the same key fold into one relationship. */
	static String factKey(CsvTable.Fields row) {
		return row.get("from") + ">" + row.get("to") + "@" + row.get("validFrom");
	}

	/** Whether the file names a known label (if not, the problem is recorded and its rows are not checked). */
	boolean checkNodeFile(String file, String label) {
		if (!LABEL.matcher(label).matches() || !LABEL_COLUMNS.containsKey(label)) {
			problem(file, 0, null, "is not a known label; labels are " + new java.util.TreeSet<>(
					LABEL_COLUMNS.keySet()) + " (add new ones to SeedValidator and the data dictionary)");
			return false;
		}
		checkLoaded(file, label);
		return true;
	}

	void checkNodeHeader(String file, String label, List<String> header) {
		checkHeader(file, header, NODE_COLUMNS, LABEL_COLUMNS.get(label));
	}

	/** Whether the file names a relationship type (if not, the problem is recorded and its rows are not checked). */
	boolean checkRelationshipFile(String file, String type) {
		if (!TYPE.matcher(type).matches()) {
			problem(file, 0, null, "must be named after an UPPER_SNAKE relationship type");
			return false;
		}
		checkLoaded(file, type);
		return true;
	}

	void checkRelationshipHeader(String file, List<String> header) {
		checkHeader(file, header, RELATIONSHIP_COLUMNS, RELATIONSHIP_EXTRA_COLUMNS);
	}

	void repeatedEvidence(String file, CsvTable.Fields row, int earlierLine) {
		problem(file, row, "quote", "repeats the fact and evidence of line " + earlierLine);
	}

	private void checkLoaded(String file, String name) {
		if (!this.loadCypher.contains("'" + name + "'")) {
			problem(file, 0, null, "is not loaded by cypher/seed/: add '" + name + "' to the list there");
		}
	}

	private void checkHeader(String file, List<String> header, List<String> required, List<String> optional) {
		for (String column : required) {
			if (!header.contains(column)) {
				problem(file, 1, column, "required column is missing from the header");
			}
		}
		Set<String> seen = new java.util.HashSet<>();
		for (String column : header) {
			if (!required.contains(column) && !optional.contains(column)) {
				problem(file, 1, column, "is not a column of this file; allowed: " + concat(required, optional));
			}
			if (!seen.add(column)) {
				problem(file, 1, column, "appears twice in the header");
			}
		}
	}

	/** Checks a node row; returns the number its id got ({@link #nodeNumber}), or -1 when it got none. */
	int checkNode(String file, String label, CsvTable.Fields row) {
		int number = -1;
		String id = row.get("id");
		if (id == null) {
			problem(file, row, "id", "is empty");
		}
		else if (!ID.matcher(id).matches()) {
			problem(file, row, "id", "'" + id + "' is not a slug (lowercase letters, digits and single hyphens)");
		}
		else {
			if (this.idFiles.isEmpty() || !this.idFiles.getLast().equals(file)) {
				this.idFiles.add(file);
			}
			number = this.ids.size();
			Integer earlier = this.ids.putIfAbsent(id, number);
			if (earlier != null) {
				long location = this.locations[earlier];
				problem(file, row, "id", "'" + id + "' is already used at "
						+ this.idFiles.get((int) (location >>> 32)) + ":" + (int) location);
				number = -1;
			}
			else {
				if (number == this.locations.length) {
					this.locations = java.util.Arrays.copyOf(this.locations, number * 2);
				}
				this.locations[number] = ((long) (this.idFiles.size() - 1) << 32) | row.line();
			}
		}
		if (label.equals("Source") && id != null) {
			this.sourceFiles.put(id, row.get("file"));
		}
		for (String column : List.of("name", "nameZh")) {
			if (row.get(column) == null) {
				problem(file, row, column, "is empty; every entity needs an English and a Chinese name");
			}
		}
		String aliases = row.get("aliases");
		if (aliases != null && List.of(aliases.split("\\|", -1)).stream().anyMatch(String::isBlank)) {
			problem(file, row, "aliases", "has an empty alias; separate aliases with a single |");
		}
		checkLocation(file, label, row);
		for (String column : List.of("published", "asOf", "date")) {
			checkDate(file, row, column);
		}
		if (row.get("value") != null) {
			try {
				Double.parseDouble(row.get("value"));
			}
			catch (NumberFormatException ex) {
				problem(file, row, "value", "'" + row.get("value") + "' is not a number (write 59.9, not 59.9%)");
			}
		}
		if (label.equals("Source") && row.get("file") == null) {
			problem(file, row, "file", "is empty; name the article's text file so quotes can be checked");
		}
		return number;
	}

	private void checkLocation(String file, String label, CsvTable.Fields row) {
		boolean any = LOCATION_COLUMNS.stream().anyMatch(c -> row.get(c) != null);
		if (!any) {
			if (PLACES.contains(label)) {
				problem(file, row, "latitude", "is empty; every " + label + " needs a location");
			}
			return;
		}
		for (String column : LOCATION_COLUMNS) {
			if (row.get(column) == null) {
				problem(file, row, column, "is empty; a location needs latitude, longitude, precision and source");
			}
		}
		checkCoordinate(file, row, "latitude", 90);
		checkCoordinate(file, row, "longitude", 180);
		String precision = row.get("locationPrecision");
		if (precision != null && !PRECISIONS.contains(precision)) {
			problem(file, row, "locationPrecision", "'" + precision + "' is not one of " + PRECISIONS);
		}
	}

	private void checkCoordinate(String file, CsvTable.Fields row, String column, double limit) {
		String text = row.get(column);
		if (text == null) {
			return;
		}
		try {
			double value = Double.parseDouble(text);
			if (Double.isNaN(value) || Math.abs(value) > limit) {
				problem(file, row, column, "'" + text + "' is outside -" + (int) limit + ".." + (int) limit);
			}
		}
		catch (NumberFormatException ex) {
			problem(file, row, column, "'" + text + "' is not a decimal number of degrees");
		}
	}

	/**
	 * The number of a node id checked so far: 0 for the first id read, 1 for the next, and so on; -1 for an
	 * unknown id. The offline import uses these numbers as the node ids of the store it writes.
	 */
	int nodeNumber(String id) {
		Integer number = this.ids.get(id);
		return (number != null) ? number : -1;
	}

	void checkRelationship(String file, CsvTable.Fields row) {
		for (String end : RELATIONSHIP_ENDS) {
			String id = row.get(end);
			if (id == null) {
				problem(file, row, end, "is empty");
			}
			else if (!this.ids.containsKey(id)) {
				problem(file, row, end, "'" + id + "' is not the id of any node in seed/nodes/");
			}
		}
		if (row.get("from") != null && row.get("from").equals(row.get("to"))) {
			problem(file, row, "to", "is the same node as from");
		}
		String source = row.get("source");
		String quote = row.get("quote");
		if (source == null) {
			problem(file, row, "source", "is empty; every relationship needs evidence (source and quote)");
		}
		else if (!this.sourceFiles.containsKey(source)) {
			problem(file, row, "source", "'" + source + "' is not an id in nodes/Source.csv");
		}
		if (quote == null) {
			problem(file, row, "quote", "is empty; every relationship needs evidence (source and quote)");
		}
		else if (source != null && this.articles.containsKey(source) && !isVerbatim(source, quote)) {
			problem(file, row, "quote",
					"does not occur verbatim in " + this.sourceFiles.get(source) + ": \"" + quote + "\"");
		}
		checkDate(file, row, "validFrom");
		checkDate(file, row, "validTo");
		String from = row.get("validFrom");
		String to = row.get("validTo");
		if (from != null && to != null && PARTIAL_DATE.matcher(from).matches() && PARTIAL_DATE.matcher(to).matches()
				&& from.compareTo(to) > 0) {
			problem(file, row, "validTo", "'" + to + "' is before validFrom '" + from + "'");
		}
		String share = row.get("staffShare");
		if (share != null) {
			try {
				double value = Double.parseDouble(share);
				if (value < 0 || value > 1) {
					problem(file, row, "staffShare", "'" + share + "' is not a share between 0 and 1");
				}
			}
			catch (NumberFormatException ex) {
				problem(file, row, "staffShare", "'" + share + "' is not a number (write 0.667 for two-thirds)");
			}
		}
	}

	private static final List<String> RELATIONSHIP_ENDS = List.of("from", "to");

	private boolean isVerbatim(String source, String quote) {
		String key = source + "\u0000" + quote;
		if (this.verifiedQuotes.contains(key)) {
			return true;
		}
		if (!this.articles.get(source).contains(quote)) {
			return false;
		}
		if (this.verifiedQuotes.size() < 100_000) {
			this.verifiedQuotes.add(key);
		}
		return true;
	}

	private void checkDate(String file, CsvTable.Fields row, String column) {
		String text = row.get(column);
		if (text == null) {
			return;
		}
		var matcher = PARTIAL_DATE.matcher(text);
		if (!matcher.matches()) {
			problem(file, row, column, "'" + text + "' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD");
			return;
		}
		try {
			LocalDate.of(Integer.parseInt(matcher.group(1)),
					matcher.group(2) != null ? Integer.parseInt(matcher.group(2)) : 1,
					matcher.group(3) != null ? Integer.parseInt(matcher.group(3)) : 1);
		}
		catch (DateTimeException ex) {
			problem(file, row, column, "'" + text + "' is not a calendar date");
		}
	}

	/** Reads the articles named by the Source nodes checked so far, for the verbatim-quote check. */
	void readArticles() throws IOException {
		Map<String, String> articles = new HashMap<>();
		for (var source : this.sourceFiles.entrySet()) {
			if (source.getValue() == null) {
				continue;
			}
			// A source's text lives with the articles, or (generated registries) in the seed directory itself.
			for (Path directory : java.util.Arrays.asList(this.articlesDirectory, this.seedDirectory)) {
				Path article = (directory != null) ? directory.resolve(source.getValue()) : null;
				if (article != null && Files.isRegularFile(article)) {
					articles.put(source.getKey(), Files.readString(article, StandardCharsets.UTF_8));
					break;
				}
			}
		}
		this.articles = articles;
	}

	private void problem(String file, CsvTable.Fields row, String column, String message) {
		problem(file, row.line(), column, message);
	}

	private void problem(String file, int line, String column, String message) {
		this.problems.add(new SeedProblem(file, line, column, message));
	}

	private static String baseName(Path file) {
		String name = file.getFileName().toString();
		return name.substring(0, name.length() - ".csv".length());
	}

	private static <T> List<T> concat(List<T> a, List<T> b) {
		return Stream.concat(a.stream(), b.stream()).toList();
	}

}
