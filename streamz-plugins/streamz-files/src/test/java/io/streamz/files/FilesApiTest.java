package io.streamz.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamz.testing.NullContract;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.scheduler.Schedulers;

class FilesApiTest {
    @TempDir
    Path dir;

    @Test
    void everyPublicMethodRejectsNullNamingTheParameter() throws Exception {
        Map<String, Object> samples = Map.ofEntries(
                Map.entry("path", dir.resolve("x.csv").toString()),
                Map.entry("options", FileOptions.defaults()),
                Map.entry("rowType", Map.class),
                Map.entry("type", Map.class),
                Map.entry("columns", List.of("a")),
                Map.entry("column", "a"),
                Map.entry("pollInterval", "1s"),
                Map.entry("scheduler", Schedulers.immediate()),
                Map.entry("separator", ';'),
                Map.entry("header", true),
                Map.entry("tail", true));
        assertThat(NullContract.problems(Csv.class, null, samples)).isEmpty();
        assertThat(NullContract.problems(JsonLines.class, null, samples)).isEmpty();
        assertThat(NullContract.problems(FileOptions.class, FileOptions.defaults(), samples)).isEmpty();
    }
}
