package dev.haidian.graph.query;

/** The database cannot run statements right now, e.g. it is shutting down; the request may be retried later. */
public class GraphUnavailableException extends RuntimeException {

	public GraphUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
