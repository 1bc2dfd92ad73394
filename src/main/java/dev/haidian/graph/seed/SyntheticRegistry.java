package dev.haidian.graph.seed;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Writes a synthetic company registry in the {@code seed/} format: the curated seed graph plus, for a size of N
 * companies, N/10 buildings spread over real city extents, N/5 people, N/500 universities and N/500 areas, and
 * about 5 N relationships (located in, headquartered in, founded, works at, alumni, subsidiaries in other cities,
 * parent companies, backers), each with evidence.
 *
 * <p>
 * Deterministic: the same {@code --seed} and size give byte-identical files (one {@link SplittableRandom}, every
 * draw in a fixed order). The shape is heavy-tailed on purpose, because that is what breaks naive queries: a
 * firm's building is drawn as {@code B·u³}, so the first buildings host thousands of firms, and founders and
 * backers are skewed the same way. The evidence of every generated row is one of a few template sentences of a
 * generated {@code synthetic-registry.txt} source, so the validator's verbatim-quote check still applies.
 *
 * <p>
 * Command: {@code ./mvnw -q compile spring-boot:run -Dspring-boot.run.main-class=dev.haidian.graph.seed.SyntheticRegistry
 * -Dspring-boot.run.arguments="--companies=1000000 --seed=42 --out=/tmp/registry"}.
 */
public final class SyntheticRegistry {

	/** The generated rows' source: a node of {@code Source.csv} and its text file, written beside nodes/. */
	static final String SOURCE_ID = "synthetic-registry";

	static final String SOURCE_FILE = "synthetic-registry.txt";

	/** One sentence of the registry text per relationship type: the verbatim evidence of every generated row. */
	static final Map<String, String> QUOTES = new LinkedHashMap<>();
	static {
		QUOTES.put("LOCATED_IN", "企业登记信息显示，该企业的注册地址位于所列楼宇。");
		QUOTES.put("HEADQUARTERED_IN", "企业登记信息显示，该企业的总部设在所列城市。");
		QUOTES.put("FOUNDED", "工商登记显示，该自然人为企业创始人及首任法定代表人。");
		QUOTES.put("WORKS_AT", "企业年报显示，该人员在企业担任所列职务。");
		QUOTES.put("HAS_SUBSIDIARY_IN", "企业年报显示，该企业在所列城市设立了分公司。");
		QUOTES.put("SUBSIDIARY_OF", "股权登记显示，该企业为所列企业的控股子公司。");
		QUOTES.put("BACKED_BY", "融资登记显示，所列投资机构参与了该企业的融资。");
		QUOTES.put("ALUMNUS_OF", "公开履历显示，该人员毕业于所列高校。");
		QUOTES.put("BUILDING_LOCATED_IN", "楼宇登记信息显示，该楼宇位于所列片区。");
		QUOTES.put("UNIVERSITY_LOCATED_IN", "高校名录显示，该高校校址位于所列片区。");
		QUOTES.put("PART_OF", "区划名录显示，该片区隶属于所列城市。");
	}

	/** Real urban extents (WGS84 bounding boxes) of the seed's cities, and each city's share of the firms. */
	record City(String id, String zh, String en, double south, double north, double west, double east,
			double share) {
	}

	static final List<City> CITIES = List.of(
			new City("beijing", "北京", "Beijing", 39.80, 40.08, 116.18, 116.55, 0.34),
			new City("hangzhou", "杭州", "Hangzhou", 30.15, 30.40, 120.00, 120.30, 0.20),
			new City("shanghai", "上海", "Shanghai", 31.10, 31.35, 121.30, 121.65, 0.20),
			new City("shenzhen", "深圳", "Shenzhen", 22.50, 22.70, 113.85, 114.20, 0.14),
			new City("guangzhou", "广州", "Guangzhou", 23.05, 23.25, 113.20, 113.45, 0.06),
			new City("nanjing", "南京", "Nanjing", 31.95, 32.12, 118.70, 118.90, 0.06));

