package dev.haidian.graph.seed;

/** Loading the seed was refused because the graph holds data written since the seed was last loaded. */
public class SeedConflictException extends RuntimeException {

	public SeedConflictException(String message) {
		super(message);
	}

}
