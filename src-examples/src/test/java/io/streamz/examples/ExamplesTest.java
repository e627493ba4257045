package io.streamz.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Runs every example's main and compares what it printed with src/test/resources/expected. */
class ExamplesTest {
    @TestFactory
    Stream<DynamicTest> everyExamplePrintsWhatItsPageShows() {
        return Examples.ALL.stream().map(e -> DynamicTest.dynamicTest(e.name(), () ->
                assertThat(run(e)).isEqualTo(expected(e.name()))));
    }

    @Test
    void examplesAreNamedAfterTheirClassesAndUnique() {
        assertThat(Examples.ALL).allSatisfy(e -> assertThat(e.mainClass().getSimpleName()).isEqualTo(e.name()));
        assertThat(Examples.ALL.stream().map(Examples.Example::name).distinct().count())
                .isEqualTo(Examples.ALL.size());
    }

    /** Runs {@code e} with System.out captured. */
    static String run(Examples.Example e) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            Examples.run(e);
        } finally {
            System.setOut(saved);
        }
        return bytes.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    /** The expected output of the example {@code name}. */
    static String expected(String name) throws IOException {
        try (InputStream in = ExamplesTest.class.getResourceAsStream("/expected/" + name + ".txt")) {
            assertThat(in).as("src/test/resources/expected/%s.txt", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
