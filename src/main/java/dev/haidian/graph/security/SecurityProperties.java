package dev.haidian.graph.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may read and write, and the abuse limits on {@code /graphql}.
 *
 * <p>
 * Credentials are {@code name:secret} pairs, sent either as {@code X-API-Key: secret} or as HTTP Basic
 * {@code name:secret}. There is no default credential: with no writer configured, every write is refused.
 *
 * @param readsOpen whether queries need no credential
 * @param writers credentials allowed to write (and read), {@code name:secret}, secret at least 16 characters
 * @param readers credentials allowed to read when reads are not open
 * @param maxBodyBytes largest request body accepted on /graphql
 * @param maxAliases most aliased fields in one document (alias bombs)
 * @param requestsPerMinute requests one client (credential name, or IP address when anonymous) may send per minute
 */
@ConfigurationProperties("app.security")
public record SecurityProperties(@DefaultValue("true") boolean readsOpen, @DefaultValue List<String> writers,
		@DefaultValue List<String> readers, @DefaultValue("65536") int maxBodyBytes,
		@DefaultValue("30") int maxAliases, @DefaultValue("1200") int requestsPerMinute) {
}
