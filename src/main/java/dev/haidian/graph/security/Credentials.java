package dev.haidian.graph.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The configured credentials and how a request's {@code X-API-Key} or {@code Authorization: Basic} header is
 * matched against them (in constant time, so response times leak nothing about secrets).
 */
final class Credentials {

	/** A configured credential: who, the secret, and whether it may write. */
	record Credential(String name, byte[] secret, boolean writer) {
	}

	private final List<Credential> credentials = new ArrayList<>();

	Credentials(SecurityProperties properties) {
		add(properties.writers(), true, "app.security.writers");
		add(properties.readers(), false, "app.security.readers");
	}

	private void add(List<String> entries, boolean writer, String property) {
		for (String entry : entries) {
			int colon = entry.indexOf(':');
			if (colon < 1 || entry.length() - colon - 1 < 16) {
				throw new IllegalStateException(property + " entries must be name:secret with a secret of at least "
						+ "16 characters; one entry is not (its value is not shown)");
			}
			this.credentials.add(new Credential(entry.substring(0, colon).strip(),
					entry.substring(colon + 1).strip().getBytes(StandardCharsets.UTF_8), writer));
		}
	}

	boolean anyWriter() {
		return this.credentials.stream().anyMatch(Credential::writer);
	}

	/**
	 * The credential a request presents: empty when it presents none, {@code null} inside the optional when it
	 * presents one that matches nothing.
	 */
	Optional<Optional<Credential>> presented(String apiKey, String authorization) {
		if (apiKey != null && !apiKey.isEmpty()) {
			return Optional.of(match(null, apiKey));
		}
		if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			try {
				String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
						StandardCharsets.UTF_8);
				int colon = decoded.indexOf(':');
				return Optional.of((colon < 0) ? Optional.empty()
						: match(decoded.substring(0, colon), decoded.substring(colon + 1)));
			}
			catch (IllegalArgumentException ex) {
				return Optional.of(Optional.empty());
			}
		}
		return Optional.empty();
	}

	private Optional<Credential> match(String name, String secret) {
		byte[] given = secret.getBytes(StandardCharsets.UTF_8);
		Credential found = null;
		for (Credential credential : this.credentials) {
			boolean same = MessageDigest.isEqual(credential.secret(), given)
					&& (name == null || name.equals(credential.name()));
			if (same && found == null) {
				found = credential;
			}
		}
		return Optional.ofNullable(found);
	}

}
