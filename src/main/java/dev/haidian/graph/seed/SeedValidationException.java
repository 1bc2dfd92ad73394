package dev.haidian.graph.seed;

import java.util.List;
import java.util.stream.Collectors;

/** The seed was refused before anything was written; every problem found is listed. */
public class SeedValidationException extends RuntimeException {

	private static final int SHOWN = 50;

	private final transient List<SeedProblem> problems;

	public SeedValidationException(List<SeedProblem> problems) {
		super(describe(problems));
		this.problems = List.copyOf(problems);
	}

	public List<SeedProblem> problems() {
		return this.problems;
	}

	private static String describe(List<SeedProblem> problems) {
		String shown = problems.stream().limit(SHOWN).map(p -> "  " + p).collect(Collectors.joining("\n"));
		String more = problems.size() > SHOWN ? "\n  … and " + (problems.size() - SHOWN) + " more" : "";
		return "The seed was not loaded (the database is unchanged): " + problems.size() + " problem"
				+ (problems.size() == 1 ? "" : "s") + "\n" + shown + more;
	}

}
