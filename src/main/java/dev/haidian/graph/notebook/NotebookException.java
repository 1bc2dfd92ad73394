package dev.haidian.graph.notebook;

/** A notebook that cannot be read or run, with the file and line to look at. */
public class NotebookException extends RuntimeException {

	NotebookException(String file, int line, String message) {
		super(file + ":" + line + ": " + message);
	}

	NotebookException(String file, int line, String message, Throwable cause) {
		super(file + ":" + line + ": " + message, cause);
	}

}
