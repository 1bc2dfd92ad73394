package dev.haidian.graph.browser;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.haidian.graph.neo4j.EmbeddedNeo4j;

/**
 * {@code /browser} on the app: a short address that opens Neo4j Browser already connected.
 *
 * <p>
 * Browser on the embedded server only connects by itself when told that no login is needed and where Bolt is
 * ({@code preselectAuthMethod=NO_AUTH&dbms=bolt://...}); without those it shows a login form, which a newcomer
 * cannot fill in. The embedded server knows both its ports, so this redirect builds that URL. With an external
 * Neo4j (which has a login) it sends the reader to that server's Browser on this machine.
 */
@RestController
class BrowserController {

	private final ObjectProvider<EmbeddedNeo4j> embedded;

	BrowserController(ObjectProvider<EmbeddedNeo4j> embedded) {
		this.embedded = embedded;
	}

	@GetMapping("/browser")
	ResponseEntity<Void> browser() {
		EmbeddedNeo4j server = this.embedded.getIfAvailable();
		URI target = (server == null) ? URI.create("http://localhost:7474/browser/")
				: URI.create(server.httpUri().resolve("/browser/") + "?preselectAuthMethod=NO_AUTH&dbms="
						+ URLEncoder.encode(server.boltUri().toString().replaceAll("/$", ""), StandardCharsets.UTF_8));
		return ResponseEntity.status(HttpStatus.FOUND).location(target).build();
	}

}
