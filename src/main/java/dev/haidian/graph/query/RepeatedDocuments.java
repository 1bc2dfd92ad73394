package dev.haidian.graph.query;

import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.ExecutionResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import graphql.schema.DataFetchingFieldSelectionSet;

/**
 * What graphql-java would work out afresh for every request but which depends only on the document, the
 * operation and the variables: whether the operation is within the depth and complexity limits, and the
 * selection sets of its root fields (from which {@link Projection} writes the Cypher). Clients send the same
 * few documents again and again, and the parsed-document cache ({@link GraphQlWiring}) hands back the very same
 * {@code Document} object for the same text, so both are remembered per (document, operation, variables);
 * together they were a third of the CPU time of a small request.
 *
 * <p>
 * A document over a limit is never remembered: it is checked (and refused with graphql-java's own message)
 * every time. Each memory holds at most {@code MAX_ENTRIES} entries, the least used going first.
 */
final class RepeatedDocuments extends SimplePerformantInstrumentation {

	private static final int MAX_ENTRIES = 2000;

	private static final int MAX_KEY_LENGTH = 2000;

	/** One operation of one parsed document with its variables; documents compare by identity. */
	private record Operation(Object document, String name, Map<String, Object> variables) {

		@Override
		public String toString() {
			return this.name + " " + this.variables;
		}

		static Operation of(ExecutionContext context) {
			return new Operation(context.getDocument(), context.getOperationDefinition().getName(),
					context.getCoercedVariables().toMap());
		}

		static Operation of(DataFetchingEnvironment env) {
			return new Operation(env.getDocument(), env.getOperationDefinition().getName(), env.getVariables());
		}

	}

	private record RootField(Operation operation, String resultKey) {
	}

	private final MaxQueryDepthInstrumentation depth;

	private final MaxQueryComplexityInstrumentation complexity;

	private final Cache<Operation, Boolean> withinLimits = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).build();

	private final Cache<RootField, DataFetchingFieldSelectionSet> selections = Caffeine.newBuilder()
		.maximumSize(MAX_ENTRIES)
		.build();

	RepeatedDocuments(Limits limits) {
		this.depth = new MaxQueryDepthInstrumentation(limits.maxDepth());
		this.complexity = new MaxQueryComplexityInstrumentation(limits.maxComplexity());
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		Operation operation = Operation.of(parameters.getExecutionContext());
		if (this.withinLimits.getIfPresent(operation) == null) {
			// Each throws AbortExecutionException (the GraphQL error the client sees) when its limit is exceeded.
			this.depth.beginExecuteOperation(parameters, null);
			this.complexity.beginExecuteOperation(parameters, null);
			remember(this.withinLimits, operation, Boolean.TRUE);
		}
		return SimpleInstrumentationContext.noOp();
	}

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
			InstrumentationState state) {
		if (parameters.getExecutionStepInfo().getPath().getLevel() != 1) {
			return dataFetcher;
		}
		return env -> dataFetcher.get(withRememberedSelection(env));
	}

	private DataFetchingEnvironment withRememberedSelection(DataFetchingEnvironment env) {
		RootField key = new RootField(Operation.of(env), env.getField().getResultKey());
		DataFetchingFieldSelectionSet selection = this.selections.getIfPresent(key);
		if (selection == null) {
			selection = env.getSelectionSet();
			selection.getFields(); // computed now, before other threads can see it
			remember(this.selections, key, selection);
			return env;
		}
		return DataFetchingEnvironmentImpl.newDataFetchingEnvironment(env).selectionSet(selection).build();
	}

	private static <K, V> void remember(Cache<K, V> memory, K key, V value) {
		if (key.toString().length() <= MAX_KEY_LENGTH) {
			memory.put(key, value); // large variables: the same request is unlikely to come again
		}
	}

}
