package dev.haidian.graph.query;

/** A request argument out of range or malformed; reported to the client as BAD_REQUEST naming the argument. */
public class InvalidArgumentException extends RuntimeException {

	private final String argument;

	public InvalidArgumentException(String argument, String problem) {
		super(argument + " " + problem);
		this.argument = argument;
	}

	public String argument() {
		return this.argument;
	}

}
