package io.streamz.examples.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import io.streamz.examples.Snippets;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs the connector examples (each starts and stops its own broker or servers) and checks that
 * docs/connectors.md shows their code and output: a block after
 * {@code <!-- connectors-example: Name -->} is the example's docs:start..docs:end part, a block
 * after {@code <!-- connectors-output: Name -->} is what it prints.
 */
class ConnectorExamplesTest {
    private static final Path ROOT = Path.of(System.getProperty("streamz.root", ".."));

    @Test
    void mqttExample() throws Exception {
        check("MqttExample", () -> MqttExample.main(new String[0]));
    }

    @Test
    void netExample() throws Exception {
        check("NetExample", () -> NetExample.main(new String[0]));
    }

    @Test
    void filesExample() throws Exception {
        check("FilesExample", () -> FilesExample.main(new String[0]));
    }

    interface Main {
        void run() throws Exception;
    }

    private static void check(String name, Main main) throws Exception {
        String page = Files.readString(ROOT.resolve("docs/connectors.md"), StandardCharsets.UTF_8);
        assertThat(block(page, "connectors-example", name)).isEqualTo(snippet(name));
        assertThat(run(main)).isEqualTo(block(page, "connectors-output", name));
    }

    private static String run(Main main) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            main.run();
        } finally {
            System.setOut(saved);
        }
        return bytes.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    private static String block(String page, String marker, String name) {
        Matcher m = Pattern.compile("<!-- " + marker + ": " + name + " -->\\s*\\n```[a-z]*\\n(.*?)```", Pattern.DOTALL)
                .matcher(page);
        assertThat(m.find()).as("docs/connectors.md has <!-- %s: %s -->", marker, name).isTrue();
        return m.group(1);
    }

    private static String snippet(String name) throws IOException {
        return Snippets.between(ROOT.resolve("src-examples/src/main/java/io/streamz/examples/connectors/" + name + ".java"));
    }
}
