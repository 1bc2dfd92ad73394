package dev.haidian.graph.query;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.haidian.graph.neo4j.EmbeddedNeo4j;

/**
 * Where users open Neo4j Browser: the embedded server's, connecting without a login form, or the one configured
 * with {@code app.browser.url} for an external Neo4j.
 */
@Component
public class BrowserLinks {

	private final String prefix;

	BrowserLinks(ObjectProvider<EmbeddedNeo4j> embedded, @Value("${app.browser.url:}") String configured) {
		EmbeddedNeo4j server = embedded.getIfAvailable();
		if (!configured.isBlank()) {
			this.prefix = configured + (configured.contains("?") ? "&" : "?");
		}
		else if (server != null) {
			this.prefix = server.httpUri().resolve("/browser/") + "?preselectAuthMethod=NO_AUTH&dbms="
					+ server.boltUri().toString().replaceAll("/$", "") + "&";
		}
		else {
			this.prefix = "http://localhost:7474/browser/?";
		}
	}

	/** Browser URL up to the point where a command ({@code cmd=…&arg=…}) is appended. */
	public String prefix() {
		return this.prefix;
	}

	public Reproduction reproduce(String statement, java.util.Map<String, Object> parameters) {
		return Reproduction.of(this.prefix, statement, parameters);
	}

}
