package dev.haidian.graph.browser;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.haidian.graph.neo4j.EmbeddedNeo4j;
import dev.haidian.graph.support.ServiceTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Browser on the embedded server gets our style and guide, from this app, and every guide query works. */
class BrowserGuideTests extends ServiceTest {

	@Autowired
	EmbeddedNeo4j server;

	@Test
	void browserIsToldToApplyOurStyleAndOpenOurGuideAfterConnecting() {
		Map<String, String> config = this.driver.executableQuery("CALL dbms.clientConfig() YIELD name, value")
			.execute()
			.records()
			.stream()
			.collect(Collectors.toMap(r -> r.get("name").asString(), r -> r.get("value").asString()));
		String base = "http://localhost:" + this.port + "/neo4j-browser/";
		assertThat(config).containsEntry("browser.post_connect_cmd",
				"style " + base + "style.grass; play " + base + "guide.html");
		assertThat(config.get("browser.remote_content_hostname_whitelist")).contains("localhost");
		assertThat(config).containsEntry("client.allow_telemetry", "false");
	}

	@Test
	void theAppsBrowserAddressOpensBrowserConnectedWithoutLogin() throws Exception {
		HttpResponse<String> response = get("/browser");
		assertThat(response.statusCode()).isEqualTo(302);
		String bolt = this.server.boltUri().toString().replaceAll("/$", "");
		assertThat(response.headers().firstValue("Location")).hasValue(this.server.httpUri().resolve("/browser/")
				+ "?preselectAuthMethod=NO_AUTH&dbms=" + URLEncoder.encode(bolt, StandardCharsets.UTF_8));
	}

	@Test
	void browserMayFetchTheGuideAndStyleFromItsOwnOrigin() throws Exception {
		String origin = this.server.httpUri().resolve("/").toString().replaceAll("/$", "");
		for (String file : List.of("guide.html", "style.grass")) {
			URI uri = URI.create("http://localhost:" + this.port + "/neo4j-browser/" + file);
			// Browser sends no-cache headers, so the browser first asks whether it may (a CORS preflight).
			HttpResponse<String> preflight = this.http.send(HttpRequest.newBuilder(uri)
				.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
				.header("Origin", origin)
				.header("Access-Control-Request-Method", "GET")
				.header("Access-Control-Request-Headers", "pragma,cache-control")
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(preflight.statusCode()).isEqualTo(200);
			assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri).header("Origin", origin).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
		}
	}

	@Test
	void theGuideToursTheGraphInSlidesWithRunnableQueries() throws Exception {
		String guide = get("/neo4j-browser/guide.html").body();
		assertThat(Pattern.compile("<slide\\b").matcher(guide).results().count()).isGreaterThanOrEqualTo(7);
		assertThat(guide).contains("What sits where in Haidian", "Firms near Tsinghua and Peking University",
				"Beijing–Hangzhou links", "Founders and alma maters", "The policy timeline",
				"Where each fact comes from", "db.schema.visualization");
		// Offline: nothing in the guide points to the internet.
		assertThat(guide).doesNotContain("https://", "src=\"http");
	}

	@Test
	void everyGuideQueryRunsAndFindsSomething() throws Exception {
		List<String> queries = runnableQueries(get("/neo4j-browser/guide.html").body());
		assertThat(queries).hasSizeGreaterThanOrEqualTo(12);
		for (String query : queries) {
			try (var session = this.driver.session()) {
				int rows = session.executeRead(tx -> tx.run(query).list().size());
				assertThat(rows).as("rows of guide query:%n%s", query).isPositive();
			}
		}
	}

	@Test
	void theStyleGivesEveryLabelItsOwnColourAndTheBilingualCaption() throws Exception {
		String grass = get("/neo4j-browser/style.grass").body();
		Map<String, String> rules = new HashMap<>();
		Matcher rule = Pattern.compile("([\\w.]+)\\s*\\{(.*?)\\n}", Pattern.DOTALL).matcher(grass);
		while (rule.find()) {
			rules.put(rule.group(1), rule.group(2));
		}
		assertThat(rules.get("relationship")).contains("caption: \"<type>\"");
		List<String> labels = this.driver.executableQuery("CALL db.labels() YIELD label RETURN label")
			.execute()
			.records()
			.stream()
			.map(r -> r.get("label").asString())
			.filter(label -> !label.equals("SeedLoad"))
			.toList();
		Set<String> colours = new HashSet<>();
		for (String label : labels) {
			String body = rules.get("node." + label);
			assertThat(body).as("GraSS rule for :%s", label).isNotNull().contains("caption: \"{nameZh} {name}\"");
			Matcher colour = Pattern.compile("(?m)^\\s*color:\\s*(#\\w+);").matcher(body);
			assertThat(colour.find()).isTrue();
			if (!label.equals("Entity")) {
				assertThat(colours.add(colour.group(1).toLowerCase())).as("colour of :%s is its own", label).isTrue();
			}
		}
	}

	/** The text of every {@code <pre class="runnable">}, as Browser puts it into its editor. */
	static List<String> runnableQueries(String html) {
		List<String> queries = new ArrayList<>();
		Matcher pre = Pattern.compile("<pre class=\"runnable\">(.*?)</pre>", Pattern.DOTALL).matcher(html);
		while (pre.find()) {
			queries.add(pre.group(1)
				.replace("&lt;", "<")
				.replace("&gt;", ">")
				.replace("&quot;", "\"")
				.replace("&#39;", "'")
				.replace("&amp;", "&")
				.strip());
		}
		return queries;
	}

}
