package dev.haidian.graph.neo4j;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** A store that outgrows the page cache (e.g. after a bulk import) is worth a warning that says what to set. */
@ExtendWith(OutputCaptureExtension.class)
class PageCacheWarningTests {

	@Test
	void aStoreLargerThanThePageCacheIsReportedWithTheSettingToChange(@TempDir Path data, CapturedOutput output)
			throws Exception {
		Path database = Files.createDirectories(data.resolve("databases/neo4j"));
		Files.write(database.resolve("neostore.nodestore.db"), new byte[3 << 20]);

		EmbeddedNeo4j.warnIfStoreOutgrowsPageCache(data, 8L << 20);
		assertThat(output).doesNotContain("page cache only");

		EmbeddedNeo4j.warnIfStoreOutgrowsPageCache(data, 1L << 20);
		assertThat(output).contains("is 3 MiB but the page cache only 1 MiB", "app.neo4j.embedded.page-cache",
				"256m or more");
	}

	@Test
	void noStoreYetNoWarning(@TempDir Path data, CapturedOutput output) {
		EmbeddedNeo4j.warnIfStoreOutgrowsPageCache(data, 1L << 20);
		assertThat(output).doesNotContain("page cache only");
	}

}