	/** Characters of brand names with their pinyin, so that every Chinese name has an English one. */
	private static final String[][] SYLLABLES = { { "智", "Zhi" }, { "云", "Yun" }, { "深", "Shen" },
			{ "数", "Shu" }, { "星", "Xing" }, { "海", "Hai" }, { "天", "Tian" }, { "瑞", "Rui" }, { "睿", "Rui" },
			{ "博", "Bo" }, { "华", "Hua" }, { "新", "Xin" }, { "源", "Yuan" }, { "启", "Qi" }, { "明", "Ming" },
			{ "光", "Guang" }, { "量", "Liang" }, { "子", "Zi" }, { "芯", "Xin" }, { "联", "Lian" }, { "达", "Da" },
			{ "元", "Yuan" }, { "极", "Ji" }, { "峰", "Feng" }, { "和", "He" }, { "远", "Yuan" }, { "鹏", "Peng" },
			{ "图", "Tu" }, { "灵", "Ling" }, { "创", "Chuang" }, { "航", "Hang" }, { "思", "Si" }, { "卓", "Zhuo" },
			{ "恒", "Heng" }, { "信", "Xin" }, { "泰", "Tai" }, { "辰", "Chen" }, { "宇", "Yu" }, { "帆", "Fan" },
			{ "言", "Yan" }, { "视", "Shi" }, { "算", "Suan" }, { "脑", "Nao" }, { "擎", "Qing" }, { "澜", "Lan" },
			{ "微", "Wei" }, { "格", "Ge" }, { "致", "Zhi" } };

	private static final String[][] INDUSTRIES = { { "智能科技", "Intelligent Technology", "company" },
			{ "数据科技", "Data Technology", "company" }, { "机器人", "Robotics", "company" },
			{ "信息技术", "Information Technology", "company" }, { "网络科技", "Network Technology", "company" },
			{ "软件", "Software", "company" }, { "半导体", "Semiconductor", "company" },
			{ "人工智能研究院", "AI Research Lab", "lab" } };

	private static final String[][] SURNAMES = { { "王", "Wang" }, { "李", "Li" }, { "张", "Zhang" },
			{ "刘", "Liu" }, { "陈", "Chen" }, { "杨", "Yang" }, { "赵", "Zhao" }, { "黄", "Huang" }, { "周", "Zhou" },
			{ "吴", "Wu" }, { "徐", "Xu" }, { "孙", "Sun" }, { "胡", "Hu" }, { "朱", "Zhu" }, { "高", "Gao" },
			{ "林", "Lin" }, { "何", "He" }, { "郭", "Guo" }, { "马", "Ma" }, { "罗", "Luo" } };

	private static final String[][] ROLES = { { "CTO" }, { "chief scientist" }, { "engineer" }, { "researcher" },
			{ "product manager" }, { "CEO" } };

	private final int companies;

	private final long seed;

	private final SplittableRandom random;

	SyntheticRegistry(int companies, long seed) {
		if (companies < 10) {
			throw new IllegalArgumentException("--companies must be at least 10 (was " + companies + ")");
		}
		this.companies = companies;
		this.seed = seed;
		this.random = new SplittableRandom(seed);
	}

	/** What one run wrote: rows per file. */
	record Written(Map<String, Long> rows) {

		long nodes() {
			return sum("nodes/");
		}

		long relationships() {
			return sum("relationships/");
		}

		private long sum(String prefix) {
			return this.rows.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToLong(Map.Entry::getValue).sum();
		}

	}

	public static void main(String[] args) throws IOException {
		Map<String, String> options = new LinkedHashMap<>(Map.of("companies", "1000", "seed", "42", "out",
				"target/registry", "base", "seed"));
		for (String arg : args) {
			if (!arg.startsWith("--") || !arg.contains("=") || !options.containsKey(arg.substring(2, arg.indexOf('=')))) {
				throw new IllegalArgumentException("Unknown argument " + arg + "; use --companies=N --seed=N --out=DIR --base=SEED_DIR");
			}
			options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
		}
		long started = System.nanoTime();
		Path out = Path.of(options.get("out"));
		Written written = new SyntheticRegistry(Integer.parseInt(options.get("companies")),
				Long.parseLong(options.get("seed"))).write(Path.of(options.get("base")), out);
		System.out.printf(Locale.ROOT, "Wrote %,d nodes and %,d relationship rows to %s in %.1f s%n", written.nodes(),
				written.relationships(), out.toAbsolutePath(), (System.nanoTime() - started) / 1e9);
	}

