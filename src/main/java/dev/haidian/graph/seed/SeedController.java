package dev.haidian.graph.seed;

import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class SeedController {

	private final SeedService seed;

	SeedController(SeedService seed) {
		this.seed = seed;
	}

	@MutationMapping
	LoadSeedPayload loadSeed(@Argument LoadSeedInput input) {
		return LoadSeedPayload.of(() -> this.seed.load(input != null && Boolean.TRUE.equals(input.force())));
	}

	@SchemaMapping(typeName = "SeedReport")
	List<Map<String, Object>> nodesPerLabel(SeedReport report) {
		return counts(report.nodesPerLabel(), "label");
	}

	@SchemaMapping(typeName = "SeedReport")
	List<Map<String, Object>> relationshipsPerType(SeedReport report) {
		return counts(report.relationshipsPerType(), "type");
	}

	record LoadSeedInput(Boolean force) {
	}

	/** Refusals come back as typed errors in the payload, naming file, line and column where there is one. */
	record LoadSeedPayload(SeedReport report, List<SeedProblem> errors) {

		static LoadSeedPayload of(java.util.function.Supplier<SeedReport> load) {
			try {
				return new LoadSeedPayload(load.get(), List.of());
			}
			catch (SeedValidationException ex) {
				return new LoadSeedPayload(null, ex.problems());
			}
			catch (SeedConflictException ex) {
				return new LoadSeedPayload(null, List.of(new SeedProblem(null, 0, null, ex.getMessage())));
			}
		}

	}

	static List<Map<String, Object>> counts(Map<String, Integer> counts, String key) {
		return counts.entrySet().stream().map(e -> Map.<String, Object>of(key, e.getKey(), "count", e.getValue())).toList();
	}

}
