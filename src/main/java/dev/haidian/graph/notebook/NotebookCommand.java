package dev.haidian.graph.notebook;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The notebook command: {@code --app.notebook.run=<file or directory>[,...]} runs the notebooks against the
 * configured database (the embedded one by default, {@code NEO4J_URI} when set), prints each step's purpose,
 * query, result table and expectation checks, then exits: 0 when every expectation holds, 1 when one does not,
 * 2 when a notebook cannot be read or run.
 *
 * <p>
 * It runs on {@link ApplicationReadyEvent}, after every start-up runner, so that a fresh clone's empty embedded
 * database has the seed graph loaded before the first query. {@link NotebookMode} makes such a run quiet and
 * keeps it off the ports of a service that may be running at the same time.
 */
@Component
@ConditionalOnProperty("app.notebook.run")
class NotebookCommand {

	private final NotebookRunner runner;

	private final ApplicationContext context;

	private final String targets;

	NotebookCommand(NotebookRunner runner, ApplicationContext context, @Value("${app.notebook.run}") String targets) {
		this.runner = runner;
		this.context = context;
		this.targets = targets;
	}

	@EventListener(ApplicationReadyEvent.class)
	void runAndExit() {
		PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
		int code = run(out);
		System.exit(SpringApplication.exit(this.context, () -> code));
	}

	int run(PrintStream out) {
		int failed = 0;
		int checks = 0;
		try {
			for (Path file : files(this.targets)) {
				Notebook notebook = Notebook.read(file);
				out.println("==== " + file);
				notebook.header().forEach(line -> out.println(line));
				for (NotebookRunner.StepResult result : this.runner.run(notebook)) {
					print(out, result);
					checks += result.checks().size();
					failed += (int) result.checks().stream().filter(c -> !c.passed()).count();
				}
				out.println();
			}
		}
		catch (NotebookException | UncheckedIOException ex) {
			out.println("ERROR " + ex.getMessage());
			return 2;
		}
		out.println(failed == 0 ? "All " + checks + " expectations hold."
				: failed + " of " + checks + " expectations do not hold.");
		return failed == 0 ? 0 : 1;
	}

	private static void print(PrintStream out, NotebookRunner.StepResult result) {
		Notebook.Step step = result.step();
		out.println();
		out.println("---- " + step.title());
		step.description().stream().skip(1).forEach(line -> out.println("     " + line));
		Map<String, Object> used = new TreeMap<>();
		result.params().forEach((name, value) -> {
			if (step.cypher().contains("$" + name)) {
				used.put(name, value);
			}
		});
		if (!used.isEmpty()) {
			out.println("     parameters: " + used);
		}
		step.cypher().lines().forEach(line -> out.println("  " + line));
		out.print(Tables.table(result.columns(), result.rows()));
		for (NotebookRunner.Check check : result.checks()) {
			out.println((check.passed() ? "  ok    expect: " : "  FAIL  expect: ") + check.expectation().text()
					+ (check.passed() ? "" : "  (" + check.detail() + ")"));
		}
	}

	/** The notebook files named: files as given, directories as their {@code *.cypher} files in name order. */
	static List<Path> files(String targets) {
		List<Path> files = new ArrayList<>();
		for (String target : targets.split(",")) {
			Path path = Path.of(target.strip());
			if (Files.isDirectory(path)) {
				try (Stream<Path> children = Files.list(path)) {
					children.filter(p -> p.toString().endsWith(".cypher")).sorted().forEach(files::add);
				}
				catch (IOException ex) {
					throw new UncheckedIOException("Cannot list notebooks in " + path, ex);
				}
			}
			else if (Files.isRegularFile(path)) {
				files.add(path);
			}
			else {
				throw new UncheckedIOException(new IOException("No notebook at " + path.toAbsolutePath()
						+ " (app.notebook.run takes .cypher files or directories, separated by commas)"));
			}
		}
		return files;
	}

}