	/**
	 * Writes the registry.
	 * @param base the curated seed directory, copied first so the headline entities (清华大学, 北京 …) exist
	 * @param out the directory to write; created, its nodes/ and relationships/ replaced
	 */
	Written write(Path base, Path out) {
		try {
			return writeAll(base, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Written writeAll(Path base, Path out) throws IOException {
		for (String dir : List.of("nodes", "relationships")) {
			Path target = out.resolve(dir);
			if (Files.isDirectory(target)) {
				try (Stream<Path> old = Files.list(target)) {
					for (Path file : old.toList()) {
						Files.delete(file);
					}
				}
			}
			Files.createDirectories(target);
			try (Stream<Path> files = Files.list(base.resolve(dir))) {
				for (Path file : files.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
					Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
		Files.writeString(out.resolve(SOURCE_FILE), "合成企业登记数据（由 haidian-ai-graph 生成，seed " + this.seed
				+ "）。\n" + String.join("\n", QUOTES.values()) + "\n", StandardCharsets.UTF_8);
		Map<String, Long> rows = new LinkedHashMap<>();
		try (Appenders files = new Appenders(out, rows)) {
			files.append("nodes/Source.csv", List.of(SOURCE_ID, "Synthetic company registry (seed " + this.seed + ")",
					"合成企业登记数据", "", "Generated registry extract used for scale tests; not real data.",
					"haidian-ai-graph generator", "", "2026-01", "", SOURCE_FILE));
			generate(files);
		}
		return new Written(rows);
	}

	private void generate(Appenders files) throws IOException {
		int n = this.companies;
		int areas = Math.max(CITIES.size(), n / 500);
		int buildings = Math.max(areas, n / 10);
		int universities = Math.max(CITIES.size(), n / 500);
		int people = Math.max(2, n / 5);
		int investors = Math.max(1, n / 100);

		// Areas: each in a city drawn by share, anywhere in its extent.
		int[] areaCity = new int[areas];
		double[][] areaAt = new double[areas][];
		for (int a = 0; a < areas; a++) {
			int c = (a < CITIES.size()) ? a : city();
			City city = CITIES.get(c);
			areaCity[a] = c;
			areaAt[a] = new double[] { uniform(city.south(), city.north()), uniform(city.west(), city.east()) };
			String[] brand = brand(2);
			String kind = pick(new String[] { "科技园", "产业园", "创新中心", "街区" });
			String kindEn = switch (kind) {
				case "科技园" -> "Science Park";
				case "产业园" -> "Industrial Park";
				case "创新中心" -> "Innovation Hub";
				default -> "Quarter";
			};
			files.append("nodes/Area.csv", List.of(id("a", a), city.en() + " " + brand[1] + " " + kindEn,
					city.zh() + brand[0] + kind, "", "", coordinate(areaAt[a][0]), coordinate(areaAt[a][1]),
					"approx-2km", "synthetic: uniform in the city's extent"));
			files.append("relationships/PART_OF.csv", List.of(id("a", a), city.id(), "", "", SOURCE_ID, QUOTES.get("PART_OF")));
		}
		// Buildings: around their area's centre (σ ≈ 1.5 km), clamped to the city's extent.
		int[] buildingCity = new int[buildings];
		for (int b = 0; b < buildings; b++) {
			int a = this.random.nextInt(areas);
			City city = CITIES.get(areaCity[a]);
			buildingCity[b] = areaCity[a];
			double lat = clamp(areaAt[a][0] + this.random.nextGaussian() * 0.0135, city.south(), city.north());
			double lon = clamp(areaAt[a][1] + this.random.nextGaussian() * 0.0175, city.west(), city.east());
			String[] brand = brand(2);
			String kind = pick(new String[] { "大厦", "中心", "广场", "科技楼" });
			String kindEn = switch (kind) {
				case "大厦" -> "Building";
				case "中心" -> "Center";
				case "广场" -> "Plaza";
				default -> "Tech Tower";
			};
			int number = 1 + this.random.nextInt(300);
			files.append("nodes/Building.csv", List.of(id("b", b), brand[1] + " " + kindEn + " " + (b + 1),
					brand[0] + kind + (b + 1) + "号楼", "", "", coordinate(lat), coordinate(lon), "approx-200m",
					"synthetic: near its area's centre", city.zh() + "市" + brand[0] + "路" + number + "号"));
			files.append("relationships/LOCATED_IN.csv", List.of(id("b", b), id("a", a), "", "", SOURCE_ID,
					QUOTES.get("BUILDING_LOCATED_IN")));
		}
		for (int u = 0; u < universities; u++) {
			int a = (u < CITIES.size()) ? u : this.random.nextInt(areas);
			City city = CITIES.get(areaCity[a]);
			String[] brand = brand(2);
			String kind = pick(new String[] { "大学", "理工大学", "科技大学", "学院" });
			String kindEn = switch (kind) {
				case "大学" -> "University";
				case "理工大学" -> "University of Technology";
				case "科技大学" -> "University of Science and Technology";
				default -> "College";
			};
			files.append("nodes/University.csv", List.of(id("u", u), city.en() + " " + brand[1] + " " + kindEn + " " + (u + 1),
					city.zh() + brand[0] + kind + "（" + (u + 1) + "）", "", "", coordinate(areaAt[a][0]),
					coordinate(areaAt[a][1]), "centroid", "synthetic: its area's centre"));
			files.append("relationships/LOCATED_IN.csv", List.of(id("u", u), id("a", a), "", "", SOURCE_ID,
					QUOTES.get("UNIVERSITY_LOCATED_IN")));
		}
		// People, with one or two universities.
		for (int p = 0; p < people; p++) {
			String[] surname = SURNAMES[skewed(SURNAMES.length, 2)];
			String[] given = brand(1 + this.random.nextInt(2));
			files.append("nodes/Person.csv", List.of(id("p", p), surname[1] + " " + given[1], surname[0] + given[0],
					"", "Synthetic person " + (p + 1) + "."));
			int first = skewed(universities, 2);
			files.append("relationships/ALUMNUS_OF.csv", List.of(id("p", p), id("u", first), "", "", SOURCE_ID,
					QUOTES.get("ALUMNUS_OF")));
			if (this.random.nextInt(2) == 0) {
				int second = this.random.nextInt(universities);
				if (second != first) {
					files.append("relationships/ALUMNUS_OF.csv", List.of(id("p", p), id("u", second), "", "",
							SOURCE_ID, QUOTES.get("ALUMNUS_OF")));
				}
			}
		}
		// Companies. Founders and staff are grouped by person afterwards, so those files stay sorted by from.
		int[] founder = new int[n];
		int[] founded = new int[n];
		int[] employee = new int[n];
		String[] employeeRole = new String[n];
		for (int c = 0; c < n; c++) {
			int b = skewed(buildings, 3);
			City city = CITIES.get(buildingCity[b]);
			boolean investor = c < investors;
			String[] brand = brand(2 + this.random.nextInt(2));
			String[] industry = investor ? new String[] { "创业投资", "Venture Capital", "investor" }
					: INDUSTRIES[this.random.nextInt(INDUSTRIES.length)];
			files.append("nodes/Company.csv", List.of(id("c", c),
					city.en() + " " + brand[1] + " " + industry[1] + " Co., Ltd. " + (c + 1),
					city.zh() + brand[0] + industry[0] + "有限公司（" + (c + 1) + "）", brand[0] + (c + 1), "",
					industry[2]));
			files.append("relationships/LOCATED_IN.csv", List.of(id("c", c), id("b", b), "", "", SOURCE_ID, QUOTES.get("LOCATED_IN")));
			files.append("relationships/HEADQUARTERED_IN.csv", List.of(id("c", c), city.id(), "", "", SOURCE_ID,
					QUOTES.get("HEADQUARTERED_IN")));
			if (this.random.nextInt(2) == 0) {
				int other = city();
				if (!CITIES.get(other).id().equals(city.id())) {
					files.append("relationships/HAS_SUBSIDIARY_IN.csv", List.of(id("c", c), CITIES.get(other).id(), "",
							"", SOURCE_ID, QUOTES.get("HAS_SUBSIDIARY_IN")));
				}
			}
			if (c > investors && this.random.nextInt(10) < 3) {
				files.append("relationships/SUBSIDIARY_OF.csv", List.of(id("c", c),
						id("c", investors + this.random.nextInt(c - investors)), "", "", SOURCE_ID, QUOTES.get("SUBSIDIARY_OF")));
			}
			if (!investor && this.random.nextInt(2) == 0) {
				files.append("relationships/BACKED_BY.csv", List.of(id("c", c), id("c", skewed(investors, 2)), "", "",
						SOURCE_ID, QUOTES.get("BACKED_BY")));
			}
			founder[c] = skewed(people, 2);
			founded[c] = 1995 + this.random.nextInt(31);
			employee[c] = (this.random.nextInt(5) < 2) ? this.random.nextInt(people) : -1;
			employeeRole[c] = (employee[c] >= 0) ? ROLES[this.random.nextInt(ROLES.length)][0] : null;
		}
		for (int c : byPerson(founder, people)) {
			files.append("relationships/FOUNDED.csv", List.of(id("p", founder[c]), id("c", c),
					Integer.toString(founded[c]), "", SOURCE_ID, QUOTES.get("FOUNDED")));
		}
		for (int c : byPerson(employee, people)) {
			files.append("relationships/WORKS_AT.csv", List.of(id("p", employee[c]), id("c", c), "", "",
					SOURCE_ID, QUOTES.get("WORKS_AT"), employeeRole[c]));
		}
	}

	/** Companies grouped by the person in {@code person[c]} (−1 = none), in person order then company order. */
	private static int[] byPerson(int[] person, int people) {
		int[] counts = new int[people + 1];
		for (int p : person) {
			if (p >= 0) {
				counts[p + 1]++;
			}
		}
		for (int i = 1; i <= people; i++) {
			counts[i] += counts[i - 1];
		}
		int[] order = new int[counts[people]];
		int[] next = counts.clone();
		for (int c = 0; c < person.length; c++) {
			if (person[c] >= 0) {
				order[next[person[c]]++] = c;
			}
		}
		return order;
	}

	private String[] brand(int length) {
		StringBuilder zh = new StringBuilder();
		StringBuilder en = new StringBuilder();
		for (int i = 0; i < length; i++) {
			String[] syllable = SYLLABLES[this.random.nextInt(SYLLABLES.length)];
			zh.append(syllable[0]);
			en.append(i == 0 ? syllable[1] : syllable[1].toLowerCase(Locale.ROOT));
		}
		return new String[] { zh.toString(), en.toString() };
	}

	/** A heavy-tailed index in 0..size-1: {@code size·u^power}, so low indexes are drawn far more often. */
	private int skewed(int size, int power) {
		return Math.min(size - 1, (int) (size * Math.pow(this.random.nextDouble(), power)));
	}

	private int city() {
		double u = this.random.nextDouble();
		double sum = 0;
		for (int c = 0; c < CITIES.size(); c++) {
			sum += CITIES.get(c).share();
			if (u < sum) {
				return c;
			}
		}
		return CITIES.size() - 1;
	}

	private String pick(String[] values) {
		return values[this.random.nextInt(values.length)];
	}

	private double uniform(double from, double to) {
		return from + (to - from) * this.random.nextDouble();
	}

	private static double clamp(double value, double min, double max) {
		return Math.max(min, Math.min(max, value));
	}

	private static String coordinate(double degrees) {
		return String.format(Locale.ROOT, "%.6f", degrees);
	}

	static String id(String kind, int index) {
		return "syn-" + kind + "-" + index;
	}

	/** Open appenders, one per CSV file, each continuing the copied seed file. */
	private static final class Appenders implements AutoCloseable {

		private final Path out;

		private final Map<String, Long> rows;

		private final Map<String, BufferedWriter> writers = new LinkedHashMap<>();

		Appenders(Path out, Map<String, Long> rows) {
			this.out = out;
			this.rows = rows;
		}

		void append(String file, List<String> fields) throws IOException {
			BufferedWriter writer = this.writers.get(file);
			if (writer == null) {
				Path path = this.out.resolve(file);
				writer = java.nio.file.Files.newBufferedWriter(path, StandardCharsets.UTF_8,
						java.nio.file.StandardOpenOption.APPEND);
				this.writers.put(file, writer);
			}
			writer.write(CsvTable.formatLine(fields));
			writer.write('\n');
			this.rows.merge(file, 1L, Long::sum);
		}

		@Override
		public void close() throws IOException {
			for (BufferedWriter writer : this.writers.values()) {
				writer.close();
			}
		}

	}

}
