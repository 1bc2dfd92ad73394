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

	/** Extra relationship columns, beyond {@link #RELATIONSHIP_COLUMNS}, and whether they are numeric shares. */
	static final Map<String, Boolean> RELATIONSHIP_EXTRA_COLUMNS = Map.of("role", false, "staffShare", true);

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
		if (!Files.isDirectory(this.seedDirectory.resolve("nodes"))
				|| !Files.isDirectory(this.seedDirectory.resolve("relationships"))) {
			throw new SeedValidationException(List.of(new SeedProblem(this.seedDirectory.toString(), 0, null,
					"must contain the directories nodes/ and relationships/")));
		}
		Map<String, String> idLocations = new HashMap<>();
		Map<String, String> idLabels = new HashMap<>();
		Map<String, String> sourceFiles = new HashMap<>();
		Map<String, Integer> nodesPerLabel = new java.util.TreeMap<>();
		for (Path file : csvFiles("nodes")) {
			String label = baseName(file);
			CsvTable table = CsvTable.read(this.seedDirectory, file, this.problems);
			if (!LABEL.matcher(label).matches() || !LABEL_COLUMNS.containsKey(label)) {
				problem(table.file(), 0, null, "is not a known label; labels are " + new java.util.TreeSet<>(
						LABEL_COLUMNS.keySet()) + " (add new ones to SeedValidator and the data dictionary)");
				continue;
			}
			checkLoaded(table.file(), label);
			checkHeader(table, NODE_COLUMNS, LABEL_COLUMNS.get(label));
			for (CsvTable.Row row : table.rows()) {
				checkNode(table, label, row, idLocations, idLabels);
				if (label.equals("Source") && row.get("id") != null) {
					sourceFiles.put(row.get("id"), row.get("file"));
				}
			}
			nodesPerLabel.put(label, table.rows().size());
		}
		Map<String, String> articles = readArticles(sourceFiles);
		Map<String, Integer> relationshipsPerType = new java.util.TreeMap<>();
		Map<String, Integer> factsPerType = new java.util.TreeMap<>();
		for (Path file : csvFiles("relationships")) {
			String type = baseName(file);
			CsvTable table = CsvTable.read(this.seedDirectory, file, this.problems);
			if (!TYPE.matcher(type).matches()) {
				problem(table.file(), 0, null, "must be named after an UPPER_SNAKE relationship type");
				continue;
			}
			checkLoaded(table.file(), type);
			checkHeader(table, RELATIONSHIP_COLUMNS, List.copyOf(RELATIONSHIP_EXTRA_COLUMNS.keySet()));
			Set<String> facts = new LinkedHashSet<>();
			Map<String, Integer> evidence = new HashMap<>();
			for (CsvTable.Row row : table.rows()) {
				checkRelationship(table, row, idLocations, sourceFiles, articles);
				String fact = row.get("from") + ">" + row.get("to") + "@" + row.get("validFrom");
				facts.add(fact);
				Integer earlier = evidence.putIfAbsent(fact + "|" + row.get("source") + "|" + row.get("quote"),
						row.line());
				if (earlier != null) {
					problem(table, row, "quote", "repeats the fact and evidence of line " + earlier);
				}
			}
			relationshipsPerType.put(type, table.rows().size());
			factsPerType.put(type, facts.size());
		}
		if (!this.problems.isEmpty()) {
			throw new SeedValidationException(this.problems);
		}
		return new Contents(nodesPerLabel, relationshipsPerType, factsPerType);
	}

	private List<Path> csvFiles(String directory) throws IOException {
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

	private void checkLoaded(String file, String name) {
		if (!this.loadCypher.contains("'" + name + "'")) {
			problem(file, 0, null, "is not loaded by cypher/seed/: add '" + name + "' to the list there");
		}
	}

	private void checkHeader(CsvTable table, List<String> required, List<String> optional) {
		for (String column : required) {
			if (!table.header().contains(column)) {
				problem(table.file(), 1, column, "required column is missing from the header");
			}
		}
		Set<String> seen = new java.util.HashSet<>();
		for (String column : table.header()) {
			if (!required.contains(column) && !optional.contains(column)) {
				problem(table.file(), 1, column, "is not a column of this file; allowed: " + concat(required, optional));
			}
			if (!seen.add(column)) {
				problem(table.file(), 1, column, "appears twice in the header");
			}
		}
	}

	private void checkNode(CsvTable table, String label, CsvTable.Row row, Map<String, String> idLocations,
			Map<String, String> idLabels) {
		String id = row.get("id");
		String here = table.file() + ":" + row.line();
		if (id == null) {
			problem(table, row, "id", "is empty");
		}
		else if (!ID.matcher(id).matches()) {
			problem(table, row, "id", "'" + id + "' is not a slug (lowercase letters, digits and single hyphens)");
		}
		else if (idLocations.containsKey(id)) {
			problem(table, row, "id", "'" + id + "' is already used at " + idLocations.get(id));
		}
		else {
			idLocations.put(id, here);
			idLabels.put(id, label);
		}
		for (String column : List.of("name", "nameZh")) {
			if (row.get(column) == null) {
				problem(table, row, column, "is empty; every entity needs an English and a Chinese name");
			}
		}
		String aliases = row.get("aliases");
		if (aliases != null && List.of(aliases.split("\\|", -1)).stream().anyMatch(String::isBlank)) {
			problem(table, row, "aliases", "has an empty alias; separate aliases with a single |");
		}
		checkLocation(table, label, row);
		for (String column : List.of("published", "asOf", "date")) {
			checkDate(table, row, column);
		}
		if (row.get("value") != null) {
			try {
				Double.parseDouble(row.get("value"));
			}
			catch (NumberFormatException ex) {
				problem(table, row, "value", "'" + row.get("value") + "' is not a number (write 59.9, not 59.9%)");
			}
		}
		if (label.equals("Source") && row.get("file") == null) {
			problem(table, row, "file", "is empty; name the article's text file so quotes can be checked");
		}
	}

	private void checkLocation(CsvTable table, String label, CsvTable.Row row) {
		boolean any = LOCATION_COLUMNS.stream().anyMatch(c -> row.get(c) != null);
		if (!any) {
			if (PLACES.contains(label)) {
				problem(table, row, "latitude", "is empty; every " + label + " needs a location");
			}
			return;
		}
		for (String column : LOCATION_COLUMNS) {
			if (row.get(column) == null) {
				problem(table, row, column, "is empty; a location needs latitude, longitude, precision and source");
			}
		}
		checkCoordinate(table, row, "latitude", 90);
		checkCoordinate(table, row, "longitude", 180);
		String precision = row.get("locationPrecision");
		if (precision != null && !PRECISIONS.contains(precision)) {
			problem(table, row, "locationPrecision", "'" + precision + "' is not one of " + PRECISIONS);
		}
	}

	private void checkCoordinate(CsvTable table, CsvTable.Row row, String column, double limit) {
		String text = row.get(column);
		if (text == null) {
			return;
		}
		try {
			double value = Double.parseDouble(text);
			if (Double.isNaN(value) || Math.abs(value) > limit) {
				problem(table, row, column, "'" + text + "' is outside -" + (int) limit + ".." + (int) limit);
			}
		}
		catch (NumberFormatException ex) {
			problem(table, row, column, "'" + text + "' is not a decimal number of degrees");
		}
	}

	private void checkRelationship(CsvTable table, CsvTable.Row row, Map<String, String> ids,
			Map<String, String> sourceFiles, Map<String, String> articles) {
		for (String end : List.of("from", "to")) {
			String id = row.get(end);
			if (id == null) {
				problem(table, row, end, "is empty");
			}
			else if (!ids.containsKey(id)) {
				problem(table, row, end, "'" + id + "' is not the id of any node in seed/nodes/");
			}
		}
		if (row.get("from") != null && row.get("from").equals(row.get("to"))) {
			problem(table, row, "to", "is the same node as from");
		}
		String source = row.get("source");
		String quote = row.get("quote");
		if (source == null) {
			problem(table, row, "source", "is empty; every relationship needs evidence (source and quote)");
		}
		else if (!sourceFiles.containsKey(source)) {
			problem(table, row, "source", "'" + source + "' is not an id in nodes/Source.csv");
		}
		if (quote == null) {
			problem(table, row, "quote", "is empty; every relationship needs evidence (source and quote)");
		}
		else if (source != null && articles.containsKey(source) && !articles.get(source).contains(quote)) {
			problem(table, row, "quote", "does not occur verbatim in " + sourceFiles.get(source) + ": \"" + quote + "\"");
		}
		checkDate(table, row, "validFrom");
		checkDate(table, row, "validTo");
		String from = row.get("validFrom");
		String to = row.get("validTo");
		if (from != null && to != null && PARTIAL_DATE.matcher(from).matches() && PARTIAL_DATE.matcher(to).matches()
				&& from.compareTo(to) > 0) {
			problem(table, row, "validTo", "'" + to + "' is before validFrom '" + from + "'");
		}
		RELATIONSHIP_EXTRA_COLUMNS.forEach((column, share) -> {
			String text = row.get(column);
			if (share && text != null) {
				try {
					double value = Double.parseDouble(text);
					if (value < 0 || value > 1) {
						problem(table, row, column, "'" + text + "' is not a share between 0 and 1");
					}
				}
				catch (NumberFormatException ex) {
					problem(table, row, column, "'" + text + "' is not a number (write 0.667 for two-thirds)");
				}
			}
		});
	}

	private void checkDate(CsvTable table, CsvTable.Row row, String column) {
		String text = row.get(column);
		if (text == null) {
			return;
		}
		var matcher = PARTIAL_DATE.matcher(text);
		if (!matcher.matches()) {
			problem(table, row, column, "'" + text + "' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD");
			return;
		}
		try {
			LocalDate.of(Integer.parseInt(matcher.group(1)),
					matcher.group(2) != null ? Integer.parseInt(matcher.group(2)) : 1,
					matcher.group(3) != null ? Integer.parseInt(matcher.group(3)) : 1);
		}
		catch (DateTimeException ex) {
			problem(table, row, column, "'" + text + "' is not a calendar date");
		}
	}

	private Map<String, String> readArticles(Map<String, String> sourceFiles) throws IOException {
		Map<String, String> articles = new HashMap<>();
		for (var source : sourceFiles.entrySet()) {
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
		return articles;
	}

	private void problem(CsvTable table, CsvTable.Row row, String column, String message) {
		problem(table.file(), row.line(), column, message);
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
